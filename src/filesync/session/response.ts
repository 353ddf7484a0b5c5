// What every FILESYNC session shares when it reads an HTTP response: issues, the body as text, Retry-After.
// RFC 9110 §10.2.3 (Retry-After: delay-seconds or HTTP-date) and §15.5.20/§15.6.4 (429, 503); no I/O.

import type * as t from 'io-ts'
import { reportErrors } from '../../codec/report'
import { type Issue, wholeInputIssue } from '../../common/issues'
import type { XmlInput } from '../../xml/encoding'
import { headerValues, type SyncHeaderInput } from '../http/headers'

/**
 * One thing wrong with a response, as a session reports it in an `error` step: the one {@link Issue} shape. What is
 * at fault shows in its code and steps: `bad-status` for the HTTP status (no steps), a `header` step for a header
 * (its name as the path), the body's decode issues as `reportErrors` gives them (an XML path, or `line:column`),
 * `call-order` for a session used out of order.
 *
 * @deprecated Use {@link Issue}. `source: 'status'` is now code `bad-status`; `source: 'header'` a `header` step (the
 * path is still the header's name); `source: 'session'` code `call-order` (path `''`, once `'receive'`); a status's
 * path, once the status code, is `''` (the message names it).
 * @example
 * ```ts
 * const issue: FileSyncSessionIssue = headerIssue('error', 'missing', 'X-SyncStatus', 'missing')
 * ```
 */
export type FileSyncSessionIssue = Issue

/**
 * A response as the caller's HTTP client hands it over: the status, the headers (a `Headers` object as `fetch`
 * returns, or a plain record), the body as text or bytes.
 *
 * @example
 * ```ts
 * const answer = await fetch(request.url, request)
 * const response: FileSyncResponse = { status: answer.status, headers: answer.headers, body: new Uint8Array(await answer.arrayBuffer()) }
 * ```
 */
export interface FileSyncResponse {
  /** The HTTP status code. */
  status: number
  /** The response headers, `Headers` or a record; names are matched case-insensitively. */
  headers: SyncHeaderInput
  /** The body, as text or as the raw bytes (UTF-8, a BOM allowed). */
  body: string | Uint8Array
}

/**
 * A request a session wants sent: the caller adds authentication and does the HTTP.
 *
 * @example
 * ```ts
 * const r: FileSyncRequest = { method: 'GET', url: 'https://h/_api/SPFileSync/sync/…/RootFolder?Filter=changes…', headers: { Accept: 'application/web3s+xml' } }
 * ```
 */
export interface FileSyncRequest {
  /** `GET` or `POST`. */
  method: 'GET' | 'POST'
  /** The absolute URL. */
  url: string
  /** The headers the protocol asks for; add your own (cookies, authorization) beside them. */
  headers: Record<string, string>
  /** The body of a `POST`. */
  body?: Uint8Array | string
}

/**
 * The wait before a 429 or 503 is retried when the server sends no readable `Retry-After`: 10 seconds.
 *
 * @example
 * ```ts
 * DEFAULT_RETRY_AFTER_MS // 10000
 * ```
 */
export const DEFAULT_RETRY_AFTER_MS = 10_000

/**
 * How long to wait before retrying, from `Retry-After`: delay-seconds (`120`) or an HTTP-date
 * (`Fri, 07 Nov 2025 22:06:37 GMT`, measured from `now()`, never negative). Undefined when the header is absent or
 * unreadable, so that the caller applies its default.
 *
 * @example
 * ```ts
 * retryAfterMs({ 'Retry-After': '120' }, () => 0) // 120000
 * retryAfterMs({ 'Retry-After': 'Thu, 01 Jan 1970 00:00:05 GMT' }, () => 2000) // 3000
 * ```
 */
export function retryAfterMs(headers: SyncHeaderInput, now: () => number): number | undefined {
  const raw = headerValues(headers).get('retry-after')?.[0]?.trim()
  if (raw === undefined || raw === '') return undefined
  if (/^\d+$/.test(raw)) {
    const ms = Number(raw) * 1000
    return Number.isSafeInteger(ms) ? ms : Number.MAX_SAFE_INTEGER
  }
  // Every HTTP-date form starts with a day name; Date.parse alone would also take "-1" or "1.5".
  if (!/^[A-Za-z]{3}/.test(raw)) return undefined
  // asctime (`Sun Nov  6 08:49:37 1994`) has no zone but means GMT, as every HTTP-date does.
  const at = Date.parse(/GMT$/.test(raw) ? raw : `${raw} GMT`)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - now())
}

/**
 * Decodes a response body with a document codec: the one place a session reads a body. Bytes are read as UTF-8,
 * fatally (a BOM is dropped); a malformed sequence is an issue, never U+FFFD. Decode errors become body issues with
 * their XML paths or `line:column`.
 *
 * @example
 * ```ts
 * decodeBody(FileSyncXml, new Uint8Array([0x3c, 0x49, 0x74, 0x65, 0x6d, 0x73, 0x2f, 0x3e])) // { value: { root: 'Items', items: [] } }
 * ```
 */
export function decodeBody<A>(
  codec: t.Decoder<XmlInput, A>,
  body: string | Uint8Array,
): { value: A } | { issues: Issue[] } {
  // Bytes go to the codec as they are: it detects their encoding (BOM, declaration, UTF-8) and decodes fatally.
  const decoded = codec.decode(body)
  if (decoded._tag === 'Right') return { value: decoded.right }
  return { issues: reportErrors(decoded.left) }
}

/**
 * The issue for a status a session does not expect.
 *
 * @example
 * ```ts
 * statusIssue(500, 200).message // 'expected 200, found 500' (code `bad-status`)
 * ```
 */
export function statusIssue(status: number, expected: number | string): Issue {
  return wholeInputIssue(`expected ${expected}, found ${status}`, 'bad-status')
}

/**
 * The issue for a session used out of order (`receive()` with no request out).
 *
 * @example
 * ```ts
 * callOrderIssue('receive() without a request out').code // 'call-order'
 * ```
 */
export function callOrderIssue(message: string): Issue {
  return wholeInputIssue(message, 'call-order')
}

/**
 * The options every session takes for retries.
 *
 * @example
 * ```ts
 * const o: RetryOptions = { now: () => 0, defaultRetryAfterMs: 1000 }
 * ```
 */
export interface RetryOptions {
  /** The clock for `Retry-After` dates, in epoch milliseconds (default `Date.now`). */
  now?: () => number
  /** The wait when a 429 or 503 carries no readable `Retry-After` (default {@link DEFAULT_RETRY_AFTER_MS}). */
  defaultRetryAfterMs?: number
}

/**
 * The `retry` step for a 429 (Too Many Requests) or 503 (Service Unavailable), or `undefined` for any other status.
 *
 * @example
 * ```ts
 * retryStep({ status: 429, headers: { 'Retry-After': '2' }, body: '' }, {}) // { type: 'retry', status: 429, afterMs: 2000 }
 * ```
 */
export function retryStep(
  response: FileSyncResponse,
  options: RetryOptions,
): { type: 'retry'; status: number; afterMs: number } | undefined {
  const status = response.status
  if (status !== 429 && status !== 503) return undefined
  const afterMs = retryAfterMs(response.headers, options.now ?? Date.now)
  return { type: 'retry', status, afterMs: afterMs ?? options.defaultRetryAfterMs ?? DEFAULT_RETRY_AFTER_MS }
}
