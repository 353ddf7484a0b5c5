// Event mode gives an element back to the tree for a fault of the text only: anything else thrown while it reads (a
// bug of a protocol's event reader, of a user's codec, of the parser) is reported as one `internal` issue, in memory
// and streamed, never swallowed by reading the element again as a tree (which would hide the bug).
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { reportErrors } from '../../src/codec/index'
import { fileSyncXml, streamFileSync } from '../../src/filesync/index'
import { type PayloadCodec, streamSyncFeed, syncFeedXml } from '../../src/sdata/index'
import type { XmlElement } from '../../src/xml/index'
import { wholeFault } from '../support/issues'
import { collect } from '../support/stream'

/** A payload codec that throws on its first `throws` calls, then reads any payload as its element's local name. */
function flaky(throws: number): PayloadCodec<string> {
  let calls = 0
  return new t.Type<string, XmlElement, XmlElement>(
    'Flaky',
    (u): u is string => typeof u === 'string',
    (el) => {
      if (calls++ < throws) throw new TypeError('payload bug')
      return t.success(el.localName)
    },
    () => ({ type: 'element', namespace: null, localName: 'x', prefix: null, attributes: [], children: [] }),
  )
}

const FEED =
  '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:sdata="http://schemas.sage.com/sdata/2008/1">' +
  '<entry><sdata:payload><a xmlns="urn:c"/></sdata:payload></entry></feed>'

describe('a throw in event mode, through a payload codec (SData)', () => {
  it('is the in-memory decode’s internal issue, not hidden by the tree read that follows (which would succeed)', () => {
    const r = syncFeedXml(flaky(1)).decode(FEED)
    expect(E.isLeft(r) && reportErrors(r.left)).toStrictEqual([
      wholeFault('internal', 'could not decode the document: payload bug'),
    ])
  })

  it('is the stream’s internal error, the entry not read again', async () => {
    const events = await collect(streamSyncFeed([FEED], { payload: flaky(1) }))
    expect(events).toStrictEqual([
      { type: 'error', issues: [wholeFault('internal', 'could not decode the document: payload bug')] },
    ])
  })

  it('a codec that does not throw reads the feed as before', () => {
    const r = syncFeedXml(flaky(0)).decode(FEED)
    expect(E.isRight(r) && r.right.entries.map((e) => e.payload?.value)).toStrictEqual(['a'])
  })
})

describe('event mode and deep documents', () => {
  // Event mode's reading recurses; past the default maxDepth it leaves elements to the tree, whose reading does not,
  // so a document nested deeper than the stack allows to recurse decodes when the caller raised maxDepth.
  const depth = 5000
  const doc = `<Folder>${'<Items><Folder>'.repeat(depth)}${'</Folder></Items>'.repeat(depth)}</Folder>`
  const parse = { maxDepth: 1_000_000 }

  it('decodes in memory as the tree reads it', () => {
    const r = fileSyncXml({ parse }).decode(doc)
    let folder = E.isRight(r) && r.right.root === 'Folder' ? r.right.folder : undefined
    let levels = 0
    while (folder?.items?.[0]?.kind === 'Folder') {
      folder = folder.items[0]
      levels++
    }
    expect(levels).toBe(depth)
  })

  it('streams as it reads in memory', async () => {
    const events = await collect(streamFileSync([doc], { parse }))
    expect(events.map((e) => e.type).slice(-2)).toStrictEqual(['item', 'end'])
    expect(events.filter((e) => e.type === 'item')).toHaveLength(depth)
  })
})
