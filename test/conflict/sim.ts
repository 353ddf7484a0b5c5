// A network of simulated SData endpoints for the convergence tests: local edits stamped with nextStamp over
// skewed clocks, and catch-up passes done as an engine would (selectChanges → processFeed, page by page). Not a test file.
import fc from 'fast-check'
import {
  compareStamps,
  type Digest,
  findDivergence,
  nextStamp,
  processFeed,
  type Stamp,
  selectChanges,
  type TargetState,
} from '../../src/conflict/index'
import { utcDateTime } from '../support/datetime'

/** What an endpoint stores for one uuid: its version and its value (a tombstone keeps the delete's value). */
export interface Held {
  state: TargetState
  value: string
}

/** One endpoint of the simulated collection. */
export interface Endpoint {
  url: string
  priority: number
  skewMs: number
  digest: Digest
  store: Map<string, Held>
}

/** One local edit, for the "latest stamp survives" check. */
export interface Edit {
  uuid: string
  value: string
  stamp: Stamp
  endpoint: string
}

export type EditKind = 'create' | 'update' | 'delete'

const BASE_MS = Date.UTC(2025, 0, 1)
const STEP_MS = 1000

export const urlOf = (i: number): string => `http://sim/sdata/app${i}/c/-/accounts`

export class Network {
  readonly endpoints: Endpoint[]
  readonly edits: Edit[] = []
  private now = 0
  messages = 0

  constructor(
    priorities: readonly number[],
    skewsMs: readonly number[],
    readonly restampConflicts = false,
    names: readonly string[] = priorities.map((_, i) => urlOf(i)),
  ) {
    this.endpoints = priorities.map((priority, i) => ({
      url: names[i]!,
      priority,
      skewMs: skewsMs[i] ?? 0,
      // Every endpoint starts knowing itself: next tick 1.
      digest: {
        entries: [{ endpoint: names[i]!, tick: 1, stamp: utcDateTime(BASE_MS) as Stamp, conflictPriority: priority }],
      },
      store: new Map(),
    }))
  }

  get size(): number {
    return this.endpoints.length
  }

  /** A local create, update or delete at endpoint `i`; false when it does not apply to what `i` holds. */
  local(i: number, uuid: string, kind: EditKind): boolean {
    const ep = this.endpoints[i]!
    const held = ep.store.get(uuid)
    if (kind === 'create' ? held !== undefined : held === undefined || held.state.deleted === true) return false
    this.now += STEP_MS
    const clock = utcDateTime(BASE_MS + this.now + ep.skewMs) as Stamp
    const stamp = nextStamp(ep.digest, clock)
    const own = ep.digest.entries.find((e) => e.endpoint === ep.url)!
    const tick = own.tick
    ep.digest = {
      entries: ep.digest.entries.map((e) => (e === own ? { ...e, tick: tick + 1, stamp } : e)),
    }
    const value = `${kind === 'delete' ? 'deleted:' : ''}${ep.url}#${tick}`
    const state: TargetState = { endpoint: ep.url, tick, stamp }
    ep.store.set(uuid, { state: kind === 'delete' ? { ...state, deleted: true } : state, value })
    this.edits.push({ uuid, value, stamp, endpoint: ep.url })
    return true
  }

  /** A catch-up pass from endpoint `from` to endpoint `to`, in pages of `pageSize`; true when `to` changed. */
  sync(from: number, to: number, pageSize: number): boolean {
    const a = this.endpoints[from]!
    const b = this.endpoints[to]!
    const before = snapshot(b)
    const resources = [...a.store].map(([uuid, held]) => ({
      uuid,
      held,
      syncState: { endpoint: held.state.endpoint, tick: held.state.tick, stamp: held.state.stamp },
    }))
    const selected = selectChanges(b.digest, resources)
    const sourceDigest = a.digest
    const pages = Math.max(1, Math.ceil(selected.length / pageSize))
    for (let p = 0; p < pages; p++) {
      const page = selected.slice(p * pageSize, (p + 1) * pageSize)
      this.messages += page.length
      const result = processFeed(
        {
          targetDigest: b.digest,
          feed: {
            syncMode: 'catchUp',
            digest: sourceDigest,
            entries: page.map((r) => ({
              syncState: r.syncState,
              payload: { uuid: r.uuid, isDeleted: r.held.state.deleted === true },
            })),
          },
          lookup: (uuid) => b.store.get(uuid)?.state,
          lastPage: p === pages - 1,
          self: b.url,
        },
        { restampConflicts: this.restampConflicts },
      )
      if (result._tag === 'Left') throw new Error('a catch-up feed is never refused')
      for (const { index, decision } of result.right.decisions) {
        const r = page[index]!
        const restamped = decision.restamped
        if (decision.action === 'apply') {
          const deleted = r.held.state.deleted === true
          const state = restamped ?? r.syncState
          b.store.set(r.uuid, { state: deleted ? { ...state, deleted } : { ...state }, value: r.held.value })
        } else if (restamped !== undefined) {
          const mine = b.store.get(r.uuid)!
          const deleted = mine.state.deleted === true
          b.store.set(r.uuid, { state: deleted ? { ...restamped, deleted } : restamped, value: mine.value })
        }
      }
      b.digest = result.right.digest
    }
    return snapshot(b) !== before
  }

  /** Catch-up passes between every ordered pair until a whole round changes nothing; false if that never happens. */
  settle(pageSize = 2, maxRounds = 40): boolean {
    for (let round = 0; round < maxRounds; round++) {
      let changed = false
      for (let i = 0; i < this.size; i++) {
        for (let j = 0; j < this.size; j++) if (i !== j && this.sync(i, j, pageSize)) changed = true
      }
      if (!changed) return true
    }
    return false
  }

  /** Whether every endpoint holds the same versions, values and digest. */
  converged(): boolean {
    const first = snapshot(this.endpoints[0]!)
    return this.endpoints.every((e) => snapshot(e) === first)
  }

  /** The uuids whose held version or value differs between endpoints `i` and `j`. */
  differing(i: number, j: number): string[] {
    const a = this.endpoints[i]!.store
    const b = this.endpoints[j]!.store
    const uuids = new Set([...a.keys(), ...b.keys()])
    return [...uuids].filter((u) => heldKey(a.get(u)) !== heldKey(b.get(u))).sort()
  }

  /** What findDivergence reports between endpoints `i` and `j`, values as fingerprints. */
  divergence(i: number, j: number): string[] {
    const view = (e: Endpoint) => ({
      digest: e.digest,
      states: [...e.store].map(([u, h]) => [u, { ...h.state, fingerprint: h.value }] as const),
    })
    return findDivergence(view(this.endpoints[i]!), view(this.endpoints[j]!))
      .map((d) => d.uuid)
      .sort()
  }

  /** Per uuid, the value of the edit with the latest stamp (ties: the smaller endpoint, as the tie-break says). */
  latestEdits(): Map<string, string> {
    const best = new Map<string, Edit>()
    for (const e of this.edits) {
      const cur = best.get(e.uuid)
      const c = cur === undefined ? 1 : compareStamps(e.stamp, cur.stamp)
      if (c > 0 || (c === 0 && cur !== undefined && e.endpoint < cur.endpoint)) best.set(e.uuid, e)
    }
    return new Map([...best].map(([u, e]) => [u, e.value]))
  }
}

function heldKey(h: Held | undefined): string {
  if (h === undefined) return '-'
  return `${h.state.endpoint}|${h.state.tick}|${h.state.stamp}|${h.state.deleted === true}|${h.value}`
}

/** The whole observable state of an endpoint: store and digest, in a canonical order. */
export function snapshot(e: Endpoint): string {
  const store = [...e.store]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([u, h]) => `${u}=${heldKey(h)}`)
    .join(';')
  const digest = [...e.digest.entries]
    .sort((a, b) => (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0))
    .map((d) => `${d.endpoint}:${d.tick}:${d.conflictPriority}:${d.stamp}`)
    .join(';')
  return `${store}\n${digest}`
}

/** The uuids and edit kinds random histories draw from (updates twice as likely). */
export const UUIDS = ['u0', 'u1', 'u2']
export const KINDS: EditKind[] = ['create', 'update', 'update', 'delete']

/** A local create, update or delete, as a fast-check command on anything that can make one. */
export class LocalEdit
  implements fc.Command<object, { size: number; local(i: number, uuid: string, kind: EditKind): boolean }>
{
  constructor(
    readonly at: number,
    readonly uuid: string,
    readonly kind: EditKind,
  ) {}
  check = () => true
  run(_: object, net: { size: number; local(i: number, uuid: string, kind: EditKind): boolean }): void {
    net.local(this.at % net.size, this.uuid, this.kind)
  }
  toString = () => `${this.kind}(${this.at}, ${this.uuid})`
}

/** The arbitrary of a LocalEdit at one of six endpoints (taken modulo the network size). */
export const localEdit = fc
  .tuple(fc.nat(5), fc.constantFrom(...UUIDS), fc.constantFrom(...KINDS))
  .map(([at, uuid, kind]) => new LocalEdit(at, uuid, kind))

/** Clock skews of `n` endpoints: multiples of 500 ms up to ±5 s (edits are 1 s apart, so clocks disagree). */
export const skews = (n: number) =>
  fc.array(
    fc.integer({ min: -10, max: 10 }).map((k) => k * 500),
    { minLength: n, maxLength: n },
  )
