// The fast-check arbitrary of kit content (docs/schema.md): the values of a description the codec kit's record() and
// element() build, derived from it as syncwire's own elements' are. Attributes and text by their value types, codec
// children by their codec (its own description, recursively, or the value type of a text() codec), kept unknown
// content in the forms the kit reads it in: every namespace declaration a read would find is there.
import fc from 'fast-check'
import type * as t from 'io-ts'
import { anyElement } from '../../codec/named'
import { NameTable, type XName } from '../../codec/names'
import type { ElementDescription } from '../../codec/schema/describe'
import { anchorNames, type CodecChild, describedOf, textCodecOf, writtenNameOf } from '../../codec/schema/kit'
import type { ValueType } from '../../codec/values'
import { XMLNS_NAMESPACE, type XmlAttribute, type XmlElement } from '../../xml/types'
import type { MemberArbitraries } from './described'
import { arbUnknownElement } from './filesync-leaves'
import { arbForeignElement, arbXmlText, type SDataArbitraryOptions } from './sdata-common'
import { codecArbitrary, knownValueArbitrary } from './values'

/**
 * What `arbitraryOf` needs beyond the SData options for kit content: the arbitrary of each io-ts codec it cannot
 * derive one for (a custom string codec, an element codec with no description), wherever it is used: as a codec
 * child, in `text()`, as an attribute's codec or as `otherChildren()`'s.
 *
 * @example
 * ```ts
 * const options: KitArbitraryOptions = { codecs: new Map([[Priority, fc.constantFrom('low', 'high')]]) }
 * ```
 */
export interface KitArbitraryOptions {
  /** The arbitrary of each codec, by the codec object itself (the element codec or the string codec inside it). */
  codecs?: ReadonlyMap<t.Type<any, any, any>, fc.Arbitrary<unknown>>
}

type Options = SDataArbitraryOptions & KitArbitraryOptions

/** The namespace bindings in scope where an element is written: prefix (`''` the default) → namespace. */
type Scope = ReadonlyMap<string, string | null>

const ROOT_SCOPE: Scope = new Map([['', null]])

function declarationOf(prefix: string, ns: string | null): XmlAttribute {
  return prefix === ''
    ? { namespace: XMLNS_NAMESPACE, localName: 'xmlns', prefix: null, value: ns ?? '' }
    : { namespace: XMLNS_NAMESPACE, localName: prefix, prefix: 'xmlns', value: ns ?? '' }
}

/** The prefix an attribute declares (`''` the default), or `undefined` when it is no declaration. */
function declared(a: XmlAttribute): string | undefined {
  if (a.namespace !== XMLNS_NAMESPACE) return undefined
  return a.prefix === null ? (a.localName === 'xmlns' ? '' : undefined) : a.localName
}

/**
 * The declarations an element named `name` with `attributes` needs in `scope`, beyond those among `attributes`: what
 * the serializer writes on it, and a read then finds among its attributes. Returns them and the element's scope.
 */
function declarationsFor(name: XName, attributes: readonly XmlAttribute[], scope: Scope): [XmlAttribute[], Scope] {
  const own = new Map<string, string | null>()
  for (const a of attributes) {
    const p = declared(a)
    if (p !== undefined) own.set(p, a.value === '' ? null : a.value)
  }
  const added: XmlAttribute[] = []
  const need = (prefix: string | null, ns: string | null) => {
    const p = prefix ?? ''
    if (p === 'xml' || p === 'xmlns' || (p !== '' && ns === null) || own.has(p)) return
    if ((scope.get(p) ?? (p === '' ? null : undefined)) === ns) return
    own.set(p, ns)
    added.push(declarationOf(p, ns))
  }
  need(name.prefix, name.namespace)
  for (const a of attributes) if (a.prefix !== null && declared(a) === undefined) need(a.prefix, a.namespace)
  const inner = new Map(scope)
  for (const [p, ns] of own) inner.set(p, ns)
  return [added, inner]
}

/** An element as a read of it written in `scope` gives it back: every declaration it needs on it, and below. */
function asRead(el: XmlElement, scope: Scope): XmlElement {
  const [added, inner] = declarationsFor(el, el.attributes, scope)
  const children = el.children.map((n) => (n.type === 'element' ? asRead(n, inner) : n))
  return { ...el, attributes: added.length === 0 ? el.attributes : [...added, ...el.attributes], children }
}

/** The scope of an element's children: its own name's binding added (the serializer declares it if need be). */
function scopeBelow(name: XName, scope: Scope): Scope {
  return declarationsFor(name, [], scope)[1]
}

/** Attributes no field claims, as a read keeps them: foreign ones with their declaration. */
const KEPT_ATTRIBUTE_NAMES: readonly XName[] = [
  { namespace: 'http://www.w3.org/XML/1998/namespace', localName: 'lang', prefix: 'xml' },
  { namespace: 'urn:x-attr', localName: 'flag', prefix: 'xa' },
  { namespace: null, localName: 'version', prefix: null },
  { namespace: null, localName: 'data-x', prefix: null },
]

function missing(where: string, key: string, codec: { readonly name: string }): TypeError {
  return new TypeError(
    `arbitraryOf: no arbitrary for ${where} "${key}" (${codec.name}); give one in overrides or options.codecs`,
  )
}

/** The arbitrary of an element codec's values written as `name` in `scope`, or `undefined` when none is known. */
function codecValues(
  codec: t.Type<any, XmlElement, XmlElement>,
  name: XName | undefined,
  scope: Scope,
  options: Options,
  free: (el: XmlElement) => boolean,
): fc.Arbitrary<unknown> | undefined {
  const given = options.codecs?.get(codec)
  if (given !== undefined) return given
  const nested = describedOf<ElementDescription<unknown>>(codec)
  if (nested?.unknown !== undefined) return kitContent(nested, options, {}, name ?? writtenNameOf(nested), scope)
  const inner = textCodecOf(codec)
  if (inner !== undefined) return options.codecs?.get(inner) ?? codecArbitrary(inner, options)
  if (codec === anyElement) {
    // Named by its field when it has one; else (`otherChildren(anyElement)`) any name no field claims.
    const named = name === undefined ? keptElement(free) : keptElement(() => true).map((el) => ({ ...el, ...name }))
    return named.map((el) => asRead(el, scope))
  }
  return codecArbitrary(codec, options)
}

/** Elements no codec child claims, as read (self-contained). */
function keptElement(free: (el: XmlElement) => boolean): fc.Arbitrary<XmlElement> {
  return fc
    .oneof({ weight: 3, arbitrary: arbUnknownElement() }, { weight: 1, arbitrary: arbForeignElement() })
    .filter(free)
}

/**
 * The arbitrary of a kit description's values (`record()`, `element()`): written as `name` (the content codec's own
 * name when not given: the one `element()` recorded, else no namespace) in `scope`.
 */
export function kitContent<A>(
  d: ElementDescription<A>,
  options: Options,
  overrides: MemberArbitraries,
  name: XName = writtenNameOf(d) ?? { namespace: d.namespace, localName: d.name, prefix: null },
  scope: Scope = ROOT_SCOPE,
): fc.Arbitrary<A> {
  const below = scopeBelow(name, scope)
  const members: Record<string, fc.Arbitrary<unknown>> = {}
  const required: string[] = []
  const add = (key: string, arb: fc.Arbitrary<unknown>, always: boolean) => {
    members[key] = arb
    if (always) required.push(key)
  }
  const kids = d.children as readonly CodecChild[]
  const claimed = new NameTable<true>()
  for (const k of kids) for (const n of k.names) claimed.set(n, true)
  const free = (el: XmlElement) => claimed.get(el.namespace, el.localName) === undefined
  for (const k of kids) {
    if (k.kind !== 'codec')
      throw new TypeError(`arbitraryOf: kit content cannot hold a ${(k as { kind: string }).kind} child`)
    const arb = overrides[k.key] ?? codecValues(k.codec, k.names[0], below, options, free)
    if (arb === undefined) throw missing('the field', k.key, k.codec)
    if (k.occurs === 'repeated') add(k.key, fc.array(arb, { maxLength: 3 }), true)
    else add(k.key, arb, k.occurs !== 'optional')
  }
  const memberValues = (key: string, type: ValueType<any>): fc.Arbitrary<unknown> => {
    const codec = (type as { codec?: t.Type<any, any, any> }).codec
    const arb = overrides[key] ?? (codec && options.codecs?.get(codec)) ?? knownValueArbitrary(type, options)
    if (arb === undefined) throw missing('the field', key, type)
    return arb
  }
  const attributes = d.attributeChildren ?? []
  for (const a of attributes) add(a.key, memberValues(a.key, a.type), a.occurs !== 'optional')
  if (d.text !== undefined) add(d.text.key, memberValues(d.text.key, d.text.type), true)
  const unknown = d.unknown
  if (unknown !== undefined && unknown.attributes !== 'drop') {
    const key = unknown.attributes.key
    const modelled = new NameTable<true>()
    for (const a of attributes) for (const n of a.names) modelled.set(n, true)
    const unclaimed = KEPT_ATTRIBUTE_NAMES.filter((n) => modelled.get(n.namespace, n.localName) === undefined)
    // The declarations the element's name and modelled attributes need are read among the kept attributes too.
    const modelledNames = attributes.map((a) => ({ ...a.names[0]!, value: '' }))
    const values = fc.array(arbXmlText(6), { minLength: unclaimed.length, maxLength: unclaimed.length })
    const kept = fc.tuple(fc.subarray([...unclaimed]), values).map(([names, texts]) => {
      const list: XmlAttribute[] = names.map((n, i) => ({ ...n, value: texts[i]! }))
      const [added] = declarationsFor(name, [...modelledNames, ...list], scope)
      return [...added, ...list]
    })
    add(key, overrides[key] ?? kept, true)
  }
  let anchored: { key: string; anchors: (v: Record<string, unknown>) => (string | null)[] } | undefined
  if (unknown !== undefined && unknown.children !== 'drop') {
    const { key, keep, codec } = unknown.children
    const element = keptElement(free).map((el) => asRead(el, below))
    if (overrides[key] !== undefined) add(key, overrides[key]!, true)
    else if (keep === 'weak') add(key, fc.array(element, { maxLength: 2 }), true)
    else if (keep === 'anchored') {
      add(key, fc.array(fc.tuple(fc.nat(), element), { maxLength: 2 }), true)
      // Each anchored child follows a known sibling the value holds (or none), in the order they are written.
      const names = anchorNames(kids)
      anchored = {
        key,
        anchors: (v) => [
          null,
          ...kids.flatMap((k, i) =>
            v[k.key] === undefined || (k.occurs === 'repeated' && (v[k.key] as unknown[]).length === 0)
              ? []
              : [names[i]!],
          ),
        ],
      }
    } else {
      const arb = codecValues(codec!, undefined, below, options, free)
      if (arb === undefined) throw missing('the unknown children of', key, codec!)
      add(key, fc.array(arb, { maxLength: 2 }), true)
    }
  }
  const record = fc.record(members, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>
  if (anchored === undefined || overrides[anchored.key] !== undefined) return record as unknown as fc.Arbitrary<A>
  const { key, anchors } = anchored
  return record.map((v) => {
    const places = anchors(v)
    const drawn = v[key] as [number, XmlElement][]
    const items = drawn
      .map(([slot, element]) => ({ rank: slot % places.length, element }))
      .sort((a, b) => a.rank - b.rank)
      .map(({ rank, element }) => ({ after: places[rank]!, element }))
    return { ...v, [key]: items } as unknown as A
  })
}
