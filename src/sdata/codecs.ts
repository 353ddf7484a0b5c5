// The public io-ts codecs of syncwire/sdata: element codecs (`t.Type<A, XmlElement, XmlElement>`) and document
// codecs (`t.Type<A, string, XmlInput>` = XML layer + element codec) for sync §4.2–§4.4, §5.1–§5.3 and core §3.10/§3.11.
import * as t from 'io-ts'
import { textPosition } from '../codec/context'
import type { DocumentOptions } from '../codec/document'
import { isXmlInput, type XmlInput } from '../xml/encoding'
import { parseXml } from '../xml/parse'
import { serializeXml } from '../xml/serialize'
import { XMLNS_NAMESPACE, type XmlElement } from '../xml/types'
import { readDiagnosesWrapper, readDiagnosis, writeDiagnosis } from './diagnosis'
import { readDigest, readDigestEntry, writeDigest, writeDigestEntry } from './digest'
import { readEntry, writeEntry } from './entry'
import { readFeed, writeFeed } from './feed'
import type {
  DiagnosesDocument,
  Diagnosis,
  Digest,
  DigestEntry,
  PayloadResource,
  SyncEntry,
  SyncFeed,
  SyncState,
  Tracking,
} from './model'
import { ATOM_NS, SDATA_NS, SYNC_NS } from './namespaces'
import { type PayloadCodec, readPayload, writePayload } from './payload'
import { at, type Path, Problems } from './read'
import { readSyncState, writeSyncState } from './sync-state'
import { isTrackingNamespace, readTracking, writeTracking } from './tracking'
import { elem, keptAttributes, rootDeclarations, withUsedDeclarations } from './tree'

type Reader<A> = (el: XmlElement, path: Path, problems: Problems) => A | undefined

function describeName(ns: string | null, localName: string): string {
  return ns === null ? `${localName} in no namespace` : `${localName} in namespace ${ns}`
}

function isElement(u: unknown): u is XmlElement {
  return (
    typeof u === 'object' &&
    u !== null &&
    (u as XmlElement).type === 'element' &&
    Array.isArray((u as XmlElement).children) &&
    Array.isArray((u as XmlElement).attributes)
  )
}

/** Runs a decode step; a hand-built tree that breaks the XmlElement contract deep inside becomes an error, not a throw. */
function guarded<A>(input: unknown, c: t.Context, run: () => t.Validation<A>): t.Validation<A> {
  try {
    return run()
  } catch (e) {
    return t.failure(input, c, `unexpected input: ${e instanceof Error ? e.message : String(e)}`)
  }
}

/** Decodes a root element after checking its expanded name; every error lands in `problems`. */
function decodeRoot<A>(
  el: XmlElement,
  namespaces: readonly string[],
  localNames: readonly string[],
  read: Reader<A>,
  problems: Problems,
): A | undefined {
  const path = at(undefined, el)
  if (el.namespace === null || !namespaces.includes(el.namespace) || !localNames.includes(el.localName)) {
    const wanted = describeName(namespaces[0]!, localNames.join(' or '))
    problems.add(path, el, `expected element ${wanted}, found ${describeName(el.namespace, el.localName)}`)
    return undefined
  }
  return read(el, path, problems)
}

function elementCodec<A>(
  name: string,
  is: (u: unknown) => u is A,
  namespaces: readonly string[],
  localNames: readonly string[],
  read: Reader<A>,
  write: (a: A) => XmlElement,
): t.Type<A, XmlElement, XmlElement> {
  return new t.Type<A, XmlElement, XmlElement>(
    name,
    is,
    (el, c) =>
      guarded(el, c, () => {
        const problems = new Problems(c)
        if (!isElement(el)) return t.failure(el, c, `expected an XML element, found ${typeof el}`)
        const value = decodeRoot(el, namespaces, localNames, read, problems)
        return problems.errors.length > 0 || value === undefined ? t.failures(problems.errors) : t.success(value)
      }),
    // Kept subtrees rely on the conventional bindings, so the element declares them wherever it is written.
    (a) => {
      const el = write(a)
      return el.attributes.some((x) => x.namespace === XMLNS_NAMESPACE) ? el : withRoot(el)
    },
  )
}

function documentCodec<A>(
  name: string,
  is: (u: unknown) => u is A,
  namespaces: readonly string[],
  localNames: readonly string[],
  read: Reader<A>,
  write: (a: A) => XmlElement,
  options: DocumentOptions | undefined,
): t.Type<A, string, XmlInput> {
  return new t.Type<A, string, XmlInput>(
    name,
    is,
    (text, c) => guarded(text, c, () => decodeText(text, c, namespaces, localNames, read, options)),
    (a) => serializeXml({ root: write(a) }),
  )
}

function decodeText<A>(
  text: XmlInput,
  c: t.Context,
  namespaces: readonly string[],
  localNames: readonly string[],
  read: Reader<A>,
  options: DocumentOptions | undefined,
): t.Validation<A> {
  if (!isXmlInput(text)) return t.failure(text, c, `expected XML text, found ${typeof text}`)
  const parsed = parseXml(text, options?.parse)
  if (parsed._tag === 'Left') {
    return t.failures(
      parsed.left.map((e) => ({
        value: text,
        context: [...c, { key: '', type: textPosition(e.line, e.column), actual: text }],
        message: e.message,
      })),
    )
  }
  const problems = new Problems(c)
  const value = decodeRoot(parsed.right.root, namespaces, localNames, read, problems)
  return problems.errors.length > 0 || value === undefined ? t.failures(problems.errors) : t.success(value)
}

function hasArrays(u: unknown, ...keys: string[]): boolean {
  if (typeof u !== 'object' || u === null) return false
  for (const k of keys) if (!Array.isArray((u as Record<string, unknown>)[k])) return false
  return true
}

const isFeed = (u: unknown): u is SyncFeed<any> => hasArrays(u, 'links', 'diagnoses', 'entries', 'extensions')
const isEntry = (u: unknown): u is SyncEntry<any> => hasArrays(u, 'links', 'diagnoses', 'extensions')
const isDigest = (u: unknown): u is Digest => hasArrays(u, 'entries')
const isDigestEntry = (u: unknown): u is DigestEntry =>
  typeof u === 'object' &&
  u !== null &&
  typeof (u as DigestEntry).endpoint === 'string' &&
  typeof (u as DigestEntry).tick === 'number'
const isSyncState = (u: unknown): u is SyncState =>
  typeof u === 'object' &&
  u !== null &&
  typeof (u as SyncState).endpoint === 'string' &&
  typeof (u as SyncState).tick === 'number'
const isDiagnosis = (u: unknown): u is Diagnosis => hasArrays(u, 'extensions')
const isDiagnoses = (u: unknown): u is DiagnosesDocument => hasArrays(u, 'diagnoses')
const isTracking = (u: unknown): u is Tracking =>
  hasArrays(u, 'extensions') && typeof (u as Tracking).namespace === 'string'
const isPayload = (u: unknown): u is PayloadResource<any> =>
  typeof u === 'object' && u !== null && isElement((u as PayloadResource).element)

const withRoot = (el: XmlElement): XmlElement =>
  withUsedDeclarations({ ...el, attributes: [...rootDeclarations(), ...el.attributes] })

function readDiagnosesDocument(el: XmlElement, path: Path, problems: Problems): DiagnosesDocument | undefined {
  const attributes = keptAttributes(el)
  let doc: DiagnosesDocument
  if (el.localName === 'diagnosis') doc = { root: 'diagnosis', diagnoses: [readDiagnosis(el, path, problems)] }
  else {
    const diagnoses = readDiagnosesWrapper(el, path, problems, true)
    if (diagnoses === undefined) {
      problems.add(path, el, 'expected sdata:diagnoses to hold only sdata:diagnosis elements')
      return undefined
    }
    doc = { root: 'diagnoses', diagnoses }
  }
  if (attributes !== undefined) doc.attributes = attributes
  return doc
}

function writeDiagnosesDocument(d: DiagnosesDocument): XmlElement {
  const el =
    d.root === 'diagnosis' && d.diagnoses.length === 1
      ? writeDiagnosis(d.diagnoses[0]!)
      : elem(SDATA_NS, 'diagnoses', d.diagnoses.map(writeDiagnosis))
  return d.attributes === undefined ? el : { ...el, attributes: [...el.attributes, ...d.attributes] }
}

function readPayloadResource<V>(codec: PayloadCodec<V> | undefined): Reader<PayloadResource<V>> {
  return (el, path, problems) => {
    const content = readPayload(el, path, problems, codec)
    if (content.kind === 'resource') return content.resource
    if (content.kind === 'error') return undefined
    problems.add(path, el, 'expected sdata:payload to hold exactly one resource element')
    return undefined
  }
}

/**
 * The element codec of an Atom sync feed with payloads typed by a caller's contract codec (see {@link syncFeedXml}).
 *
 * @example
 * ```ts
 * const Feed = syncFeedElement(AccountElement)
 * Feed.decode(parseXmlRoot) // Either<t.Errors, SyncFeed<Account>>
 * ```
 */
export function syncFeedElement<V>(payloadCodec?: PayloadCodec<V>): t.Type<SyncFeed<V>, XmlElement, XmlElement> {
  return elementCodec(
    'SyncFeedElement',
    isFeed,
    [ATOM_NS],
    ['feed'],
    (el, path, problems) => readFeed(el, path, problems, payloadCodec),
    (feed) => writeFeed(feed, payloadCodec, []),
  )
}

/**
 * The element codec of an Atom sync feed, result feed or batch response (untyped payloads).
 *
 * @example
 * ```ts
 * SyncFeedElement.decode(element) // Either<t.Errors, SyncFeed>
 * ```
 */
export const SyncFeedElement: t.Type<SyncFeed, XmlElement, XmlElement> = syncFeedElement()

/**
 * The element codec of one Atom entry, with payloads typed by a caller's contract codec.
 *
 * @example
 * ```ts
 * syncEntryElement(AccountElement).decode(element)
 * ```
 */
export function syncEntryElement<V>(payloadCodec?: PayloadCodec<V>): t.Type<SyncEntry<V>, XmlElement, XmlElement> {
  return elementCodec(
    'SyncEntryElement',
    isEntry,
    [ATOM_NS],
    ['entry'],
    (el, path, problems) => readEntry(el, path, problems, payloadCodec),
    (entry) => writeEntry(entry, payloadCodec),
  )
}

/**
 * The element codec of one Atom entry (untyped payloads).
 *
 * @example
 * ```ts
 * SyncEntryElement.decode(element) // Either<t.Errors, SyncEntry>
 * ```
 */
export const SyncEntryElement: t.Type<SyncEntry, XmlElement, XmlElement> = syncEntryElement()

/**
 * The element codec of `sync:digest` (origin optional; entries in any child order).
 *
 * @example
 * ```ts
 * DigestElement.decode(element) // Either<t.Errors, Digest>
 * ```
 */
export const DigestElement: t.Type<Digest, XmlElement, XmlElement> = elementCodec(
  'DigestElement',
  isDigest,
  [SYNC_NS],
  ['digest'],
  readDigest,
  writeDigest,
)

/**
 * The element codec of `sync:digestEntry` (missing endpoint or stamp = error; missing tick or priority = 0).
 *
 * @example
 * ```ts
 * DigestEntryElement.decode(element) // Either<t.Errors, DigestEntry>
 * ```
 */
export const DigestEntryElement: t.Type<DigestEntry, XmlElement, XmlElement> = elementCodec(
  'DigestEntryElement',
  isDigestEntry,
  [SYNC_NS],
  ['digestEntry'],
  readDigestEntry,
  writeDigestEntry,
)

/**
 * The element codec of `sync:syncState` (missing endpoint or stamp = error; missing tick = 0; user optional).
 *
 * @example
 * ```ts
 * SyncStateElement.decode(element) // Either<t.Errors, SyncState>
 * ```
 */
export const SyncStateElement: t.Type<SyncState, XmlElement, XmlElement> = elementCodec(
  'SyncStateElement',
  isSyncState,
  [SYNC_NS],
  ['syncState'],
  readSyncState,
  writeSyncState,
)

/**
 * The element codec of `sdata:diagnosis`.
 *
 * @example
 * ```ts
 * DiagnosisElement.decode(element) // Either<t.Errors, Diagnosis>
 * ```
 */
export const DiagnosisElement: t.Type<Diagnosis, XmlElement, XmlElement> = elementCodec(
  'DiagnosisElement',
  isDiagnosis,
  [SDATA_NS],
  ['diagnosis'],
  readDiagnosis,
  writeDiagnosis,
)

/**
 * The element codec of a standalone `sdata:diagnoses` or bare `sdata:diagnosis`.
 *
 * @example
 * ```ts
 * DiagnosesElement.decode(element) // Either<t.Errors, DiagnosesDocument>
 * ```
 */
export const DiagnosesElement: t.Type<DiagnosesDocument, XmlElement, XmlElement> = elementCodec(
  'DiagnosesElement',
  isDiagnoses,
  [SDATA_NS],
  ['diagnoses', 'diagnosis'],
  readDiagnosesDocument,
  writeDiagnosesDocument,
)

/**
 * The element codec of `tracking` (namespace `…/sdata/2008/1`, or `…/sdata/2008` as the sync examples send).
 *
 * @example
 * ```ts
 * TrackingElement.decode(element) // Either<t.Errors, Tracking>
 * ```
 */
export const TrackingElement: t.Type<Tracking, XmlElement, XmlElement> = elementCodec(
  'TrackingElement',
  isTracking,
  [SDATA_NS, 'http://schemas.sage.com/sdata/2008'],
  ['tracking'],
  (el, path, problems) => (isTrackingNamespace(el.namespace) ? readTracking(el, path, problems) : undefined),
  (tr) => withUsedDeclarations(writeTracking(tr)),
)

/**
 * The element codec of `sdata:payload` holding one resource, typed by a caller's contract codec when given.
 *
 * @example
 * ```ts
 * payloadElement(AccountElement).decode(element) // Either<t.Errors, PayloadResource<Account>>
 * ```
 */
export function payloadElement<V>(payloadCodec?: PayloadCodec<V>): t.Type<PayloadResource<V>, XmlElement, XmlElement> {
  return elementCodec('PayloadElement', isPayload, [SDATA_NS], ['payload'], readPayloadResource(payloadCodec), (r) =>
    writePayload(r, payloadCodec),
  )
}

/**
 * Builds the sync feed document codec with payloads typed by the caller's contract codec: `payload.value` holds
 * what `payloadCodec` decoded from the resource element, and encoding writes `payloadCodec.encode(value)` when a
 * value is present (else the kept `element`). `options.parse` sets the parser's limits (pass `undefined` as the
 * payload codec for untyped payloads).
 *
 * @example
 * ```ts
 * const Account = new t.Type<{ name: string }, XmlElement, XmlElement>(…)
 * const AccountFeed = syncFeedXml(Account)
 * const r = AccountFeed.decode(xml) // r.right.entries[0].payload?.value?.name
 * const BigFeedXml = syncFeedXml(undefined, { parse: { maxLength: 256 * 1024 * 1024 } })
 * ```
 */
export function syncFeedXml<V>(
  payloadCodec?: PayloadCodec<V>,
  options?: DocumentOptions,
): t.Type<SyncFeed<V>, string, XmlInput> {
  return documentCodec(
    'SyncFeedXml',
    isFeed,
    [ATOM_NS],
    ['feed'],
    (el, path, problems) => readFeed(el, path, problems, payloadCodec),
    (feed) => withUsedDeclarations(writeFeed(feed, payloadCodec, rootDeclarations())),
    options,
  )
}

/**
 * An Atom sync feed (sync §4.4, §5.8), `$syncTarget` result feed (§5.3) or batch response (core §13.4), as XML text.
 * Matches namespaces by URI; reads the lenient forms of docs/decisions.md#s2; writes the spec's form with conventional
 * prefixes, so decode → encode → decode is the identity.
 *
 * @example
 * ```ts
 * const r = SyncFeedXml.decode(xml)
 * if (isRight(r)) r.right.digest?.entries.map((e) => e.tick) // [6, 10, 10]
 * ```
 */
export const SyncFeedXml: t.Type<SyncFeed, string, XmlInput> = syncFeedXml()

/**
 * Builds the single-entry document codec with payloads typed by the caller's contract codec; `options.parse`
 * sets the parser's limits.
 *
 * @example
 * ```ts
 * syncEntryXml(Account).decode(xml)
 * syncEntryXml(undefined, { parse: { maxDepth: 64 } }).decode(bytes)
 * ```
 */
export function syncEntryXml<V>(
  payloadCodec?: PayloadCodec<V>,
  options?: DocumentOptions,
): t.Type<SyncEntry<V>, string, XmlInput> {
  return documentCodec(
    'SyncEntryXml',
    isEntry,
    [ATOM_NS],
    ['entry'],
    (el, path, problems) => readEntry(el, path, problems, payloadCodec),
    (entry) => withUsedDeclarations(writeEntry(entry, payloadCodec, rootDeclarations())),
    options,
  )
}

/**
 * One Atom entry as XML text: a `$syncDigest` response (digest inside `sdata:payload`), a `$syncSource` POST body.
 *
 * @example
 * ```ts
 * SyncEntryXml.decode(xml) // right.digest?.origin
 * ```
 */
export const SyncEntryXml: t.Type<SyncEntry, string, XmlInput> = syncEntryXml()

/**
 * Builds {@link DigestXml} with other parser limits (`options.parse`).
 *
 * @example
 * ```ts
 * digestXml({ parse: { maxDepth: 16 } }).decode(bytes)
 * ```
 */
export function digestXml(options?: DocumentOptions): t.Type<Digest, string, XmlInput> {
  return documentCodec(
    'DigestXml',
    isDigest,
    [SYNC_NS],
    ['digest'],
    readDigest,
    (d) => withRoot(writeDigest(d)),
    options,
  )
}

/**
 * A bare `sync:digest` document (sync §4.2).
 *
 * @example
 * ```ts
 * DigestXml.decode('<digest xmlns="http://schemas.sage.com/sdata/sync/2008/1"/>') // right: { entries: [] }
 * ```
 */
export const DigestXml: t.Type<Digest, string, XmlInput> = digestXml()

/**
 * Builds {@link SyncStateXml} with other parser limits (`options.parse`).
 *
 * @example
 * ```ts
 * syncStateXml({ parse: { maxLength: 4096 } }).decode(xml)
 * ```
 */
export function syncStateXml(options?: DocumentOptions): t.Type<SyncState, string, XmlInput> {
  return documentCodec(
    'SyncStateXml',
    isSyncState,
    [SYNC_NS],
    ['syncState'],
    readSyncState,
    (s) => withRoot(writeSyncState(s)),
    options,
  )
}

/**
 * A bare `sync:syncState` document (sync §4.3).
 *
 * @example
 * ```ts
 * SyncStateXml.decode(xml) // right: { endpoint, tick, stamp, user? }
 * ```
 */
export const SyncStateXml: t.Type<SyncState, string, XmlInput> = syncStateXml()

/**
 * Builds {@link DiagnosesXml} with other parser limits (`options.parse`).
 *
 * @example
 * ```ts
 * diagnosesXml({ parse: { maxLength: 65536 } }).decode(body)
 * ```
 */
export function diagnosesXml(options?: DocumentOptions): t.Type<DiagnosesDocument, string, XmlInput> {
  return documentCodec(
    'DiagnosesXml',
    isDiagnoses,
    [SDATA_NS],
    ['diagnoses', 'diagnosis'],
    readDiagnosesDocument,
    (d) => withRoot(writeDiagnosesDocument(d)),
    options,
  )
}

/**
 * A diagnoses document (core §3.10): root `sdata:diagnoses`, or a bare `sdata:diagnosis` as Sage 50 answers errors.
 * The value is `{ root, diagnoses }`; encoding writes a bare `diagnosis` only when `root` says so and there is
 * exactly one.
 *
 * @example
 * ```ts
 * DiagnosesXml.decode(sage50Body) // right: { root: 'diagnosis', diagnoses: [{ severity: 'error', … }] }
 * ```
 */
export const DiagnosesXml: t.Type<DiagnosesDocument, string, XmlInput> = diagnosesXml()

/**
 * Builds {@link TrackingXml} with other parser limits (`options.parse`).
 *
 * @example
 * ```ts
 * trackingXml({ parse: { maxLength: 65536 } }).decode(body)
 * ```
 */
export function trackingXml(options?: DocumentOptions): t.Type<Tracking, string, XmlInput> {
  return documentCodec(
    'TrackingXml',
    isTracking,
    [SDATA_NS, 'http://schemas.sage.com/sdata/2008'],
    ['tracking'],
    readTracking,
    (tr) => withUsedDeclarations(writeTracking(tr)),
    options,
  )
}

/**
 * The tracking body of a 202 answer (core §3.11, sync §5.2), in either tracking namespace.
 *
 * @example
 * ```ts
 * TrackingXml.decode(xml) // right: { namespace, phase: 'Initialization', pollingMillis: 500, … }
 * ```
 */
export const TrackingXml: t.Type<Tracking, string, XmlInput> = trackingXml()
