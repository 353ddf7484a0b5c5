// processFeedStream against processFeed (model test): random pages (both modes, repeated and case-varied uuids,
// entries without syncState or uuid, failures, re-stamps, last page or not) get the same decisions, rejections,
// digest and merge, or the same gap, from entries or from generated feed XML streamed in random byte chunks; a
// digest written after the entries ends with an error; decisions come out before the entries have all been read.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type FeedEntry,
  type FeedStreamEvent,
  processFeed,
  processFeedStream,
  type Stamp,
  type TargetState,
} from '../../src/conflict/index'
import { encodeSyncFeedStream, type SyncFeed, SyncFeedXml, streamSyncFeed } from '../../src/sdata/index'
import { arbSyncFeed } from '../../src/testing/arbitraries/index'
import { numRuns } from '../support/runtime'
import { arbCuts, asyncChunks, collect, cutBytes } from '../support/stream'
import { digest, ENDPOINTS, syncState } from './arbitraries'

const uuidOf = (n: number, variant: number): string => {
  const base = `c4411795-9943-4cf4-8705-${String(n).padStart(12, '0')}a`
  return variant === 0 ? base : base.toUpperCase()
}

const page = fc.record({
  targetDigest: digest,
  sourceDigest: fc.option(digest, { nil: undefined }),
  syncMode: fc.constantFrom(undefined, 'catchUp' as const, 'immediate' as const),
  distinct: fc.integer({ min: 1, max: 40 }),
  entries: fc.array(
    fc.record({
      n: fc.nat(40),
      variant: fc.nat(1),
      state: fc.option(syncState, { nil: undefined, freq: 12 }),
      uuid: fc.constantFrom('some', 'some', 'some', 'some', 'some', 'none', 'empty'),
      isDeleted: fc.boolean(),
    }),
    { maxLength: 60 },
  ),
  held: fc.array(fc.tuple(fc.nat(40), syncState, fc.boolean()), { maxLength: 20 }),
  failing: fc.array(fc.nat(40), { maxLength: 2 }),
  restamp: fc.boolean(),
  lastPage: fc.boolean(),
  async: fc.boolean(),
})

function strip<E extends { type: string }>(event: E): Omit<E, 'type'> {
  const { type: _, ...rest } = event
  return rest
}

describe('processFeedStream = processFeed', () => {
  it('same decisions, rejections, digest and merge, or the same gap after the decisions before it', async () => {
    await fc.assert(
      fc.asyncProperty(page, async (p) => {
        const entries: FeedEntry[] = p.entries.map((e) => ({
          syncState: e.state,
          payload:
            e.uuid === 'none'
              ? { isDeleted: e.isDeleted }
              : { uuid: e.uuid === 'empty' ? '' : uuidOf(e.n % p.distinct, e.variant), isDeleted: e.isDeleted },
        }))
        const store = new Map<string, TargetState>(
          p.held.map(([n, s, deleted]) => [uuidOf(n % p.distinct, 0), deleted ? { ...s, deleted } : s]),
        )
        const failing = new Set(p.failing.map((n) => uuidOf(n % p.distinct, 0)))
        const base = {
          targetDigest: p.targetDigest,
          lookup: (u: string) => store.get(u.toLowerCase()),
          lastPage: p.lastPage,
          failed: (u: string) => failing.has(u.toLowerCase()),
        }
        const head = { syncMode: p.syncMode, digest: p.sourceDigest }
        const options = { restampConflicts: p.restamp, self: ENDPOINTS[0]! }
        const whole = processFeed({ ...base, feed: { ...head, entries } }, options)
        const source = p.async ? asyncChunks(entries) : entries
        const events: FeedStreamEvent[] = await collect(
          processFeedStream({ ...base, feed: { ...head, entries: source } }, options),
        )
        const last = events[events.length - 1]!
        const decisions = events.filter((e) => e.type === 'decision').map(strip)
        const rejected = events.filter((e) => e.type === 'rejected').map(strip)
        if (whole._tag === 'Left') {
          expect(last.type).toBe('gap')
          expect(strip(last)).toEqual(whole.left)
          // What came before the gap is exactly what the page up to the gap decides (and the caller discards).
          const before = processFeed(
            { ...base, feed: { ...head, entries: entries.slice(0, whole.left.index) } },
            options,
          )
          if (before._tag === 'Left') throw new Error('the first gap is at whole.left.index')
          expect(decisions).toEqual(before.right.decisions)
          expect(rejected).toEqual(before.right.rejected)
          return
        }
        expect(last).toEqual({ type: 'end', digest: whole.right.digest, merged: whole.right.merged })
        expect(decisions).toEqual(whole.right.decisions)
        expect(rejected).toEqual(whole.right.rejected)
        expect(events.length).toBe(entries.length + 1)
      }),
      { numRuns: numRuns(400) },
    )
  })

  it('yields each decision before it reads the next entry', async () => {
    let read = 0
    async function* entries(): AsyncGenerator<FeedEntry> {
      for (let i = 0; i < 1000; i++) {
        read++
        yield {
          syncState: { endpoint: ENDPOINTS[1]!, tick: i, stamp: '2024-01-01T00:00:00Z' as Stamp },
          payload: { uuid: `u-${i}` },
        }
      }
    }
    const iterator = processFeedStream({
      targetDigest: { entries: [] },
      feed: { entries: entries() },
      lookup: () => undefined,
      lastPage: true,
    })[Symbol.asyncIterator]()
    const first = await iterator.next()
    expect(first.value).toMatchObject({ type: 'decision', index: 0, uuid: 'u-0' })
    expect(read).toBe(1)
    await iterator.return?.()
  })

  it('refuses restampConflicts without self, as processFeed does', async () => {
    const input = { targetDigest: { entries: [] }, feed: { entries: [] }, lookup: () => undefined, lastPage: true }
    await expect(collect(processFeedStream(input, { restampConflicts: true }))).rejects.toThrow(TypeError)
    expect(() => processFeed(input, { restampConflicts: true })).toThrow(TypeError)
  })

  it('decides a feed streamed from its XML, cut at random bytes, as processFeed decides the decoded feed', async () => {
    const feeds = fc
      .record({
        feed: arbSyncFeed({ maxEntries: 6 }),
        syncMode: fc.constantFrom(undefined, 'catchUp' as const, 'immediate' as const),
        digest: fc.option(digest, { nil: undefined }),
        states: fc.array(fc.option(syncState, { nil: undefined, freq: 8 }), { minLength: 6, maxLength: 6 }),
        uuids: fc.array(fc.tuple(fc.nat(5), fc.nat(1)), { minLength: 6, maxLength: 6 }),
      })
      .map(({ feed, syncMode, digest, states, uuids }): SyncFeed => {
        const entries = feed.entries.map((e, i) => {
          const { syncState: _, ...rest } = e
          const [n, variant] = uuids[i]!
          const payload = e.payload === undefined ? undefined : { ...e.payload, uuid: uuidOf(n, variant) }
          return {
            ...rest,
            ...(states[i] === undefined ? {} : { syncState: states[i] }),
            ...(payload ? { payload } : {}),
          }
        })
        const { syncMode: _m, digest: _d, ...rest } = feed
        return { ...rest, ...(syncMode ? { syncMode } : {}), ...(digest ? { digest } : {}), entries }
      })
    await fc.assert(
      fc.asyncProperty(
        feeds,
        digest,
        fc.array(fc.tuple(fc.nat(5), syncState), { maxLength: 6 }),
        fc.boolean(),
        arbCuts(),
        async (feed, targetDigest, held, lastPage, cuts) => {
          const text = SyncFeedXml.encode(feed)
          const decoded = SyncFeedXml.decode(text)
          if (decoded._tag === 'Left') throw new Error('a generated feed decodes')
          const store = new Map(held.map(([n, s]) => [uuidOf(n, 0), s]))
          const input = { targetDigest, lookup: (u: string) => store.get(u.toLowerCase()), lastPage }
          const whole = processFeed({ ...input, feed: decoded.right })
          const chunks = cutBytes(text, cuts(new TextEncoder().encode(text).length))
          const events = await collect(processFeedStream(streamSyncFeed(asyncChunks(chunks)), input))
          const last = events[events.length - 1]!
          if (whole._tag === 'Left') expect(last).toEqual({ type: 'gap', ...whole.left })
          else {
            expect(last).toEqual({ type: 'end', digest: whole.right.digest, merged: whole.right.merged })
            expect(events.filter((e) => e.type === 'decision').map(strip)).toEqual(whole.right.decisions)
            expect(events.filter((e) => e.type === 'rejected').map(strip)).toEqual(whole.right.rejected)
          }
        },
      ),
      { numRuns: numRuns(30) },
    )
  })

  it('ends with an error, not a silent answer, when the digest or syncMode follows the entries', async () => {
    const entry = (i: number) => ({
      links: [],
      diagnoses: [],
      extensions: [],
      syncState: { endpoint: ENDPOINTS[1]!, tick: i + 1, stamp: '2024-01-01T00:00:00Z' as Stamp },
    })
    const head: SyncFeed = { links: [], diagnoses: [], entries: [], extensions: [] }
    const text = (await collect(encodeSyncFeedStream(head, [entry(0), entry(1)]))).join('')
    const source = {
      entries: [{ endpoint: ENDPOINTS[1]!, tick: 5, stamp: '2024-01-01T00:00:00Z' as Stamp, conflictPriority: 1 }],
    }
    const digestXml = SyncFeedXml.encode({ ...head, digest: source, syncMode: 'immediate' })
    const members = /<feed[^>]*>([\s\S]*)<\/feed>/.exec(digestXml)![1]!
    const late = text.replace('</feed>', `${members}</feed>`)
    const input = { targetDigest: { entries: [] }, lookup: () => undefined, lastPage: true }
    const events = await collect(processFeedStream(streamSyncFeed([late]), input))
    expect(events.map((e) => e.type)).toEqual(['rejected', 'rejected', 'error'])
    const error = events[2]!
    expect(error.type === 'error' && error.issues.map((i) => i.path)).toEqual([
      '/feed/sync:syncMode',
      '/feed/sync:digest',
    ])
    // The same members up front: decided to the end.
    const early = text.replace(/(<feed[^>]*>)/, `$1${members}`)
    const decided = await collect(processFeedStream(streamSyncFeed([early]), input))
    expect(decided[decided.length - 1]!.type).toBe('end')
    // A feed that does not decode ends with its own issues; a stream without its end says so.
    const broken = await collect(processFeedStream(streamSyncFeed([text.slice(0, -20)]), input))
    expect(broken[broken.length - 1]!.type).toBe('error')
    const cut = await collect(processFeedStream([{ type: 'entry', entry: entry(0) }], input))
    expect(cut.map((e) => e.type)).toEqual(['rejected', 'error'])
  })
})
