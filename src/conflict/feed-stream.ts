// Target-side processing of a sync feed of any size: each entry's decision as it is made, then the new digest.
// Implements sdata-sync §5.4–§5.5 and §5.8 by the same pass as processFeed (one rule set, two drivers).
import { type Issue, issueWithSteps, type PathStep, wholeInputIssue } from '../common/issues'
import type { Digest, SyncMode } from '../common/sync'
import { type FeedEntry, FeedPass } from './feed-pass'
import { ContiguityCheck } from './gaps'
import { type HeldBack, startHeld } from './held-back'
import { keepShapes } from './kept-shapes'
import type { EntryDecision, GapError, ProcessFeedInput, ProcessFeedOptions, RejectedEntry } from './types'

/**
 * Input of {@link processFeedStream}: as `processFeed` takes it, but the feed's entries may be any `Iterable` or
 * `AsyncIterable` (a streamed feed), read once, in order. A decoded `SyncFeed` can still be passed as it is.
 *
 * @example
 * ```ts
 * const input: ProcessFeedStreamInput = { targetDigest, feed: { syncMode: 'catchUp', digest, entries: entriesOf(events) }, lookup, lastPage: true }
 * ```
 */
export interface ProcessFeedStreamInput extends Omit<ProcessFeedInput, 'feed'> {
  /** The page: its mode and source digest up front, its entries as they come. */
  feed: {
    /** `catchUp` (the default when absent) or `immediate`. */
    syncMode?: SyncMode
    /** The source digest. */
    digest?: Digest
    /** The entries, in feed order. */
    entries: Iterable<FeedEntry> | AsyncIterable<FeedEntry>
  }
}

/**
 * The decision for one entry, as soon as it is made (an `EntryDecision` of `processFeed`'s result, tagged).
 *
 * @example
 * ```ts
 * const event: FeedDecisionEvent = { type: 'decision', index: 0, uuid: 'c4411795-…', decision: { action: 'apply', conflict: false, reason: 'new-resource' } }
 * ```
 */
export type FeedDecisionEvent = EntryDecision & { type: 'decision' }

/**
 * An entry without syncState or uuid (a `RejectedEntry` of `processFeed`'s result, tagged).
 *
 * @example
 * ```ts
 * const event: FeedRejectedEvent = { type: 'rejected', index: 3, problem: 'no-uuid' }
 * ```
 */
export type FeedRejectedEvent = RejectedEntry & { type: 'rejected' }

/**
 * The last event of a page that was processed: the target's new digest and whether the source digest was merged.
 *
 * @example
 * ```ts
 * const event: FeedEndEvent = { type: 'end', digest: { entries: [] }, merged: false }
 * ```
 */
export interface FeedEndEvent {
  /** Discriminant of {@link FeedStreamEvent}. */
  type: 'end'
  /** The target's new digest, as `processFeed`'s `digest`. */
  digest: Digest
  /** Whether the end-of-feed merge was done, as `processFeed`'s `merged`. */
  merged: boolean
}

/**
 * The last event of an immediate-mode page with a gap: `processFeed`'s `Left`, tagged. The page is refused,
 * so the decisions that came before it must not be stored (the target answers 400).
 *
 * @example
 * ```ts
 * const event: FeedGapEvent = { type: 'gap', endpoint: 'http://a/accounts', digestTick: 6, entryTick: 8, index: 2 }
 * ```
 */
export type FeedGapEvent = GapError & { type: 'gap' }

/**
 * The last event of a page that cannot be decided: the feed stream itself ended with an error (its issues, passed
 * on), or the page's `syncMode` or source digest were written after its entries, so the decisions already given
 * were made without them and are void (see {@link processFeedStream}).
 *
 * @example
 * ```ts
 * const event: FeedErrorEvent = { type: 'error', issues: [issueWithSteps('error', 'rule', [{ kind: 'element', name: 'feed' }, { kind: 'element', name: 'sync:digest' }], '…')] }
 * ```
 */
export interface FeedErrorEvent {
  /** Discriminant of {@link FeedStreamEvent}. */
  type: 'error'
  /** What is wrong and where, as the decoders report it. */
  issues: Issue[]
}

/**
 * What {@link processFeedStream} yields: decisions and rejections in feed order, then `end`; or `gap` or `error`
 * (last).
 *
 * @example
 * ```ts
 * for await (const e of processFeedStream(input)) if (e.type === 'decision' && e.decision.action === 'apply') store(e)
 * ```
 */
export type FeedStreamEvent = FeedDecisionEvent | FeedRejectedEvent | FeedEndEvent | FeedGapEvent | FeedErrorEvent

/**
 * What processing reads of a feed's own members: a decoded `SyncFeed`, or the `head` or `end` event's feed.
 *
 * @example
 * ```ts
 * const head: FeedHead = { syncMode: 'immediate', digest: { entries: [] } }
 * ```
 */
export interface FeedHead {
  /** `catchUp` (the default when absent) or `immediate`. */
  syncMode?: SyncMode
  /** The source digest. */
  digest?: Digest
}

/**
 * A decoded feed as a stream of events, structurally: what `streamSyncFeed` (`syncwire/sdata`) yields. `head`
 * carries the members before the first entry, `end` all of them; `error` ends a feed that did not decode.
 *
 * @example
 * ```ts
 * const events: FeedSourceEvent[] = [{ type: 'head', feed: { syncMode: 'catchUp', digest } }, { type: 'entry', entry }, { type: 'end', feed: { syncMode: 'catchUp', digest } }]
 * ```
 */
export type FeedSourceEvent =
  | { type: 'head'; feed: FeedHead }
  | { type: 'entry'; entry: FeedEntry }
  | { type: 'end'; feed: FeedHead }
  | { type: 'error'; issues: Issue[] }

/**
 * Input of {@link processFeedStream} over a feed's events: `processFeed`'s input without the feed, which comes
 * from the events.
 *
 * @example
 * ```ts
 * const input: ProcessFeedEventsInput = { targetDigest, lookup: (uuid) => states.get(uuid), lastPage: true }
 * ```
 */
export type ProcessFeedEventsInput = Omit<ProcessFeedInput, 'feed'>

/**
 * The streaming counterpart of `processFeed`: decides a page whose entries come one at a time, with exactly
 * `processFeed`'s rules (the same code decides both), and yields each decision as it is made, then
 * `{ type: 'end', digest, merged }`. Nothing waits for the whole feed. Two forms:
 *
 * - `processFeedStream(events, input, options?)`: the feed's events as `streamSyncFeed` yields them (any
 *   `Iterable` or `AsyncIterable` of {@link FeedSourceEvent}). `syncMode` and the source digest are read from the
 *   `head` event (a stream without one counts as a head with neither), each entry is decided as it arrives, and
 *   an `error` event of the feed is passed on as the last event.
 *   **A feed whose `syncMode` or digest are written after its entries** (the `end` event has them, the `head`
 *   not) cannot be decided in one pass: the decisions depend on them. The stream then ends with
 *   `{ type: 'error', issues }` naming the late member instead of `end`, and the decisions already given are void
 *   (they were made without the member and may differ from what it gives). Decide such a page again with the
 *   second form, the members taken from the first pass's `end` event.
 * - `processFeedStream(input, options?)`: `processFeed`'s input with the feed's entries as any `Iterable` or
 *   `AsyncIterable` (read once, in order) and `syncMode` and `digest` given up front.
 *
 * Either way:
 * - The decisions, rejections, digest and `merged` equal `processFeed`'s for the same feed, options included
 *   (`restampConflicts`, `failed`, repeated uuids, case-insensitive uuids).
 * - `immediate` mode: the gap rule is checked entry by entry; a gap ends the stream with a `gap` event (equal to
 *   `processFeed`'s `Left`), after the decisions of the entries before it, which are void: the page is refused.
 * - Memory: the state each decided uuid was left in (so a repeated uuid sees its earlier entry), nothing more
 *   per entry; the entries themselves are not kept.
 * - `lookup` and `failed` are called once per entry. Throws a `TypeError` (when iterated) for
 *   `restampConflicts` without `self`; an error the source throws ends the iteration with that error.
 *
 * @example
 * ```ts
 * for await (const event of processFeedStream(streamSyncFeed(response.body!), { targetDigest, lookup, lastPage: true })) {
 *   if (event.type === 'decision' && event.decision.action === 'apply') await store(event.uuid)
 *   else if (event.type === 'end') await saveDigest(event.digest)
 *   else if (event.type === 'error' || event.type === 'gap') await discardPage()
 * }
 * ```
 */
export function processFeedStream(
  events: Iterable<FeedSourceEvent> | AsyncIterable<FeedSourceEvent>,
  input: ProcessFeedEventsInput,
  options?: ProcessFeedOptions,
): AsyncGenerator<FeedStreamEvent, void, undefined>
export function processFeedStream(
  input: ProcessFeedStreamInput,
  options?: ProcessFeedOptions,
): AsyncGenerator<FeedStreamEvent, void, undefined>
export function processFeedStream(
  first: ProcessFeedStreamInput | Iterable<FeedSourceEvent> | AsyncIterable<FeedSourceEvent>,
  second?: ProcessFeedEventsInput | ProcessFeedOptions,
  third?: ProcessFeedOptions,
): AsyncGenerator<FeedStreamEvent, void, undefined> {
  if (isIterable(first)) return fromEvents(first, second as ProcessFeedEventsInput, third)
  return fromEntries(first as ProcessFeedStreamInput, second as ProcessFeedOptions | undefined)
}

function isIterable(x: unknown): x is Iterable<FeedSourceEvent> | AsyncIterable<FeedSourceEvent> {
  return x !== null && typeof x === 'object' && (Symbol.asyncIterator in x || Symbol.iterator in x)
}

/** One entry through the pass (and the gap rule): the event it gives; a failed or rejected version is held back. */
function decideOne(
  pass: FeedPass,
  gaps: ContiguityCheck | undefined,
  held: HeldBack,
  entry: FeedEntry,
  i: number,
): FeedStreamEvent {
  const gap = gaps?.check(entry, i)
  if (gap !== undefined) return { type: 'gap', ...gap }
  const outcome = pass.step(entry, i)
  if ('problem' in outcome) {
    if (entry.syncState !== undefined) held.add(entry.syncState)
    return { type: 'rejected', ...outcome }
  }
  if (outcome.failed === true && entry.syncState !== undefined) held.add(entry.syncState)
  return { type: 'decision', ...outcome }
}

async function* fromEntries(
  input: ProcessFeedStreamInput,
  options: ProcessFeedOptions | undefined,
): AsyncGenerator<FeedStreamEvent, void, undefined> {
  keepShapes()
  const { held, passInput } = startHeld(input, options)
  const pass = new FeedPass(passInput, options, true)
  const gaps = pass.immediate ? new ContiguityCheck(input.targetDigest, options) : undefined
  let index = 0
  for await (const entry of input.feed.entries) {
    const event = decideOne(pass, gaps, held, entry, index++)
    yield event
    if (event.type === 'gap') return
  }
  const { digest, merged } = pass.finish()
  yield { type: 'end', digest: held.cap(digest, input.targetDigest), merged }
}

async function* fromEvents(
  events: Iterable<FeedSourceEvent> | AsyncIterable<FeedSourceEvent>,
  input: ProcessFeedEventsInput,
  options: ProcessFeedOptions | undefined,
): AsyncGenerator<FeedStreamEvent, void, undefined> {
  keepShapes()
  let head: FeedHead | undefined
  let pass: FeedPass | undefined
  let gaps: ContiguityCheck | undefined
  const { held, passInput } = startHeld(input, options)
  const start = (feed: FeedHead): FeedPass => {
    head = feed
    pass = new FeedPass({ ...passInput, feed: { syncMode: feed.syncMode, digest: feed.digest } }, options, true)
    gaps = pass.immediate ? new ContiguityCheck(input.targetDigest, options) : undefined
    return pass
  }
  let index = 0
  for await (const event of events) {
    if (event.type === 'head') {
      if (pass === undefined) start(event.feed)
    } else if (event.type === 'entry') {
      const decided = decideOne(pass ?? start({}), gaps, held, event.entry, index++)
      yield decided
      if (decided.type === 'gap') return
    } else if (event.type === 'end') {
      const late = lateMembers(head ?? event.feed, event.feed)
      if (late.length > 0) {
        yield { type: 'error', issues: late }
        return
      }
      const { digest, merged } = (pass ?? start(event.feed)).finish()
      yield { type: 'end', digest: held.cap(digest, input.targetDigest), merged }
      return
    } else {
      yield { type: 'error', issues: event.issues }
      return
    }
  }
  yield { type: 'error', issues: [wholeInputIssue('the feed stream ended without its end event', 'incomplete')] }
}

const FEED: PathStep = { kind: 'element', name: 'feed' }

/** The members the decisions needed that `end` has and the head had not (or had otherwise). */
function lateMembers(head: FeedHead, end: FeedHead): FeedErrorEvent['issues'] {
  const issues: FeedErrorEvent['issues'] = []
  const late = (name: string) =>
    issueWithSteps(
      'error',
      'rule',
      [FEED, { kind: 'element', name }],
      `${name} is written after the entries, so the decisions given were made without it and are void; decide the page again with it up front`,
    )
  if ((head.syncMode === 'immediate') !== (end.syncMode === 'immediate')) issues.push(late('sync:syncMode'))
  if (head.digest !== end.digest && JSON.stringify(head.digest) !== JSON.stringify(end.digest)) {
    issues.push(late('sync:digest'))
  }
  return issues
}
