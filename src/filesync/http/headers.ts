// Reading the FILESYNC sync response headers (X-SyncStatus, X-SyncToken, X-HasMoreData, quota) from a record or Headers.
// MS-FILESYNC "sync with the service" (X-SyncStatus, ResyncAction) and the headers SPO sends (docs/decisions.md#f13).
import { headerIssue, type Issue } from '../../common/issues'
import { QUOTA_STATES } from '../model'

/**
 * The `X-SyncStatus` values the spec lists; the header MUST carry one of them.
 *
 * @example
 * ```ts
 * SYNC_STATUSES.includes('FullData') // true
 * ```
 */
export const SYNC_STATUSES = [
  'NoChanges',
  'IncrementalChanges',
  'FullData',
  'ResyncNeeded',
  'CurrentSyncTokenOnly',
] as const

/**
 * A known `X-SyncStatus` value.
 *
 * @example
 * ```ts
 * const status: SyncStatus = 'IncrementalChanges'
 * ```
 */
export type SyncStatus = (typeof SYNC_STATUSES)[number]

/**
 * The resync kinds that come with `ResyncNeeded`; the client MUST support all three.
 *
 * @example
 * ```ts
 * RESYNC_ACTIONS.length // 3
 * ```
 */
export const RESYNC_ACTIONS = ['ResetReupload', 'Reupload', 'DifferentialUpload'] as const

/**
 * A known `ResyncAction` value.
 *
 * @example
 * ```ts
 * const action: ResyncAction = 'DifferentialUpload'
 * ```
 */
export type ResyncAction = (typeof RESYNC_ACTIONS)[number]

export { QUOTA_STATES }

/**
 * The sync-relevant response headers, read. Unknown enum values are kept as sent (and reported as issues).
 *
 * @example
 * ```ts
 * const h: SyncResponseHeaders = { syncStatus: 'IncrementalChanges', syncToken: '4;%234;%231;3', hasMoreData: false }
 * ```
 */
export interface SyncResponseHeaders {
  /** `X-SyncStatus`: a {@link SyncStatus} in its canonical spelling, or the value as sent when unknown. */
  syncStatus?: SyncStatus | (string & {})
  /** The `ResyncAction` that comes with `ResyncNeeded` (from an `X-ResyncAction`/`ResyncAction` header or a `ResyncAction=` parameter of `X-SyncStatus`). */
  resyncAction?: ResyncAction | (string & {})
  /** `X-SyncToken`, verbatim: pass it to `changesUrl` as is. */
  syncToken?: string
  /** `X-HasMoreData` (`True`, `true`, `False`, `false`): ask again with the new token while true. */
  hasMoreData?: boolean
  /** `X-QuotaState`, as sent. */
  quotaState?: string
  /** `X-ListLevelQuotaState`, as sent. */
  listLevelQuotaState?: string
  /** `X-LastProcessedChange` (`1;3;<list guid>;<.NET ticks>;<change number>`), as sent. */
  lastProcessedChange?: string
  /** `X-RequestDigest` (sent with a 403 on a first write; resend the write with it). */
  requestDigest?: string
}

/**
 * A departure found while reading the headers (reading goes on): the one {@link Issue} shape, located by one
 * `header` step, its `path` the header's canonical name. Severity `error`: the value could not be read (it is left
 * out); `warning`: kept, but outside what the spec lists.
 *
 * @deprecated Use {@link Issue}: the header's name, once `header`, is the issue's `path` (and its one step).
 * @example
 * ```ts
 * const issue: SyncHeaderIssue = headerIssue('warning', 'bad-value', 'X-SyncStatus', "unknown value 'Paused'")
 * ```
 */
export type SyncHeaderIssue = Issue

/**
 * What {@link parseSyncResponseHeaders} returns: the values it could read and the issues it met.
 *
 * @example
 * ```ts
 * const r: ParsedSyncHeaders = { headers: { syncStatus: 'NoChanges' }, issues: [] }
 * ```
 */
export interface ParsedSyncHeaders {
  /** The values read. */
  headers: SyncResponseHeaders
  /** Unknown values, unreadable values, repeated headers. Empty for a clean answer. */
  issues: Issue[]
}

/**
 * Headers as any HTTP client hands them out (Node's `IncomingHttpHeaders`, a `Headers` copied to an object, …).
 *
 * @example
 * ```ts
 * const h: SyncHeaderRecord = { 'x-syncstatus': 'NoChanges', 'set-cookie': ['a=1', 'b=2'] }
 * ```
 */
export type SyncHeaderRecord = Readonly<Record<string, string | readonly string[] | undefined>>

/**
 * What `fetch` returns as `response.headers` (a WHATWG `Headers`), or anything else with the same `forEach`
 * (a `Map<string, string>` too). Described structurally, so the library needs no DOM types.
 *
 * @example
 * ```ts
 * const h: HeadersLike = new Headers({ 'X-SyncStatus': 'NoChanges' })
 * ```
 */
export interface HeadersLike {
  /** Calls `callback` once per header with its (combined) value and name. */
  forEach(callback: (value: string, name: string) => void): void
}

/**
 * Response headers in any form syncwire reads: a plain record (Node's `IncomingHttpHeaders`, a captured JSON) or a
 * `Headers` object.
 *
 * @example
 * ```ts
 * const a: SyncHeaderInput = { 'X-SyncStatus': 'NoChanges' }
 * const b: SyncHeaderInput = new Headers(a as Record<string, string>)
 * ```
 */
export type SyncHeaderInput = SyncHeaderRecord | HeadersLike

function isHeadersLike(input: object): input is HeadersLike {
  return typeof (input as { forEach?: unknown }).forEach === 'function' && !Array.isArray(input)
}

/**
 * Every header of `input` by lower-cased name, with all its values in order: the one place where a record, a
 * `Headers` object or a `Map` becomes something to look names up in. Values that are not strings are skipped, and
 * input that is neither a record nor headers gives an empty map; never throws.
 *
 * @example
 * ```ts
 * headerValues(new Headers({ 'X-SyncToken': 'a' })).get('x-synctoken') // ['a']
 * headerValues({ 'X-SyncToken': ['a', 'b'] }).get('x-synctoken')       // ['a', 'b']
 * ```
 */
export function headerValues(input: SyncHeaderInput | null | undefined): Map<string, string[]> {
  const byName = new Map<string, string[]>()
  const add = (name: string, raw: unknown) => {
    const values = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw.filter((v) => typeof v === 'string') : []
    const key = name.toLowerCase()
    byName.set(key, [...(byName.get(key) ?? []), ...values])
  }
  if (input === null || typeof input !== 'object') return byName
  try {
    if (isHeadersLike(input))
      input.forEach((value, name) => {
        add(String(name), value)
      })
    else for (const name of Object.keys(input)) add(name, (input as SyncHeaderRecord)[name])
  } catch {
    // A getter or forEach that throws: the headers read so far are kept (reading is total).
  }
  return byName
}

/**
 * Whether a value is one of the spec's {@link SYNC_STATUSES}.
 *
 * @example
 * ```ts
 * isSyncStatus('FullData') // true
 * ```
 */
export function isSyncStatus(value: string | undefined): value is SyncStatus {
  return (SYNC_STATUSES as readonly string[]).includes(value as string)
}

/** The warning for a header whose value is none of the `known` ones (it is kept as sent). */
function unknownValue(header: string, known: readonly string[], value: string): Issue {
  return headerIssue('warning', 'bad-value', header, `expected one of ${known.join(', ')}, found '${value}'`)
}

function canonical<T extends string>(known: readonly T[], value: string): T | undefined {
  const lower = value.toLowerCase()
  return known.find((k) => k.toLowerCase() === lower)
}

function trimOws(value: string): string {
  return value.replace(/^[ \t]+|[ \t]+$/g, '')
}

/**
 * Reads the FILESYNC response headers from a plain record or a WHATWG `Headers` object (what `fetch` returns).
 * Names are matched case-insensitively; a header given as an array with differing values is reported and its
 * first value used. A header that is absent is left out without an issue (write answers carry none of them).
 * Never throws: everything odd becomes an issue.
 *
 * @example
 * ```ts
 * const { headers, issues } = parseSyncResponseHeaders({
 *   'X-SyncStatus': 'IncrementalChanges', 'X-SyncToken': '4;%234;%231;3', 'X-HasMoreData': 'False',
 * })
 * // headers.hasMoreData === false, issues.length === 0
 * parseSyncResponseHeaders(new Headers({ 'X-SyncStatus': 'NoChanges' })).headers.syncStatus // 'NoChanges'
 * ```
 */
export function parseSyncResponseHeaders(input: SyncHeaderInput): ParsedSyncHeaders {
  const issues: Issue[] = []
  const byName = headerValues(input)
  const get = (header: string): string | undefined => {
    const values = byName.get(header.toLowerCase())
    if (values === undefined || values.length === 0) return undefined
    const first = trimOws(values[0]!)
    if (values.some((v) => trimOws(v) !== first)) {
      issues.push(
        headerIssue(
          'error',
          'unexpected',
          header,
          `sent ${values.length} times with different values; the first is used`,
        ),
      )
    }
    return first
  }

  const headers: SyncResponseHeaders = {}

  const status = get('X-SyncStatus')
  let actionParam: string | undefined
  if (status !== undefined) {
    const [head = '', ...rest] = status.split(/[;,]/)
    const name = trimOws(head)
    const known = canonical(SYNC_STATUSES, name)
    headers.syncStatus = known ?? name
    if (known === undefined) issues.push(unknownValue('X-SyncStatus', SYNC_STATUSES, name))
    for (const part of rest) {
      const m = /^\s*(?:ResyncAction\s*=\s*)?(.*?)\s*$/i.exec(part)
      if (m?.[1]) actionParam = m[1]
    }
  }
  const action = get('X-ResyncAction') ?? get('ResyncAction') ?? actionParam
  if (action !== undefined) {
    const known = canonical(RESYNC_ACTIONS, action)
    headers.resyncAction = known ?? action
    if (known === undefined) issues.push(unknownValue('ResyncAction', RESYNC_ACTIONS, action))
    if (headers.syncStatus !== 'ResyncNeeded') {
      issues.push(headerIssue('warning', 'rule', 'ResyncAction', 'a ResyncAction without X-SyncStatus: ResyncNeeded'))
    }
  } else if (headers.syncStatus === 'ResyncNeeded') {
    issues.push(headerIssue('warning', 'missing', 'ResyncAction', 'ResyncNeeded came without a ResyncAction'))
  }

  const token = get('X-SyncToken')
  if (token !== undefined) headers.syncToken = token

  const more = get('X-HasMoreData')
  if (more !== undefined) {
    if (more === 'True' || more === 'true') headers.hasMoreData = true
    else if (more === 'False' || more === 'false') headers.hasMoreData = false
    else issues.push(headerIssue('error', 'bad-value', 'X-HasMoreData', `expected True or False, found '${more}'`))
  }

  for (const [header, field] of [
    ['X-QuotaState', 'quotaState'],
    ['X-ListLevelQuotaState', 'listLevelQuotaState'],
  ] as const) {
    const value = get(header)
    if (value === undefined) continue
    headers[field] = value
    if (!(QUOTA_STATES as readonly string[]).includes(value)) issues.push(unknownValue(header, QUOTA_STATES, value))
  }

  const last = get('X-LastProcessedChange')
  if (last !== undefined) headers.lastProcessedChange = last
  const digest = get('X-RequestDigest')
  if (digest !== undefined) headers.requestDigest = digest

  return { headers, issues }
}
