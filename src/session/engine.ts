// The sync engine as a sans-I/O state machine: it says which request to send and reads each answer.
// Implements sync §3.2/§5 (catch-up: $syncDigest → $syncSource → pages → $syncTarget; immediate, §5.8) and core §3.11.

import { randomGuid } from '../common/guid'
import { issueWithSteps, type PathStep, wholeInputIssue } from '../common/issues'
import { SyncEntryXml, SyncFeedXml } from '../sdata/codecs'
import { TrackingXml } from '../sdata/documents'
import type { SyncFeed } from '../sdata/model'
import { nextPage } from '../sdata/paging'
import { ATOM_ENTRY, ATOM_FEED, contextUrl, withQuery } from './http'
import { bodyText, decodeBody, diagnosesOf, header, type Issue, retryAfter } from './read'
import type {
  ResultSummary,
  SyncEngine,
  SyncEngineOptions,
  SyncEngineState,
  SyncRequest,
  SyncResponse,
  SyncStep,
} from './types'

const emptySummary = (): ResultSummary => ({ ok: 0, conflicts: 0, failed: 0 })

/** Counts a result feed's entries by `http:httpStatus`: 2xx ok, 409 conflict, anything else failed. */
function summarize(entries: SyncFeed['entries'], into: ResultSummary): ResultSummary {
  for (const e of entries) {
    const s = e.http?.status ?? 0
    if (s >= 200 && s < 300) into.ok++
    else if (s === 409) into.conflicts++
    else into.failed++
  }
  return into
}

const transient = (status: number) => status === 408 || status === 429 || status >= 500

/**
 * Creates the engine of one sync pass between two SData endpoints, as a sans-I/O state machine: `next()` says
 * which request to send, `receive(response)` reads the answer and returns a {@link SyncStep}. The caller does HTTP.
 *
 * A catch-up pass (§5.1–§5.7) goes through these states:
 * 1. `read-digest`: GET the target's `$syncDigest`;
 * 2. `post-source`: POST that entry, unchanged, to the source's `$syncSource?trackingID=…&runName=…&runStamp=…`;
 * 3. `poll-source`: after `202 Accepted`, GET the `Location` until `200` brings the first page (the tracking
 *    document's `pollingMillis`, else `Retry-After`, says how long to wait: the `pending` step's `afterMs`);
 * 4. `post-page`: POST the page, unchanged, to the target's `$syncTarget?trackingID=…` (a new ID per page);
 * 5. `poll-target`: after `202`, GET the `Location` until `200` brings the result feed (§5.3);
 * 6. `read-results`: GET the result feed's `next` pages, if it is paged;
 * 7. `delete-target`: DELETE the `$syncTarget('…')` context (§5.3: one DELETE per POST);
 * 8. `read-page`: GET the source feed's `next` link as is (§5.6), then back to 4; after the last page,
 * 9. `delete-source`: DELETE the `$syncSource('…')` context; then `done`.
 *
 * The target merges the source digest into its own when it processes the last page (the one without a `next`
 * link), which is why every page, even an empty one, is posted. An immediate pass (`mode: 'immediate'`, §5.8)
 * starts at 4 with the given feed and ends after 7; a `400` there is a gap: the step is `refused`, run a catch-up pass.
 *
 * A failure never loses progress: after `retry` (408, 429, 5xx) or `error` (any other unexpected status, a body that
 * does not decode) `next()` returns the same request, and a lost response is handled by calling `next()` again.
 * Nothing advances until a response decoded completely. Repeated POSTs carry the same trackingID, which the spec
 * makes idempotent on the provider. Pass the request back in `response.request` to have late duplicates ignored.
 * One exception: a `404` while polling or paging means the provider lost the context (it restarted); the engine
 * then posts the page again (`$syncTarget`) or starts the pass again from the digest (`$syncSource`), with an `error` step.
 *
 * Throws a `TypeError` only for a programming error: a catch-up pass without `source`, an immediate one without `feed`.
 *
 * @example
 * ```ts
 * const engine = createSyncEngine({ source: 'http://a/sdata/app1/c/-/accounts', target: 'http://b/sdata/app2/c/-/accounts' })
 * for (let req = engine.next(); req !== undefined; req = engine.next()) {
 *   const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body })
 *   const step = engine.receive({ status: res.status, headers: res.headers, body: await res.text(), request: req })
 *   if (step.type === 'pending' || step.type === 'retry') await new Promise((r) => setTimeout(r, step.afterMs))
 *   if (step.type === 'error') throw new Error(step.issues.map((i) => i.message).join('; '))
 * }
 * ```
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const immediate = options.mode === 'immediate'
  if (immediate ? options.feed === undefined : options.source === undefined) {
    throw new TypeError(
      `createSyncEngine: ${immediate ? 'immediate mode needs a feed' : 'a catch-up pass needs a source'}`,
    )
  }
  const source = options.source ?? ''
  const target = options.target
  const newId = options.newId ?? randomGuid
  const pollMs = options.pollMs ?? 1000
  const deleteContexts = options.deleteContexts !== false
  const run = {
    runName: options.runName ?? 'syncwire',
    runStamp: options.runStamp ?? new Date().toISOString().slice(0, 19),
  }
  const extra = options.headers ?? {}

  let state: SyncEngineState = immediate ? 'post-page' : 'read-digest'
  let pending: SyncRequest | undefined
  let digestBody = ''
  let sourceId = ''
  let sourceContext = ''
  let sourcePoll = ''
  let pageUrl: string | undefined
  let pageText = immediate ? (options.feed ?? '') : ''
  let pageFeed: SyncFeed | undefined
  let page = immediate ? 1 : 0
  let targetId = immediate ? newId() : ''
  let targetContext: string | undefined
  let targetPoll = ''
  let resultsUrl = ''
  let results: SyncFeed | undefined
  let entries = 0
  const totals = emptySummary()

  const request = (method: SyncRequest['method'], url: string, accept: string, body?: string): SyncRequest => {
    const headers: Record<string, string> = { Accept: accept, ...extra }
    if (body === undefined) return { method, url, headers }
    return { method, url, headers: { ...headers, 'Content-Type': accept }, body }
  }

  // Every POST names its run and carries a trackingID, which makes repeating it safe (§4.1, §5.2).
  const post = (url: string, trackingID: string, type: string, body: string) =>
    request('POST', withQuery(url, { trackingID, ...run }), type, body)

  function build(): SyncRequest | undefined {
    switch (state) {
      case 'read-digest':
        return request('GET', `${target}/$syncDigest`, ATOM_ENTRY)
      case 'post-source':
        return post(`${source}/$syncSource`, sourceId, ATOM_ENTRY, digestBody)
      case 'poll-source':
        return request('GET', sourcePoll, ATOM_FEED)
      case 'read-page':
        return request('GET', pageUrl!, ATOM_FEED)
      case 'post-page':
        return post(`${target}/$syncTarget`, targetId, ATOM_FEED, pageText)
      case 'poll-target':
        return request('GET', targetPoll, ATOM_FEED)
      case 'read-results':
        return request('GET', resultsUrl, ATOM_FEED)
      case 'delete-target':
        return request('DELETE', targetContext!, ATOM_FEED)
      case 'delete-source':
        return request('DELETE', sourceContext, ATOM_FEED)
      default:
        return undefined
    }
  }

  const move = (to: SyncEngineState) => {
    state = to
    pending = undefined
  }

  const done = (last?: SyncFeed): SyncStep => {
    move('done')
    const step: SyncStep = { type: 'done', pages: page, entries, summary: { ...totals } }
    return last === undefined ? step : { ...step, results: last }
  }

  const error = (status: number, issues: Issue[], body?: string | Uint8Array): SyncStep => ({
    type: 'error',
    status,
    issues,
    diagnoses: body === undefined ? [] : diagnosesOf(body),
  })

  // After the target is done with a page: the next page, or the end of the pass.
  function afterTarget(last?: SyncFeed): SyncStep | undefined {
    const next = pageFeed === undefined ? undefined : nextPage(pageFeed)
    if (!immediate && next !== undefined) {
      pageUrl = next
      move('read-page')
      return undefined
    }
    if (!immediate && deleteContexts) {
      move('delete-source')
      return undefined
    }
    return done(last)
  }

  function gotPage(feed: SyncFeed, text: string): SyncStep {
    page++
    pageFeed = feed
    pageText = text
    targetId = newId()
    targetContext = undefined
    results = undefined
    move('post-page')
    return { type: 'page', page, feed, last: nextPage(feed) === undefined }
  }

  function gotResults(feed: SyncFeed, status: number): SyncStep {
    const unmarked = feed.entries.findIndex((e) => e.http?.status === undefined)
    if (unmarked >= 0) {
      const steps: PathStep[] = [
        { kind: 'element', name: 'feed' },
        { kind: 'element', name: 'entry', position: unmarked + 1 },
      ]
      const message = 'a result entry has no http:httpStatus: this is not a result feed'
      return error(status, [issueWithSteps('error', 'missing', steps, message)])
    }
    const all: SyncFeed = results === undefined ? feed : { ...results, entries: [...results.entries, ...feed.entries] }
    const more = nextPage(feed)
    if (more !== undefined) {
      results = all
      resultsUrl = more
      move('read-results')
      return { type: 'pending', afterMs: 0 }
    }
    const summary = summarize(all.entries, emptySummary())
    totals.ok += summary.ok
    totals.conflicts += summary.conflicts
    totals.failed += summary.failed
    entries += all.entries.length
    const step: SyncStep = { type: 'results', page, results: all, summary }
    if (deleteContexts && targetContext !== undefined) {
      move('delete-target')
      return step
    }
    return afterTarget(all) ?? step
  }

  function accepted(response: SyncResponse, text: string | undefined): SyncStep {
    const location = header(response.headers, 'location')
    if (state === 'post-source' || state === 'poll-source') {
      sourcePoll = location ?? (sourcePoll || contextUrl(source, '$syncSource', sourceId))
      if (state === 'post-source') sourceContext = sourcePoll
      move('poll-source')
    } else if (state === 'post-page' || state === 'poll-target') {
      targetPoll = location ?? (targetPoll || contextUrl(target, '$syncTarget', targetId))
      if (state === 'post-page') targetContext = targetPoll
      move('poll-target')
    } else {
      return error(response.status, [wholeInputIssue(`unexpected 202 Accepted in state ${state}`, 'bad-status')])
    }
    const tracking = text === undefined || text.trim() === '' ? undefined : decodeBody(TrackingXml, text)
    const value = tracking !== undefined && 'value' in tracking ? tracking.value : undefined
    const afterMs = value?.pollingMillis ?? retryAfter(response.headers) ?? pollMs
    return value === undefined ? { type: 'pending', afterMs } : { type: 'pending', afterMs, tracking: value }
  }

  function ok(response: SyncResponse): SyncStep {
    const { status, body } = response
    switch (state) {
      case 'read-digest': {
        const entry = decodeBody(SyncEntryXml, body)
        if ('issues' in entry) return error(status, entry.issues, body)
        if (entry.value.digest === undefined) {
          const steps: PathStep[] = [
            { kind: 'element', name: 'entry' },
            { kind: 'element', name: 'sdata:payload' },
          ]
          return error(status, [
            issueWithSteps('error', 'missing', steps, 'the $syncDigest entry holds no sync:digest'),
          ])
        }
        digestBody = entry.text
        sourceId = newId()
        sourceContext = contextUrl(source, '$syncSource', sourceId)
        move('post-source')
        return { type: 'digest', digest: entry.value.digest }
      }
      case 'post-source':
      case 'poll-source':
      case 'read-page': {
        const feed = decodeBody(SyncFeedXml, body)
        if ('issues' in feed) return error(status, feed.issues, body)
        if (state === 'post-source') sourceContext = header(response.headers, 'location') ?? sourceContext
        return gotPage(feed.value, feed.text)
      }
      case 'post-page':
      case 'poll-target':
      case 'read-results': {
        const feed = decodeBody(SyncFeedXml, body)
        if ('issues' in feed) return error(status, feed.issues, body)
        return gotResults(feed.value, status)
      }
      case 'delete-target':
      case 'delete-source':
        return closed()
      default:
        return { type: 'stale' }
    }
  }

  function closed(): SyncStep {
    if (state === 'delete-source') return done()
    return afterTarget() ?? { type: 'closed', context: 'target' }
  }

  // A provider that restarted forgets its contexts: a lost $syncTarget context means posting the page again (same
  // trackingID; the target's rules ignore what it already holds), a lost $syncSource context a fresh start.
  function contextGone(status: number, body: string | Uint8Array): SyncStep | undefined {
    if (state === 'poll-target' || state === 'read-results') {
      results = undefined
      targetContext = undefined
      move('post-page')
      return error(
        status,
        [wholeInputIssue('the $syncTarget context is gone: the page is posted again', 'bad-status')],
        body,
      )
    }
    if (state === 'poll-source' || state === 'read-page') {
      pageFeed = undefined
      move('read-digest')
      return error(
        status,
        [wholeInputIssue('the $syncSource context is gone: the pass starts again', 'bad-status')],
        body,
      )
    }
    return undefined
  }

  const same = (a: SyncRequest, b: SyncRequest) => a.method === b.method && a.url === b.url && a.body === b.body

  return {
    get state() {
      return state
    },
    next() {
      pending ??= build()
      return pending
    },
    receive(response) {
      const current = pending ?? build()
      if (current === undefined || (response.request !== undefined && !same(response.request, current))) {
        return { type: 'stale' }
      }
      pending = current
      const status = response.status
      if ((state === 'delete-target' || state === 'delete-source') && (status === 404 || status === 410)) {
        return closed()
      }
      if (status === 404 || status === 410) {
        const gone = contextGone(status, response.body)
        if (gone !== undefined) return gone
      }
      if (immediate && state === 'post-page' && status === 400) {
        move('refused')
        return { type: 'refused', status, diagnoses: diagnosesOf(response.body) }
      }
      if (status === 202) {
        const read = bodyText(response.body)
        return accepted(response, 'text' in read ? read.text : undefined)
      }
      if (status >= 200 && status < 300) return ok(response)
      if (transient(status)) {
        const afterMs = retryAfter(response.headers) ?? pollMs
        return { type: 'retry', status, afterMs, diagnoses: diagnosesOf(response.body) }
      }
      return error(
        status,
        [wholeInputIssue(`unexpected status ${status} in state ${state}`, 'bad-status')],
        response.body,
      )
    },
  }
}
