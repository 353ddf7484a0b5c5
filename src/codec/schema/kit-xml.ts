// What a description's kit content adds to the one XML compiler (schema/xml.ts, docs/schema.md): its codec children
// matched by expanded name, its members read in field order after the compiler's pass over the children (attributes
// and text by their value types, codec children by their io-ts codecs, errors in io-ts contexts), unknown children
// kept as read with where they stood, and the writer's parts that put each back after the sibling it followed. Only
// the codec kit imports it, so the protocols' bundles carry none of it.
import * as t from 'io-ts'
import { qualifiedName } from '../../xml/tree'
import type { XmlAttribute, XmlElement, XmlNode } from '../../xml/types'
import { insertEntry, type XmlStep } from '../context'
import { rename } from '../named'
import { NameTable, type XName } from '../names'
import { type CodecValueType, isValueProblem, type ValueProblem, type ValueType } from '../values'
import type { ElementDescription } from './describe'
import { type Dialect, dialect } from './dialect'
import { anchorNames, type CodecChild, type KitReading, type KitWriting, type KitXml, type UnknownContent } from './kit'
import { Problems } from './path'
import { compileReader, compileWriter, type Slot, type WritePart } from './xml'

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
    message: `expected ${what} ${qualifiedName(n)}, found none`,
  }
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

/** The codec children of kit content (it holds no other kind). */
function codecChildren(d: ElementDescription<unknown>): readonly CodecChild[] {
  for (const k of d.children) if (k.kind !== 'codec') throw new Error(`kit content cannot hold a ${k.kind} child`)
  return d.children as readonly CodecChild[]
}

/**
 * What kit content adds to the compiled reader: codec children matched by any of their expanded names, and `finish`,
 * which reads the members in the order the fields were declared (so errors come in that order), the attributes and
 * the text by their value types, the codec children by their codecs, errors in io-ts contexts below the element's.
 */
function kitReading(d: ElementDescription<unknown>): KitReading {
  const kids = codecChildren(d)
  const childTable = new NameTable<number>()
  kids.forEach((k, i) => {
    for (const n of k.names) childTable.set(n, i)
  })
  const attrs = d.attributeChildren ?? []
  const attributeTable = new NameTable<number>()
  attrs.forEach((a, i) => {
    for (const n of a.names) attributeTable.set(n, i)
  })
  const anchorsOf = anchorNames(kids)
  const rest = d.unknown?.children ?? 'drop'
  const restAttributes = d.unknown?.attributes ?? 'drop'
  const text = d.text
  const readAttributes = attrs.length > 0 || restAttributes !== 'drop'
  const plan = planOf(d)
  const finish: KitReading['finish'] = (el, found, others, after, textParts, path, problems) => {
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
    const c = problems.context(path)
    const errors = problems.errors
    const before = errors.length
    const out: Record<string, unknown> = {}
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
        const f = found[i] as XmlElement | XmlElement[] | undefined
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
      else if (rest !== 'drop') {
        out[rest.key] = keptChildren(
          rest,
          others,
          after?.map((i) => (i < 0 ? null : anchorsOf[i]!)),
          c,
          errors,
        )
      }
    }
    return errors.length === before ? out : undefined
  }
  const slots = kids.map(
    (k, index): Slot => ({
      index,
      bit: 0,
      leaf: undefined,
      read: undefined,
      repeated: k.occurs === 'repeated',
      collect: true,
    }),
  )
  return {
    lookup: (namespace, localName) => {
      const i = childTable.get(namespace, localName)
      return i === undefined ? undefined : slots[i]
    },
    size: kids.length,
    text: text !== undefined,
    keeps: rest !== 'drop',
    finish,
  }
}

const ATTRIBUTE = 0
const CHILD = 1
const TEXT = 2
const KEPT_ATTRIBUTES = 3
const KEPT_CHILDREN = 4

/** The parts of kit content in the order its members are read: `order` when given, else attributes first. */
function planOf(d: ElementDescription<unknown>): Array<{ part: number; index: number }> {
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
  otherAnchors: ReadonlyArray<string | null> | undefined,
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
 * What kit content adds to the compiled writer, the element written with the dialect's prefix for its namespace:
 * unknown attributes, then the attribute children (a `{ default }` one left out when it is the default); the text;
 * then the codec children in order, each kept unknown child right after the known sibling it followed when read
 * (those decoded by a codec where their field stands among the codec children).
 */
function kitWriting(d: ElementDescription<unknown>, written: Dialect): KitWriting {
  const kids = codecChildren(d)
  const attrs = d.attributeChildren ?? []
  const rest = d.unknown?.children ?? 'drop'
  const restAttributes = d.unknown?.attributes ?? 'drop'
  const text = d.text
  const prefix = d.namespace === null ? null : (written.prefixes.get(d.namespace) ?? null)
  const decodedAt = rest !== 'drop' && rest.keep === 'decoded' ? (rest.at ?? kids.length) : -1
  const anchorOf = anchorNames(kids)
  type Groups = Map<string | null, XmlElement[]> | undefined
  const flush = (byAnchor: Groups, key: string | null, out: XmlNode[]) => {
    const group = byAnchor?.get(key)
    if (group === undefined) return
    for (const el of group) out.push(el)
    byAnchor!.delete(key)
  }
  const parts: WritePart[] = []
  const writeDecoded: WritePart = (v, out) => {
    const kept = v[(rest as { key: string }).key] as unknown[] | undefined
    if (kept !== undefined)
      for (const item of kept) out.push((rest as { codec: t.Type<any, XmlElement> }).codec.encode(item))
  }
  kids.forEach((k, i) => {
    if (i === decodedAt) parts.push(writeDecoded)
    const n = k.names[0]!
    parts.push((v, out, byAnchor: Groups) => {
      const x = v[k.key]
      if (x !== undefined) {
        if (k.occurs === 'repeated') for (const item of x as unknown[]) out.push(rename(k.codec.encode(item), n))
        else out.push(rename(k.codec.encode(x), n))
      }
      flush(byAnchor, anchorOf[i]!, out)
    })
  })
  if (decodedAt === kids.length) parts.push(writeDecoded)
  return {
    begin: (v, out) => {
      if (text !== undefined) {
        const s = text.type.write(v[text.key])
        if (s !== '') out.push({ type: 'text', value: s })
      }
      const byAnchor =
        rest !== 'drop' && rest.keep !== 'decoded' ? grouped(rest.keep, v[rest.key] as unknown[]) : undefined
      flush(byAnchor, null, out)
      return byAnchor
    },
    parts,
    end: (v, out, state) => {
      const byAnchor = state as Groups
      if (byAnchor !== undefined) for (const group of byAnchor.values()) for (const el of group) out.push(el)
      const attributes: XmlAttribute[] = []
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
      return { type: 'element', namespace: d.namespace, localName: d.name, prefix, attributes, children: out }
    },
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

/**
 * The kit content hooks of the one XML compiler: `describedElement` and `record()` pass them to `compileReader` and
 * `compileWriter`, the protocols never do.
 *
 * @example
 * ```ts
 * compileReader(recordDescription(fields), dialect, KIT_XML)
 * ```
 */
export const KIT_XML: KitXml = { read: kitReading, write: kitWriting }

/** The dialect kit content codecs are compiled in: no prefixes of its own (the kit's names carry theirs). */
const CONTENT = /*#__PURE__*/ dialect(new Map(), [])

/**
 * The reader of a description with kit content (the codec kit's `record()`), compiled by the one XML compiler on
 * first use and cached; its errors carry io-ts contexts below `c`, as the kit's codecs report them.
 *
 * @example
 * ```ts
 * kitContentReader(recordDescription(fields))(el, context) // right(value)
 * ```
 */
export function kitContentReader<A>(d: ElementDescription<A>): (el: XmlElement, c: t.Context) => t.Validation<A> {
  const read = compileReader(d, CONTENT, KIT_XML)
  return (el, c) => {
    const problems = new Problems(c)
    const value = read(el, undefined, problems)
    return value === undefined ? t.failures(problems.errors) : t.success(value)
  }
}

/**
 * The writer of a description with kit content, compiled by the one XML compiler: an element named by the
 * description (`''` for a record, which the enclosing field names).
 *
 * @example
 * ```ts
 * kitContentWriter(recordDescription(fields))(value) // <…>
 * ```
 */
export function kitContentWriter<A>(d: ElementDescription<A>): (value: A) => XmlElement {
  return compileWriter(d, CONTENT, KIT_XML)
}
