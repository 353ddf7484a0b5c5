// The SData JSON form of a sync feed: `$resources`, `$syncMode`, `$digest`, OpenSearch figures and links.
// Implements SData 2.0 §04-0500 (feed members) with the sync members of the .NET client (docs/decisions.md#s14).
import * as t from 'io-ts'
import type { AttributeJsonObject, ElementJsonObject } from '../../codec/json/element'
import {
  encodeExtensions,
  jsonType,
  keptAttributes,
  readAttributes,
  readExtensions,
  withJsonMembers,
  withKept,
} from '../../codec/json/kept'
import { at, type Ctx, compact, type Errs, fail, member, optArray, readObject } from '../../codec/json/read'
import { opensearch, syncMode } from '../leaves'
import type { SyncFeed, SyncMode } from '../model'
import type { PayloadCodec } from '../payload'
import {
  type DiagnosesWrapperJsonObject,
  type DiagnosisJsonObject,
  encodeDiagnosesOf,
  readDiagnosesOf,
} from './diagnosis'
import { type DigestJsonObject, encodeDigest, readDigest } from './digest'
import {
  encodeEntry,
  encodeHead,
  HEAD_KEYS,
  type LinkJsonObject,
  readEntry,
  readHead,
  type SyncEntryJsonObject,
} from './entry'
import { splitMembers, withMembers } from './members'

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
  /** Feed-level diagnoses, in document order (wrapped or not). */
  $diagnoses?: DiagnosisJsonObject[]
  /** The `sdata:diagnoses` wrappers among them (see `DiagnosesWrapper`). */
  $diagnosesWrappers?: DiagnosesWrapperJsonObject[]
  /** The entries. */
  $resources: SyncEntryJsonObject[]
  /** Unmodelled child elements of the feed, losslessly. */
  $extensions?: ElementJsonObject[]
  /** Attributes of the element other than namespace declarations (`xml:lang`, foreign ones), losslessly. */
  $attributes?: AttributeJsonObject[]
}

function encodeFeed<V>(feed: SyncFeed<V>, codec?: PayloadCodec<V>): SyncFeedJsonObject {
  const out: Record<string, unknown> = {}
  encodeHead(feed, out)
  opensearch.writeJson(feed, out)
  syncMode.writeJson(feed, out)
  if (feed.digest !== undefined) out.$digest = encodeDigest(feed.digest)
  const rest = compact({
    ...encodeDiagnosesOf(feed),
    $resources: feed.entries.map((e) => encodeEntry(e, codec)),
    $extensions: encodeExtensions(feed.extensions),
    $attributes: keptAttributes(feed),
  })
  return withMembers({ ...out, ...rest } as SyncFeedJsonObject, feed.jsonMembers)
}

const FEED_KEYS: ReadonlySet<string> = new Set([
  ...HEAD_KEYS,
  ...opensearch.jsonKeys,
  ...syncMode.jsonKeys,
  '$digest',
  '$diagnoses',
  '$diagnosis',
  '$diagnosesWrappers',
  '$resources',
  '$extensions',
  '$attributes',
])

function readFeed<V>(errs: Errs, u: unknown, c: Ctx, codec?: PayloadCodec<V>): SyncFeed<V> | undefined {
  const raw = readObject(errs, u, c, 'a feed')
  if (raw === undefined) return undefined
  const { view: o, kept } = splitMembers(errs, raw, c, FEED_KEYS)
  const feed: SyncFeed<V> = { links: [], diagnoses: [], entries: [], extensions: [] }
  readHead(errs, o, c, feed)
  opensearch.readJson(errs, o, c, feed)
  syncMode.readJson(errs, o, c, feed)
  const rawDigest = member(o, '$digest')
  if (rawDigest !== undefined) {
    const digest = readDigest(errs, rawDigest, at(c, '$digest', t.unknown, rawDigest))
    if (digest !== undefined) feed.digest = digest
  }
  Object.assign(feed, readDiagnosesOf(errs, o, c))
  if (member(o, '$resources') === undefined) {
    fail(errs, o, at(c, '$resources', t.UnknownArray, undefined), '$resources is missing (SData 2.0 requires it)')
  }
  feed.entries = optArray(errs, o, '$resources', c, (v, vc) => readEntry(errs, v, vc, codec)) ?? []
  feed.extensions = readExtensions(errs, o, c)
  return withJsonMembers(withKept(feed, undefined, readAttributes(errs, o, c)), kept)
}

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
  return jsonType<SyncFeed<V>, SyncFeedJsonObject>(
    'SyncFeedJson',
    (u) => Array.isArray(u.entries) && Array.isArray(u.links),
    (errs, u, ctx) => readFeed(errs, u, ctx, payloadCodec),
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
