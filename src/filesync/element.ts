// Element codecs for Web3S items: Folder, Document, DocumentStream, ModifierIdentity, decoded in one pass per element.
// Implements docs/decisions.md#f3 (shapes, SharePoint Online's order) and #f1 to #f10 (order-insensitive, lossless, Null).
import * as t from 'io-ts'
import { type ElementDescription, guardOf } from '../codec/schema/describe'
import { elementsOnly } from '../codec/schema/path'
import type { XmlElement } from '../xml/types'
import {
  checkAttributes,
  decodeItemIn,
  decodeRecordInto,
  fail,
  inWriteOrder,
  isElement,
  type Mutable,
  run,
  wrongElement,
} from './item-decode'
import type { DocumentItem, DocumentStream, Extension, FolderItem, Item, ModifierIdentity, UnknownItem } from './model'
import { DOCUMENT, DOCUMENT_STREAM, FOLDER, MODIFIER_IDENTITY, type RecordSpec } from './schema'
import { buildTree } from './write'

// ---------------------------------------------------------------------------------------------------------------
// The public element codecs

function isKind<A extends { kind: string }>(kind: A['kind']) {
  return (u: unknown): u is A => typeof u === 'object' && u !== null && (u as { kind?: unknown }).kind === kind
}

/**
 * The element codec derived from a record's description (through its compiled table): the element's name checked,
 * children read in one pass in any order, extensions put in the order the writer gives them (write-request order
 * when an item has a `writeMode`), and the value written back by the FILESYNC writer.
 */
function recordElement<A>(spec: RecordSpec, is: (u: unknown) => u is A, kind?: 'Folder' | 'Document') {
  return new t.Type<A, XmlElement, XmlElement>(
    spec.name,
    is,
    (el, c) => {
      if (!isElement(el) || el.namespace !== null || el.localName !== spec.name) {
        return wrongElement(el, c, `<${spec.name}>`)
      }
      return run(c, el, (cur) => {
        const out: Mutable = kind === undefined ? {} : { kind }
        decodeRecordInto(spec, el, cur, out)
        inWriteOrder(spec, out, kind !== undefined && out.writeMode !== undefined)
        return out as unknown as A
      })
    },
    (value) =>
      kind === undefined ? buildTree(value as Mutable, spec, spec.name) : buildTree(value as unknown as Item),
  )
}

/**
 * The `Folder` element codec (`t.Type<FolderItem, XmlElement, XmlElement>`): children in any order, unknown
 * children kept as {@link Extension}s, items to any depth. Encoding writes the SPO order (write-request order
 * when `writeMode` is set).
 *
 * @example
 * ```ts
 * const folder = FolderItemElement.decode(parsedRootElement)
 * const el = FolderItemElement.encode({ kind: 'Folder', relationshipName: 'new', writeMode: 'Create', items: [] })
 * ```
 */
export const FolderItemElement: t.Type<FolderItem, XmlElement, XmlElement> = recordElement(
  FOLDER,
  isKind<FolderItem>('Folder'),
  'Folder',
)

/**
 * The `Document` element codec (`t.Type<DocumentItem, XmlElement, XmlElement>`).
 *
 * @example
 * ```ts
 * const el = DocumentItemElement.encode({ kind: 'Document', relationshipName: 'a.txt', writeMode: 'Create' })
 * ```
 */
export const DocumentItemElement: t.Type<DocumentItem, XmlElement, XmlElement> = recordElement(
  DOCUMENT,
  isKind<DocumentItem>('Document'),
  'Document',
)

/**
 * The codec of any element inside `Items`: `Folder` and `Document` (no namespace) are typed, every other element
 * is an {@link UnknownItem} kept whole (docs/decisions.md#f2).
 *
 * @example
 * ```ts
 * ItemElement.decode(notebookElement) // right({ kind: 'Unknown', element: notebookElement })
 * ```
 */
export const ItemElement: t.Type<Item, XmlElement, XmlElement> = new t.Type<Item, XmlElement, XmlElement>(
  'Item',
  (u): u is Item => isKind<Item>('Folder')(u) || isKind<Item>('Document')(u) || isKind<Item>('Unknown')(u),
  (el, c) => {
    if (!isElement(el)) return wrongElement(el, c, '<Folder>, <Document> or another item')
    return run(c, el, (cur) => decodeItemIn(el, cur))
  },
  (item) => buildTree(item),
)

/**
 * The codec of an opaque item: any element, kept with its subtree.
 *
 * @example
 * ```ts
 * UnknownItemElement.encode({ kind: 'Unknown', element: notebookElement }) // notebookElement
 * ```
 */
export const UnknownItemElement: t.Type<UnknownItem, XmlElement, XmlElement> = new t.Type<
  UnknownItem,
  XmlElement,
  XmlElement
>(
  'UnknownItem',
  isKind<UnknownItem>('Unknown'),
  (el, c) => (isElement(el) ? t.success({ kind: 'Unknown', element: el }) : wrongElement(el, c, 'any element')),
  (item) => item.element,
)

/**
 * The `DocumentStream` element codec.
 *
 * @example
 * ```ts
 * DocumentStreamElement.encode({ documentStreamName: 'Binary', dataSize: 4532 })
 * ```
 */
export const DocumentStreamElement: t.Type<DocumentStream, XmlElement, XmlElement> = recordElement(
  DOCUMENT_STREAM,
  guardOf(DOCUMENT_STREAM.description as ElementDescription<DocumentStream>),
)

/**
 * The `ModifierIdentity` element codec.
 *
 * @example
 * ```ts
 * ModifierIdentityElement.encode({ customIdentity: { name: 'SkyDriveSync', value: '078602e5-31f1-41fc-a168-ffff06000000' } })
 * ```
 */
export const ModifierIdentityElement: t.Type<ModifierIdentity, XmlElement, XmlElement> = recordElement(
  MODIFIER_IDENTITY,
  guardOf(MODIFIER_IDENTITY.description as ElementDescription<ModifierIdentity>),
)

/**
 * The `Items` element codec of a write request or response root: its children as {@link Item}s.
 *
 * @example
 * ```ts
 * ItemsElement.encode([{ kind: 'Folder', relationshipName: 'new', writeMode: 'Create' }])
 * ```
 */
export const ItemsElement: t.Type<Item[], XmlElement, XmlElement> = new t.Type<Item[], XmlElement, XmlElement>(
  'Items',
  (u): u is Item[] => Array.isArray(u),
  (el, c) => {
    if (!isElement(el) || el.namespace !== null || el.localName !== 'Items') return wrongElement(el, c, '<Items>')
    return run(c, el, (cur) => {
      if (el.attributes.length > 0) checkAttributes(el, cur)
      const out: Item[] = []
      for (const node of el.children) {
        if (node.type === 'text') fail(cur, node.value, elementsOnly('Items', node.value))
        else out.push(decodeItemIn(node, cur))
      }
      return out
    })
  },
  (items) => buildTree({ items }),
)
