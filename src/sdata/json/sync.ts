// The SData 2.0 JSON form of sync values: feeds (`$resources`, `$syncMode`, `$digest`), entries (`$syncState`), diagnoses.
// Implements SData 2.0 "JSON responses" (§04-0500) plus the sync members of the Saleslogix .NET client (docs/decisions.md#s14).
import * as t from 'io-ts'
import type { XmlAttribute, XmlElement } from '../../xml/types'
import type {
  DiagnosesDocument,
  Diagnosis,
  Digest,
  DigestEntry,
  HttpResult,
  JsonMembers,
  Link,
  OpenSearch,
  PayloadResource,
  Stamp,
  SyncEntry,
  SyncFeed,
  SyncMode,
  SyncState,
  Tracking,
} from '../model'
import type { PayloadCodec } from '../payload'
import {
  type AttributeJsonObject,
  attributeToJson,
  type ElementJsonObject,
  elementToJson,
  readAttribute,
  readElement,
} from './element'
import { splitMembers, withMembers } from './members'
import {
  at,
  type Ctx,
  compact,
  type Errs,
  fail,
  type JsonRecord,
  member,
  optArray,
  optBoolean,
  optInteger,
  optStamp,
  optString,
  readObject,
  reqString,
  run,
  toContext,
} from './read'
import { PAYLOAD_JSON_KEYS, type PayloadJsonMembers, payloadJson, readPayloadJson } from './resource'

/**
 * JSON form of a digest entry, as the .NET client writes it (plain member names inside `$digest`).
 *
 * @example
 * ```ts
 * const e: DigestEntryJsonObject = { endpoint: 'http://www.example.com/sdata/myApp1/myContract/-/accounts', tick: 6, stamp: '2008-10-30T17:23:08Z', conflictPriority: 2 }
 * ```
 */
export interface DigestEntryJsonObject {
  /** Kept members the mapping does not model (see `JsonMembers`). */
  [member: string]: unknown
  /** The endpoint URL. */
  endpoint: string
  /** The next tick not yet incorporated; absent reads as 0, as in XML. */
  tick: number
  /** The lexical xs:dateTime. */
  stamp: string
  /** 1..9 (checked by validation); absent reads as 0, as in XML. */
  conflictPriority: number
  /** Unmodelled child elements, losslessly (present when the value has them). */
  $extensions?: ElementJsonObject[]
  /** Attributes of the element other than namespace declarations, losslessly (present when the value has them). */
  $attributes?: AttributeJsonObject[]
}

/**
 * JSON form of a digest (`$digest`).
 *
 * @example
 * ```ts
 * const d: DigestJsonObject = { origin: 'http://www.example.com/sdata/myApp1/myContract/-/accounts', digestEntry: [] }
 * ```
 */
export interface DigestJsonObject {
  /** Kept members the mapping does not model (see `JsonMembers`). */
  [member: string]: unknown
  /** The endpoint the digest came from. */
  origin?: string
  /** One entry per endpoint. */
  digestEntry: DigestEntryJsonObject[]
  /** Unmodelled child elements, losslessly (present when the value has them). */
  $extensions?: ElementJsonObject[]
  /** Attributes of the element other than namespace declarations, losslessly (present when the value has them). */
  $attributes?: AttributeJsonObject[]
}

/**
 * JSON form of a syncState (`$syncState`).
 *
 * @example
 * ```ts
 * const s: SyncStateJsonObject = { endpoint: 'http://www.example.com/sdata/myApp1/myContract/-/accounts', tick: 5, stamp: '2008-10-30T14:55:43.281Z' }
 * ```
 */
export interface SyncStateJsonObject {
  /** Kept members the mapping does not model (see `JsonMembers`). */
  [member: string]: unknown
  /** Where the resource was last modified. */
  endpoint: string
  /** The tick there; absent reads as 0, as in XML. */
  tick: number
  /** When. */
  stamp: string
  /** Who. */
  user?: string
  /** Unmodelled child elements, losslessly (present when the value has them). */
  $extensions?: ElementJsonObject[]
  /** Attributes of the element other than namespace declarations, losslessly (present when the value has them). */
  $attributes?: AttributeJsonObject[]
}

/**
 * JSON form of a diagnosis, with SData 2.0's `$`-prefixed members (docs/decisions.md#s14). Child elements the
 * model does not know go to `$extensions` in the lossless element form.
 *
 * @example
 * ```ts
 * const d: DiagnosisJsonObject = { $severity: 'error', $sdataCode: 'BadWhereSyntax', $message: 'Invalid query syntax', $applicationCode: '2403' }
 * ```
 */
export interface DiagnosisJsonObject {
  /** Kept members the mapping does not model (see `JsonMembers`). */
  [member: string]: unknown
  /** Severity. */
  $severity?: string
  /** The SData code. */
  $sdataCode?: string
  /** The application's code; `null` for `xsi:nil`. */
  $applicationCode?: string | null
  /** Friendly message. */
  $message?: string
  /** Stack trace. */
  $stackTrace?: string
  /** XPath of the offending payload element. */
  $payloadPath?: string
  /** Unmodelled child elements. */
  $extensions?: ElementJsonObject[]
}

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
  /** Diagnoses. */
  $diagnoses?: DiagnosisJsonObject[]
  /** Unmodelled child elements of the entry, losslessly. */
  $extensions?: ElementJsonObject[]
  /** Attributes of the element other than namespace declarations (`xml:lang`, foreign ones), losslessly. */
  $attributes?: AttributeJsonObject[]
}

/**
 * JSON form of a sync feed, result feed or batch response (SData 2.0 feed with the sync members).
 *
 * @example
 * ```ts
 * const feed: SyncFeedJsonObject = { $syncMode: 'catchUp', $digest: { digestEntry: [] }, $resources: [] }
 * ```
 */
export interface SyncFeedJsonObject {
  /** Kept members the mapping does not model (see `JsonMembers`). */
  [member: string]: unknown
  /** `atom:id`. */
  $id?: string
  /** `atom:title`. */
  $title?: string
  /** `atom:updated`. */
  $updated?: string
  /** Atom links (paging among them). */
  $links?: LinkJsonObject[]
  /** `opensearch:totalResults`. */
  $totalResults?: number
  /** `opensearch:startIndex`. */
  $startIndex?: number
  /** `opensearch:itemsPerPage`. */
  $itemsPerPage?: number
  /** `sync:syncMode`. */
  $syncMode?: SyncMode
  /** The source digest. */
  $digest?: DigestJsonObject
  /** Feed-level diagnoses. */
  $diagnoses?: DiagnosisJsonObject[]
  /** The entries. */
  $resources: SyncEntryJsonObject[]
  /** Unmodelled child elements of the feed, losslessly. */
  $extensions?: ElementJsonObject[]
  /** Attributes of the element other than namespace declarations (`xml:lang`, foreign ones), losslessly. */
  $attributes?: AttributeJsonObject[]
}

// ---------------------------------------------------------------------------------------------- encode

function nonEmpty<A>(items: A[] | undefined): A[] | undefined {
  return items !== undefined && items.length > 0 ? items : undefined
}

/** Parts a value may keep beyond its modelled fields; absent when there are none. */
interface Kept {
  extensions?: XmlElement[]
  attributes?: XmlAttribute[]
}

// Read through a structural view, so values with or without these optional members are handled alike.
const kept = (value: object): Kept => value as Kept

function keptExtensions(value: object): ElementJsonObject[] | undefined {
  return kept(value).extensions?.map((e) => elementToJson(e))
}

function keptAttributes(value: object): AttributeJsonObject[] | undefined {
  return kept(value).attributes?.map(attributeToJson)
}

function encodeDigest(digest: Digest): DigestJsonObject {
  const out: DigestJsonObject = compact({
    origin: digest.origin,
    digestEntry: digest.entries.map((e) =>
      withMembers(
        compact({
          endpoint: e.endpoint,
          tick: e.tick,
          stamp: e.stamp,
          conflictPriority: e.conflictPriority,
          $extensions: keptExtensions(e),
          $attributes: keptAttributes(e),
        }),
        e.jsonMembers,
        ZERO_FOR_NULL,
      ),
    ),
    $extensions: keptExtensions(digest),
    $attributes: keptAttributes(digest),
  })
  return withMembers(out, digest.jsonMembers)
}

function encodeSyncState(state: SyncState): SyncStateJsonObject {
  return withMembers(
    compact({
      endpoint: state.endpoint,
      tick: state.tick,
      stamp: state.stamp,
      user: state.user,
      $extensions: keptExtensions(state),
      $attributes: keptAttributes(state),
    }),
    state.jsonMembers,
    ZERO_FOR_NULL,
  )
}

function encodeDiagnosis(d: Diagnosis): DiagnosisJsonObject {
  return withMembers(encodeDiagnosisMembers(d), d.jsonMembers)
}

function encodeDiagnosisMembers(d: Diagnosis): DiagnosisJsonObject {
  return compact({
    $severity: d.severity,
    $sdataCode: d.sdataCode,
    $applicationCode: d.applicationCode,
    $message: d.message,
    $stackTrace: d.stackTrace,
    $payloadPath: d.payloadPath,
    $extensions: nonEmpty(d.extensions?.map((e) => elementToJson(e))),
  })
}

function encodeLink(link: Link): LinkJsonObject {
  return compact({ rel: link.rel, href: link.href, type: link.type, title: link.title })
}

function encodeExtensions(extensions: XmlElement[] | undefined): ElementJsonObject[] | undefined {
  return nonEmpty(extensions?.map((e) => elementToJson(e)))
}

function encodeEntry<V>(entry: SyncEntry<V>, codec?: PayloadCodec<V>): SyncEntryJsonObject {
  const http: HttpResult = entry.http ?? {}
  const head: SyncEntryJsonObject = compact({
    $id: entry.id,
    $title: entry.title,
    $updated: entry.updated,
    $links: nonEmpty(entry.links?.map(encodeLink)),
    $content: entry.content,
    $syncState: entry.syncState === undefined ? undefined : encodeSyncState(entry.syncState),
  })
  const withPayload = entry.payload === undefined ? head : payloadJson(head, entry.payload, codec)
  const tail = compact({
    $digest: entry.digest === undefined ? undefined : encodeDigest(entry.digest),
    $httpStatus: http.status,
    $httpMessage: http.message,
    $httpMethod: http.method,
    $location: http.location,
    $etag: http.etag,
    $diagnoses: nonEmpty(entry.diagnoses?.map(encodeDiagnosis)),
    $extensions: encodeExtensions(entry.extensions),
    $attributes: keptAttributes(entry),
  })
  return withMembers({ ...withPayload, ...tail }, entry.jsonMembers)
}

function encodeFeed<V>(feed: SyncFeed<V>, codec?: PayloadCodec<V>): SyncFeedJsonObject {
  const os: OpenSearch = feed.opensearch ?? {}
  const out: SyncFeedJsonObject = compact({
    $id: feed.id,
    $title: feed.title,
    $updated: feed.updated,
    $links: nonEmpty(feed.links?.map(encodeLink)),
    $totalResults: os.totalResults,
    $startIndex: os.startIndex,
    $itemsPerPage: os.itemsPerPage,
    $syncMode: feed.syncMode,
    $digest: feed.digest === undefined ? undefined : encodeDigest(feed.digest),
    $diagnoses: nonEmpty(feed.diagnoses?.map(encodeDiagnosis)),
    $resources: feed.entries.map((e) => encodeEntry(e, codec)),
    $extensions: encodeExtensions(feed.extensions),
    $attributes: keptAttributes(feed),
  })
  return withMembers(out, feed.jsonMembers)
}

// ---------------------------------------------------------------------------------------------- decode

function stampOf(errs: Errs, o: JsonRecord, key: string, c: Ctx, required: boolean): Stamp | undefined {
  if (required && member(o, key) === undefined)
    return fail(errs, o, at(c, key, t.string, undefined), `${key} is missing`)
  return optStamp(errs, o, key, c) as Stamp | undefined
}

function readDigestEntry(errs: Errs, u: unknown, c: Ctx): DigestEntry | undefined {
  const raw = readObject(errs, u, c, 'a digestEntry')
  if (raw === undefined) return undefined
  const { view: o, kept } = splitMembers(errs, raw, c, DIGEST_ENTRY_KEYS, false, NONE)
  const endpoint = reqString(errs, o, 'endpoint', c)
  // SIF drops zero ticks and priorities (docs/decisions.md#s2); JSON reads them as XML does.
  const tick = optInteger(errs, o, 'tick', c, 0) ?? 0
  const stamp = stampOf(errs, o, 'stamp', c, true)
  const conflictPriority = optInteger(errs, o, 'conflictPriority', c) ?? 0
  const extensions = optArray(errs, o, '$extensions', c, (v, vc) => readElement(errs, v, vc))
  const attributes = readAttributes(errs, o, c)
  if (endpoint === undefined || stamp === undefined) return undefined
  const entry: DigestEntry = { endpoint, tick, stamp, conflictPriority }
  return withJsonMembers(withKept(entry, extensions, attributes), kept)
}

/** Sets the JSON members kept by {@link splitMembers}, when there are any. */
function withJsonMembers<A extends { jsonMembers?: JsonMembers }>(value: A, kept: JsonMembers | undefined): A {
  if (kept !== undefined) value.jsonMembers = kept
  return value
}

const DIGEST_ENTRY_KEYS: ReadonlySet<string> = new Set([
  'endpoint',
  'tick',
  'stamp',
  'conflictPriority',
  '$extensions',
  '$attributes',
])
const DIGEST_KEYS: ReadonlySet<string> = new Set(['origin', 'digestEntry', '$extensions', '$attributes'])
const SYNC_STATE_KEYS: ReadonlySet<string> = new Set([
  'endpoint',
  'tick',
  'stamp',
  'user',
  '$extensions',
  '$attributes',
])
// Members a null `tick` or `conflictPriority` stands for: they read as 0, as a missing one does.
// Digest and syncState members are all written as read (their `$extensions` included, even when empty).
const NONE: ReadonlySet<string> = new Set()
const ZERO_FOR_NULL = ['tick', 'conflictPriority'] as const

/** Sets the kept members that were present in the JSON (and only those). */
function withKept<A extends object>(
  value: A,
  extensions: XmlElement[] | undefined,
  attributes: XmlAttribute[] | undefined,
): A {
  if (extensions !== undefined) kept(value).extensions = extensions
  if (attributes !== undefined) kept(value).attributes = attributes
  return value
}

function readAttributes(errs: Errs, o: JsonRecord, c: Ctx): XmlAttribute[] | undefined {
  return optArray(errs, o, '$attributes', c, (v, vc) => readAttribute(errs, v, vc))
}

function readDigest(errs: Errs, u: unknown, c: Ctx): Digest | undefined {
  const raw = readObject(errs, u, c, 'a digest')
  if (raw === undefined) return undefined
  const { view: o, kept } = splitMembers(errs, raw, c, DIGEST_KEYS, false, NONE)
  const origin = optString(errs, o, 'origin', c)
  const before = errs.length
  const entries = optArray(errs, o, 'digestEntry', c, (v, vc) => readDigestEntry(errs, v, vc)) ?? []
  const extensions = optArray(errs, o, '$extensions', c, (v, vc) => readElement(errs, v, vc))
  const attributes = readAttributes(errs, o, c)
  if (errs.length > before) return undefined
  const digest: Digest = origin === undefined ? { entries } : { origin, entries }
  return withJsonMembers(withKept(digest, extensions, attributes), kept)
}

function readSyncState(errs: Errs, u: unknown, c: Ctx): SyncState | undefined {
  const raw = readObject(errs, u, c, 'a syncState')
  if (raw === undefined) return undefined
  const { view: o, kept } = splitMembers(errs, raw, c, SYNC_STATE_KEYS, false, NONE)
  const endpoint = reqString(errs, o, 'endpoint', c)
  const tick = optInteger(errs, o, 'tick', c, 0) ?? 0
  const stamp = stampOf(errs, o, 'stamp', c, true)
  const user = optString(errs, o, 'user', c)
  const extensions = optArray(errs, o, '$extensions', c, (v, vc) => readElement(errs, v, vc))
  const attributes = readAttributes(errs, o, c)
  if (endpoint === undefined || stamp === undefined) return undefined
  const state: SyncState = user === undefined ? { endpoint, tick, stamp } : { endpoint, tick, stamp, user }
  return withJsonMembers(withKept(state, extensions, attributes), kept)
}

function readExtensions(errs: Errs, o: JsonRecord, c: Ctx): XmlElement[] {
  return optArray(errs, o, '$extensions', c, (v, vc) => readElement(errs, v, vc)) ?? []
}

const DIAGNOSIS_KEYS = ['severity', 'sdataCode', 'message', 'stackTrace', 'payloadPath'] as const

function readDiagnosis(errs: Errs, u: unknown, c: Ctx): Diagnosis | undefined {
  const raw = readObject(errs, u, c, 'a diagnosis')
  if (raw === undefined) return undefined
  const { view: o, kept } = splitMembers(errs, raw, c, DIAGNOSIS_JSON_KEYS)
  const d: Diagnosis = { extensions: [] }
  // The .NET client serialises diagnoses with plain member names; SData 2.0 prefixes them with `$`.
  const pick = (key: string) => (member(o, `$${key}`) !== undefined ? `$${key}` : key)
  for (const key of DIAGNOSIS_KEYS) {
    const value = optString(errs, o, pick(key), c)
    if (value !== undefined) d[key] = value
  }
  const appKey = member(raw, '$applicationCode') !== undefined ? '$applicationCode' : pick('applicationCode')
  let rest = kept
  if (member(raw, appKey) === null) {
    // A null applicationCode is modelled (`xsi:nil` in XML), so it is not kept as an unknown member.
    d.applicationCode = null
    if (rest !== undefined) {
      const { [appKey]: _null, ...others } = rest
      rest = Object.keys(others).length > 0 ? others : undefined
    }
  } else {
    const value = optString(errs, o, appKey, c)
    if (value !== undefined) d.applicationCode = value
  }
  d.extensions = readExtensions(errs, o, c)
  return withJsonMembers(d, rest)
}

const DIAGNOSIS_JSON_KEYS: ReadonlySet<string> = new Set([
  ...[...DIAGNOSIS_KEYS, 'applicationCode'].flatMap((k) => [k, `$${k}`]),
  '$extensions',
])

function readDiagnoses(errs: Errs, o: JsonRecord, c: Ctx): Diagnosis[] {
  if (member(o, '$diagnoses') !== undefined) {
    return optArray(errs, o, '$diagnoses', c, (v, vc) => readDiagnosis(errs, v, vc)) ?? []
  }
  // SData 2.0's member tables call it `$diagnosis` (an object); accept one object or an array under that name.
  const single = member(o, '$diagnosis')
  if (single === undefined) return []
  if (Array.isArray(single)) return optArray(errs, o, '$diagnosis', c, (v, vc) => readDiagnosis(errs, v, vc)) ?? []
  const d = readDiagnosis(errs, single, at(c, '$diagnosis', t.unknown, single))
  return d === undefined ? [] : [d]
}

function readLink(errs: Errs, u: unknown, c: Ctx): Link | undefined {
  const o = readObject(errs, u, c, 'a link')
  if (o === undefined) return undefined
  const rel = optString(errs, o, 'rel', c)
  const href = reqString(errs, o, 'href', c)
  const type = optString(errs, o, 'type', c)
  const title = optString(errs, o, 'title', c)
  if (href === undefined) return undefined
  return compact({ rel, href, type, title }) as Link
}

// The .NET client writes paging links as `$first`, `$next`, … string members; read them after `$links`.
const SHORTHAND_RELS = ['self', 'first', 'previous', 'next', 'last'] as const

function readLinks(errs: Errs, o: JsonRecord, c: Ctx): Link[] {
  const links = optArray(errs, o, '$links', c, (v, vc) => readLink(errs, v, vc)) ?? []
  for (const rel of SHORTHAND_RELS) {
    const href = optString(errs, o, `$${rel}`, c)
    if (href !== undefined) links.push({ rel, href })
  }
  return links
}

function readHttp(errs: Errs, o: JsonRecord, c: Ctx): HttpResult | undefined {
  const http = compact({
    status: optInteger(errs, o, '$httpStatus', c),
    message: optString(errs, o, '$httpMessage', c),
    method: optString(errs, o, '$httpMethod', c),
    location: optString(errs, o, '$location', c),
    etag: optString(errs, o, '$etag', c),
  })
  return Object.keys(http).length > 0 ? http : undefined
}

function readEntry<V>(errs: Errs, u: unknown, c: Ctx, codec?: PayloadCodec<V>): SyncEntry<V> | undefined {
  const raw = readObject(errs, u, c, 'an entry')
  if (raw === undefined) return undefined
  const { view: o, kept, native } = splitMembers(errs, raw, c, ENTRY_KEYS, true)
  const entry: SyncEntry<V> = { links: [], diagnoses: [], extensions: [] }
  const id = optString(errs, o, '$id', c)
  if (id !== undefined) entry.id = id
  const title = optString(errs, o, '$title', c)
  if (title !== undefined) entry.title = title
  const updated = stampOf(errs, o, '$updated', c, false)
  if (updated !== undefined) entry.updated = updated
  entry.links = readLinks(errs, o, c)
  const content = optString(errs, o, '$content', c)
  if (content !== undefined) entry.content = content
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
  const http = readHttp(errs, o, c)
  if (http !== undefined) entry.http = http
  entry.diagnoses = readDiagnoses(errs, o, c)
  entry.extensions = readExtensions(errs, o, c)
  return withJsonMembers(withKept(entry, undefined, readAttributes(errs, o, c)), rest)
}

const ENTRY_KEYS: ReadonlySet<string> = new Set([
  '$id',
  '$title',
  '$updated',
  '$links',
  '$content',
  '$syncState',
  ...PAYLOAD_JSON_KEYS,
  '$digest',
  '$httpStatus',
  '$httpMessage',
  '$httpMethod',
  '$location',
  '$etag',
  '$diagnoses',
  '$diagnosis',
  '$extensions',
  '$attributes',
  ...SHORTHAND_RELS.map((rel) => `$${rel}`),
])

const FEED_KEYS: ReadonlySet<string> = new Set([
  '$id',
  '$title',
  '$updated',
  '$links',
  '$totalResults',
  '$startIndex',
  '$itemsPerPage',
  '$syncMode',
  '$digest',
  '$diagnoses',
  '$diagnosis',
  '$resources',
  '$extensions',
  '$attributes',
  ...SHORTHAND_RELS.map((rel) => `$${rel}`),
])

function readFeed<V>(errs: Errs, u: unknown, c: Ctx, codec?: PayloadCodec<V>): SyncFeed<V> | undefined {
  const raw = readObject(errs, u, c, 'a feed')
  if (raw === undefined) return undefined
  const { view: o, kept } = splitMembers(errs, raw, c, FEED_KEYS)
  const feed: SyncFeed<V> = { links: [], diagnoses: [], entries: [], extensions: [] }
  const id = optString(errs, o, '$id', c)
  if (id !== undefined) feed.id = id
  const title = optString(errs, o, '$title', c)
  if (title !== undefined) feed.title = title
  const updated = stampOf(errs, o, '$updated', c, false)
  if (updated !== undefined) feed.updated = updated
  feed.links = readLinks(errs, o, c)
  const opensearch = compact({
    totalResults: optInteger(errs, o, '$totalResults', c),
    startIndex: optInteger(errs, o, '$startIndex', c),
    itemsPerPage: optInteger(errs, o, '$itemsPerPage', c),
  })
  if (Object.keys(opensearch).length > 0) feed.opensearch = opensearch
  const mode = member(o, '$syncMode')
  if (mode !== undefined) {
    if (mode === 'catchUp' || mode === 'immediate') feed.syncMode = mode
    else
      fail(
        errs,
        mode,
        at(c, '$syncMode', t.string, mode),
        `$syncMode ${JSON.stringify(mode)} is neither catchUp nor immediate`,
      )
  }
  const rawDigest = member(o, '$digest')
  if (rawDigest !== undefined) {
    const digest = readDigest(errs, rawDigest, at(c, '$digest', t.unknown, rawDigest))
    if (digest !== undefined) feed.digest = digest
  }
  feed.diagnoses = readDiagnoses(errs, o, c)
  if (member(o, '$resources') === undefined) {
    fail(errs, o, at(c, '$resources', t.UnknownArray, undefined), '$resources is missing (SData 2.0 requires it)')
  }
  feed.entries = optArray(errs, o, '$resources', c, (v, vc) => readEntry(errs, v, vc, codec)) ?? []
  feed.extensions = readExtensions(errs, o, c)
  return withJsonMembers(withKept(feed, undefined, readAttributes(errs, o, c)), kept)
}

// ---------------------------------------------------------------------------------------------- codecs

function isObject(u: unknown): u is Record<string, unknown> {
  return u !== null && typeof u === 'object'
}

/**
 * A digest ↔ its JSON form `{ origin?, digestEntry: [{ endpoint, tick, stamp, conflictPriority }] }`, as the
 * .NET client writes `$digest`. A missing `tick` or `conflictPriority` reads as 0 (as in XML); a missing
 * `endpoint` or `stamp` is an error. Stamps may also be .NET `/Date(ms)/` values.
 *
 * @example
 * ```ts
 * DigestJson.decode({ digestEntry: [{ endpoint: 'http://x/a', tick: 6, stamp: '2008-10-30T17:23:08Z', conflictPriority: 2 }] })
 * // right({ entries: [{ endpoint: 'http://x/a', tick: 6, stamp: '2008-10-30T17:23:08Z', conflictPriority: 2 }] })
 * ```
 */
export const DigestJson: t.Type<Digest, DigestJsonObject, unknown> = new t.Type<Digest, DigestJsonObject, unknown>(
  'DigestJson',
  (u): u is Digest => isObject(u) && Array.isArray(u.entries),
  (u, c) => run(u, c, (errs, ctx) => readDigest(errs, u, ctx)),
  encodeDigest,
)

/**
 * A syncState ↔ its JSON form `{ endpoint, tick, stamp, user? }` (the .NET client's `$syncState`).
 *
 * @example
 * ```ts
 * SyncStateJson.encode({ endpoint: 'http://x/a', tick: 5, stamp: '2008-10-30T14:55:43.281Z' as Stamp })
 * // { endpoint: 'http://x/a', tick: 5, stamp: '2008-10-30T14:55:43.281Z' }
 * ```
 */
export const SyncStateJson: t.Type<SyncState, SyncStateJsonObject, unknown> = new t.Type<
  SyncState,
  SyncStateJsonObject,
  unknown
>(
  'SyncStateJson',
  (u): u is SyncState => isObject(u) && typeof u.endpoint === 'string' && typeof u.tick === 'number',
  (u, c) => run(u, c, (errs, ctx) => readSyncState(errs, u, ctx)),
  encodeSyncState,
)

/**
 * A diagnosis ↔ its SData 2.0 JSON form (`$severity`, `$sdataCode`, `$applicationCode`, `$message`,
 * `$stackTrace`, `$payloadPath`; `$extensions` for unmodelled children). Plain member names, as the .NET
 * client writes them, are read too.
 *
 * @example
 * ```ts
 * DiagnosisJson.decode({ $severity: 'error', $sdataCode: 'BadWhereSyntax', $applicationCode: null })
 * // right({ severity: 'error', sdataCode: 'BadWhereSyntax', applicationCode: null, extensions: [] })
 * ```
 */
export const DiagnosisJson: t.Type<Diagnosis, DiagnosisJsonObject, unknown> = new t.Type<
  Diagnosis,
  DiagnosisJsonObject,
  unknown
>(
  'DiagnosisJson',
  (u): u is Diagnosis => isObject(u) && Array.isArray(u.extensions),
  (u, c) => run(u, c, (errs, ctx) => readDiagnosis(errs, u, ctx)),
  encodeDiagnosis,
)

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
  return new t.Type<SyncEntry<V>, SyncEntryJsonObject, unknown>(
    'SyncEntryJson',
    (u): u is SyncEntry<V> => isObject(u) && Array.isArray(u.links) && Array.isArray(u.diagnoses),
    (u, c) => run(u, c, (errs, ctx) => readEntry(errs, u, ctx, payloadCodec)),
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

/**
 * A sync feed ↔ its JSON form with payloads typed by a caller's contract codec (see {@link SyncFeedJson} for the
 * form, {@link syncEntryJson} for the typed payloads).
 *
 * @example
 * ```ts
 * const AccountFeedJson = syncFeedJson(Account)
 * const r = AccountFeedJson.decode(JSON.parse(text)) // r.right.entries[0].payload?.value
 * ```
 */
export function syncFeedJson<V>(payloadCodec?: PayloadCodec<V>): t.Type<SyncFeed<V>, SyncFeedJsonObject, unknown> {
  return new t.Type<SyncFeed<V>, SyncFeedJsonObject, unknown>(
    'SyncFeedJson',
    (u): u is SyncFeed<V> => isObject(u) && Array.isArray(u.entries) && Array.isArray(u.links),
    (u, c) => run(u, c, (errs, ctx) => readFeed(errs, u, ctx, payloadCodec)),
    (feed) => encodeFeed(feed, payloadCodec),
  )
}

/**
 * A sync feed, `$syncTarget` result feed or batch response ↔ its SData 2.0 JSON form: `$resources`,
 * `$syncMode`, `$digest`, `$diagnoses`, OpenSearch figures as `$totalResults`/`$startIndex`/`$itemsPerPage`,
 * links in `$links` (the .NET `$next`-style members are read too), unmodelled elements in `$extensions`.
 * value → JSON → value is the identity (an empty `opensearch` or `http` object encodes as none); decoding
 * is total and reports JSON paths such as `/$resources/0/$syncState/tick`.
 *
 * @example
 * ```ts
 * const feed = SyncFeedJson.decode(JSON.parse(text)) // Either<t.Errors, SyncFeed>
 * const json = JSON.stringify(SyncFeedJson.encode(value))
 * ```
 */
export const SyncFeedJson: t.Type<SyncFeed, SyncFeedJsonObject, unknown> = syncFeedJson()

// ---------------------------------------------------------------------------------------------- standalone documents

/**
 * JSON form of a standalone diagnoses document: `{ $diagnoses: [...] }` (SData 2.0 §04-0500), or
 * `{ $diagnosis: {...} }` for the bare `diagnosis` root that Sage 50 sends; `$attributes` holds the root's attributes
 * other than namespace declarations, when it has any.
 *
 * @example
 * ```ts
 * const d: DiagnosesJsonObject = { $diagnoses: [{ $severity: 'error', $sdataCode: 'BadWhereSyntax' }] }
 * ```
 */
export type DiagnosesJsonObject = ({ $diagnoses: DiagnosisJsonObject[] } | { $diagnosis: DiagnosisJsonObject }) & {
  $attributes?: AttributeJsonObject[]
}

function readDiagnosesDocument(errs: Errs, u: unknown, c: Ctx): DiagnosesDocument | undefined {
  const o = readObject(errs, u, c, 'a diagnoses document')
  if (o === undefined) return undefined
  const single = member(o, '$diagnosis')
  const attributes = readAttributes(errs, o, c)
  if (member(o, '$diagnoses') === undefined && single !== undefined && !Array.isArray(single)) {
    const d = readDiagnosis(errs, single, at(c, '$diagnosis', t.unknown, single))
    return d === undefined
      ? undefined
      : withKept<DiagnosesDocument>({ root: 'diagnosis', diagnoses: [d] }, undefined, attributes)
  }
  if (member(o, '$diagnoses') === undefined && single === undefined) {
    return fail(errs, o, at(c, '$diagnoses', t.UnknownArray, undefined), '$diagnoses is missing')
  }
  return withKept<DiagnosesDocument>({ root: 'diagnoses', diagnoses: readDiagnoses(errs, o, c) }, undefined, attributes)
}

function encodeDiagnosesDocument(d: DiagnosesDocument): DiagnosesJsonObject {
  const body =
    d.root === 'diagnosis' && d.diagnoses.length === 1
      ? { $diagnosis: encodeDiagnosis(d.diagnoses[0]!) }
      : { $diagnoses: d.diagnoses.map(encodeDiagnosis) }
  const attributes = keptAttributes(d)
  return attributes === undefined ? body : { ...body, $attributes: attributes }
}

/**
 * A standalone diagnoses document ↔ its JSON form ({@link DiagnosesJsonObject}); a `diagnosis` root is written as
 * `$diagnosis` only when it holds exactly one diagnosis, as `DiagnosesXml` does.
 *
 * @example
 * ```ts
 * DiagnosesJson.encode({ root: 'diagnosis', diagnoses: [{ severity: 'error', extensions: [] }] }) // { $diagnosis: { $severity: 'error' } }
 * ```
 */
export const DiagnosesJson: t.Type<DiagnosesDocument, DiagnosesJsonObject, unknown> = new t.Type<
  DiagnosesDocument,
  DiagnosesJsonObject,
  unknown
>(
  'DiagnosesJson',
  (u): u is DiagnosesDocument => isObject(u) && Array.isArray(u.diagnoses),
  (u, c) => run(u, c, (errs, ctx) => readDiagnosesDocument(errs, u, ctx)),
  encodeDiagnosesDocument,
)

/**
 * JSON form of a tracking body (SData 2.0 §04-0500: `{ $tracking: { $phase, … } }`). `$progress` is a JSON number
 * when that number prints back as the same decimal, else the decimal as a string (so `12.0` survives);
 * `$namespace` appears only for the `…/sdata/2008` namespace the sync examples use.
 *
 * @example
 * ```ts
 * const tr: TrackingJsonObject = { $tracking: { $phase: 'Archiving FY 2007', $progress: 12, $elapsedSeconds: 95, $pollingMillis: 500 } }
 * ```
 */
export interface TrackingJsonObject {
  /** The tracking members. */
  $tracking: {
    /** Current phase. */
    $phase?: string
    /** Detail of the phase. */
    $phaseDetail?: string
    /** Progress in percent. */
    $progress?: number | string
    /** Seconds elapsed. */
    $elapsedSeconds?: number
    /** Seconds remaining. */
    $remainingSeconds?: number
    /** When to poll again, in milliseconds. */
    $pollingMillis?: number
    /** The XML namespace, when it is not `http://schemas.sage.com/sdata/2008/1`. */
    $namespace?: string
    /** Unmodelled child elements. */
    $extensions?: ElementJsonObject[]
    /** Attributes of the root other than namespace declarations, losslessly (present when the value has them). */
    $attributes?: AttributeJsonObject[]
  }
}

const SDATA_NAMESPACE = 'http://schemas.sage.com/sdata/2008/1'
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/

function readTracking(errs: Errs, u: unknown, c: Ctx): Tracking | undefined {
  const outer = readObject(errs, u, c, 'a tracking document')
  if (outer === undefined) return undefined
  const inner = member(outer, '$tracking')
  // The bare member object is read too, as clients that unwrap `$tracking` send it.
  const here = inner === undefined ? c : at(c, '$tracking', t.unknown, inner)
  const o = inner === undefined ? outer : readObject(errs, inner, here, '$tracking')
  if (o === undefined) return undefined
  const tracking: Tracking = { namespace: optString(errs, o, '$namespace', here) ?? SDATA_NAMESPACE, extensions: [] }
  for (const key of ['phase', 'phaseDetail'] as const) {
    const value = optString(errs, o, `$${key}`, here)
    if (value !== undefined) tracking[key] = value
  }
  const progress = member(o, '$progress')
  if (typeof progress === 'number' && Number.isFinite(progress)) tracking.progress = String(progress)
  else if (typeof progress === 'string' && DECIMAL.test(progress)) tracking.progress = progress
  else if (progress !== undefined) {
    fail(errs, progress, at(here, '$progress', t.unknown, progress), '$progress must be a decimal number')
  }
  for (const key of ['elapsedSeconds', 'remainingSeconds', 'pollingMillis'] as const) {
    const value = optInteger(errs, o, `$${key}`, here)
    if (value !== undefined) tracking[key] = value
  }
  tracking.extensions = readExtensions(errs, o, here)
  return withKept(tracking, undefined, readAttributes(errs, o, here))
}

function encodeTracking(tr: Tracking): TrackingJsonObject {
  const progress =
    tr.progress === undefined
      ? undefined
      : String(Number(tr.progress)) === tr.progress
        ? Number(tr.progress)
        : tr.progress
  return {
    $tracking: compact({
      $phase: tr.phase,
      $phaseDetail: tr.phaseDetail,
      $progress: progress,
      $elapsedSeconds: tr.elapsedSeconds,
      $remainingSeconds: tr.remainingSeconds,
      $pollingMillis: tr.pollingMillis,
      $namespace: tr.namespace === SDATA_NAMESPACE ? undefined : tr.namespace,
      $extensions: encodeExtensions(tr.extensions),
      $attributes: keptAttributes(tr),
    }),
  }
}

/**
 * A tracking body (core §3.11) ↔ its SData 2.0 JSON form ({@link TrackingJsonObject}).
 *
 * @example
 * ```ts
 * TrackingJson.decode({ $tracking: { $phase: 'Running', $progress: 12.5, $pollingMillis: 500 } })
 * // right({ namespace: 'http://schemas.sage.com/sdata/2008/1', phase: 'Running', progress: '12.5', pollingMillis: 500, extensions: [] })
 * ```
 */
export const TrackingJson: t.Type<Tracking, TrackingJsonObject, unknown> = new t.Type<
  Tracking,
  TrackingJsonObject,
  unknown
>(
  'TrackingJson',
  (u): u is Tracking => isObject(u) && typeof u.namespace === 'string' && Array.isArray(u.extensions),
  (u, c) => run(u, c, (errs, ctx) => readTracking(errs, u, ctx)),
  encodeTracking,
)
