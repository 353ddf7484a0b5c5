// Validation of decoded (or hand-built) SData sync values: how a feed or digest departs from the spec.
// Implements the compliance rules of sync §4.2–§4.4 and core §13.4, and docs/decisions.md#s2, #s4 and #s11.

import { dateTimeProblem } from '../common/datetime'
import type { XmlAttribute, XmlElement } from '../xml/types'
import { entryExtensionChecks } from './entry-checks'
import type { Diagnosis, Digest, Link, PayloadResource, SyncEntry, SyncFeed, SyncState, Tracking } from './model'
import type { SyncEntryRole, SyncFeedRole } from './roles'

export type { SyncEntryRole, SyncFeedRole } from './roles'

/**
 * How serious a departure from the spec is: `error` breaks a MUST, `warning` is a lenient form or a SHOULD.
 *
 * @example
 * ```ts
 * const failing = validateSyncFeed(feed).filter((i) => i.severity === ('error' satisfies SDataIssueSeverity))
 * ```
 */
export type SDataIssueSeverity = 'error' | 'warning'

/**
 * One departure from the spec, located by an XML path such as `/feed/entry[3]/sync:syncState/tick`.
 *
 * @example
 * ```ts
 * const issue: SDataIssue = { severity: 'error', path: '/feed/sync:digest', message: 'the feed has no digest' }
 * ```
 */
export interface SDataIssue {
  /** `error` (a MUST is broken) or `warning` (a lenient form, a SHOULD, or something suspicious). */
  severity: SDataIssueSeverity
  /** XML path of the offending element or attribute; entries and repeated elements are 1-based. */
  path: string
  /** What is wrong, in one sentence. */
  message: string
}

/**
 * Options of {@link validateSyncFeed}.
 *
 * @example
 * ```ts
 * const options: ValidateSyncFeedOptions = { role: 'result' }
 * ```
 */
export interface ValidateSyncFeedOptions {
  /** What the feed is for; `source` when absent. */
  role?: SyncFeedRole
}

/**
 * Options of {@link validateDigest}.
 *
 * @example
 * ```ts
 * const options: ValidateDigestOptions = { path: '/entry/sdata:payload/sync:digest' }
 * ```
 */
export interface ValidateDigestOptions {
  /** The path of the digest element, prefixed to every issue; `/digest` when absent. */
  path?: string
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/
// XML 1.0 §2.2 Char: C0 controls other than tab/LF/CR, lone surrogates, U+FFFE and U+FFFF cannot be written.
const NON_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const SEVERITIES = ['info', 'warning', 'transient', 'error', 'fatal']
const TRACKING_NAMESPACE = 'http://schemas.sage.com/sdata/2008/1'
const TRACKING_NAMESPACE_OLD = 'http://schemas.sage.com/sdata/2008'
// Element trees from the XML layer are depth-limited; a hand-built (even cyclic) tree must not hang validation.
const MAX_DEPTH = 1000

/** Collects issues; every check goes through it so paths are built in one way. */
class Issues {
  readonly list: SDataIssue[] = []
  error(path: string, message: string): void {
    this.list.push({ severity: 'error', path, message })
  }
  warning(path: string, message: string): void {
    this.list.push({ severity: 'warning', path, message })
  }
  text(path: string, value: unknown, what: string): void {
    if (typeof value !== 'string') {
      if (value !== undefined) this.error(path, `${what} is not a string`)
      return
    }
    if (NON_XML_CHAR.test(value)) {
      this.error(path, `${what} holds a character XML 1.0 cannot carry (serializeXml writes U+FFFD instead)`)
    }
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  return String(value)
}

function checkStamp(issues: Issues, path: string, stamp: unknown): void {
  if (typeof stamp !== 'string') {
    issues.error(path, `stamp ${describe(stamp)} is not a string`)
    return
  }
  const problem = dateTimeProblem(stamp)
  if (problem !== undefined) {
    issues.error(path, `stamp ${JSON.stringify(stamp)} is not an xs:dateTime: ${problem}`)
    return
  }
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(stamp)) {
    issues.warning(path, `stamp ${JSON.stringify(stamp)} has no time zone; it is read as UTC unless an offset is given`)
  }
}

function checkTick(issues: Issues, path: string, tick: unknown): void {
  if (typeof tick !== 'number' || !Number.isSafeInteger(tick) || tick < 0) {
    issues.error(path, `tick ${describe(tick)} is not a non-negative safe integer`)
  } else if (tick === 0) {
    issues.warning(path, 'tick is 0 (absent or zero); SIF drops zero ticks, so writers should start at 1')
  }
}

function checkEndpoint(issues: Issues, path: string, endpoint: unknown, what = 'endpoint'): void {
  if (typeof endpoint !== 'string' || endpoint.trim() === '') {
    issues.error(path, `${what} ${describe(endpoint)} is empty or not a string`)
    return
  }
  issues.text(path, endpoint, what)
}

function checkDigest(issues: Issues, base: string, digest: Digest): void {
  if (digest === null || typeof digest !== 'object') {
    issues.error(base, 'the digest is not an object')
    return
  }
  if (digest.origin === undefined) {
    issues.warning(`${base}/origin`, 'the digest has no origin (sdatasync.xsd requires one; sync §5.8 omits it)')
  } else checkEndpoint(issues, `${base}/origin`, digest.origin, 'origin')
  const entries = Array.isArray(digest.entries) ? digest.entries : []
  if (!Array.isArray(digest.entries)) issues.error(base, 'the digest entries are not an array')
  if (entries.length === 0) issues.error(base, 'the digest has no digestEntry (sync §4.2 requires at least one)')
  const seenEndpoints = new Map<string, number>()
  const seenFolded = new Map<string, number>()
  checkKeptExtensions(issues, base, digest)
  checkKeptAttributes(issues, base, digest)
  entries.forEach((entry, index) => {
    const path = `${base}/digestEntry[${index + 1}]`
    if (entry === null || typeof entry !== 'object') {
      issues.error(path, 'the digestEntry is not an object')
      return
    }
    checkEndpoint(issues, `${path}/endpoint`, entry.endpoint)
    checkTick(issues, `${path}/tick`, entry.tick)
    checkStamp(issues, `${path}/stamp`, entry.stamp)
    checkKeptExtensions(issues, path, entry)
    checkKeptAttributes(issues, path, entry)
    const priority = entry.conflictPriority
    if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 1 || priority > 9) {
      const absent = priority === 0 ? ' (absent or zero)' : ''
      issues.error(
        `${path}/conflictPriority`,
        `conflictPriority ${describe(priority)}${absent} is not an integer in 1..9`,
      )
    }
    if (typeof entry.endpoint === 'string') {
      const first = seenEndpoints.get(entry.endpoint)
      const folded = entry.endpoint.toLowerCase()
      const sameButCase = seenFolded.get(folded)
      if (first === undefined) {
        seenEndpoints.set(entry.endpoint, index)
        if (sameButCase !== undefined) {
          // docs/decisions.md#s8 compares endpoints exactly; Sage's reference adapter folds case, so these would merge there.
          issues.warning(
            `${path}/endpoint`,
            `endpoint ${JSON.stringify(entry.endpoint)} differs only in letter case from digestEntry[${sameButCase + 1}]'s`,
          )
        } else seenFolded.set(folded, index)
      } else {
        const other = entries[first]
        const pair =
          other !== undefined && other.tick === entry.tick ? `(endpoint, tick) pair (${entry.tick})` : 'endpoint'
        issues.error(
          `${path}/endpoint`,
          `duplicate ${pair} ${JSON.stringify(entry.endpoint)}, first in digestEntry[${first + 1}]`,
        )
      }
    }
  })
  if (typeof digest.origin === 'string' && entries.length > 0 && !seenEndpoints.has(digest.origin)) {
    // sync §4.2: a provider's digest holds an entry for every endpoint it records, its own among them.
    issues.warning(`${base}/origin`, `the origin ${JSON.stringify(digest.origin)} has no digestEntry of its own`)
  }
}

/**
 * Checks a digest (sync §4.2, docs/decisions.md#s11): at least one entry, unique endpoints and (endpoint, tick) pairs,
 * ticks that are non-negative safe integers, stamps that are xs:dateTime, priorities in 1..9, an origin.
 * Lenient forms that decoding accepted (tick 0, no origin, a stamp with no zone) come back as warnings.
 *
 * @example
 * ```ts
 * const issues = validateDigest({ entries: [{ endpoint: 'http://x/a', tick: 0, stamp: '2008-10-30T17:23:08' as Stamp, conflictPriority: 1 }] })
 * // warnings: no origin, tick 0, stamp without zone
 * ```
 */
export function validateDigest(digest: Digest, options: ValidateDigestOptions = {}): SDataIssue[] {
  const issues = new Issues()
  const path = options.path ?? '/digest'
  try {
    checkDigest(issues, path, digest)
  } catch (cause) {
    issues.error(path, `the value could not be inspected: ${cause instanceof Error ? cause.message : String(cause)}`)
  }
  return issues.list
}

function checkElement(issues: Issues, path: string, element: XmlElement, depth: number): void {
  if (element === null || typeof element !== 'object') {
    issues.error(path, 'not an XML element')
    return
  }
  if (depth > MAX_DEPTH) {
    issues.error(path, `element tree deeper than ${MAX_DEPTH}`)
    return
  }
  issues.text(path, element.localName, 'element name')
  const attributes = Array.isArray(element.attributes) ? element.attributes : []
  for (const attribute of attributes) {
    const name = attribute.prefix ? `${attribute.prefix}:${attribute.localName}` : attribute.localName
    issues.text(`${path}/@${name}`, attribute.value, 'attribute value')
  }
  const children = Array.isArray(element.children) ? element.children : []
  const counts = new Map<string, number>()
  for (const child of children) {
    if (child.type === 'text') {
      issues.text(`${path}/text()`, child.value, 'text')
    } else {
      const name = elementName(child)
      const n = (counts.get(name) ?? 0) + 1
      counts.set(name, n)
      checkElement(issues, `${path}/${name}[${n}]`, child, depth + 1)
    }
  }
}

function elementName(element: XmlElement): string {
  return element.prefix ? `${element.prefix}:${element.localName}` : element.localName
}

function checkLinks(issues: Issues, base: string, links: Link[]): void {
  if (!Array.isArray(links)) {
    issues.error(base, 'links are not an array')
    return
  }
  let nexts = 0
  links.forEach((link, index) => {
    const path = `${base}/link[${index + 1}]`
    if (typeof link.href !== 'string' || link.href === '') issues.error(`${path}/@href`, 'the link has no href')
    issues.text(`${path}/@href`, link.href, 'href')
    issues.text(`${path}/@rel`, link.rel, 'rel')
    issues.text(`${path}/@type`, link.type, 'type')
    issues.text(`${path}/@title`, link.title, 'title')
    if (link.rel === 'next') nexts++
  })
  if (nexts > 1) issues.warning(base, `${nexts} links have rel="next"; nextPage follows the first`)
}

function checkDiagnoses(issues: Issues, base: string, diagnoses: Diagnosis[]): void {
  if (!Array.isArray(diagnoses)) {
    issues.error(base, 'diagnoses are not an array')
    return
  }
  diagnoses.forEach((diagnosis, index) => {
    const path = `${base}/sdata:diagnosis[${index + 1}]`
    const { severity, sdataCode, applicationCode } = diagnosis
    if (severity === undefined)
      issues.warning(`${path}/severity`, 'the diagnosis has no severity (core §3.10 requires one)')
    else if (typeof severity === 'string' && !SEVERITIES.includes(severity.toLowerCase())) {
      issues.warning(
        `${path}/severity`,
        `severity ${JSON.stringify(severity)} is none of Info, Warning, Transient, Error, Fatal`,
      )
    }
    if (sdataCode === undefined)
      issues.warning(`${path}/sdataCode`, 'the diagnosis has no sdataCode (core §3.10 requires one)')
    if (typeof applicationCode === 'string' && sdataCode !== undefined && sdataCode !== 'ApplicationDiagnosis') {
      issues.warning(
        `${path}/applicationCode`,
        'applicationCode is only meaningful with sdataCode ApplicationDiagnosis',
      )
    }
    for (const key of ['severity', 'sdataCode', 'applicationCode', 'message', 'stackTrace', 'payloadPath'] as const) {
      if (diagnosis[key] !== null) issues.text(`${path}/${key}`, diagnosis[key], key)
    }
    checkExtensions(issues, path, diagnosis.extensions)
  })
}

// Digests, digest entries and states may keep unmodelled children; they, entries and feeds unmodelled attributes.
// Both members are optional in the model, so they are read structurally.
function checkKeptExtensions(issues: Issues, base: string, value: object): void {
  const { extensions } = value as { extensions?: XmlElement[] }
  if (extensions !== undefined) checkExtensions(issues, base, extensions)
}

function checkKeptAttributes(issues: Issues, base: string, value: object): void {
  const { attributes } = value as { attributes?: XmlAttribute[] }
  if (!Array.isArray(attributes)) return
  for (const attribute of attributes) {
    if (attribute === null || typeof attribute !== 'object') continue
    const name = attribute.prefix ? `${attribute.prefix}:${attribute.localName}` : attribute.localName
    issues.text(`${base}/@${name}`, attribute.value, 'attribute value')
  }
}

function checkExtensions(issues: Issues, base: string, extensions: XmlElement[]): void {
  if (extensions === undefined) return
  if (!Array.isArray(extensions)) {
    issues.error(base, 'extensions are not an array')
    return
  }
  const counts = new Map<string, number>()
  for (const element of extensions) {
    const name = element !== null && typeof element === 'object' ? elementName(element) : '*'
    const n = (counts.get(name) ?? 0) + 1
    counts.set(name, n)
    checkElement(issues, `${base}/${name}[${n}]`, element, 0)
  }
}

function checkPayload(issues: Issues, base: string, payload: PayloadResource, role: SyncEntryRole): void {
  const elementPath = `${base}/${payload.element !== null && typeof payload.element === 'object' ? elementName(payload.element) : '*'}`
  const uuidPath = `${elementPath}/@sdata:uuid`
  if (payload.uuid === undefined) {
    if (role !== 'result' && role !== 'digest') {
      issues.error(uuidPath, 'the payload resource has no sdata:uuid (sync §4.4)')
    }
  } else if (typeof payload.uuid !== 'string' || !UUID.test(payload.uuid)) {
    issues.error(uuidPath, `sdata:uuid ${describe(payload.uuid)} is not a UUID`)
  } else if (/[a-f]/.test(payload.uuid) && /[A-F]/.test(payload.uuid)) {
    issues.warning(uuidPath, `sdata:uuid ${payload.uuid} mixes upper and lower case; compare it case-insensitively`)
  }
  if (typeof payload.isDeleted !== 'boolean')
    issues.error(`${elementPath}/@sdata:isDeleted`, 'isDeleted is not a boolean')
  for (const key of ['key', 'url', 'lookup', 'descriptor'] as const) {
    issues.text(`${elementPath}/@sdata:${key}`, payload[key], `sdata:${key}`)
  }
  checkElement(issues, elementPath, payload.element, 0)
  const element = payload.element
  if (
    payload.isDeleted === true &&
    element !== null &&
    typeof element === 'object' &&
    Array.isArray(element.children)
  ) {
    if (element.children.some((child) => child.type === 'element')) {
      issues.warning(elementPath, 'a deleted resource should be an empty element with its uuid (sync §6.1)')
    }
  }
}

function checkSyncState(issues: Issues, base: string, state: SyncState): void {
  if (state === null || typeof state !== 'object') {
    issues.error(base, 'the syncState is not an object')
    return
  }
  checkEndpoint(issues, `${base}/endpoint`, state.endpoint)
  checkTick(issues, `${base}/tick`, state.tick)
  checkStamp(issues, `${base}/stamp`, state.stamp)
  issues.text(`${base}/user`, state.user, 'user')
  checkKeptExtensions(issues, base, state)
  checkKeptAttributes(issues, base, state)
}

function checkHttp(issues: Issues, base: string, entry: SyncEntry): void {
  const http = entry.http ?? {}
  if (http.status === undefined)
    issues.error(`${base}/http:httpStatus`, 'a result entry needs http:httpStatus (core §13.4)')
  else if (!Number.isInteger(http.status) || http.status < 100 || http.status > 599) {
    issues.error(`${base}/http:httpStatus`, `httpStatus ${describe(http.status)} is not an HTTP status code`)
  }
  if (http.message === undefined)
    issues.warning(`${base}/http:httpMessage`, 'a result entry should carry http:httpMessage (core §13.4)')
  if (http.method !== undefined && !['GET', 'PUT', 'POST', 'DELETE'].includes(http.method)) {
    issues.warning(
      `${base}/http:httpMethod`,
      `httpMethod ${JSON.stringify(http.method)} is none of GET, PUT, POST, DELETE`,
    )
  }
  if (
    http.method === 'POST' &&
    http.status !== undefined &&
    http.status >= 200 &&
    http.status < 300 &&
    !http.location
  ) {
    issues.warning(`${base}/http:location`, 'a successful create should give http:location (core §13.4)')
  }
  for (const key of ['message', 'method', 'location', 'etag'] as const)
    issues.text(`${base}/http:${key}`, http[key], key)
}

function checkEntry(issues: Issues, base: string, entry: SyncEntry, role: SyncEntryRole): void {
  const needsState = role === 'source' || role === 'target-request'
  for (const key of ['id', 'title', 'content'] as const) issues.text(`${base}/${key}`, entry[key], key)
  if (entry.updated !== undefined) checkStamp(issues, `${base}/updated`, entry.updated)
  checkLinks(issues, base, entry.links)
  if (entry.syncState !== undefined) checkSyncState(issues, `${base}/sync:syncState`, entry.syncState)
  else if (needsState) issues.error(`${base}/sync:syncState`, 'the entry has no sync:syncState (sync §4.3)')
  if (entry.payload !== undefined) checkPayload(issues, `${base}/sdata:payload`, entry.payload, role)
  else if (needsState) issues.error(`${base}/sdata:payload`, 'the entry has no payload resource (sync §4.4)')
  if (entry.digest !== undefined) checkDigest(issues, `${base}/sdata:payload/sync:digest`, entry.digest)
  else if (role === 'digest') {
    issues.error(`${base}/sdata:payload/sync:digest`, 'the entry carries no sync:digest in its payload (sync §5.1)')
  }
  if (role === 'result') checkHttp(issues, base, entry)
  checkDiagnoses(issues, base, entry.diagnoses)
  checkExtensions(issues, base, entry.extensions)
  for (const f of entryExtensionChecks(base, entry)) {
    if (f.severity === 'error') issues.error(f.path, f.message)
    else issues.warning(f.path, f.message)
  }
  checkKeptAttributes(issues, base, entry)
}

/**
 * Options of {@link validateSyncEntry}.
 *
 * @example
 * ```ts
 * const options: ValidateSyncEntryOptions = { role: 'digest' }
 * ```
 */
export interface ValidateSyncEntryOptions {
  /** What the entry is for; `digest` when absent. */
  role?: SyncEntryRole
}

/**
 * Checks a standalone entry (root path `/entry`). With the default role `digest` (a `$syncDigest` response or a
 * `$syncSource` POST body) the payload must hold a valid digest; with a feed role the entry rules of
 * {@link validateSyncFeed} apply.
 *
 * @example
 * ```ts
 * const issues = validateSyncEntry(entry) // e.g. [{ severity: 'error', path: '/entry/sdata:payload/sync:digest', … }]
 * ```
 */
export function validateSyncEntry(entry: SyncEntry, options: ValidateSyncEntryOptions = {}): SDataIssue[] {
  const issues = new Issues()
  try {
    if (entry === null || typeof entry !== 'object') issues.error('/entry', 'the entry is not an object')
    else checkEntry(issues, '/entry', entry, options.role ?? 'digest')
  } catch (cause) {
    issues.error(
      '/entry',
      `the value could not be inspected: ${cause instanceof Error ? cause.message : String(cause)}`,
    )
  }
  return issues.list
}

/**
 * A located syncState, for the tick-order checks shared with `checkPageSequence`.
 *
 * @example
 * ```ts
 * const located: LocatedState = { path: '/feed/entry[1]/sync:syncState', state, page: 0 }
 * ```
 */
export interface LocatedState {
  /** The path of the entry's syncState. */
  path: string
  /** The state. */
  state: SyncState
  /** The page it is on, when checking a sequence of pages. */
  page?: number
}

/**
 * Reports entries whose tick does not strictly increase per endpoint (sync §2.2, §4.4) and duplicate
 * (endpoint, tick) pairs. With `crossPageOnly`, only clashes between states on different pages are reported.
 *
 * @example
 * ```ts
 * const issues = checkTickOrder([{ path: '/feed/entry[1]/sync:syncState', state }])
 * ```
 */
export function checkTickOrder(states: readonly LocatedState[], crossPageOnly = false): SDataIssue[] {
  const issues = new Issues()
  const last = new Map<string, LocatedState>()
  const seen = new Map<string, LocatedState>()
  for (const located of states) {
    const { endpoint, tick } = located.state
    if (typeof endpoint !== 'string' || typeof tick !== 'number') continue
    const pair = `${tick}\u0000${endpoint}`
    const previous = last.get(endpoint)
    const duplicate = seen.get(pair)
    const report = (other: LocatedState) => !crossPageOnly || other.page !== located.page
    if (duplicate !== undefined) {
      if (report(duplicate)) {
        issues.error(
          `${located.path}/tick`,
          `duplicate (endpoint, tick) pair (${JSON.stringify(endpoint)}, ${tick}), first at ${duplicate.path}`,
        )
      }
    } else if (previous !== undefined && previous.state.tick >= tick && report(previous)) {
      issues.error(
        `${located.path}/tick`,
        `tick ${tick} of ${JSON.stringify(endpoint)} does not increase (${previous.state.tick} at ${previous.path})`,
      )
    }
    if (duplicate === undefined) seen.set(pair, located)
    if (previous === undefined || previous.state.tick < tick) last.set(endpoint, located)
  }
  return issues.list
}

/**
 * Checks a sync feed, result feed or batch response (sync §4.3, §4.4, §5.3, core §6.4, §13.4; docs/decisions.md#s2, #s4, #s11).
 *
 * Errors: ticks that do not strictly increase per endpoint along the feed; duplicate (endpoint, tick)
 * pairs; an entry with no syncState or no payload uuid (not required of `result` feeds); priorities
 * outside 1..9; no `syncMode` on a `target-request`; no digest (source and target requests); an entry tick
 * past the feed digest's tick for its endpoint; `http:httpStatus` missing from result entries; bad stamps
 * and characters XML cannot carry in hand-built values. Warnings: lenient forms that decoding accepted
 * (tick 0, no origin, zone-less stamps, mixed-case uuids) and SHOULDs.
 *
 * @example
 * ```ts
 * const issues = validateSyncFeed(feed, { role: 'target-request' })
 * const ok = issues.every((issue) => issue.severity !== 'error')
 * ```
 */
export function validateSyncFeed(feed: SyncFeed, options: ValidateSyncFeedOptions = {}): SDataIssue[] {
  const role = options.role ?? 'source'
  const issues = new Issues()
  try {
    checkFeed(issues, feed, role)
  } catch (cause) {
    // Hand-built values may hold getters or proxies that throw; validation still answers.
    issues.error('/feed', `the value could not be inspected: ${cause instanceof Error ? cause.message : String(cause)}`)
  }
  return issues.list
}

function checkFeed(issues: Issues, feed: SyncFeed, role: SyncFeedRole): void {
  if (feed === null || typeof feed !== 'object') {
    issues.error('/feed', 'the feed is not an object')
    return
  }
  for (const key of ['id', 'title'] as const) issues.text(`/feed/${key}`, feed[key], key)
  if (feed.updated !== undefined) checkStamp(issues, '/feed/updated', feed.updated)
  checkLinks(issues, '/feed', feed.links)
  if (feed.syncMode === undefined) {
    if (role === 'target-request')
      issues.error('/feed/sync:syncMode', 'a $syncTarget request needs sync:syncMode (sync §4.4)')
    else if (role === 'source') {
      issues.warning('/feed/sync:syncMode', 'the feed has no sync:syncMode; it is required once posted to $syncTarget')
    }
  } else if (feed.syncMode !== 'catchUp' && feed.syncMode !== 'immediate') {
    issues.error('/feed/sync:syncMode', `syncMode ${describe(feed.syncMode)} is neither catchUp nor immediate`)
  }
  if (feed.digest !== undefined) checkDigest(issues, '/feed/sync:digest', feed.digest)
  else if (role !== 'result') issues.error('/feed/sync:digest', 'the feed has no sync:digest (sync §4.4)')
  checkOpenSearch(issues, feed)
  checkDiagnoses(issues, '/feed', feed.diagnoses)
  checkExtensions(issues, '/feed', feed.extensions)
  checkKeptAttributes(issues, '/feed', feed)
  const entries = Array.isArray(feed.entries) ? feed.entries : []
  if (!Array.isArray(feed.entries)) issues.error('/feed', 'the entries are not an array')
  const states: LocatedState[] = []
  entries.forEach((entry, index) => {
    const base = `/feed/entry[${index + 1}]`
    if (entry === null || typeof entry !== 'object') {
      issues.error(base, 'the entry is not an object')
      return
    }
    checkEntry(issues, base, entry, role)
    if (entry.syncState !== null && typeof entry.syncState === 'object') {
      states.push({ path: `${base}/sync:syncState`, state: entry.syncState })
    }
  })
  issues.list.push(...checkTickOrder(states))
  checkUniqueUuids(issues, entries)
  if (feed.digest !== null && typeof feed.digest === 'object' && Array.isArray(feed.digest.entries)) {
    checkAgainstDigest(issues, feed.digest, states)
  }
}

function checkUniqueUuids(issues: Issues, entries: readonly SyncEntry[]): void {
  const seen = new Map<string, number>()
  entries.forEach((entry, index) => {
    const uuid = entry?.payload?.uuid
    if (typeof uuid !== 'string' || !UUID.test(uuid)) return
    // UUIDs compare case-insensitively (sdata.xsd uuid--type; the spec mixes cases).
    const key = uuid.toLowerCase()
    const first = seen.get(key)
    if (first === undefined) seen.set(key, index)
    else {
      const element = entry.payload!.element
      const name = element !== null && typeof element === 'object' ? elementName(element) : '*'
      issues.warning(
        `/feed/entry[${index + 1}]/sdata:payload/${name}/@sdata:uuid`,
        `sdata:uuid ${uuid} appears again (first in entry[${first + 1}]); a sync feed carries each resource once`,
      )
    }
  })
}

function checkAgainstDigest(issues: Issues, digest: Digest, states: LocatedState[]): void {
  const ticks = new Map<string, number>()
  for (const entry of digest.entries) {
    if (entry !== null && typeof entry === 'object' && !ticks.has(entry.endpoint)) ticks.set(entry.endpoint, entry.tick)
  }
  const missing = new Set<string>()
  for (const { path, state } of states) {
    const digestTick = ticks.get(state.endpoint)
    if (digestTick === undefined) {
      if (!missing.has(state.endpoint)) {
        missing.add(state.endpoint)
        issues.warning(`${path}/endpoint`, `endpoint ${JSON.stringify(state.endpoint)} is not in the feed's digest`)
      }
    } else if (state.tick > digestTick) {
      issues.error(`${path}/tick`, `tick ${state.tick} is past the digest's tick ${digestTick} for this endpoint`)
    } else if (state.tick === digestTick) {
      // sync §4.3 allows "less than or equal"; the next-tick convention (§2.2) means strictly less.
      issues.warning(
        `${path}/tick`,
        `tick ${state.tick} equals the digest's tick; a digest tick is the next one not yet used`,
      )
    }
  }
}

function checkOpenSearch(issues: Issues, feed: SyncFeed): void {
  const os = feed.opensearch
  if (os === undefined) return
  const check = (key: 'totalResults' | 'startIndex' | 'itemsPerPage', min: number) => {
    const value = os[key]
    if (value !== undefined && (!Number.isSafeInteger(value) || value < min)) {
      issues.error(`/feed/opensearch:${key}`, `${key} ${describe(value)} is not an integer >= ${min}`)
    }
  }
  check('totalResults', 0)
  check('startIndex', 1)
  check('itemsPerPage', 0)
  const entries = Array.isArray(feed.entries) ? feed.entries.length : 0
  if (os.itemsPerPage !== undefined && Number.isSafeInteger(os.itemsPerPage) && entries > os.itemsPerPage) {
    issues.warning(
      '/feed/opensearch:itemsPerPage',
      `the page holds ${entries} entries, more than itemsPerPage ${os.itemsPerPage}`,
    )
  }
}

/**
 * Checks a tracking body (core §3.11): the namespace, and non-negative whole seconds and milliseconds.
 * The namespace without `/1` that the sync examples use is a warning.
 *
 * @example
 * ```ts
 * validateTracking({ namespace: 'http://schemas.sage.com/sdata/2008', phase: 'Running', extensions: [] })
 * // [{ severity: 'warning', path: '/tracking', message: … }]
 * ```
 */
export function validateTracking(tracking: Tracking): SDataIssue[] {
  const issues = new Issues()
  try {
    if (tracking.namespace === TRACKING_NAMESPACE_OLD) {
      issues.warning(
        '/tracking',
        `the tracking namespace ${TRACKING_NAMESPACE_OLD} lacks /1 (core §3.11 uses ${TRACKING_NAMESPACE})`,
      )
    } else if (tracking.namespace !== TRACKING_NAMESPACE) {
      issues.error('/tracking', `${describe(tracking.namespace)} is not the SData namespace`)
    }
    for (const key of ['elapsedSeconds', 'remainingSeconds', 'pollingMillis'] as const) {
      const value = tracking[key]
      if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
        issues.error(`/tracking/${key}`, `${key} ${describe(value)} is not a non-negative integer`)
      }
    }
    if (tracking.progress !== undefined && !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(tracking.progress)) {
      issues.error('/tracking/progress', `progress ${describe(tracking.progress)} is not an xs:decimal`)
    }
    for (const key of ['phase', 'phaseDetail'] as const) issues.text(`/tracking/${key}`, tracking[key], key)
    checkExtensions(issues, '/tracking', tracking.extensions)
  } catch (cause) {
    issues.error(
      '/tracking',
      `the value could not be inspected: ${cause instanceof Error ? cause.message : String(cause)}`,
    )
  }
  return issues.list
}
