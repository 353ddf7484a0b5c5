// fast-check arbitraries for the SData sync values (sync §4.2–§4.4, §5.3, core §3.10/§3.11), generating only values
// that the SData codecs encode and decode back unchanged, payload trees in the shape the XML layer reads.
import fc from 'fast-check'
import type {
  DiagnosesDocument,
  Diagnosis,
  Digest,
  DigestEntry,
  HttpResult,
  Link,
  OpenSearch,
  PayloadResource,
  Stamp,
  SyncEntry,
  SyncFeed,
  SyncMode,
  SyncState,
  Tracking,
} from '../../sdata/model'
import { ATOM_NS, SDATA_NS, XSI_NS } from '../../sdata/namespaces'
import type { XmlAttribute, XmlElement, XmlNode } from '../../xml/types'
import { XMLNS_NAMESPACE } from '../../xml/types'

const ATOM = ATOM_NS
const SDATA = SDATA_NS
const XSI = XSI_NS

/**
 * Sizes and value ranges for the SData arbitraries.
 *
 * @example
 * ```ts
 * fc.sample(arbSyncFeed({ maxEntries: 3 }), 1)
 * ```
 */
export interface SDataArbitraryOptions {
  /** Most entries in a feed (default 5). */
  maxEntries?: number
  /** Most entries in a digest (default 4). */
  maxDigestEntries?: number
  /** Endpoint URLs to draw from; by default a few spec-like URLs and arbitrary web URLs. */
  endpoints?: readonly string[]
  /** Include zone-less stamps, which real .NET servers send (default true). */
  zonelessStamps?: boolean
  /** Include ticks and priorities of 0, the value a missing element reads as (default true). */
  zeros?: boolean
  /** Include elements the model does not know, kept as `extensions` (default true). */
  foreignElements?: boolean
  /** Deepest nesting below the payload resource element (default 3). */
  maxPayloadDepth?: number
  /** Give digests, digest entries and sync states foreign child elements in `extensions` (default false). */
  stateExtensions?: boolean
  /**
   * Give feeds, entries, digests, digest entries, sync states, tracking and diagnoses documents attributes
   * (`xml:lang`, foreign, unprefixed) in `attributes` (default false).
   */
  rootAttributes?: boolean
}

const SPEC_ENDPOINTS = [
  'http://www.example.com/sdata/myApp1/myContract/-/accounts',
  'http://www.example.com/sdata/myApp2/myContract/-/accounts',
  'http://www.example.com/sdata/sageApp3/test/-/accounts',
  'http://www.example.com/sdata/myApp1/myContract/-/accounts?x=1&y=<2>',
]

// XML 1.0 Char, weighted towards the characters escaping must handle.
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]$/u
const charArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom('&', '<', '>', '"', "'", ']', ' ', '\t', '\n', '\r', 'é', '€', '😀', '\u00a0'),
  },
  { weight: 5, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => XML_CHAR.test(c)) },
)

/**
 * Text XML 1.0 can carry, weighted towards `& < > " ' ]`, whitespace and non-ASCII.
 *
 * @example
 * ```ts
 * fc.sample(arbXmlText(), 3)
 * ```
 */
export function arbXmlText(maxLength = 20): fc.Arbitrary<string> {
  return fc.string({ unit: charArb, maxLength })
}

/**
 * A lexical xs:dateTime stamp: 0–7 fraction digits, with `Z`, an offset, or (optionally) no zone.
 *
 * @example
 * ```ts
 * fc.sample(arbStamp(), 1) // e.g. ['2008-10-30T14:52:03.281Z']
 * ```
 */
export function arbStamp(options: SDataArbitraryOptions = {}): fc.Arbitrary<Stamp> {
  const two = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'))
  const zones = [
    fc.constant('Z'),
    fc
      .tuple(fc.constantFrom('+', '-'), two(0, 13), fc.constantFrom('00', '30', '45'))
      .map((p) => `${p[0]}${p[1]}:${p[2]}`),
  ]
  if (options.zonelessStamps !== false) zones.push(fc.constant(''))
  return fc
    .tuple(
      fc.integer({ min: 1, max: 9999 }).map((n) => String(n).padStart(4, '0')),
      two(1, 12),
      two(1, 28),
      two(0, 23),
      two(0, 59),
      two(0, 59),
      fc.oneof(
        fc.constant(''),
        fc.stringMatching(/^[0-9]{1,7}$/).map((f) => `.${f}`),
      ),
      fc.oneof(...zones),
    )
    .map(([y, mo, d, h, mi, s, f, z]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${f}${z}` as Stamp)
}

/**
 * An endpoint URL (a resource collection at an application, sync §3.1).
 *
 * @example
 * ```ts
 * fc.sample(arbEndpoint({ endpoints: ['http://a/-/accounts'] }), 1) // ['http://a/-/accounts']
 * ```
 */
export function arbEndpoint(options: SDataArbitraryOptions = {}): fc.Arbitrary<string> {
  if (options.endpoints !== undefined && options.endpoints.length > 0) return fc.constantFrom(...options.endpoints)
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...SPEC_ENDPOINTS) }, { weight: 1, arbitrary: fc.webUrl() })
}

function withStateExtensions<T extends object>(arb: fc.Arbitrary<T>, options: SDataArbitraryOptions): fc.Arbitrary<T> {
  if (options.stateExtensions !== true) return arb
  return fc
    .tuple(arb, fc.array(arbForeignElement(), { maxLength: 2 }))
    .map(([value, extensions]) => (extensions.length === 0 ? value : { ...value, extensions }))
}

const ROOT_ATTRIBUTES: readonly XmlAttribute[] = [
  { namespace: 'http://www.w3.org/XML/1998/namespace', localName: 'lang', prefix: 'xml', value: 'en-GB' },
  { namespace: 'urn:x-attr', localName: 'flag', prefix: 'xa', value: '' },
  { namespace: null, localName: 'version', prefix: null, value: '1.0' },
]

function withRootAttributes<T extends object>(arb: fc.Arbitrary<T>, options: SDataArbitraryOptions): fc.Arbitrary<T> {
  if (options.rootAttributes !== true) return arb
  return fc
    .tuple(arb, fc.subarray([...ROOT_ATTRIBUTES]), arbXmlText(6))
    .map(([value, attributes, text]) =>
      attributes.length === 0 ? value : { ...value, attributes: attributes.map((a) => ({ ...a, value: text })) },
    )
}

function arbTick(options: SDataArbitraryOptions): fc.Arbitrary<number> {
  const min = options.zeros === false ? 1 : 0
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min, max: 100 }) },
    { weight: 1, arbitrary: fc.integer({ min, max: Number.MAX_SAFE_INTEGER }) },
  )
}

/**
 * A `sync:digestEntry` (sync §4.2); priorities are mostly 1..9, sometimes 0 (absent) or out of range.
 *
 * @example
 * ```ts
 * fc.sample(arbDigestEntry(), 1)
 * ```
 */
export function arbDigestEntry(options: SDataArbitraryOptions = {}): fc.Arbitrary<DigestEntry> {
  const priority = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 1, max: 9 }) },
    { weight: 1, arbitrary: fc.integer({ min: options.zeros === false ? 1 : 0, max: 1000 }) },
  )
  return withRootAttributes(
    withStateExtensions(
      fc.record({
        endpoint: arbEndpoint(options),
        tick: arbTick(options),
        stamp: arbStamp(options),
        conflictPriority: priority,
      }),
      options,
    ),
    options,
  )
}

/**
 * A `sync:digest`, with or without `origin` (§5.8 omits it).
 *
 * @example
 * ```ts
 * fc.sample(arbDigest({ maxDigestEntries: 2 }), 1)
 * ```
 */
export function arbDigest(options: SDataArbitraryOptions = {}): fc.Arbitrary<Digest> {
  return withRootAttributes(
    withStateExtensions(
      fc.record(
        {
          origin: arbEndpoint(options),
          entries: fc.array(arbDigestEntry(options), { maxLength: options.maxDigestEntries ?? 4 }),
        },
        { requiredKeys: ['entries'] },
      ),
      options,
    ),
    options,
  )
}

/**
 * A `sync:syncState` (sync §4.3), `user` optional.
 *
 * @example
 * ```ts
 * fc.sample(arbSyncState(), 1)
 * ```
 */
export function arbSyncState(options: SDataArbitraryOptions = {}): fc.Arbitrary<SyncState> {
  return withRootAttributes(
    withStateExtensions(
      fc.record(
        { endpoint: arbEndpoint(options), tick: arbTick(options), stamp: arbStamp(options), user: arbXmlText() },
        { requiredKeys: ['endpoint', 'tick', 'stamp'] },
      ),
      options,
    ),
    options,
  )
}

/**
 * A `sync:syncMode`.
 *
 * @example
 * ```ts
 * fc.sample(arbSyncMode(), 1) // ['catchUp']
 * ```
 */
export function arbSyncMode(): fc.Arbitrary<SyncMode> {
  return fc.constantFrom('catchUp', 'immediate')
}

function arbForeignElement(): fc.Arbitrary<XmlElement> {
  return fc
    .tuple(
      fc.constantFrom<[string, string | null]>(['urn:x-foreign', 'f'], ['urn:x-foreign', null], ['urn:x-other:2', 'o']),
      fc.constantFrom('ext', 'note', '__proto__', 'constructor', 'a.b-c'),
      arbXmlText(),
      fc.option(arbXmlText(), { nil: undefined }),
    )
    .map(([[ns, prefix], localName, text, attrValue]) => {
      const attributes: XmlAttribute[] = [
        prefix === null
          ? { namespace: XMLNS_NAMESPACE, localName: 'xmlns', prefix: null, value: ns }
          : { namespace: XMLNS_NAMESPACE, localName: prefix, prefix: 'xmlns', value: ns },
      ]
      if (attrValue !== undefined)
        attributes.push({ namespace: null, localName: 'kind', prefix: null, value: attrValue })
      const children: XmlNode[] = text === '' ? [] : [{ type: 'text', value: text }]
      return { type: 'element', namespace: ns, localName, prefix, attributes, children } satisfies XmlElement
    })
}

function arbAtomExtension(names: readonly string[]): fc.Arbitrary<XmlElement> {
  return fc.tuple(fc.constantFrom(...names), arbXmlText()).map(([localName, text]) => {
    const name: XmlElement = {
      type: 'element',
      namespace: ATOM,
      localName: 'name',
      prefix: null,
      attributes: [],
      children: text === '' ? [] : [{ type: 'text', value: text }],
    }
    return { type: 'element', namespace: ATOM, localName, prefix: null, attributes: [], children: [name] }
  })
}

function arbExtensions(options: SDataArbitraryOptions, atomNames: readonly string[]): fc.Arbitrary<XmlElement[]> {
  if (options.foreignElements === false) return fc.constant([])
  return fc.array(fc.oneof(arbForeignElement(), arbAtomExtension(atomNames)), { maxLength: 2 })
}

/**
 * A `sdata:diagnosis` (core §3.10); `applicationCode` may be `null` (`xsi:nil`).
 *
 * @example
 * ```ts
 * fc.sample(arbDiagnosis(), 1)
 * ```
 */
export function arbDiagnosis(options: SDataArbitraryOptions = {}): fc.Arbitrary<Diagnosis> {
  return fc.record(
    {
      severity: fc.constantFrom('Info', 'Warning', 'Transient', 'Error', 'Fatal', 'error'),
      sdataCode: fc.constantFrom('BadUrlSyntax', 'ApplicationDiagnosis', 'BadWhereSyntax'),
      applicationCode: fc.option(arbXmlText(8), { nil: null }),
      message: arbXmlText(),
      stackTrace: arbXmlText(),
      payloadPath: arbXmlText(8),
      extensions: options.foreignElements === false ? fc.constant([]) : fc.array(arbForeignElement(), { maxLength: 1 }),
    },
    { requiredKeys: ['extensions'] },
  )
}

/**
 * A standalone diagnoses document: root `diagnoses`, or a bare `diagnosis` holding exactly one.
 *
 * @example
 * ```ts
 * fc.sample(arbDiagnosesDocument(), 1)
 * ```
 */
export function arbDiagnosesDocument(options: SDataArbitraryOptions = {}): fc.Arbitrary<DiagnosesDocument> {
  return withRootAttributes<DiagnosesDocument>(
    fc.oneof(
      fc.array(arbDiagnosis(options), { maxLength: 3 }).map((diagnoses) => ({ root: 'diagnoses' as const, diagnoses })),
      arbDiagnosis(options).map((d) => ({ root: 'diagnosis' as const, diagnoses: [d] })),
    ),
    options,
  )
}

/**
 * A tracking body (core §3.11), in the `/1` namespace or the one the sync examples use.
 *
 * @example
 * ```ts
 * fc.sample(arbTracking(), 1)
 * ```
 */
export function arbTracking(options: SDataArbitraryOptions = {}): fc.Arbitrary<Tracking> {
  return withRootAttributes<Tracking>(
    fc.record(
      {
        namespace: fc.constantFrom(SDATA, 'http://schemas.sage.com/sdata/2008'),
        phase: arbXmlText(),
        phaseDetail: arbXmlText(),
        progress: fc.stringMatching(/^[0-9]{1,3}(\.[0-9]{1,2})?$/),
        elapsedSeconds: fc.nat(),
        remainingSeconds: fc.nat(),
        pollingMillis: fc.nat(),
        extensions:
          options.foreignElements === false ? fc.constant([]) : fc.array(arbForeignElement(), { maxLength: 1 }),
      },
      { requiredKeys: ['namespace', 'extensions'] },
    ),
    options,
  )
}

/**
 * An Atom link with any rel and attribute text (hrefs may hold line breaks, as the spec's `next` link does).
 *
 * @example
 * ```ts
 * fc.sample(arbLink(), 1)
 * ```
 */
export function arbLink(): fc.Arbitrary<Link> {
  return fc.record(
    {
      rel: fc.oneof(
        fc.constantFrom(
          'self',
          'first',
          'next',
          'previous',
          'last',
          'edit',
          'http://schemas.sage.com/sdata/link-relations/schema',
        ),
        arbXmlText(8),
      ),
      href: fc.oneof(fc.webUrl(), arbXmlText()),
      type: fc.constantFrom('application/atom+xml; type=feed', 'application/atom+xml; type=entry', 'text/html'),
      title: arbXmlText(8),
    },
    { requiredKeys: ['href'] },
  )
}

const CONTRACT_NAMES = [
  'account',
  'salesOrder',
  'name',
  'orderLines',
  'salesOrderLine',
  'qty',
  'contact',
  'constructor',
  '__proto__',
]

interface PayloadNodeShape {
  localName: string
  foreign: boolean
  nil: boolean
  uuid: string | undefined
  deleted: boolean
  deleteMissing: boolean | undefined
  attrValue: string | undefined
  text: string
  children: PayloadNodeShape[]
}

function arbPayloadNode(depth: number): fc.Arbitrary<PayloadNodeShape> {
  return fc.record({
    localName: fc.constantFrom(...CONTRACT_NAMES),
    foreign: fc.boolean(),
    nil: fc.boolean(),
    uuid: fc.option(fc.uuid(), { nil: undefined }),
    deleted: fc.boolean(),
    deleteMissing: fc.option(fc.boolean(), { nil: undefined }),
    attrValue: fc.option(arbXmlText(8), { nil: undefined }),
    text: arbXmlText(),
    children: depth <= 0 ? fc.constant([]) : fc.array(arbPayloadNode(depth - 1), { maxLength: 3 }),
  })
}

function buildNode(shape: PayloadNodeShape, ns: string, prefix: string | null): XmlElement {
  const attributes: XmlAttribute[] = []
  let elNs = ns
  let elPrefix = prefix
  if (shape.foreign) {
    elNs = 'urn:x-payload-foreign'
    elPrefix = 'pf'
    attributes.push({ namespace: XMLNS_NAMESPACE, localName: 'pf', prefix: 'xmlns', value: elNs })
  }
  if (shape.attrValue !== undefined)
    attributes.push({ namespace: null, localName: 'code', prefix: null, value: shape.attrValue })
  if (shape.uuid !== undefined)
    attributes.push({ namespace: SDATA, localName: 'uuid', prefix: 'sdata', value: shape.uuid })
  if (shape.deleted) attributes.push({ namespace: SDATA, localName: 'isDeleted', prefix: 'sdata', value: 'true' })
  if (shape.deleteMissing !== undefined) {
    attributes.push({
      namespace: SDATA,
      localName: 'deleteMissing',
      prefix: 'sdata',
      value: String(shape.deleteMissing),
    })
  }
  let children: XmlNode[] = []
  if (shape.children.length > 0) children = shape.children.map((c) => buildNode(c, elNs, elPrefix))
  else if (shape.nil) attributes.push({ namespace: XSI, localName: 'nil', prefix: 'xsi', value: 'true' })
  else if (shape.text !== '') children = [{ type: 'text', value: shape.text }]
  return { type: 'element', namespace: elNs, localName: shape.localName, prefix: elPrefix, attributes, children }
}

/**
 * The resource element of a payload, with the SData attributes lifted into fields as the codec reads it: a tree in a
 * contract namespace (any prefix, declared on the resource), with nested references (`sdata:uuid`), deleted
 * children, `sdata:deleteMissing` lists, `xsi:nil`, foreign elements and Unicode text.
 *
 * @example
 * ```ts
 * fc.sample(arbPayloadResource(), 1)
 * ```
 */
export function arbPayloadResource(options: SDataArbitraryOptions = {}): fc.Arbitrary<PayloadResource> {
  const contract = fc.constantFrom<[string, string | null]>(
    ['http://schemas.sage.com/myContract', null],
    ['http://schemas.sage.com/crmErp/2008', 'crm'],
    ['urn:x-contract', 'c'],
  )
  return fc
    .tuple(
      contract,
      fc.constantFrom('account', 'salesOrder', 'contact'),
      fc.array(arbPayloadNode(Math.max(0, (options.maxPayloadDepth ?? 3) - 1)), { maxLength: 4 }),
      fc.record(
        {
          uuid: fc.oneof(
            fc.uuid(),
            fc.uuid().map((u) => u.toUpperCase()),
          ),
          isDeleted: fc.boolean(),
          key: arbXmlText(8),
          url: fc.webUrl(),
          lookup: fc.webUrl(),
          descriptor: arbXmlText(),
        },
        { requiredKeys: ['isDeleted'] },
      ),
    )
    .map(([[ns, prefix], localName, kids, lifted]) => {
      const decl: XmlAttribute =
        prefix === null
          ? { namespace: XMLNS_NAMESPACE, localName: 'xmlns', prefix: null, value: ns }
          : { namespace: XMLNS_NAMESPACE, localName: prefix, prefix: 'xmlns', value: ns }
      const element: XmlElement = {
        type: 'element',
        namespace: ns,
        localName,
        prefix,
        attributes: [decl],
        children: kids.map((k) => buildNode(k, ns, prefix)),
      }
      return { ...lifted, element }
    })
}

/**
 * The `http:*` elements of a result entry (sync §5.3): status, message, method, location, etag, at least one.
 *
 * @example
 * ```ts
 * fc.sample(arbHttpResult(), 2)
 * ```
 */
export function arbHttpResult(): fc.Arbitrary<HttpResult> {
  return fc
    .record(
      {
        status: fc.integer({ min: 100, max: 599 }),
        message: arbXmlText(8),
        method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
        location: fc.webUrl(),
        etag: fc.base64String({ maxLength: 24 }),
      },
      { requiredKeys: [] },
    )
    .filter((h) => Object.keys(h).length > 0)
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
  return fc
    .record({ totalResults: fc.nat(), startIndex: fc.nat(), itemsPerPage: fc.nat() }, { requiredKeys: [] })
    .filter((o) => Object.keys(o).length > 0)
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
    fc.record(
      {
        id: arbXmlText(),
        title: arbXmlText(),
        updated: arbStamp(options),
        links: fc.array(arbLink(), { maxLength: 2 }),
        content: arbXmlText(),
        syncState: arbSyncState(options),
        payload: arbPayloadResource(options),
        digest: arbDigest(options),
        http: arbHttpResult(),
        diagnoses: fc.array(arbDiagnosis(options), { maxLength: 1 }),
        extensions: arbExtensions(options, ['author', 'published', 'summary', 'category']),
      },
      { requiredKeys: ['links', 'diagnoses', 'extensions'] },
    ),
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
    fc.record(
      {
        id: arbXmlText(),
        title: arbXmlText(),
        updated: arbStamp(options),
        links: fc.array(arbLink(), { maxLength: 3 }),
        opensearch: arbOpenSearch(),
        syncMode: arbSyncMode(),
        digest: arbDigest(options),
        diagnoses: fc.array(arbDiagnosis(options), { maxLength: 1 }),
        entries: fc.array(arbSyncEntry(options), { maxLength: options.maxEntries ?? 5 }),
        extensions: arbExtensions(options, ['author', 'generator', 'subtitle', 'category']),
      },
      { requiredKeys: ['links', 'diagnoses', 'entries', 'extensions'] },
    ),
    options,
  )
}
