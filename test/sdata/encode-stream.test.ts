// encodeSyncFeedStream against SyncFeedXml.encode: generated feeds, their entries split between the head and the
// stream (sync and async), give the same text, and the chunks read back through streamSyncFeed to the same feed.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  encodeSyncFeedStream,
  rebuildSyncFeed,
  type Stamp,
  type SyncEntry,
  type SyncFeed,
  SyncFeedXml,
  streamSyncFeed,
} from '../../src/sdata/index'
import { arbSyncFeed } from '../../src/testing/arbitraries/index'
import { parseXml, XMLNS_NAMESPACE } from '../../src/xml/index'
import { numRuns } from '../support/runtime'
import { asyncChunks, collect } from '../support/stream'

/** The conventional prefixes `encode` declares on the feed's root: the ones the whole document uses. */
function declaredBy(text: string): string[] {
  const parsed = parseXml(text)
  if (parsed._tag === 'Left') throw new Error('encode wrote text that does not parse')
  return parsed.right.root.attributes
    .filter((a) => a.namespace === XMLNS_NAMESPACE)
    .map((a) => (a.prefix === null ? '' : a.localName))
}

function split(feed: SyncFeed, at: number): [SyncFeed, SyncEntry[]] {
  const k = at % (feed.entries.length + 1)
  return [{ ...feed, entries: feed.entries.slice(0, k) }, feed.entries.slice(k)]
}

describe('encodeSyncFeedStream', () => {
  it('writes exactly what SyncFeedXml.encode writes, and streamSyncFeed reads it back', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbSyncFeed({ maxEntries: 6, rootAttributes: true }),
        fc.nat(),
        fc.boolean(),
        async (feed, at, async) => {
          const [head, rest] = split(feed, at)
          const whole = SyncFeedXml.encode(feed)
          // Told which namespaces the entries use, the stream writes encode's bytes exactly.
          const exact = await collect(
            encodeSyncFeedStream(head, async ? asyncChunks(rest) : rest, { declare: declaredBy(whole) }),
          )
          expect(exact.join('')).toBe(whole)
          // By default it declares every conventional namespace, and the text decodes to the same feed.
          const chunks = await collect(encodeSyncFeedStream(head, async ? asyncChunks(rest) : rest))
          const text = chunks.join('')
          const decoded = SyncFeedXml.decode(text)
          expect(decoded._tag).toBe('Right')
          // Streamed back chunk by chunk, the events rebuild the value the in-memory decode gives.
          const events = await collect(streamSyncFeed(chunks))
          expect(rebuildSyncFeed(events)).toEqual(decoded._tag === 'Right' ? decoded.right : undefined)
          expect(rebuildSyncFeed(events)).toEqual(feed)
        },
      ),
      { numRuns: numRuns(80) },
    )
  })

  it('takes the head as the end event gives it and the entries as the events give them', async () => {
    await fc.assert(
      fc.asyncProperty(arbSyncFeed({ maxEntries: 5 }), async (feed) => {
        const events = await collect(streamSyncFeed([SyncFeedXml.encode(feed)]))
        const end = events.find((e) => e.type === 'end')
        expect(end?.type).toBe('end')
        if (end?.type !== 'end') return
        async function* entries() {
          for (const e of events) if (e.type === 'entry') yield e.entry
        }
        const whole = SyncFeedXml.encode(feed)
        const options = { declare: declaredBy(whole) }
        expect((await collect(encodeSyncFeedStream(end.feed, entries(), options))).join('')).toBe(whole)
      }),
      { numRuns: numRuns(80) },
    )
  })

  it('flushes per ~16 K: a long feed comes in many chunks, none much larger than one entry beyond that', async () => {
    const head: SyncFeed = { links: [], diagnoses: [], entries: [], extensions: [], syncMode: 'catchUp' }
    const entry = (i: number): SyncEntry => ({
      links: [],
      diagnoses: [],
      extensions: [],
      id: `http://example.com/sdata/app/-/accounts('${i}')`,
      title: `Account ${i}`,
      syncState: {
        endpoint: 'http://example.com/sdata/app/-/accounts',
        tick: i,
        stamp: '2026-01-01T00:00:00Z' as Stamp,
      },
    })
    const all = Array.from({ length: 3000 }, (_, i) => entry(i))
    const chunks = await collect(encodeSyncFeedStream(head, all, { declare: ['', 'sync'] }))
    expect(chunks.length).toBeGreaterThan(10)
    for (const chunk of chunks) expect(chunk.length).toBeLessThan((1 << 14) + 1000)
    expect(chunks.join('')).toBe(SyncFeedXml.encode({ ...head, entries: all }))
  })
})
