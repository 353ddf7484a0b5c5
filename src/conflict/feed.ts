// Target-side processing of one page of a sync feed: a decision per entry and the target's new digest.
// Implements sdata-sync §5.4–§5.5 and §5.8 with docs/decisions.md#s9 (digest updates), #s10 (gaps), #s12 and #s13.
import type { either } from 'fp-ts'
import { FeedPass, type PassInput } from './feed-pass'
import { ContiguityCheck } from './gaps'
import { type HeldBack, startHeld } from './held-back'
import { keepShapes } from './kept-shapes'
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
 *   is lost for the next pass (docs/decisions.md#s9). Nor may later entries of the same endpoint carry its tick
 *   past such a version: the tick of an endpoint with a failed or rejected entry (or a version in
 *   `input.heldBack`, from earlier pages of the pass) ends at most at the lowest such tick, never below the tick
 *   it had before the page (the target's own endpoint `self` excepted: its tick is the target's own clock). A page
 *   given `heldBack` also skips the end merge.
 * - In `immediate` mode the first entry of each endpoint must not have a tick above the target's digest tick for
 *   it, an endpoint the digest lacks counting as tick 0; otherwise the whole page is refused with a `GapError`
 *   as `Left` (the target answers 400 and a catch-up pass follows, docs/decisions.md#s10).
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
  keepShapes()
  const entries = input.feed.entries
  if (input.feed.syncMode === 'immediate') {
    const gaps = new ContiguityCheck(input.targetDigest, options)
    for (let i = 0; i < entries.length; i++) {
      const gap = gaps.check(entries[i]!, i)
      if (gap !== undefined) return left(gap)
    }
  }
  const { held, passInput } = startHeld(input, options)

  // Each entry must see the state the earlier entries of the page left for its uuid. Tracking that costs a
  // hash-map write per entry, the dearest step on a large feed, and a uuid rarely occurs twice in a page: so the
  // page is first decided as if uuids were distinct, which a table of their hashes then confirms, and only a page
  // that does repeat a uuid is decided again, tracking every uuid.
  return right(decidePage(input, passInput, options, held, false) ?? decidePage(input, passInput, options, held, true)!)
}

// One pass over the page (see FeedPass for `exact`); undefined when a pass without `exact` finds a repeated uuid.
// A function of the module rather than a closure made per call: the optimised code of a closure made anew for each
// page is compiled anew for each page (tens of milliseconds of a compiler thread's time, whatever the page's size).
function decidePage(
  input: ProcessFeedInput,
  passInput: PassInput,
  options: ProcessFeedOptions | undefined,
  held: HeldBack,
  exact: boolean,
): FeedOutcome | undefined {
  const entries = input.feed.entries
  const pass = new FeedPass(passInput, options, exact, entries.length)
  // Sized once: growing a million-element array by push copies it some thirty times.
  const decisions: EntryDecision[] = new Array(entries.length)
  const rejected: RejectedEntry[] = []
  let decided = 0
  for (let i = 0; i < entries.length; i++) {
    const outcome = pass.step(entries[i]!, i)
    if ('problem' in outcome) rejected.push(outcome)
    else decisions[decided++] = outcome
  }
  decisions.length = decided
  if (!exact && pass.repeats(decisions)) return undefined
  const { digest, merged } = pass.finish()
  for (const r of rejected) {
    const state = entries[r.index]!.syncState
    if (state !== undefined) held.add(state)
  }
  if (decisions.length > 0 && input.failed !== undefined)
    for (const d of decisions) if (d.failed === true) held.add(entries[d.index]!.syncState!)
  return { decisions, rejected, digest: held.cap(digest, input.targetDigest), merged }
}
