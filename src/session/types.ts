// The plain values of the sans-I/O SData sync exchange: requests, responses, engine steps and the stores the
// endpoint roles read and write. Shapes for sync §5.1–§5.8 (catch-up and immediate passes) and core §3.11 (tracking).
import type { Issue } from '../common/issues'
import type { Decision, TargetState } from '../conflict/types'
import type { SyncHeaderInput } from '../filesync/http/headers'
import type { Diagnosis, Digest, SyncFeed, SyncMode, SyncState, Tracking } from '../sdata/model'
import type { XmlElement } from '../xml/types'

/**
 * An HTTP request to send, as the engine asks for it (the caller does the I/O), or as an endpoint role receives it.
 *
 * @example
 * ```ts
 * const req: SyncRequest = { method: 'GET', url: 'http://b/sdata/app/c/-/accounts/$syncDigest', headers: { Accept: 'application/atom+xml' } }
 * ```
 */
export interface SyncRequest {
  /** `GET`, `POST` or `DELETE`. */
  method: 'GET' | 'POST' | 'DELETE'
  /** The absolute URL, used as is. */
  url: string
  /** Request headers. */
  headers: Record<string, string>
  /** The XML body of a POST. */
  body?: string
}

/**
 * Response headers as HTTP clients hand them out: a fetch `Headers` (anything with `forEach`) or a plain record
 * (the same input the FILESYNC sessions read).
 *
 * @example
 * ```ts
 * const h: HeadersInput = { location: "http://a/sdata/app/c/-/accounts/$syncSource('42')" }
 * ```
 */
export type HeadersInput = SyncHeaderInput

/**
 * An HTTP response, as the caller received it (for the engine) or as an endpoint role answers.
 *
 * @example
 * ```ts
 * const res: SyncResponse = { status: 200, headers: {}, body: '<entry xmlns="http://www.w3.org/2005/Atom"/>' }
 * ```
 */
export interface SyncResponse {
  /** The HTTP status. */
  status: number
  /** The response headers. */
  headers: HeadersInput
  /** The body, as text or as the raw bytes (decoded as UTF-8, fatally). */
  body: string | Uint8Array
  /**
   * The request this answers, when the caller knows it. A response to any request but the pending one (a duplicate
   * delivered late) is then ignored with a `stale` step instead of being read as the answer to the pending request.
   */
  request?: SyncRequest
}

/**
 * How the entries of one posted page fared at the target, counted from the result feed's `http:httpStatus`.
 *
 * @example
 * ```ts
 * const s: ResultSummary = { ok: 9, conflicts: 1, failed: 0 }
 * ```
 */
export interface ResultSummary {
  /** Entries with a 2xx status (applied, or already known to the target). */
  ok: number
  /** Entries with `409 Conflict` (a conflict the target's version won). */
  conflicts: number
  /** Entries with any other status (4xx, 5xx): the next pass sends them again. */
  failed: number
}

/**
 * What one `receive` made of a response. After `retry` and `error` the engine asks for the same request again;
 * nothing is committed until a response decoded completely.
 *
 * - `digest`: the target's digest was read (catch-up passes start here, §5.1);
 * - `pending`: `202 Accepted` (or a tracking body); poll after `afterMs`, the delay the tracking document asks for (core §3.11);
 * - `page`: a page of the source feed decoded (`last` when it has no `next` link, §5.6);
 * - `results`: the target's result feed for that page decoded (§5.3), with a summary of its statuses;
 * - `closed`: a `$syncSource` or `$syncTarget` context was deleted;
 * - `done`: the pass is over (`results`: the last result feed, when it was the last response); `next()` returns `undefined` from now on;
 * - `refused`: an immediate-mode page was refused with `400` (a gap, §5.8): run a catch-up pass; the engine is over;
 * - `retry`: a transient failure (408, 429, 5xx); repeat after `afterMs`;
 * - `error`: an unexpected status or a body that does not decode; repeat, or give up;
 * - `stale`: a response to a request that is no longer pending, ignored.
 *
 * @example
 * ```ts
 * const step: SyncStep = { type: 'pending', afterMs: 500 }
 * ```
 */
export type SyncStep =
  | { type: 'digest'; digest: Digest }
  | { type: 'pending'; afterMs: number; tracking?: Tracking }
  | { type: 'page'; page: number; feed: SyncFeed; last: boolean }
  | { type: 'results'; page: number; results: SyncFeed; summary: ResultSummary }
  | { type: 'closed'; context: 'source' | 'target' }
  | { type: 'done'; pages: number; entries: number; summary: ResultSummary; results?: SyncFeed }
  | { type: 'refused'; status: number; diagnoses: Diagnosis[] }
  | { type: 'retry'; status: number; afterMs: number; diagnoses: Diagnosis[] }
  | { type: 'error'; status: number; issues: Issue[]; diagnoses: Diagnosis[] }
  | { type: 'stale' }

/**
 * A resource as an endpoint stores it for sync: its uuid, its version, and the resource element (for a tombstone,
 * an empty element of the resource's kind).
 *
 * @example
 * ```ts
 * const r: SyncResource = { uuid: '74926a0d-d2c0-4daa-9986-47c833691569', syncState: { endpoint, tick: 5, stamp }, element: accountElement }
 * ```
 */
export interface SyncResource {
  /** The resource's `sdata:uuid`. */
  uuid: string
  /** Where, at which tick and when it was last modified. */
  syncState: SyncState
  /** True for a tombstone (a deleted resource whose version is kept, so that the delete travels). */
  deleted?: boolean
  /** The resource element (payload child), without the `sdata:uuid` and `sdata:isDeleted` attributes. */
  element: XmlElement
}

/**
 * What the source role reads from the caller's storage.
 *
 * @example
 * ```ts
 * const store: SourceStore = { digest: () => myDigest, resources: () => rows.values() }
 * ```
 */
export interface SourceStore {
  /** The endpoint's current digest. */
  digest(): Digest
  /** Every resource, tombstones included. */
  resources(): Iterable<SyncResource>
}

/**
 * One decision the target role hands to the caller's storage: what to store for a uuid.
 *
 * @example
 * ```ts
 * const c: TargetChange = { uuid, decision, state: entry.syncState, deleted: false, element }
 * ```
 */
export interface TargetChange {
  /** The resource's uuid, as sent. */
  uuid: string
  /** The conflict decision (§5.4); `apply` unless a re-stamped `ignore` (see `restamped`). */
  decision: Decision
  /** The syncState to record for the uuid (the incoming one, or `decision.restamped`). */
  state: SyncState
  /** Whether the resource is now deleted (store a tombstone). */
  deleted: boolean
  /** The incoming resource element (absent when a re-stamped `ignore` keeps the target's own value). */
  element?: XmlElement
}

/**
 * What the target role reads from and writes to the caller's storage.
 *
 * @example
 * ```ts
 * const store: TargetStore = {
 *   digest: () => d, saveDigest: (next) => { d = next },
 *   lookup: (uuid) => rows.get(uuid)?.state, apply: (change) => { rows.set(change.uuid, change) },
 * }
 * ```
 */
export interface TargetStore {
  /** The endpoint's current digest. */
  digest(): Digest
  /** Persists the digest after a page. */
  saveDigest(digest: Digest): void
  /** The stored version of a uuid (a tombstone for a deleted resource), or `undefined`. */
  lookup(uuid: string): TargetState | undefined
  /** Stores one change; returning `false` or throwing marks the entry failed (reported 500, sent again later). */
  apply(change: TargetChange): unknown
}

/**
 * Options of {@link createSyncEngine}.
 *
 * @example
 * ```ts
 * const options: SyncEngineOptions = { source: 'http://a/sdata/app1/c/-/accounts', target: 'http://b/sdata/app2/c/-/accounts' }
 * ```
 */
export interface SyncEngineOptions {
  /** The source endpoint: the collection URL (`…/accounts`); not needed in immediate mode. */
  source?: string
  /** The target endpoint: the collection URL. */
  target: string
  /** `catchUp` (default) reads the target digest first; `immediate` pushes `feed` as is (§3.4, §5.8). */
  mode?: SyncMode
  /** Immediate mode: the feed to push (XML text, e.g. from `immediateFeed`). */
  feed?: string
  /** The run's name (§4.1), passed on every POST; default `syncwire`. */
  runName?: string
  /** The run's stamp (§4.1), passed on every POST; default: the start of the run, unzoned, as the spec's examples. */
  runStamp?: string
  /** Makes a tracking ID (a GUID); default `crypto.randomUUID` where available. */
  newId?: () => string
  /** Headers added to every request (authentication, …). */
  headers?: Record<string, string>
  /** Delay before polling when neither tracking nor `Retry-After` says (default 1000 ms). */
  pollMs?: number
  /** Whether to DELETE the `$syncTarget` and `$syncSource` contexts when done with them (default true, §5.3, §5.6). */
  deleteContexts?: boolean
}

/**
 * The engine's state, one per kind of request it is waiting to send or for an answer to (see {@link createSyncEngine}).
 *
 * @example
 * ```ts
 * if (engine.state === 'done') console.log('in sync')
 * ```
 */
export type SyncEngineState =
  | 'read-digest'
  | 'post-source'
  | 'poll-source'
  | 'read-page'
  | 'post-page'
  | 'poll-target'
  | 'read-results'
  | 'delete-target'
  | 'delete-source'
  | 'done'
  | 'refused'

/**
 * A sans-I/O sync engine: ask `next()` for the request to send, hand the answer to `receive`.
 *
 * @example
 * ```ts
 * for (let req = engine.next(); req !== undefined; req = engine.next()) engine.receive(await send(req))
 * ```
 */
export interface SyncEngine {
  /** The request to send now (the same one again until a response to it decodes), or `undefined` when over. */
  next(): SyncRequest | undefined
  /** Reads the response to the pending request. */
  receive(response: SyncResponse): SyncStep
  /** Where the engine is. */
  readonly state: SyncEngineState
}
