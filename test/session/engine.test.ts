import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SyncFeedXml } from '../../src/sdata/index'
import {
  createSyncEngine,
  immediateFeed,
  type SyncEngine,
  type SyncRequest,
  type SyncStep,
} from '../../src/session/index'
import { snapshot } from '../conflict/sim'
import { numRuns } from '../support/runtime'
import { SessionNetwork } from './network'

// The engine's steps and failure paths, one by one, against endpoints of the in-memory network (real XML).

const A = 0
const B = 1

/** Two endpoints; A holds `count` accounts. */
function world(count: number, pendingPolls = 0, pageSize = 2): SessionNetwork {
  const s = new SessionNetwork([3, 3], [0, 0])
  for (let i = 0; i < count; i++) s.net.local(A, `u${i}`, 'create')
  s.serve(pendingPolls, pageSize)
  return s
}

let ids = 0
function engineFor(s: SessionNetwork, extra: Partial<Parameters<typeof createSyncEngine>[0]> = {}): SyncEngine {
  return createSyncEngine({
    source: s.net.endpoints[A]!.url,
    target: s.net.endpoints[B]!.url,
    runName: 'test run',
    runStamp: '2025-01-01T00:00:00',
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    ...extra,
  })
}

/** Runs the engine to the end over the network, recording every request and step. */
function runAll(s: SessionNetwork, engine: SyncEngine): { requests: SyncRequest[]; steps: SyncStep[] } {
  const requests: SyncRequest[] = []
  const steps: SyncStep[] = []
  for (let req = engine.next(); req !== undefined; req = engine.next()) {
    requests.push(req)
    steps.push(engine.receive({ ...s.deliver(req), request: req }))
    if (requests.length > 200) throw new Error('no end')
  }
  return { requests, steps }
}

const converged = (s: SessionNetwork) => s.net.differing(A, B)

describe('a catch-up pass', () => {
  it('reads the digest, posts it, polls 202s with the tracking delay, pages, posts pages, reads results, cleans up', () => {
    const s = world(5, 1, 2)
    const { requests, steps } = runAll(s, engineFor(s))
    const base = s.net.endpoints
    expect(requests[0]).toMatchObject({ method: 'GET', url: `${base[B]!.url}/$syncDigest` })
    expect(requests[1]!.method).toBe('POST')
    expect(requests[1]!.url).toMatch(
      /\/\$syncSource\?trackingID=[-0-9a-f]+&runName=test%20run&runStamp=2025-01-01T00%3A00%3A00$/,
    )
    expect(requests[1]!.body).toContain('digestEntry')
    expect(steps.map((x) => x.type)).toEqual([
      'digest',
      ...['pending', 'pending', 'page', 'pending', 'pending', 'results', 'closed'],
      ...['page', 'pending', 'pending', 'results', 'closed'],
      ...['page', 'pending', 'pending', 'results', 'closed', 'done'],
    ])
    // pollingMillis 0 in the simulated tracking documents
    for (const st of steps) if (st.type === 'pending') expect(st.afterMs).toBe(0)
    const pages = steps.filter((x) => x.type === 'page')
    expect(pages.map((p) => [p.page, p.last, p.feed.entries.length])).toEqual([
      [1, false, 2],
      [2, false, 2],
      [3, true, 1],
    ])
    // the second page is read through the first page's next link, as is
    const nextHref = pages[0]!.feed.links.find((l) => l.rel === 'next')!.href
    expect(requests.some((r) => r.method === 'GET' && r.url === nextHref)).toBe(true)
    expect(requests.filter((r) => r.method === 'DELETE').length).toBe(4)
    expect(steps.at(-1)).toEqual({ type: 'done', pages: 3, entries: 5, summary: { ok: 5, conflicts: 0, failed: 0 } })
    expect(converged(s)).toEqual([])
    // the last page carried the source digest, merged by the target (§5.5)
    expect(base[B]!.digest.entries.find((e) => e.endpoint === base[A]!.url)?.tick).toBe(6)
  })

  it('waits as long as the tracking document asks, else as Retry-After says, else pollMs', () => {
    const s = world(1)
    const engine = engineFor(s, { pollMs: 1234 })
    engine.receive(s.deliver(engine.next()!))
    const tracking =
      '<tracking xmlns="http://schemas.sage.com/sdata/2008"><phase>Init</phase><pollingMillis>750</pollingMillis></tracking>'
    const location = { Location: `${s.net.endpoints[A]!.url}/$syncSource('x')` }
    expect(engine.receive({ status: 202, headers: location, body: tracking })).toMatchObject({
      type: 'pending',
      afterMs: 750,
      tracking: { phase: 'Init', pollingMillis: 750 },
    })
    expect(engine.state).toBe('poll-source')
    expect(engine.next()!.url).toBe(location.Location)
    expect(engine.receive({ status: 202, headers: { 'Retry-After': '3' }, body: '' })).toEqual({
      type: 'pending',
      afterMs: 3000,
    })
    expect(engine.receive({ status: 202, headers: new Headers(), body: '' })).toEqual({
      type: 'pending',
      afterMs: 1234,
    })
  })
})

describe('a lone surrogate in runName or in an id newId gives', () => {
  it('is sent as the three bytes of its code point (never U+FFFD), and the pass completes', () => {
    const s = world(3)
    let n = 0
    const engine = engineFor(s, { runName: 'run\uD800', newId: () => `t${++n}\uDC00` })
    const { requests, steps } = runAll(s, engine)
    const posts = requests.filter((r) => r.method === 'POST').map((r) => r.url)
    expect(posts[0]).toMatch(/\/\$syncSource\?trackingID=t1%ED%B0%80&runName=run%ED%A0%80&runStamp=/)
    expect(posts[1]).toMatch(/\/\$syncTarget\?trackingID=t2%ED%B0%80&runName=run%ED%A0%80&runStamp=/)
    expect(steps.at(-1)).toMatchObject({ type: 'done', entries: 3 })
    expect(converged(s)).toEqual([])
  })

  it('names its context the same way when the provider gives no Location', () => {
    const s = world(1)
    const engine = engineFor(s, { newId: () => '\uD800' })
    engine.receive(s.deliver(engine.next()!))
    engine.next()
    const tracking = '<tracking xmlns="http://schemas.sage.com/sdata/2008"><phase>Init</phase></tracking>'
    expect(engine.receive({ status: 202, headers: {}, body: tracking }).type).toBe('pending')
    expect(engine.next()!.url).toBe(`${s.net.endpoints[A]!.url}/$syncSource('%ED%A0%80')`)
  })
})

describe('failures repeat the same request and lose nothing', () => {
  it('a 500 with a diagnosis is a retry step carrying the diagnosis', () => {
    const s = world(1)
    const engine = engineFor(s)
    const req = engine.next()!
    const body =
      '<diagnosis xmlns="http://schemas.sage.com/sdata/2008/1"><severity>error</severity><sdataCode>ApplicationDiagnosis</sdataCode><message>Index was out of range.</message></diagnosis>'
    const step = engine.receive({ status: 500, headers: { 'retry-after': '2' }, body })
    expect(step).toMatchObject({
      type: 'retry',
      status: 500,
      afterMs: 2000,
      diagnoses: [{ message: 'Index was out of range.' }],
    })
    expect(engine.next()).toBe(req)
    expect(engine.state).toBe('read-digest')
  })

  it('a lost page response: next() asks for the same page again, and the pass ends as without the loss', () => {
    const clean = world(5)
    runAll(clean, engineFor(clean))
    const s = world(5)
    const engine = engineFor(s)
    let lost = 0
    for (let req = engine.next(); req !== undefined; req = engine.next()) {
      const res = s.deliver(req)
      if (engine.state === 'read-page' && lost++ === 0) {
        expect(engine.next()).toEqual(req)
        continue
      }
      engine.receive(res)
    }
    expect(lost).toBeGreaterThan(0)
    expect(engine.state).toBe('done')
    for (const i of [A, B]) expect(snapshot(s.net.endpoints[i]!)).toBe(snapshot(clean.net.endpoints[i]!))
  })

  it('an undecodable page is an error step with a located issue; the same request follows', () => {
    const s = world(3)
    const engine = engineFor(s)
    while (engine.state !== 'read-page') engine.receive(s.deliver(engine.next()!))
    const req = engine.next()!
    const res = s.deliver(req)
    const cut = String(res.body).slice(0, 200)
    const step = engine.receive({ ...res, body: cut })
    expect(step.type).toBe('error')
    if (step.type === 'error') expect(step.issues[0]!.path).toMatch(/\d+:\d+|\//)
    expect(engine.next()).toBe(req)
    expect(engine.receive(res)).toMatchObject({ type: 'page', page: 2 })
  })

  it('reads bodies given as bytes, and refuses malformed UTF-8 without advancing', () => {
    const s = world(1)
    const engine = engineFor(s)
    const res = s.deliver(engine.next()!)
    const bad = engine.receive({ ...res, body: new Uint8Array([0x3c, 0xff, 0x3e]) })
    expect(bad.type).toBe('error')
    expect(bad.type === 'error' && bad.issues[0]?.message).toContain('malformed UTF-8 at byte offset 1')
    expect(engine.receive({ ...res, body: new TextEncoder().encode(String(res.body)) }).type).toBe('digest')
  })

  it('a feed whose entries carry no http:httpStatus is not taken for a result feed', () => {
    const s = world(1)
    const engine = engineFor(s)
    let page = ''
    while (engine.state !== 'poll-target') {
      const step = engine.receive(s.deliver(engine.next()!))
      if (step.type === 'page') page = engine.next()!.body!
    }
    expect(engine.receive({ status: 200, headers: {}, body: page })).toMatchObject({
      type: 'error',
      issues: [{ path: '/feed/entry[1]' }],
    })
    expect(engine.state).toBe('poll-target')
  })

  it('a response to another request (a late duplicate) is stale and changes nothing', () => {
    const s = world(1)
    const engine = engineFor(s)
    const first = engine.next()!
    const res = s.deliver(first)
    engine.receive({ ...res, request: first })
    const second = engine.next()!
    expect(engine.receive({ ...res, request: first })).toEqual({ type: 'stale' })
    expect(engine.next()).toBe(second)
  })

  it('a target that lost its context (404 while polling) gets the page again under the same trackingID', () => {
    const s = world(1, 1)
    const engine = engineFor(s)
    let post: SyncRequest | undefined
    while (engine.state !== 'poll-target') {
      const req = engine.next()!
      if (engine.state === 'post-page') post = req
      engine.receive(s.deliver(req))
    }
    const step = engine.receive({ status: 404, headers: {}, body: '' })
    expect(step).toMatchObject({ type: 'error', status: 404 })
    expect(engine.state).toBe('post-page')
    expect(engine.next()).toEqual(post)
  })

  it('an entry the target store refuses is reported 500 and sent again by the next pass', () => {
    const s = world(3, 0, 3)
    s.stores[B]!.failNext = true
    const { steps } = runAll(s, engineFor(s))
    const results = steps.find((x) => x.type === 'results')
    expect(results).toMatchObject({ summary: { ok: 2, conflicts: 0, failed: 1 } })
    if (results?.type === 'results') {
      const failed = results.results.entries.find((e) => e.http?.status === 500)!
      expect(failed.diagnoses[0]).toMatchObject({ applicationCode: 'StoreFailed', message: 'disk full' })
    }
    expect(converged(s)).toEqual(['u0'])
    runAll(s, engineFor(s))
    expect(converged(s)).toEqual([])
  })
})

describe('an immediate pass', () => {
  const push = (s: SessionNetwork) => {
    const ep = s.net.endpoints[A]!
    const latest = [...s.stores[A]!.resources()].sort((a, b) => b.syncState.tick - a.syncState.tick)[0]!
    const feed = SyncFeedXml.encode(immediateFeed(s.stores[A]!, [latest], { endpoint: ep.url }))
    return runAll(s, engineFor(s, { mode: 'immediate', feed }))
  }

  it('posts the feed and reads the results, without a digest', () => {
    const s = world(1)
    runAll(s, engineFor(s))
    s.net.local(A, 'u0', 'update')
    const { requests, steps } = push(s)
    expect(requests[0]!.method).toBe('POST')
    expect(requests[0]!.body).toContain('>immediate<')
    expect(steps.map((x) => x.type)).toEqual(['pending', 'results', 'done'])
    expect(converged(s)).toEqual([])
  })

  it('a gap is refused with 400 and a diagnosis, and the engine ends', () => {
    const s = world(1)
    runAll(s, engineFor(s))
    s.net.local(A, 'u0', 'update')
    s.net.local(A, 'u0', 'update')
    const { steps } = push(s)
    expect(steps).toEqual([
      expect.objectContaining({
        type: 'refused',
        status: 400,
        diagnoses: [expect.objectContaining({ applicationCode: 'TickGap' })],
      }),
    ])
    expect(converged(s)).toEqual(['u0'])
  })

  it('an endpoint the target does not know yet is refused too', () => {
    const s = world(2)
    const { steps } = push(s)
    expect(steps[0]).toMatchObject({ type: 'refused', diagnoses: [{ applicationCode: 'UnknownEndpoint' }] })
  })
})

describe('the engine, as a state machine', () => {
  it('refuses to start without what its mode needs', () => {
    expect(() => createSyncEngine({ target: 'http://b' })).toThrow(TypeError)
    expect(() => createSyncEngine({ target: 'http://b', mode: 'immediate' })).toThrow(TypeError)
  })

  it('never leaves its state nor changes its request on a 200 whose body does not decode', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 14 }), fc.string({ maxLength: 40 }), (k, junk) => {
        const s = world(3)
        const engine = engineFor(s)
        for (let i = 0; i < k && engine.next() !== undefined; i++) engine.receive(s.deliver(engine.next()!))
        const req = engine.next()
        if (req === undefined || req.method === 'DELETE') return
        const state = engine.state
        expect(engine.receive({ status: 200, headers: {}, body: `<${junk}` }).type).toBe('error')
        expect(engine.state).toBe(state)
        expect(engine.next()).toBe(req)
      }),
      { numRuns: numRuns(100) },
    )
  })
})
