import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type FeedEntry, type FeedStreamEvent, processFeed, processFeedStream } from '../../src/conflict/index'
import { digestOf, stateOf, ticks } from '../conflict/helpers'
import { numRuns } from '../support/runtime'

// Found by the session simulation: processFeed let a later entry of an endpoint raise that endpoint's digest tick
// past an entry that failed (A7 failed, A9 stored → A 10), so the digest claimed A7 incorporated and no later pass
// sent it again. The session capped the tick itself; processFeed now does: the tick recorded for an endpoint never
// passes a version of it the target did not incorporate (failed, rejected, or held back by an earlier page).

const T0 = '2024-05-01T10:00:00Z'
const A = 'http://h/sdata/a/c/-/accounts'
const B = 'http://h/sdata/b/c/-/accounts'
const entry = (endpoint: string, tick: number, uuid: string): FeedEntry => ({
  syncState: stateOf(endpoint, tick, T0),
  payload: { uuid },
})
const sourceDigest = digestOf(
  [
    [A, 20, 1],
    [B, 20, 2],
  ],
  T0,
)

function digestTicks(result: ReturnType<typeof processFeed>) {
  if (result._tag === 'Left') throw new Error('catch-up pages are never refused')
  return ticks(result.right.digest)
}

async function streamed(input: Parameters<typeof processFeedStream>[0]) {
  const events: FeedStreamEvent[] = []
  for await (const e of processFeedStream(input)) events.push(e)
  const end = events.at(-1)!
  if (end.type !== 'end') throw new Error('expected an end event')
  return ticks(end.digest)
}

describe('a failed entry holds its endpoint’s tick', () => {
  const input = {
    targetDigest: digestOf([[A, 3, 1]], T0),
    feed: { digest: sourceDigest, entries: [entry(A, 5, 'a'), entry(A, 7, 'bad'), entry(A, 9, 'c'), entry(B, 4, 'd')] },
    lookup: () => undefined,
    lastPage: true,
    failed: (uuid: string) => uuid === 'bad',
  }

  it('a later entry of the same endpoint does not raise the tick past the failed one (other endpoints advance)', async () => {
    expect(digestTicks(processFeed(input))).toEqual({ [A]: 7, [B]: 5 })
    expect(await streamed(input)).toEqual({ [A]: 7, [B]: 5 })
  })

  it('never below the tick the digest had before the page (the highest, should it list the endpoint twice)', () => {
    expect(digestTicks(processFeed({ ...input, targetDigest: digestOf([[A, 8, 1]], T0) }))).toEqual({ [A]: 8, [B]: 5 })
    const twice = digestOf(
      [
        [A, 8, 1],
        [A, 2, 1],
      ],
      T0,
    )
    expect(digestTicks(processFeed({ ...input, targetDigest: twice }))).toEqual({ [A]: 8, [B]: 5 })
  })

  it('an entry rejected for its missing uuid holds its endpoint too', () => {
    const { failed: _, ...rest } = input
    const entries = [{ syncState: stateOf(A, 6, T0) }, entry(A, 9, 'c')]
    expect(digestTicks(processFeed({ ...rest, feed: { ...input.feed, entries } }))).toEqual({ [A]: 6 })
  })

  it('versions held back by an earlier page of the pass cap this page and suppress its end merge', async () => {
    const later = {
      targetDigest: digestOf([[A, 7, 1]], T0),
      feed: { digest: sourceDigest, entries: [entry(A, 9, 'c')] },
      lookup: () => undefined,
      lastPage: true,
      heldBack: [stateOf(A, 7, T0)],
    }
    const out = processFeed(later)
    expect(out._tag === 'Right' && out.right.merged).toBe(false)
    expect(digestTicks(out)).toEqual({ [A]: 7 })
    expect(await streamed(later)).toEqual({ [A]: 7 })
  })

  it('for any page: the tick of an endpoint with a failed version is at most max(before, its lowest failed tick)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ e: fc.constantFrom(A, B), tick: fc.nat(30), fails: fc.boolean() }), { maxLength: 20 }),
        fc.nat(30),
        (rows, before) => {
          const entries = rows.map((r, i) => entry(r.e, r.tick, `${r.fails ? 'bad' : 'ok'}${i}`))
          const out = processFeed({
            targetDigest: digestOf([[A, before, 1]], T0),
            feed: { digest: sourceDigest, entries },
            lookup: () => undefined,
            lastPage: true,
            failed: (u) => u.startsWith('bad'),
          })
          const got = digestTicks(out)
          for (const e of [A, B]) {
            const failedTicks = rows.filter((r) => r.e === e && r.fails).map((r) => r.tick)
            if (failedTicks.length === 0) continue
            const floor = e === A ? before : 0
            expect(got[e] ?? 0).toBeLessThanOrEqual(Math.max(floor, Math.min(...failedTicks)))
          }
        },
      ),
      { numRuns: numRuns(100) },
    )
  })
})
