// processFeedStream against processFeed (model test): random pages (both modes, repeated and case-varied uuids,
// entries without syncState or uuid, failures, re-stamps, last page or not) get the same decisions, rejections,
// digest and merge, or the same gap; and decisions come out before the entries have all been read.
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
import { numRuns } from '../support/runtime'
import { asyncChunks, collect } from '../support/stream'
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
})
