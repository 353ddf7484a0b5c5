import { describe, expect, it } from 'vitest'
import { type FeedEntry, type FeedStreamEvent, processFeed, processFeedStream } from '../../src/conflict/index'
import { digestOf, stateOf } from '../conflict/helpers'

// Found by the session simulation: in immediate mode processFeed checked contiguity only for endpoints the target's
// digest knew, so a page from an unknown endpoint E starting at tick 40 was accepted and put E at 41 in the digest:
// E's changes 0–39 then counted as incorporated and no catch-up pass would send them. The session refused such
// pages itself. processFeed now reads a digest without E as one holding E at tick 0 (nothing of E incorporated),
// so the same gap rule refuses the page unless E's first entry has tick 0.

const T0 = '2024-05-01T10:00:00Z'
const A = 'http://h/sdata/a/c/-/accounts'
const E = 'http://h/sdata/e/c/-/accounts'
const entry = (endpoint: string, tick: number, uuid: string): FeedEntry => ({
  syncState: stateOf(endpoint, tick, T0),
  payload: { uuid },
})

const input = (entries: FeedEntry[]) => ({
  targetDigest: digestOf([[A, 5, 1]], T0),
  feed: { syncMode: 'immediate' as const, digest: digestOf([[E, 41, 2]], T0), entries },
  lookup: () => undefined,
  lastPage: true,
})

async function lastEvent(entries: FeedEntry[]): Promise<FeedStreamEvent> {
  let last: FeedStreamEvent | undefined
  for await (const e of processFeedStream(input(entries))) last = e
  return last!
}

describe('immediate mode from an endpoint the target has never seen', () => {
  it('is a gap unless the endpoint’s first entry has tick 0', async () => {
    const gap = { endpoint: E, digestTick: 0, entryTick: 40, index: 1, unknownEndpoint: true }
    expect(processFeed(input([entry(A, 5, 'a'), entry(E, 40, 'e')]))).toEqual({ _tag: 'Left', left: gap })
    expect(await lastEvent([entry(A, 5, 'a'), entry(E, 40, 'e')])).toEqual({ type: 'gap', ...gap })
  })

  it('accepts tick 0 as the first change of the endpoint (nothing before it can be missing)', async () => {
    const out = processFeed(input([entry(E, 0, 'e'), entry(E, 1, 'f')]))
    expect(out._tag === 'Right' && out.right.digest.entries.map((d) => [d.endpoint, d.tick])).toEqual([
      [A, 5],
      [E, 2],
    ])
    expect((await lastEvent([entry(E, 0, 'e')])).type).toBe('end')
  })

  it('catch-up pages from unknown endpoints are still accepted', () => {
    const catchUp = {
      ...input([entry(E, 40, 'e')]),
      feed: { ...input([entry(E, 40, 'e')]).feed, syncMode: 'catchUp' as const },
    }
    expect(processFeed(catchUp)._tag).toBe('Right')
  })
})
