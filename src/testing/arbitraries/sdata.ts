// fast-check arbitraries for SData sync entries and feeds, with HTTP results and OpenSearch figures
// (sync §4.2–§4.4, §5.3, core §3.10/§3.11), generating only values that the SData codecs encode and decode back unchanged.
import fc from 'fast-check'
import { ENTRY } from '../../sdata/entry'
import { FEED } from '../../sdata/feed'
import { HTTP_RESULT, OPENSEARCH } from '../../sdata/leaves'
import type { HttpResult, OpenSearch, SyncEntry, SyncFeed } from '../../sdata/model'
import { arbExtensions, arbXmlText, type SDataArbitraryOptions, withRootAttributes } from './sdata-common'
import { arbitraryOfGroup } from './sdata-groups'
import { arbitraryOfOwner } from './sdata-owner'
import { arbDiagnosesOf, arbDigest, arbLink, arbSyncMode, arbSyncState } from './sdata-parts'
import { arbPayloadResource } from './sdata-payload'

export type { SDataArbitraryOptions } from './sdata-common'
export { arbEndpoint, arbStamp, arbXmlText } from './sdata-common'
export {
  arbDiagnosesDocument,
  arbDiagnosis,
  arbDigest,
  arbDigestEntry,
  arbLink,
  arbSyncMode,
  arbSyncState,
  arbTracking,
} from './sdata-parts'
export { arbPayloadResource } from './sdata-payload'

/**
 * The `http:*` elements of a result entry (sync §5.3): status, message, method, location, etag, at least one.
 *
 * @example
 * ```ts
 * fc.sample(arbHttpResult(), 2)
 * ```
 */
export function arbHttpResult(): fc.Arbitrary<HttpResult> {
  return arbitraryOfGroup<HttpResult>(HTTP_RESULT, {
    status: fc.integer({ min: 100, max: 599 }),
    message: arbXmlText(8),
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
    location: fc.webUrl(),
    etag: fc.base64String({ maxLength: 24 }),
  })
}

/**
 * The OpenSearch paging numbers of a feed (totalResults, startIndex, itemsPerPage), at least one.
 *
 * @example
 * ```ts
 * fc.sample(arbOpenSearch(), 2)
 * ```
 */
export function arbOpenSearch(): fc.Arbitrary<OpenSearch> {
  return arbitraryOfGroup<OpenSearch>(OPENSEARCH)
}

/**
 * A sync, result or `$syncDigest` entry: any mix of syncState, payload (possibly deleted), digest, http results,
 * diagnoses and foreign elements; `id`/`title` may be empty. Its members are those of the entry's description.
 *
 * @example
 * ```ts
 * fc.sample(arbSyncEntry(), 1)
 * ```
 */
export function arbSyncEntry(options: SDataArbitraryOptions = {}): fc.Arbitrary<SyncEntry> {
  return withRootAttributes(
    arbitraryOfOwner(ENTRY, options, {
      links: fc.array(arbLink(), { maxLength: 2 }),
      syncState: arbSyncState(options),
      payload: arbPayloadResource(options),
      digest: arbDigest(options),
      http: arbHttpResult(),
      diagnoses: arbDiagnosesOf(options, 1),
      extensions: arbExtensions(options, ['author', 'published', 'summary', 'category']),
    }),
    options,
  )
}

/**
 * A sync feed (sync §4.4), result feed or batch response; its members are those of the feed's description.
 *
 * @example
 * ```ts
 * fc.sample(arbSyncFeed({ maxEntries: 2 }), 1)
 * ```
 */
export function arbSyncFeed(options: SDataArbitraryOptions = {}): fc.Arbitrary<SyncFeed> {
  return withRootAttributes(
    arbitraryOfOwner(FEED, options, {
      links: fc.array(arbLink(), { maxLength: 3 }),
      syncMode: arbSyncMode(),
      digest: arbDigest(options),
      diagnoses: arbDiagnosesOf(options, 1),
      entries: fc.array(arbSyncEntry(options), { maxLength: options.maxEntries ?? 5 }),
      extensions: arbExtensions(options, ['author', 'generator', 'subtitle', 'category']),
    }),
    options,
  )
}
