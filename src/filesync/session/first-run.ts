// The start of a FILESYNC first run as a sans-I/O state machine: the client policy, then the first changes pass.
// MS-FILESYNC 3.1.3 (initialization starts with the client policy request) and "sync with the service"; no I/O.

import { type Policy, PolicyXml } from '../http/policy'
import { policyUrl } from '../http/urls'
import {
  type ChangesSession,
  type ChangesSessionOptions,
  type ChangesSessionState,
  type ChangesStep,
  createChangesSession,
} from './changes'
import {
  callOrderIssue,
  decodeBody,
  type FileSyncRequest,
  type FileSyncResponse,
  retryStep,
  statusIssue,
} from './response'

/**
 * Options of {@link createFirstRunSession}: those of a changes session, without a token (a first run has none).
 *
 * @example
 * ```ts
 * const options: FirstRunSessionOptions = { siteUrl: 'https://contoso-my.sharepoint.com/personal/ada', libraryId: '5d2445a6-f48d-4f6c-b190-640d11e29a93' }
 * ```
 */
export type FirstRunSessionOptions = Omit<ChangesSessionOptions, 'syncToken'>

/**
 * What an answer means during a first run: `policy` (the client policy decoded; the changes pass comes next), or a
 * {@link ChangesStep} (a `retry` or `error` of the policy request repeats it, as for a changes query).
 *
 * @example
 * ```ts
 * const step: FirstRunStep = { type: 'policy', policy: { rules: [{ name: 'ItemCount', value: '500' }] } }
 * ```
 */
export type FirstRunStep = { type: 'policy'; policy: Policy } | ChangesStep

/**
 * A first run, sans I/O: {@link createFirstRunSession} makes one.
 *
 * @example
 * ```ts
 * const run: FirstRunSession = createFirstRunSession({ siteUrl, libraryId })
 * ```
 */
export interface FirstRunSession {
  /** The policy, once its answer decoded. */
  readonly policy: Policy | undefined
  /** The committed token of the changes pass (undefined until its first page). */
  readonly syncToken: string | undefined
  /** `policy` while the policy is asked for, then the state of the changes pass. */
  readonly state: 'policy' | ChangesSessionState
  /** The policy request until it is answered, then the changes queries; `undefined` once caught up. */
  next(): FileSyncRequest | undefined
  /** Reads the answer to the request `next()` gave. */
  receive(response: FileSyncResponse): FirstRunStep
}

/**
 * The policy request of the first run: `GET …/_api/SPFileSync/sync/<list id>/policy/` asking for XML.
 *
 * @example
 * ```ts
 * policyRequest('https://h/personal/a', '5d2445a6f48d4f6cb190640d11e29a93').headers.Accept // 'application/xml'
 * ```
 */
export function policyRequest(siteUrl: string, libraryId: string, siteHost?: string): FileSyncRequest {
  return {
    method: 'GET',
    url: policyUrl(siteUrl, libraryId, siteHost === undefined ? {} : { siteHost }),
    headers: { Accept: 'application/xml', Application: 'SkyDriveSync' },
  }
}

/**
 * Starts a first run as MS-FILESYNC 3.1.3 pins it down: the client policy request, then a changes pass without a
 * token (a full enumeration, `FullData`). The site and library ids come from the REST requests before it
 * (`decodeMyProperties`, `decodeDefaultDocumentLibraryId`). Once the policy is read, the session behaves exactly
 * like {@link createChangesSession}; store its `syncToken` and later passes start from it.
 *
 * @example
 * ```ts
 * const run = createFirstRunSession({ siteUrl, libraryId, flat: true })
 * for (let request = run.next(); request; request = run.next()) {
 *   const step = run.receive(await send(request))
 *   if (step.type === 'policy') console.log(policyRule(step.policy, 'ItemCount'))
 *   else if (step.type === 'changes') apply(step.items)
 * }
 * ```
 */
export function createFirstRunSession(options: FirstRunSessionOptions): FirstRunSession {
  let policy: Policy | undefined
  let waiting = false
  let changes: ChangesSession | undefined
  return {
    get policy() {
      return policy
    },
    get syncToken() {
      return changes?.syncToken
    },
    get state() {
      return changes?.state ?? 'policy'
    },
    next() {
      if (changes !== undefined) return changes.next()
      waiting = true
      return policyRequest(options.siteUrl, options.libraryId, options.siteHost)
    },
    receive(response) {
      if (changes !== undefined) return changes.receive(response)
      if (!waiting) {
        const message = 'receive() without a request out; call next() first'
        return { type: 'error', issues: [callOrderIssue(message)] }
      }
      const status = response.status
      const retry = retryStep(response, options)
      if (retry !== undefined) return retry
      if (status !== 200) return { type: 'error', status, issues: [statusIssue(status, 200)] }
      const decoded = decodeBody(PolicyXml, response.body)
      if ('issues' in decoded) return { type: 'error', status, issues: decoded.issues }
      policy = decoded.value
      changes = createChangesSession(options)
      return { type: 'policy', policy }
    },
  }
}
