// The small SData document codecs: bare digest, syncState, diagnoses and tracking documents (sync §4.2, §4.3,
// core §3.10, §3.11), each with a builder that takes other parser limits.
import type * as t from 'io-ts'
import type { DocumentOptions } from '../codec/document'
import type { XmlInput } from '../xml/encoding'
import { describedDocument, documentCodec, withRoot } from './codec-base'
import { DIAGNOSES_DOCUMENT } from './diagnosis'
import { DIGEST } from './digest'
import type { DiagnosesDocument, Digest, SyncState, Tracking } from './model'
import { compileRoot } from './schema/root'
import { SYNC_STATE } from './sync-state'
import { TRACKING } from './tracking'

/**
 * Builds {@link DigestXml} with other parser limits (`options.parse`).
 *
 * @example
 * ```ts
 * digestXml({ parse: { maxDepth: 16 } }).decode(bytes)
 * ```
 */
export function digestXml(options?: DocumentOptions): t.Type<Digest, string, XmlInput> {
  return describedDocument('DigestXml', DIGEST, options)
}

/**
 * A bare `sync:digest` document (sync §4.2).
 *
 * @example
 * ```ts
 * DigestXml.decode('<digest xmlns="http://schemas.sage.com/sdata/sync/2008/1"/>') // right: { entries: [] }
 * ```
 */
export const DigestXml: t.Type<Digest, string, XmlInput> = digestXml()

/**
 * Builds {@link SyncStateXml} with other parser limits (`options.parse`).
 *
 * @example
 * ```ts
 * syncStateXml({ parse: { maxLength: 4096 } }).decode(xml)
 * ```
 */
export function syncStateXml(options?: DocumentOptions): t.Type<SyncState, string, XmlInput> {
  return describedDocument('SyncStateXml', SYNC_STATE, options)
}

/**
 * A bare `sync:syncState` document (sync §4.3).
 *
 * @example
 * ```ts
 * SyncStateXml.decode(xml) // right: { endpoint, tick, stamp, user? }
 * ```
 */
export const SyncStateXml: t.Type<SyncState, string, XmlInput> = syncStateXml()

/**
 * Builds {@link DiagnosesXml} with other parser limits (`options.parse`).
 *
 * @example
 * ```ts
 * diagnosesXml({ parse: { maxLength: 65536 } }).decode(body)
 * ```
 */
export function diagnosesXml(options?: DocumentOptions): t.Type<DiagnosesDocument, string, XmlInput> {
  const root = compileRoot(DIAGNOSES_DOCUMENT)
  return documentCodec('DiagnosesXml', { ...root, write: (d) => withRoot(root.write(d)) }, options)
}

/**
 * A diagnoses document (core §3.10): root `sdata:diagnoses`, or a bare `sdata:diagnosis` as Sage 50 answers errors.
 * The value is `{ root, diagnoses }`; encoding writes a bare `diagnosis` only when `root` says so and there is
 * exactly one.
 *
 * @example
 * ```ts
 * DiagnosesXml.decode(sage50Body) // right: { root: 'diagnosis', diagnoses: [{ severity: 'error', … }] }
 * ```
 */
export const DiagnosesXml: t.Type<DiagnosesDocument, string, XmlInput> = diagnosesXml()

/**
 * Builds {@link TrackingXml} with other parser limits (`options.parse`).
 *
 * @example
 * ```ts
 * trackingXml({ parse: { maxLength: 65536 } }).decode(body)
 * ```
 */
export function trackingXml(options?: DocumentOptions): t.Type<Tracking, string, XmlInput> {
  return describedDocument('TrackingXml', TRACKING, options)
}

/**
 * The tracking body of a 202 answer (core §3.11, sync §5.2), in either tracking namespace.
 *
 * @example
 * ```ts
 * TrackingXml.decode(xml) // right: { namespace, phase: 'Initialization', pollingMillis: 500, … }
 * ```
 */
export const TrackingXml: t.Type<Tracking, string, XmlInput> = trackingXml()
