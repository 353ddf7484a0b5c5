// The plain value types of the conflict logic: decisions, options, feed input and output, gap errors.
// The public conflict shapes; semantics from sync §5.4 (detection), §5.5 (digest updates) and docs/decisions.md#s6 to #s13.
import type { Digest, SyncMode, SyncState } from '../common/sync'

/**
 * Why a decision was taken: the rule of §5.4 that fired, or the resolution step that broke a conflict.
 *
 * - `new-resource`: the target has no state for the uuid (not even a tombstone);
 * - `same-endpoint-newer` / `same-endpoint-stale`: rule 1, both versions last modified at the same endpoint;
 * - `source-has-seen-target`: rule 2, the source digest covers the target's version (strict `>`);
 * - `target-has-seen-source`: rule 3, the target digest covers the incoming version (strict `>`);
 * - `priority`, `stamp`, `tie-break`: a conflict (rule 4) resolved by the lower conflictPriority, the later
 *   stamp, or the smaller endpoint (docs/decisions.md#s7).
 *
 * @example
 * ```ts
 * const why: DecisionReason = 'target-has-seen-source'
 * ```
 */
export type DecisionReason =
  | 'new-resource'
  | 'same-endpoint-newer'
  | 'same-endpoint-stale'
  | 'source-has-seen-target'
  | 'target-has-seen-source'
  | 'priority'
  | 'stamp'
  | 'tie-break'

/**
 * What the target does with one incoming version (sync §5.4). The functions return frozen values, shared
 * between entries that decide alike (a million-entry feed allocates no decisions); copy one to change it.
 *
 * @example
 * ```ts
 * const d: Decision = { action: 'apply', conflict: true, reason: 'priority' }
 * ```
 */
export interface Decision {
  /** `apply`: store the incoming version (or delete, for a tombstone); `ignore`: keep the target's version. */
  readonly action: 'apply' | 'ignore'
  /** True when both sides changed the resource concurrently (rule 4 of §5.4). */
  readonly conflict: boolean
  /** The rule that decided. */
  readonly reason: DecisionReason
  /**
   * Only from `processFeed` with `restampConflicts: true`, on a conflict: the syncState the target must
   * record for the version it now holds (the incoming one for `apply`, its own for `ignore`), that is
   * (own endpoint, own next tick, the winning version's stamp). See `ProcessFeedOptions.restampConflicts`.
   */
  readonly restamped?: SyncState
}

/**
 * The target's stored version of a resource: its syncState, plus `deleted: true` for a tombstone (docs/decisions.md#s12).
 *
 * @example
 * ```ts
 * const tomb: TargetState = { endpoint: 'http://a/accounts', tick: 4, stamp: '2024-01-01T00:00:00Z' as Stamp, deleted: true }
 * ```
 */
export type TargetState = SyncState & { deleted?: boolean }

/**
 * Options shared by every conflict function.
 *
 * @example
 * ```ts
 * const options: ConflictOptions = { endpointKey: (url) => url.toLowerCase(), assumeOffsetMinutes: 60 }
 * ```
 */
export interface ConflictOptions {
  /**
   * Maps an endpoint URL to the key that identifies it (docs/decisions.md#s8). Default: the URL itself (exact string
   * equality). Sage's reference adapter compares endpoints case-insensitively; pass a normaliser to do the same.
   * The key is also what the stamp tie-break (docs/decisions.md#s7) orders.
   */
  endpointKey?: (endpoint: string) => string
  /** The offset, in minutes east of UTC, at which a stamp without a zone is read (docs/decisions.md#s5; default 0, UTC). */
  assumeOffsetMinutes?: number
}

/**
 * Options of `processFeed`.
 *
 * @example
 * ```ts
 * const options: ProcessFeedOptions = { restampConflicts: true, self: 'http://b/accounts' }
 * ```
 */
export interface ProcessFeedOptions extends ConflictOptions {
  /**
   * Opt-in (docs/decisions.md#s13): after an entry decided with `conflict: true`, whichever side won, the target records
   * the version it now holds as a new local change. Its syncState becomes (own endpoint, own next tick,
   * unchanged stamp), returned as `decision.restamped`, and the target's own digest tick increases by 1.
   *
   * Why: the spec resolves a conflict by the priority of the *last-modifying* endpoints, which ignores
   * causality, so with different priorities about 0.3–0.8 % of random histories never converge (one endpoint
   * keeps a loser for ever while every digest is equal). Re-stamping makes the resolved version a fresh change
   * that every endpoint has not seen, so it propagates; every simulated history converged.
   *
   * The price: it changes the outcome of 2–12 % of histories that converge without it (the re-stamped version
   * now carries the target's endpoint and priority into later conflicts), it can discard an edit made elsewhere
   * on top of an older winner, and it costs up to 70 % more messages in edit-heavy histories. The caller must
   * store `restamped` as the resource's syncState, also when the decision is `ignore`.
   */
  restampConflicts?: boolean
  /** The target's own endpoint, needed by `restampConflicts` (also accepted as `input.self`). */
  self?: string
}

/**
 * An incoming feed, structurally: a decoded `SyncFeed` can be passed as it is.
 *
 * @example
 * ```ts
 * const feed: FeedInput = { syncMode: 'catchUp', digest: { entries: [] }, entries: [] }
 * ```
 */
export interface FeedInput {
  /** `catchUp` (the default when absent: it is the mode of engine-driven passes) or `immediate`. */
  syncMode?: SyncMode
  /** The source digest. */
  digest?: Digest
  /** The entries, in feed order. */
  entries: ReadonlyArray<{ syncState?: SyncState; payload?: { uuid?: string; isDeleted?: boolean } }>
}

/**
 * Input of `processFeed`: one page of a feed posted to the target.
 *
 * @example
 * ```ts
 * const input: ProcessFeedInput = { targetDigest, feed, lookup: (uuid) => store.get(uuid), lastPage: true }
 * ```
 */
export interface ProcessFeedInput {
  /** The target's digest before this page. */
  targetDigest: Digest
  /** The page. */
  feed: FeedInput
  /** The target's stored state for a uuid (a tombstone for a deleted resource), or `undefined`. */
  lookup: (uuid: string) => TargetState | undefined
  /** Whether this is the last page: only then does a catchUp feed merge the source digest. */
  lastPage: boolean
  /**
   * Entries the target could not store (e.g. reported with a 5xx in its result feed). A failed entry still gets
   * its decision but does not advance the digest nor change the state later entries see, and a page with a
   * failure skips the end-of-feed merge, so the next pass resends it (docs/decisions.md#s9). Typical use: decide, store,
   * then call again with `failed` to get the digest to persist (decisions are deterministic).
   */
  failed?: (uuid: string) => boolean
  /**
   * Versions that earlier pages of the same pass did not incorporate (failed or rejected there). Like this page's
   * own failures they cap their endpoint's tick at the lowest such tick and skip the end-of-feed merge, so a
   * failure on page 1 is not covered by the digest after page 2 (docs/decisions.md#s9).
   */
  heldBack?: readonly SyncState[]
  /** The target's own endpoint, needed by `restampConflicts`. */
  self?: string
}

/**
 * The decision for one entry of a processed page.
 *
 * @example
 * ```ts
 * const item: EntryDecision = { index: 0, uuid: 'c4411795-…', decision: { action: 'apply', conflict: false, reason: 'new-resource' } }
 * ```
 */
export interface EntryDecision {
  /** The entry's position in the page. */
  index: number
  /** The entry's `sdata:uuid`, as sent. */
  uuid: string
  /** What to do with it. */
  decision: Decision
  /** Present and true when `input.failed` reported the entry. */
  failed?: boolean
}

/**
 * An entry `processFeed` cannot decide on, because it has no syncState or no uuid (validation flags both,
 * docs/decisions.md#s11). It does not advance the digest and, like a failure, suppresses the end-of-feed merge.
 *
 * @example
 * ```ts
 * const r: RejectedEntry = { index: 3, problem: 'no-sync-state' }
 * ```
 */
export interface RejectedEntry {
  /** The entry's position in the page. */
  index: number
  /** What is missing. */
  problem: 'no-sync-state' | 'no-uuid'
}

/**
 * The result of a processed page.
 *
 * @example
 * ```ts
 * const out: FeedOutcome = { decisions: [], rejected: [], digest: { entries: [] }, merged: false }
 * ```
 */
export interface FeedOutcome {
  /** One decision per entry that has a syncState and a uuid, in feed order. */
  decisions: EntryDecision[]
  /** Entries without a syncState or a uuid. */
  rejected: RejectedEntry[]
  /** The target's new digest. */
  digest: Digest
  /** Whether the end-of-feed merge of the source digest (§5.5, catchUp, last page, no failure) was done. */
  merged: boolean
}

/**
 * Why an immediate-mode page is refused (sync §5.8, docs/decisions.md#s10): the first entry of an endpoint has a
 * tick above the target's digest tick for it (0 for an endpoint the digest lacks), so changes in between may be
 * missing. The target answers `400 Bad Request`; a catch-up pass then sends what is missing.
 *
 * @example
 * ```ts
 * const gap: GapError = { endpoint: 'http://a/accounts', digestTick: 6, entryTick: 8, index: 0 }
 * ```
 */
export interface GapError {
  /** The entry's endpoint, as sent. */
  endpoint: string
  /** The target's digest tick for it: the next tick it expects. */
  digestTick: number
  /** The tick of the entry. */
  entryTick: number
  /** The entry's position in the page. */
  index: number
}

/**
 * One endpoint's view of a collection, for `findDivergence`.
 *
 * @example
 * ```ts
 * const view: EndpointView = { digest, states: new Map([['c4411795-…', { endpoint, tick: 5, stamp }]]) }
 * ```
 */
export interface EndpointView {
  /** The endpoint's digest. */
  digest: Digest
  /** Its stored states by uuid (tombstones included); `fingerprint` (e.g. a payload hash) compares values too. */
  states: Iterable<readonly [string, TargetState & { fingerprint?: string }]>
}

/**
 * A resource two endpoints hold in different versions although both digests cover both versions.
 *
 * @example
 * ```ts
 * const d: Divergence = { uuid: 'c4411795-…', a: stateAtA, b: stateAtB }
 * ```
 */
export interface Divergence {
  /** The resource. */
  uuid: string
  /** The version at the first endpoint (absent when it holds none). */
  a?: TargetState & { fingerprint?: string }
  /** The version at the second endpoint (absent when it holds none). */
  b?: TargetState & { fingerprint?: string }
}

/**
 * How one endpoint's knowledge compares in two digests.
 *
 * @example
 * ```ts
 * const r: DigestRelation = { endpoint: 'http://a/accounts', relation: 'a-ahead' }
 * ```
 */
export interface DigestRelation {
  /** The endpoint (as written in `a`, else in `b`). */
  endpoint: string
  /** `equal` ticks, `a-ahead` / `b-ahead` (higher tick), or known to one digest only. */
  relation: 'equal' | 'a-ahead' | 'b-ahead' | 'only-a' | 'only-b'
}
