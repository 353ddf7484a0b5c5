import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DiagnosesXml,
  type Stamp,
  type SyncEntry,
  SyncEntryXml,
  type SyncFeed,
  SyncFeedXml,
} from '../../src/sdata/index'
import { createSyncEndpoint, processPage, sourcePages } from '../../src/session/index'
import type { Endpoint } from '../conflict/sim'
import { numRuns } from '../support/runtime'
import { SessionNetwork, SimStore, valueElement } from './network'

// The source and target roles on their own: the pages a source builds, the answers a target gives, the routing.

function twoEndpoints(creates: number) {
  const s = new SessionNetwork([3, 3], [0, 0])
  for (let i = 0; i < creates; i++) s.net.local(0, `u${i}`, 'create')
  return { s, a: s.net.endpoints[0]!, b: s.net.endpoints[1]! }
}

/** Two endpoints, the first with one resource created: its endpoint, and the second's digest as a GET returns it. */
function sourceAndTargetDigest() {
  const { s, a, b } = twoEndpoints(1)
  const ep = createSyncEndpoint({ endpoint: a.url, store: s.stores[0]! })
  const digest = createSyncEndpoint({ endpoint: b.url, store: s.stores[1]! }).handle({
    method: 'GET',
    url: `${b.url}/$syncDigest`,
    headers: {},
  }).body as string
  return { s, a, ep, digest }
}

describe('sourcePages', () => {
  it('pages the selected changes with syncMode, source digest, OpenSearch figures and next links', () => {
    const { s, a, b } = twoEndpoints(5)
    s.net.local(0, 'u1', 'delete')
    const pages = sourcePages(s.stores[0]!, b.digest, {
      endpoint: a.url,
      pageSize: 2,
      url: `${a.url}/$syncSource('t')`,
    })
    expect(pages.map((p) => p.entries.map((e) => e.syncState!.tick))).toEqual([[1, 3], [4, 5], [6]])
    expect(pages.map((p) => p.links.some((l) => l.rel === 'next'))).toEqual([true, true, false])
    expect(pages[1]!.opensearch).toEqual({ totalResults: 5, startIndex: 3, itemsPerPage: 2 })
    for (const p of pages) expect(p).toMatchObject({ syncMode: 'catchUp', digest: { origin: a.url } })
    const tomb = pages[2]!.entries[0]!.payload!
    expect(tomb).toMatchObject({ uuid: 'u1', isDeleted: true })
    expect(tomb.element.children).toEqual([])
  })

  it('sends one empty last page when nothing is new, so that the target still merges the digest', () => {
    const { s, a } = twoEndpoints(2)
    const pages = sourcePages(s.stores[0]!, a.digest, { endpoint: a.url })
    expect(pages).toHaveLength(1)
    expect(pages[0]!.entries).toEqual([])
    expect(pages[0]!.links.map((l) => l.rel)).toEqual(['self', 'first'])
  })

  it('holds back a version its own digest does not cover', () => {
    const { s, a, b } = twoEndpoints(2)
    a.digest = { entries: a.digest.entries.map((e) => ({ ...e, tick: 2 })) }
    const pages = sourcePages(s.stores[0]!, b.digest, { endpoint: a.url })
    expect(pages[0]!.entries.map((e) => e.payload!.uuid)).toEqual(['u0'])
  })

  it('decode ∘ encode = id for every page it builds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 4 }), (n, size) => {
        const { s, a, b } = twoEndpoints(n)
        for (const page of sourcePages(s.stores[0]!, b.digest, { endpoint: a.url, pageSize: size })) {
          const again = SyncFeedXml.decode(SyncFeedXml.encode(page))
          expect(again._tag).toBe('Right')
          if (again._tag === 'Right') expect(SyncFeedXml.encode(again.right)).toBe(SyncFeedXml.encode(page))
        }
      }),
      { numRuns: numRuns(50) },
    )
  })
})

describe('processPage', () => {
  const stamp = (s: string) => s as Stamp
  const A = 'http://sim/A'
  const B = 'http://sim/B'
  const early = stamp('2025-01-01T00:00:00Z')
  const late = stamp('2030-01-01T00:00:00Z')
  const entry = (uuid: string, tick: number, at = early, isDeleted = false): SyncEntry => ({
    id: uuid,
    links: [],
    syncState: { endpoint: A, tick, stamp: at },
    payload: { uuid, isDeleted, element: valueElement(`${uuid}@${tick}`) },
    diagnoses: [],
    extensions: [],
  })
  const targetWith = () => {
    const held = (endpoint: string, tick: number, at = early) => ({
      state: { endpoint, tick, stamp: at },
      value: 'old',
    })
    const ep: Endpoint = {
      url: B,
      priority: 3,
      skewMs: 0,
      digest: {
        entries: [
          { endpoint: A, tick: 5, stamp: early, conflictPriority: 3 },
          { endpoint: B, tick: 3, stamp: late, conflictPriority: 3 },
        ],
      },
      store: new Map([
        ['known', held(A, 4)],
        ['upd', held(A, 2)],
        ['del', held(A, 3)],
        ['mine', held(B, 2, late)],
      ]),
    }
    return { ep, store: new SimStore(ep) }
  }
  const sourceDigest = {
    entries: [
      { endpoint: A, tick: 10, stamp: early, conflictPriority: 3 },
      { endpoint: B, tick: 1, stamp: early, conflictPriority: 3 },
    ],
  }
  const feedOf = (entries: SyncEntry[], syncMode: 'catchUp' | 'immediate' = 'catchUp'): SyncFeed => ({
    links: [],
    syncMode,
    digest: sourceDigest,
    diagnoses: [],
    entries,
    extensions: [],
  })

  it('answers 201 for a create, 200 for an update and a delete, Not modified for a known version, 409 for a lost conflict, 400 without syncState', () => {
    const { ep, store } = targetWith()
    const feed = feedOf([
      entry('known', 4),
      entry('upd', 6),
      entry('del', 7, early, true),
      entry('mine', 8),
      entry('new', 9),
      { ...entry('odd', 1), syncState: undefined },
    ])
    const out = processPage({ endpoint: B, store, feed, lastPage: true })
    expect(out.status).toBe(200)
    if (out.status !== 200) return
    const rows = out.results.entries.map((e) => [e.id, e.http?.status, e.http?.message, e.http?.method])
    expect(rows).toEqual([
      ['known', 200, 'Not modified', 'PUT'],
      ['upd', 200, 'OK', 'PUT'],
      ['del', 200, 'OK', 'DELETE'],
      ['mine', 409, 'Conflict', 'PUT'],
      ['new', 201, 'Created', 'POST'],
      ['odd', 400, 'Bad Request', 'PUT'],
    ])
    expect(out.results.entries[5]!.diagnoses[0]).toMatchObject({ applicationCode: 'NoSyncState' })
    expect(ep.store.get('upd')!.value).toBe('upd@6')
    expect(ep.store.get('del')!.state.deleted).toBe(true)
    expect(ep.store.get('mine')!.value).toBe('old')
    // the rejected entry counts as a failure (no end-of-feed merge); A's tick comes from the per-entry advance (9 + 1)
    expect(out.failures).toBe(true)
    expect(ep.digest.entries.find((e) => e.endpoint === A)!.tick).toBe(10)
    // the result feed carries the new digest and decodes
    expect(SyncFeedXml.decode(SyncFeedXml.encode(out.results))._tag).toBe('Right')
  })

  it('holds the tick of an endpoint at its lowest failed version', () => {
    const { ep, store } = targetWith()
    store.failNext = true
    const out = processPage({ endpoint: B, store, feed: feedOf([entry('upd', 6), entry('new', 9)]), lastPage: true })
    expect(out.status === 200 && out.heldBack.map((s) => s.tick)).toEqual([6])
    expect(ep.digest.entries.find((e) => e.endpoint === A)!.tick).toBe(6)
    expect(ep.store.get('new')!.value).toBe('new@9')
  })

  it('refuses an immediate page with a gap, storing nothing', () => {
    const { ep, store } = targetWith()
    const out = processPage({ endpoint: B, store, feed: feedOf([entry('new', 7)], 'immediate'), lastPage: true })
    expect(out).toMatchObject({ status: 400, diagnoses: [{ applicationCode: 'TickGap' }] })
    expect(ep.store.has('new')).toBe(false)
  })
})

describe('createSyncEndpoint', () => {
  it('answers $syncDigest with an entry holding the digest, and 404 elsewhere', () => {
    const { s, a } = twoEndpoints(1)
    const ep = createSyncEndpoint({ endpoint: a.url, store: s.stores[0]! })
    const res = ep.handle({ method: 'GET', url: `${a.url}/$syncDigest`, headers: {} })
    const entry = SyncEntryXml.decode(String(res.body))
    expect(entry._tag === 'Right' && entry.right.digest?.origin).toBe(a.url)
    const miss = ep.handle({ method: 'GET', url: 'http://elsewhere/$syncDigest', headers: {} })
    expect(miss.status).toBe(404)
    expect(DiagnosesXml.decode(String(miss.body))._tag).toBe('Right')
  })

  it('never makes two jobs of one trackingID: a repeated POST gets the first snapshot', () => {
    const { s, a, ep, digest } = sourceAndTargetDigest()
    const post = { method: 'POST' as const, url: `${a.url}/$syncSource?trackingID=t1`, headers: {}, body: digest }
    const first = ep.handle(post)
    s.net.local(0, 'late', 'create')
    const again = ep.handle(post)
    expect([first.status, again.status]).toEqual([202, 202])
    const page = ep.handle({ method: 'GET', url: `${a.url}/$syncSource('t1')`, headers: {} })
    const feed = SyncFeedXml.decode(String(page.body))
    expect(feed._tag === 'Right' && feed.right.entries.map((e) => e.payload?.uuid)).toEqual(['u0'])
  })

  it('refuses a body that is not a sync feed with 400 and a diagnosis, and unknown contexts with 404', () => {
    const { s, a } = twoEndpoints(0)
    const ep = createSyncEndpoint({ endpoint: a.url, store: new SimStore(s.net.endpoints[0]!) })
    const bad = ep.handle({ method: 'POST', url: `${a.url}/$syncTarget?trackingID=x`, headers: {}, body: '<nope/>' })
    expect(bad.status).toBe(400)
    expect(String(bad.body)).toContain('not a sync feed')
    expect(ep.handle({ method: 'DELETE', url: `${a.url}/$syncTarget('y')`, headers: {} }).status).toBe(404)
    expect(ep.handle({ method: 'GET', url: `${a.url}/$syncSource('y')`, headers: {} }).status).toBe(404)
  })

  it('refuses a trackingID holding a lone surrogate with 400 and a diagnosis: no URL could name its context', () => {
    const { a, ep, digest } = sourceAndTargetDigest()
    for (const op of ['$syncSource?trackingID=x\uD800y', '$syncTarget?trackingId=\uDC00']) {
      const answer = ep.handle({ method: 'POST', url: `${a.url}/${op}`, headers: {}, body: digest })
      expect(answer.status).toBe(400)
      const diagnoses = DiagnosesXml.decode(String(answer.body))
      expect(diagnoses._tag === 'Right' && diagnoses.right.diagnoses[0]!.message).toMatch(/trackingID .*lone surrogate/)
    }
    // The same ID percent-encoded does not decode as UTF-8: it is kept as written, as before, and served.
    const post = {
      method: 'POST' as const,
      url: `${a.url}/$syncSource?trackingID=x%ED%A0%80`,
      headers: {},
      body: digest,
    }
    const accepted = ep.handle(post)
    expect(accepted.status).toBe(202)
    expect(ep.handle({ method: 'GET', url: String(accepted.headers.Location), headers: {} }).status).toBe(200)
  })
})
