// The XML reader and writer of a description's kit content (docs/schema.md), compiled once per description: one
// pass over the children with expanded-name tables, known children read by their io-ts codecs in the description's
// order, attributes and text read by their value types, unknown children kept where they stood.
import * as t from 'io-ts'
import type { XmlAttribute, XmlElement, XmlNode } from '../../xml/types'
import { insertEntry, type XmlStep } from '../context'
import { rename } from '../named'
import { NameTable, showName, type XName } from '../names'
import { type CodecValueType, isValueProblem, type ValueProblem, type ValueType } from '../values'
import type { AttributeChild, CodecChild, TextChild, UnknownContent } from './kit'

function codecOf(type: ValueType<unknown>): t.Type<unknown, string, string> | undefined {
  return (type as Partial<CodecValueType<unknown>>).codec
}

/** Anchor of unknown children with no recorded position: written after every known child. */
const END = '\u0000end'

const ANCHORS_KEY = Symbol.for('syncwire.codec.anchors')

/** Where kept unknown children stood, out of band; shared through the symbol registry by every bundled copy. */
export function anchors(): WeakMap<XmlElement, string | null> {
  const g = globalThis as { [ANCHORS_KEY]?: WeakMap<XmlElement, string | null> }
  g[ANCHORS_KEY] ??= new WeakMap()
  return g[ANCHORS_KEY]
}

/** The error for an absent required child or attribute, named by the first of its names. */
function missing(c: t.Context, names: readonly XName[], step: XmlStep, what: string): t.ValidationError {
  const n = names[0]!
  return {
    value: undefined,
    context: [...c, { key: n.localName, type: step, actual: undefined }],
    message: `expected ${what} ${showName(n)}, found none`,
  }
}

/** The parts of a description its kit content is read and written from. */
interface KitContent {
  readonly children: readonly { readonly kind: string }[]
  readonly attributeChildren?: readonly AttributeChild[]
  readonly text?: TextChild
  readonly unknown?: UnknownContent
}

/** What {@link readString} returns for a string it could not read (its errors recorded). */
const FAILED: unique symbol = Symbol('failed')

/**
 * Reads a string through a value type (its codec's own errors when it has one); errors at the attribute `a` (its
 * step built only then), or at the element itself for its text.
 */
function readString(
  type: ValueType<unknown>,
  s: string,
  c: t.Context,
  a: { readonly attribute: XmlAttribute; readonly step: XmlStep } | undefined,
  errors: t.ValidationError[],
): unknown {
  const codec = codecOf(type)
  const r = codec === undefined ? undefined : codec.validate(s, c)
  if (r?._tag === 'Right') return r.right
  const v = r === undefined ? type.read(s) : undefined
  if (r === undefined && !isValueProblem(v)) return v
  const entry = a === undefined ? undefined : { key: a.attribute.localName, type: a.step, actual: a.attribute }
  if (r !== undefined) {
    const withType = insertEntry(c, r.left, { key: '', type: codec!, actual: s })
    for (const e of entry === undefined ? withType : insertEntry(c, withType, entry)) errors.push(e)
  } else
    errors.push({ value: s, context: entry === undefined ? c : [...c, entry], message: (v as ValueProblem).problem })
  return FAILED
}

/**
 * The reader of a description with kit content (`unknown` set), compiled once: one pass over the children with a
 * name table, known children read by their codecs in the description's order, then attributes and text.
 *
 * @example
 * ```ts
 * kitReader(d)(el, context) // right(value) or the errors
 * ```
 */
export function kitReader<A>(d: KitContent): (el: XmlElement, c: t.Context) => t.Validation<A> {
  const kids = d.children as readonly CodecChild[]
  for (const k of kids) if (k.kind !== 'codec') throw new Error(`kit content cannot hold a ${k.kind} child`)
  const childTable = new NameTable<number>()
  kids.forEach((k, i) => {
    for (const n of k.names) childTable.set(n, i)
  })
  const attrs = d.attributeChildren ?? []
  const attributeTable = new NameTable<number>()
  attrs.forEach((a, i) => {
    for (const n of a.names) attributeTable.set(n, i)
  })
  const anchorsOf = kids.map((k) => k.names[0]!.localName)
  const rest = d.unknown?.children ?? 'drop'
  const restAttributes = d.unknown?.attributes ?? 'drop'
  const text = d.text
  const readAttributes = attrs.length > 0 || restAttributes !== 'drop'
  const plan = planOf(d)
  return (el, c) => {
    const found: Array<XmlElement | XmlElement[] | undefined> = new Array(kids.length)
    let others: XmlElement[] | undefined
    let otherAnchors: Array<string | null> | undefined
    let lastKnown: string | null = null
    let textParts: string | undefined
    for (const node of el.children) {
      if (node.type !== 'element') {
        if (text !== undefined) textParts = textParts === undefined ? node.value : textParts + node.value
        continue
      }
      const i = childTable.get(node.namespace, node.localName)
      if (i !== undefined) {
        const current = found[i]
        if (current === undefined) {
          found[i] = kids[i]!.occurs === 'repeated' ? [node] : node
          lastKnown = anchorsOf[i]!
          continue
        }
        if (Array.isArray(current)) {
          current.push(node)
          lastKnown = anchorsOf[i]!
          continue
        }
      }
      if (rest !== 'drop') {
        others ??= []
        otherAnchors ??= []
        others.push(node)
        otherAnchors.push(lastKnown)
      }
    }
    let values: Array<XmlAttribute | undefined> | undefined
    let kept: XmlAttribute[] | undefined
    if (readAttributes) {
      values = new Array(attrs.length)
      for (const a of el.attributes) {
        const i = attributeTable.get(a.namespace, a.localName)
        if (i !== undefined && values[i] === undefined) values[i] = a
        else if (restAttributes !== 'drop') {
          kept ??= []
          kept.push(a)
        }
      }
    }
    // Members read, and errors reported, in the order the fields were declared.
    const out: Record<string, unknown> = {}
    const errors: t.ValidationError[] = []
    for (const step of plan) {
      const i = step.index
      if (step.part === ATTRIBUTE) {
        const f = attrs[i]!
        const a = values![i]
        if (a !== undefined) {
          const r = readString(f.type, a.value, c, { attribute: a, step: f.step }, errors)
          if (r !== FAILED) out[f.key] = r
        } else if (f.occurs === 'required') errors.push(missing(c, f.names, f.step, 'attribute'))
        else if (f.occurs !== 'optional') out[f.key] = f.occurs.default
      } else if (step.part === CHILD) {
        const k = kids[i]!
        const f = found[i]
        if (f === undefined) {
          if (k.occurs === 'required') errors.push(missing(c, k.names, k.step, 'element'))
          else if (k.occurs === 'repeated') out[k.key] = []
          else if (k.occurs !== 'optional') out[k.key] = k.occurs.default
        } else if (Array.isArray(f)) out[k.key] = decodeAll(k.codec, k.step, f, c, errors)
        else {
          const r = k.codec.validate(f, c)
          if (r._tag === 'Right') out[k.key] = r.right
          else for (const e of insertEntry(c, r.left, { key: f.localName, type: k.step, actual: f })) errors.push(e)
        }
      } else if (step.part === TEXT) {
        const r = readString(text!.type, textParts ?? '', c, undefined, errors)
        if (r !== FAILED) out[text!.key] = r
      } else if (step.part === KEPT_ATTRIBUTES) out[(restAttributes as { key: string }).key] = kept ?? []
      else if (rest !== 'drop') out[rest.key] = keptChildren(rest, others, otherAnchors, c, errors)
    }
    return errors.length === 0 ? t.success(out as A) : t.failures(errors)
  }
}

const ATTRIBUTE = 0
const CHILD = 1
const TEXT = 2
const KEPT_ATTRIBUTES = 3
const KEPT_CHILDREN = 4

/** The parts of kit content in the order its members are read: `order` when given, else attributes first. */
function planOf(d: KitContent): Array<{ part: number; index: number }> {
  const parts = new Map<string, { part: number; index: number }>()
  const attrs = d.attributeChildren ?? []
  for (let index = 0; index < attrs.length; index++) parts.set(attrs[index]!.key, { part: ATTRIBUTE, index })
  const kids = d.children as readonly CodecChild[]
  for (let index = 0; index < kids.length; index++) parts.set(kids[index]!.key, { part: CHILD, index })
  if (d.text !== undefined) parts.set(d.text.key, { part: TEXT, index: 0 })
  const unknown = d.unknown
  if (unknown !== undefined && unknown.attributes !== 'drop') {
    parts.set(unknown.attributes.key, { part: KEPT_ATTRIBUTES, index: 0 })
  }
  if (unknown !== undefined && unknown.children !== 'drop') {
    parts.set(unknown.children.key, { part: KEPT_CHILDREN, index: 0 })
  }
  const order = unknown?.order ?? [...parts.keys()]
  return order.flatMap((key) => parts.get(key) ?? [])
}

/** Reads elements in order through `codec`; errors carry each element's step. */
function decodeAll(
  codec: t.Type<any, XmlElement, XmlElement>,
  step: XmlStep,
  nodes: readonly XmlElement[],
  c: t.Context,
  errors: t.ValidationError[],
): unknown[] {
  const values: unknown[] = new Array(nodes.length)
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!
    const r = codec.validate(node, c)
    if (r._tag === 'Right') values[i] = r.right
    else for (const e of insertEntry(c, r.left, { key: node.localName, type: step, actual: node })) errors.push(e)
  }
  return values
}

/** The member of kept unknown children, as the description keeps them. */
function keptChildren(
  rest: Exclude<UnknownContent['children'], 'drop'>,
  others: XmlElement[] | undefined,
  otherAnchors: Array<string | null> | undefined,
  c: t.Context,
  errors: t.ValidationError[],
): unknown[] {
  if (others === undefined) return []
  if (rest.keep === 'decoded') return decodeAll(rest.codec!, rest.step!, others, c, errors)
  if (rest.keep === 'anchored') return others.map((element, i) => ({ after: otherAnchors![i]!, element }))
  const map = anchors()
  for (let i = 0; i < others.length; i++) map.set(others[i]!, otherAnchors![i]!)
  return others
}

/**
 * The writer of a description with kit content, the element written with `prefix`: unknown attributes, then the attribute children (a `{ default }`
 * one left out when it is the default); the text; then the codec children in order, each kept unknown child right
 * after the known sibling it followed when read.
 *
 * @example
 * ```ts
 * kitWriter(d)(value) // an element named by the description (`''` for the kit's content codecs)
 * ```
 */
export function kitWriter<A>(
  d: KitContent & { readonly namespace: string | null; readonly name: string },
  prefix: string | null = null,
): (value: A) => XmlElement {
  const kids = d.children as readonly CodecChild[]
  const attrs = d.attributeChildren ?? []
  const rest = d.unknown?.children ?? 'drop'
  const restAttributes = d.unknown?.attributes ?? 'drop'
  const text = d.text
  const decodedAt = rest !== 'drop' && rest.keep === 'decoded' ? (rest.at ?? kids.length) : -1
  return (value) => {
    const v = value as Record<string, unknown>
    const attributes: XmlAttribute[] = []
    const nodes: XmlNode[] = []
    if (restAttributes !== 'drop') {
      const kept = v[restAttributes.key] as XmlAttribute[] | undefined
      if (kept !== undefined) for (const a of kept) attributes.push(a)
    }
    for (const f of attrs) {
      const x = v[f.key]
      if (x === undefined || (typeof f.occurs === 'object' && x === f.occurs.default)) continue
      const n = f.names[0]!
      attributes.push({ namespace: n.namespace, localName: n.localName, prefix: n.prefix, value: f.type.write(x) })
    }
    if (text !== undefined) {
      const s = text.type.write(v[text.key])
      if (s !== '') nodes.push({ type: 'text', value: s })
    }
    const kept = rest === 'drop' ? undefined : (v[rest.key] as unknown[] | undefined)
    const byAnchor = rest !== 'drop' && rest.keep !== 'decoded' ? grouped(rest.keep, kept) : undefined
    const flush = (key: string | null) => {
      const group = byAnchor?.get(key)
      if (group === undefined) return
      for (const el of group) nodes.push(el)
      byAnchor!.delete(key)
    }
    const writeDecoded = () => {
      if (kept !== undefined)
        for (const item of kept) nodes.push((rest as { codec: t.Type<any, XmlElement> }).codec.encode(item))
    }
    flush(null)
    kids.forEach((k, i) => {
      if (i === decodedAt) writeDecoded()
      const x = v[k.key]
      const n = k.names[0]!
      if (x !== undefined) {
        if (k.occurs === 'repeated') for (const item of x as unknown[]) nodes.push(rename(k.codec.encode(item), n))
        else nodes.push(rename(k.codec.encode(x), n))
      }
      flush(n.localName)
    })
    if (decodedAt === kids.length) writeDecoded()
    if (byAnchor !== undefined) for (const group of byAnchor.values()) for (const el of group) nodes.push(el)
    return { type: 'element', namespace: d.namespace, localName: d.name, prefix, attributes, children: nodes }
  }
}

/** Kept unknown children grouped by the known sibling they follow (`END` when not known). */
function grouped(
  keep: 'weak' | 'anchored',
  kept: readonly unknown[] | undefined,
): Map<string | null, XmlElement[]> | undefined {
  if (kept === undefined || kept.length === 0) return undefined
  const byAnchor = new Map<string | null, XmlElement[]>()
  const map = keep === 'weak' ? anchors() : undefined
  for (const item of kept) {
    const el = keep === 'weak' ? (item as XmlElement) : (item as { element: XmlElement }).element
    const after = keep === 'weak' ? map!.get(el) : (item as { after: string | null }).after
    const key = after === undefined ? END : after
    const group = byAnchor.get(key)
    if (group === undefined) byAnchor.set(key, [el])
    else group.push(el)
  }
  return byAnchor
}

const readers = new WeakMap<object, (el: XmlElement, c: t.Context) => t.Validation<unknown>>()

/**
 * The reader of a description with kit content (the codec kit's `record()`), compiled on first use and cached; its
 * errors carry io-ts contexts below `c`, as the kit's codecs report them.
 *
 * @example
 * ```ts
 * kitContentReader(recordDescription(fields))(el, context) // right(value)
 * ```
 */
export function kitContentReader<A>(
  d: Parameters<typeof kitReader>[0],
): (el: XmlElement, c: t.Context) => t.Validation<A> {
  let read = readers.get(d)
  if (read === undefined) {
    read = kitReader(d)
    readers.set(d, read)
  }
  return read as (el: XmlElement, c: t.Context) => t.Validation<A>
}
