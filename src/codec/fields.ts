// The fields of a record codec: children, attributes, text content and unknown children, and their key types.
// Implements docs/decisions.md#p4 (records match children and attributes by expanded name, in any order).
import type * as t from 'io-ts'
import type { XmlAttribute, XmlElement } from '../xml/types'
import { type XmlStep, xmlStep } from './context'
import type { AnchoredElement, ElementCodec } from './named'
import { type Names, nameList } from './names'
import type { Occurs } from './schema/describe'
import type { AttributeChild, CodecChild, TextChild } from './schema/kit'
import { codecValue } from './values'

// ---------------------------------------------------------------------------------------------------------------
// Fields of a record

/**
 * What a {@link Field} reads: the part of an element description it becomes when {@link record} builds one (a
 * codec child, an attribute child, the text child, or where unknown content is kept). Built by the field
 * constructors, not by hand.
 *
 * @example
 * ```ts
 * child(qname(null, 'Path'), text(t.string)).spec.kind // 'codec'
 * ```
 */
export type FieldSpec =
  | Omit<CodecChild, 'key' | 'json'>
  | Omit<AttributeChild, 'key' | 'json'>
  | Omit<TextChild, 'key' | 'json'>
  | {
      readonly kind: 'unknownChildren'
      readonly keep: 'weak' | 'anchored' | 'decoded'
      readonly codec?: ElementCodec<any>
      readonly step?: XmlStep
    }
  | { readonly kind: 'unknownAttributes' }

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

export function field<A, Opt extends boolean>(optional: Opt, spec: FieldSpec): Field<A, Opt> {
  return { optional, spec }
}

/** A child field: its names, codec, cardinality and path marker. */
function childField<A, Opt extends boolean>(
  optional: Opt,
  occurs: Occurs | 'repeated',
  names: Names,
  codec: ElementCodec<any>,
): Field<A, Opt> {
  const list = nameList(names)
  return field(optional, {
    kind: 'codec',
    names: list,
    codec,
    occurs,
    step: xmlStep('element', list, occurs === 'repeated'),
  })
}

/** An attribute field: its names, its string codec adapted to a value type, cardinality and path marker. */
function attributeField<A, Opt extends boolean>(
  optional: Opt,
  occurs: Occurs,
  names: Names,
  codec: t.Type<any, string, any>,
): Field<A, Opt> {
  const list = nameList(names)
  const type = codecValue(codec.name, 'string', codec as t.Type<unknown, string, string>)
  return field(optional, { kind: 'attribute', names: list, type, occurs, step: xmlStep('attribute', list, false) })
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
  return childField(false, 'required', names, codec)
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
  return childField(true, 'optional', names, codec)
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
  return childField(false, { default: fallback }, names, codec)
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
  return childField(false, 'repeated', names, codec)
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
  return attributeField(false, 'required', names, codec)
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
  return attributeField(true, 'optional', names, codec)
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
  return attributeField(false, { default: fallback }, names, codec)
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
  return field(false, {
    kind: 'text',
    type: codecValue(codec.name, 'string', codec as t.Type<unknown, string, string>),
  })
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
  return field(false, { kind: 'unknownChildren', keep: 'weak' })
}

/**
 * Every child element no other field claims, as {@link AnchoredElement}s: each with the local name of the
 * modelled sibling it followed (`{namespace}localName` when two child fields share that local name), so encoding
 * writes it back there (the FILESYNC codec's `Extension`).
 *
 * @example
 * ```ts
 * const Document = record({ resourceId: optionalChild(qname(null, 'ResourceID'), text(t.string)), extensions: anchoredUnknownChildren() })
 * ```
 */
export function anchoredUnknownChildren(): Field<AnchoredElement[], false> {
  return field(false, { kind: 'unknownChildren', keep: 'anchored' })
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
  return field(false, { kind: 'unknownChildren', keep: 'decoded', codec, step: xmlStep('element', [], true) })
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
