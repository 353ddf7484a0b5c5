// The Web3S elements, each described once with the shared element descriptions (src/codec/schema): which children
// each FILESYNC record models, their value types, and the order SharePoint Online writes them in (responses, and
// what a write request writes first). Implements docs/decisions.md#f3 (order on encode). The decoder, the writers,
// validation and the arbitraries read the tables compiled here from the descriptions.
import {
  type Child,
  childName,
  type ElementDescription,
  leafChild,
  listChild,
  oneChild,
} from '../codec/schema/describe'
import type { ValueType } from '../codec/values'
import { FILESYNC_VALUES as V } from './leaf'
import type { CustomIdentity, DocumentItem, DocumentStream, FolderItem, ModifierIdentity } from './model'

/**
 * How a modelled child element's content is read and written: a leaf kind (its value type's name), a list of items
 * (`items`: folders, documents and unknown items), a list of records (`streams`), or a nested record.
 *
 * @example
 * ```ts
 * const type: FieldType = 'size' // a non-negative safe integer, or null for an empty element
 * ```
 */
export type FieldType = 'text' | 'date' | 'size' | 'int' | 'binary' | 'boolean' | 'items' | 'streams' | 'record'

/**
 * One modelled child element, compiled from its description.
 *
 * @example
 * ```ts
 * FOLDER.byName.get('ResourceID') // { name: 'ResourceID', key: 'resourceId', type: 'text', … }
 * ```
 */
export interface FieldSpec extends Tags {
  /** The property of the value. */
  readonly key: string
  /** Its content type. */
  readonly type: FieldType
  /** The record a `record` field holds, or each item of a `streams` field. */
  readonly record?: RecordSpec
}

/**
 * A record element compiled from its description: its modelled children, looked up by name, and the two write orders.
 *
 * @example
 * ```ts
 * DOCUMENT.requestOrder.map((f) => f.name) // ['ItemType', 'ResourceID', 'ReferenceID', 'ParentResourceID', 'WriteMode', …]
 * ```
 */
export interface RecordSpec {
  /** The element name (for messages). */
  readonly name: string
  /** The description it is compiled from. */
  readonly description: ElementDescription<unknown>
  /** Modelled children by local name. */
  readonly byName: ReadonlyMap<string, FieldSpec>
  /** Listing and write-response order (§3.2, §3.3 responses): the description's. */
  readonly responseOrder: readonly FieldSpec[]
  /** Write-request order (§3.3 request bodies): the description's `requestFirst`, then the others. */
  readonly requestOrder: readonly FieldSpec[]
  /** Position of each name in `responseOrder`. */
  readonly responseRank: ReadonlyMap<string, number>
  /** Position of each name in `requestOrder`. */
  readonly requestRank: ReadonlyMap<string, number>
  /** The fields that hold records with extensions of their own (nested records, lists of records). */
  readonly nested: readonly FieldSpec[]
}

// Element names whose lowerCamelCase is not just the first letter lowered (`ID` and `URL` read as words).
const KEYS: Record<string, string> = {
  ResourceID: 'resourceId',
  ParentResourceID: 'parentResourceId',
  ReferenceID: 'referenceId',
  PreAuthURL: 'preAuthUrl',
  XORHash: 'xorHash',
}

/** A leaf child named as Web3S names it; typed leaves read an empty element as Null (MS-FILESYNC §2.2). */
function leaf(name: string, type: ValueType<any> = V.text): Child {
  const key = KEYS[name] ?? name[0]!.toLowerCase() + name.slice(1)
  return leafChild(key, type, 'optional', { name, nillable: type !== V.text })
}

/** A Web3S record: no namespace, no attributes, unknown children kept where they stood (docs/decisions.md#f4). */
function record<A>(name: string, children: Child[], requestFirst?: string[]): ElementDescription<A> {
  const d: ElementDescription<A> = {
    namespace: null,
    name,
    children,
    leaves: 'strict',
    extensions: 'optional',
    attributes: false,
    json: { what: `a ${name}`, plainAliases: false, keepUnknown: false },
    guard: [],
  }
  return requestFirst === undefined ? d : { ...d, requestFirst }
}

const names = (...list: string[]): Child[] => list.map((name) => leaf(name))

/**
 * `CustomIdentity`.
 *
 * @example
 * ```ts
 * CUSTOM_IDENTITY_DESCRIPTION.children.length // 2
 * ```
 */
export const CUSTOM_IDENTITY_DESCRIPTION: ElementDescription<CustomIdentity> = record(
  'CustomIdentity',
  names('Name', 'Value'),
)

/**
 * `ModifierIdentity`.
 *
 * @example
 * ```ts
 * MODIFIER_IDENTITY_DESCRIPTION.children[0]!.key // 'customIdentity'
 * ```
 */
export const MODIFIER_IDENTITY_DESCRIPTION: ElementDescription<ModifierIdentity> = record('ModifierIdentity', [
  oneChild('customIdentity', CUSTOM_IDENTITY_DESCRIPTION),
])

// Responses: Name, Binary stream with DataSize second; requests: Default stream with DataSize after the hash.
/**
 * `DocumentStream` inside `DocumentStreams`.
 *
 * @example
 * ```ts
 * DOCUMENT_STREAM_DESCRIPTION.requestFirst // ['DocumentStreamName', 'MimeType', 'XORHash', 'FragmentSessionId', 'DataSize']
 * ```
 */
export const DOCUMENT_STREAM_DESCRIPTION: ElementDescription<DocumentStream> = record(
  'DocumentStream',
  [
    ...names('DocumentStreamName', 'MimeType'),
    leaf('DataSize', V.size),
    leaf('PreAuthURL'),
    leaf('XORHash', V.binary),
    leaf('WriteValidationToken', V.binary),
    leaf('StreamSyncToken', V.binary),
    leaf('StreamProtocolSupport', V.int),
    leaf('FragmentSessionId'),
  ],
  ['DocumentStreamName', 'MimeType', 'XORHash', 'FragmentSessionId', 'DataSize'],
)

// Listings (§3.2) send identity, then placement, then change data, then quota after Items; write responses (§3.3)
// are a subset of that order ending with WriteStatus. Write requests (§3.3) send identity and placement first, the
// client's dates next, then the rest in listing order. Fields never seen in responses go where they fit best (guess).
const IDENTITY = [
  ...names('ItemType', 'ResourceID', 'ETag'),
  leaf('DateCreated', V.date),
  leaf('DateModified', V.date),
  ...names('RelationshipName', 'Path', 'ParentResourceID', 'ReferenceID', 'RoleDefinitionName'),
]
const AUTHORSHIP = [
  ...names('SubstrateFileId', 'CreatedBy', 'LastModifiedBy'),
  oneChild('modifierIdentity', MODIFIER_IDENTITY_DESCRIPTION),
]
const CLIENT = [
  leaf('WriteMode'),
  leaf('DateCreatedOnClient', V.date),
  leaf('DateModifiedOnClient', V.date),
  leaf('WriteStatus'),
]
const REQUEST_TAIL = ['RelationshipName', 'RoleDefinitionName', 'Path', 'DateCreated', 'DateModified']
const CLIENT_DATES = ['DateCreatedOnClient', 'DateModifiedOnClient']

/**
 * `Document` items.
 *
 * @example
 * ```ts
 * DOCUMENT_DESCRIPTION.children.some((c) => c.key === 'documentStreams') // true
 * ```
 */
export const DOCUMENT_DESCRIPTION: ElementDescription<DocumentItem> = record(
  'Document',
  [
    ...IDENTITY,
    listChild('documentStreams', 'DocumentStreams', () => [DOCUMENT_STREAM_DESCRIPTION], 'refuse'),
    leaf('LabelHash'),
    leaf('LabelHashScope', V.int),
    leaf('IsLabelProtected', V.boolean),
    ...AUTHORSHIP,
    leaf('ChangeTime', V.date),
    ...CLIENT,
  ],
  ['ItemType', 'ResourceID', 'ReferenceID', 'ParentResourceID', 'WriteMode', 'ETag', ...REQUEST_TAIL, ...CLIENT_DATES],
)

/**
 * `Folder` items, holding items of any kind to any depth.
 *
 * @example
 * ```ts
 * FOLDER_DESCRIPTION.children.some((c) => c.key === 'spaceGranted') // true
 * ```
 */
export const FOLDER_DESCRIPTION: ElementDescription<FolderItem> = record(
  'Folder',
  [
    ...IDENTITY,
    ...AUTHORSHIP,
    leaf('TotalSubItemSize', V.size),
    leaf('ChangeTime', V.date),
    listChild('items', 'Items', () => [FOLDER_DESCRIPTION, DOCUMENT_DESCRIPTION], 'keep'),
    leaf('QuotaState'),
    leaf('SpaceUsed', V.size),
    leaf('SpaceGranted', V.size),
    leaf('ListLevelQuotaState'),
    leaf('ListLevelSpaceUsed', V.size),
    leaf('ListLevelSpaceGranted', V.size),
    ...CLIENT,
  ],
  ['ItemType', 'ResourceID', 'ParentResourceID', 'WriteMode', 'ETag', 'ReferenceID', ...REQUEST_TAIL, ...CLIENT_DATES],
)

const compiled = new WeakMap<ElementDescription<unknown>, RecordSpec>()

/**
 * An element's name with its start, end and empty tags, written once here so the text writer appends them as they
 * are instead of building them per element.
 *
 * @example
 * ```ts
 * tagsOf('Items').empty // '<Items/>'
 * ```
 */
export function tagsOf(name: string): Tags {
  return { name, open: `<${name}>`, close: `</${name}>`, empty: `<${name}/>` }
}

/** See {@link tagsOf}. */
export interface Tags {
  /** The element's local name (no namespace). */
  readonly name: string
  /** `<Name>`. */
  readonly open: string
  /** `</Name>`. */
  readonly close: string
  /** `<Name/>`. */
  readonly empty: string
}

function fieldOf(c: Child): FieldSpec {
  const tags = { ...tagsOf(childName(c)), key: c.key }
  const name = tags.name
  switch (c.kind) {
    case 'leaf':
      return { ...tags, type: c.type.name as FieldType }
    case 'one':
      return { ...tags, type: 'record', record: recordOf(c.element) }
    case 'list':
      // A list that keeps what it does not know holds items (Folder, Document, Unknown); one that refuses it, records.
      return c.others === 'keep'
        ? { ...tags, type: 'items' }
        : { ...tags, type: 'streams', record: recordOf(c.items[0]!) }
    default:
      throw new Error(`schema: ${name} repeats without a wrapper, which Web3S does not`)
  }
}

/**
 * The table the FILESYNC decoder and writers read, compiled once from a description: fields by name, the response
 * order (the description's) and the request order (`requestFirst`, then the others in response order).
 *
 * @example
 * ```ts
 * recordOf(FOLDER_DESCRIPTION) === FOLDER // true
 * ```
 */
export function recordOf(d: ElementDescription<any>): RecordSpec {
  const known = compiled.get(d)
  if (known !== undefined) return known
  const responseOrder = d.children.map(fieldOf)
  const first = d.requestFirst ?? []
  const byName = new Map(responseOrder.map((f) => [f.name, f]))
  if (byName.size !== responseOrder.length || first.some((name) => !byName.has(name))) {
    throw new Error(`schema: ${d.name} names a field twice, or writes first one it does not have`)
  }
  const requestOrder = [
    ...first.map((name) => byName.get(name)!),
    ...responseOrder.filter((f) => !first.includes(f.name)),
  ]
  const spec: RecordSpec = {
    name: d.name,
    description: d,
    byName,
    responseOrder,
    requestOrder,
    responseRank: new Map(responseOrder.map((f, i) => [f.name, i])),
    requestRank: new Map(requestOrder.map((f, i) => [f.name, i])),
    nested: responseOrder.filter((f) => f.record !== undefined),
  }
  compiled.set(d, spec)
  return spec
}

/**
 * `Folder` items.
 *
 * @example
 * ```ts
 * FOLDER.byName.has('SpaceGranted') // true
 * ```
 */
export const FOLDER: RecordSpec = recordOf(FOLDER_DESCRIPTION)
/**
 * `Document` items.
 *
 * @example
 * ```ts
 * DOCUMENT.byName.has('DocumentStreams') // true
 * ```
 */
export const DOCUMENT: RecordSpec = recordOf(DOCUMENT_DESCRIPTION)
/**
 * `DocumentStream` inside `DocumentStreams`.
 *
 * @example
 * ```ts
 * DOCUMENT_STREAM.byName.has('XORHash') // true
 * ```
 */
export const DOCUMENT_STREAM: RecordSpec = recordOf(DOCUMENT_STREAM_DESCRIPTION)
/**
 * `ModifierIdentity`.
 *
 * @example
 * ```ts
 * MODIFIER_IDENTITY.byName.has('CustomIdentity') // true
 * ```
 */
export const MODIFIER_IDENTITY: RecordSpec = recordOf(MODIFIER_IDENTITY_DESCRIPTION)
/**
 * `CustomIdentity`.
 *
 * @example
 * ```ts
 * CUSTOM_IDENTITY.byName.has('Name') // true
 * ```
 */
export const CUSTOM_IDENTITY: RecordSpec = recordOf(CUSTOM_IDENTITY_DESCRIPTION)
