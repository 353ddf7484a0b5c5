// Target-side processing of one page of a sync feed: a decision per entry and the target's new digest.
// Implements sdata-sync §5.4–§5.5 and §5.8 with our decisions 9 (digest updates), 10 (gaps), 12 and 13.
import type { either } from 'fp-ts'
import type { SyncState } from '../sdata/model'
import { decide } from './detect'
import { DigestIndex, keyFunction, laterStamp, UNKNOWN_PRIORITY } from './digest'
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
 *   decision 9).
 * - On the last page of a `catchUp` feed (the default when `syncMode` is absent), every source digest entry is
 *   merged in by max, adding the endpoints the target lacked (`mergeDigests`). Never in `immediate`
 *   mode (§5.8).
 * - Entries reported by `input.failed` keep their decision but do not advance the digest, and a page with a
 *   failure (or an entry without syncState or uuid, listed in `rejected`) skips the end merge, so that nothing
 *   is lost for the next pass (decision 9).
 * - In `immediate` mode, for each endpoint the target's digest knows, the first entry of that endpoint must not
 *   have a tick above the digest tick; otherwise the whole page is refused with a `GapError` as `Left`
 *   (the target answers 400, decision 10). Endpoints the target does not know are not checked.
 * - With `options.restampConflicts` (and the target's own endpoint as `self`), a conflict's outcome is
 *   re-stamped as a local change of the target; see `ProcessFeedOptions.restampConflicts` for why and
 *   for the price. Off by default: the spec's rules alone.
 *
 * The result is a genuine fp-ts `Either` (`{ _tag: 'Left', left }` or `{ _tag: 'Right', right }`), built
 * without importing fp-ts at run time.
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
  const target = new DigestIndex(key, offset, input.targetDigest)
  const source = new DigestIndex(key, offset, feed.digest)
  const immediate = feed.syncMode === 'immediate'

  if (immediate) {
    const checked = new Set<string>()
    for (let i = 0; i < entries.length; i++) {
      const state = entries[i]!.syncState
      if (state === undefined) continue
      const k = key(state.endpoint)
      if (checked.has(k)) continue
      checked.add(k)
      const known = target.byKey.get(k)
      if (known !== undefined && state.tick > known.tick) {
        return left({ endpoint: state.endpoint, digestTick: known.tick, entryTick: state.tick, index: i })
      }
    }
  }

  const restamp = options?.restampConflicts === true
  const self = input.self ?? options?.self
  if (restamp && self === undefined) throw new TypeError('processFeed: restampConflicts needs the own endpoint (self)')
  const selfKey = self === undefined ? '' : key(self)

  const inSource = (k: string) => source.byKey.get(k)
  const inTarget = (k: string) => target.byKey.get(k)
  const overlay = new Map<string, TargetState>()
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
    const uuidKey = uuid.toLowerCase()
    const current = overlay.get(uuidKey) ?? lookup(uuid)
    const sourceKey = key(state.endpoint)
    const decision = decide(
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
      const restamped = restampOwn(target, source, self!, selfKey, winner, offset)
      decision.restamped = restamped
      const isDeleted = decision.action === 'apply' ? deleted : current?.deleted === true
      overlay.set(uuidKey, isDeleted ? { ...restamped, deleted: true } : restamped)
    } else if (decision.action === 'apply') {
      overlay.set(uuidKey, deleted ? { ...state, deleted: true } : state)
    }
    decisions.push({ index: i, uuid, decision })
  }

  const merged = clean && rejected.length === 0 && input.lastPage && !immediate && feed.digest !== undefined
  if (merged) for (const e of feed.digest!.entries) target.join(e)
  return right({ decisions, rejected, digest: target.toDigest(input.targetDigest.origin), merged })
}

// Decision 13: the version the target now holds becomes its own next change, with the winner's stamp kept.
function restampOwn(
  target: DigestIndex,
  source: DigestIndex,
  self: string,
  selfKey: string,
  winner: SyncState,
  offset: number,
): SyncState {
  const own = target.byKey.get(selfKey)
  // Tick 0 is what SIF drops on the wire; the first tick handed out is 1.
  const tick = Math.max(own?.tick ?? 1, 1)
  if (own === undefined) {
    const known = source.byKey.get(selfKey)
    target.byKey.set(selfKey, {
      endpoint: self,
      tick: tick + 1,
      stamp: winner.stamp,
      conflictPriority: known?.conflictPriority ?? UNKNOWN_PRIORITY,
    })
  } else {
    own.tick = tick + 1
    own.stamp = laterStamp(own.stamp, winner.stamp, offset)
  }
  return { endpoint: self, tick, stamp: winner.stamp }
}
