// The incremental core of target-side feed processing: one entry at a time, the rules processFeed and
// processFeedStream share. Implements sdata-sync §5.4–§5.5 and §5.8 (digest updates, gaps, re-stamping).
import type { SyncState } from '../common/sync'
import { decide } from './detect'
import { DigestIndex, keyFunction } from './digest'
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

/**
 * One pass over a page: `step` decides an entry (by `detectConflict`'s rules, against the state the earlier
 * entries left) and advances the digest; `finish` does the end-of-feed merge and gives the digest.
 *
 * `exact` tracks every uuid's state after its decision, so a uuid that repeats sees its earlier entry; without
 * it the pass assumes distinct uuids (no map write per entry) and records hashes, and `repeats` says afterwards
 * whether that assumption held. Throws a `TypeError` for `restampConflicts` without `self`.
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
  private readonly inSource: (k: string) => ReturnType<DigestIndex['byKey']['get']>
  private readonly inTarget: (k: string) => ReturnType<DigestIndex['byKey']['get']>
  private hashes: Uint32Array | undefined
  private hashed = 0
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
    const source = this.source
    const target = this.target
    this.inSource = (k) => source.byKey.get(k)
    this.inTarget = (k) => target.byKey.get(k)
    this.overlay = exact ? new Map() : undefined
    this.hashes = exact ? undefined : new Uint32Array(Math.max(16, sizeHint))
  }

  /** Decides entry `index` (an entry without syncState or uuid is rejected) and advances the digest. */
  step(entry: FeedEntry, index: number): EntryDecision | RejectedEntry {
    const state = entry.syncState
    if (state === undefined) {
      this.rejected++
      return { index, problem: 'no-sync-state' }
    }
    const uuid = entry.payload?.uuid
    if (uuid === undefined || uuid === '') {
      this.rejected++
      return { index, problem: 'no-uuid' }
    }
    const overlay = this.overlay
    // uuids compare case-insensitively (§4.7), by the key TargetStateStore uses between pages.
    const k = overlay === undefined ? '' : uuidKey(uuid)
    if (this.hashes !== undefined) this.record(tailHash(uuid))
    const current = (overlay === undefined ? undefined : overlay.get(k)) ?? this.input.lookup(uuid)
    const key = this.key
    const sourceKey = key(state.endpoint)
    let decision = decide(
      state,
      sourceKey,
      current,
      current === undefined ? '' : key(current.endpoint),
      this.inSource,
      this.inTarget,
      this.offset,
    )
    if (this.input.failed?.(uuid) === true) {
      this.clean = false
      return { index, uuid, decision, failed: true }
    }
    const deleted = entry.payload?.isDeleted === true
    this.target.advance(state, this.source, sourceKey)
    if (this.restamp && decision.conflict) {
      const self = this.self!
      const winner: TargetState = decision.action === 'apply' || current === undefined ? state : current
      // The version the target now holds becomes its own next change, the winner's stamp kept.
      const restamped: SyncState = {
        endpoint: self,
        tick: this.target.claimTick(self, winner.stamp, this.source),
        stamp: winner.stamp,
      }
      decision = { ...decision, restamped }
    }
    // What later entries of the page see: the same rule TargetStateStore.record applies between pages.
    if (overlay !== undefined) {
      const after = stateAfter(state, deleted, decision, current)
      if (after !== undefined) overlay.set(k, after)
    }
    return { index, uuid, decision }
  }

  /** Whether two decided entries share a uuid (only known without `exact`; `decisions` in step order). */
  repeats(decisions: readonly EntryDecision[]): boolean {
    return this.hashes !== undefined && repeatsUuid(this.hashes.subarray(0, this.hashed), decisions)
  }

  /** The end-of-feed merge (catchUp, last page, nothing failed or rejected) and the target's new digest. */
  finish(): Pick<FeedOutcome, 'digest' | 'merged'> {
    const digest = this.input.feed.digest
    const merged = this.clean && this.rejected === 0 && this.input.lastPage && !this.immediate && digest !== undefined
    if (merged) for (const e of digest!.entries) this.target.join(e)
    return { digest: this.target.toDigest(this.input.targetDigest), merged }
  }

  private record(hash: number): void {
    let hashes = this.hashes!
    if (this.hashed === hashes.length) {
      const grown = new Uint32Array(hashes.length * 2)
      grown.set(hashes)
      this.hashes = hashes = grown
    }
    hashes[this.hashed++] = hash
  }
}

// Whether two decided entries share a uuid (case aside): equal uuids have equal hashes, so only the few entries
// whose hash occurs twice (true repeats and chance collisions) are compared as strings. The hashes go into an
// open-addressing table of entry numbers (about twice as cheap as sorting them); a hash met again is not inserted
// again but only marked, so that any number of equal hashes costs one probe each.
function repeatsUuid(hashes: Uint32Array, decisions: readonly EntryDecision[]): boolean {
  const n = hashes.length
  if (n < 2) return false
  let size = 4
  while (size < n * 2) size *= 2
  const mask = size - 1
  // Entry number + 1 of the first entry with each hash; negated once that entry is listed as shared. 0 = empty.
  const slots = new Int32Array(size)
  let shared: number[] | undefined
  for (let k = 0; k < n; k++) {
    const h = hashes[k]!
    let j = (h ^ (h >>> 15)) & mask
    for (;;) {
      const slot = slots[j]!
      if (slot === 0) {
        slots[j] = k + 1
        break
      }
      const first = (slot < 0 ? -slot : slot) - 1
      if (hashes[first] === h) {
        shared ??= []
        if (slot > 0) {
          shared.push(first)
          slots[j] = -slot
        }
        shared.push(k)
        break
      }
      j = (j + 1) & mask
    }
  }
  if (shared === undefined) return false
  const seen = new Set<string>()
  for (const k of shared) {
    const uuid = uuidKey(decisions[k]!.uuid)
    if (seen.has(uuid)) return true
    seen.add(uuid)
  }
  return false
}

// FNV-1a of the last code units of the lower-cased uuid (uuidKey). Equal uuids (case aside, §4.7) must hash
// alike, which any fixed part guarantees, and the end is the random part of a UUID. An ASCII tail is folded in place (it is
// the tail of the lower-cased text, as lower-casing ASCII keeps lengths); any other tail goes through toLowerCase.
const TAIL = 12

function tailHash(uuid: string): number {
  let h = 0x811c9dc5
  for (let i = Math.max(0, uuid.length - TAIL); i < uuid.length; i++) {
    let c = uuid.charCodeAt(i)
    if (c >= 128) return lowerTailHash(uuidKey(uuid))
    if (c >= 65 && c <= 90) c += 32
    h = Math.imul(h ^ c, 0x01000193)
  }
  return h
}

function lowerTailHash(lower: string): number {
  let h = 0x811c9dc5
  for (let i = Math.max(0, lower.length - TAIL); i < lower.length; i++)
    h = Math.imul(h ^ lower.charCodeAt(i), 0x01000193)
  return h
}
