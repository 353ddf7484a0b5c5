// The document kinds the CLI knows: how each is recognised (root namespace + local name), decoded, validated and
// mapped to JSON (MS-FILESYNC §2.2; sdata-sync §4–§5 and the SData JSON mapping; core §3.10–§3.11).
import type * as t from 'io-ts'
import type { DocumentOptions } from '../codec/document'
import { FileSyncXml, fileSyncXml } from '../filesync/document'
import type { FileSyncDocument } from '../filesync/model'
import { validateFileSync } from '../filesync/validate'
import {
  DiagnosesJson,
  DiagnosesXml,
  DigestJson,
  DigestXml,
  diagnosesXml,
  digestXml,
  SDATA_LEGACY_NS,
  SDATA_NS,
  SYNC_ENTRY_ROLES,
  SYNC_FEED_ROLES,
  SYNC_NS,
  SyncEntryJson,
  type SyncEntryRole,
  SyncEntryXml,
  SyncFeedJson,
  type SyncFeedRole,
  SyncFeedXml,
  SyncStateJson,
  SyncStateXml,
  syncEntryXml,
  syncFeedXml,
  syncStateXml,
  TrackingJson,
  TrackingXml,
  trackingXml,
  validateDigest,
  validateSyncEntry,
  validateSyncFeed,
  validateTracking,
} from '../sdata/index'
import type { SyncEntry, SyncFeed } from '../sdata/model'
import { ATOM_NS } from '../sdata/namespaces'
import type { XmlInput } from '../xml/encoding'
import type { Issue } from '../xml/issue'

/**
 * The kinds of document, as `--kind` spells them.
 *
 * @example
 * ```ts
 * const kind: Kind = 'feed'
 * ```
 */
export type Kind = 'filesync' | 'feed' | 'entry' | 'digest' | 'sync-state' | 'diagnoses' | 'tracking'

/**
 * Every kind, in the order `--help` lists them.
 *
 * @example
 * ```ts
 * KINDS.includes('digest') // true
 * ```
 */
export const KINDS: readonly Kind[] = ['filesync', 'feed', 'entry', 'digest', 'sync-state', 'diagnoses', 'tracking']

/**
 * What the CLI does with one kind: its XML codec, its validator, its JSON codec.
 *
 * @example
 * ```ts
 * KIND_SPECS.digest.xml.decode(text)
 * ```
 */
export interface KindSpec {
  /** A description for messages ("SData sync feed"). */
  title: string
  /** The document codec. */
  xml: t.Type<any, string, XmlInput>
  /** The document codec with other parser limits (the CLI's `--max-size`). */
  xmlWith: (options: DocumentOptions) => t.Type<any, string, XmlInput>
  /** The spec checks on a decoded value; `role` is the `--role` flag when given (one of `roles`). */
  validate: (value: any, role: SyncEntryRole | undefined) => Issue[]
  /** The `--role` values this kind's validator takes (the library's own lists); absent when it takes none. */
  roles?: readonly SyncEntryRole[]
  /** The typed JSON value of a decoded value, and back. */
  json: { encode: (value: any) => unknown; decode: (json: unknown) => ReturnType<t.Decoder<unknown, any>['decode']> }
}

/** Uint8Array fields (FILESYNC hashes and tokens) become `{ "$hex": "…" }`, as the fixtures' expected values write them. */
function toJsonValue(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, v) =>
      v instanceof Uint8Array ? { $hex: Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('') } : v,
    ),
  )
}

function fromJsonValue(json: unknown): unknown {
  return JSON.parse(JSON.stringify(json), (_key, v) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v)
      if (keys.length === 1 && keys[0] === '$hex' && typeof v.$hex === 'string' && /^(?:[0-9a-f]{2})*$/i.test(v.$hex)) {
        return Uint8Array.from((v.$hex as string).match(/../g) ?? [], (h) => Number.parseInt(h, 16))
      }
    }
    return v
  })
}

/** A FILESYNC value must go back through the XML codec to be checked; there is no separate JSON codec for it. */
function fileSyncFromJson(json: unknown): ReturnType<t.Decoder<unknown, FileSyncDocument>['decode']> {
  const value = fromJsonValue(json) as FileSyncDocument
  const ok =
    value !== null &&
    typeof value === 'object' &&
    ((value.root === 'Folder' && typeof value.folder === 'object') ||
      (value.root === 'Items' && Array.isArray(value.items)))
  if (!ok) {
    return {
      _tag: 'Left',
      left: [{ value, context: [], message: 'expected { root: "Folder", folder } or { root: "Items", items }' }],
    }
  }
  try {
    return FileSyncXml.decode(FileSyncXml.encode(value))
  } catch (cause) {
    return { _tag: 'Left', left: [{ value, context: [], message: `not a FILESYNC value: ${String(cause)}` }] }
  }
}

/**
 * Whether an entry is a result (of a `$syncTarget` POST or a batch, sync §5.3, core §13.4): it carries
 * `http:httpStatus`. Other `http:*` elements do not make one: a plain feed's entries carry `http:etag` too (core
 * §3.1), and a source feed with etags is still a source feed.
 *
 * @example
 * ```ts
 * isResultEntry({ http: { etag: 'W/"1"' } }) // false
 * ```
 */
export function isResultEntry(entry: Pick<SyncEntry, 'http'>): boolean {
  return entry.http?.status !== undefined
}

/** Result feeds carry HTTP results: validating them as a source feed would only report noise. */
function feedRole(feed: SyncFeed, role: SyncEntryRole | undefined): SyncFeedRole {
  return (role as SyncFeedRole | undefined) ?? (feed.entries.some(isResultEntry) ? 'result' : 'source')
}

function entryRole(entry: SyncEntry, role: SyncEntryRole | undefined): SyncEntryRole {
  if (role !== undefined) return role
  if (entry.digest !== undefined && entry.payload === undefined) return 'digest'
  return isResultEntry(entry) ? 'result' : 'source'
}

/**
 * The codecs and validator of each kind.
 *
 * @example
 * ```ts
 * const spec = KIND_SPECS[detectKind(root)!]
 * ```
 */
export const KIND_SPECS: Readonly<Record<Kind, KindSpec>> = {
  filesync: {
    title: 'MS-FILESYNC document',
    xml: FileSyncXml,
    xmlWith: fileSyncXml,
    validate: (v: FileSyncDocument) => validateFileSync(v),
    json: { encode: toJsonValue, decode: fileSyncFromJson },
  },
  feed: {
    title: 'SData sync feed',
    xml: SyncFeedXml,
    xmlWith: (options) => syncFeedXml(undefined, options),
    validate: (v: SyncFeed, role) => validateSyncFeed(v, { role: feedRole(v, role) }),
    roles: SYNC_FEED_ROLES,
    json: SyncFeedJson,
  },
  entry: {
    title: 'SData sync entry',
    xml: SyncEntryXml,
    xmlWith: (options) => syncEntryXml(undefined, options),
    validate: (v: SyncEntry, role) => validateSyncEntry(v, { role: entryRole(v, role) }),
    roles: SYNC_ENTRY_ROLES,
    json: SyncEntryJson,
  },
  digest: {
    title: 'SData sync digest',
    xml: DigestXml,
    xmlWith: digestXml,
    validate: (v) => validateDigest(v),
    json: DigestJson,
  },
  'sync-state': {
    title: 'SData syncState',
    xml: SyncStateXml,
    xmlWith: syncStateXml,
    validate: () => [],
    json: SyncStateJson,
  },
  diagnoses: {
    title: 'SData diagnoses',
    xml: DiagnosesXml,
    xmlWith: diagnosesXml,
    validate: () => [],
    json: DiagnosesJson,
  },
  tracking: {
    title: 'SData tracking',
    xml: TrackingXml,
    xmlWith: trackingXml,
    validate: (v) => validateTracking(v),
    json: TrackingJson,
  },
}

/**
 * The kind of a document from its root element's namespace URI and local name, or `undefined`.
 *
 * @example
 * ```ts
 * detectKind({ namespace: 'http://www.w3.org/2005/Atom', localName: 'feed' }) // 'feed'
 * ```
 */
export function detectKind(root: { namespace: string | null; localName: string }): Kind | undefined {
  const { namespace, localName } = root
  if (namespace === null && (localName === 'Folder' || localName === 'Items')) return 'filesync'
  if (namespace === ATOM_NS && localName === 'feed') return 'feed'
  if (namespace === ATOM_NS && localName === 'entry') return 'entry'
  if (namespace === SYNC_NS && localName === 'digest') return 'digest'
  if (namespace === SYNC_NS && localName === 'syncState') return 'sync-state'
  if (namespace === SDATA_NS && (localName === 'diagnoses' || localName === 'diagnosis')) return 'diagnoses'
  if ((namespace === SDATA_NS || namespace === SDATA_LEGACY_NS) && localName === 'tracking') return 'tracking'
  return undefined
}
