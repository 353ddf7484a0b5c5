// The SData JSON form of one sync entry: an item of `$resources` (links, `$syncState`, payload, HTTP result).
// Implements SData 2.0 §04-0500 (resource members) with the sync members of the .NET client (docs/decisions.md#s14).
import * as t from 'io-ts'
import type { AttributeJsonObject, ElementJsonObject } from '../../codec/json/element'
import {
  encodeExtensions,
  jsonType,
  keptAttributes,
  nonEmpty,
  readAttributes,
  readExtensions,
  withJsonMembers,
  withKept,
} from '../../codec/json/kept'
import {
  at,
  type Ctx,
  compact,
  type Errs,
  type JsonRecord,
  member,
  optArray,
  optString,
  readObject,
} from '../../codec/json/read'
import { content, head, httpResult, links } from '../leaves'
import type { Link, SyncEntry } from '../model'
import type { PayloadCodec } from '../payload'
import {
  type DiagnosesWrapperJsonObject,
  type DiagnosisJsonObject,
  encodeDiagnosesOf,
  readDiagnosesOf,
} from './diagnosis'
import {
  type DigestJsonObject,
  encodeDigest,
  encodeSyncState,
  readDigest,
  readSyncState,
  type SyncStateJsonObject,
} from './digest'
import { splitMembers, withMembers } from './members'
import { PAYLOAD_JSON_KEYS, type PayloadJsonMembers, payloadJson, readPayloadJson } from './resource'

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

/** Sets the Atom `$id`, `$title`, `$updated` and `$links` of a feed or an entry on `out` (derived descriptions). */
export function encodeHead(owner: { links: Link[] }, out: Record<string, unknown>): void {
  head.writeJson(owner, out)
  const encoded = nonEmpty(owner.links?.map(links.writeJson))
  if (encoded !== undefined) out.$links = encoded
}

/** Reads the Atom `$id`, `$title`, `$updated` and `$links` (with the .NET shorthand links) of a feed or an entry. */
export function readHead(errs: Errs, o: JsonRecord, c: Ctx, owner: { links: Link[] }): void {
  head.readJson(errs, o, c, owner)
  owner.links = readLinks(errs, o, c)
}

export function encodeEntry<V>(entry: SyncEntry<V>, codec?: PayloadCodec<V>): SyncEntryJsonObject {
  const out: SyncEntryJsonObject = {}
  encodeHead(entry, out)
  content.writeJson(entry, out)
  if (entry.syncState !== undefined) out.$syncState = encodeSyncState(entry.syncState)
  const withPayload = entry.payload === undefined ? out : payloadJson(out, entry.payload, codec)
  const tail: Record<string, unknown> = {}
  if (entry.digest !== undefined) tail.$digest = encodeDigest(entry.digest)
  httpResult.writeJson(entry, tail)
  const kept = compact({
    ...encodeDiagnosesOf(entry),
    $extensions: encodeExtensions(entry.extensions),
    $attributes: keptAttributes(entry),
  })
  return withMembers({ ...withPayload, ...tail, ...kept }, entry.jsonMembers)
}

// The .NET client writes paging links as `$first`, `$next`, … string members; read them after `$links`.
export const SHORTHAND_RELS = ['self', 'first', 'previous', 'next', 'last'] as const

export function readLinks(errs: Errs, o: JsonRecord, c: Ctx): Link[] {
  const out = optArray(errs, o, '$links', c, (v, vc) => links.readJson(errs, v, vc)) ?? []
  for (const rel of SHORTHAND_RELS) {
    const href = optString(errs, o, `$${rel}`, c)
    if (href !== undefined) out.push({ rel, href })
  }
  return out
}

export function readEntry<V>(errs: Errs, u: unknown, c: Ctx, codec?: PayloadCodec<V>): SyncEntry<V> | undefined {
  const raw = readObject(errs, u, c, 'an entry')
  if (raw === undefined) return undefined
  const { view: o, kept, native } = splitMembers(errs, raw, c, ENTRY_KEYS, true)
  const entry: SyncEntry<V> = { links: [], diagnoses: [], extensions: [] }
  readHead(errs, o, c, entry)
  content.readJson(errs, o, c, entry)
  const rawState = member(o, '$syncState')
  if (rawState !== undefined) {
    const state = readSyncState(errs, rawState, at(c, '$syncState', t.unknown, rawState))
    if (state !== undefined) entry.syncState = state
  }
  const payload = readPayloadJson(errs, o, c, codec, native, member(raw, '$name'))
  if (payload !== undefined) entry.payload = payload
  // Native properties beside `$resource` are not the resource's; they stay with the entry.
  const rest = payload?.properties === undefined && native !== undefined ? { ...native, ...kept } : kept
  const rawDigest = member(o, '$digest')
  if (rawDigest !== undefined) {
    const digest = readDigest(errs, rawDigest, at(c, '$digest', t.unknown, rawDigest))
    if (digest !== undefined) entry.digest = digest
  }
  httpResult.readJson(errs, o, c, entry)
  Object.assign(entry, readDiagnosesOf(errs, o, c))
  entry.extensions = readExtensions(errs, o, c)
  return withJsonMembers(withKept(entry, undefined, readAttributes(errs, o, c)), rest)
}

/** The members of an Atom feed's and entry's head (`$id`, `$title`, `$updated`, `$links` and the shorthand links). */
export const HEAD_KEYS: readonly string[] = [...head.jsonKeys, '$links', ...SHORTHAND_RELS.map((rel) => `$${rel}`)]

const ENTRY_KEYS: ReadonlySet<string> = new Set([
  ...HEAD_KEYS,
  ...content.jsonKeys,
  '$syncState',
  ...PAYLOAD_JSON_KEYS,
  '$digest',
  ...httpResult.jsonKeys,
  '$diagnoses',
  '$diagnosis',
  '$diagnosesWrappers',
  '$extensions',
  '$attributes',
])

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
    (u) => Array.isArray(u.links) && Array.isArray(u.diagnoses),
    (errs, u, ctx) => readEntry(errs, u, ctx, payloadCodec),
    (entry) => encodeEntry(entry, payloadCodec),
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
