// The SData JSON form of one sync entry: an item of `$resources` (links, `$syncState`, payload, HTTP result), derived
// from the entry's description (ENTRY, src/sdata/entry.ts). Implements SData 2.0 §04-0500 (resource members) with
// the sync members of the .NET client (docs/decisions.md#s14).
import type * as t from 'io-ts'
import type { AttributeJsonObject, ElementJsonObject } from '../../codec/json/element'
import { jsonType } from '../../codec/json/kept'
import { ENTRY, isEntry } from '../entry'
import type { SyncEntry } from '../model'
import type { PayloadCodec } from '../payload'
import type { DiagnosesWrapperJsonObject, DiagnosisJsonObject } from './diagnosis'
import type { DigestJsonObject, SyncStateJsonObject } from './digest'
import { ownerJson } from './owner'
import type { PayloadJsonMembers } from './resource'

/**
 * JSON form of an Atom link, in `$links` (SData 2.0 leaves the shape of `$links` open; syncwire keeps every
 * link with all its attributes, in order).
 *
 * @example
 * ```ts
 * const next: LinkJsonObject = { rel: 'next', href: 'http://www.example.com/…?startIndex=11&count=10', type: 'application/atom+xml; type=feed' }
 * ```
 */
export interface LinkJsonObject {
  /** Kept members the mapping does not model (see `JsonMembers`). */
  [member: string]: unknown
  /** The relation. */
  rel?: string
  /** The target, exactly as sent. */
  href: string
  /** The media type. */
  type?: string
  /** The title. */
  title?: string
}

/**
 * JSON form of a sync, result or batch entry: one object of `$resources`. Atom and protocol members are
 * `$`-prefixed as in SData 2.0 and the .NET client; the payload's lifted attributes are `$uuid`,
 * `$isDeleted` (written only when true), `$key`, `$url`, `$lookup`, `$descriptor`; the resource element
 * itself, which SData 2.0 would spread as native properties (losing namespaces, attributes and order),
 * is `$resource` in the lossless element form.
 *
 * @example
 * ```ts
 * const e: SyncEntryJsonObject = {
 *   $id: '', $title: '', $syncState: { endpoint: 'http://x/a', tick: 5, stamp: '2008-10-30T14:55:43.281Z' },
 *   $uuid: '74926A0D-D2C0-4daa-9986-47C833691569', $resource: { name: 'account', namespace: 'http://schemas.sage.com/myContract' },
 * }
 * ```
 */
export interface SyncEntryJsonObject extends PayloadJsonMembers {
  /** Native properties (resources read from SData 2.0 JSON) and other kept members (see `JsonMembers`). */
  [member: string]: unknown
  /** `atom:id`. */
  $id?: string
  /** `atom:title`. */
  $title?: string
  /** `atom:updated`. */
  $updated?: string
  /** Atom links. */
  $links?: LinkJsonObject[]
  /** `atom:content` when plain text. */
  $content?: string
  /** `sync:syncState`. */
  $syncState?: SyncStateJsonObject
  /** A digest inside the payload (`$syncDigest` entries, `$syncSource` POST bodies). */
  $digest?: DigestJsonObject
  /** `http:httpStatus`. */
  $httpStatus?: number
  /** `http:httpMessage`. */
  $httpMessage?: string
  /** `http:httpMethod`. */
  $httpMethod?: string
  /** `http:location`. */
  $location?: string
  /** `http:etag`. */
  $etag?: string
  /** Diagnoses, in document order (wrapped or not). */
  $diagnoses?: DiagnosisJsonObject[]
  /** The `sdata:diagnoses` wrappers among them (see `DiagnosesWrapper`). */
  $diagnosesWrappers?: DiagnosesWrapperJsonObject[]
  /** Unmodelled child elements of the entry, losslessly. */
  $extensions?: ElementJsonObject[]
  /** Attributes of the element other than namespace declarations (`xml:lang`, foreign ones), losslessly. */
  $attributes?: AttributeJsonObject[]
}

const json = ownerJson(ENTRY)

/**
 * One entry ↔ its JSON form ({@link SyncEntryJsonObject}) with the resource typed by a caller's contract codec:
 * decoding sets `payload.value` from `$resource`; encoding writes `payloadCodec.encode(value)` when a value is
 * there, else the kept element (as `syncEntryXml` does).
 *
 * @example
 * ```ts
 * const AccountEntryJson = syncEntryJson(Account)
 * AccountEntryJson.decode(json) // right(entry), entry.payload?.value typed
 * ```
 */
export function syncEntryJson<V>(payloadCodec?: PayloadCodec<V>): t.Type<SyncEntry<V>, SyncEntryJsonObject, unknown> {
  return jsonType<SyncEntry<V>, SyncEntryJsonObject>(
    'SyncEntryJson',
    isEntry,
    (errs, u, ctx) => json.read(errs, u, ctx, payloadCodec),
    (entry) => json.write(entry, payloadCodec) as SyncEntryJsonObject,
  )
}

/**
 * One entry ↔ its JSON form ({@link SyncEntryJsonObject}): an item of `$resources`, or a standalone entry
 * such as a `$syncDigest` response (`$digest` inside). An empty `http` result encodes as none.
 *
 * @example
 * ```ts
 * const json = SyncEntryJson.encode(entry)
 * SyncEntryJson.decode(json) // right(entry)
 * ```
 */
export const SyncEntryJson: t.Type<SyncEntry, SyncEntryJsonObject, unknown> = syncEntryJson()
