// fast-check arbitraries for MS-FILESYNC documents and items, generating only values that `FileSyncXml` encodes
// and decodes back unchanged (docs/decisions.md#f3, #f4: lossless, absent ≠ empty, SPO order, extensions in place).
import fc from 'fast-check'
import type {
  CustomIdentity,
  DocumentItem,
  DocumentStream,
  Extension,
  FileSyncDocument,
  FolderItem,
  Item,
  ItemFields,
  ModifierIdentity,
} from '../../filesync/model'
import {
  CUSTOM_IDENTITY,
  DOCUMENT,
  DOCUMENT_STREAM,
  FOLDER,
  MODIFIER_IDENTITY,
  type RecordSpec,
} from '../../filesync/schema'

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
    const element = arbUnknownElement().filter((el) => el.namespace !== null || !spec.byName.has(el.localName))
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

const common = {
  itemType: fc.constantFrom('Folder', 'Document'),
  resourceId: arbResourceId(),
  eTag: arbETag(),
  dateCreated: arbDate,
  dateModified: arbDate,
  relationshipName: arbFileSyncText(),
  path: arbFileSyncText().map((s) => `/RootFolder/${s}`),
  parentResourceId: arbResourceId(),
  referenceId: fc.uuid().map((u) => `#${u.slice(1)}`),
  roleDefinitionName: arbFileSyncText(),
  createdBy: arbFileSyncText(),
  lastModifiedBy: arbFileSyncText(),
  substrateFileId: arbFileSyncText(),
  changeTime: arbDate,
  writeStatus: fc.constantFrom('Success', 'Failure'),
  dateCreatedOnClient: arbDate,
  dateModifiedOnClient: arbDate,
}

const arbWriteMode = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constantFrom('Create', 'Update', 'CreateOrUpdate') },
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
    fc.record({ name: fc.constant('SkyDriveSync'), value: fc.uuid() }, { requiredKeys: [] }),
    extensions,
  )
  return withExtensions<ModifierIdentity>(
    MODIFIER_IDENTITY,
    fc.record({ customIdentity: custom }, { requiredKeys: [] }),
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
  const bytes = fc.uint8Array({ maxLength: 24 })
  const base = fc.record(
    {
      documentStreamName: fc.constantFrom('Binary', 'Default'),
      mimeType: fc.constantFrom('application/octet-stream', 'text/plain'),
      dataSize: arbSize,
      preAuthUrl: fc.oneof(
        fc.constant(''),
        fc.webUrl().map((u) => `${u}?a=1&b=<2>`),
      ),
      xorHash: bytes,
      writeValidationToken: bytes,
      streamSyncToken: bytes,
      streamProtocolSupport: arbInt,
      fragmentSessionId: fc.uuid(),
    },
    { requiredKeys: [] },
  )
  return withExtensions(DOCUMENT_STREAM, base, options.extensions !== false, () => request)
}

/** The arbitraries of the fields a kind of item has beyond {@link ItemFields}. */
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
    const base = fc
      .record({ ...common, modifierIdentity: arbModifierIdentity(ext), ...own(writeMode) }, { requiredKeys: [] })
      .map((r) => {
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
    labelHash: fc.oneof(fc.constant(''), arbFileSyncText()),
    labelHashScope: arbInt,
    isLabelProtected: arbBoolean,
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
    totalSubItemSize: arbSize,
    quotaState: arbQuota,
    spaceUsed: arbSize,
    spaceGranted: arbSize,
    listLevelQuotaState: arbQuota,
    listLevelSpaceUsed: arbSize,
    listLevelSpaceGranted: arbSize,
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
