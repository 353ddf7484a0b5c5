// The FILESYNC write exchange (a metadata write or a multipart upload) as a sans-I/O state machine.
// The write request of "sync with the service": a first POST may be refused 403 with X-RequestDigest; resend with it.

import { type Issue, issueWithSteps, type PathStep, wholeInputIssue } from '../../common/issues'
import { FileSyncXml } from '../document'
import { headerValues } from '../http/headers'
import type { UploadBody } from '../http/upload'
import { writeUrl } from '../http/urls'
import type { Item } from '../model'
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
 * Options of {@link createWriteSession}.
 *
 * @example
 * ```ts
 * const options: WriteSessionOptions = { siteUrl, libraryId, body: buildUploadBody({ xml, content, fragmentSessionId }).right }
 * ```
 */
export interface WriteSessionOptions extends RetryOptions {
  /** The site (web) URL the library lives in. */
  siteUrl: string
  /** The library (list) id. */
  libraryId: string
  /** An `Items` write request as XML text (sent as `application/web3s+xml`), or an upload built by `buildUploadBody`. */
  body: string | UploadBody
  /** The current sync token, sent on metadata writes (the client leaves it off uploads). */
  syncToken?: string
  /** The `siteHost` query parameter of consumer OneDrive, when needed. */
  siteHost?: string
  /** A form digest from an earlier write, sent as `X-RequestDigest` from the first request on. */
  requestDigest?: string
  /** How many 403 answers with a new digest are followed before giving up (default 2). */
  maxDigestRefreshes?: number
}

/**
 * What an answer to a write means, tagged on `type`:
 * - `written`: 200 with an `Items` answer (one item per written item, with its `writeStatus`). The session is done.
 * - `digest`: 403 with an `X-RequestDigest` the request did not carry; `next()` resends the write with it.
 * - `retry`: 429 or 503; wait `afterMs`, then send `next()` again.
 * - `error`: anything else (a 403 without a new digest included); `next()` repeats the same request.
 *
 * @example
 * ```ts
 * const step: WriteStep = { type: 'digest', requestDigest: '0x1234,07 Nov 2025 22:06:37 -0000' }
 * ```
 */
export type WriteStep =
  | { type: 'written'; items: Item[] }
  | { type: 'digest'; requestDigest: string }
  | { type: 'retry'; status: number; afterMs: number }
  | { type: 'error'; status?: number; issues: Issue[] }

/**
 * One write, sans I/O: {@link createWriteSession} makes one.
 *
 * @example
 * ```ts
 * const write: WriteSession = createWriteSession({ siteUrl, libraryId, body: xml })
 * ```
 */
export interface WriteSession {
  /** The digest the next request carries (learnt from a 403, or given); reuse it for the next write. */
  readonly requestDigest: string | undefined
  /** Whether the write went through. */
  readonly done: boolean
  /** The POST to send, or `undefined` once written. */
  next(): FileSyncRequest | undefined
  /** Reads the answer to the request `next()` gave. */
  receive(response: FileSyncResponse): WriteStep
}

/** The step of a `Folder` root, where a write answer has `Items`. */
const FOLDER: PathStep = { kind: 'element', name: 'Folder' }

/**
 * Starts a write: a metadata write (`Items` XML, e.g. a folder create) or a file upload (the multipart body of
 * `buildUploadBody`), posted to `RootFolder?View=SkyDriveSync`. The first POST of a client often comes back 403
 * with an `X-RequestDigest` header; the session then resends the same body with that digest (at most
 * `maxDigestRefreshes` times, so a server that never accepts cannot loop it).
 *
 * @example
 * ```ts
 * const write = createWriteSession({ siteUrl, libraryId, body: upload.right })
 * for (let request = write.next(); request; request = write.next()) {
 *   const step = write.receive(await send(request))
 *   if (step.type === 'written') console.log(step.items[0]?.writeStatus)
 *   else if (step.type === 'error') break
 * }
 * ```
 */
export function createWriteSession(options: WriteSessionOptions): WriteSession {
  let digest = options.requestDigest
  let refreshes = 0
  let state: 'ready' | 'waiting' | 'done' = 'ready'
  let sentDigest: string | undefined
  const maxRefreshes = options.maxDigestRefreshes ?? 2
  const isXml = typeof options.body === 'string'
  const url = writeUrl(options.siteUrl, options.libraryId, {
    ...(options.siteHost === undefined ? {} : { siteHost: options.siteHost }),
    ...(isXml && options.syncToken !== undefined ? { syncToken: options.syncToken } : {}),
  })
  return {
    get requestDigest() {
      return digest
    },
    get done() {
      return state === 'done'
    },
    next() {
      if (state === 'done') return undefined
      state = 'waiting'
      sentDigest = digest
      const body = options.body
      const headers: Record<string, string> = {
        'Content-Type': typeof body === 'string' ? 'application/web3s+xml' : body.contentType,
        Application: 'SkyDriveSync',
      }
      if (digest !== undefined) headers['X-RequestDigest'] = digest
      return { method: 'POST', url, headers, body: typeof body === 'string' ? body : body.body }
    },
    receive(response) {
      if (state !== 'waiting') {
        const message = `receive() without a request out (the write is ${state}); call next() first`
        return { type: 'error', issues: [callOrderIssue(message)] }
      }
      state = 'ready'
      const status = response.status
      const retry = retryStep(response, options)
      if (retry !== undefined) return retry
      if (status === 403) {
        const offered = headerValues(response.headers).get('x-requestdigest')?.[0]?.trim()
        if (offered !== undefined && offered !== '' && offered !== sentDigest && refreshes < maxRefreshes) {
          refreshes++
          digest = offered
          return { type: 'digest', requestDigest: offered }
        }
        const why = offered === undefined ? 'without X-RequestDigest' : 'again, with no new X-RequestDigest to use'
        return { type: 'error', status, issues: [wholeInputIssue(`refused ${why}`, 'bad-status')] }
      }
      if (status !== 200) return { type: 'error', status, issues: [statusIssue(status, 200)] }
      const decoded = decodeBody(FileSyncXml, response.body)
      if ('issues' in decoded) return { type: 'error', status, issues: decoded.issues }
      if (decoded.value.root !== 'Items') {
        const issue = issueWithSteps(
          'error',
          'unexpected',
          [FOLDER],
          'expected an <Items> write answer, found <Folder>',
        )
        return { type: 'error', status, issues: [issue] }
      }
      state = 'done'
      return { type: 'written', items: decoded.value.items }
    },
  }
}
