// fast-check arbitraries for MS-FILESYNC documents and items, generating only values that `FileSyncXml` encodes
// and decodes back unchanged (docs/decisions.md#f3, #f4: lossless, absent ≠ empty, SPO order, extensions in place).
import fc from 'fast-check'
import type { ElementDescription } from '../../codec/schema/describe'
import {
  type CustomIdentity,
  type DocumentItem,
  type DocumentStream,
  type Extension,
  type FileSyncDocument,
  type FolderItem,
  type Item,
  type ItemFields,
  type ModifierIdentity,
  WRITE_MODES,
} from '../../filesync/model'
import {
  CUSTOM_IDENTITY,
  CUSTOM_IDENTITY_DESCRIPTION,
  DOCUMENT,
  DOCUMENT_STREAM,
  DOCUMENT_STREAM_DESCRIPTION,
  FOLDER,
  MODIFIER_IDENTITY,
  MODIFIER_IDENTITY_DESCRIPTION,
  type RecordSpec,
} from '../../filesync/schema'
import { XMLNS_NAMESPACE, type XmlElement } from '../../xml/types'
import { describedRecord, type MemberArbitraries } from './described'

import {
  arbBoolean,
  arbDate,
  arbETag,
  arbFileSyncText,
  arbInt,
  arbQuota,
  arbResourceId,
  arbSize,
  arbUnknownElement,
  arbUnknownItem,
  type FileSyncArbitraryOptions,
} from './filesync-leaves'

export type { FileSyncArbitraryOptions } from './filesync-leaves'
export {
  arbETag,
  arbFileSyncDateTime,
  arbFileSyncText,
  arbResourceId,
  arbUnknownElement,
  arbUnknownItem,
} from './filesync-leaves'

/** An empty element named `localName` in the default namespace `urn:example:ext`, declared on it. */
function foreignNamed(localName: string): XmlElement {
  const namespace = 'urn:example:ext'
  const xmlns = { namespace: XMLNS_NAMESPACE, localName: 'xmlns', prefix: null, value: namespace }
  return { type: 'element', namespace, localName, prefix: null, attributes: [xmlns], children: [] }
}

/**
 * Adds extensions to a record value, anchored after fields it has (or first), in the order encoding writes them,
 * so that decoding the encoded value gives the same `extensions` back.
 */
function withExtensions<R extends object>(
  spec: RecordSpec,
  base: fc.Arbitrary<R>,
  enabled: boolean,
  request: (r: R) => boolean = () => false,
): fc.Arbitrary<R> {
  if (!enabled) return base
  return base.chain((value) => {
    const v = value as Record<string, unknown>
    const present = spec.responseOrder.filter((f) => v[f.key] !== undefined).map((f) => f.name)
    const anchor = fc.constantFrom<string | null>(null, ...present)
    const element = fc.oneof(
      {
        weight: 5,
        arbitrary: arbUnknownElement().filter((el) => el.namespace !== null || !spec.byName.has(el.localName)),
      },
      // A modelled field's local name in the default namespace of another URI: an extension all the same.
      { weight: 1, arbitrary: fc.constantFrom(...spec.byName.keys()).map(foreignNamed) },
    )
    return fc
      .oneof(
        { weight: 2, arbitrary: fc.constant([] as Extension[]) },
        { weight: 1, arbitrary: fc.array(fc.record({ after: anchor, element }), { minLength: 1, maxLength: 3 }) },
      )
      .map((extensions) => {
        if (extensions.length === 0) return value
        const rank = request(value) ? spec.requestRank : spec.responseRank
        const at = (e: Extension) => (e.after === null ? -1 : rank.get(e.after)!)
        const sorted = extensions
          .map((e, i) => ({ e, i }))
          .sort((a, b) => at(a.e) - at(b.e) || a.i - b.i)
          .map((x) => x.e)
        return { ...value, extensions: sorted }
      })
  })
}

// The values of each kind of leaf (Null included where the kind has it), and of the members whose values are narrower
// than their kind (identifiers, enumerations, URLs): everything else about a record comes from its description.
const BY_TYPE: Readonly<Record<string, () => fc.Arbitrary<unknown>>> = {
  text: () => arbFileSyncText(),
  date: () => arbDate,
  size: () => arbSize,
  int: () => arbInt,
  binary: () => fc.uint8Array({ maxLength: 24 }),
  boolean: () => arbBoolean,
}

const MEMBERS: MemberArbitraries = {
  itemType: fc.constantFrom('Folder', 'Document'),
  resourceId: arbResourceId(),
  eTag: arbETag(),
  path: arbFileSyncText().map((s) => `/RootFolder/${s}`),
  parentResourceId: arbResourceId(),
  referenceId: fc.uuid().map((u) => `#${u.slice(1)}`),
  writeStatus: fc.constantFrom('Success', 'Failure'),
  quotaState: arbQuota,
  listLevelQuotaState: arbQuota,
  labelHash: fc.oneof(fc.constant(''), arbFileSyncText()),
  documentStreamName: fc.constantFrom('Binary', 'Default'),
  mimeType: fc.constantFrom('application/octet-stream', 'text/plain'),
  preAuthUrl: fc.oneof(
    fc.constant(''),
    fc.webUrl().map((u) => `${u}?a=1&b=<2>`),
  ),
  fragmentSessionId: fc.uuid(),
}

/**
 * The record of a FILESYNC description's values: each leaf from {@link MEMBERS} or its kind, nested records and lists
 * from `own` (a member `own` sets to `undefined` is left out, as `writeMode` is, which items draw first).
 */
function recordOf<A>(
  d: ElementDescription<A>,
  own: Record<string, fc.Arbitrary<unknown> | undefined>,
): fc.Arbitrary<A> {
  return describedRecord(d, (c) => {
    if (c.key in own) return own[c.key]
    if (c.kind !== 'leaf') throw new Error(`no arbitrary for ${c.key}`)
    return MEMBERS[c.key] ?? BY_TYPE[c.type.name]!()
  })
}

const arbWriteMode = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constantFrom(...WRITE_MODES) },
)

/**
 * A `ModifierIdentity` (with its `CustomIdentity`), optionally with unknown child elements kept as extensions.
 *
 * @example
 * ```ts
 * fc.sample(arbModifierIdentity(false), 1)
 * ```
 */
export function arbModifierIdentity(extensions = true): fc.Arbitrary<ModifierIdentity> {
  const custom = withExtensions<CustomIdentity>(
    CUSTOM_IDENTITY,
    recordOf(CUSTOM_IDENTITY_DESCRIPTION, { name: fc.constant('SkyDriveSync'), value: fc.uuid() }),
    extensions,
  )
  return withExtensions<ModifierIdentity>(
    MODIFIER_IDENTITY,
    recordOf(MODIFIER_IDENTITY_DESCRIPTION, { customIdentity: custom }),
    extensions,
  )
}

/**
 * A `DocumentStream`, in write-request or response form (`request` picks the order extensions are sorted in).
 *
 * @example
 * ```ts
 * fc.sample(arbDocumentStream(), 1)
 * ```
 */
export function arbDocumentStream(
  options: FileSyncArbitraryOptions = {},
  request = false,
): fc.Arbitrary<DocumentStream> {
  const base = recordOf<DocumentStream>(DOCUMENT_STREAM_DESCRIPTION, {})
  return withExtensions(DOCUMENT_STREAM, base, options.extensions !== false, () => request)
}

/** The arbitraries of a kind of item's lists (its leaves come from its description). */
type OwnFields<T> = { [K in Exclude<keyof T, keyof ItemFields | 'kind'>]?: fc.Arbitrary<T[K]> }

/**
 * A `Folder` or `Document` item: the fields every item has, its own fields (which may depend on the write mode:
 * a request's streams sort their extensions in request order), the write mode when drawn, and extensions.
 */
function arbItemOf<T extends FolderItem | DocumentItem>(
  kind: T['kind'],
  spec: RecordSpec,
  options: FileSyncArbitraryOptions,
  own: (writeMode: string | undefined) => OwnFields<T>,
): fc.Arbitrary<T> {
  const ext = options.extensions !== false
  return arbWriteMode.chain((writeMode) => {
    const base = recordOf(spec.description as ElementDescription<object>, {
      modifierIdentity: arbModifierIdentity(ext),
      writeMode: undefined,
      ...own(writeMode),
    }).map((r) => {
      const item = { kind, ...r } as T
      return writeMode === undefined ? item : { ...item, writeMode }
    })
    return withExtensions<T>(spec, base, ext, (item) => item.writeMode !== undefined)
  })
}

/**
 * A `Document` item, as found in listings, write requests (with `writeMode`) and write responses.
 *
 * @example
 * ```ts
 * fc.sample(arbDocumentItem(), 1)
 * ```
 */
export function arbDocumentItem(options: FileSyncArbitraryOptions = {}): fc.Arbitrary<DocumentItem> {
  return arbItemOf<DocumentItem>('Document', DOCUMENT, options, (writeMode) => ({
    documentStreams: fc.array(arbDocumentStream(options, writeMode !== undefined), { maxLength: 2 }),
  }))
}

/**
 * A `Folder` item with sub-items to `maxDepth` (flat: none), quota fields and extensions.
 *
 * @example
 * ```ts
 * fc.sample(arbFolderItem({ maxDepth: 2, maxItems: 3 }), 1)
 * ```
 */
export function arbFolderItem(options: FileSyncArbitraryOptions = {}): fc.Arbitrary<FolderItem> {
  const depth = options.maxDepth ?? 3
  // Flat listings (`X-ResponseStructure: Flat`) list changed items of any depth directly under the root's Items.
  const children: fc.Arbitrary<Item[]> =
    depth <= 0
      ? fc.constant([])
      : fc.array(arbItem({ ...options, maxDepth: options.flat ? 0 : depth - 1 }), { maxLength: options.maxItems ?? 4 })
  return arbItemOf<FolderItem>('Folder', FOLDER, options, () => ({
    items: children,
  }))
}

/**
 * Any item: a folder (with sub-items while depth remains), a document, or an unknown item.
 *
 * @example
 * ```ts
 * fc.sample(arbItem({ maxDepth: 1 }), 3)
 * ```
 */
export function arbItem(options: FileSyncArbitraryOptions = {}): fc.Arbitrary<Item> {
  const cases: Array<fc.WeightedArbitrary<Item>> = [
    { weight: 3, arbitrary: arbDocumentItem(options) },
    { weight: 2, arbitrary: arbFolderItem(options) },
  ]
  if (options.unknownItems !== false) cases.push({ weight: 1, arbitrary: arbUnknownItem() })
  return fc.oneof(...cases)
}

/**
 * A whole document: a `Folder` root (nested or flat listing) or an `Items` root (write request or response).
 *
 * @example
 * ```ts
 * fc.assert(fc.property(arbFileSyncDocument(), (doc) => deepEqual(FileSyncXml.decode(FileSyncXml.encode(doc)), right(doc))))
 * ```
 */
export function arbFileSyncDocument(options: FileSyncArbitraryOptions = {}): fc.Arbitrary<FileSyncDocument> {
  const folderRoot = arbFolderItem(options).map((folder): FileSyncDocument => ({ root: 'Folder', folder }))
  const itemsRoot = fc
    .array(arbItem(options), { maxLength: options.maxItems ?? 4 })
    .map((items): FileSyncDocument => ({ root: 'Items', items }))
  if (options.root === 'Folder') return folderRoot
  if (options.root === 'Items') return itemsRoot
  return fc.oneof(folderRoot, itemsRoot)
}
