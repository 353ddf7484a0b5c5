// streamSyncFeed's reading of a feed's children: only Atom `entry` children are entries (an `entry` element of
// another namespace is one of the feed's extensions, as in the in-memory decode), and with positions every event,
// the head first, carries the element it was read from; a payload codec that throws ends the stream with an
// internal issue.
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { type PayloadCodec, SyncFeedXml, streamSyncFeed } from '../../src/sdata/index'
import type { XmlElement } from '../../src/xml/index'
import { wholeFault } from '../support/issues'
import { collect } from '../support/stream'

const E = 'http://example.com/sdata/app/-/accounts'
const FEED =
  '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:sync="http://schemas.sage.com/sdata/sync/2008/1" ' +
  'xmlns:x="urn:other"><title>t</title><x:entry>not an Atom entry</x:entry>' +
  `<entry><id>${E}('1')</id></entry><x:entry>again</x:entry><entry><id>${E}('2')</id></entry></feed>`

describe('streamSyncFeed: the feed children that are entries', () => {
  it('reads an entry element of another namespace as a feed extension, as the in-memory decode does', async () => {
    const memory = SyncFeedXml.decode(FEED)
    if (memory._tag !== 'Right') throw new Error('fixture does not decode')
    expect(memory.right.entries).toHaveLength(2)
    expect(memory.right.extensions).toHaveLength(2)
    const events = await collect(streamSyncFeed([FEED]))
    expect(events.map((e) => e.type)).toStrictEqual(['head', 'entry', 'entry', 'end'])
    const end = events[events.length - 1]
    if (end?.type !== 'end') throw new Error('no end event')
    expect(end.feed.extensions).toStrictEqual(memory.right.extensions)
  })

  it('with positions, gives the head, entry and end events each with its element', async () => {
    const events = await collect(streamSyncFeed([FEED], { parse: { positions: true } }))
    expect(events.map((e) => [e.type, e.type === 'error' ? undefined : e.element?.localName])).toStrictEqual([
      ['head', 'feed'],
      ['entry', 'entry'],
      ['entry', 'entry'],
      ['end', 'feed'],
    ])
  })
})

describe('streamSyncFeed: a payload codec that throws', () => {
  const boom: PayloadCodec<string> = new t.Type<string, XmlElement, XmlElement>(
    'Boom',
    (u): u is string => typeof u === 'string',
    () => {
      throw new Error('codec bug')
    },
    () => '' as never,
  )
  const text =
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:sdata="http://schemas.sage.com/sdata/2008/1">' +
    '<entry><sdata:payload><a xmlns="urn:c"/></sdata:payload></entry></feed>'

  it.each([false, true])('ends with one internal issue naming the fault (positions %s)', async (positions) => {
    const events = await collect(streamSyncFeed([text], { payload: boom, parse: { positions } }))
    // Read as a tree (with positions), the entry is read after the head went out; in event mode the head goes out
    // with the first entry read, and the codec throws while the entry is read: the throw is reported, not hidden.
    expect(events.map((e) => e.type)).toStrictEqual(positions ? ['head', 'error'] : ['error'])
    const last = events[events.length - 1]
    expect(last?.type === 'error' ? last.issues : []).toStrictEqual([
      wholeFault('internal', 'could not decode the document: codec bug'),
    ])
  })
})
