// Scenarios for the session examples of README.md and docs/filesync.md: their `fetch` (or `send`) is answered by
// the simulated FILESYNC server and the simulated SData endpoints; a bad answer must never move the stored token.

import { expect } from 'vitest'
import type { FileSyncRequest, FileSyncResponse, Item } from '../../src/filesync/index'
import { ChangesServer, type Fault, ids, LIBRARY, SITE, tokenAt } from '../filesync/session-server'
import { SessionNetwork } from '../session/network'
import { fixture } from '../support/fixtures'
import type { Env, Example } from './run-example'

/** `fetch` answered by the FILESYNC server; `faults` spoil the next answers in turn (a throttle waits 0 s). */
function serveChanges(server: ChangesServer, faults: Fault[] = []) {
  const seen: Array<{ url: string; headers: Record<string, string> }> = []
  const fetch = async (url: string, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>
    seen.push({ url, headers })
    const fault = faults.shift() ?? 'none'
    if (fault === 'throttle-seconds') return new Response('', { status: 429, headers: { 'Retry-After': '0' } })
    const answer = server.answer({ method: 'GET', url, headers }, fault)
    return new Response(answer.body as BodyInit, { status: answer.status, headers: answer.headers as HeadersInit })
  }
  return { fetch, seen }
}

/** A store for the README loop: what `save` got, in order. */
function readmeEnv(count: number, faults: Fault[]) {
  const server = new ChangesServer()
  server.append(count)
  const saved: Array<{ items: Item[]; token: string | undefined }> = []
  const env: Env = {
    fetch: serveChanges(server, faults).fetch,
    values: { save: async (items: Item[], token: string | undefined) => void saved.push({ items, token }) },
  }
  return { server, saved, env }
}
const readmeGood = readmeEnv(3, ['throttle-seconds'])
const readmeBad = readmeEnv(3, ['bad-body'])

type Store = { syncToken?: string; save(items: Item[], syncToken: string | undefined): Promise<void> }
type PullChanges = (siteUrl: string, libraryId: string, store: Store, cookie: string) => Promise<unknown>
function passStore() {
  const stored: Item[] = []
  const store: Store = {
    async save(items, syncToken) {
      stored.push(...items)
      this.syncToken = syncToken
    },
  }
  return { stored, store }
}

/** `send` for the first run: the policy fixture (or `policy`), then the FILESYNC server. */
function firstRunEnv(policy: string, faults: Fault[]) {
  const server = new ChangesServer()
  server.append(4)
  const send = async (request: FileSyncRequest): Promise<FileSyncResponse> =>
    request.url.includes('/policy/')
      ? { status: 200, headers: { 'Content-Type': 'text/xml' }, body: policy }
      : server.answer(request, faults.shift() ?? 'none')
  return { server, env: { values: { send } } satisfies Env }
}
// The guide's pass is a function: each scenario runs the block, then calls `pullChanges` with `fetch` set here.
const passGood: Env = {}
const passFailing: Env = {}

const POLICY = fixture('filesync/rest/policy.xml.txt')

/** `fetch` for the README's engine: its two URLs routed to two simulated SData endpoints; `fail` answers one request 400. */
function engineEnv(fail: boolean) {
  const s = new SessionNetwork([1, 2], [0, 0])
  for (const uuid of ['u0', 'u1']) s.local(0, uuid, 'create')
  const [erp, crm] = s.net.endpoints.map((e) => e.url) as [string, string]
  const map: Array<[string, string]> = [
    ['https://erp.example.com/sdata/erp/crmErp/-/accounts', erp],
    ['https://crm.example.com/sdata/crm/crmErp/-/accounts', crm],
  ]
  let failures = fail ? 1 : 0
  const fetch = async (url: string, init?: RequestInit) => {
    const local = map.reduce((u, [from, to]) => (u.startsWith(from) ? to + u.slice(from.length) : u), url)
    if (failures-- > 0) return new Response('<error/>', { status: 400 })
    const method = (init?.method ?? 'GET') as 'GET' | 'POST' | 'DELETE'
    const body = typeof init?.body === 'string' ? init.body : undefined
    const answer = s.deliver({ method, url: local, headers: (init?.headers ?? {}) as Record<string, string>, body })
    return new Response(answer.status === 204 ? null : (answer.body as BodyInit), {
      status: answer.status,
      headers: answer.headers as HeadersInit,
    })
  }
  return { s, env: { fetch } satisfies Env }
}
const engineGood = engineEnv(false)
const engineBad = engineEnv(true)

export const SESSION_EXAMPLES: Example[] = [
  {
    file: 'README.md',
    contains: "import { createChangesSession, type Item } from 'syncwire/filesync'",
    scenarios: [
      {
        name: 'saves every change with its token, through a throttle',
        env: readmeGood.env,
        check: (r) => {
          expect(r.error).toBeUndefined()
          expect(ids(readmeGood.saved.flatMap((s) => s.items))).toEqual(ids(readmeGood.server.history))
          expect(readmeGood.saved.at(-1)?.token).toBe(tokenAt(3))
        },
      },
      {
        name: 'stops at a bad page without saving, so the stored token does not move',
        env: readmeBad.env,
        check: (r) => {
          expect(r.error).toBeUndefined()
          expect(readmeBad.saved).toEqual([])
          expect(readmeBad.server.requests).toHaveLength(1)
        },
      },
    ],
  },
  {
    file: 'docs/filesync.md',
    contains: 'issues: Issue[] }',
    scenarios: [
      {
        name: 'pulls every change across passes, through throttling and broken pages',
        env: passGood,
        check: async (r) => {
          expect(r.error).toBeUndefined()
          const pullChanges = r.exports.pullChanges as PullChanges
          const server = new ChangesServer()
          server.append(5)
          const { stored, store } = passStore()
          const first = serveChanges(server, ['none', 'throttle-seconds', 'bad-body', 'none'])
          passGood.fetch = first.fetch
          expect(await pullChanges(SITE, LIBRARY, store, 'FedAuth=1')).toEqual({
            ended: 'caught-up',
            syncToken: tokenAt(5),
          })
          expect(first.seen[0]?.headers).toMatchObject({ Cookie: 'FedAuth=1', 'X-ResponseStructure': 'Flat' })
          expect(ids(stored)).toEqual(ids(server.history))
          server.append(3)
          passGood.fetch = serveChanges(server, ['bad-utf8', 'missing-token']).fetch
          expect(await pullChanges(SITE, LIBRARY, store, 'FedAuth=1')).toEqual({
            ended: 'caught-up',
            syncToken: tokenAt(8),
          })
          expect(ids(stored)).toEqual(ids(server.history))
        },
      },
      {
        name: 'gives up after three server errors with the token unmoved, and the next pass repeats the page',
        env: passFailing,
        check: async (r) => {
          const pullChanges = r.exports.pullChanges as PullChanges
          const server = new ChangesServer()
          server.append(2)
          const { stored, store } = passStore()
          passFailing.fetch = serveChanges(server, ['server-error', 'server-error', 'server-error']).fetch
          const failed = await pullChanges(SITE, LIBRARY, store, 'FedAuth=1')
          expect(failed).toMatchObject({
            ended: 'failed',
            issues: [{ code: 'bad-status', path: '', message: 'expected 200, found 500' }],
          })
          expect(store.syncToken).toBeUndefined()
          expect(stored).toEqual([])
          passFailing.fetch = serveChanges(server).fetch
          expect(await pullChanges(SITE, LIBRARY, store, 'FedAuth=1')).toEqual({
            ended: 'caught-up',
            syncToken: tokenAt(2),
          })
          expect(ids(stored)).toEqual(ids(server.history))
        },
      },
    ],
  },
  {
    file: 'docs/filesync.md',
    contains: 'createFirstRunSession',
    scenarios: [
      {
        name: 'reads the policy, then the first changes with their token',
        env: firstRunEnv(POLICY, []).env,
        check: (r) => {
          expect(r.error).toBeUndefined()
          expect(r.out[0]).toMatch(/^download URLs look like .*download\.aspx/)
          expect(r.out.at(-1)).toBe(`4 items; store ${tokenAt(4)}`)
        },
      },
      {
        name: 'stops at a bad changes page before any token is stored',
        env: firstRunEnv(POLICY, ['bad-body']).env,
        check: (r) => {
          expect(r.error).toBeUndefined()
          expect(r.out).toHaveLength(1)
          expect(r.out.join('\n')).not.toContain('items; store')
        },
      },
    ],
  },
  {
    file: 'README.md',
    contains: "import { createSyncEngine } from 'syncwire/session'",
    scenarios: [
      {
        name: 'syncs the ERP accounts into the CRM over fetch',
        env: engineGood.env,
        check: (r) => {
          expect(r.error).toBeUndefined()
          expect(r.err).toEqual([])
          expect(engineGood.s.net.differing(0, 1)).toEqual([])
        },
      },
      {
        name: 'reports a refused request, asks again, and still syncs everything',
        env: engineBad.env,
        check: (r) => {
          expect(r.error).toBeUndefined()
          expect(r.err).toHaveLength(1)
          expect(r.err[0]).toMatch(/^400 /)
          expect(engineBad.s.net.differing(0, 1)).toEqual([])
        },
      },
    ],
  },
]
