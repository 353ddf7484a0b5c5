import { describe, expect, it } from 'vitest'
import { type FeedEntry, type FeedStreamEvent, processFeed, processFeedStream } from '../../src/conflict/index'
import { digestOf, stateOf } from '../conflict/helpers'

// The immediate-mode contiguity rule (docs/decisions.md#s10) checks only endpoints the target's digest knows: an
// unknown endpoint has no tick to be contiguous with. processFeed and processFeedStream must agree on it, and a gap
// of a known endpoint after an unknown one is still found. (The sync session's target refuses unknown endpoints
// itself; test/session/engine.test.ts covers that.)

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
  it('is not checked for contiguity, by processFeed and processFeedStream alike', async () => {
    const out = processFeed(input([entry(A, 5, 'a'), entry(E, 40, 'e')]))
    expect(out._tag === 'Right' && out.right.digest.entries.map((d) => [d.endpoint, d.tick])).toEqual([
      [A, 6],
      [E, 41],
    ])
    expect((await lastEvent([entry(A, 5, 'a'), entry(E, 40, 'e')])).type).toBe('end')
  })

  it('still finds the gap of a known endpoint that follows it', async () => {
    const gap = { endpoint: A, digestTick: 5, entryTick: 7, index: 1 }
    expect(processFeed(input([entry(E, 40, 'e'), entry(A, 7, 'a')]))).toEqual({ _tag: 'Left', left: gap })
    expect(await lastEvent([entry(E, 40, 'e'), entry(A, 7, 'a')])).toEqual({ type: 'gap', ...gap })
  })
})
