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
