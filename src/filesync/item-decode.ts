// The one-pass decoder of Web3S item elements: leaves, nested records, lists and kept extensions, in write order.
// Implements docs/decisions.md#f3 (shapes, SharePoint Online's order) and #f1 to #f10 (order-insensitive, lossless, Null).
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { insertEntry, type XmlStep, xmlStep } from '../codec/context'
import { qname, shownElement } from '../codec/names'
import { elementsOnly } from '../codec/schema/path'
import { selfContained } from '../codec/schema/tree'
import { qualifiedName } from '../xml/tree'
import { XMLNS_NAMESPACE, type XmlElement } from '../xml/types'
import { LEAF_CODEC } from './leaf'
import type { DocumentItem, DocumentStream, Extension, FolderItem, Item } from './model'
import { DOCUMENT, DOCUMENT_STREAM, type FieldSpec, type FieldType, FOLDER, type RecordSpec } from './schema'
import { placeExtensions } from './write'

// The decoder is hand-written rather than composed from `record()`: a changes listing holds ~20 leaves per item,
// and the per-field closures, intermediate objects and Map lookups of a generic record cost more than the
// whole budget beside the XML parse. It still speaks the codec kit's context protocol, so paths come out the same.

export type Mutable = Record<string, unknown>

/** Where decoding is: the io-ts context of the element being read, grown on the way down, copied only on error. */
export interface Cursor {
  readonly stack: t.ContextEntry[]
  readonly errors: t.ValidationError[]
}

// Null (the empty string, MS-FILESYNC §2.2) is how Web3S writes "no value" for typed fields; text keeps `''`.
export const NULLABLE: ReadonlySet<FieldType> = new Set<FieldType>(['date', 'size', 'int', 'boolean'])

export const steps = new Map<string, XmlStep>()
export function stepFor(name: string, repeated: boolean): XmlStep {
  const key = `${repeated ? '*' : ''}${name}`
  let step = steps.get(key)
  if (step === undefined) {
    step = xmlStep('element', [qname(null, name)], repeated)
    steps.set(key, step)
  }
  return step
}

export const ITEM_STEP = xmlStep('element', [qname(null, 'Folder'), qname(null, 'Document')], true)
export const STREAM_STEP = stepFor('DocumentStream', true)

export function fail(cur: Cursor, value: unknown, message: string, extra?: t.ContextEntry): void {
  const context = extra === undefined ? cur.stack.slice() : [...cur.stack, extra]
  cur.errors.push({ value, context, message })
}

/** Non-declaration attributes are data the model has no room for: refuse rather than drop them. */
export function checkAttributes(el: XmlElement, cur: Cursor): void {
  for (const a of el.attributes) {
    if (a.namespace === XMLNS_NAMESPACE) continue
    const name = qualifiedName(a)
    fail(cur, a, `expected no attributes on <${el.localName}> (Web3S has none), found ${name}="${a.value}"`)
  }
}

export function textOf(el: XmlElement, cur: Cursor, step: XmlStep): string | undefined {
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

export function decodeLeaf(field: FieldSpec, el: XmlElement, cur: Cursor): unknown {
  const step = stepFor(field.name, false)
  if (el.attributes.length > 0) {
    cur.stack.push({ key: el.localName, type: step, actual: el })
    checkAttributes(el, cur)
    cur.stack.pop()
  }
  const s = textOf(el, cur, step)
  if (s === undefined) return undefined
  const r = leafValue(field, s, cur.stack)
  if (E.isRight(r)) return r.right
  cur.errors.push(...insertEntry(cur.stack, r.left, { key: el.localName, type: step, actual: el }))
  return undefined
}

const EMPTY = t.success(null)

/** A leaf field's value from its text: text as written, Null (`null`) for an empty typed leaf, else its codec's. */
export function leafValue(field: FieldSpec, s: string, c: t.Context): t.Validation<unknown> {
  if (field.type === 'text') return t.success(s)
  if (s === '' && NULLABLE.has(field.type)) return EMPTY
  return LEAF_CODEC[field.type]!.validate(s, c)
}

/**
 * The anchor of `el`, kept as an extension of a `spec` record after the modelled field `after` was read (by
 * expanded name): a repeated field (no namespace) its first occurrence, anything else the field before it. Every
 * reader anchors with it.
 *
 * @example
 * ```ts
 * anchorOf(FOLDER, { ...el, namespace: 'urn:x', localName: 'WriteMode' }, 'ReferenceID') // 'ReferenceID'
 * ```
 */
export function anchorOf(spec: RecordSpec, el: XmlElement, after: string | null): string | null {
  // Anchored to the previous sibling, a repeat could be written before the first occurrence, which would then decode
  // in its place (found by the totality fuzzing).
  return (el.namespace === null ? spec.byName.get(el.localName)?.name : undefined) ?? after
}

/** What an encoded FILESYNC document declares on its root: nothing. */
const NO_BINDINGS: ReadonlyMap<string, string> = new Map()

/**
 * An element kept whole (an extension, an unknown item) with a declaration for every prefix it uses that an
 * ancestor declared: written back under `Items` alone, it reads back the same (the writer would add them, and a
 * second decode would differ from the first).
 *
 * @example
 * ```ts
 * keptWhole(el) // <x:Note xmlns:x="urn:x"/>, when `xmlns:x` was declared on `Items`
 * ```
 */
export const keptWhole = (el: XmlElement): XmlElement => selfContained(el, NO_BINDINGS)

/** Reads a record element's children into `out`; unmodelled ones go to `out.extensions` with their anchor. */
export function decodeRecordInto(spec: RecordSpec, el: XmlElement, cur: Cursor, out: Mutable): void {
  if (el.attributes.length > 0) checkAttributes(el, cur)
  let after: string | null = null
  let extensions: Extension[] | undefined
  const byName = spec.byName
  for (const node of el.children) {
    if (node.type === 'text') {
      fail(cur, node.value, elementsOnly(el.localName, node.value))
      continue
    }
    const field = node.namespace === null ? byName.get(node.localName) : undefined
    if (field === undefined || out[field.key] !== undefined) {
      if (extensions === undefined) extensions = []
      extensions.push({ after: anchorOf(spec, node, after), element: keptWhole(node) })
      continue
    }
    after = field.name
    const value = decodeField(field, node, cur)
    if (value !== undefined) out[field.key] = value
  }
  if (extensions !== undefined) out.extensions = extensions
}

export function decodeField(field: FieldSpec, el: XmlElement, cur: Cursor): unknown {
  switch (field.type) {
    case 'items':
      return decodeList(el, cur, stepFor('Items', false), decodeItemIn)
    case 'streams':
      return decodeList(el, cur, stepFor('DocumentStreams', false), decodeStreamIn)
    case 'record':
      return decodeNested(field.record!, el, cur, stepFor(field.name, false))
    default:
      return decodeLeaf(field, el, cur)
  }
}

export function decodeNested(spec: RecordSpec, el: XmlElement, cur: Cursor, step: XmlStep): Mutable {
  const out: Mutable = {}
  cur.stack.push({ key: el.localName, type: step, actual: el })
  decodeRecordInto(spec, el, cur, out)
  cur.stack.pop()
  return out
}

export function decodeList<A>(
  el: XmlElement,
  cur: Cursor,
  step: XmlStep,
  each: (node: XmlElement, cur: Cursor) => A,
): A[] {
  cur.stack.push({ key: el.localName, type: step, actual: el })
  if (el.attributes.length > 0) checkAttributes(el, cur)
  const children = el.children
  const out: A[] = []
  for (const node of children) {
    if (node.type === 'text') {
      fail(cur, node.value, elementsOnly(el.localName, node.value))
      continue
    }
    out.push(each(node, cur))
  }
  cur.stack.pop()
  return out
}

export function decodeItemIn(el: XmlElement, cur: Cursor): Item {
  if (el.namespace === null) {
    if (el.localName === 'Folder') return decodeTyped(FOLDER, 'Folder', el, cur, ITEM_STEP) as unknown as FolderItem
    if (el.localName === 'Document')
      return decodeTyped(DOCUMENT, 'Document', el, cur, ITEM_STEP) as unknown as DocumentItem
  }
  return { kind: 'Unknown', element: keptWhole(el) }
}

export function decodeStreamIn(el: XmlElement, cur: Cursor): DocumentStream {
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

export function decodeTyped(
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
export function inWriteOrder(spec: RecordSpec, value: Mutable, request: boolean): void {
  const extensions = value.extensions as Extension[] | undefined
  if (extensions !== undefined && extensions.length > 1) {
    // The writer's own placing: the order decoded is the order written.
    const end = (request ? spec.requestOrder : spec.responseOrder).length
    value.extensions = placeExtensions(extensions, request ? spec.requestRank : spec.responseRank, end).map(
      (p) => extensions[p.i]!,
    )
  }
  // Only these fields hold records with extensions of their own.
  for (const field of spec.nested) {
    const x = value[field.key]
    if (x === undefined) continue
    if (field.type === 'streams') for (const stream of x as Mutable[]) inWriteOrder(field.record!, stream, request)
    else inWriteOrder(field.record!, x as Mutable, request)
  }
}

export function run<A>(c: t.Context, el: XmlElement, body: (cur: Cursor) => A): t.Validation<A> {
  const cur: Cursor = { stack: c.slice(), errors: [] }
  cur.stack.push({ key: el.localName, type: stepFor(el.localName, false), actual: el })
  const value = body(cur)
  return cur.errors.length === 0 ? t.success(value) : t.failures(cur.errors)
}

export function isElement(u: unknown): u is XmlElement {
  return typeof u === 'object' && u !== null && (u as { type?: unknown }).type === 'element'
}

export function wrongElement(u: unknown, c: t.Context, expected: string): t.Validation<never> {
  const found = isElement(u) ? shownElement(u) : typeof u
  return t.failure(u, c, `expected element ${expected}, found ${found}`)
}
