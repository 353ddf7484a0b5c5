// `syncwire conflicts`, one page: its decisions as rows, from a decoded feed (processFeed) or a feed streamed from
// disk entry by entry (processFeedStream), with the same rows, digest and target states (sdata-sync §5.4–§5.8).
import {
  type DecisionReason,
  type EntryDecision,
  type FeedStreamEvent,
  type GapError,
  processFeed,
  processFeedStream,
  type TargetState,
  type TargetStateStore,
  uuidKey,
} from '../conflict/index'
import { stateAfter } from '../conflict/target-states'
import type { Digest, SyncEntry, SyncFeed } from '../sdata/model'
import type { SyncFeedEvent } from '../sdata/stream'
import type { Issue } from '../xml/issue'
import type { ParseOptions } from '../xml/options'
import { feedEvents } from './large'
import { Fatal, streamFailure } from './sync-inputs'

/**
 * One decided page as `conflicts` shows it (the `pages` items of `--json`).
 *
 * @example
 * ```ts
 * const page: PageResult = { file: 'page-1.xml', syncMode: 'catchUp', decisions: [], rejected: [], merged: false }
 * ```
 */
export interface PageResult {
  file: string
  syncMode: string
  decisions: Array<{
    uuid: string
    source: { endpoint: string; tick: number; stamp: string }
    target: TargetState | null
    action: string
    conflict: boolean
    reason: DecisionReason
    deleted: boolean
  }>
  rejected: Array<{ index: number; problem: string }>
  merged: boolean
}

/**
 * A page decided: its rows and the target's new digest (the states are recorded in the store), or its gap.
 *
 * @example
 * ```ts
 * const r: PageOutcome = { page, digest }
 * ```
 */
export type PageOutcome = { page: PageResult; digest: Digest } | { gap: GapError }

/** The rows of a page as its decisions come, and the states they leave, recorded in the store at the end. */
class Rows {
  readonly page: PageResult
  /** What the page's decisions leave per uuid, in the order the uuids were first decided. */
  private readonly after = new Map<string, { uuid: string; state: TargetState }>()

  constructor(
    file: string,
    syncMode: string | undefined,
    private readonly states: TargetStateStore,
  ) {
    this.page = { file, syncMode: syncMode ?? 'catchUp', decisions: [], rejected: [], merged: false }
  }

  decided(entry: SyncEntry, d: EntryDecision): void {
    const source = entry.syncState!
    const k = uuidKey(d.uuid)
    const target = this.after.get(k)?.state ?? this.states.get(d.uuid)
    this.page.decisions.push({
      uuid: d.uuid,
      source: { endpoint: source.endpoint, tick: source.tick, stamp: source.stamp },
      target: target ?? null,
      action: d.decision.action,
      conflict: d.decision.conflict,
      reason: d.decision.reason,
      deleted: entry.payload?.isDeleted === true,
    })
    // The state later pages see, by the rule processFeed applies between the entries of one page.
    if (d.failed === true) return
    const state = stateAfter(source, entry.payload?.isDeleted === true, d.decision, target)
    if (state !== undefined) this.after.set(k, { uuid: d.uuid, state })
  }

  /** Records the page's states in the store, as recording each decision in turn would. */
  commit(): void {
    for (const { uuid, state } of this.after.values()) this.states.set(uuid, state)
  }
}

/**
 * Decides a decoded page with `processFeed`.
 *
 * @example
 * ```ts
 * const r = decidePage('page-1.xml', feed, digest, states, true)
 * ```
 */
export function decidePage(
  file: string,
  feed: SyncFeed,
  digest: Digest,
  states: TargetStateStore,
  lastPage: boolean,
): PageOutcome {
  const outcome = processFeed({ targetDigest: digest, feed, lookup: states.lookup, lastPage })
  if (outcome._tag === 'Left') return { gap: outcome.left }
  const rows = new Rows(file, feed.syncMode, states)
  for (const d of outcome.right.decisions) rows.decided(feed.entries[d.index]!, d)
  rows.page.rejected = outcome.right.rejected
  rows.page.merged = outcome.right.merged
  rows.commit()
  return { page: rows.page, digest: outcome.right.digest }
}

/**
 * Decides a page streamed from `file` with `processFeedStream`, entry by entry: the same rows, digest and states
 * as {@link decidePage} on the decoded page, holding one entry and the rows. A page whose syncMode or digest follow
 * its entries is read a second time with them up front. A page that does not decode throws {@link Fatal}.
 *
 * @example
 * ```ts
 * const r = await decideStreamedPage('big-page.xml', digest, states, true)
 * ```
 */
export async function decideStreamedPage(
  file: string,
  digest: Digest,
  states: TargetStateStore,
  lastPage: boolean,
  parse?: ParseOptions,
): Promise<PageOutcome> {
  const input = { targetDigest: digest, lookup: states.lookup, lastPage }
  const first = await run(file, states, (events) => processFeedStream(events, input), parse)
  if (!('late' in first)) return first
  const { syncMode, digest: source } = first.late
  const again = await run(
    file,
    states,
    (events) => processFeedStream({ ...input, feed: { syncMode, digest: source, entries: entriesOf(events) } }),
    parse,
  )
  if ('late' in again) throw new Fatal(1, `${file}: the feed changed while it was read`)
  return again
}

async function* entriesOf(events: AsyncIterable<SyncFeedEvent>): AsyncGenerator<SyncEntry> {
  for await (const event of events) if (event.type === 'entry') yield event.entry
}

async function run(
  file: string,
  states: TargetStateStore,
  decide: (events: AsyncIterable<SyncFeedEvent>) => AsyncIterable<FeedStreamEvent>,
  parse: ParseOptions | undefined,
): Promise<PageOutcome | { late: SyncFeed }> {
  let current: SyncEntry | undefined
  let end: SyncFeed | undefined
  let failed: Issue[] | undefined
  async function* tap(): AsyncGenerator<SyncFeedEvent> {
    for await (const event of feedEvents(file, parse)) {
      if (event.type === 'entry') current = event.entry
      else if (event.type === 'end') end = event.feed
      else if (event.type === 'error') failed = event.issues
      yield event
    }
  }
  let rows: Rows | undefined
  const rejected: PageResult['rejected'] = []
  for await (const event of decide(tap())) {
    if (event.type === 'decision') {
      rows ??= new Rows(file, undefined, states)
      rows.decided(current!, event)
    } else if (event.type === 'rejected') rejected.push({ index: event.index, problem: event.problem })
    else if (event.type === 'gap') {
      const { type: _, ...gap } = event
      return { gap }
    } else if (event.type === 'error') {
      if (failed !== undefined) throw streamFailure(file, failed)
      if (end !== undefined) return { late: end }
      throw streamFailure(file, event.issues)
    } else {
      const page = new Rows(file, end?.syncMode, states).page
      page.decisions = rows?.page.decisions ?? []
      page.rejected = rejected
      page.merged = event.merged
      rows?.commit()
      return { page, digest: event.digest }
    }
  }
  throw new Fatal(1, `${file}: the feed ended early`)
}
