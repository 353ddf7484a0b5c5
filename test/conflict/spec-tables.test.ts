import { describe, expect, it } from 'vitest'
import {
  advanceDigest,
  detectConflict,
  type FeedOutcome,
  mergeDigests,
  processFeed,
  selectChanges,
  type TargetState,
} from '../../src/conflict/index'
import { fixture } from '../support/fixtures'
import { digestOf, digestOfStamped, rows, stateOf, ticks } from './helpers'

type Row = [string, number, number]

function right(result: ReturnType<typeof processFeed>): FeedOutcome {
  if (result._tag === 'Left') throw new Error(`unexpected gap ${JSON.stringify(result.left)}`)
  return result.right
}

describe('§2.5 change selection with digest (N1 ⇄ N2)', () => {
  const spec = JSON.parse(fixture('conflict/sdata-2.5_change-selection.json')) as {
    stamp: string
    digests: Record<'N1' | 'N2', Row[]>
    resources: Record<'N1' | 'N2', Array<[string, string, number]>>
    passes: Array<{ direction: string; selected: string[]; after: Record<'N1' | 'N2', Row[]> }>
  }
  const at = spec.stamp
  const store = (node: 'N1' | 'N2') =>
    new Map(spec.resources[node].map(([uuid, endpoint, tick]) => [uuid, stateOf(endpoint, tick, at) as TargetState]))
  const holdings = { N1: store('N1'), N2: store('N2') }
  const digests = { N1: digestOf(spec.digests.N1, at), N2: digestOf(spec.digests.N2, at) }

  for (const pass of spec.passes) {
    const [from, to] = pass.direction.split('->') as ['N1' | 'N2', 'N1' | 'N2']
    it(`${pass.direction}: selects ${pass.selected.join(', ')} and leaves the digests of the table`, () => {
      // The passes run in order: the second one starts from the digests the first one left.
      const resources = [...holdings[from]].map(([uuid, syncState]) => ({ uuid, syncState }))
      const selected = selectChanges(digests[to], resources)
      expect(selected.map((r) => r.uuid).sort()).toEqual(pass.selected)
      const out = right(
        processFeed({
          targetDigest: digests[to],
          feed: {
            syncMode: 'catchUp',
            digest: digests[from],
            entries: selected.map((r) => ({ syncState: r.syncState, payload: { uuid: r.uuid } })),
          },
          lookup: (uuid) => holdings[to].get(uuid),
          lastPage: true,
        }),
      )
      expect(out.decisions.every((d) => d.decision.action === 'apply')).toBe(true)
      for (const d of out.decisions) holdings[to].set(d.uuid, selected.find((r) => r.uuid === d.uuid)!.syncState)
      digests[to] = out.digest
      expect(rows(digests.N1)).toEqual(pass.after.N1)
      expect(rows(digests.N2)).toEqual(pass.after.N2)
    })
  }

  it('the digests are equal at the end of the bidirectional synchronization', () => {
    expect(rows(digests.N1)).toEqual(rows(digests.N2))
  })
})

describe('§2.6 conflict detection with digest, synchronizing N1 → N2', () => {
  const spec = JSON.parse(fixture('conflict/sdata-2.6_conflict-cases.json')) as {
    stamp: string
    sourceDigest: Row[]
    targetDigest: Row[]
    cases: Array<{
      case: string
      source: [string, number]
      target: [string, number]
      spec: string
      discrepancy?: string
      expected: { action: string; conflict: boolean; reason: string }
    }>
  }
  const sourceDigest = digestOf(spec.sourceDigest, spec.stamp)
  const targetDigest = digestOf(spec.targetDigest, spec.stamp)
  for (const c of spec.cases) {
    const title = c.discrepancy
      ? `case ${c.case}: §5.4 overrides §2.6 ("${c.spec}"): the target N2 keeps its version`
      : `case ${c.case}: ${c.spec}`
    it(title, () => {
      const decision = detectConflict({
        source: stateOf(c.source[0], c.source[1], spec.stamp),
        target: stateOf(c.target[0], c.target[1], spec.stamp),
        sourceDigest,
        targetDigest,
      })
      expect(decision).toEqual(c.expected)
    })
  }

  it('case e names the discrepancy between §2.6 (N1 wins) and §5.4 (N2, priority 2, beats N3, priority 3)', () => {
    const e = spec.cases.find((c) => c.case === 'e')!
    expect(e.spec).toContain('N1 wins')
    expect(e.discrepancy).toContain('§5.4')
    expect(e.expected.action).toBe('ignore')
  })

  it('the result is the same when the roles are reversed (§2.6: "case 2 or 3 depending on how we start")', () => {
    // Synchronizing N2 → N1 with the same versions must keep the same winner in every case.
    for (const c of spec.cases) {
      const forward = detectConflict({
        source: stateOf(c.source[0], c.source[1], spec.stamp),
        target: stateOf(c.target[0], c.target[1], spec.stamp),
        sourceDigest,
        targetDigest,
      })
      const backward = detectConflict({
        source: stateOf(c.target[0], c.target[1], spec.stamp),
        target: stateOf(c.source[0], c.source[1], spec.stamp),
        sourceDigest: targetDigest,
        targetDigest: sourceDigest,
      })
      expect(backward.conflict).toBe(forward.conflict)
      expect(backward.action === 'apply').toBe(forward.action !== 'apply')
    }
  })
})

describe('§2.3 priority examples, where they apply to the digest variant', () => {
  const spec = JSON.parse(fixture('conflict/sdata-2.3_priorities.json')) as {
    cases: Array<{
      case: string
      source: [string, number, string]
      sourceDigest: Row[]
      target: [string, number, string]
      targetDigest: Row[]
      winner: 'VR1' | 'VR2'
      expected: object
    }>
  }
  for (const c of spec.cases) {
    it(`${c.case}: ${c.winner} wins`, () => {
      const decision = detectConflict({
        source: stateOf(...c.source),
        target: stateOf(...c.target),
        sourceDigest: digestOf(c.sourceDigest, c.source[2]),
        targetDigest: digestOf(c.targetDigest, c.target[2]),
      })
      expect(decision).toEqual(c.expected)
      expect(decision.action === 'apply' ? 'VR1' : 'VR2').toBe(c.winner)
    })
  }
})

describe('§5.5 updating the target digest', () => {
  const spec = JSON.parse(fixture('conflict/sdata-5.5_digest-update.json')) as {
    stamp: string
    endpoints: Record<string, string>
    perEntry: {
      before: Record<string, number>
      entries: Array<{ entry: [string, number]; after: Record<string, number> }>
    }
    endOfFeed: { before: Record<string, number>; source: Record<string, number>; after: Record<string, number> }
  }
  const url = (name: string) => spec.endpoints[name]!
  const digest = (t: Record<string, number>) =>
    digestOf(
      Object.entries(t).map(([name, tick]): Row => [url(name), tick, 1]),
      spec.stamp,
    )
  const byName = (t: Record<string, number>) => Object.fromEntries(Object.entries(t).map(([n, v]) => [url(n), v]))
  const sourceDigest = digest(spec.endOfFeed.source)

  it('after each entry the tick of its endpoint is raised just above the entry tick (advanceDigest)', () => {
    let d = digest(spec.perEntry.before)
    for (const step of spec.perEntry.entries) {
      d = advanceDigest(d, stateOf(url(step.entry[0]), step.entry[1], spec.stamp), sourceDigest)
      expect(ticks(d)).toEqual(byName(step.after))
    }
  })

  it('at the end of a catchUp feed the ticks become the max of source and target (mergeDigests)', () => {
    expect(ticks(mergeDigests(digest(spec.endOfFeed.before), sourceDigest))).toEqual(byName(spec.endOfFeed.after))
  })

  const feedOf = (syncMode: 'catchUp' | 'immediate') => ({
    syncMode,
    digest: sourceDigest,
    entries: spec.perEntry.entries.map((s, i) => ({
      syncState: stateOf(url(s.entry[0]), s.entry[1], spec.stamp),
      payload: { uuid: `u${i}` },
    })),
  })

  it('processFeed on the last page of a catchUp feed does both: (5, 11, 8) → (6, 11, 9) → (6, 11, 10)', () => {
    const out = right(
      processFeed({
        targetDigest: digest(spec.perEntry.before),
        feed: feedOf('catchUp'),
        lookup: () => undefined,
        lastPage: true,
      }),
    )
    expect(out.merged).toBe(true)
    expect(ticks(out.digest)).toEqual(byName(spec.endOfFeed.after))
  })

  it('processFeed on a page that is not the last, or in immediate mode, does not merge: (6, 11, 9)', () => {
    for (const [mode, lastPage] of [
      ['catchUp', false],
      ['immediate', true],
    ] as const) {
      const out = right(
        processFeed({
          targetDigest: digest(spec.perEntry.before),
          feed: feedOf(mode),
          lookup: () => undefined,
          lastPage,
        }),
      )
      expect(out.merged).toBe(false)
      expect(ticks(out.digest)).toEqual(byName(spec.perEntry.entries[1]!.after))
    }
  })
})

describe('§5.8 immediate synchronization', () => {
  const spec = JSON.parse(fixture('conflict/sdata-5.8_immediate.json')) as {
    sourceDigest: Array<[string, number, string, number]>
    entry: { uuid: string; syncState: [string, number, string] }
    targetBefore: Array<[string, number, string, number]>
    targetAfterTicks: number[]
  }
  const feedWith = (tick: number) => ({
    syncMode: 'immediate' as const,
    digest: digestOfStamped(spec.sourceDigest),
    entries: [
      {
        syncState: stateOf(spec.entry.syncState[0], tick, spec.entry.syncState[2]),
        payload: { uuid: spec.entry.uuid },
      },
    ],
  })
  const targetDigest = digestOfStamped(spec.targetBefore)

  it('the entry (myApp1, 6) is contiguous with the target digest (myApp1 6): applied, digest (7, 11, 10), no merge', () => {
    const out = right(processFeed({ targetDigest, feed: feedWith(6), lookup: () => undefined, lastPage: true }))
    expect(out.decisions).toEqual([
      { index: 0, uuid: spec.entry.uuid, decision: { action: 'apply', conflict: false, reason: 'new-resource' } },
    ])
    expect(out.digest.entries.map((e) => e.tick)).toEqual(spec.targetAfterTicks)
    // sageApp3 stays at 10 although the source digest says 15: the next catch-up pass brings it.
    expect(out.merged).toBe(false)
  })

  it('an entry tick above the target digest tick is a gap: the whole page is refused with the endpoint and ticks', () => {
    const result = processFeed({ targetDigest, feed: feedWith(8), lookup: () => undefined, lastPage: true })
    expect(result).toEqual({
      _tag: 'Left',
      left: { endpoint: spec.entry.syncState[0], digestTick: 6, entryTick: 8, index: 0 },
    })
  })

  it('an entry already seen (tick below the digest tick) is not a gap', () => {
    const result = processFeed({ targetDigest, feed: feedWith(5), lookup: () => undefined, lastPage: true })
    expect(result._tag).toBe('Right')
  })

  it('the same page in catchUp mode is never checked for gaps', () => {
    const result = processFeed({
      targetDigest,
      feed: { ...feedWith(8), syncMode: 'catchUp' },
      lookup: () => undefined,
      lastPage: true,
    })
    expect(result._tag).toBe('Right')
  })
})
