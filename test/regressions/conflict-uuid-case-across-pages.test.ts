import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type Digest,
  type FeedInput,
  processFeed,
  type Stamp,
  type SyncState,
  type TargetState,
  TargetStateStore,
  uuidKey,
} from '../../src/conflict/index'
import { digest, ENDPOINTS, syncState } from '../conflict/arbitraries'
import { numRuns } from '../support/runtime'

// Found in `syncwire conflicts`: processFeed compares uuids case-insensitively within a page, but the CLI carried
// the target's states from page to page in a Map keyed by the uuid as sent. `ABC…` at tick 3 then `abc…` at tick 2
// (same endpoint) gave new-resource, same-endpoint-stale on one page and new-resource twice over two pages. Fixed
// by TargetStateStore (keyed by uuidKey, updated by the rule processFeed applies within a page), which the CLI uses.

type Entry = FeedInput['entries'][number]

/** Runs the pages in order, carrying digest and states between them through a TargetStateStore. */
function run(
  targetDigest: Digest,
  pages: readonly FeedInput[],
  initial: Iterable<readonly [string, TargetState]>,
  options?: { restampConflicts: true; self: string },
) {
  const store = new TargetStateStore(initial)
  let current = targetDigest
  const decisions: Array<{ uuid: string; reason: string; action: string; restamped?: SyncState }> = []
  for (let p = 0; p < pages.length; p++) {
    const page = pages[p]!
    const result = processFeed(
      { targetDigest: current, feed: page, lookup: store.lookup, lastPage: p === pages.length - 1 },
      options,
    )
    if (result._tag === 'Left') throw new Error('no gap expected in catchUp mode')
    for (const d of result.right.decisions) {
      decisions.push({
        uuid: d.uuid,
        reason: d.decision.reason,
        action: d.decision.action,
        ...(d.decision.restamped ? { restamped: d.decision.restamped } : {}),
      })
    }
    store.record(page, result.right)
    current = result.right.digest
  }
  return { decisions, digest: current, states: [...store.entries()].map(([u, s]) => [uuidKey(u), s]) }
}

const E = 'http://www.example.com/sdata/crm/accounts/-/accounts'
const at = (text: string) => text as Stamp

describe('a feed split over pages gets the decisions it gets as one page (uuids compared case-insensitively)', () => {
  const upper = {
    syncState: { endpoint: E, tick: 3, stamp: at('2026-03-01T10:00:00Z') },
    payload: { uuid: 'ABCDEF01-0000-4000-8000-00000000000A' },
  }
  const lower = {
    syncState: { endpoint: E, tick: 2, stamp: at('2026-03-01T09:00:00Z') },
    payload: { uuid: 'abcdef01-0000-4000-8000-00000000000a' },
  }
  const targetDigest: Digest = { entries: [] }
  const feed = (entries: Entry[]): FeedInput => ({ syncMode: 'catchUp', entries })

  it('ABC… at tick 3 then abc… at tick 2: new-resource, same-endpoint-stale, in one page or in two', () => {
    const one = run(targetDigest, [feed([upper, lower])], [])
    expect(one.decisions.map((d) => d.reason)).toEqual(['new-resource', 'same-endpoint-stale'])
    const two = run(targetDigest, [feed([upper]), feed([lower])], [])
    expect(two).toEqual(one)
  })

  it('a state stored under one spelling answers a lookup in the other, and keeps the last spelling', () => {
    const store = new TargetStateStore([[upper.payload.uuid, upper.syncState]])
    expect(store.lookup(lower.payload.uuid)).toBe(upper.syncState)
    expect(store.has(lower.payload.uuid)).toBe(true)
    store.set(lower.payload.uuid, { ...lower.syncState, deleted: true })
    expect(store.size).toBe(1)
    expect([...store.entries()]).toEqual([[lower.payload.uuid, { ...lower.syncState, deleted: true }]])
  })

  // Three uuids, each written in random case, so that one resource appears under several spellings.
  const UUIDS = [
    '74926a0d-d2c0-4daa-9ab1-0c8f2d8c64b7',
    'c4411795-9e1f-4a3b-8f4e-2d0f7a5b6c01',
    'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  ]
  const spelled = fc
    .tuple(fc.constantFrom(...UUIDS), fc.array(fc.boolean(), { minLength: 36, maxLength: 36 }))
    .map(([u, up]) => [...u].map((c, i) => (up[i] ? c.toUpperCase() : c)).join(''))
  const entry: fc.Arbitrary<Entry> = fc.record({
    syncState,
    payload: fc.record({ uuid: spelled, isDeleted: fc.boolean() }),
  })

  it('for random pages, cuts, initial states and with or without restampConflicts', () => {
    fc.assert(
      fc.property(
        digest,
        digest,
        fc.array(entry, { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(spelled, syncState, fc.boolean()), { maxLength: 3 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 11 }), { maxLength: 3 }),
        fc.boolean(),
        (target, source, entries, held, cuts, restamp) => {
          const initial = held.map(([u, s, deleted]): [string, TargetState] => [u, deleted ? { ...s, deleted } : s])
          const bounds = [0, ...cuts.filter((c) => c < entries.length).sort((a, b) => a - b), entries.length]
          const pages = bounds
            .slice(1)
            .map((end, i) => ({ syncMode: 'catchUp' as const, digest: source, entries: entries.slice(bounds[i], end) }))
          const options = restamp ? { restampConflicts: true as const, self: ENDPOINTS[0]! } : undefined
          const whole = run(target, [{ syncMode: 'catchUp', digest: source, entries }], initial, options)
          expect(run(target, pages, initial, options)).toEqual(whole)
        },
      ),
      { numRuns: numRuns(300) },
    )
  })
})
