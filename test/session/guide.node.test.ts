import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { SourceStore, SyncEngine, SyncResource, SyncStep, TargetStore } from '../../src/session/index'
import { SessionNetwork } from './network'

// The code of docs/sdata-session.md, run: its blocks become modules (importing this repository's sources instead of
// the package), their fetch handler serves the simulated endpoints, and their engine loop syncs them over fetch.
// (test/ecosystem/pack.node.test.ts type-checks the same blocks against the packed package.)

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const guide = readFileSync(join(ROOT, 'docs', 'sdata-session.md'), 'utf8')
const blocks = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '')

interface Guide {
  syncPass(source: string, target: string, maxFailures?: number): Promise<SyncStep>
  syncHandler(endpoint: string, store: SourceStore & TargetStore): (request: Request) => Promise<Response>
  pushEngine(source: string, target: string, store: SourceStore, changed: SyncResource[]): SyncEngine
}

let dir: string
let code: Guide

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'syncwire-guide-'))
  const modules: Record<string, unknown> = {}
  for (const [i, block] of blocks.entries()) {
    const file = join(dir, `block-${i}.ts`)
    const source = block
      .replace(/from 'syncwire\/session'/g, `from '${join(ROOT, 'src', 'session', 'index.ts')}'`)
      .replace(/from 'syncwire\/sdata'/g, `from '${join(ROOT, 'src', 'sdata', 'index.ts')}'`)
    writeFileSync(file, source)
    Object.assign(modules, await import(/* @vite-ignore */ file))
  }
  code = modules as unknown as Guide
})

afterAll(() => {
  vi.unstubAllGlobals()
  rmSync(dir, { recursive: true, force: true })
})

/** Routes fetch to the guide's handlers over the network's stores; `lose` lists calls whose answer is lost. */
function serveOverFetch(s: SessionNetwork, lose: number[] = []): { calls: string[] } {
  const handlers = s.net.endpoints.map((e, i) => ({ url: e.url, handle: code.syncHandler(e.url, s.stores[i]!) }))
  const calls: string[] = []
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push(`${init.method} ${url}`)
    const h = handlers.find((x) => url.startsWith(`${x.url}/$`))!
    const response = await h.handle(new Request(url, init))
    if (lose.includes(calls.length)) throw new TypeError('fetch failed: connection reset')
    return response
  })
  return { calls }
}

describe('docs/sdata-session.md, run', () => {
  it('has the three blocks this test runs', () => {
    expect(blocks).toHaveLength(3)
    expect(Object.keys(code).sort()).toEqual(['pushEngine', 'syncHandler', 'syncPass'])
  })

  it('syncPass syncs two endpoints over fetch through the guide handler, even when answers are lost', async () => {
    const s = new SessionNetwork([3, 3], [0, 0])
    for (const uuid of ['u0', 'u1', 'u2']) s.net.local(0, uuid, 'create')
    s.net.local(1, 'u9', 'create')
    const { calls } = serveOverFetch(s, [2, 5])
    const [a, b] = s.net.endpoints.map((e) => e.url) as [string, string]
    expect(await code.syncPass(a, b)).toMatchObject({ type: 'done', summary: { ok: 3, failed: 0 } })
    // the lost answers were asked for again
    expect(calls[1]).toBe(calls[2])
    expect(await code.syncPass(b, a)).toMatchObject({ type: 'done', summary: { ok: 1 } })
    expect(s.net.converged()).toBe(true)
  })

  it('pushEngine pushes a fresh change in immediate mode', async () => {
    const s = new SessionNetwork([3, 3], [0, 0])
    s.net.local(0, 'u0', 'create')
    serveOverFetch(s)
    const [a, b] = s.net.endpoints.map((e) => e.url) as [string, string]
    await code.syncPass(a, b)
    s.net.local(0, 'u0', 'update')
    const changed = [...s.stores[0]!.resources()]
    const engine = code.pushEngine(a, b, s.stores[0]!, changed)
    let step: SyncStep = { type: 'stale' }
    for (let request = engine.next(); request !== undefined; request = engine.next()) {
      const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body })
      step = engine.receive({ status: res.status, headers: res.headers, body: await res.text(), request })
    }
    expect(step).toMatchObject({ type: 'done', summary: { ok: 1 } })
    expect(s.net.differing(0, 1)).toEqual([])
  })
})
