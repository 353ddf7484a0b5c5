// Element codecs for Web3S items: Folder, Document, DocumentStream, ModifierIdentity, decoded in one pass per element.
// Implements docs/decisions.md#f3 (shapes, SharePoint Online's order) and #f1 to #f10 (order-insensitive, lossless, Null).
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { insertEntry, type XmlStep, xmlStep } from '../codec/context'
import { qname } from '../codec/names'
import { XMLNS_NAMESPACE, type XmlElement } from '../xml/types'
import { LEAF_CODEC } from './leaf'
import type { DocumentItem, DocumentStream, Extension, FolderItem, Item, ModifierIdentity, UnknownItem } from './model'
import {
  CUSTOM_IDENTITY,
  DOCUMENT,
  DOCUMENT_STREAM,
  type FieldSpec,
  type FieldType,
  FOLDER,
  MODIFIER_IDENTITY,
  type RecordSpec,
} from './schema'
import { buildTree } from './write'

// The decoder is hand-written rather than composed from `record()`: a changes listing holds ~20 leaves per item,
// and the per-field closures, intermediate objects and Map lookups of a generic record cost more than the
// whole budget beside the XML parse. It still speaks the codec kit's context protocol, so paths come out the same.

type Mutable = Record<string, unknown>

/** Where decoding is: the io-ts context of the element being read, grown on the way down, copied only on error. */
interface Cursor {
  readonly stack: t.ContextEntry[]
  readonly errors: t.ValidationError[]
}

// Null (the empty string, MS-FILESYNC §2.2) is how Web3S writes "no value" for typed fields; text keeps `''`.
const NULLABLE: ReadonlySet<FieldType> = new Set<FieldType>(['date', 'size', 'int', 'boolean'])

const steps = new Map<string, XmlStep>()
function stepFor(name: string, repeated: boolean): XmlStep {
  const key = `${repeated ? '*' : ''}${name}`
  let step = steps.get(key)
  if (step === undefined) {
    step = xmlStep('element', [qname(null, name)], repeated)
    steps.set(key, step)
  }
  return step
}

const ITEM_STEP = xmlStep('element', [qname(null, 'Folder'), qname(null, 'Document')], true)
const STREAM_STEP = stepFor('DocumentStream', true)

function fail(cur: Cursor, value: unknown, message: string, extra?: t.ContextEntry): void {
  const context = extra === undefined ? cur.stack.slice() : [...cur.stack, extra]
  cur.errors.push({ value, context, message })
}

function showText(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 37)}...` : s)
}

/** Non-declaration attributes are data the model has no room for: refuse rather than drop them. */
function checkAttributes(el: XmlElement, cur: Cursor): void {
  for (const a of el.attributes) {
    if (a.namespace === XMLNS_NAMESPACE) continue
    const name = a.prefix ? `${a.prefix}:${a.localName}` : a.localName
    fail(cur, a.value, `expected no attributes on <${el.localName}> (Web3S has none), found ${name}="${a.value}"`)
  }
}

function textOf(el: XmlElement, cur: Cursor, step: XmlStep): string | undefined {
  const children = el.children
  if (children.length === 0) return ''
  const first = children[0]!
  if (children.length === 1 && first.type === 'text') return first.value
  let s = ''
  for (const node of children) {
    if (node.type === 'element') {
      fail(cur, node, `expected text only, found element <${node.localName}>`, {
        key: el.localName,
        type: step,
        actual: el,
      })
      return undefined
    }
    s += node.value
  }
  return s
}

function decodeLeaf(field: FieldSpec, el: XmlElement, cur: Cursor): unknown {
  const step = stepFor(field.name, false)
  if (el.attributes.length > 0) {
    cur.stack.push({ key: el.localName, type: step, actual: el })
    checkAttributes(el, cur)
    cur.stack.pop()
  }
  const s = textOf(el, cur, step)
  if (s === undefined) return undefined
  if (field.type === 'text') return s
  if (s === '' && NULLABLE.has(field.type)) return null
  const codec = LEAF_CODEC[field.type]!
  const r = codec.validate(s, cur.stack)
  if (E.isRight(r)) return r.right
  cur.errors.push(...insertEntry(cur.stack, r.left, { key: el.localName, type: step, actual: el }))
  return undefined
}

/** Reads a record element's children into `out`; unmodelled ones go to `out.extensions` with their anchor. */
function decodeRecordInto(spec: RecordSpec, el: XmlElement, cur: Cursor, out: Mutable): void {
  if (el.attributes.length > 0) checkAttributes(el, cur)
  let after: string | null = null
  let extensions: Extension[] | undefined
  const byName = spec.byName
  for (const node of el.children) {
    if (node.type === 'text') {
      fail(cur, node.value, `expected elements only in <${el.localName}>, found text ${showText(node.value)}`)
      continue
    }
    const field = node.namespace === null ? byName.get(node.localName) : undefined
    if (field === undefined || out[field.key] !== undefined) {
      if (extensions === undefined) extensions = []
      // A repeated field stays anchored to its first occurrence: anchored to the previous sibling, the write order
      // could put it before the first one, which would then decode in its place (found by the totality fuzzing).
      extensions.push({ after: field === undefined ? after : field.name, element: node })
      continue
    }
    after = field.name
    const value = decodeField(field, node, cur)
    if (value !== undefined) out[field.key] = value
  }
  if (extensions !== undefined) out.extensions = extensions
}

function decodeField(field: FieldSpec, el: XmlElement, cur: Cursor): unknown {
  switch (field.type) {
    case 'items':
      return decodeList(el, cur, stepFor('Items', false), decodeItemIn)
    case 'streams':
      return decodeList(el, cur, stepFor('DocumentStreams', false), decodeStreamIn)
    case 'modifierIdentity':
      return decodeNested(MODIFIER_IDENTITY, el, cur, stepFor('ModifierIdentity', false))
    case 'customIdentity':
      return decodeNested(CUSTOM_IDENTITY, el, cur, stepFor('CustomIdentity', false))
    default:
      return decodeLeaf(field, el, cur)
  }
}

function decodeNested(spec: RecordSpec, el: XmlElement, cur: Cursor, step: XmlStep): Mutable {
  const out: Mutable = {}
  cur.stack.push({ key: el.localName, type: step, actual: el })
  decodeRecordInto(spec, el, cur, out)
  cur.stack.pop()
  return out
}

function decodeList<A>(el: XmlElement, cur: Cursor, step: XmlStep, each: (node: XmlElement, cur: Cursor) => A): A[] {
  cur.stack.push({ key: el.localName, type: step, actual: el })
  if (el.attributes.length > 0) checkAttributes(el, cur)
  const children = el.children
  const out: A[] = []
  for (const node of children) {
    if (node.type === 'text') {
      fail(cur, node.value, `expected elements only in <${el.localName}>, found text ${showText(node.value)}`)
      continue
    }
    out.push(each(node, cur))
  }
  cur.stack.pop()
  return out
}

function decodeItemIn(el: XmlElement, cur: Cursor): Item {
  if (el.namespace === null) {
    if (el.localName === 'Folder') return decodeTyped(FOLDER, 'Folder', el, cur, ITEM_STEP) as unknown as FolderItem
    if (el.localName === 'Document')
      return decodeTyped(DOCUMENT, 'Document', el, cur, ITEM_STEP) as unknown as DocumentItem
  }
  return { kind: 'Unknown', element: el }
}

function decodeStreamIn(el: XmlElement, cur: Cursor): DocumentStream {
  if (el.namespace !== null || el.localName !== 'DocumentStream') {
    fail(cur, el, `expected element <DocumentStream>, found <${el.localName}>`, {
      key: el.localName,
      type: stepFor(el.localName, true),
      actual: el,
    })
    return {}
  }
  const out: Mutable = {}
  cur.stack.push({ key: el.localName, type: STREAM_STEP, actual: el })
  decodeRecordInto(DOCUMENT_STREAM, el, cur, out)
  cur.stack.pop()
  return out as DocumentStream
}

function decodeTyped(
  spec: RecordSpec,
  kind: 'Folder' | 'Document',
  el: XmlElement,
  cur: Cursor,
  step: XmlStep,
): Mutable {
  const out: Mutable = { kind }
  cur.stack.push({ key: el.localName, type: step, actual: el })
  decodeRecordInto(spec, el, cur, out)
  cur.stack.pop()
  inWriteOrder(spec, out, out.writeMode !== undefined)
  return out
}

/**
 * Puts a decoded record's extensions (and those of its streams and identities) in the order the writer emits
 * them: stably by their anchor's place in the write order the item will get. Documents whose fields come in another
 * order than SharePoint's would otherwise decode, after a round trip, to the same extensions in another order.
 */
function inWriteOrder(spec: RecordSpec, value: Mutable, request: boolean): void {
  const extensions = value.extensions as Extension[] | undefined
  if (extensions !== undefined && extensions.length > 1) {
    const rank = request ? spec.requestRank : spec.responseRank
    const end = (request ? spec.requestOrder : spec.responseOrder).length
    value.extensions = extensions
      .map((ext, i) => ({ ext, i, at: ext.after === null ? -1 : (rank.get(ext.after) ?? end) }))
      .sort((a, b) => a.at - b.at || a.i - b.i)
      .map((p) => p.ext)
  }
  // Only these fields hold records with extensions of their own.
  const streams = value.documentStreams as Mutable[] | undefined
  if (streams !== undefined) for (const stream of streams) inWriteOrder(DOCUMENT_STREAM, stream, request)
  const identity = value.modifierIdentity as Mutable | undefined
  if (identity !== undefined) inWriteOrder(MODIFIER_IDENTITY, identity, request)
  const custom = value.customIdentity as Mutable | undefined
  if (custom !== undefined) inWriteOrder(CUSTOM_IDENTITY, custom, request)
}

function run<A>(c: t.Context, el: XmlElement, body: (cur: Cursor) => A): t.Validation<A> {
  const cur: Cursor = { stack: c.slice(), errors: [] }
  cur.stack.push({ key: el.localName, type: stepFor(el.localName, false), actual: el })
  const value = body(cur)
  return cur.errors.length === 0 ? t.success(value) : t.failures(cur.errors)
}

function isElement(u: unknown): u is XmlElement {
  return typeof u === 'object' && u !== null && (u as { type?: unknown }).type === 'element'
}

function wrongElement(u: unknown, c: t.Context, expected: string): t.Validation<never> {
  const found = isElement(u)
    ? `<${u.prefix ? `${u.prefix}:` : ''}${u.localName}>${u.namespace === null ? '' : ` (${u.namespace})`}`
    : typeof u
  return t.failure(u, c, `expected element ${expected}, found ${found}`)
}

// ---------------------------------------------------------------------------------------------------------------
// The public element codecs

function isKind<A extends { kind: string }>(kind: A['kind']) {
  return (u: unknown): u is A => typeof u === 'object' && u !== null && (u as { kind?: unknown }).kind === kind
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
export const FolderItemElement: t.Type<FolderItem, XmlElement, XmlElement> = new t.Type<
  FolderItem,
  XmlElement,
  XmlElement
>(
  'Folder',
  isKind<FolderItem>('Folder'),
  (el, c) => {
    if (!isElement(el) || el.namespace !== null || el.localName !== 'Folder') return wrongElement(el, c, '<Folder>')
    return run(c, el, (cur) => {
      const out: Mutable = { kind: 'Folder' }
      decodeRecordInto(FOLDER, el, cur, out)
      inWriteOrder(FOLDER, out, out.writeMode !== undefined)
      return out as unknown as FolderItem
    })
  },
  (folder) => buildTree(folder),
)

/**
 * The `Document` element codec (`t.Type<DocumentItem, XmlElement, XmlElement>`).
 *
 * @example
 * ```ts
 * const el = DocumentItemElement.encode({ kind: 'Document', relationshipName: 'a.txt', writeMode: 'Create' })
 * ```
 */
export const DocumentItemElement: t.Type<DocumentItem, XmlElement, XmlElement> = new t.Type<
  DocumentItem,
  XmlElement,
  XmlElement
>(
  'Document',
  isKind<DocumentItem>('Document'),
  (el, c) => {
    if (!isElement(el) || el.namespace !== null || el.localName !== 'Document') return wrongElement(el, c, '<Document>')
    return run(c, el, (cur) => {
      const out: Mutable = { kind: 'Document' }
      decodeRecordInto(DOCUMENT, el, cur, out)
      inWriteOrder(DOCUMENT, out, out.writeMode !== undefined)
      return out as unknown as DocumentItem
    })
  },
  (doc) => buildTree(doc),
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
export const DocumentStreamElement: t.Type<DocumentStream, XmlElement, XmlElement> = new t.Type<
  DocumentStream,
  XmlElement,
  XmlElement
>(
  'DocumentStream',
  (u): u is DocumentStream => typeof u === 'object' && u !== null,
  (el, c) => {
    if (!isElement(el) || el.namespace !== null || el.localName !== 'DocumentStream') {
      return wrongElement(el, c, '<DocumentStream>')
    }
    return run(c, el, (cur) => {
      const out: Mutable = {}
      decodeRecordInto(DOCUMENT_STREAM, el, cur, out)
      inWriteOrder(DOCUMENT_STREAM, out, false)
      return out as DocumentStream
    })
  },
  (s) => buildTree(s as Mutable, DOCUMENT_STREAM, 'DocumentStream'),
)

/**
 * The `ModifierIdentity` element codec.
 *
 * @example
 * ```ts
 * ModifierIdentityElement.encode({ customIdentity: { name: 'SkyDriveSync', value: '078602e5-31f1-41fc-a168-ffff06000000' } })
 * ```
 */
export const ModifierIdentityElement: t.Type<ModifierIdentity, XmlElement, XmlElement> = new t.Type<
  ModifierIdentity,
  XmlElement,
  XmlElement
>(
  'ModifierIdentity',
  (u): u is ModifierIdentity => typeof u === 'object' && u !== null,
  (el, c) => {
    if (!isElement(el) || el.namespace !== null || el.localName !== 'ModifierIdentity') {
      return wrongElement(el, c, '<ModifierIdentity>')
    }
    return run(c, el, (cur) => {
      const out: Mutable = {}
      decodeRecordInto(MODIFIER_IDENTITY, el, cur, out)
      inWriteOrder(MODIFIER_IDENTITY, out, false)
      return out as ModifierIdentity
    })
  },
  (m) => buildTree(m as Mutable, MODIFIER_IDENTITY, 'ModifierIdentity'),
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
        if (node.type === 'text')
          fail(cur, node.value, `expected elements only in <Items>, found text ${showText(node.value)}`)
        else out.push(decodeItemIn(node, cur))
      }
      return out
    })
  },
  (items) => buildTree({ items }),
)
