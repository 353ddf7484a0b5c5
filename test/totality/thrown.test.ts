// A throw inside a reader is a bug: it is reported as one `internal` issue, in memory and streamed, never thrown and
// never hidden (by reading the input again another way, or by calling it a failure of the source). No public input
// makes syncwire's own readers throw (that would be a bug to fix), so each is made to throw here through the smallest
// internal seam: the FILESYNC event reader object, the streaming parser's class, the JSON reader's class. The same
// behaviour through a public entry point, with a payload codec that throws, is in test/xml/event-reader.test.ts.
import { either as E } from 'fp-ts'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { JsonStreamReader } from '../../src/common/json-stream'
import { FileSyncXml, reportErrors, streamFileSync } from '../../src/filesync/index'
import { DOCUMENT_EVENTS, ITEM_EVENTS } from '../../src/filesync/item-events'
import { streamSyncFeedJson } from '../../src/sdata/index'
import { StreamParser } from '../../src/xml/stream-parser'
import { wholeFault } from '../support/issues'
import { collect } from '../support/stream'

afterEach(() => {
  vi.restoreAllMocks()
})

const lastOf = <T>(events: T[]): T | undefined => events[events.length - 1]

describe('a throw in a protocol’s event reader (FILESYNC, its leaf reader made to fail once)', () => {
  const doc = '<Items><Document><RelationshipName>a.txt</RelationshipName></Document></Items>'
  const bug = () => {
    throw new TypeError('reader bug')
  }

  it('is FileSyncXml’s internal issue (the one-run decode)', () => {
    vi.spyOn(DOCUMENT_EVENTS, 'leaf').mockImplementationOnce(bug)
    const r = FileSyncXml.decode(doc)
    expect(E.isLeft(r) && reportErrors(r.left)).toStrictEqual([
      wholeFault('internal', 'could not decode the document: reader bug'),
    ])
  })

  it('is FileSyncXml’s internal issue when the one run gave up and the streaming reader reads the text', () => {
    // A comment in Items: the one-run decode gives it to the other ways, whose item reader then fails.
    vi.spyOn(ITEM_EVENTS, 'leaf').mockImplementationOnce(bug)
    const r = FileSyncXml.decode(doc.replace('<Items>', '<Items><!-- c -->'))
    expect(E.isLeft(r) && reportErrors(r.left)).toStrictEqual([
      wholeFault('internal', 'could not decode the document: reader bug'),
    ])
  })

  it('is the stream’s internal error', async () => {
    vi.spyOn(ITEM_EVENTS, 'leaf').mockImplementationOnce(bug)
    const events = await collect(streamFileSync([doc]))
    expect(events).toStrictEqual([
      { type: 'error', issues: [wholeFault('internal', 'could not decode the document: reader bug')] },
    ])
  })

  it('without the failure, each reads the document', async () => {
    expect(E.isRight(FileSyncXml.decode(doc))).toBe(true)
    expect((await collect(streamFileSync([doc]))).map((e) => e.type)).toStrictEqual(['item', 'end'])
  })
})

describe('a throw of the streaming reader (its end-of-document check, or a run while it settles)', () => {
  const doc = '<Items><Folder><RelationshipName>a</RelationshipName></Folder></Items>'

  it('ends a stream with an internal issue, not as the source’s failure', async () => {
    vi.spyOn(StreamParser.prototype, 'closing').mockImplementationOnce(() => {
      throw new TypeError('reader bug')
    })
    expect(lastOf(await collect(streamFileSync([doc])))).toStrictEqual({
      type: 'error',
      issues: [wholeFault('internal', 'could not decode the document: reader bug')],
    })
  })

  it('is reported beside the source’s failure when it comes while the reader settles after it', async () => {
    // The first chunk's run waits for more; the second chunk is too short to run again; the run that settles the
    // text held when the source fails is the one that throws.
    vi.spyOn(StreamParser.prototype, 'run')
      .mockImplementationOnce(() => 'more')
      .mockImplementationOnce(() => {
        throw new TypeError('reader bug')
      })
    async function* failing() {
      yield doc.slice(0, 20)
      yield doc.slice(20, 25)
      throw new Error('connection reset')
    }
    expect(lastOf(await collect(streamFileSync(failing())))).toStrictEqual({
      type: 'error',
      issues: [
        wholeFault('internal', 'could not decode the document: reader bug'),
        wholeFault('incomplete', 'the source failed: connection reset'),
      ],
    })
  })
})

describe('streamSyncFeedJson: a throw of the reader', () => {
  it('ends the stream with an internal issue, not as the source’s failure', async () => {
    vi.spyOn(JsonStreamReader.prototype, 'end').mockImplementationOnce(() => {
      throw new TypeError('reader bug')
    })
    const events = await collect(streamSyncFeedJson(['{"$resources": []}']))
    expect(lastOf(events)).toStrictEqual({
      type: 'error',
      issues: [wholeFault('internal', 'could not decode the document: reader bug')],
    })
  })
})
