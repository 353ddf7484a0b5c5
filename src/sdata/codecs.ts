// The public io-ts codecs of syncwire/sdata: element codecs (`ElementCodec<A>`) and document
// codecs (`t.Type<A, string, XmlInput>` = XML layer + element codec) for sync §4.2–§4.4, §5.1–§5.3 and core §3.10/§3.11.
import type * as t from 'io-ts'
import type { DocumentOptions } from '../codec/document'
import type { ElementCodec } from '../codec/named'
import type { XmlInput } from '../xml/encoding'
import type { XmlAttribute, XmlElement } from '../xml/types'
import { describedElement, documentCodec, elementCodec, type RootSpec } from './codec-base'
import { DIAGNOSES_DOCUMENT, DIAGNOSIS } from './diagnosis'
import { DIGEST, DIGEST_ENTRY } from './digest'
import { ENTRY, isEntry, readEntry, writeEntry } from './entry'
import { FEED, isFeed, readFeed, writeFeed } from './feed'
import { feedReader } from './feed-policy'
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
import type { PayloadCodec } from './payload'
import { payloadRoot } from './payload-member'
import type { Path, Problems } from './read'
import type { OwnerDescription } from './schema/owner'
import { ownerText } from './schema/owner-text'
import { compileRoot } from './schema/root'
import { SYNC_STATE } from './sync-state'
import { TRACKING } from './tracking'
import { rootDeclarations, withUsedDeclarations } from './tree'

/**
 * The element codec of an Atom sync feed with payloads typed by a caller's contract codec (see {@link syncFeedXml}).
 *
 * @example
 * ```ts
 * const Feed = syncFeedElement(AccountElement)
 * Feed.decode(parseXmlRoot) // Either<t.Errors, SyncFeed<Account>>
 * ```
 */
export function syncFeedElement<V>(payloadCodec?: PayloadCodec<V>): ElementCodec<SyncFeed<V>> {
  return elementCodec('SyncFeedElement', feedRoot(payloadCodec, false))
}

/**
 * The element codec of an Atom sync feed, result feed or batch response (untyped payloads).
 *
 * @example
 * ```ts
 * SyncFeedElement.decode(element) // Either<t.Errors, SyncFeed>
 * ```
 */
export const SyncFeedElement: ElementCodec<SyncFeed> = syncFeedElement()

/**
 * The element codec of one Atom entry, with payloads typed by a caller's contract codec.
 *
 * @example
 * ```ts
 * syncEntryElement(AccountElement).decode(element)
 * ```
 */
export function syncEntryElement<V>(payloadCodec?: PayloadCodec<V>): ElementCodec<SyncEntry<V>> {
  return elementCodec('SyncEntryElement', entryRoot(payloadCodec, false))
}

/**
 * The element codec of one Atom entry (untyped payloads).
 *
 * @example
 * ```ts
 * SyncEntryElement.decode(element) // Either<t.Errors, SyncEntry>
 * ```
 */
export const SyncEntryElement: ElementCodec<SyncEntry> = syncEntryElement()

/**
 * The root spec of an Atom feed or entry (`d` names it) with payloads typed by `payloadCodec`: written with no
 * declarations of its own (`declared` false: an element inside another document) or as a document root declaring the
 * namespaces it uses.
 */
function ownerRoot<A, V>(
  d: OwnerDescription<A>,
  is: (u: unknown) => u is A,
  read: (el: XmlElement, path: Path, problems: Problems, codec: PayloadCodec<V> | undefined) => A | undefined,
  write: (a: A, codec: PayloadCodec<V> | undefined, declarations: XmlAttribute[]) => XmlElement,
  payloadCodec: PayloadCodec<V> | undefined,
  declared: boolean,
): RootSpec<A> {
  return {
    is,
    namespaces: [d.namespace],
    localNames: [d.name],
    read: (el, path, problems) => read(el, path, problems, payloadCodec),
    write: declared
      ? (a) => withUsedDeclarations(write(a, payloadCodec, rootDeclarations()))
      : (a) => write(a, payloadCodec, []),
  }
}

function feedRoot<V>(codec: PayloadCodec<V> | undefined, declared: boolean): RootSpec<SyncFeed<V>> {
  return ownerRoot(FEED, isFeed, readFeed<V>, writeFeed<V>, codec, declared)
}

function entryRoot<V>(codec: PayloadCodec<V> | undefined, declared: boolean): RootSpec<SyncEntry<V>> {
  return ownerRoot(ENTRY, isEntry, readEntry<V>, writeEntry<V>, codec, declared)
}

/**
 * The element codec of `sync:digest` (origin optional; entries in any child order).
 *
 * @example
 * ```ts
 * DigestElement.decode(element) // Either<t.Errors, Digest>
 * ```
 */
export const DigestElement: ElementCodec<Digest> = describedElement('DigestElement', DIGEST)

/**
 * The element codec of `sync:digestEntry` (missing endpoint or stamp = error; missing tick or priority = 0).
 *
 * @example
 * ```ts
 * DigestEntryElement.decode(element) // Either<t.Errors, DigestEntry>
 * ```
 */
export const DigestEntryElement: ElementCodec<DigestEntry> = describedElement('DigestEntryElement', DIGEST_ENTRY)

/**
 * The element codec of `sync:syncState` (missing endpoint or stamp = error; missing tick = 0; user optional).
 *
 * @example
 * ```ts
 * SyncStateElement.decode(element) // Either<t.Errors, SyncState>
 * ```
 */
export const SyncStateElement: ElementCodec<SyncState> = describedElement('SyncStateElement', SYNC_STATE)

/**
 * The element codec of `sdata:diagnosis`.
 *
 * @example
 * ```ts
 * DiagnosisElement.decode(element) // Either<t.Errors, Diagnosis>
 * ```
 */
export const DiagnosisElement: ElementCodec<Diagnosis> = describedElement('DiagnosisElement', DIAGNOSIS)

/**
 * The element codec of a standalone `sdata:diagnoses` or bare `sdata:diagnosis`.
 *
 * @example
 * ```ts
 * DiagnosesElement.decode(element) // Either<t.Errors, DiagnosesDocument>
 * ```
 */
export const DiagnosesElement: ElementCodec<DiagnosesDocument> = elementCodec(
  'DiagnosesElement',
  compileRoot(DIAGNOSES_DOCUMENT),
)

/**
 * The element codec of `tracking` (namespace `…/sdata/2008/1`, or `…/sdata/2008` as the sync examples send).
 *
 * @example
 * ```ts
 * TrackingElement.decode(element) // Either<t.Errors, Tracking>
 * ```
 */
export const TrackingElement: ElementCodec<Tracking> = describedElement('TrackingElement', TRACKING)

/**
 * The element codec of `sdata:payload` holding one resource, typed by a caller's contract codec when given.
 *
 * @example
 * ```ts
 * payloadElement(AccountElement).decode(element) // Either<t.Errors, PayloadResource<Account>>
 * ```
 */
export function payloadElement<V>(payloadCodec?: PayloadCodec<V>): ElementCodec<PayloadResource<V>> {
  return elementCodec('PayloadElement', payloadRoot(payloadCodec))
}

/**
 * Options of {@link syncFeedXml}: the parser's limits, and when untyped payloads are built.
 *
 * @example
 * ```ts
 * const options: SyncFeedXmlOptions = { parse: { maxDepth: 64 }, payloads: 'on-access' }
 * ```
 */
export interface SyncFeedXmlOptions extends DocumentOptions {
  /**
   * `'built'` (the default): every payload resource element is built at decode. `'on-access'`: without a payload
   * codec, a feed decoded from its whole text builds each resource element's `attributes` and `children` on their
   * first read, from text the decode already checked in full (see {@link PayloadResource.element}). A decode that
   * reads few payloads (validation, conflict detection) is faster and keeps less memory; one that then reads every
   * payload costs more in all. The values are the same either way.
   */
  payloads?: 'built' | 'on-access'
}

/**
 * Builds the sync feed document codec with payloads typed by the caller's contract codec: `payload.value` holds
 * what `payloadCodec` decoded from the resource element, and encoding writes `payloadCodec.encode(value)` when a
 * value is present (else the kept `element`). `options.parse` sets the parser's limits (pass `undefined` as the
 * payload codec for untyped payloads); `options.payloads` when untyped payloads are built.
 *
 * @example
 * ```ts
 * const Account = new t.Type<{ name: string }, XmlElement, XmlElement>(…)
 * const AccountFeed = syncFeedXml(Account)
 * const r = AccountFeed.decode(xml) // r.right.entries[0].payload?.value?.name
 * const BigFeedXml = syncFeedXml(undefined, { parse: { maxLength: 256 * 1024 * 1024 } })
 * const ChecksOnly = syncFeedXml(undefined, { payloads: 'on-access' }) // resource trees built when first read
 * ```
 */
export function syncFeedXml<V>(
  payloadCodec?: PayloadCodec<V>,
  options?: SyncFeedXmlOptions,
): t.Type<SyncFeed<V>, string, XmlInput> {
  // Read in one parser run, entries from its events (a text that is not well-formed answered from that run); built at
  // the first decode (the error paths name the codec).
  let read: ReturnType<typeof feedReader<V>> | undefined
  const codec: t.Type<SyncFeed<V>, string, XmlInput> = documentCodec(
    'SyncFeedXml',
    feedRoot(payloadCodec, true),
    options,
    (feed) => ownerText(FEED).document(feed, payloadCodec),
    (text, limits) => {
      read ??= feedReader(
        payloadCodec,
        syncFeedElement(payloadCodec),
        [{ key: '', type: codec, actual: undefined }],
        options?.payloads === 'on-access',
      )
      return read(text, limits)
    },
  )
  return codec
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
  return documentCodec('SyncEntryXml', entryRoot(payloadCodec, true), options, (entry) =>
    ownerText(ENTRY).document(entry, payloadCodec),
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
