import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  advanceDigest,
  compareStamps,
  type Digest,
  type DigestEntry,
  detectConflict,
  mergeDigests,
  nextStamp,
  selectChanges,
} from '../../src/conflict/index'
import { digest, endpoint, stamp, syncState } from './arbitraries'

const asMap = (d: Digest): Map<string, DigestEntry> => new Map(d.entries.map((e) => [e.endpoint, e]))
const tickOf = (d: Digest, e: string): number | undefined => d.entries.find((x) => x.endpoint === e)?.tick

describe('digest algebra', () => {
  it('mergeDigests is commutative: merge(a, b) = merge(b, a), as maps from endpoint to entry', () => {
    fc.assert(
      fc.property(digest, digest, (a, b) => {
        expect(asMap(mergeDigests(a, b))).toEqual(asMap(mergeDigests(b, a)))
      }),
    )
  })

  it('mergeDigests is associative: merge(merge(a, b), c) = merge(a, merge(b, c))', () => {
    fc.assert(
      fc.property(digest, digest, digest, (a, b, c) => {
        expect(asMap(mergeDigests(mergeDigests(a, b), c))).toEqual(asMap(mergeDigests(a, mergeDigests(b, c))))
      }),
    )
  })

  it('mergeDigests is idempotent: merge(a, a) = a', () => {
    fc.assert(
      fc.property(digest, (a) => {
        expect(mergeDigests(a, a)).toEqual(a)
      }),
    )
  })

  it('mergeDigests is an upper bound: every tick is the max of both', () => {
    fc.assert(
      fc.property(digest, digest, (a, b) => {
        const m = mergeDigests(a, b)
        for (const e of m.entries) {
          expect(e.tick).toBe(Math.max(tickOf(a, e.endpoint) ?? -1, tickOf(b, e.endpoint) ?? -1))
        }
        expect(m.entries.length).toBe(new Set([...a.entries, ...b.entries].map((e) => e.endpoint)).size)
      }),
    )
  })

  it('advanceDigest never lowers a tick, and afterwards the digest covers the version', () => {
    fc.assert(
      fc.property(digest, syncState, fc.option(digest, { nil: undefined }), (d, state, source) => {
        const after = advanceDigest(d, state, source)
        for (const e of d.entries) expect(tickOf(after, e.endpoint)!).toBeGreaterThanOrEqual(e.tick)
        expect(tickOf(after, state.endpoint)!).toBeGreaterThan(state.tick)
        for (const e of after.entries) {
          if (e.endpoint !== state.endpoint) expect(e).toEqual(d.entries.find((x) => x.endpoint === e.endpoint))
        }
      }),
    )
  })
})

describe('change selection', () => {
  it('selectChanges sends exactly what the target digest does not cover, in ascending ticks per endpoint', () => {
    const resources = fc
      .array(syncState, { maxLength: 30 })
      .map((states) => states.map((syncState, id) => ({ id, syncState })))
    fc.assert(
      fc.property(digest, resources, (target, rs) => {
        const sent = selectChanges(target, rs)
        const covered = (r: (typeof rs)[number]) => (tickOf(target, r.syncState.endpoint) ?? -1) > r.syncState.tick
        expect(new Set(sent.map((r) => r.id))).toEqual(new Set(rs.filter((r) => !covered(r)).map((r) => r.id)))
        expect(sent.length).toBe(new Set(sent).size)
        const last = new Map<string, number>()
        for (const r of sent) {
          expect(r.syncState.tick).toBeGreaterThanOrEqual(last.get(r.syncState.endpoint) ?? -1)
          last.set(r.syncState.endpoint, r.syncState.tick)
        }
      }),
    )
  })
})

describe('conflict detection', () => {
  it('detectConflict is consistent from both sides: the endpoints holding X and Y pick the same winner', () => {
    fc.assert(
      fc.property(syncState, digest, syncState, digest, (x, dA, y, dB) => {
        const covers = (d: Digest, s: typeof x) => (tickOf(d, s.endpoint) ?? -1) > s.tick
        // Two spellings of one version, or each side claiming to have seen the other's version, cannot happen.
        fc.pre(!(x.endpoint === y.endpoint && x.tick === y.tick))
        fc.pre(!(covers(dB, x) && covers(dA, y)))
        // A holds X and receives Y; B holds Y and receives X.
        const atA = detectConflict({ source: y, target: x, sourceDigest: dB, targetDigest: dA })
        const atB = detectConflict({ source: x, target: y, sourceDigest: dA, targetDigest: dB })
        expect(atA.action === 'apply' ? 'Y' : 'X').toBe(atB.action === 'apply' ? 'X' : 'Y')
        expect(atA.conflict).toBe(atB.conflict)
      }),
      { numRuns: 300 },
    )
  })
})

describe('stamps', () => {
  it('nextStamp is never before now and strictly after every valid stamp of the digest', () => {
    fc.assert(
      fc.property(digest, stamp, (d, now) => {
        const s = nextStamp(d, now)
        expect(compareStamps(s, now)).toBeGreaterThanOrEqual(0)
        for (const e of d.entries) expect(compareStamps(s, e.stamp)).toBe(1)
      }),
    )
  })

  it('endpoint arbitrary covers collisions', () => {
    // Guards the generators: the laws above are only meaningful if endpoints repeat across digests.
    const samples = fc.sample(fc.tuple(endpoint, endpoint), { numRuns: 200, seed: 1 })
    expect(samples.some(([a, b]) => a === b)).toBe(true)
  })
})
