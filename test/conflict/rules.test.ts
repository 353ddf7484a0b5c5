import { describe, expect, it } from 'vitest'
import {
  compareDigests,
  compareStamps,
  detectConflict,
  type FeedOutcome,
  findDivergence,
  mergeDigests,
  nextStamp,
  processFeed,
  selectChanges,
  stampToEpochMs,
  type TargetState,
} from '../../src/conflict/index'
import { digestOf, stamp, stateOf, ticks } from './helpers'

const T0 = '2024-05-01T10:00:00Z'
const T1 = '2024-05-01T11:00:00Z'
const A = 'http://h/sdata/a/c/-/accounts'
const B = 'http://h/sdata/b/c/-/accounts'
const C = 'http://h/sdata/c/c/-/accounts'

function right(result: ReturnType<typeof processFeed>): FeedOutcome {
  if (result._tag === 'Left') throw new Error(`unexpected gap ${JSON.stringify(result.left)}`)
  return result.right
}

describe('detectConflict', () => {
  const concurrent = (sourceStamp: string, targetStamp: string, pa = 1, pb = 1) =>
    detectConflict({
      source: stateOf(A, 3, sourceStamp),
      target: stateOf(B, 4, targetStamp),
      sourceDigest: digestOf([[A, 4, pa]], T0),
      targetDigest: digestOf([[B, 5, pb]], T0),
    })

  it('a missing target state is a new resource', () => {
    expect(
      detectConflict({ source: stateOf(A, 1, T0), sourceDigest: { entries: [] }, targetDigest: { entries: [] } }),
    ).toEqual({ action: 'apply', conflict: false, reason: 'new-resource' })
  })

  it('same endpoint: only a strictly higher tick is applied', () => {
    const d = (tick: number) =>
      detectConflict({
        source: stateOf(A, tick, T0),
        target: stateOf(A, 4, T1),
        sourceDigest: { entries: [] },
        targetDigest: { entries: [] },
      })
    expect(d(5)).toEqual({ action: 'apply', conflict: false, reason: 'same-endpoint-newer' })
    expect(d(4)).toEqual({ action: 'ignore', conflict: false, reason: 'same-endpoint-stale' })
    expect(d(3).action).toBe('ignore')
  })

  it('rules 2 and 3 use a strict > (a digest tick equal to the version tick has not seen it)', () => {
    const d = (sourceKnowsB: number, targetKnowsA: number) =>
      detectConflict({
        source: stateOf(A, 3, T0),
        target: stateOf(B, 4, T0),
        sourceDigest: digestOf([[B, sourceKnowsB, 1]], T0),
        targetDigest: digestOf([[A, targetKnowsA, 1]], T0),
      })
    expect(d(5, 0).reason).toBe('source-has-seen-target')
    expect(d(4, 4).reason).toBe('target-has-seen-source')
    expect(d(4, 3).conflict).toBe(true)
    // §5.4's order: when both digests claim to have seen the other version, rule 2 (apply) comes first.
    expect(d(5, 4)).toEqual({ action: 'apply', conflict: false, reason: 'source-has-seen-target' })
  })

  it('a conflict goes to the lower conflictPriority, then the later stamp, then the smaller endpoint', () => {
    expect(concurrent(T0, T1, 1, 2)).toEqual({ action: 'apply', conflict: true, reason: 'priority' })
    expect(concurrent(T1, T0, 2, 1)).toEqual({ action: 'ignore', conflict: true, reason: 'priority' })
    expect(concurrent(T1, T0)).toEqual({ action: 'apply', conflict: true, reason: 'stamp' })
    expect(concurrent(T0, T1)).toEqual({ action: 'ignore', conflict: true, reason: 'stamp' })
    // Equal instants in different spellings tie; A < B in code units, so A's version wins on both sides.
    expect(concurrent('2024-05-01T12:00:00+02:00', T0)).toEqual({
      action: 'apply',
      conflict: true,
      reason: 'tie-break',
    })
  })

  it('an endpoint missing from its digest has no priority and loses to one that has any', () => {
    const d = detectConflict({
      source: stateOf(A, 3, T1),
      target: stateOf(B, 4, T0),
      sourceDigest: { entries: [] },
      targetDigest: digestOf([[B, 5, 9]], T0),
    })
    expect(d).toEqual({ action: 'ignore', conflict: true, reason: 'priority' })
  })

  it('a tombstone goes through the same rules: a stale update does not resurrect it', () => {
    const tombstone: TargetState = { ...stateOf(B, 4, T1), deleted: true }
    const stale = detectConflict({
      source: stateOf(A, 3, T0),
      target: tombstone,
      sourceDigest: digestOf([[A, 4, 1]], T0),
      targetDigest: digestOf(
        [
          [A, 4, 1],
          [B, 5, 1],
        ],
        T0,
      ),
    })
    expect(stale).toEqual({ action: 'ignore', conflict: false, reason: 'target-has-seen-source' })
  })

  it('endpointKey normalises endpoints everywhere; the default compares exact strings', () => {
    const input = {
      source: stateOf(A.toUpperCase(), 5, T0),
      target: stateOf(A, 4, T0),
      sourceDigest: { entries: [] },
      targetDigest: { entries: [] },
    }
    expect(detectConflict(input).conflict).toBe(true)
    expect(detectConflict(input, { endpointKey: (e) => e.toLowerCase() })).toEqual({
      action: 'apply',
      conflict: false,
      reason: 'same-endpoint-newer',
    })
  })

  it('stamps without a zone are read at assumeOffsetMinutes', () => {
    // 10:30 unzoned vs 10:00Z: later in UTC, earlier when read at +01:00 (09:30Z).
    const input = (s: string) => ({
      source: stateOf(A, 3, s),
      target: stateOf(B, 4, T0),
      sourceDigest: digestOf([[A, 4, 1]], T0),
      targetDigest: digestOf([[B, 5, 1]], T0),
    })
    expect(detectConflict(input('2024-05-01T10:30:00')).action).toBe('apply')
    expect(detectConflict(input('2024-05-01T10:30:00'), { assumeOffsetMinutes: 60 }).action).toBe('ignore')
  })

  it('re-exports the stamp functions', () => {
    expect(compareStamps(stamp(T0), stamp(T1))).toBe(-1)
    expect(stampToEpochMs(stamp('1970-01-01T00:00:01Z'))).toBe(1000)
  })
})

describe('processFeed', () => {
  const sourceDigest = digestOf(
    [
      [A, 10, 1],
      [C, 3, 4],
    ],
    T0,
  )
  const entry = (endpoint: string, tick: number, uuid: string, isDeleted = false, at = T0) => ({
    syncState: stateOf(endpoint, tick, at),
    payload: { uuid, isDeleted },
  })

  it('the same uuid twice in one page: the second entry sees the state the first one left', () => {
    const out = right(
      processFeed({
        targetDigest: digestOf([[B, 3, 1]], T0),
        feed: { digest: sourceDigest, entries: [entry(A, 5, 'X'), entry(A, 4, 'x'), entry(A, 6, 'X', true)] },
        lookup: () => undefined,
        lastPage: true,
      }),
    )
    expect(out.decisions.map((d) => [d.decision.action, d.decision.reason])).toEqual([
      ['apply', 'new-resource'],
      ['ignore', 'same-endpoint-stale'],
      ['apply', 'same-endpoint-newer'],
    ])
  })

  it('a new endpoint takes its priority and stamp from the source digest, else priority 9', () => {
    const out = right(
      processFeed({
        targetDigest: digestOf([[B, 3, 1]], T0),
        feed: {
          syncMode: 'immediate',
          digest: sourceDigest,
          entries: [entry(C, 2, 'c', false, T1), entry('http://x', 1, 'y')],
        },
        lookup: () => undefined,
        lastPage: true,
      }),
    )
    expect(out.digest.entries).toEqual([
      { endpoint: B, tick: 3, stamp: T0, conflictPriority: 1 },
      // the later of the source digest's stamp and the entry's, so the digest stays ≥ what it incorporated
      { endpoint: C, tick: 3, stamp: T1, conflictPriority: 4 },
      { endpoint: 'http://x', tick: 2, stamp: T0, conflictPriority: 9 },
    ])
  })

  it('catchUp merge adds endpoints the target lacked and keeps the max of each tick', () => {
    const out = right(
      processFeed({
        targetDigest: digestOf(
          [
            [A, 12, 1],
            [B, 3, 1],
          ],
          T0,
        ),
        feed: { digest: sourceDigest, entries: [] },
        lookup: () => undefined,
        lastPage: true,
      }),
    )
    expect(out.merged).toBe(true)
    expect(ticks(out.digest)).toEqual({ [A]: 12, [B]: 3, [C]: 3 })
  })

  it('failed entries keep their decision, do not advance the digest, and suppress the end merge', () => {
    const out = right(
      processFeed({
        targetDigest: digestOf([[B, 3, 1]], T0),
        feed: { digest: sourceDigest, entries: [entry(A, 5, 'ok'), entry(A, 7, 'bad'), entry(A, 7, 'bad')] },
        lookup: () => undefined,
        lastPage: true,
        failed: (uuid) => uuid === 'bad',
      }),
    )
    expect(out.merged).toBe(false)
    expect(ticks(out.digest)).toEqual({ [B]: 3, [A]: 6 })
    // the failed apply did not change what the next entry with that uuid sees
    expect(out.decisions.map((d) => [d.decision.reason, d.failed ?? false])).toEqual([
      ['new-resource', false],
      ['new-resource', true],
      ['new-resource', true],
    ])
  })

  it('entries without syncState or uuid are rejected and suppress the end merge', () => {
    const out = right(
      processFeed({
        targetDigest: digestOf([[B, 3, 1]], T0),
        feed: {
          digest: sourceDigest,
          entries: [{ payload: { uuid: 'u' } }, { syncState: stateOf(A, 1, T0) }, entry(A, 2, 'v')],
        },
        lookup: () => undefined,
        lastPage: true,
      }),
    )
    expect(out.rejected).toEqual([
      { index: 0, problem: 'no-sync-state' },
      { index: 1, problem: 'no-uuid' },
    ])
    expect(out.decisions.map((d) => d.index)).toEqual([2])
    expect(out.merged).toBe(false)
  })

  it('the immediate gap check looks at the first entry of each endpoint the target knows', () => {
    const run = (entries: ReturnType<typeof entry>[]) =>
      processFeed({
        targetDigest: digestOf([[A, 5, 1]], T0),
        feed: { syncMode: 'immediate', digest: sourceDigest, entries },
        lookup: () => undefined,
        lastPage: true,
      })
    expect(run([entry(A, 5, 'p'), entry(A, 7, 'q')])._tag).toBe('Right')
    expect(run([entry(C, 40, 'r')])._tag).toBe('Right')
    expect(run([entry(C, 40, 'r'), entry(A, 6, 'p')])).toEqual({
      _tag: 'Left',
      left: { endpoint: A, digestTick: 5, entryTick: 6, index: 1 },
    })
  })

  it('restampConflicts re-stamps the outcome of a conflict as the target’s next own change', () => {
    const held = stateOf(B, 4, T1)
    const input = {
      targetDigest: digestOf([[B, 8, 2]], T0),
      feed: { digest: sourceDigest, entries: [entry(A, 3, 'x'), entry(A, 3, 'x')] },
      lookup: () => held,
      lastPage: false,
    }
    const plain = right(processFeed(input))
    expect(plain.decisions[0]!.decision).toEqual({ action: 'apply', conflict: true, reason: 'priority' })
    const out = right(processFeed({ ...input, self: B }, { restampConflicts: true }))
    expect(out.decisions[0]!.decision).toEqual({
      action: 'apply',
      conflict: true,
      reason: 'priority',
      restamped: { endpoint: B, tick: 8, stamp: T0 },
    })
    // the re-stamped version is the target's own now: the repeated entry is covered by its digest
    expect(out.decisions[1]!.decision).toEqual({ action: 'ignore', conflict: false, reason: 'target-has-seen-source' })
    expect(ticks(out.digest)).toEqual({ [B]: 9, [A]: 4 })
    expect(() => processFeed(input, { restampConflicts: true })).toThrow(TypeError)
  })
})

describe('selectChanges, compareDigests, nextStamp, findDivergence', () => {
  it('selectChanges sends unknown endpoints in full and sorts by ascending tick', () => {
    const res = [
      { id: 1, syncState: stateOf(C, 9, T0) },
      { id: 2, syncState: stateOf(A, 4, T0) },
      { id: 3, syncState: stateOf(C, 2, T0) },
      { id: 4, syncState: stateOf(A, 5, T0) },
    ]
    expect(selectChanges(digestOf([[A, 5, 1]], T0), res).map((r) => r.id)).toEqual([3, 4, 1])
  })

  it('compareDigests relates each endpoint', () => {
    expect(
      compareDigests(
        digestOf(
          [
            [A, 5, 1],
            [B, 2, 1],
            [C, 1, 1],
          ],
          T0,
        ),
        digestOf(
          [
            [A, 5, 1],
            [B, 3, 1],
            ['D', 1, 1],
          ],
          T0,
        ),
      ),
    ).toEqual([
      { endpoint: A, relation: 'equal' },
      { endpoint: B, relation: 'b-ahead' },
      { endpoint: C, relation: 'only-a' },
      { endpoint: 'D', relation: 'only-b' },
    ])
  })

  it('foreign children of digests and digest entries survive processFeed and mergeDigests', () => {
    const foreign = [
      { type: 'element' as const, namespace: 'urn:x', localName: 'note', prefix: 'x', attributes: [], children: [] },
    ]
    const target = { ...digestOf([[A, 5, 1]], T0), extensions: foreign }
    target.entries[0]!.extensions = foreign
    const out = right(
      processFeed({ targetDigest: target, feed: { entries: [] }, lookup: () => undefined, lastPage: true }),
    )
    expect(out.digest.extensions).toBe(foreign)
    expect(out.digest.entries[0]!.extensions).toBe(foreign)
    expect(mergeDigests(target, digestOf([[A, 4, 1]], T0)).entries[0]!.extensions).toBe(foreign)
  })

  it('attributes of digests and digest entries survive processFeed and mergeDigests', () => {
    const attributes = [{ namespace: 'urn:x', localName: 'source', prefix: 'x', value: 'crm' }]
    const target = { ...digestOf([[A, 5, 1]], T0), attributes }
    target.entries[0]!.attributes = attributes
    const out = right(
      processFeed({ targetDigest: target, feed: { entries: [] }, lookup: () => undefined, lastPage: true }),
    )
    expect(out.digest.attributes).toBe(attributes)
    expect(out.digest.entries[0]!.attributes).toBe(attributes)
    expect(mergeDigests(target, digestOf([[A, 4, 1]], T0)).entries[0]!.attributes).toBe(attributes)
  })

  it('mergeDigests keeps the first digest’s order and origin', () => {
    const m = mergeDigests(
      { origin: A, ...digestOf([[B, 2, 1]], T0) },
      {
        origin: B,
        ...digestOf(
          [
            [A, 7, 1],
            [B, 1, 1],
          ],
          T0,
        ),
      },
    )
    expect(m.origin).toBe(A)
    expect(m.entries.map((e) => [e.endpoint, e.tick])).toEqual([
      [B, 2],
      [A, 7],
    ])
  })

  it('nextStamp is now when the clock is ahead, else just after the latest stamp seen', () => {
    const d = digestOf([[A, 2, 1]], T1)
    expect(nextStamp(d, stamp('2024-05-01T12:00:00Z'))).toBe('2024-05-01T12:00:00Z')
    expect(nextStamp(d, stamp(T0))).toBe('2024-05-01T11:00:00.0000001Z')
    expect(nextStamp(d, stamp(T1))).toBe('2024-05-01T11:00:00.0000001Z')
    expect(nextStamp({ entries: [] }, stamp(T0))).toBe(T0)
  })

  it('findDivergence reports only versions both digests cover', () => {
    const view = (digest: ReturnType<typeof digestOf>, states: Array<[string, TargetState]>) => ({ digest, states })
    const both = digestOf(
      [
        [A, 5, 1],
        [B, 5, 1],
      ],
      T0,
    )
    const a = view(both, [
      ['x', stateOf(A, 2, T0)],
      ['y', stateOf(B, 1, T0)],
    ])
    const b = view(both, [
      ['X', stateOf(B, 3, T0)],
      ['y', stateOf(B, 1, T0)],
    ])
    expect(findDivergence(a, b)).toEqual([{ uuid: 'x', a: stateOf(A, 2, T0), b: stateOf(B, 3, T0) }])
    // b has not seen a's version yet: a normal pass will carry it, nothing silent to report
    expect(
      findDivergence(
        a,
        view(
          digestOf(
            [
              [A, 2, 1],
              [B, 5, 1],
            ],
            T0,
          ),
          [
            ['x', stateOf(B, 3, T0)],
            ['y', stateOf(B, 1, T0)],
          ],
        ),
      ),
    ).toEqual([])
    // a side that lacks a version its digest covers is reported
    expect(findDivergence(a, view(both, [['x', stateOf(A, 2, T0)]]))).toEqual([{ uuid: 'y', a: stateOf(B, 1, T0) }])
  })
})
