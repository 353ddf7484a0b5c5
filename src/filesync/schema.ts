// The Web3S element tables: which child elements each FILESYNC record models, their value types, and the
// order SharePoint Online writes them in. Implements docs/decisions.md#f3 (order on encode).

/**
 * How a modelled child element's content is read and written.
 *
 * @example
 * ```ts
 * const type: FieldType = 'size' // a non-negative safe integer, or null for an empty element
 * ```
 */
export type FieldType =
  | 'text'
  | 'date'
  | 'size'
  | 'int'
  | 'binary'
  | 'boolean'
  | 'items'
  | 'streams'
  | 'modifierIdentity'
  | 'customIdentity'

/**
 * One modelled child element.
 *
 * @example
 * ```ts
 * FOLDER.byName.get('ResourceID') // { name: 'ResourceID', key: 'resourceId', type: 'text', … }
 * ```
 */
export interface FieldSpec {
  /** The element's local name (no namespace). */
  readonly name: string
  /** The property of the value. */
  readonly key: string
  /** Its content type. */
  readonly type: FieldType
  /** `<Name>`, precomputed for the text writer. */
  readonly open: string
  /** `</Name>`. */
  readonly close: string
  /** `<Name/>`. */
  readonly empty: string
}

/**
 * A record element: its modelled children, looked up by name, and the two write orders.
 *
 * @example
 * ```ts
 * DOCUMENT.requestOrder.map((f) => f.name) // ['ItemType', 'ResourceID', 'ReferenceID', 'ParentResourceID', 'WriteMode', …]
 * ```
 */
export interface RecordSpec {
  /** The element name (for messages). */
  readonly name: string
  /** Modelled children by local name. */
  readonly byName: ReadonlyMap<string, FieldSpec>
  /** Listing and write-response order (§3.2, §3.3 responses). */
  readonly responseOrder: readonly FieldSpec[]
  /** Write-request order (§3.3 request bodies). */
  readonly requestOrder: readonly FieldSpec[]
  /** Position of each name in `responseOrder`. */
  readonly responseRank: ReadonlyMap<string, number>
  /** Position of each name in `requestOrder`. */
  readonly requestRank: ReadonlyMap<string, number>
}

const TYPES: Record<string, FieldType> = {
  ItemType: 'text',
  ResourceID: 'text',
  ETag: 'text',
  DateCreated: 'date',
  DateModified: 'date',
  RelationshipName: 'text',
  Path: 'text',
  ParentResourceID: 'text',
  ReferenceID: 'text',
  RoleDefinitionName: 'text',
  ModifierIdentity: 'modifierIdentity',
  CreatedBy: 'text',
  LastModifiedBy: 'text',
  SubstrateFileId: 'text',
  ChangeTime: 'date',
  WriteMode: 'text',
  WriteStatus: 'text',
  DateCreatedOnClient: 'date',
  DateModifiedOnClient: 'date',
  Items: 'items',
  TotalSubItemSize: 'size',
  QuotaState: 'text',
  SpaceUsed: 'size',
  SpaceGranted: 'size',
  ListLevelQuotaState: 'text',
  ListLevelSpaceUsed: 'size',
  ListLevelSpaceGranted: 'size',
  DocumentStreams: 'streams',
  LabelHash: 'text',
  LabelHashScope: 'int',
  IsLabelProtected: 'boolean',
  DocumentStreamName: 'text',
  MimeType: 'text',
  DataSize: 'size',
  PreAuthURL: 'text',
  XORHash: 'binary',
  WriteValidationToken: 'binary',
  StreamSyncToken: 'binary',
  StreamProtocolSupport: 'int',
  FragmentSessionId: 'text',
  CustomIdentity: 'customIdentity',
  Name: 'text',
  Value: 'text',
}

// Element names whose lowerCamelCase is not just the first letter lowered (`ID` and `URL` read as words).
const KEYS: Record<string, string> = {
  ResourceID: 'resourceId',
  ParentResourceID: 'parentResourceId',
  ReferenceID: 'referenceId',
  PreAuthURL: 'preAuthUrl',
  XORHash: 'xorHash',
}

function field(name: string): FieldSpec {
  const type = TYPES[name]
  if (type === undefined) throw new Error(`schema: no type for ${name}`)
  const key = KEYS[name] ?? name[0]!.toLowerCase() + name.slice(1)
  return { name, key, type, open: `<${name}>`, close: `</${name}>`, empty: `<${name}/>` }
}

function rank(order: readonly FieldSpec[]): Map<string, number> {
  return new Map(order.map((f, i) => [f.name, i]))
}

function record(name: string, responseNames: string[], requestNames: string[]): RecordSpec {
  const responseOrder = responseNames.map(field)
  const requestOrder = requestNames.map(field)
  if (
    new Set(responseNames).size !== responseNames.length ||
    [...requestNames].sort().join() !== [...responseNames].sort().join()
  ) {
    throw new Error(`schema: ${name} orders do not list the same fields`)
  }
  return {
    name,
    byName: new Map(responseOrder.map((f) => [f.name, f])),
    responseOrder,
    requestOrder,
    responseRank: rank(responseOrder),
    requestRank: rank(requestOrder),
  }
}

// Listings (§3.2) send identity, then placement, then change data, then quota after Items; write responses (§3.3)
// are a subset of that order ending with WriteStatus. Fields never seen in responses go where they fit best (guess).
const FOLDER_RESPONSE = [
  'ItemType',
  'ResourceID',
  'ETag',
  'DateCreated',
  'DateModified',
  'RelationshipName',
  'Path',
  'ParentResourceID',
  'ReferenceID',
  'RoleDefinitionName',
  'SubstrateFileId',
  'CreatedBy',
  'LastModifiedBy',
  'ModifierIdentity',
  'TotalSubItemSize',
  'ChangeTime',
  'Items',
  'QuotaState',
  'SpaceUsed',
  'SpaceGranted',
  'ListLevelQuotaState',
  'ListLevelSpaceUsed',
  'ListLevelSpaceGranted',
  'WriteMode',
  'DateCreatedOnClient',
  'DateModifiedOnClient',
  'WriteStatus',
]

// Folder create request (§3.3): ParentResourceID, WriteMode, ReferenceID, RelationshipName, DateModifiedOnClient, Items.
const FOLDER_REQUEST = [
  'ItemType',
  'ResourceID',
  'ParentResourceID',
  'WriteMode',
  'ETag',
  'ReferenceID',
  'RelationshipName',
  'RoleDefinitionName',
  'Path',
  'DateCreated',
  'DateModified',
  'DateCreatedOnClient',
  'DateModifiedOnClient',
  'SubstrateFileId',
  'CreatedBy',
  'LastModifiedBy',
  'ModifierIdentity',
  'TotalSubItemSize',
  'ChangeTime',
  'Items',
  'QuotaState',
  'SpaceUsed',
  'SpaceGranted',
  'ListLevelQuotaState',
  'ListLevelSpaceUsed',
  'ListLevelSpaceGranted',
  'WriteStatus',
]

const DOCUMENT_RESPONSE = [
  'ItemType',
  'ResourceID',
  'ETag',
  'DateCreated',
  'DateModified',
  'RelationshipName',
  'Path',
  'ParentResourceID',
  'ReferenceID',
  'RoleDefinitionName',
  'DocumentStreams',
  'LabelHash',
  'LabelHashScope',
  'IsLabelProtected',
  'SubstrateFileId',
  'CreatedBy',
  'LastModifiedBy',
  'ModifierIdentity',
  'ChangeTime',
  'WriteMode',
  'DateCreatedOnClient',
  'DateModifiedOnClient',
  'WriteStatus',
]

// Document create: ReferenceID, ParentResourceID, WriteMode, RelationshipName, DateModifiedOnClient, DocumentStreams;
// update: ResourceID, ParentResourceID, WriteMode, ETag, RelationshipName, DateModifiedOnClient, DocumentStreams.
const DOCUMENT_REQUEST = [
  'ItemType',
  'ResourceID',
  'ReferenceID',
  'ParentResourceID',
  'WriteMode',
  'ETag',
  'RelationshipName',
  'RoleDefinitionName',
  'Path',
  'DateCreated',
  'DateModified',
  'DateCreatedOnClient',
  'DateModifiedOnClient',
  'DocumentStreams',
  'LabelHash',
  'LabelHashScope',
  'IsLabelProtected',
  'SubstrateFileId',
  'CreatedBy',
  'LastModifiedBy',
  'ModifierIdentity',
  'ChangeTime',
  'WriteStatus',
]

// Responses: Name, Binary stream with DataSize second; requests: Default stream with DataSize last.
const STREAM_RESPONSE = [
  'DocumentStreamName',
  'MimeType',
  'DataSize',
  'PreAuthURL',
  'XORHash',
  'WriteValidationToken',
  'StreamSyncToken',
  'StreamProtocolSupport',
  'FragmentSessionId',
]
const STREAM_REQUEST = [
  'DocumentStreamName',
  'MimeType',
  'XORHash',
  'FragmentSessionId',
  'DataSize',
  'PreAuthURL',
  'WriteValidationToken',
  'StreamSyncToken',
  'StreamProtocolSupport',
]

/**
 * `Folder` items.
 *
 * @example
 * ```ts
 * FOLDER.byName.has('SpaceGranted') // true
 * ```
 */
export const FOLDER: RecordSpec = record('Folder', FOLDER_RESPONSE, FOLDER_REQUEST)
/**
 * `Document` items.
 *
 * @example
 * ```ts
 * DOCUMENT.byName.has('DocumentStreams') // true
 * ```
 */
export const DOCUMENT: RecordSpec = record('Document', DOCUMENT_RESPONSE, DOCUMENT_REQUEST)
/**
 * `DocumentStream` inside `DocumentStreams`.
 *
 * @example
 * ```ts
 * DOCUMENT_STREAM.byName.has('XORHash') // true
 * ```
 */
export const DOCUMENT_STREAM: RecordSpec = record('DocumentStream', STREAM_RESPONSE, STREAM_REQUEST)
/**
 * `ModifierIdentity`.
 *
 * @example
 * ```ts
 * MODIFIER_IDENTITY.byName.has('CustomIdentity') // true
 * ```
 */
export const MODIFIER_IDENTITY: RecordSpec = record('ModifierIdentity', ['CustomIdentity'], ['CustomIdentity'])
/**
 * `CustomIdentity`.
 *
 * @example
 * ```ts
 * CUSTOM_IDENTITY.byName.has('Name') // true
 * ```
 */
export const CUSTOM_IDENTITY: RecordSpec = record('CustomIdentity', ['Name', 'Value'], ['Name', 'Value'])
