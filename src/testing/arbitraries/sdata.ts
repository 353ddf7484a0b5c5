// fast-check arbitraries for SData sync entries and feeds, with HTTP results and OpenSearch figures
// (sync §4.2–§4.4, §5.3, core §3.10/§3.11), generating only values that the SData codecs encode and decode back unchanged.
import fc from 'fast-check'
import type { DiagnosesOwner } from '../../sdata/diagnosis'
import { HTTP_RESULT, OPENSEARCH } from '../../sdata/leaves'
import type { HttpResult, OpenSearch, SyncEntry, SyncFeed } from '../../sdata/model'
import { arbExtensions, arbStamp, arbXmlText, type SDataArbitraryOptions, withRootAttributes } from './sdata-common'
import { arbitraryOfGroup } from './sdata-groups'
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

/** A generated feed or entry with its diagnoses (and their wrappers) in place. */
function withDiagnoses<A extends { diagnoses: DiagnosesOwner }>({ diagnoses, ...rest }: A) {
  return { ...rest, ...diagnoses }
}

/** The Atom metadata a feed and an entry both carry, first in both: id, title, updated and links. */
function atomHead(options: SDataArbitraryOptions, maxLinks: number) {
  return {
    id: arbXmlText(),
    title: arbXmlText(),
    updated: arbStamp(options),
    links: fc.array(arbLink(), { maxLength: maxLinks }),
  }
}

/**
 * A sync, result or `$syncDigest` entry: any mix of syncState, payload (possibly deleted), digest, http results,
 * diagnoses and foreign elements; `id`/`title` may be empty.
 *
 * @example
 * ```ts
 * fc.sample(arbSyncEntry(), 1)
 * ```
 */
export function arbSyncEntry(options: SDataArbitraryOptions = {}): fc.Arbitrary<SyncEntry> {
  return withRootAttributes(
    fc
      .record(
        {
          ...atomHead(options, 2),
          content: arbXmlText(),
          syncState: arbSyncState(options),
          payload: arbPayloadResource(options),
          digest: arbDigest(options),
          http: arbHttpResult(),
          diagnoses: arbDiagnosesOf(options, 1),
          extensions: arbExtensions(options, ['author', 'published', 'summary', 'category']),
        },
        { requiredKeys: ['links', 'diagnoses', 'extensions'] },
      )
      .map(withDiagnoses),
    options,
  )
}

/**
 * A sync feed (sync §4.4), result feed or batch response.
 *
 * @example
 * ```ts
 * fc.sample(arbSyncFeed({ maxEntries: 2 }), 1)
 * ```
 */
export function arbSyncFeed(options: SDataArbitraryOptions = {}): fc.Arbitrary<SyncFeed> {
  return withRootAttributes(
    fc
      .record(
        {
          ...atomHead(options, 3),
          opensearch: arbOpenSearch(),
          syncMode: arbSyncMode(),
          digest: arbDigest(options),
          diagnoses: arbDiagnosesOf(options, 1),
          entries: fc.array(arbSyncEntry(options), { maxLength: options.maxEntries ?? 5 }),
          extensions: arbExtensions(options, ['author', 'generator', 'subtitle', 'category']),
        },
        { requiredKeys: ['links', 'diagnoses', 'entries', 'extensions'] },
      )
      .map(withDiagnoses),
    options,
  )
}
