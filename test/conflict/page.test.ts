import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Decision, type Digest, processFeed, type SyncState, type TargetState } from '../../src/conflict/index'
import { digest, ENDPOINTS, syncState } from './arbitraries'

// processFeed decides a page as if its uuids were distinct and decides it again, tracking every uuid, only when
// a uuid repeats; whichever path runs, a page must decide exactly as its entries would one page at a time.

const SPECIAL = ['İd-1', 'i̇d-1', 'straße', 'STRASSE']
const uuidOf = (n: number, variant: number): string => {
  const base = n < SPECIAL.length ? SPECIAL[n]! : `c4411795-9943-4cf4-8705-${String(n).padStart(12, '0')}a`
  return variant === 0 ? base : variant === 1 ? base.toUpperCase() : base.toLowerCase()
}

const page = fc.record({
  targetDigest: digest,
  sourceDigest: digest,
  distinct: fc.integer({ min: 1, max: 300 }),
  entries: fc.array(fc.record({ n: fc.nat(300), variant: fc.nat(2), state: syncState, isDeleted: fc.boolean() }), {
    maxLength: 120,
  }),
  held: fc.array(fc.tuple(fc.nat(300), syncState, fc.boolean()), { maxLength: 40 }),
  failing: fc.array(fc.nat(300), { maxLength: 3 }),
  restamp: fc.boolean(),
})

/** A tick above every earlier one of the endpoint (`last` remembers them). */
function rising(last: Map<string, number>, endpoint: string, tick: number): number {
  const t = Math.max(tick, (last.get(endpoint) ?? -1) + 1)
  last.set(endpoint, t)
  return t
}

const asMap = (d: Digest) => new Map(d.entries.map((e) => [e.endpoint, e]))

describe('processFeed on a page = its entries one page at a time', () => {
  it('same decisions and digest, with repeated uuids (case and non-ASCII folding included), failures and re-stamps', () => {
    fc.assert(
      fc.property(page, (p) => {
        // A feed's ticks rise per endpoint (docs/decisions.md#s11): only then can a failed entry's cap on its
        // endpoint's tick, which covers the whole page, be reproduced one page at a time (through `heldBack`).
        const last = new Map<string, number>()
        const entries = p.entries.map((e) => ({
          syncState: { ...e.state, tick: rising(last, e.state.endpoint, e.state.tick) },
          payload: { uuid: uuidOf(e.n % p.distinct, e.variant), isDeleted: e.isDeleted },
        }))
        const store = new Map<string, TargetState>(
          p.held.map(([n, s, deleted]) => [uuidOf(n % p.distinct, 2).toLowerCase(), deleted ? { ...s, deleted } : s]),
        )
        const failing = new Set(p.failing.map((n) => uuidOf(n % p.distinct, 2).toLowerCase()))
        const failed = (uuid: string) => failing.has(uuid.toLowerCase())
        const options = { restampConflicts: p.restamp, self: ENDPOINTS[0]! }
        const whole = processFeed(
          {
            targetDigest: p.targetDigest,
            feed: { digest: p.sourceDigest, entries },
            lookup: (u) => store.get(u.toLowerCase()),
            lastPage: false,
            failed,
          },
          options,
        )
        if (whole._tag === 'Left') throw new Error('catch-up pages are never refused')

        let d = p.targetDigest
        const heldBack: SyncState[] = []
        const single: Decision[] = []
        const mine = new Map(store)
        for (const entry of entries) {
          const r = processFeed(
            {
              targetDigest: d,
              feed: { digest: p.sourceDigest, entries: [entry] },
              lookup: (u) => mine.get(u.toLowerCase()),
              lastPage: false,
              failed,
              heldBack,
            },
            options,
          )
          if (r._tag === 'Left') throw new Error('catch-up pages are never refused')
          if (failed(entry.payload.uuid)) heldBack.push(entry.syncState)
          const decision = r.right.decisions[0]!.decision
          single.push(decision)
          const k = entry.payload.uuid.toLowerCase()
          if (!failed(k)) {
            const held = mine.get(k)
            const deleted = decision.action === 'apply' ? entry.payload.isDeleted : held?.deleted === true
            const version = decision.restamped ?? (decision.action === 'apply' ? entry.syncState : undefined)
            if (version !== undefined) mine.set(k, deleted ? { ...version, deleted } : version)
          }
          d = r.right.digest
        }
        expect(whole.right.decisions.map((x) => x.decision)).toEqual(single)
        expect(asMap(whole.right.digest)).toEqual(asMap(d))
      }),
      { numRuns: 200 },
    )
  })
})

describe('processFeed on a large page (the repeat check spread over many partitions)', () => {
  const endpoint = (k: number) => ENDPOINTS[k % ENDPOINTS.length]!
  const at = (k: number) => `2025-06-01T12:00:${String(k % 60).padStart(2, '0')}.${String(k).padStart(7, '0')}Z`
  const pageOf = (uuids: readonly string[]) =>
    uuids.map((uuid, k) => ({
      syncState: { endpoint: endpoint(k), tick: 10 + k, stamp: at(k) as SyncState['stamp'] },
      payload: { uuid, isDeleted: k % 7 === 0 },
    }))
  const targetDigest: Digest = {
    entries: ENDPOINTS.map((e, k) => ({
      endpoint: e,
      tick: 5,
      stamp: at(0) as SyncState['stamp'],
      conflictPriority: k + 1,
    })),
  }
  const held = (k: number): TargetState | undefined =>
    k % 3 === 0 ? { endpoint: endpoint(k + 1), tick: 3, stamp: at(k) as SyncState['stamp'] } : undefined
  const N = 20_000
  const distinct = Array.from({ length: N }, (_, k) => `c4411795-9943-4cf4-8705-${String(k).padStart(12, '0')}`)

  it('decides a page of distinct uuids once (each uuid looked up once)', () => {
    let calls = 0
    const lookup = (u: string) => {
      calls++
      return held(Number(u.slice(-12)))
    }
    const r = processFeed({ targetDigest, feed: { entries: pageOf(distinct) }, lookup, lastPage: false })
    expect(r._tag).toBe('Right')
    expect(calls).toBe(N)
  })

  it('a repeat far from its first entry (in another case) sees the state that entry left', () => {
    const uuids = [...distinct]
    uuids[N - 5] = distinct[7]!.toUpperCase()
    const entries = pageOf(uuids)
    const store = new Map<string, TargetState>()
    for (let k = 0; k < N; k++) {
      const s = held(Number(distinct[k]!.slice(-12)))
      if (s !== undefined) store.set(distinct[k]!, s)
    }
    const whole = processFeed({
      targetDigest,
      feed: { entries },
      lookup: (u) => store.get(u.toLowerCase()),
      lastPage: false,
    })
    if (whole._tag === 'Left') throw new Error('catch-up pages are never refused')
    // The reference: the repeat decided on its own, after the first entry's outcome is stored.
    const first = whole.right.decisions[7]!.decision
    const mine = new Map(store)
    const k7 = distinct[7]!
    if (first.action === 'apply')
      mine.set(k7, entries[7]!.payload.isDeleted ? { ...entries[7]!.syncState, deleted: true } : entries[7]!.syncState)
    // The repeat decided alone, against the stored versions `known`.
    const decideAlone = (known: typeof store) => {
      const alone = processFeed({
        targetDigest,
        feed: { entries: [entries[N - 5]!] },
        lookup: (u) => known.get(u.toLowerCase()),
        lastPage: false,
      })
      if (alone._tag === 'Left') throw new Error('catch-up pages are never refused')
      return alone.right.decisions[0]!.decision
    }
    expect(whole.right.decisions[N - 5]!.decision).toEqual(decideAlone(mine))
    // …and not the decision it gets without that entry (the test would not see a missed repeat otherwise).
    expect(whole.right.decisions[N - 5]!.decision).not.toEqual(decideAlone(store))
  })
})

describe('processFeed: a repeat whose tail is spelled with a non-ASCII letter that lower-cases to ASCII', () => {
  // U+212A KELVIN SIGN lower-cases to "k": the two uuids are one resource (§4.7), though only one tail is ASCII.
  it.each([
    ['ascii first', 'c4411795-9943-4cf4-8705-00000000000k', 'c4411795-9943-4cf4-8705-00000000000\u212A'],
    ['kelvin first', 'c4411795-9943-4cf4-8705-0000000\u212A0000', 'C4411795-9943-4CF4-8705-0000000K0000'],
  ])('%s: the second entry sees the state the first left', (_, first, second) => {
    const stamp = '2025-06-01T12:00:00Z' as SyncState['stamp']
    const endpoint = ENDPOINTS[0]!
    const r = processFeed({
      targetDigest: { entries: [] },
      feed: {
        entries: [
          { syncState: { endpoint, tick: 1, stamp }, payload: { uuid: first } },
          { syncState: { endpoint, tick: 2, stamp }, payload: { uuid: second } },
        ],
      },
      lookup: () => undefined,
      lastPage: false,
    })
    if (r._tag === 'Left') throw new Error('catch-up pages are never refused')
    expect(r.right.decisions.map((d) => d.decision.reason)).toEqual(['new-resource', 'same-endpoint-newer'])
  })
})
