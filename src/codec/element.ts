// io-ts combinators over the namespace-resolved element tree: named elements, records of children and attributes,
// text content, and lossless capture of unknown children. Implements docs/decisions.md#p3, #p4 and #p6.
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import type { XmlAttribute, XmlElement, XmlNode } from '../xml/types'
import { insertEntry, type XmlStep, xmlStep } from './context'
import { type Names, NameTable, nameList, showName, type XName } from './names'

/**
 * An element codec: decodes an element (its name is the caller's business, see {@link element}) and encodes
 * back to one. Codecs made by {@link record}, {@link text} and {@link anyElement} are *content* codecs: they
 * ignore the element's name when decoding and return an element with an empty name when encoding, which the
 * enclosing field or {@link element} then names. So one content codec serves every name it appears under.
 *
 * @example
 * ```ts
 * const Tick: ElementCodec<number> = text(NonNegativeInteger)
 * ```
 */
export type ElementCodec<A> = t.Type<A, XmlElement, XmlElement>

/**
 * An unmodelled child element with the XML local name of the modelled sibling it followed (`null` when it came
 * before every modelled child). {@link record} writes it back right after that sibling, so a document whose
 * modelled children come in the codec's field order re-encodes in its original order.
 *
 * @example
 * ```ts
 * const ext: AnchoredElement = { after: 'ParentResourceID', element: someElement }
 * ```
 */
export interface AnchoredElement {
  /** The local name of the modelled sibling it followed, or `null`. */
  after: string | null
  /** The element with its whole subtree, as read. */
  element: XmlElement
}

function blankElement(children: XmlNode[], attributes: XmlAttribute[] = []): XmlElement {
  return { type: 'element', namespace: null, localName: '', prefix: null, attributes, children }
}

function isElement(u: unknown): u is XmlElement {
  return typeof u === 'object' && u !== null && (u as { type?: unknown }).type === 'element'
}

/** Gives `el` the name `name`, copying it only when the name differs, so unmodified input elements are reused. */
function rename(el: XmlElement, name: XName): XmlElement {
  if (el.namespace === name.namespace && el.localName === name.localName && el.prefix === name.prefix) return el
  return { ...el, namespace: name.namespace, localName: name.localName, prefix: name.prefix }
}

/**
 * The text of an element: its text children joined. An element with no text children has the text `""`.
 * Returns `undefined` when the element also has child elements (it is not a leaf).
 *
 * @example
 * ```ts
 * leafText({ type: 'element', namespace: null, localName: 'Path', prefix: null, attributes: [], children: [{ type: 'text', value: '/RootFolder' }] }) // '/RootFolder'
 * ```
 */
export function leafText(el: XmlElement): string | undefined {
  const children = el.children
  if (children.length === 0) return ''
  if (children.length === 1) {
    const only = children[0]!
    return only.type === 'text' ? only.value : undefined
  }
  let s = ''
  for (const node of children) {
    if (node.type !== 'text') return undefined
    s += node.value
  }
  return s
}

function describeElement(el: XmlElement): string {
  return `element <${showName(el)}>`
}

/**
 * Text content through a primitive codec: decodes a leaf element's text (exactly, spaces kept; `""` when it has
 * no text), encodes to an element holding that text (no text node for `""`). Attributes are ignored on decode;
 * a child element is an error (`expected text only, found element <X>`).
 *
 * @example
 * ```ts
 * const Path = text(t.string)
 * const tick = child(sync('tick'), text(NonNegativeInteger))
 * ```
 */
export function text<A>(codec: t.Type<A, string, any>, name = `text(${codec.name})`): ElementCodec<A> {
  return new t.Type<A, XmlElement, XmlElement>(
    name,
    codec.is,
    (el, c) => {
      if (!isElement(el)) return t.failure(el, c, `expected an element, found ${typeof el}`)
      const s = leafText(el)
      if (s === undefined) {
        const offender = el.children.find((n) => n.type === 'element') as XmlElement
        return t.failure(el, c, `expected text only, found ${describeElement(offender)}`)
      }
      const r = codec.validate(s, c)
      if (E.isRight(r)) return r
      return t.failures(insertEntry(c, r.left, { key: '', type: codec, actual: s }))
    },
    (a) => {
      const s = codec.encode(a)
      return blankElement(s === '' ? [] : [{ type: 'text', value: s }])
    },
  )
}

/**
 * Any element, kept as is with its whole subtree (decode and encode are the identity). For opaque items and
 * payloads the model does not type.
 *
 * @example
 * ```ts
 * const extension = optionalChild(qname(null, 'fsshttpstate.xschema.storage.live.com'), anyElement)
 * ```
 */
export const anyElement: ElementCodec<XmlElement> = new t.Type<XmlElement, XmlElement, XmlElement>(
  'XmlElement',
  isElement,
  (el, c) => (isElement(el) ? t.success(el) : t.failure(el, c, 'expected an element')),
  (el) => el,
)

/**
 * A named element: decoding checks the element's expanded name against `names` (any of them) and hands it to
 * `content`; encoding names the content's element with the first name. Use it for document roots and wherever
 * the name itself must be checked; inside {@link record} fields the field's names already do that.
 * The element appears as a step of the error paths (`/feed`, `/Folder`).
 *
 * @example
 * ```ts
 * const Digest = element(sync('digest'), record({ origin: optionalChild(sync('origin'), text(t.string)) }))
 * ```
 */
export function element<A>(names: Names, content: ElementCodec<A>, name?: string): ElementCodec<A> {
  const list = nameList(names)
  const first = list[0]
  if (first === undefined) throw new Error('element() needs at least one name')
  const table = new NameTable<true>()
  for (const n of list) table.set(n, true)
  const step = xmlStep('element', list, false)
  const expected = list.map((n) => `<${showName(n)}>${n.namespace === null ? '' : ` (${n.namespace})`}`).join(' or ')
  return new t.Type<A, XmlElement, XmlElement>(
    name ?? showName(first),
    content.is,
    (el, c) => {
      if (!isElement(el)) return t.failure(el, c, `expected element ${expected}, found ${typeof el}`)
      if (table.get(el.namespace, el.localName) === undefined) {
        const found = `<${showName(el)}>${el.namespace === null ? '' : ` (${el.namespace})`}`
        return t.failures(
          insertEntry(c, [{ value: el, context: c, message: `expected element ${expected}, found ${found}` }], {
            key: el.localName,
            type: step,
            actual: el,
          }),
        )
      }
      const r = content.validate(el, c)
      if (E.isRight(r)) return r
      return t.failures(insertEntry(c, r.left, { key: el.localName, type: step, actual: el }))
    },
    (a) => rename(content.encode(a), first),
  )
}

// ---------------------------------------------------------------------------------------------------------------
// Fields of a record

/**
 * What a {@link Field} reads, as {@link record} compiles it (built by the field constructors, not by hand).
 *
 * @example
 * ```ts
 * child(qname(null, 'Path'), text(t.string)).spec.kind // 'child'
 * ```
 */
export interface FieldSpec {
  /** Where the value comes from. */
  readonly kind: 'child' | 'attribute' | 'text' | 'unknownChildren' | 'otherChildren' | 'unknownAttributes'
  /** For children and attributes: required, optional, repeated (children only) or defaulted. */
  readonly mode?: 'required' | 'optional' | 'repeated' | 'default'
  /** The accepted names, the first written. */
  readonly names?: readonly XName[]
  /** The element or string codec. */
  readonly codec?: t.Type<any, any, any>
  /** The value of a defaulted field when absent. */
  readonly fallback?: unknown
  /** Whether unknown children keep their anchor as data. */
  readonly anchored?: boolean
  /**
   * The path marker of this field's elements or attribute.
   *
   * @internal
   */
  readonly step?: XmlStep
}

/**
 * One field of a {@link record}: where its value comes from (a child, an attribute, the text, unknown children)
 * and how it decodes. `A` is the field's value type; `Opt` says whether the property may be absent.
 *
 * @example
 * ```ts
 * const f: Field<string, true> = optionalChild(qname(null, 'Path'), text(t.string))
 * ```
 */
export interface Field<A, Opt extends boolean> {
  /** Phantom: the field's value type. */
  readonly _A?: A
  /** Whether the decoded property may be absent. */
  readonly optional: Opt
  /** What the field reads. */
  readonly spec: FieldSpec
}

function field<A, Opt extends boolean>(optional: Opt, spec: FieldSpec): Field<A, Opt> {
  return { optional, spec }
}

/**
 * A required child element: missing is an error naming it (`expected element sync:endpoint, found none`). When
 * it occurs more than once the first is decoded and the others count as unknown children.
 *
 * @example
 * ```ts
 * const endpoint = child(sync('endpoint'), text(t.string))
 * ```
 */
export function child<A>(names: Names, codec: ElementCodec<A>): Field<A, false> {
  const list = nameList(names)
  return field(false, { kind: 'child', mode: 'required', names: list, codec, step: xmlStep('element', list, false) })
}

/**
 * An optional child element: absent decodes to an absent property (absent ≠ empty: `<X/>` decodes through
 * `codec` as the empty text). Duplicates beyond the first count as unknown children.
 *
 * @example
 * ```ts
 * const labelHash = optionalChild(qname(null, 'LabelHash'), text(t.string)) // <LabelHash/> → ''
 * ```
 */
export function optionalChild<A>(names: Names, codec: ElementCodec<A>): Field<A, true> {
  const list = nameList(names)
  return field(true, { kind: 'child', mode: 'optional', names: list, codec, step: xmlStep('element', list, false) })
}

/**
 * A child element that decodes to `fallback` when absent (SIF drops zero ticks); encoding always writes it.
 *
 * @example
 * ```ts
 * const tick = childOr(sync('tick'), text(NonNegativeInteger), 0)
 * ```
 */
export function childOr<A>(names: Names, codec: ElementCodec<A>, fallback: A): Field<A, false> {
  const list = nameList(names)
  return field(false, {
    kind: 'child',
    mode: 'default',
    names: list,
    codec,
    fallback,
    step: xmlStep('element', list, false),
  })
}

/**
 * Repeated child elements (zero or more), in document order, wherever they sit among the other children.
 * Their path steps always carry a 1-based position among same-named siblings (`entry[3]`).
 *
 * @example
 * ```ts
 * const entries = children(atom('entry'), Entry)
 * ```
 */
export function children<A>(names: Names, codec: ElementCodec<A>): Field<A[], false> {
  const list = nameList(names)
  return field(false, { kind: 'child', mode: 'repeated', names: list, codec, step: xmlStep('element', list, true) })
}

/**
 * A required attribute through a string codec (missing is an error naming it).
 *
 * @example
 * ```ts
 * const href = attribute(qname(null, 'href'), t.string)
 * ```
 */
export function attribute<A>(names: Names, codec: t.Type<A, string, any>): Field<A, false> {
  const list = nameList(names)
  return field(false, {
    kind: 'attribute',
    mode: 'required',
    names: list,
    codec,
    step: xmlStep('attribute', list, false),
  })
}

/**
 * An optional attribute (absent decodes to an absent property). With several names the first present wins and
 * the others count as unknown attributes.
 *
 * @example
 * ```ts
 * const uuid = optionalAttribute(sdata('uuid'), Uuid)
 * ```
 */
export function optionalAttribute<A>(names: Names, codec: t.Type<A, string, any>): Field<A, true> {
  const list = nameList(names)
  return field(true, {
    kind: 'attribute',
    mode: 'optional',
    names: list,
    codec,
    step: xmlStep('attribute', list, false),
  })
}

/**
 * An attribute that decodes to `fallback` when absent; encoding writes it unless the value is `fallback`
 * (compared with `===`), so `isDeleted: false` leaves no `sdata:isDeleted="false"` behind.
 *
 * @example
 * ```ts
 * const isDeleted = attributeOr([sdata('isDeleted'), sync('isDeleted')], XsBoolean, false)
 * ```
 */
export function attributeOr<A>(names: Names, codec: t.Type<A, string, any>, fallback: A): Field<A, false> {
  const list = nameList(names)
  return field(false, {
    kind: 'attribute',
    mode: 'default',
    names: list,
    codec,
    fallback,
    step: xmlStep('attribute', list, false),
  })
}

/**
 * The element's own text through a primitive codec (text children joined; `""` when none). Text is written
 * before any child element on encode.
 *
 * @example
 * ```ts
 * const Link = record({ href: attribute(qname(null, 'href'), t.string), label: textContent(t.string) })
 * ```
 */
export function textContent<A>(codec: t.Type<A, string, any>): Field<A, false> {
  return field(false, { kind: 'text', codec })
}

/**
 * Every child element no other field claims (duplicates of single fields included), kept with its subtree as an
 * `XmlElement[]`. Where each one stood is remembered out of band (a `WeakMap` keyed by the element object): a
 * record re-encodes a decoded element with its unknown children back in place; elements built by hand, or
 * copied, go after the modelled children. Use {@link anchoredUnknownChildren} to keep the position as data.
 *
 * @example
 * ```ts
 * const Feed = record({ entries: children(atom('entry'), Entry), extensions: unknownChildren() })
 * ```
 */
export function unknownChildren(): Field<XmlElement[], false> {
  return field(false, { kind: 'unknownChildren', anchored: false })
}

/**
 * Every child element no other field claims, as {@link AnchoredElement}s: each with the local name of the
 * modelled sibling it followed, so encoding writes it back there (the FILESYNC codec's `Extension`).
 *
 * @example
 * ```ts
 * const Document = record({ resourceId: optionalChild(qname(null, 'ResourceID'), text(t.string)), extensions: anchoredUnknownChildren() })
 * ```
 */
export function anchoredUnknownChildren(): Field<AnchoredElement[], false> {
  return field(false, { kind: 'unknownChildren', anchored: true })
}

/**
 * Every child element no other field claims, in document order, each decoded by `codec` (which usually
 * dispatches on the name, see {@link byName}). For heterogeneous lists such as FILESYNC `Items`, where
 * `Folder`, `Document` and unknown items interleave. A record has at most one of this and {@link unknownChildren}.
 *
 * @example
 * ```ts
 * const Items = record({ items: otherChildren(Item) })
 * ```
 */
export function otherChildren<A>(codec: ElementCodec<A>): Field<A[], false> {
  return field(false, { kind: 'otherChildren', codec, step: xmlStep('element', [], true) })
}

/**
 * Every attribute no other field claims (namespace declarations included), in document order; written back
 * before the modelled attributes.
 *
 * @example
 * ```ts
 * const Resource = record({ uuid: optionalAttribute(sdata('uuid'), t.string), attributes: unknownAttributes() })
 * ```
 */
export function unknownAttributes(): Field<XmlAttribute[], false> {
  return field(false, { kind: 'unknownAttributes' })
}

// ---------------------------------------------------------------------------------------------------------------
// Anchors of unknown children kept as plain XmlElement[]

const ANCHORS_KEY = Symbol.for('syncwire.codec.anchors')

function anchors(): WeakMap<XmlElement, string | null> {
  // Shared through the global symbol registry so that every bundled copy of this module sees the same anchors.
  const g = globalThis as { [ANCHORS_KEY]?: WeakMap<XmlElement, string | null> }
  let map = g[ANCHORS_KEY]
  if (map === undefined) {
    map = new WeakMap()
    g[ANCHORS_KEY] = map
  }
  return map
}

/**
 * Where an unknown child kept by {@link unknownChildren} stood when decoded: the local name of the modelled
 * sibling it followed, `null` when it came first, `undefined` when unknown (hand-built elements).
 *
 * @example
 * ```ts
 * anchorOf(feed.extensions[0]!) // 'updated'
 * ```
 */
export function anchorOf(el: XmlElement): string | null | undefined {
  return anchors().get(el)
}

/**
 * Sets where {@link record} writes an element kept by {@link unknownChildren} (see {@link anchorOf}); returns it.
 *
 * @example
 * ```ts
 * feed.extensions.push(withAnchor(generatorElement, 'updated'))
 * ```
 */
export function withAnchor(el: XmlElement, after: string | null): XmlElement {
  anchors().set(el, after)
  return el
}

// ---------------------------------------------------------------------------------------------------------------
// The record combinator

/**
 * The keys of a field map whose fields may be absent.
 *
 * @example
 * ```ts
 * type K = OptionalKeys<{ a: Field<string, true>; b: Field<number, false> }> // 'a'
 * ```
 */
export type OptionalKeys<F> = { [K in keyof F]: F[K] extends Field<any, true> ? K : never }[keyof F]

/**
 * The keys of a field map whose fields are always present.
 *
 * @example
 * ```ts
 * type K = RequiredKeys<{ a: Field<string, true>; b: Field<number, false> }> // 'b'
 * ```
 */
export type RequiredKeys<F> = Exclude<keyof F, OptionalKeys<F>>

/**
 * The value type of a field.
 *
 * @example
 * ```ts
 * type V = FieldValue<Field<number, false>> // number
 * ```
 */
export type FieldValue<F> = F extends Field<infer A, any> ? A : never

/**
 * Flattens an intersection of object types into one object type (for readable hovers).
 *
 * @example
 * ```ts
 * type X = Simplify<{ a: 1 } & { b?: 2 }> // { a: 1; b?: 2 }
 * ```
 */
export type Simplify<T> = { [K in keyof T]: T[K] } & {}

/**
 * The decoded value of a {@link record} with fields `F`: optional fields become optional properties.
 *
 * @example
 * ```ts
 * type SyncStateValue = RecordOf<typeof syncStateFields>
 * ```
 */
export type RecordOf<F extends Record<string, Field<any, boolean>>> = Simplify<
  { [K in RequiredKeys<F>]: FieldValue<F[K]> } & { [K in OptionalKeys<F>]?: FieldValue<F[K]> }
>

interface Compiled {
  readonly key: string
  readonly spec: FieldSpec
  /** Index into the child slots, or -1. */
  readonly slot: number
}

/**
 * A record of children, attributes and text: the workhorse content codec. Children and attributes are matched
 * by expanded name in any order; one pass over the children with a name table built once per codec. Unknown
 * children are dropped unless a field keeps them ({@link unknownChildren}, {@link anchoredUnknownChildren},
 * {@link otherChildren}); text children are ignored unless a {@link textContent} field reads them.
 *
 * Encoding writes attributes (unknown ones first, then the fields in declaration order), then the text, then
 * children in field declaration order, with each kept unknown child right after the modelled sibling it
 * followed when read (after all elements of that field, for a repeated one). Declare fields in the order the
 * protocol writes them: a document whose modelled children come in that order re-encodes in its own order.
 *
 * @example
 * ```ts
 * const SyncState = record({
 *   endpoint: child(sync('endpoint'), text(t.string)),
 *   tick: childOr(sync('tick'), text(NonNegativeInteger), 0),
 *   stamp: child(sync('stamp'), text(StampCodec)),
 *   user: optionalChild(sync('user'), text(t.string)),
 * }, 'SyncState')
 * ```
 */
export function record<F extends Record<string, Field<any, boolean>>>(
  fields: F,
  name = 'record',
): ElementCodec<RecordOf<F>> {
  const compiled: Compiled[] = []
  const childTable = new NameTable<number>()
  const attributeTable = new NameTable<number>()
  let childSlots = 0
  let attributeSlots = 0
  let restIndex = -1
  let textIndex = -1
  let restAttributesIndex = -1
  for (const key of Object.keys(fields)) {
    const spec = fields[key]!.spec
    let slot = -1
    if (spec.kind === 'child') {
      slot = childSlots++
      for (const n of spec.names!) childTable.set(n, slot)
    } else if (spec.kind === 'attribute') {
      slot = attributeSlots++
      for (const n of spec.names!) attributeTable.set(n, slot)
    } else if (spec.kind === 'unknownChildren' || spec.kind === 'otherChildren') {
      if (restIndex >= 0) throw new Error(`record ${name}: only one field may keep unknown children`)
      restIndex = compiled.length
    } else if (spec.kind === 'text') {
      textIndex = compiled.length
    } else if (spec.kind === 'unknownAttributes') {
      restAttributesIndex = compiled.length
    }
    compiled.push({ key, spec, slot })
  }
  const slotKeys: string[] = []
  const slotRepeated: boolean[] = []
  for (const f of compiled) {
    if (f.spec.kind !== 'child') continue
    slotKeys[f.slot] = f.spec.names![0]!.localName
    slotRepeated[f.slot] = f.spec.mode === 'repeated'
  }
  const restSpec = restIndex >= 0 ? compiled[restIndex]!.spec : undefined
  const keepOthers = restSpec !== undefined
  const keepAttributes = restAttributesIndex >= 0
  const readText = textIndex >= 0

  const validate = (el: XmlElement, c: t.Context): t.Validation<RecordOf<F>> => {
    if (!isElement(el)) return t.failure(el, c, `expected an element, found ${typeof el}`)
    // Slots hold the first element of a single field, or all elements of a repeated one.
    const childValues: Array<XmlElement | XmlElement[] | undefined> = new Array(childSlots)
    let others: XmlElement[] | undefined
    let otherAnchors: Array<string | null> | undefined
    let lastKnown: string | null = null
    let textParts: string | undefined
    for (const node of el.children) {
      if (node.type !== 'element') {
        if (readText) textParts = textParts === undefined ? node.value : textParts + node.value
        continue
      }
      const slot = childTable.get(node.namespace, node.localName)
      if (slot !== undefined) {
        const current = childValues[slot]
        if (current === undefined) {
          if (slotRepeated[slot]) childValues[slot] = [node]
          else childValues[slot] = node
          lastKnown = slotKeys[slot]!
          continue
        }
        if (Array.isArray(current)) {
          current.push(node)
          lastKnown = slotKeys[slot]!
          continue
        }
      }
      if (keepOthers) {
        if (others === undefined) {
          others = []
          otherAnchors = []
        }
        others.push(node)
        otherAnchors!.push(lastKnown)
      }
    }
    const out: Record<string, unknown> = {}
    let errors: t.ValidationError[] | undefined
    let attributeValues: Array<XmlAttribute | undefined> | undefined
    let restAttributes: XmlAttribute[] | undefined
    if (attributeSlots > 0 || keepAttributes) {
      attributeValues = new Array(attributeSlots)
      for (const a of el.attributes) {
        const slot = attributeTable.get(a.namespace, a.localName)
        if (slot !== undefined && attributeValues[slot] === undefined) attributeValues[slot] = a
        else if (keepAttributes) {
          if (restAttributes === undefined) restAttributes = []
          restAttributes.push(a)
        }
      }
    }
    for (const f of compiled) {
      const spec = f.spec
      switch (spec.kind) {
        case 'child': {
          const found = childValues[f.slot]
          const codec = spec.codec as ElementCodec<unknown>
          if (found === undefined) {
            if (spec.mode === 'required') {
              const missing = {
                value: undefined,
                context: [...c, { key: spec.names![0]!.localName, type: spec.step!, actual: undefined }],
                message: `expected element ${showName(spec.names![0]!)}, found none`,
              }
              errors = collect(errors, [missing])
            } else if (spec.mode === 'repeated') out[f.key] = []
            else if (spec.mode === 'default') out[f.key] = spec.fallback
            break
          }
          if (Array.isArray(found)) {
            const values: unknown[] = new Array(found.length)
            for (let i = 0; i < found.length; i++) {
              const node = found[i]!
              const r = codec.validate(node, c)
              if (E.isRight(r)) values[i] = r.right
              else
                errors = collect(
                  errors,
                  insertEntry(c, r.left, { key: node.localName, type: spec.step!, actual: node }),
                )
            }
            out[f.key] = values
          } else {
            const r = codec.validate(found, c)
            if (E.isRight(r)) out[f.key] = r.right
            else
              errors = collect(
                errors,
                insertEntry(c, r.left, { key: found.localName, type: spec.step!, actual: found }),
              )
          }
          break
        }
        case 'attribute': {
          const found = attributeValues![f.slot]
          if (found === undefined) {
            if (spec.mode === 'required') {
              const missing = {
                value: undefined,
                context: [...c, { key: spec.names![0]!.localName, type: spec.step!, actual: undefined }],
                message: `expected attribute ${showName(spec.names![0]!)}, found none`,
              }
              errors = collect(errors, [missing])
            } else if (spec.mode === 'default') out[f.key] = spec.fallback
            break
          }
          const codec = spec.codec as t.Type<unknown, string, string>
          const r = codec.validate(found.value, c)
          if (E.isRight(r)) out[f.key] = r.right
          else {
            const withType = insertEntry(c, r.left, { key: '', type: codec, actual: found.value })
            errors = collect(
              errors,
              insertEntry(c, withType, { key: found.localName, type: spec.step!, actual: found }),
            )
          }
          break
        }
        case 'text': {
          const s = textParts ?? ''
          const codec = spec.codec as t.Type<unknown, string, string>
          const r = codec.validate(s, c)
          if (E.isRight(r)) out[f.key] = r.right
          else errors = collect(errors, insertEntry(c, r.left, { key: '', type: codec, actual: s }))
          break
        }
        case 'unknownChildren': {
          if (others === undefined) {
            out[f.key] = []
          } else if (spec.anchored) {
            const list: AnchoredElement[] = new Array(others.length)
            for (let i = 0; i < others.length; i++) list[i] = { after: otherAnchors![i]!, element: others[i]! }
            out[f.key] = list
          } else {
            const map = anchors()
            for (let i = 0; i < others.length; i++) map.set(others[i]!, otherAnchors![i]!)
            out[f.key] = others
          }
          break
        }
        case 'otherChildren': {
          const codec = spec.codec as ElementCodec<unknown>
          if (others === undefined) {
            out[f.key] = []
            break
          }
          const values: unknown[] = new Array(others.length)
          for (let i = 0; i < others.length; i++) {
            const node = others[i]!
            const r = codec.validate(node, c)
            if (E.isRight(r)) values[i] = r.right
            else
              errors = collect(errors, insertEntry(c, r.left, { key: node.localName, type: spec.step!, actual: node }))
          }
          out[f.key] = values
          break
        }
        case 'unknownAttributes':
          out[f.key] = restAttributes ?? []
          break
      }
    }
    return errors === undefined ? t.success(out as RecordOf<F>) : t.failures(errors)
  }

  const encode = (value: RecordOf<F>): XmlElement => {
    const v = value as Record<string, unknown>
    const attributes: XmlAttribute[] = []
    const nodes: XmlNode[] = []
    if (keepAttributes) {
      const rest = v[compiled[restAttributesIndex]!.key] as XmlAttribute[] | undefined
      if (rest !== undefined) for (const a of rest) attributes.push(a)
    }
    for (const f of compiled) {
      if (f.spec.kind !== 'attribute') continue
      const x = v[f.key]
      if (x === undefined) continue
      if (f.spec.mode === 'default' && x === f.spec.fallback) continue
      const n = f.spec.names![0]!
      attributes.push({
        namespace: n.namespace,
        localName: n.localName,
        prefix: n.prefix,
        value: (f.spec.codec as t.Type<unknown, string, string>).encode(x),
      })
    }
    if (readText) {
      const s = (compiled[textIndex]!.spec.codec as t.Type<unknown, string, string>).encode(v[compiled[textIndex]!.key])
      if (s !== '') nodes.push({ type: 'text', value: s })
    }
    // Unknown children grouped by anchor; `placed` tracks which anchors a modelled field has claimed.
    let byAnchor: Map<string | null, XmlElement[]> | undefined
    let otherValues: unknown[] | undefined
    if (restSpec !== undefined) {
      const rest = v[compiled[restIndex]!.key] as unknown[] | undefined
      if (restSpec.kind === 'otherChildren') otherValues = rest
      else if (rest !== undefined && rest.length > 0) {
        byAnchor = new Map()
        const map = restSpec.anchored ? undefined : anchors()
        for (const item of rest) {
          let el: XmlElement
          let after: string | null | undefined
          if (restSpec.anchored) {
            el = (item as AnchoredElement).element
            after = (item as AnchoredElement).after
          } else {
            el = item as XmlElement
            after = map!.get(el)
          }
          const key = after === undefined ? END : after
          const group = byAnchor.get(key)
          if (group === undefined) byAnchor.set(key, [el])
          else group.push(el)
        }
      }
    }
    const flush = (key: string | null) => {
      const group = byAnchor?.get(key)
      if (group !== undefined) {
        for (const el of group) nodes.push(el)
        byAnchor!.delete(key)
      }
    }
    flush(null)
    for (const f of compiled) {
      const spec = f.spec
      if (spec.kind === 'child') {
        const x = v[f.key]
        const n = spec.names![0]!
        const codec = spec.codec as ElementCodec<unknown>
        if (x !== undefined) {
          if (spec.mode === 'repeated') for (const item of x as unknown[]) nodes.push(rename(codec.encode(item), n))
          else nodes.push(rename(codec.encode(x), n))
        }
        flush(n.localName)
      } else if (spec.kind === 'otherChildren' && otherValues !== undefined) {
        const codec = spec.codec as ElementCodec<unknown>
        for (const item of otherValues) nodes.push(codec.encode(item))
      }
    }
    if (byAnchor !== undefined) for (const group of byAnchor.values()) for (const el of group) nodes.push(el)
    return blankElement(nodes, attributes)
  }

  return new t.Type<RecordOf<F>, XmlElement, XmlElement>(
    name,
    (u): u is RecordOf<F> => typeof u === 'object' && u !== null,
    validate,
    encode,
  )
}

/** Appends without spreading, so millions of errors cannot overflow the call stack. */
function collect(errors: t.ValidationError[] | undefined, more: readonly t.ValidationError[]): t.ValidationError[] {
  const out = errors ?? []
  for (const e of more) out.push(e)
  return out
}

/** Anchor of unknown children with no recorded position: written after every modelled child. */
const END = '\u0000end'

// ---------------------------------------------------------------------------------------------------------------
// Dispatch and mapping

/**
 * One alternative of {@link byName}: elements with one of `names` decode through `codec`.
 *
 * @example
 * ```ts
 * const folderCase: NameCase<Item> = { names: qname(null, 'Folder'), codec: Folder }
 * ```
 */
export interface NameCase<A> {
  /** The names this case accepts (the first is written). */
  readonly names: Names
  /** The content codec for this case. */
  readonly codec: ElementCodec<A>
}

/**
 * Dispatches on the element's expanded name: decoding picks the case whose names match (else `otherwise`, else
 * an error); encoding asks `select` which case (index into `cases`, or -1 for `otherwise`) writes the value and
 * names the result with that case's first name (the `otherwise` element keeps its own name).
 *
 * @example
 * ```ts
 * const Item = byName<Item>(
 *   [{ names: qname(null, 'Folder'), codec: Folder }, { names: qname(null, 'Document'), codec: Document }],
 *   (item) => (item.kind === 'Folder' ? 0 : item.kind === 'Document' ? 1 : -1),
 *   Unknown,
 * )
 * ```
 */
export function byName<A>(
  cases: ReadonlyArray<NameCase<A>>,
  select: (value: A) => number,
  otherwise?: ElementCodec<A>,
  name = 'byName',
): ElementCodec<A> {
  const table = new NameTable<number>()
  const firstNames: XName[] = []
  cases.forEach((k, i) => {
    const list = nameList(k.names)
    firstNames.push(list[0]!)
    for (const n of list) table.set(n, i)
  })
  const expected = firstNames.map((n) => `<${showName(n)}>`).join(', ')
  return new t.Type<A, XmlElement, XmlElement>(
    name,
    (u): u is A => cases.some((k) => k.codec.is(u)) || (otherwise?.is(u) ?? false),
    (el, c) => {
      if (!isElement(el)) return t.failure(el, c, `expected an element, found ${typeof el}`)
      const i = table.get(el.namespace, el.localName)
      if (i !== undefined) return cases[i]!.codec.validate(el, c)
      if (otherwise !== undefined) return otherwise.validate(el, c)
      return t.failure(el, c, `expected one of ${expected}, found ${describeElement(el)}`)
    },
    (a) => {
      const i = select(a)
      const k = cases[i]
      if (k !== undefined) return rename(k.codec.encode(a), firstNames[i]!)
      if (otherwise !== undefined) return otherwise.encode(a)
      // A value no case claims: written through the first case rather than thrown on (encode is total).
      return rename(cases[0]!.codec.encode(a), firstNames[0]!)
    },
  )
}

/**
 * Maps a codec's value both ways (an isomorphism, or a lossless projection): `to` after decoding, `from` before
 * encoding. For adding a tag (`kind: 'Folder'`) or reshaping a record into the model's type.
 *
 * @example
 * ```ts
 * const Folder = mapCodec(folderRecord, (r) => ({ kind: 'Folder' as const, ...r }), ({ kind, ...r }) => r, 'Folder')
 * ```
 */
export function mapCodec<A, B, O, I>(
  codec: t.Type<A, O, I>,
  to: (a: A) => B,
  from: (b: B) => A,
  name = codec.name,
  is: (u: unknown) => u is B = (u): u is B => typeof u === 'object' && u !== null,
): t.Type<B, O, I> {
  return new t.Type<B, O, I>(
    name,
    is,
    (i, c) => {
      const r = codec.validate(i, c)
      return E.isRight(r) ? t.success(to(r.right)) : r
    },
    (b) => codec.encode(from(b)),
  )
}
