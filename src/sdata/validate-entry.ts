// Validation of one SData sync entry: syncState, payload, HTTP result and diagnoses by the entry's role.
// Implements sync §4.3–§4.4 and core §13.4 (diagnoses), and docs/decisions.md#s4 and #s11.

import { Uuid } from '../codec/guid'
import type { StepPath } from '../common/issue-list'
import type { Issue } from '../common/issues'
import { thrownMessage } from '../xml/issue'
import { qualifiedName } from '../xml/tree'
import { entryExtensionChecks } from './entry-checks'
import type { Diagnosis, PayloadResource, SyncEntry, SyncState } from './model'
import type { SyncEntryRole } from './roles'
import { validateSyncFeed } from './validate'
import { checkDigest } from './validate-digest'
import {
  checkElement,
  checkExtensions,
  checkKeptAttributes,
  checkKeptExtensions,
  checkLinks,
  checkStamp,
  checkStateFields,
  describe,
  Issues,
  rootAt,
  SEVERITIES,
} from './validate-issues'

export function checkDiagnoses(issues: Issues, base: StepPath, diagnoses: Diagnosis[]): void {
  if (!Array.isArray(diagnoses)) {
    issues.error(base, 'diagnoses are not an array')
    return
  }
  diagnoses.forEach((diagnosis, index) => {
    const path = base.element('sdata:diagnosis', index + 1)
    const { severity, sdataCode, applicationCode } = diagnosis
    if (severity === undefined)
      issues.warning(path.element('severity'), 'the diagnosis has no severity (core §3.10 requires one)')
    else if (typeof severity === 'string' && !SEVERITIES.includes(severity.toLowerCase())) {
      issues.warning(
        path.element('severity'),
        `severity ${JSON.stringify(severity)} is none of Info, Warning, Transient, Error, Fatal`,
      )
    }
    if (sdataCode === undefined)
      issues.warning(path.element('sdataCode'), 'the diagnosis has no sdataCode (core §3.10 requires one)')
    if (typeof applicationCode === 'string' && sdataCode !== undefined && sdataCode !== 'ApplicationDiagnosis') {
      issues.warning(
        path.element('applicationCode'),
        'applicationCode is only meaningful with sdataCode ApplicationDiagnosis',
      )
    }
    for (const key of ['severity', 'sdataCode', 'applicationCode', 'message', 'stackTrace', 'payloadPath'] as const) {
      if (diagnosis[key] !== null) issues.text(path.element(key), diagnosis[key], key)
    }
    checkExtensions(issues, path, diagnosis.extensions)
  })
}

export function checkPayload(issues: Issues, base: StepPath, payload: PayloadResource, role: SyncEntryRole): void {
  const elementPath = base.element(
    payload.element !== null && typeof payload.element === 'object' ? qualifiedName(payload.element) : '*',
  )
  const uuidPath = elementPath.attribute('sdata:uuid')
  if (payload.uuid === undefined) {
    if (role !== 'result' && role !== 'digest') {
      issues.error(uuidPath, 'the payload resource has no sdata:uuid (sync §4.4)')
    }
  } else if (!Uuid.is(payload.uuid)) {
    issues.error(uuidPath, `sdata:uuid ${describe(payload.uuid)} is not a UUID`)
  } else if (/[a-f]/.test(payload.uuid) && /[A-F]/.test(payload.uuid)) {
    issues.warning(uuidPath, `sdata:uuid ${payload.uuid} mixes upper and lower case; compare it case-insensitively`)
  }
  if (typeof payload.isDeleted !== 'boolean')
    issues.error(elementPath.attribute('sdata:isDeleted'), 'isDeleted is not a boolean')
  for (const key of ['key', 'url', 'lookup', 'descriptor'] as const) {
    issues.text(elementPath.attribute(`sdata:${key}`), payload[key], `sdata:${key}`)
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

export function checkSyncState(issues: Issues, base: StepPath, state: SyncState): void {
  if (!checkStateFields(issues, base, state, 'syncState')) return
  issues.text(base.element('user'), state.user, 'user')
  checkKeptExtensions(issues, base, state)
  checkKeptAttributes(issues, base, state)
}

export function checkHttp(issues: Issues, base: StepPath, entry: SyncEntry): void {
  const http = entry.http ?? {}
  const status = base.element('http:httpStatus')
  if (http.status === undefined) issues.error(status, 'a result entry needs http:httpStatus (core §13.4)')
  else if (!Number.isInteger(http.status) || http.status < 100 || http.status > 599) {
    issues.error(status, `httpStatus ${describe(http.status)} is not an HTTP status code`)
  }
  if (http.message === undefined)
    issues.warning(base.element('http:httpMessage'), 'a result entry should carry http:httpMessage (core §13.4)')
  if (http.method !== undefined && !['GET', 'PUT', 'POST', 'DELETE'].includes(http.method)) {
    issues.warning(
      base.element('http:httpMethod'),
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
    issues.warning(base.element('http:location'), 'a successful create should give http:location (core §13.4)')
  }
  for (const key of ['message', 'method', 'location', 'etag'] as const)
    issues.text(base.element(`http:${key}`), http[key], key)
}

export function checkEntry(issues: Issues, base: StepPath, entry: SyncEntry, role: SyncEntryRole): void {
  const needsState = role === 'source' || role === 'target-request'
  for (const key of ['id', 'title', 'content'] as const) issues.text(base.element(key), entry[key], key)
  if (entry.updated !== undefined) checkStamp(issues, base.element('updated'), entry.updated)
  checkLinks(issues, base, entry.links)
  if (entry.syncState !== undefined) checkSyncState(issues, base.element('sync:syncState'), entry.syncState)
  else if (needsState) issues.error(base.element('sync:syncState'), 'the entry has no sync:syncState (sync §4.3)')
  const payload = base.element('sdata:payload')
  if (entry.payload !== undefined) checkPayload(issues, payload, entry.payload, role)
  else if (needsState) issues.error(payload, 'the entry has no payload resource (sync §4.4)')
  if (entry.digest !== undefined) checkDigest(issues, payload.element('sync:digest'), entry.digest)
  else if (role === 'digest') {
    issues.error(payload.element('sync:digest'), 'the entry carries no sync:digest in its payload (sync §5.1)')
  }
  if (role === 'result') checkHttp(issues, base, entry)
  checkDiagnoses(issues, base, entry.diagnoses)
  checkExtensions(issues, base, entry.extensions)
  entryExtensionChecks(issues, base, entry)
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
export function validateSyncEntry(entry: SyncEntry, options: ValidateSyncEntryOptions = {}): Issue[] {
  const issues = new Issues()
  const at = rootAt('entry')
  try {
    if (entry === null || typeof entry !== 'object') issues.error(at, 'the entry is not an object')
    else checkEntry(issues, at, entry, options.role ?? 'digest')
  } catch (cause) {
    issues.error(at, `the value could not be inspected: ${thrownMessage(cause)}`)
  }
  return issues.list
}
