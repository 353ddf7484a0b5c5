// The SData synchronization value model (sync §4.3–§4.4, §5.3): links, entries, feeds and payloads that the
// sdata codecs read and write; the digest and sync-state values it builds on live in common/sync.
import type { Digest, JsonMembers, Stamp, SyncMode, SyncState } from '../common/sync'
import type { XmlAttribute, XmlElement } from '../xml/types'

// The values the conflict logic shares live in common/, below this folder; they are part of this model too.
export type { Digest, DigestEntry, JsonMembers, JsonValue, Stamp, SyncMode, SyncState } from '../common/sync'

/**
 * An Atom link (`rel` `self`, `first`, `next`, `previous`, `last`, or any other), attributes kept as sent.
 *
 * @example
 * ```ts
 * const next: Link = { rel: 'next', type: 'application/atom+xml; type=feed', href: 'http://…?startIndex=11&count=10' }
 * ```
 */
export interface Link {
  /** The relation; absent when the link had none. */
  rel?: string
  /** The target, exactly as sent (multi-line hrefs included). */
  href: string
  /** The media type. */
  type?: string
  /** The title. */
  title?: string
  /** JSON members the mapping does not model, kept by the JSON codecs (see {@link JsonMembers}); absent when there are none. */
  jsonMembers?: JsonMembers
}

/**
 * OpenSearch paging figures (core §6.4).
 *
 * @example
 * ```ts
 * const os: OpenSearch = { totalResults: 2, startIndex: 1, itemsPerPage: 10 }
 * ```
 */
export interface OpenSearch {
  /** Total number of resources in the collection. */
  totalResults?: number
  /** 1-based index of the first entry of this page. */
  startIndex?: number
  /** Page size actually used. */
  itemsPerPage?: number
}

/**
 * An `sdata:diagnosis` (core §3.10); every member is optional on read, as real servers omit some.
 *
 * @example
 * ```ts
 * const d: Diagnosis = { severity: 'error', sdataCode: 'ApplicationDiagnosis', applicationCode: null, message: 'Index was out of range.', extensions: [] }
 * ```
 */
export interface Diagnosis {
  /** `Info`, `Warning`, `Transient`, `Error`, `Fatal` (servers also send lowercase). */
  severity?: string
  /** `BadUrlSyntax`, `ApplicationDiagnosis`, … (the list may be extended). */
  sdataCode?: string
  /** The application's own code (only with `ApplicationDiagnosis`); `null` for `xsi:nil="true"`. */
  applicationCode?: string | null
  /** A friendly message, kept byte-exact (multi-line included). */
  message?: string
  /** A stack trace (development mode only). */
  stackTrace?: string
  /** XPath of the offending payload element. */
  payloadPath?: string
  /** Child elements not modelled, kept and written back. */
  extensions: XmlElement[]
  /** JSON members the mapping does not model, kept by the JSON codecs (see {@link JsonMembers}); absent when there are none. */
  jsonMembers?: JsonMembers
}

/**
 * An `sdata:diagnoses` wrapper as a feed or an entry held it (the .NET client writes diagnoses both wrapped and bare,
 * at feed and entry level): the run of the owner's `diagnoses` it held, so that encoding writes the wrapper back as
 * read. In SData JSON the diagnoses stay one flat `$diagnoses` array, as SData 2.0 writes them, and the wrappers are
 * `$diagnosesWrappers`.
 *
 * @example
 * ```ts
 * // <sdata:diagnoses><sdata:diagnosis>…one…</sdata:diagnosis></sdata:diagnoses><sdata:diagnosis>…two…</sdata:diagnosis>
 * const w: DiagnosesWrapper = { start: 0, count: 1 } // diagnoses[0] wrapped, diagnoses[1] bare
 * ```
 */
export interface DiagnosesWrapper {
  /** The index in `diagnoses` of the first diagnosis it held (for an empty wrapper, of the diagnosis it preceded). */
  start: number
  /** How many diagnoses it held (0 for an empty `<sdata:diagnoses/>`). */
  count: number
}

/**
 * Which real-world variant spelling a payload resource was read in, so that encoding writes back what a client reads
 * (Sage's stacks and the Saleslogix clients read only `sdata:uri`). Every field is absent for the spec's form.
 *
 * @example
 * ```ts
 * const forms: PayloadForms = { url: 'uri', isDeletedNamespace: 'sync', isDeleted: 'True' }
 * ```
 */
export interface PayloadForms {
  /** `uri`: the URL was read from `sdata:uri` (real SIF servers and both .NET clients) and is written so. */
  url?: 'uri'
  /** `sync`: the deleted flag was read from `sync:isDeleted` (as sync §6.1 writes it) and is written so. */
  isDeletedNamespace?: 'sync'
  /**
   * The lexical form of the deleted flag when it is not the default one (`true` when deleted; no attribute when
   * not), e.g. `True`, `1`, or `false` written explicitly. Written back when it still spells the value.
   */
  isDeleted?: string
  /** Where `sdata:uuid` sat: `payload` (on `sdata:payload`, as sync §5.8) or `both` (on both, equal). */
  uuid?: 'payload' | 'both'
}

/**
 * The resource element inside `sdata:payload`, with the SData attributes lifted into fields (sync §4.4, core §3.9).
 *
 * @example
 * ```ts
 * const p: PayloadResource = { uuid: '74926A0D-D2C0-4daa-9986-47C833691569', isDeleted: false, element: accountElement }
 * ```
 */
export interface PayloadResource<V = unknown> {
  /** `sdata:uuid` (on the resource element or, leniently, on `payload`). */
  uuid?: string
  /** `sdata:isDeleted` or `sync:isDeleted`; false when absent. */
  isDeleted: boolean
  /** `sdata:key`. */
  key?: string
  /** `sdata:url`, or `sdata:uri` as real servers send (then `forms.url` is `uri`). */
  url?: string
  /** `sdata:lookup`. */
  lookup?: string
  /** `sdata:descriptor`. */
  descriptor?: string
  /**
   * The resource element, less the attributes lifted into the fields above. Nothing inside it is rewritten; decoding
   * adds to it a declaration for each prefix its subtree borrowed from an ancestor (other than the conventional
   * `sdata`, `sync`, `http`, `opensearch`, `xsi` and the Atom default), so it can be written under any parent.
   *
   * Built on first access when asked (`syncFeedXml(undefined, { payloads: 'on-access' })`, an entry read from the
   * feed's whole text): its `attributes` and `children` are then accessors until the first read or write of either,
   * which builds both from text the decode already checked in full, and leaves plain data properties. Spread, `JSON.stringify`,
   * `structuredClone` and deep equality see the same plain element an eager decode gives (docs/sdata.md, "Payloads
   * built on first access").
   */
  element: XmlElement
  /** The typed value, when a contract codec was given to `syncFeedXml`. */
  value?: V
  /**
   * The variant spellings the resource was read in, written back as read; absent for the spec's form (a value built
   * by hand needs none). See {@link PayloadForms}.
   */
  forms?: PayloadForms
  /**
   * The native properties of the resource as read from SData 2.0 JSON (the members beside the `$` members), kept
   * verbatim; `element` is then derived from them for XML. When present, the JSON codecs write these members back
   * instead of a `$resource` element. Absent for resources read from XML.
   */
  properties?: JsonMembers
}

/**
 * The `http:*` result elements of a result or batch entry (sync §5.3, core §13.4).
 *
 * @example
 * ```ts
 * const h: HttpResult = { status: 200, message: 'OK', method: 'PUT', etag: 'STFtZgHEkPz7TyH98YEmWA==' }
 * ```
 */
export interface HttpResult {
  /** `http:httpStatus`. */
  status?: number
  /** `http:httpMessage`. */
  message?: string
  /** `http:httpMethod`. */
  method?: string
  /** `http:location`. */
  location?: string
  /** `http:etag`. */
  etag?: string
}

/**
 * One Atom entry of a sync, result or batch feed, or a standalone entry such as a `$syncDigest` response.
 *
 * @example
 * ```ts
 * const entry: SyncEntry = { id: '', title: '', links: [], syncState: s, payload: p, diagnoses: [], extensions: [] }
 * ```
 */
export interface SyncEntry<V = unknown> {
  /** `atom:id` (may be empty). */
  id?: string
  /** `atom:title` (may be empty). */
  title?: string
  /** `atom:updated`. */
  updated?: Stamp
  /** Atom links. */
  links: Link[]
  /** `atom:content` when it is plain text with no attributes (otherwise the element stays in `extensions`). */
  content?: string
  /** `sync:syncState`. */
  syncState?: SyncState
  /** The resource element inside `sdata:payload`. */
  payload?: PayloadResource<V>
  /** A `sync:digest` inside `sdata:payload` (`$syncDigest` entries, `$syncSource` POST bodies). */
  digest?: Digest
  /** The `http:*` result elements. */
  http?: HttpResult
  /** Diagnoses, bare or wrapped in `sdata:diagnoses`, in document order. */
  diagnoses: Diagnosis[]
  /** The `sdata:diagnoses` wrappers among them, in document order; absent when every diagnosis was bare. */
  diagnosesWrappers?: DiagnosesWrapper[]
  /** Every child element not modelled (published, summary, a second payload, …), kept and written back. */
  extensions: XmlElement[]
  /** Attributes of the element other than namespace declarations (`xml:lang`, `xml:base`, foreign ones), kept and written back; absent when there are none. */
  attributes?: XmlAttribute[]
  /** JSON members the mapping does not model, kept by the JSON codecs (see {@link JsonMembers}); absent when there are none. */
  jsonMembers?: JsonMembers
}

/**
 * An Atom sync feed, `$syncTarget` result feed or batch response (sync §4.4, §5.3).
 *
 * @example
 * ```ts
 * const feed: SyncFeed = { links: [], syncMode: 'catchUp', digest: d, diagnoses: [], entries: [entry], extensions: [] }
 * ```
 */
export interface SyncFeed<V = unknown> {
  /** `atom:id`. */
  id?: string
  /** `atom:title`. */
  title?: string
  /** `atom:updated`. */
  updated?: Stamp
  /** Atom links (paging among them). */
  links: Link[]
  /** OpenSearch paging figures. */
  opensearch?: OpenSearch
  /** `sync:syncMode`. */
  syncMode?: SyncMode
  /** The source digest. */
  digest?: Digest
  /** Feed-level diagnoses, bare or wrapped in `sdata:diagnoses`, in document order. */
  diagnoses: Diagnosis[]
  /** The `sdata:diagnoses` wrappers among them, in document order; absent when every diagnosis was bare. */
  diagnosesWrappers?: DiagnosesWrapper[]
  /** The entries, in order. */
  entries: SyncEntry<V>[]
  /** Every child element not modelled (author, generator, category, foreign elements), kept and written back. */
  extensions: XmlElement[]
  /** Attributes of the element other than namespace declarations (`xml:lang`, `xml:base`, foreign ones), kept and written back; absent when there are none. */
  attributes?: XmlAttribute[]
  /** JSON members the mapping does not model, kept by the JSON codecs (see {@link JsonMembers}); absent when there are none. */
  jsonMembers?: JsonMembers
}

/**
 * The body of a 202 answer to an asynchronous request (core §3.11, sync §5.2).
 *
 * @example
 * ```ts
 * const t: Tracking = { namespace: 'http://schemas.sage.com/sdata/2008/1', phase: 'Initialization', pollingMillis: 500, extensions: [] }
 * ```
 */
export interface Tracking {
  /** The namespace the document used (`…/sdata/2008/1`, or `…/sdata/2008` as the sync examples send). */
  namespace: string
  /** Current phase. */
  phase?: string
  /** Detail of the phase. */
  phaseDetail?: string
  /** Progress in percent (xs:decimal, kept lexically). */
  progress?: string
  /** Seconds elapsed. */
  elapsedSeconds?: number
  /** Seconds remaining. */
  remainingSeconds?: number
  /** When to poll again, in milliseconds. */
  pollingMillis?: number
  /** Child elements not modelled. */
  extensions: XmlElement[]
  /** Attributes of the root element other than namespace declarations (foreign ones, `xml:lang`…), kept and written back; absent when there are none. */
  attributes?: XmlAttribute[]
}

/**
 * The value of a standalone diagnoses document (core §3.10): root `sdata:diagnoses`, or one bare `sdata:diagnosis` as Sage 50 sends.
 *
 * @example
 * ```ts
 * const doc: DiagnosesDocument = { root: 'diagnosis', diagnoses: [d] }
 * ```
 */
export interface DiagnosesDocument {
  /** The root element read; encoding writes `diagnosis` only when there is exactly one diagnosis. */
  root: 'diagnoses' | 'diagnosis'
  /** The diagnoses, in document order. */
  diagnoses: Diagnosis[]
  /** Attributes of the root element other than namespace declarations (foreign ones, `xml:lang`…), kept and written back; absent when there are none. */
  attributes?: XmlAttribute[]
}
