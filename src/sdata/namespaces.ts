// The namespace URIs of SData sync documents and the prefixes the encoders write.
// Implements the SData namespaces (core §1, sync §4) and docs/decisions.md#s1 (match by URI, write conventional prefixes).
import { XSI_NAMESPACE } from '../codec/schema/dialect'

/**
 *The Atom namespace (feed, entry, id, title, updated, link, content, author, category).
 *
 * @example
 * ```ts
 * element.namespace === ATOM_NS
 * ```
 */
export const ATOM_NS = 'http://www.w3.org/2005/Atom'
/**
 *The SData core namespace (payload, diagnosis, diagnoses, tracking, and the uuid/key/url/… attributes).
 *
 * @example
 * ```ts
 * element.namespace === SDATA_NS
 * ```
 */
export const SDATA_NS = 'http://schemas.sage.com/sdata/2008/1'
/**
 *The SData sync namespace (syncMode, digest, digestEntry, syncState).
 *
 * @example
 * ```ts
 * element.namespace === SYNC_NS
 * ```
 */
export const SYNC_NS = 'http://schemas.sage.com/sdata/sync/2008/1'
/**
 *The SData HTTP namespace (httpStatus, httpMessage, httpMethod, location, etag).
 *
 * @example
 * ```ts
 * element.namespace === HTTP_NS
 * ```
 */
export const HTTP_NS = 'http://schemas.sage.com/sdata/http/2008/1'
/**
 *The OpenSearch 1.1 namespace (totalResults, startIndex, itemsPerPage).
 *
 * @example
 * ```ts
 * element.namespace === OPENSEARCH_NS
 * ```
 */
export const OPENSEARCH_NS = 'http://a9.com/-/spec/opensearch/1.1/'
/**
 *XML Schema instance (`xsi:nil`).
 *
 * @example
 * ```ts
 * element.namespace === XSI_NS
 * ```
 */
export const XSI_NS = XSI_NAMESPACE
/**
 *The tracking namespace the sync §5.2/§5.3 examples use (no `/1`); read as well as {@link SDATA_NS}.
 *
 * @example
 * ```ts
 * element.namespace === SDATA_LEGACY_NS
 * ```
 */
export const SDATA_LEGACY_NS = 'http://schemas.sage.com/sdata/2008'

/**
 * The prefix each namespace is written with (`null` = the default namespace); decoding ignores prefixes.
 *
 * @example
 * ```ts
 * CONVENTIONAL_PREFIXES.get(SYNC_NS) // 'sync'
 * ```
 */
export const CONVENTIONAL_PREFIXES: ReadonlyMap<string, string | null> = new Map<string, string | null>([
  [ATOM_NS, null],
  [SDATA_NS, 'sdata'],
  [SYNC_NS, 'sync'],
  [HTTP_NS, 'http'],
  [OPENSEARCH_NS, 'opensearch'],
  [XSI_NS, 'xsi'],
])
