// Event mode gives an element back to the tree for a fault of the text only: anything else thrown while it reads (a
// bug of a protocol's event reader, of a user's codec, of the parser) is reported as one `internal` issue, in memory
// and streamed, never swallowed by reading the element again as a tree (which would hide the bug).
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { reportErrors } from '../../src/codec/index'
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
    expect(events).toStrictEqual([{ type: 'error', issues: [wholeFault('internal', 'unexpected input: payload bug')] }])
  })

  it('a codec that does not throw reads the feed as before', () => {
    const r = syncFeedXml(flaky(0)).decode(FEED)
    expect(E.isRight(r) && r.right.entries.map((e) => e.payload?.value)).toStrictEqual(['a'])
  })
})
