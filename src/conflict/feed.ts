// Target-side processing of one page of a sync feed: a decision per entry and the target's new digest.
// Implements sdata-sync §5.4–§5.5 and §5.8 with docs/decisions.md#s9 (digest updates), #s10 (gaps), #s12 and #s13.
import type { either } from 'fp-ts'
import { FeedPass, GapCheck } from './feed-pass'
import type { EntryDecision, FeedOutcome, GapError, ProcessFeedInput, ProcessFeedOptions, RejectedEntry } from './types'

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
  const entries = input.feed.entries
  if (input.feed.syncMode === 'immediate') {
    const gaps = new GapCheck(input, options)
    for (let i = 0; i < entries.length; i++) {
      const gap = gaps.check(entries[i]!, i)
      if (gap !== undefined) return left(gap)
    }
  }

  // Each entry must see the state the earlier entries of the page left for its uuid. Tracking that costs a
  // hash-map write per entry, the dearest step on a large feed, and a uuid rarely occurs twice in a page: so the
  // page is first decided as if uuids were distinct, which a sort of their hashes then confirms, and only a page
  // that does repeat a uuid is decided again, tracking every uuid.
  const run = (exact: boolean): FeedOutcome | undefined => {
    const pass = new FeedPass(input, options, exact, entries.length)
    const decisions: EntryDecision[] = []
    const rejected: RejectedEntry[] = []
    for (let i = 0; i < entries.length; i++) {
      const outcome = pass.step(entries[i]!, i)
      if ('problem' in outcome) rejected.push(outcome)
      else decisions.push(outcome)
    }
    if (!exact && pass.repeats(decisions)) return undefined
    return { decisions, rejected, ...pass.finish() }
  }

  return right(run(false) ?? run(true)!)
}
