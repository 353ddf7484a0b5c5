// The target's stored versions keyed by uuid, compared and updated exactly as processFeed does within a page.
// sdata-sync §5.4 (each entry sees the state the earlier ones left) with uuids compared case-insensitively (§4.7).
import type { SyncState } from '../common/sync'
import type { Decision, EntryDecision, FeedInput, FeedOutcome, TargetState } from './types'

/**
 * The key a uuid is compared by: its lower-case form. `sdata:uuid` values are UUIDs, which compare
 * case-insensitively (the sdata.xsd uuid type allows both cases, and real feeds mix them: `74926A0D-D2C0-4daa-…`),
 * so `ABC…` and `abc…` name one resource. `processFeed`, `findDivergence` and {@link TargetStateStore} all key
 * uuids with this function.
 *
 * @example
 * ```ts
 * uuidKey('74926A0D-D2C0-4daa-9ab1-0C8F2D8C64B7') === uuidKey('74926a0d-d2c0-4daa-9ab1-0c8f2d8c64b7') // true
 * ```
 */
export function uuidKey(uuid: string): string {
  return uuid.toLowerCase()
}

/**
 * What the target holds for a resource once an entry is decided, or `undefined` when the decision leaves the
 * stored version as it was: the incoming syncState for `apply` (a tombstone when the entry is a delete), the
 * re-stamped state when the decision carries one (with `deleted` from the version that won).
 *
 * @example
 * ```ts
 * stateAfter(incoming, false, { action: 'apply', conflict: false, reason: 'new-resource' }, undefined) // incoming
 * ```
 */
export function stateAfter(
  incoming: SyncState,
  deleted: boolean,
  decision: Decision,
  current: TargetState | undefined,
): TargetState | undefined {
  const restamped = decision.restamped
  if (restamped !== undefined) {
    const isDeleted = decision.action === 'apply' ? deleted : current?.deleted === true
    return isDeleted ? { ...restamped, deleted: true } : restamped
  }
  if (decision.action !== 'apply') return undefined
  return deleted ? { ...incoming, deleted: true } : incoming
}

/**
 * A target's stored versions by uuid, for running `processFeed` page after page: `lookup` is what
 * `processFeed` asks, and `record` stores what a page's decisions say, with the same rules `processFeed`
 * applies between the entries of one page. So a feed split into pages gets the same decisions as the feed in
 * one page. Uuids are keyed with {@link uuidKey} (case-insensitively); each uuid is listed in the spelling it
 * was last stored under.
 *
 * @example
 * ```ts
 * const store = new TargetStateStore(Object.entries(saved))
 * for (const feed of pages) {
 *   const result = processFeed({ targetDigest: digest, feed, lookup: store.lookup, lastPage: feed === pages.at(-1) })
 *   if (result._tag === 'Left') break
 *   store.record(feed, result.right)
 *   digest = result.right.digest
 * }
 * ```
 */
export class TargetStateStore {
  readonly #states = new Map<string, { uuid: string; state: TargetState }>()

  /** A store holding `initial` (uuid, state) pairs; a later pair for the same uuid (case aside) replaces an earlier one. */
  constructor(initial: Iterable<readonly [string, TargetState]> = []) {
    for (const [uuid, state] of initial) this.set(uuid, state)
  }

  /** The stored state of a uuid (case aside), or `undefined`; bound, so it can be passed as `processFeed`'s `lookup`. */
  readonly lookup = (uuid: string): TargetState | undefined => this.#states.get(uuidKey(uuid))?.state

  /** The stored state of a uuid (case aside), or `undefined`. */
  get(uuid: string): TargetState | undefined {
    return this.lookup(uuid)
  }

  /** Whether a state is stored for the uuid (case aside). */
  has(uuid: string): boolean {
    return this.#states.has(uuidKey(uuid))
  }

  /** Stores a state for a uuid, replacing the one stored under any spelling of it. */
  set(uuid: string, state: TargetState): this {
    this.#states.set(uuidKey(uuid), { uuid, state })
    return this
  }

  /** How many resources are stored. */
  get size(): number {
    return this.#states.size
  }

  /**
   * Stores what one decided entry leaves: the incoming syncState for `apply` (a tombstone for a delete), the
   * re-stamped state when the decision carries one; a `failed` decision changes nothing. Call it in feed order,
   * as `record` does.
   */
  recordEntry(entry: FeedInput['entries'][number], decided: EntryDecision): void {
    if (decided.failed === true || entry.syncState === undefined) return
    const after = stateAfter(
      entry.syncState,
      entry.payload?.isDeleted === true,
      decided.decision,
      this.get(decided.uuid),
    )
    if (after !== undefined) this.set(decided.uuid, after)
  }

  /** Stores what a processed page's decisions leave, in feed order: the page's `processFeed` outcome. */
  record(feed: FeedInput, outcome: Pick<FeedOutcome, 'decisions'>): void {
    for (const decided of outcome.decisions) {
      const entry = feed.entries[decided.index]
      if (entry !== undefined) this.recordEntry(entry, decided)
    }
  }

  /** The stored (uuid, state) pairs, each uuid in the spelling it was last stored under. */
  *entries(): IterableIterator<[string, TargetState]> {
    for (const { uuid, state } of this.#states.values()) yield [uuid, state]
  }
}
