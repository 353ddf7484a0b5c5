// fast-check arbitraries for MS-FILESYNC documents and items, generating only values that `FileSyncXml` encodes
// and decodes back unchanged (docs/decisions.md#f3, #f4: lossless, absent ≠ empty, SPO order, extensions in place).
import fc from 'fast-check'
import type {
  CustomIdentity,
  DocumentItem,
  DocumentStream,
  Extension,
  FileSyncBoolean,
  FileSyncDocument,
  FolderItem,
  Item,
  ModifierIdentity,
  UnknownItem,
} from '../../filesync/model'
import {
  CUSTOM_IDENTITY,
  DOCUMENT,
  DOCUMENT_STREAM,
  FOLDER,
  MODIFIER_IDENTITY,
  type RecordSpec,
} from '../../filesync/schema'
import { XMLNS_NAMESPACE, type XmlAttribute, type XmlElement, type XmlNode } from '../../xml/types'

/**
 * Sizes and shapes for the FILESYNC arbitraries.
 *
 * @example
 * ```ts
 * const options: FileSyncArbitraryOptions = { maxDepth: 6, maxItems: 2, flat: false }
 * ```
 */
export interface FileSyncArbitraryOptions {
  /** Deepest `Folder/Items/Folder/…` nesting below the root folder (default 3; 0 means no sub-items). */
  maxDepth?: number
  /** Most items in one `Items` (default 4). */
  maxItems?: number
  /** Flat listings: the top folder's items hold no `Items` of their own (default false: nested to `maxDepth`). */
  flat?: boolean
  /** Which root documents to generate (default both). */
  root?: 'Folder' | 'Items'
  /** Include unknown child elements kept as `extensions` (default true). */
  extensions?: boolean
  /** Include unknown items (default true). */
  unknownItems?: boolean
}

// XML 1.0 Char, weighted towards what escaping must handle: `& < > " '`, whitespace, non-ASCII and astral.
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]$/u
const charArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('&', '<', '>', '"', "'", ']', ' ', '\t', '\n', '\r', 'é', '€', '😀', 'ß') },
  { weight: 5, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => XML_CHAR.test(c)) },
)

/**
 * A string XML 1.0 can carry, weighted towards `& < > " '`, whitespace and non-ASCII (names such as `a&b <c>.txt`).
 *
 * @example
 * ```ts
 * fc.sample(arbFileSyncText(), 3)
 * ```
 */
export function arbFileSyncText(maxLength = 16): fc.Arbitrary<string> {
  return fc.string({ unit: charArb, maxLength })
}

const hex = (n: number, upper = false) =>
  fc.stringMatching(upper ? new RegExp(`^[0-9A-F]{${n}}$`) : new RegExp(`^[0-9a-f]{${n}}$`))

/**
 * A ResourceID as SharePoint writes it: a GUID as 32 lowercase hex digits (sometimes upper case, which must survive).
 *
 * @example
 * ```ts
 * fc.sample(arbResourceId(), 1) // e.g. ['f0ce10dfa5334200b28631f7d2066eab']
 * ```
 */
export function arbResourceId(): fc.Arbitrary<string> {
  return fc.oneof({ weight: 5, arbitrary: hex(32) }, { weight: 1, arbitrary: hex(32, true) })
}

/**
 * An item ETag in SharePoint's form (`"{GUID},n"`), the root folder's bare id form, or any text.
 *
 * @example
 * ```ts
 * fc.sample(arbETag(), 1) // e.g. ['"{A7B4E912-F569-4580-ACA3-E399F60A3BA4},2"']
 * ```
 */
export function arbETag(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(fc.uuid(), fc.integer({ min: 1, max: 99 })).map(([g, v]) => `"{${g.toUpperCase()}},${v}"`),
    hex(32),
    arbFileSyncText(),
  )
}

/**
 * A FILESYNC date: a lexical xs:dateTime with 0–7 fraction digits and `Z`, an offset or no zone.
 *
 * @example
 * ```ts
 * fc.sample(arbFileSyncDateTime(), 1) // e.g. ['2025-11-07T22:06:33.0000000Z']
 * ```
 */
export function arbFileSyncDateTime(): fc.Arbitrary<string> {
  const two = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'))
  return fc
    .tuple(
      fc.integer({ min: 1, max: 9999 }).map((n) => String(n).padStart(4, '0')),
      two(1, 12),
      two(1, 28),
      two(0, 23),
      two(0, 59),
      two(0, 59),
      fc.oneof(
        fc.constant('.0000000'),
        fc.constant(''),
        fc.stringMatching(/^[0-9]{1,7}$/).map((f) => `.${f}`),
      ),
      fc.oneof(
        { weight: 4, arbitrary: fc.constant('Z') },
        { weight: 1, arbitrary: fc.constant('') },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom('+', '-'), two(0, 14)).map(([s, h]) => `${s}${h}:00`) },
      ),
    )
    .map(([y, mo, d, h, mi, s, f, z]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${f}${z}`)
}

const nullable = <A>(arb: fc.Arbitrary<A>): fc.Arbitrary<A | null> =>
  fc.oneof({ weight: 6, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) })

const arbSize = nullable(
  fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 2 ** 31 - 1 }) },
    { weight: 1, arbitrary: fc.maxSafeNat() },
  ),
)
const arbInt = nullable(fc.integer({ min: 0, max: 2147483647 }))
const arbDate = nullable(arbFileSyncDateTime())

const arbBoolean: fc.Arbitrary<FileSyncBoolean | null> = nullable(
  fc.oneof(
    { weight: 3, arbitrary: fc.boolean().map((value) => ({ value })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<FileSyncBoolean>(
        { value: true, lexical: 'true' },
        { value: false, lexical: 'false' },
        { value: true, lexical: '1' },
        { value: false, lexical: '0' },
      ),
    },
  ),
)

const arbQuota = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('Unknown', 'Normal', 'Nearing', 'Critical', 'Full', 'OverLimit') },
  { weight: 1, arbitrary: arbFileSyncText() },
)

// ---------------------------------------------------------------------------------------------------------------
// Unknown elements, in the shape the XML layer reads back (no adjacent or whitespace-only text beside elements).

const nameStart = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_')
const nameRest = fc.string({ unit: fc.constantFrom(...'abcxyzXYZ019_-.'), maxLength: 8 })
const arbName = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'fsshttpstate.xschema.storage.live.com',
      'windowssettings.xschema.drx.live.com',
      'Hash',
      'VersionToken',
      'CreationId',
      'Notebook',
    ),
  },
  { weight: 3, arbitrary: fc.tuple(nameStart, nameRest).map(([a, b]) => a + b) },
)

const nonBlankText = arbFileSyncText()
  .map((s) => `${s}x`)
  .filter((s) => s.trim() !== '')

function plainElement(localName: string, children: XmlNode[], attributes: XmlAttribute[] = []): XmlElement {
  return { type: 'element', namespace: null, localName, prefix: null, attributes, children }
}

const arbAttributes: fc.Arbitrary<XmlAttribute[]> = fc
  .uniqueArray(fc.tuple(arbName, arbFileSyncText()), { maxLength: 2, selector: ([n]) => n })
  .map((pairs) => pairs.map(([localName, value]) => ({ namespace: null, localName, prefix: null, value })))

const arbLeafElement: fc.Arbitrary<XmlElement> = fc
  .tuple(arbName, arbFileSyncText(), arbAttributes)
  .map(([name, text, attributes]) => plainElement(name, text === '' ? [] : [{ type: 'text', value: text }], attributes))

/**
 * An element the model does not know, with a small subtree: dotted extension names, attributes, mixed content,
 * and sometimes a namespace declared on the element itself.
 *
 * @example
 * ```ts
 * fc.sample(arbUnknownElement(), 1)
 * ```
 */
export function arbUnknownElement(): fc.Arbitrary<XmlElement> {
  const mixed = fc
    .tuple(arbName, fc.array(fc.oneof(arbLeafElement, nonBlankText), { maxLength: 3 }), arbAttributes)
    .map(([name, parts, attributes]) => {
      const children: XmlNode[] = []
      for (const p of parts) {
        const last = children[children.length - 1]
        if (typeof p !== 'string') children.push(p)
        else if (last?.type === 'text') last.value += p
        else children.push({ type: 'text', value: p })
      }
      return plainElement(name, children, attributes)
    })
  const namespaced = fc.tuple(arbName, arbLeafElement).map(([name, inner]) => ({
    type: 'element' as const,
    namespace: 'urn:example:ext',
    localName: name,
    prefix: 'ext',
    attributes: [{ namespace: XMLNS_NAMESPACE, localName: 'ext', prefix: 'xmlns', value: 'urn:example:ext' }],
    children: [inner],
  }))
  return fc.oneof(
    { weight: 2, arbitrary: arbLeafElement },
    { weight: 3, arbitrary: mixed },
    { weight: 1, arbitrary: namespaced },
  )
}

/**
 * An item of an unknown kind, kept whole (never named `Folder` or `Document` in no namespace, which would be typed).
 *
 * @example
 * ```ts
 * fc.sample(arbUnknownItem(), 1)
 * ```
 */
export function arbUnknownItem(): fc.Arbitrary<UnknownItem> {
  return arbUnknownElement()
    .filter((el) => el.namespace !== null || (el.localName !== 'Folder' && el.localName !== 'Document'))
    .map((element) => ({ kind: 'Unknown', element }))
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

function setWriteMode<T extends { writeMode?: string }>(value: T, writeMode: string | undefined): T {
  return writeMode === undefined ? value : { ...value, writeMode }
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
  const ext = options.extensions !== false
  return arbWriteMode.chain((writeMode) => {
    const base = fc
      .record(
        {
          ...common,
          modifierIdentity: arbModifierIdentity(ext),
          documentStreams: fc.array(arbDocumentStream(options, writeMode !== undefined), { maxLength: 2 }),
          labelHash: fc.oneof(fc.constant(''), arbFileSyncText()),
          labelHashScope: arbInt,
          isLabelProtected: arbBoolean,
        },
        { requiredKeys: [] },
      )
      .map((r): DocumentItem => setWriteMode<DocumentItem>({ kind: 'Document', ...r }, writeMode))
    return withExtensions<DocumentItem>(DOCUMENT, base, ext, (d) => d.writeMode !== undefined)
  })
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
  const ext = options.extensions !== false
  // Flat listings (`X-ResponseStructure: Flat`) list changed items of any depth directly under the root's Items.
  const children: fc.Arbitrary<Item[]> =
    depth <= 0
      ? fc.constant([])
      : fc.array(arbItem({ ...options, maxDepth: options.flat ? 0 : depth - 1 }), { maxLength: options.maxItems ?? 4 })
  return arbWriteMode.chain((writeMode) => {
    const base = fc
      .record(
        {
          ...common,
          modifierIdentity: arbModifierIdentity(ext),
          items: children,
          totalSubItemSize: arbSize,
          quotaState: arbQuota,
          spaceUsed: arbSize,
          spaceGranted: arbSize,
          listLevelQuotaState: arbQuota,
          listLevelSpaceUsed: arbSize,
          listLevelSpaceGranted: arbSize,
        },
        { requiredKeys: [] },
      )
      .map((r): FolderItem => setWriteMode<FolderItem>({ kind: 'Folder', ...r }, writeMode))
    return withExtensions<FolderItem>(FOLDER, base, ext, (f) => f.writeMode !== undefined)
  })
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
