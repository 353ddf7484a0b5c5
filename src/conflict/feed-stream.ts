// Target-side processing of a sync feed of any size: each entry's decision as it is made, then the new digest.
// Implements sdata-sync §5.4–§5.5 and §5.8 by the same pass as processFeed (one rule set, two drivers).
import type { Digest, SyncMode } from '../common/sync'
import { keyFunction } from './digest'
import { type FeedEntry, FeedPass } from './feed-pass'
import { ContiguityCheck } from './gaps'
import { HeldBack } from './held-back'
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
 * What {@link processFeedStream} yields: decisions and rejections in feed order, then `end`, or `gap` (last).
 *
 * @example
 * ```ts
 * for await (const e of processFeedStream(input)) if (e.type === 'decision' && e.decision.action === 'apply') store(e)
 * ```
 */
export type FeedStreamEvent = FeedDecisionEvent | FeedRejectedEvent | FeedEndEvent | FeedGapEvent

/**
 * The streaming counterpart of `processFeed`: decides a page whose entries come from an (async) iterable, one
 * entry at a time, with exactly `processFeed`'s rules (the same code decides both) and yields each decision as it
 * is made, then `{ type: 'end', digest, merged }`. Nothing waits for the whole feed.
 *
 * - The decisions, rejections, digest and `merged` equal `processFeed`'s for the same entries, options included
 *   (`restampConflicts`, `failed`, repeated uuids, case-insensitive uuids).
 * - The source digest and `syncMode` are needed before the first entry, so they come in `input.feed` up front
 *   (a streamed feed whose digest follows its entries has to be read for them first, e.g. by a first pass).
 * - `immediate` mode: the gap rule is checked entry by entry; a gap ends the stream with a `gap` event (equal to
 *   `processFeed`'s `Left`), after the decisions of the entries before it, which are void: the page is refused.
 * - Memory: the state each decided uuid was left in (so a repeated uuid sees its earlier entry), nothing more
 *   per entry; the entries themselves are not kept.
 * - `lookup` and `failed` are called once per entry. Throws a `TypeError` (when iterated) for
 *   `restampConflicts` without `self`; an error the entries throw ends the iteration with that error.
 *
 * @example
 * ```ts
 * async function* entries() { for await (const e of streamSyncFeed(body)) if (e.type === 'entry') yield e.entry }
 * for await (const event of processFeedStream({ targetDigest, feed: { syncMode: 'catchUp', digest, entries: entries() }, lookup, lastPage: true })) {
 *   if (event.type === 'decision' && event.decision.action === 'apply') await store(event.uuid)
 *   else if (event.type === 'end') await saveDigest(event.digest)
 * }
 * ```
 */
export async function* processFeedStream(
  input: ProcessFeedStreamInput,
  options?: ProcessFeedOptions,
): AsyncGenerator<FeedStreamEvent, void, undefined> {
  const held = new HeldBack(keyFunction(options), input.heldBack, input.self ?? options?.self)
  // As processFeed: versions held back by earlier pages mean the run has failures, so no end-of-feed merge.
  const pass = new FeedPass(held.any && input.lastPage ? { ...input, lastPage: false } : input, options, true)
  const gaps = pass.immediate ? new ContiguityCheck(input.targetDigest, options) : undefined
  let index = 0
  for await (const entry of input.feed.entries) {
    const i = index++
    const gap = gaps?.check(entry, i)
    if (gap !== undefined) {
      yield { type: 'gap', ...gap }
      return
    }
    const outcome = pass.step(entry, i)
    if ('problem' in outcome) {
      if (entry.syncState !== undefined) held.add(entry.syncState)
      yield { type: 'rejected', ...outcome }
    } else {
      if (outcome.failed === true) held.add(entry.syncState!)
      yield { type: 'decision', ...outcome }
    }
  }
  const { digest, merged } = pass.finish()
  yield { type: 'end', digest: held.cap(digest, input.targetDigest), merged }
}
