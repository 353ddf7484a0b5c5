// A throw inside a reader is a bug: it is reported as one `internal` issue, in memory and streamed, never thrown and
// never hidden (by reading the input again another way, or by calling it a failure of the source). No public input
// makes syncwire's own readers throw (that would be a bug to fix), so each is made to throw here through the smallest
// internal seam: the FILESYNC event reader object. The same
// behaviour through a public entry point, with a payload codec that throws, is in test/xml/event-reader.test.ts.
import { either as E } from 'fp-ts'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FileSyncXml, reportErrors, streamFileSync } from '../../src/filesync/index'
import { DOCUMENT_EVENTS, ITEM_EVENTS } from '../../src/filesync/item-events'
import { wholeFault } from '../support/issues'
import { collect } from '../support/stream'

afterEach(() => {
  vi.restoreAllMocks()
})

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
    expect(E.isLeft(r) && reportErrors(r.left)).toStrictEqual([wholeFault('internal', 'unexpected input: reader bug')])
  })

  it('is the stream’s internal error', async () => {
    vi.spyOn(ITEM_EVENTS, 'leaf').mockImplementationOnce(bug)
    const events = await collect(streamFileSync([doc]))
    expect(events).toStrictEqual([{ type: 'error', issues: [wholeFault('internal', 'unexpected input: reader bug')] }])
  })

  it('without the failure, each reads the document', async () => {
    expect(E.isRight(FileSyncXml.decode(doc))).toBe(true)
    expect((await collect(streamFileSync([doc]))).map((e) => e.type)).toStrictEqual(['item', 'end'])
  })
})
