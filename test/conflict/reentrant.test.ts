import { describe, expect, it } from 'vitest'
import { type Digest, processFeed, type SyncState, type TargetState } from '../../src/conflict/index'
import { ENDPOINTS } from './arbitraries'

// processFeed keeps the scratch array of its repeat check between pages. A page decided from within another page's
// `lookup` must not share it: the outer page's hashes would be overwritten and its repeat missed.

const stamp = (k: number) => `2025-06-01T12:00:${String(k % 60).padStart(2, '0')}Z` as SyncState['stamp']
const targetDigest: Digest = {
  entries: ENDPOINTS.map((endpoint, k) => ({ endpoint, tick: 5, stamp: stamp(0), conflictPriority: k + 1 })),
}
const uuid = (prefix: string, k: number) => `${prefix}-9943-4cf4-8705-${String(k).padStart(12, '0')}`
const pageOf = (uuids: readonly string[]) =>
  uuids.map((u, k) => ({
    syncState: { endpoint: ENDPOINTS[k % ENDPOINTS.length]!, tick: 10 + k, stamp: stamp(k) },
    payload: { uuid: u },
  }))
const none = (): TargetState | undefined => undefined

describe('processFeed called from within a lookup', () => {
  it('decides the outer page as it would alone: its repeat still sees the state its first entry left', () => {
    // The outer page repeats its first uuid at its end: the repeat is same-endpoint-stale only if it is seen.
    const n = 500
    const outerUuids = Array.from({ length: n }, (_, k) => uuid('c4411795', k))
    outerUuids[n - 1] = outerUuids[0]!
    const outer = pageOf(outerUuids)
    outer[n - 1] = { ...outer[n - 1]!, syncState: { ...outer[0]!.syncState, tick: 1 } }
    const input = (lookup: (u: string) => TargetState | undefined) => ({
      targetDigest,
      feed: { entries: outer },
      lookup,
      lastPage: false,
    })
    // A first page leaves the scratch array for the next.
    processFeed({ targetDigest, feed: { entries: pageOf(outerUuids.slice(0, n - 1)) }, lookup: none, lastPage: false })
    const alone = processFeed(input(none))
    // An inner page of distinct uuids, as long as the outer one, decided at the outer page's last lookup.
    const inner = pageOf(Array.from({ length: n }, (_, k) => uuid('77777777', 90_000 + k)))
    let nested = 0
    const reentrant = (u: string): TargetState | undefined => {
      if (nested === 0 && u === outerUuids[0] && ++nested > 0) {
        processFeed({ targetDigest, feed: { entries: inner }, lookup: none, lastPage: false })
      }
      return undefined
    }
    const withInner = processFeed(input(reentrant))
    expect(nested).toBe(1)
    expect(withInner).toEqual(alone)
    expect(alone._tag === 'Right' && alone.right.decisions[n - 1]!.decision.reason).toBe('same-endpoint-stale')
  })
})
