// Target-side processing of one page of a sync feed: a decision per entry and the target's new digest.
// Implements sdata-sync §5.4–§5.5 and §5.8 with docs/decisions.md#s9 (digest updates), #s10 (gaps), #s12 and #s13.
import type { either } from 'fp-ts'
import type { SyncState } from '../common/sync'
import { decide } from './detect'
import { DigestIndex, keyFunction } from './digest'
import { stateAfter, uuidKey } from './target-states'
import type {
  EntryDecision,
  FeedOutcome,
  GapError,
  ProcessFeedInput,
  ProcessFeedOptions,
  RejectedEntry,
  TargetState,
} from './types'

// Built by hand rather than with fp-ts's constructors, so that the conflict bundle stays free of fp-ts at run
// time; the values are exactly fp-ts's `Left`/`Right`, usable with every fp-ts function.
function left<L>(value: L): either.Either<L, never> {
  return { _tag: 'Left', left: value }
}

function right<R>(value: R): either.Either<never, R> {
  return { _tag: 'Right', right: value }
}

/**
 * Processes one page of a sync feed on the target: a `Decision` per entry (by `detectConflict`'s
 * rules) and the target's digest afterwards. Pure: the caller stores what the decisions say.
 *
 * - Entries are handled in feed order. Each one sees the target state the previous decisions left: an `apply`
 *   replaces the uuid's state (a tombstone when `isDeleted`) for the entries after it, and each entry sees the
 *   digest as advanced by the entries before it. Uuids are matched case-insensitively here (§4.7).
 * - After each entry (whatever it decided) the digest tick of its endpoint becomes max(tick, entry tick + 1);
 *   an endpoint new to the target takes its priority and stamp from the source digest, else priority 9 (§5.5,
 *   docs/decisions.md#s9).
 * - On the last page of a `catchUp` feed (the default when `syncMode` is absent), every source digest entry is
 *   merged in by max, adding the endpoints the target lacked (`mergeDigests`). Never in `immediate`
 *   mode (§5.8).
 * - Entries reported by `input.failed` keep their decision but do not advance the digest, and a page with a
 *   failure (or an entry without syncState or uuid, listed in `rejected`) skips the end merge, so that nothing
 *   is lost for the next pass (docs/decisions.md#s9).
 * - In `immediate` mode, for each endpoint the target's digest knows, the first entry of that endpoint must not
 *   have a tick above the digest tick; otherwise the whole page is refused with a `GapError` as `Left`
 *   (the target answers 400, docs/decisions.md#s10). Endpoints the target does not know are not checked.
 * - With `options.restampConflicts` (and the target's own endpoint as `self`), a conflict's outcome is
 *   re-stamped as a local change of the target; see `ProcessFeedOptions.restampConflicts` for why and
 *   for the price. Off by default: the spec's rules alone.
 *
 * The result is a genuine fp-ts `Either` (`{ _tag: 'Left', left }` or `{ _tag: 'Right', right }`), built
 * without importing fp-ts at run time.
 *
 * `lookup` and `failed` must be pure: a page that repeats a uuid is decided twice (the first pass assumes
 * distinct uuids, which makes large feeds fast), so they may be called twice for an entry.
 *
 * Throws a `TypeError` only for a programming error: `restampConflicts` without `self`.
 *
 * @example
 * ```ts
 * const result = processFeed({ targetDigest, feed, lookup: (uuid) => states.get(uuid), lastPage: true })
 * if (result._tag === 'Right') for (const { uuid, decision } of result.right.decisions) console.log(uuid, decision.action)
 * ```
 */
export function processFeed(
  input: ProcessFeedInput,
  options?: ProcessFeedOptions,
): either.Either<GapError, FeedOutcome> {
  const key = keyFunction(options)
  const offset = options?.assumeOffsetMinutes ?? 0
  const { feed, lookup, failed } = input
  const entries = feed.entries
  const source = new DigestIndex(key, offset, feed.digest)
  const immediate = feed.syncMode === 'immediate'

  if (immediate) {
    const before = new DigestIndex(key, offset, input.targetDigest).byKey
    const checked = new Set<string>()
    for (let i = 0; i < entries.length; i++) {
      const state = entries[i]!.syncState
      if (state === undefined) continue
      const k = key(state.endpoint)
      if (checked.has(k)) continue
      checked.add(k)
      const known = before.get(k)
      if (known !== undefined && state.tick > known.tick) {
        return left({ endpoint: state.endpoint, digestTick: known.tick, entryTick: state.tick, index: i })
      }
    }
  }

  const restamp = options?.restampConflicts === true
  const self = input.self ?? options?.self
  if (restamp && self === undefined) throw new TypeError('processFeed: restampConflicts needs the own endpoint (self)')

  const inSource = (k: string) => source.byKey.get(k)

  // Each entry must see the state the earlier entries of the page left for its uuid. Tracking that costs a
  // hash-map write per entry, the dearest step on a large feed, and a uuid rarely occurs twice in a page: so the
  // page is first decided as if uuids were distinct, which a sort of their hashes then confirms, and only a page
  // that does repeat a uuid is decided again, tracking every uuid.
  const run = (exact: boolean): FeedOutcome | undefined => {
    const target = new DigestIndex(key, offset, input.targetDigest)
    const inTarget = (k: string) => target.byKey.get(k)
    const overlay = exact ? new Map<string, TargetState | undefined>() : undefined
    const hashes = exact ? undefined : new Uint32Array(entries.length)
    let hashed = 0
    const decisions: EntryDecision[] = []
    const rejected: RejectedEntry[] = []
    let clean = true

    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!
      const state = entry.syncState
      if (state === undefined) {
        rejected.push({ index: i, problem: 'no-sync-state' })
        continue
      }
      const uuid = entry.payload?.uuid
      if (uuid === undefined || uuid === '') {
        rejected.push({ index: i, problem: 'no-uuid' })
        continue
      }
      // uuids compare case-insensitively (§4.7), by the key TargetStateStore uses between pages.
      const k = overlay === undefined ? '' : uuidKey(uuid)
      if (hashes !== undefined) hashes[hashed++] = tailHash(uuid)
      const current = (overlay === undefined ? undefined : overlay.get(k)) ?? lookup(uuid)
      const sourceKey = key(state.endpoint)
      let decision = decide(
        state,
        sourceKey,
        current,
        current === undefined ? '' : key(current.endpoint),
        inSource,
        inTarget,
        offset,
      )
      if (failed?.(uuid) === true) {
        clean = false
        decisions.push({ index: i, uuid, decision, failed: true })
        continue
      }
      const deleted = entry.payload?.isDeleted === true
      target.advance(state, source, sourceKey)
      if (restamp && decision.conflict) {
        const winner: TargetState = decision.action === 'apply' || current === undefined ? state : current
        // docs/decisions.md#s13: the version the target now holds becomes its own next change, the winner's stamp kept.
        const restamped: SyncState = {
          endpoint: self!,
          tick: target.claimTick(self!, winner.stamp, source),
          stamp: winner.stamp,
        }
        decision = { ...decision, restamped }
      }
      // What later entries of the page see: the same rule TargetStateStore.record applies between pages.
      if (overlay !== undefined) {
        const after = stateAfter(state, deleted, decision, current)
        if (after !== undefined) overlay.set(k, after)
      }
      decisions.push({ index: i, uuid, decision })
    }

    if (hashes !== undefined && repeatsUuid(hashes.subarray(0, hashed), decisions)) return undefined
    const merged = clean && rejected.length === 0 && input.lastPage && !immediate && feed.digest !== undefined
    if (merged) for (const e of feed.digest!.entries) target.join(e)
    return { decisions, rejected, digest: target.toDigest(input.targetDigest), merged }
  }

  return right(run(false) ?? run(true)!)
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
