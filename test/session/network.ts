// An in-memory network of SData endpoints that sync through the whole protocol: createSyncEndpoint servers over the
// simulated stores of test/conflict/sim.ts, driven by createSyncEngine, exchanging real XML, with injected faults.

import { SyncFeedXml } from '../../src/sdata/index'
import {
  createSyncEndpoint,
  createSyncEngine,
  immediateFeed,
  type SourceStore,
  type SyncEndpoint,
  type SyncEngine,
  type SyncRequest,
  type SyncResource,
  type SyncResponse,
  type SyncStep,
  type TargetStore,
} from '../../src/session/index'
import type { XmlElement } from '../../src/xml/index'
import { type EditKind, type Endpoint, Network, snapshot } from '../conflict/sim'

/** What can go wrong with one request. */
export type Fault =
  | 'ok'
  | 'lose-request' // never reaches the server
  | 'lose-response' // processed, answer lost
  | 'duplicate' // delivered twice; the second answer reaches the engine late, after the next request
  | 'server-error' // 500 with a diagnosis, not processed
  | 'garble' // the answer's body is cut in half
  | 'bytes' // the answer's body arrives as UTF-8 bytes
  | 'restart-source' // the source server forgets its contexts first
  | 'restart-target' // the target server forgets its contexts first
  | 'store-fail' // the target's store refuses its next change
  | 'abandon' // the engine is dropped here (a client restart); the next pass starts afresh

export const FAULTS: readonly Fault[] = [
  'ok',
  'lose-request',
  'lose-response',
  'duplicate',
  'server-error',
  'garble',
  'bytes',
  'restart-source',
  'restart-target',
  'store-fail',
  'abandon',
]

const SIM_NS = 'urn:syncwire:sim'

/** The resource element that carries a simulated value (also on tombstones, whose children are dropped). */
export function valueElement(value: string): XmlElement {
  return {
    type: 'element',
    namespace: SIM_NS,
    localName: 'account',
    prefix: null,
    attributes: [{ namespace: null, localName: 'label', prefix: null, value }],
    children: [
      {
        type: 'element',
        namespace: SIM_NS,
        localName: 'name',
        prefix: null,
        attributes: [],
        children: [{ type: 'text', value }],
      },
    ],
  }
}

const labelOf = (el: XmlElement): string => el.attributes.find((a) => a.localName === 'label')?.value ?? ''

/** The store adapter of one simulated endpoint, with an injectable failure of its next change. */
export class SimStore implements SourceStore, TargetStore {
  failNext = false
  constructor(readonly ep: Endpoint) {}
  digest() {
    return this.ep.digest
  }
  saveDigest(d: Endpoint['digest']) {
    this.ep.digest = d
  }
  lookup(uuid: string) {
    return this.ep.store.get(uuid)?.state
  }
  *resources(): Iterable<SyncResource> {
    for (const [uuid, held] of this.ep.store) {
      const { endpoint, tick, stamp } = held.state
      yield {
        uuid,
        syncState: { endpoint, tick, stamp },
        deleted: held.state.deleted === true,
        element: valueElement(held.value),
      }
    }
  }
  apply(change: Parameters<TargetStore['apply']>[0]) {
    if (this.failNext) {
      this.failNext = false
      throw new Error('disk full')
    }
    const { endpoint, tick, stamp } = change.state
    const state = change.deleted ? { endpoint, tick, stamp, deleted: true } : { endpoint, tick, stamp }
    const value = change.element === undefined ? this.ep.store.get(change.uuid)!.value : labelOf(change.element)
    this.ep.store.set(change.uuid, { state, value })
    return true
  }
}

/** Options of one pass. */
export interface PassOptions {
  pageSize?: number
  faults?: readonly Fault[]
  pendingPolls?: number
}

/** A simulated collection whose endpoints sync only through HTTP-shaped XML messages. */
export class SessionNetwork {
  readonly net: Network
  readonly stores: SimStore[]
  private servers: SyncEndpoint[] = []
  private ids = 0
  private runs = 0
  /** Every step every engine returned, for the tests that look at them. */
  readonly steps: SyncStep[] = []
  requests = 0

  constructor(priorities: readonly number[], skewsMs: readonly number[] = [], restamp = false) {
    this.net = new Network(priorities, skewsMs, restamp)
    this.stores = this.net.endpoints.map((e) => new SimStore(e))
    this.serve(0, 2)
  }

  /** (Re)creates the servers with a page size and a number of 202 answers before each context is ready. */
  serve(pendingPolls: number, pageSize: number): void {
    this.servers = this.stores.map((store, i) =>
      createSyncEndpoint({
        endpoint: this.net.endpoints[i]!.url,
        store,
        pageSize,
        pendingPolls,
        pollingMillis: 0,
        conflict: { restampConflicts: this.net.restampConflicts },
      }),
    )
  }

  get size(): number {
    return this.net.size
  }

  /** A local edit at endpoint `i` (see `Network.local`). */
  local(i: number, uuid: string, kind: EditKind): boolean {
    return this.net.local(i, uuid, kind)
  }

  /** The server a request is for (by endpoint URL prefix). */
  private route(req: SyncRequest): number {
    const i = this.net.endpoints.findIndex((e) => req.url.startsWith(`${e.url}/$`))
    if (i < 0) throw new Error(`no endpoint for ${req.url}`)
    return i
  }

  /** Delivers a request to its server, as a wire would: a copy in, a copy out. */
  deliver(req: SyncRequest): SyncResponse {
    this.requests++
    const copy: SyncRequest = JSON.parse(JSON.stringify(req))
    return this.servers[this.route(req)]!.handle(copy)
  }

  /** Drives an engine over the network with the given faults (one per request, then none); true if it finished. */
  drive(engine: SyncEngine, faults: readonly Fault[] = [], from?: number, to?: number): boolean {
    let late: SyncResponse | undefined
    for (let n = 0; n < 10_000; n++) {
      const req = engine.next()
      if (req === undefined) return true
      const fault = faults[n] ?? 'ok'
      if (late !== undefined) {
        this.steps.push(engine.receive(late))
        late = undefined
      }
      if (fault === 'abandon') return false
      if (fault === 'restart-source' && from !== undefined) this.servers[from]!.reset()
      if (fault === 'restart-target' && to !== undefined) this.servers[to]!.reset()
      if (fault === 'store-fail' && to !== undefined) this.stores[to]!.failNext = true
      if (fault === 'lose-request') continue
      if (fault === 'server-error') {
        this.steps.push(engine.receive({ status: 500, headers: {}, body: SERVER_ERROR, request: req }))
        continue
      }
      let res = this.deliver(req)
      if (fault === 'lose-response') continue
      if (fault === 'duplicate') late = { ...this.deliver(req), request: req }
      if (fault === 'garble') res = { ...res, body: String(res.body).slice(0, Math.floor(String(res.body).length / 2)) }
      if (fault === 'bytes') res = { ...res, body: new TextEncoder().encode(String(res.body)) }
      const step = engine.receive({ ...res, request: req })
      this.steps.push(step)
    }
    throw new Error('the engine did not finish in 10,000 requests')
  }

  /** A catch-up pass from endpoint `from` to endpoint `to`; true when `to` changed. */
  sync(from: number, to: number, options: PassOptions = {}): boolean {
    this.serve(options.pendingPolls ?? 0, options.pageSize ?? 2)
    const before = snapshot(this.net.endpoints[to]!)
    const engine = createSyncEngine({
      source: this.net.endpoints[from]!.url,
      target: this.net.endpoints[to]!.url,
      runStamp: `2025-01-01T00:00:${String(this.runs++ % 60).padStart(2, '0')}.${this.runs}`,
      newId: () => `00000000-0000-4000-8000-${String(++this.ids).padStart(12, '0')}`,
      pollMs: 0,
    })
    const finished = this.drive(engine, options.faults ?? [], from, to)
    // A store failure belongs to its pass; one that found no change to refuse is dropped.
    this.stores[to]!.failNext = false
    if (finished && engine.state !== 'done') throw new Error(`a catch-up pass ended in state ${engine.state}`)
    return snapshot(this.net.endpoints[to]!) !== before
  }

  /** An immediate push of `from`'s latest own change to `to`; 'refused' on a gap. */
  push(from: number, to: number): 'done' | 'refused' | 'nothing' {
    const ep = this.net.endpoints[from]!
    const own = [...this.stores[from]!.resources()].filter((r) => r.syncState.endpoint === ep.url)
    if (own.length === 0) return 'nothing'
    const latest = own.reduce((a, b) => (b.syncState.tick > a.syncState.tick ? b : a))
    const feed = SyncFeedXml.encode(immediateFeed(this.stores[from]!, [latest], { endpoint: ep.url }))
    const engine = createSyncEngine({
      target: this.net.endpoints[to]!.url,
      mode: 'immediate',
      feed,
      newId: () => `00000000-0000-4000-9000-${String(++this.ids).padStart(12, '0')}`,
      pollMs: 0,
    })
    this.drive(engine)
    return engine.state === 'refused' ? 'refused' : 'done'
  }

  /** Fault-free catch-up passes between every ordered pair until a whole round changes nothing. */
  settle(pageSize = 2, maxRounds = 40): boolean {
    for (let round = 0; round < maxRounds; round++) {
      let changed = false
      for (let i = 0; i < this.size; i++) {
        for (let j = 0; j < this.size; j++) if (i !== j && this.sync(i, j, { pageSize })) changed = true
      }
      if (!changed) return true
    }
    return false
  }
}

const SERVER_ERROR =
  '<sdata:diagnoses xmlns:sdata="http://schemas.sage.com/sdata/2008/1"><sdata:diagnosis><sdata:severity>Error</sdata:severity>' +
  '<sdata:sdataCode>ApplicationUnavailable</sdata:sdataCode><sdata:message>try again</sdata:message></sdata:diagnosis></sdata:diagnoses>'
