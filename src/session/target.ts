// The target role: one posted page of a sync feed is decided (processFeed), stored by the caller, and answered
// with a result feed. Implements sync §5.3 (result feed), §5.4 (decisions), §5.5/§5.8 (digest updates), core §13.4.
import { processFeed } from '../conflict/feed'
import type { EntryDecision, ProcessFeedOptions } from '../conflict/types'
import type { Diagnosis, Digest, SyncEntry, SyncFeed, SyncState } from '../sdata/model'
import { thrownMessage } from '../xml/issue'
import type { TargetChange, TargetStore } from './types'

/**
 * Input of {@link processPage}.
 *
 * @example
 * ```ts
 * const input: ProcessPageInput = { endpoint: 'http://b/sdata/app2/c/-/accounts', store, feed, lastPage: true }
 * ```
 */
export interface ProcessPageInput {
  /** The target endpoint (its collection URL). */
  endpoint: string
  /** The caller's storage. */
  store: TargetStore
  /** The posted page, decoded. */
  feed: SyncFeed
  /** Whether it is the last page of its feed (no `next` link): only then may a catch-up feed merge the source digest. */
  lastPage: boolean
  /** Options of `processFeed` (endpoint normaliser, `restampConflicts`, …). */
  options?: ProcessFeedOptions
  /** The versions that failed on earlier pages of the same run (`heldBack` of their outcomes). */
  heldBack?: readonly SyncState[]
}

/**
 * What {@link processPage} did: the answer to send, the decisions taken, the changes stored and the digest saved.
 *
 * @example
 * ```ts
 * const out = processPage(input)
 * if (out.status === 200) SyncFeedXml.encode(out.results)
 * ```
 */
export type ProcessPageOutcome =
  | {
      /** `200`: the page was processed; `results` is the result feed. */
      status: 200
      /** The result feed: one entry per posted entry, in order, with `http:*` and diagnoses (§5.3, core §13.4). */
      results: SyncFeed
      /** The decision per entry that could be decided. */
      decisions: EntryDecision[]
      /** The changes handed to `store.apply`, with whether each one was stored. */
      changes: Array<TargetChange & { stored: boolean }>
      /** The digest saved with `store.saveDigest`. */
      digest: Digest
      /** Whether any entry failed or was rejected (then the end-of-feed merge was skipped, decision 9). */
      failures: boolean
      /** The versions that failed on this page: pass them, with earlier ones, to the run's later pages. */
      heldBack: SyncState[]
    }
  | {
      /** `400`: an immediate-mode page with a gap, refused as a whole (§5.8); nothing was stored. */
      status: 400
      /** The diagnosis to send. */
      diagnoses: Diagnosis[]
    }

const diagnosis = (applicationCode: string, message: string, payloadPath?: string): Diagnosis => {
  const d: Diagnosis = {
    severity: 'Error',
    sdataCode: 'ApplicationDiagnosis',
    applicationCode,
    message,
    extensions: [],
  }
  if (payloadPath !== undefined) d.payloadPath = payloadPath
  return d
}

function resultEntry(posted: SyncEntry, status: number, message: string, method: string): SyncEntry {
  const entry: SyncEntry = {
    title: posted.title ?? '',
    links: [],
    http: { status, message, method },
    diagnoses: [],
    extensions: [],
  }
  if (posted.id !== undefined) entry.id = posted.id
  if (posted.syncState !== undefined) entry.syncState = posted.syncState
  return entry
}

/**
 * Processes one page posted to `$syncTarget`: decides every entry with `processFeed` (§5.4), hands each change to
 * `store.apply` in feed order, saves the new digest (§5.5: per entry max(tick, entry tick + 1); on the last page of
 * a catch-up feed without failures, the source digest merged in; never in immediate mode, §5.8) and builds the
 * result feed. An entry whose `store.apply` returns `false` or throws is reported `500` with a diagnosis and does not
 * advance the digest, so the next pass sends it again. An immediate page with a gap is refused with `400`.
 *
 * Result statuses (the spec leaves ignored and lost entries open): a create `201` (POST), an update `200` (PUT), a
 * delete `200` (DELETE); a version the target already holds or has seen `200` with the message `Not modified`; a
 * conflict the target's version won `409` (as Sage's reference adapter answers); an entry without syncState or
 * uuid `400`; a failed store `500`. The feed carries the target's new digest and the page's syncMode.
 *
 * In immediate mode the target also refuses (`400`, `UnknownEndpoint`) a page with an entry of an endpoint its
 * digest does not know: the contiguity check of §5.8 cannot be made for it (`processFeed` does not check such
 * endpoints, docs/decisions.md#s10), and accepting a later change of that endpoint would raise the digest over the
 * earlier ones, which no catch-up pass would then send. A tick gap is answered `400` with `TickGap`.
 *
 * A failed version keeps later entries of its endpoint from raising the digest over it (`processFeed` holds the
 * endpoint's tick at the lowest failed tick); `heldBack` carries the failed versions to the run's later pages.
 *
 * Pass `lastPage: false` for every page of a run in which an earlier page had failures, so that its last page does
 * not merge the source digest over them ({@link createSyncEndpoint} does this per runName and runStamp).
 *
 * @example
 * ```ts
 * const out = processPage({ endpoint, store, feed: page, lastPage: nextPage(page) === undefined })
 * ```
 */
export function processPage(input: ProcessPageInput): ProcessPageOutcome {
  const { endpoint, store, feed } = input
  const options: ProcessFeedOptions = { ...input.options, self: endpoint }
  const targetDigest = store.digest()
  const decide = (failed?: (uuid: string) => boolean) =>
    processFeed(
      {
        targetDigest,
        feed,
        lookup: (u) => store.lookup(u),
        lastPage: input.lastPage,
        self: endpoint,
        ...(input.heldBack !== undefined && { heldBack: input.heldBack }),
        ...(failed && { failed }),
      },
      options,
    )
  if (feed.syncMode === 'immediate') {
    const unknown = unknownEndpoint(feed, targetDigest, options.endpointKey)
    if (unknown !== undefined) {
      const message = `immediate feed refused: the target has no digest entry for ${unknown.endpoint}, so it cannot tell whether earlier changes are missing; run a catch-up pass`
      return {
        status: 400,
        diagnoses: [diagnosis('UnknownEndpoint', message, `/feed/entry[${unknown.index + 1}]/sync:syncState/endpoint`)],
      }
    }
  }
  const first = decide()
  if (first._tag === 'Left') {
    const gap = first.left
    const message = `immediate feed refused: the first entry of ${gap.endpoint} has tick ${gap.entryTick}, but the target expects ${gap.digestTick}; run a catch-up pass`
    return {
      status: 400,
      diagnoses: [diagnosis('TickGap', message, `/feed/entry[${gap.index + 1}]/sync:syncState/tick`)],
    }
  }

  const results: SyncEntry[] = feed.entries.map((e) => resultEntry(e, 500, 'Internal Server Error', 'PUT'))
  const failedUuids = new Set<string>()
  const changes: Array<TargetChange & { stored: boolean }> = []
  for (const { index, problem } of first.right.rejected) {
    const r = results[index]!
    r.http = { status: 400, message: 'Bad Request', method: 'PUT' }
    const what = problem === 'no-sync-state' ? 'no sync:syncState' : 'no sdata:uuid on its payload resource'
    r.diagnoses.push(diagnosis(problem === 'no-sync-state' ? 'NoSyncState' : 'NoUuid', `the entry has ${what}`))
  }
  for (const { index, uuid, decision } of first.right.decisions) {
    const posted = feed.entries[index]!
    const r = results[index]!
    const incomingDeleted = posted.payload?.isDeleted === true
    const before = store.lookup(uuid)
    const method = incomingDeleted ? 'DELETE' : before === undefined || before.deleted === true ? 'POST' : 'PUT'
    if (decision.action === 'ignore' && decision.restamped === undefined) {
      r.http = decision.conflict
        ? { status: 409, message: 'Conflict', method }
        : { status: 200, message: 'Not modified', method }
      continue
    }
    const apply = decision.action === 'apply'
    const change: TargetChange = {
      uuid,
      decision,
      state: decision.restamped ?? posted.syncState!,
      deleted: apply ? incomingDeleted : before?.deleted === true,
    }
    if (apply && posted.payload !== undefined) change.element = posted.payload.element
    let stored: boolean
    let problem = 'the store did not accept the change'
    try {
      stored = store.apply(change) !== false
    } catch (e) {
      stored = false
      problem = thrownMessage(e)
    }
    changes.push({ ...change, stored })
    if (!stored) {
      failedUuids.add(uuid)
      r.diagnoses.push(diagnosis('StoreFailed', problem))
      continue
    }
    r.http = !apply
      ? { status: 409, message: 'Conflict', method }
      : method === 'POST'
        ? { status: 201, message: 'Created', method }
        : { status: 200, message: 'OK', method }
  }

  let digest = first.right.digest
  if (failedUuids.size > 0) {
    // The same decisions again, now knowing the failures: the digest that leaves them for the next pass (decision 9),
    // its endpoints' ticks held at the failed versions.
    const again = decide((u) => failedUuids.has(u))
    if (again._tag === 'Right') digest = again.right.digest
  }
  const heldBack: SyncState[] = []
  for (const { index } of first.right.rejected) {
    const state = feed.entries[index]!.syncState
    if (state !== undefined) heldBack.push(state)
  }
  for (const { index, uuid } of first.right.decisions)
    if (failedUuids.has(uuid)) heldBack.push(feed.entries[index]!.syncState!)
  store.saveDigest(digest)
  const out: SyncFeed = {
    id: `${endpoint}/$syncTarget`,
    title: `Synchronization results of ${endpoint}`,
    links: [],
    digest,
    diagnoses: [],
    entries: results,
    extensions: [],
  }
  if (feed.syncMode !== undefined) out.syncMode = feed.syncMode
  const failures = failedUuids.size > 0 || first.right.rejected.length > 0
  return { status: 200, results: out, decisions: first.right.decisions, changes, digest, failures, heldBack }
}

// The first entry whose endpoint the target digest does not know (immediate mode cannot check its contiguity).
function unknownEndpoint(
  feed: SyncFeed,
  digest: Digest,
  endpointKey: ((endpoint: string) => string) | undefined,
): { endpoint: string; index: number } | undefined {
  const key = endpointKey ?? ((e: string) => e)
  const known = new Set(digest.entries.map((e) => key(e.endpoint)))
  const index = feed.entries.findIndex((e) => e.syncState !== undefined && !known.has(key(e.syncState.endpoint)))
  return index < 0 ? undefined : { endpoint: feed.entries[index]!.syncState!.endpoint, index }
}
