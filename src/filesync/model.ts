// The MS-FILESYNC (Web3S) value model: documents rooted at `Folder` or `Items`, their items and fields.
// Implements MS-FILESYNC §2.2 (data types and simple types) and docs/decisions.md#f1 to #f13.
import type { BooleanLexical, FormBoolean } from '../codec/boolean'
import type { XmlElement } from '../xml/types'

export type { BooleanLexical, FormBoolean }

/**
 * A boolean that remembers the form it was read in (docs/decisions.md#f8), the codec kit's `FormBoolean`:
 * `lexical` is absent for the default form (`True`/`False`, the one SharePoint uses); encoding ignores a
 * `lexical` that does not spell `value` and writes the default form instead.
 *
 * @example
 * ```ts
 * const isLabelProtected: FileSyncBoolean = { value: false } // written as False
 * const lower: FileSyncBoolean = { value: true, lexical: 'true' } // written as true
 * ```
 */
export type FileSyncBoolean = FormBoolean

/**
 * The quota states of the spec (`X-QuotaState`, `X-ListLevelQuotaState`, `QuotaState`): the one list that
 * {@link QuotaState}, the header reader and `validateFileSync` take them from.
 *
 * @example
 * ```ts
 * QUOTA_STATES.includes('Normal') // true
 * ```
 */
export const QUOTA_STATES = ['Unknown', 'Normal', 'Nearing', 'Critical', 'Full', 'OverLimit'] as const

/**
 * A `QuotaState` value. The spec's enum ({@link QUOTA_STATES}) is listed for completion, but any string read is kept
 * (servers add values): `validateFileSync` flags the others (docs/decisions.md#f10).
 *
 * @example
 * ```ts
 * const state: QuotaState = 'Normal'
 * ```
 */
export type QuotaState = (typeof QUOTA_STATES)[number] | (string & {})

/**
 * The write modes of write requests seen on the wire: the one list that {@link WriteMode} and `validateFileSync` take
 * them from.
 *
 * @example
 * ```ts
 * WRITE_MODES.includes('Update') // true
 * ```
 */
export const WRITE_MODES = ['Create', 'Update', 'CreateOrUpdate'] as const

/**
 * A `WriteMode` value of a write request (observed: {@link WRITE_MODES}); other strings are kept.
 *
 * @example
 * ```ts
 * const mode: WriteMode = 'Update'
 * ```
 */
export type WriteMode = (typeof WRITE_MODES)[number] | (string & {})

/**
 * A child element the model does not know (a dotted extension such as `fsshttpstate.xschema.storage.live.com`,
 * an SPO-only or future field), kept with its whole subtree and written back in place.
 *
 * `after` is the name of the modelled sibling element it followed when read (`'ParentResourceID'`), or `null`
 * when no modelled element came before it; an element in a namespace is never a modelled one, whatever its local
 * name (`<WriteMode xmlns="urn:x"/>`), and a modelled field repeated is anchored to its first occurrence. Encoding
 * writes it right after that sibling (after the place the sibling would take when it is absent); several extensions
 * with the same anchor keep their array order.
 *
 * @example
 * ```ts
 * const ext: Extension = {
 *   after: 'ParentResourceID',
 *   element: { type: 'element', namespace: null, localName: 'fsshttpstate.xschema.storage.live.com', prefix: null, attributes: [], children: [] },
 * }
 * ```
 */
export interface Extension {
  /** The XML name of the modelled sibling this element followed (a repeated modelled field: that field), or `null` when it came first. */
  after: string | null
  /** The element, exactly as read. */
  element: XmlElement
}

/**
 * `CustomIdentity` inside `ModifierIdentity`: the `X-CustomIdentity` request header echoed back (loop suppression).
 *
 * @example
 * ```ts
 * const id: CustomIdentity = { name: 'SkyDriveSync', value: '078602e5-31f1-41fc-a168-ffff06000000' }
 * ```
 */
export interface CustomIdentity {
  /** `Name`, e.g. `SkyDriveSync`. */
  name?: string
  /** `Value`, the client's identity GUID, byte-exact. */
  value?: string
  /** Child elements not modelled. */
  extensions?: Extension[]
}

/**
 * `ModifierIdentity`: who made the last change, as the writing client identified itself.
 *
 * @example
 * ```ts
 * const who: ModifierIdentity = { customIdentity: { name: 'SkyDriveSync', value: '078602e5-31f1-41fc-a168-ffff06000000' } }
 * ```
 */
export interface ModifierIdentity {
  /** `CustomIdentity`. */
  customIdentity?: CustomIdentity
  /** Child elements not modelled. */
  extensions?: Extension[]
}

/**
 * One `DocumentStream` of a document: the content stream's size, hashes and download URL (responses), or the
 * upload's MIME type and fragment session (write requests).
 *
 * Sizes are non-negative safe integers; `null` stands for an empty element (the spec's Null).
 *
 * @example
 * ```ts
 * const stream: DocumentStream = { documentStreamName: 'Binary', dataSize: 4532, preAuthUrl: '' }
 * ```
 */
export interface DocumentStream {
  /** `DocumentStreamName`: `Binary` in responses, `Default` in write requests. */
  documentStreamName?: string
  /** `MimeType` (write requests). */
  mimeType?: string
  /** `DataSize` in bytes; may exceed 2^31. */
  dataSize?: number | null
  /** `PreAuthURL`: the download URL, empty in write responses. */
  preAuthUrl?: string
  /** `XORHash`: the QuickXorHash, base64 on the wire. */
  xorHash?: Uint8Array
  /** `WriteValidationToken`, base64 on the wire. */
  writeValidationToken?: Uint8Array
  /** `StreamSyncToken`, base64 on the wire. */
  streamSyncToken?: Uint8Array
  /** `StreamProtocolSupport` (an `Int`, 0..2147483647). */
  streamProtocolSupport?: number | null
  /** `FragmentSessionId`: names the multipart part carrying the bytes (write requests). */
  fragmentSessionId?: string
  /** Child elements not modelled. */
  extensions?: Extension[]
}

/**
 * The fields a `Folder` and a `Document` share: identity and placement, change tracking, and write
 * request/response fields. Text fields are strings exactly as read (`''` for an empty element); typed fields
 * (dates, sizes) are `null` for an empty element (the spec's Null); absent elements are absent properties.
 * Dates are lexical xs:dateTime strings (0–7 fraction digits).
 *
 * @example
 * ```ts
 * const fields: ItemFields = { resourceId: 'a7b4e912f5694580aca3e399f60a3ba4', eTag: '"{A7B4E912-F569-4580-ACA3-E399F60A3BA4},2"' }
 * ```
 */
export interface ItemFields {
  /** `ItemType`: `Folder` or `Document` in listings, as read. */
  itemType?: string
  /** `ResourceID`: a GUID as 32 hex digits, case kept (compare case-insensitively). */
  resourceId?: string
  /** `ETag`: opaque and byte-exact (quotes and braces included). */
  eTag?: string
  /** `DateCreated`. */
  dateCreated?: string | null
  /** `DateModified`. */
  dateModified?: string | null
  /** `RelationshipName`: the item's name within its parent, raw. */
  relationshipName?: string
  /** `Path`: the server path, starting `/RootFolder`. */
  path?: string
  /** `ParentResourceID`; for the root folder, the library (list) id. */
  parentResourceId?: string
  /** `ReferenceID`: the client's temporary id in creates (a GUID with `#` as first digit). */
  referenceId?: string
  /** `RoleDefinitionName` (consumer storage). */
  roleDefinitionName?: string
  /** `ModifierIdentity`. */
  modifierIdentity?: ModifierIdentity
  /** `CreatedBy`: a display name. */
  createdBy?: string
  /** `LastModifiedBy`: a display name. */
  lastModifiedBy?: string
  /** `SubstrateFileId`. */
  substrateFileId?: string
  /** `ChangeTime`: when the change was recorded. */
  changeTime?: string | null
  /** `WriteMode` (write requests). */
  writeMode?: WriteMode
  /** `WriteStatus` (write responses; only `Success` observed). */
  writeStatus?: string
  /** `DateCreatedOnClient` (write requests). */
  dateCreatedOnClient?: string | null
  /** `DateModifiedOnClient` (write requests). */
  dateModifiedOnClient?: string | null
  /** Child elements not modelled, with their position. */
  extensions?: Extension[]
}

/**
 * A `Folder` item: a listing's root or a sub-folder, or a folder in a write request/response.
 *
 * @example
 * ```ts
 * const folder: FolderItem = { kind: 'Folder', relationshipName: 'mitm_logs', writeMode: 'Create', items: [] }
 * ```
 */
export interface FolderItem extends ItemFields {
  /** Discriminant of {@link Item}. */
  kind: 'Folder'
  /** `Items`: the children (nested listings) or changed items (flat listings); `[]` for `<Items/>`. */
  items?: Item[]
  /** `TotalSubItemSize` in bytes. */
  totalSubItemSize?: number | null
  /** `QuotaState` (root folder). */
  quotaState?: QuotaState
  /** `SpaceUsed` in bytes (root folder). */
  spaceUsed?: number | null
  /** `SpaceGranted` in bytes (root folder); exceeds 2^31 in practice. */
  spaceGranted?: number | null
  /** `ListLevelQuotaState` (root folder). */
  listLevelQuotaState?: QuotaState
  /** `ListLevelSpaceUsed` in bytes (root folder). */
  listLevelSpaceUsed?: number | null
  /** `ListLevelSpaceGranted` in bytes (root folder). */
  listLevelSpaceGranted?: number | null
}

/**
 * A `Document` item: a file in a listing, or in a write request/response.
 *
 * @example
 * ```ts
 * const doc: DocumentItem = { kind: 'Document', resourceId: '2b80541d1fb547bfacbd38f99cb5e74d', relationshipName: 'a.txt' }
 * ```
 */
export interface DocumentItem extends ItemFields {
  /** Discriminant of {@link Item}. */
  kind: 'Document'
  /** `DocumentStreams`: the content streams. */
  documentStreams?: DocumentStream[]
  /** `LabelHash`: the sensitivity label hash; `''` for `<LabelHash />`. */
  labelHash?: string
  /** `LabelHashScope` (an `Int`). */
  labelHashScope?: number | null
  /** `IsLabelProtected`. */
  isLabelProtected?: FileSyncBoolean | null
}

/**
 * An item element of any other name inside `Items`, kept whole (docs/decisions.md#f2): never dropped, never an error.
 *
 * @example
 * ```ts
 * const other: UnknownItem = {
 *   kind: 'Unknown',
 *   element: { type: 'element', namespace: null, localName: 'Notebook', prefix: null, attributes: [], children: [] },
 * }
 * ```
 */
export interface UnknownItem {
  /** Discriminant of {@link Item}. */
  kind: 'Unknown'
  /** The element with its subtree, exactly as read. */
  element: XmlElement
}

/**
 * An entry of `Items`, tagged on `kind`.
 *
 * @example
 * ```ts
 * const item: Item = { kind: 'Document', relationshipName: 'a.txt' }
 * ```
 */
export type Item = FolderItem | DocumentItem | UnknownItem

/**
 * A decoded MS-FILESYNC document, tagged on `root`: a `Folder` (listings and `Filter=changes` responses,
 * nested or flat) or `Items` (write requests and write responses).
 *
 * @example
 * ```ts
 * const write: FileSyncDocument = { root: 'Items', items: [{ kind: 'Folder', relationshipName: 'new', writeMode: 'Create' }] }
 * ```
 */
export type FileSyncDocument = { root: 'Folder'; folder: FolderItem } | { root: 'Items'; items: Item[] }
