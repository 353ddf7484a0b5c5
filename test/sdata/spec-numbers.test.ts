// The numbers the SData spec's own examples carry (sync §4.2–§4.4, §5.1, §5.2, §5.3, §5.8), read through the codecs.
import { describe, expect, it } from 'vitest'
import type { SyncEntry, SyncFeed } from '../../src/sdata/index'
import { DigestXml, SyncEntryXml, SyncFeedXml, SyncStateXml, TrackingXml } from '../../src/sdata/index'
import { fixture } from '../support/fixtures'

function right<A>(r: { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: A }): A {
  if (r._tag === 'Left') throw new Error('expected a decoded value')
  return r.right
}

const A1 = 'http://www.example.com/sdata/myApp1/myContract/-/accounts'
const A2 = 'http://www.example.com/sdata/myApp2/myContract/-/accounts'
const A3 = 'http://www.example.com/sdata/sageApp3/test/-/accounts'

describe('§4.4 catch-up feed', () => {
  const feed: SyncFeed = right(SyncFeedXml.decode(fixture('sdata/spec-4.4_sync-feed_catchUp.xml')))

  it('has 3 digest entries with ticks 6/10/10 and priorities 2/1/3', () => {
    expect(feed.digest?.origin).toBe(A1)
    expect(feed.digest?.entries.map((e) => e.endpoint)).toEqual([A1, A2, A3])
    expect(feed.digest?.entries.map((e) => e.tick)).toEqual([6, 10, 10])
    expect(feed.digest?.entries.map((e) => e.conflictPriority)).toEqual([2, 1, 3])
  })

  it('first entry: empty id and title, syncState (myApp1, 5), uuid 74926A0D-…', () => {
    const first = feed.entries[0]!
    expect(first.id).toBe('')
    expect(first.title).toBe('')
    expect(first.syncState).toEqual({ endpoint: A1, tick: 5, stamp: '2008-10-30T14:55:43.281Z' })
    expect(first.payload?.uuid).toBe('74926A0D-D2C0-4daa-9986-47C833691569')
    expect(first.payload?.isDeleted).toBe(false)
    expect(first.payload?.element.localName).toBe('account')
    expect(first.payload?.element.namespace).toBe('http://schemas.sage.com/myContract')
  })

  it('second entry: syncState (sageApp3, 8) and uuid C4411795-…', () => {
    const second = feed.entries[1]!
    expect(second.syncState?.endpoint).toBe(A3)
    expect(second.syncState?.tick).toBe(8)
    expect(second.payload?.uuid).toBe('C4411795-9943-4cf4-8705-51A74C9F0ACC')
  })

  it('is a catch-up feed with self, first and next links', () => {
    expect(feed.syncMode).toBe('catchUp')
    expect(feed.links.map((l) => l.rel)).toEqual(['self', 'first', 'next'])
    // XML 1.0 §3.3.3 turns the line break inside the spec's wrapped href into a space.
    expect(feed.links[2]!.href).toMatch(/DD052E5C-BFAD-4ffa-8D54-D696E4959497'\) \?startIndex=11&count=10$/)
  })
})

describe('the other spec examples', () => {
  it('§4.2 digest: ticks 5/11/8, priorities 2/1/3, stamps kept lexically', () => {
    const digest = right(DigestXml.decode(fixture('sdata/spec-4.2_digest.xml')))
    expect(digest.entries.map((e) => [e.tick, e.conflictPriority, e.stamp])).toEqual([
      [5, 2, '2008-10-30T14:52:03.281Z'],
      [11, 1, '2008-10-30T13:46:45Z'],
      [8, 3, '2008-10-30T12:40:25Z'],
    ])
  })

  it('§4.3 syncState with the optional user', () => {
    expect(right(SyncStateXml.decode(fixture('sdata/spec-4.3_syncState.xml')))).toEqual({
      endpoint: A1,
      tick: 6,
      stamp: '2008-05-25T14:52:03.281Z',
      user: 'john.doe@acme.com',
    })
  })

  it('§5.1 and §5.2: the $syncDigest entry carries the digest inside sdata:payload', () => {
    for (const file of [
      'sdata/spec-5.1_syncDigest-GET-response-entry.xml',
      'sdata/spec-5.2_syncSource-POST-request-entry.xml',
    ]) {
      const entry: SyncEntry = right(SyncEntryXml.decode(fixture(file)))
      expect(entry.payload).toBeUndefined()
      expect(entry.digest?.origin).toBe(A1)
      expect(entry.digest?.entries.map((e) => e.tick)).toEqual([5, 11, 8])
    }
  })

  it('§5.2 tracking in the namespace without /1', () => {
    const tracking = right(TrackingXml.decode(fixture('sdata/spec-5.2_tracking-202-response.xml')))
    expect(tracking).toEqual({
      namespace: 'http://schemas.sage.com/sdata/2008',
      phase: 'Initialization',
      phaseDetail: 'Starting thread',
      progress: '0.0',
      elapsedSeconds: 0,
      remainingSeconds: 7,
      pollingMillis: 500,
      extensions: [],
    })
  })

  it('§5.3 result feed: http results per entry, no syncState', () => {
    const feed = right(SyncFeedXml.decode(fixture('sdata/spec-5.3_syncTarget-result-feed.xml')))
    expect(feed.entries.map((e) => e.http)).toEqual([
      {
        status: 200,
        message: 'OK',
        location: "http://www.example.com/sdata/myApp2/myContract/-/accounts('28004')",
        method: 'POST',
        etag: '2nXz9DZYR2pqmcXi/ZCbYA==',
      },
      { status: 200, message: 'OK', method: 'PUT', etag: 'STFtZgHEkPz7TyH98YEmWA==' },
    ])
    expect(feed.entries.every((e) => e.syncState === undefined)).toBe(true)
  })

  it('§5.8 immediate feed: digest without origin, ticks 7/10/15, uuid taken from <payload>', () => {
    const feed = right(SyncFeedXml.decode(fixture('sdata/spec-5.8_sync-feed_immediate.xml')))
    expect(feed.syncMode).toBe('immediate')
    expect(feed.digest?.origin).toBeUndefined()
    expect(feed.digest?.entries.map((e) => [e.tick, e.conflictPriority])).toEqual([
      [7, 1],
      [10, 2],
      [15, 3],
    ])
    expect(feed.entries[0]!.syncState).toEqual({ endpoint: A1, tick: 6, stamp: '2008-10-30T18:13:39Z' })
    expect(feed.entries[0]!.payload?.uuid).toBe('C4411795-9943-4cf4-8705-51A74C9F0ACC')
  })

  it('the .NET client feed with sync:-prefixed digest reads the same as the default-namespace form', () => {
    const feed = right(SyncFeedXml.decode(fixture('sdata/DotNetSDataClient_sync-feed_prefixed-digest.xml')))
    expect(feed.syncMode).toBe('catchUp')
    expect(feed.digest?.entries.map((e) => [e.endpoint, e.tick, e.conflictPriority])).toEqual([
      [A1, 6, 2],
      [A2, 10, 1],
    ])
  })
})
