// The FILESYNC changes loop as a sans-I/O state machine: which query to send next, what an answer means.
// MS-FILESYNC "sync with the service" (Filter=changes, X-SyncStatus, X-SyncToken, X-HasMoreData); no network here.

import { headerIssue, type Issue, issueWithSteps } from '../../common/issues'
import { FileSyncXml } from '../document'
import { parseSyncResponseHeaders, type ResyncAction, type SyncResponseHeaders } from '../http/headers'
import { changesUrl } from '../http/urls'
import type { FolderItem, Item } from '../model'
import {
  callOrderIssue,
  decodeBody,
  type FileSyncRequest,
  type FileSyncResponse,
  type RetryOptions,
  retryStep,
  statusIssue,
} from './response'

/**
 * Options of {@link createChangesSession}.
 *
 * @example
 * ```ts
 * const options: ChangesSessionOptions = { siteUrl: 'https://contoso-my.sharepoint.com/personal/ada', libraryId: '5d2445a6-f48d-4f6c-b190-640d11e29a93', flat: true }
 * ```
 */
export interface ChangesSessionOptions extends RetryOptions {
  /** The site (web) URL the library lives in. */
  siteUrl: string
  /** The library (list) id, dashed, braced or 32 hex digits. */
  libraryId: string
  /** The token stored after the last pass (the session's committed `syncToken`); none for a first, full pass. */
  syncToken?: string
  /** `MaxItemCount`, the page size (default 500). */
  maxItemCount?: number
  /** Ask for the flat structure (`X-ResponseStructure: Flat`): changed items of any depth are direct children of the root. */
  flat?: boolean
  /** The `siteHost` query parameter of consumer OneDrive, when needed. */
  siteHost?: string
}

/**
 * What every step read from a 200 answer carries: the sync headers and their warnings (values kept, but outside
 * the spec's lists, such as an unknown quota state).
 *
 * @example
 * ```ts
 * const a: ChangesAnswer = { headers: { syncStatus: 'NoChanges', quotaState: 'Normal' }, warnings: [] }
 * ```
 */
export interface ChangesAnswer {
  /** The sync headers read. */
  headers: SyncResponseHeaders
  /** Header values outside the spec's lists (an unknown quota state, …); the step still holds. */
  warnings: Issue[]
}

/**
 * What one answer to a changes query means, tagged on `type`:
 * - `changes`: a page decoded completely (`FullData` on a pass without a token, else `IncrementalChanges`); its
 *   `items` are the root's items as decoded (with `flat`, every changed item; without it, folders carry their
 *   changed children in their own `items`), `folder` the whole root (quota included); `more` is `X-HasMoreData`
 *   (absent = false); the page's `syncToken` is now committed.
 * - `no-changes`: nothing new (`NoChanges`); its `X-SyncToken`, when sent, is committed. Caught up.
 * - `token-only`: `CurrentSyncTokenOnly`: the server hands out its current token without changes; the token is
 *   committed and the pass is over. Changes before that token are not listed: a client that needs them does a full
 *   pass (a session without a token).
 * - `resync`: `ResyncNeeded` with its `action`; nothing is committed and the session stops: do what the action
 *   says, then start a new session without a token.
 * - `retry`: 429 or 503; wait `afterMs`, then send `next()` again (the same request).
 * - `error`: any other status, a missing or unreadable header, a body that does not decode (or, in a session, an
 *   empty page that promises more under the same token); nothing is committed and `next()` repeats the request.
 *
 * @example
 * ```ts
 * const step: ChangesStep = { type: 'retry', status: 429, afterMs: 120000 }
 * ```
 */
export type ChangesStep =
  | (ChangesAnswer & {
      type: 'changes'
      syncStatus: 'FullData' | 'IncrementalChanges'
      items: Item[]
      folder: FolderItem
      more: boolean
      syncToken: string
    })
  | (ChangesAnswer & { type: 'no-changes'; syncToken?: string })
  | (ChangesAnswer & { type: 'token-only'; syncToken: string })
  | (ChangesAnswer & { type: 'resync'; action?: ResyncAction | (string & {}); syncToken?: string })
  | { type: 'retry'; status: number; afterMs: number }
  | { type: 'error'; status?: number; issues: Issue[] }

/**
 * Where a session stands: `ready` (next() gives a request), `waiting` (a request is out), `caught-up` (the pass
 * is over), `resync` (the server asked for a resync).
 *
 * @example
 * ```ts
 * const state: ChangesSessionState = 'caught-up'
 * ```
 */
export type ChangesSessionState = 'ready' | 'waiting' | 'caught-up' | 'resync'

/**
 * A pass over a library's changes, sans I/O: {@link createChangesSession} makes one.
 *
 * @example
 * ```ts
 * for (let request = session.next(); request; request = session.next()) {
 *   const step = session.receive(await send(request))
 * }
 * ```
 */
export interface ChangesSession {
  /** The committed token: store it after each `changes` step, resume from it with a new session. */
  readonly syncToken: string | undefined
  /** Where the session stands. */
  readonly state: ChangesSessionState
  /**
   * The request for the current position, or `undefined` once caught up (or after `resync`). Until an answer is
   * received, every call returns the same request.
   */
  next(): FileSyncRequest | undefined
  /** Reads the answer to the request `next()` gave. Without a request out it is an `error` step that changes nothing. */
  receive(response: FileSyncResponse): ChangesStep
}

/**
 * The request headers of a changes query (the ones the SkyDriveSync client sends that change the answer).
 *
 * @example
 * ```ts
 * changesRequestHeaders(true) // { Accept: 'application/web3s+xml', Application: 'SkyDriveSync', 'X-ResponseStructure': 'Flat' }
 * ```
 */
export function changesRequestHeaders(flat: boolean | undefined): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/web3s+xml', Application: 'SkyDriveSync' }
  if (flat === true) headers['X-ResponseStructure'] = 'Flat'
  return headers
}

function readPage(body: string | Uint8Array): { folder: FolderItem } | { issues: Issue[] } {
  const decoded = decodeBody(FileSyncXml, body)
  if ('issues' in decoded) return decoded
  if (decoded.value.root !== 'Folder')
    return {
      issues: [
        issueWithSteps(
          'error',
          'unexpected',
          [{ kind: 'element', name: 'Items' }],
          'expected a <Folder> changes listing, found <Items>',
        ),
      ],
    }
  return { folder: decoded.value.folder }
}

/**
 * Interprets one answer to a changes query, without state: the heart of {@link createChangesSession}, public so
 * that a caller with its own loop reads answers the same way.
 *
 * @example
 * ```ts
 * const step = readChangesResponse({ status: 200, headers: { 'X-SyncStatus': 'NoChanges' }, body: '' })
 * // step.type === 'no-changes'
 * ```
 */
export function readChangesResponse(response: FileSyncResponse, options?: RetryOptions): ChangesStep {
  const retry = retryStep(response, options ?? {})
  if (retry !== undefined) return retry
  const status = response.status
  if (status !== 200) return { type: 'error', status, issues: [statusIssue(status, 200)] }
  const parsed = parseSyncResponseHeaders(response.headers)
  const { headers } = parsed
  const errors = parsed.issues.filter((i) => i.severity === 'error')
  const warnings = parsed.issues.filter((i) => i.severity === 'warning')
  const fail = (issues: Issue[]): ChangesStep => ({
    type: 'error',
    status,
    issues: [...errors, ...issues],
  })
  const token = headers.syncToken === undefined ? {} : { syncToken: headers.syncToken }
  const missingToken = headerIssue('error', 'missing', 'X-SyncToken', 'missing')
  if (errors.length > 0) return fail([])
  switch (headers.syncStatus) {
    case undefined:
      return fail([headerIssue('error', 'missing', 'X-SyncStatus', 'missing')])
    case 'NoChanges':
      return { type: 'no-changes', ...token, headers, warnings }
    case 'CurrentSyncTokenOnly':
      if (headers.syncToken === undefined) return fail([missingToken])
      return { type: 'token-only', syncToken: headers.syncToken, headers, warnings }
    case 'ResyncNeeded': {
      const action = headers.resyncAction === undefined ? {} : { action: headers.resyncAction }
      return { type: 'resync', ...action, ...token, headers, warnings }
    }
    case 'FullData':
    case 'IncrementalChanges': {
      const syncStatus = headers.syncStatus === 'FullData' ? 'FullData' : 'IncrementalChanges'
      const page = readPage(response.body)
      const issues = [
        ...(headers.syncToken === undefined ? [missingToken] : []),
        ...('issues' in page ? page.issues : []),
      ]
      if ('issues' in page || headers.syncToken === undefined) return fail(issues)
      const items = page.folder.items ?? []
      return {
        type: 'changes',
        syncStatus,
        items,
        folder: page.folder,
        more: headers.hasMoreData === true,
        syncToken: headers.syncToken,
        headers,
        warnings,
      }
    }
    default:
      return fail(warnings.filter((w) => w.path === 'X-SyncStatus'))
  }
}

/**
 * Starts a pass over a library's changes. The session says which request to send (`next()`) and what each answer
 * means (`receive()`); the caller does the HTTP. `syncToken` is the committed position: it moves only when a page
 * decoded completely and its items were handed out in a `changes` step (or with the token of `no-changes` and
 * `token-only`). An `error` or `retry` leaves it where it was, and `next()` repeats the same request, so a bad page
 * is never skipped. A session made from a stored token asks exactly what the session that stored it would have
 * asked next. See {@link ChangesStep} for what each answer means.
 *
 * @example
 * ```ts
 * const session = createChangesSession({ siteUrl, libraryId, syncToken: stored, flat: true })
 * for (let request = session.next(); request; request = session.next()) {
 *   const answer = await fetch(request.url, request)
 *   const step = session.receive({ status: answer.status, headers: answer.headers, body: await answer.text() })
 *   if (step.type === 'changes') { apply(step.items); store(session.syncToken) }
 *   else if (step.type === 'retry') await sleep(step.afterMs)
 *   else if (step.type === 'error' || step.type === 'resync') break
 * }
 * ```
 */
export function createChangesSession(options: ChangesSessionOptions): ChangesSession {
  let committed = options.syncToken
  let state: ChangesSessionState = 'ready'
  const request = (): FileSyncRequest => ({
    method: 'GET',
    url: changesUrl(options.siteUrl, options.libraryId, {
      ...(committed === undefined ? {} : { syncToken: committed }),
      ...(options.maxItemCount === undefined ? {} : { maxItemCount: options.maxItemCount }),
      ...(options.siteHost === undefined ? {} : { siteHost: options.siteHost }),
    }),
    headers: changesRequestHeaders(options.flat),
  })
  return {
    get syncToken() {
      return committed
    },
    get state() {
      return state
    },
    next() {
      if (state === 'caught-up' || state === 'resync') return undefined
      state = 'waiting'
      return request()
    },
    receive(response) {
      if (state !== 'waiting') {
        const message = `receive() without a request out (the session is ${state}); call next() first`
        return { type: 'error', issues: [callOrderIssue(message)] }
      }
      let step = readChangesResponse(response, options)
      if (step.type === 'changes' && step.more && step.items.length === 0 && step.syncToken === committed) {
        // More data promised, but nothing handed out and no new position: asking again would loop forever.
        const message = 'X-HasMoreData: True on an empty page with the same X-SyncToken; the pass makes no progress'
        step = { type: 'error', status: 200, issues: [headerIssue('error', 'rule', 'X-HasMoreData', message)] }
      }
      switch (step.type) {
        case 'changes':
          committed = step.syncToken
          state = step.more ? 'ready' : 'caught-up'
          break
        case 'no-changes':
        case 'token-only':
          if (step.syncToken !== undefined) committed = step.syncToken
          state = 'caught-up'
          break
        case 'resync':
          state = 'resync'
          break
        default:
          state = 'ready'
      }
      return step
    },
  }
}
