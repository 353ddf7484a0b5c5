// The SData JSON form of a sync feed: `$resources`, `$syncMode`, `$digest`, OpenSearch figures and links, derived
// from the feed's description (FEED, src/sdata/feed.ts). Implements SData 2.0 §04-0500 (feed members) with the sync
// members of the .NET client (docs/decisions.md#s14).
import type * as t from 'io-ts'
import type { AttributeJsonObject, ElementJsonObject } from '../../codec/json/element'
import { jsonType } from '../../codec/json/kept'
import { FEED, isFeed } from '../feed'
import type { SyncFeed, SyncMode } from '../model'
import type { PayloadCodec } from '../payload'
import type { DiagnosesWrapperJsonObject, DiagnosisJsonObject } from './diagnosis'
import type { DigestJsonObject } from './digest'
import type { LinkJsonObject, SyncEntryJsonObject } from './entry'
import { ownerJson } from './owner'

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

const json = ownerJson(FEED)

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
    isFeed,
    (errs, u, ctx) => json.read(errs, u, ctx, payloadCodec),
    (feed) => json.write(feed, payloadCodec) as SyncFeedJsonObject,
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
