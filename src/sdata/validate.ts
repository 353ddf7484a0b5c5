// Validation of decoded (or hand-built) SData sync values: how a feed or digest departs from the spec.
// Implements the compliance rules of sync §4.2–§4.4 and core §13.4; digests and entries live in their own modules.
import type { StepPath } from '../common/issue-list'
import type { Issue } from '../common/issues'
import { thrownMessage } from '../xml/issue'
import type { SyncFeed, Tracking } from './model'
import type { SyncFeedRole } from './roles'
import { checkDigest } from './validate-digest'
import { checkDiagnoses } from './validate-entry'
import {
  checkExtensions,
  checkKeptAttributes,
  checkLinks,
  checkStamp,
  describe,
  Issues,
  rootAt,
  TRACKING_NAMESPACE,
  TRACKING_NAMESPACE_OLD,
} from './validate-issues'
import { FeedEntryRules } from './validate-stream'

export type { SyncEntryRole, SyncFeedRole } from './roles'
export type { LocatedState, ValidateDigestOptions } from './validate-digest'
export { checkTickOrder, validateDigest } from './validate-digest'
export type { ValidateSyncEntryOptions } from './validate-entry'
export { validateSyncEntry } from './validate-entry'
export type { SDataIssue, SDataIssueSeverity } from './validate-issues'

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
export function validateSyncFeed(feed: SyncFeed, options: ValidateSyncFeedOptions = {}): Issue[] {
  const role = options.role ?? 'source'
  const issues = new Issues()
  try {
    checkFeed(issues, feed, role)
  } catch (cause) {
    // Hand-built values may hold getters or proxies that throw; validation still answers.
    issues.error(FEED, `the value could not be inspected: ${thrownMessage(cause)}`)
  }
  return issues.list
}

/** The feed's root element, the base of every location in it. */
const FEED = rootAt('feed')

function checkFeed(issues: Issues, feed: SyncFeed, role: SyncFeedRole): void {
  if (feed === null || typeof feed !== 'object') {
    issues.error(FEED, 'the feed is not an object')
    return
  }
  const entries = Array.isArray(feed.entries) ? feed.entries : []
  checkFeedMembers(issues, feed, role, entries.length)
  if (!Array.isArray(feed.entries)) issues.error(FEED, 'the entries are not an array')
  const rules = new FeedEntryRules([role], feed.digest)
  for (const entry of entries) rules.add(entry)
  issues.list.push(...rules.finish(role, feed.digest))
}

/**
 * The checks of a feed's own members (all but its entries); `entries` is how many entries it has. Shared by
 * {@link validateSyncFeed} and the streaming check of a feed, which has the members only at the end.
 *
 * @example
 * ```ts
 * const issues = new Issues()
 * checkFeedMembers(issues, end.feed, 'source', rules.count)
 * ```
 */
export function checkFeedMembers(issues: Issues, feed: SyncFeed, role: SyncFeedRole, entries: number): void {
  for (const key of ['id', 'title'] as const) issues.text(FEED.element(key), feed[key], key)
  if (feed.updated !== undefined) checkStamp(issues, FEED.element('updated'), feed.updated)
  checkLinks(issues, FEED, feed.links)
  const syncMode = FEED.element('sync:syncMode')
  const digest = FEED.element('sync:digest')
  if (feed.syncMode === undefined) {
    if (role === 'target-request') issues.error(syncMode, 'a $syncTarget request needs sync:syncMode (sync §4.4)')
    else if (role === 'source') {
      issues.warning(syncMode, 'the feed has no sync:syncMode; it is required once posted to $syncTarget')
    }
  } else if (feed.syncMode !== 'catchUp' && feed.syncMode !== 'immediate') {
    issues.error(syncMode, `syncMode ${describe(feed.syncMode)} is neither catchUp nor immediate`)
  }
  if (feed.digest !== undefined) checkDigest(issues, digest, feed.digest)
  else if (role !== 'result') issues.error(digest, 'the feed has no sync:digest (sync §4.4)')
  checkOpenSearch(issues, feed, entries)
  checkDiagnoses(issues, FEED, feed.diagnoses)
  checkExtensions(issues, FEED, feed.extensions)
  checkKeptAttributes(issues, FEED, feed)
}

function checkOpenSearch(issues: Issues, feed: SyncFeed, entries: number): void {
  const os = feed.opensearch
  if (os === undefined) return
  const check = (key: 'totalResults' | 'startIndex' | 'itemsPerPage', min: number) => {
    const value = os[key]
    if (value !== undefined && (!Number.isSafeInteger(value) || value < min)) {
      issues.error(FEED.element(`opensearch:${key}`), `${key} ${describe(value)} is not an integer >= ${min}`)
    }
  }
  check('totalResults', 0)
  check('startIndex', 1)
  check('itemsPerPage', 0)
  // Only a valid itemsPerPage is compared with the entries: a negative one is already an error above.
  const perPage = os.itemsPerPage
  if (perPage !== undefined && Number.isSafeInteger(perPage) && perPage >= 0 && entries > perPage) {
    issues.warning(
      FEED.element('opensearch:itemsPerPage'),
      `the page holds ${entries} entries, more than itemsPerPage ${perPage}`,
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
export function validateTracking(tracking: Tracking): Issue[] {
  const issues = new Issues()
  const at: StepPath = rootAt('tracking')
  try {
    if (tracking.namespace === TRACKING_NAMESPACE_OLD) {
      issues.warning(
        at,
        `the tracking namespace ${TRACKING_NAMESPACE_OLD} lacks /1 (core §3.11 uses ${TRACKING_NAMESPACE})`,
      )
    } else if (tracking.namespace !== TRACKING_NAMESPACE) {
      issues.error(at, `${describe(tracking.namespace)} is not the SData namespace`)
    }
    for (const key of ['elapsedSeconds', 'remainingSeconds', 'pollingMillis'] as const) {
      const value = tracking[key]
      if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
        issues.error(at.element(key), `${key} ${describe(value)} is not a non-negative integer`)
      }
    }
    if (tracking.progress !== undefined && !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(tracking.progress)) {
      issues.error(at.element('progress'), `progress ${describe(tracking.progress)} is not an xs:decimal`)
    }
    for (const key of ['phase', 'phaseDetail'] as const) issues.text(at.element(key), tracking[key], key)
    checkExtensions(issues, at, tracking.extensions)
  } catch (cause) {
    issues.error(at, `the value could not be inspected: ${thrownMessage(cause)}`)
  }
  return issues.list
}
