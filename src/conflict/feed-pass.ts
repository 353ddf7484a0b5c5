// The incremental core of target-side feed processing: one entry at a time, the rules processFeed and
// processFeedStream share. Implements sdata-sync §5.4–§5.5 and §5.8 (digest updates, gaps, re-stamping).
import type { DigestEntry, SyncState } from '../common/sync'
import { decide, type Ends, NO_ENDS } from './detect'
import { DigestIndex, keyFunction } from './digest'
import { UuidHashes } from './repeats'
import { stateAfter, uuidKey } from './target-states'
import type {
  EntryDecision,
  FeedOutcome,
  ProcessFeedInput,
  ProcessFeedOptions,
  RejectedEntry,
  TargetState,
} from './types'

/**
 * One entry of a feed as feed processing reads it, structurally (a decoded `SyncEntry` is one).
 *
 * @example
 * ```ts
 * const entry: FeedEntry = { syncState: { endpoint: 'http://a/accounts', tick: 5, stamp }, payload: { uuid: 'c4411795-…' } }
 * ```
 */
export type FeedEntry = ProcessFeedInput['feed']['entries'][number]

/** What a pass needs of the input: everything but the entries, which it is given one at a time. */
export type PassInput = Omit<ProcessFeedInput, 'feed'> & { feed: Omit<ProcessFeedInput['feed'], 'entries'> }

/** An endpoint's records in both digests of a pass; `target` is filled in when the target digest gains it. */
interface PassEnds {
  readonly source: DigestEntry | undefined
  target: DigestEntry | undefined
}

/**
 * One pass over a page: `step` decides an entry (by `detectConflict`'s rules, against the state the earlier
 * entries left) and advances the digest; `finish` does the end-of-feed merge and gives the digest.
 *
 * `exact` tracks every uuid's state after its decision, so a uuid that repeats sees its earlier entry; without
 * it the pass assumes distinct uuids (no map write per entry) and records hashes, and `repeats` says afterwards
 * whether that assumption held (such a pass takes at most `sizeHint` entries; should it get more, `repeats` says
 * yes, so that the caller decides the page again exactly). Throws a `TypeError` for `restampConflicts` without
 * `self`.
 */
export class FeedPass {
  readonly immediate: boolean
  private readonly key: (endpoint: string) => string
  private readonly offset: number
  private readonly source: DigestIndex
  private readonly target: DigestIndex
  private readonly overlay: Map<string, TargetState | undefined> | undefined
  private readonly restamp: boolean
  private readonly self: string | undefined
  // Each endpoint key's records in both digests, looked up once per pass rather than up to five times per entry.
  private readonly ends = new Map<string, PassEnds>()
  private readonly hashes: UuidHashes | undefined
  private clean = true
  private rejected = 0

  constructor(
    private readonly input: PassInput,
    options: ProcessFeedOptions | undefined,
    exact: boolean,
    sizeHint = 0,
  ) {
    this.key = keyFunction(options)
    this.offset = options?.assumeOffsetMinutes ?? 0
    this.immediate = input.feed.syncMode === 'immediate'
    this.restamp = options?.restampConflicts === true
    this.self = input.self ?? options?.self
    if (this.restamp && this.self === undefined) {
      throw new TypeError('processFeed: restampConflicts needs the own endpoint (self)')
    }
    this.source = new DigestIndex(this.key, this.offset, input.feed.digest)
    this.target = new DigestIndex(this.key, this.offset, input.targetDigest)
    this.overlay = exact ? new Map() : undefined
    this.hashes = exact ? undefined : new UuidHashes(sizeHint)
  }

  /** Decides entry `index` (an entry without syncState or uuid is rejected) and advances the digest. */
  step(entry: FeedEntry, index: number): EntryDecision | RejectedEntry {
    const state = entry.syncState
    if (state === undefined) {
      this.rejected++
      return { index, problem: 'no-sync-state' }
    }
    const payload = entry.payload
    const uuid = payload?.uuid
    if (uuid === undefined || uuid === '') {
      this.rejected++
      return { index, problem: 'no-uuid' }
    }
    const overlay = this.overlay
    // uuids compare case-insensitively (§4.7), by the key TargetStateStore uses between pages.
    const k = overlay === undefined ? '' : uuidKey(uuid)
    // Past the array's end the write is dropped and `repeats` answers yes (see the class).
    if (this.hashes !== undefined) this.hashes.add(uuid)
    const input = this.input
    const current = (overlay === undefined ? undefined : overlay.get(k)) ?? input.lookup(uuid)
    const key = this.key
    const sourceKey = key(state.endpoint)
    const ends = this.endsOf(sourceKey)
    let targetKey = ''
    let targetEnds: Ends = NO_ENDS
    if (current !== undefined) {
      targetKey = key(current.endpoint)
      if (targetKey !== sourceKey) targetEnds = this.endsOf(targetKey)
    }
    let decision = decide(state, sourceKey, ends, current, targetKey, targetEnds, this.offset)
    if (input.failed?.(uuid) === true) {
      this.clean = false
      return { index, uuid, decision, failed: true }
    }
    const slot = ends.target
    if (slot !== undefined) this.target.raise(slot, state)
    else {
      this.target.advance(state, this.source, sourceKey)
      ends.target = this.target.byKey.get(sourceKey)
    }
    if (this.restamp && decision.conflict) {
      const self = this.self!
      const winner: TargetState = decision.action === 'apply' || current === undefined ? state : current
      // The version the target now holds becomes its own next change, the winner's stamp kept.
      const restamped: SyncState = {
        endpoint: self,
        tick: this.target.claimTick(self, winner.stamp, this.source),
        stamp: winner.stamp,
      }
      const own = this.ends.get(key(self))
      if (own !== undefined) own.target = this.target.byKey.get(key(self))
      decision = { ...decision, restamped }
    }
    // What later entries of the page see: the same rule TargetStateStore.record applies between pages.
    if (overlay !== undefined) {
      const after = stateAfter(state, payload?.isDeleted === true, decision, current)
      if (after !== undefined) overlay.set(k, after)
    }
    return { index, uuid, decision }
  }

  /** Whether two decided entries share a uuid (only known without `exact`; `decisions` in step order). */
  repeats(decisions: readonly EntryDecision[]): boolean {
    return this.hashes?.repeats((k) => decisions[k]!.uuid) === true
  }

  /** The end-of-feed merge (catchUp, last page, nothing failed or rejected) and the target's new digest. */
  finish(): Pick<FeedOutcome, 'digest' | 'merged'> {
    const digest = this.input.feed.digest
    const merged = this.clean && this.rejected === 0 && this.input.lastPage && !this.immediate && digest !== undefined
    if (merged) for (const e of digest!.entries) this.target.join(e)
    return { digest: this.target.toDigest(this.input.targetDigest), merged }
  }

  // The records of an endpoint key, fetched from both digests the first time the pass meets it.
  private endsOf(k: string): PassEnds {
    let ends = this.ends.get(k)
    if (ends === undefined) {
      ends = { source: this.source.byKey.get(k), target: this.target.byKey.get(k) }
      this.ends.set(k, ends)
    }
    return ends
  }
}
