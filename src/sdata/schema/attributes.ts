// Attribute elements: empty elements whose information is all in unqualified attributes (an Atom link), described
// once (docs/schema.md) and read, written (as a tree and as text), mapped to JSON and guarded from that description.
// The JSON side is compiled apart (compileAttributeElementJson), so code that only reads and writes XML leaves it out.
import * as t from 'io-ts'
import { withJsonMembers } from '../../codec/json/kept'
import { splitMembers, withMembers } from '../../codec/json/members'
import { at, type Ctx, type Errs, fail, member, readObject } from '../../codec/json/read'
import type { XmlAttribute, XmlElement } from '../../xml/types'
import type { JsonMembers } from '../model'
import { qname, type TextWriter } from '../text-writer'
import { attr, elem, hasElementChildren, isDeclaration, textOf } from '../tree'

/**
 * One attribute of an attribute element: the member `key`, from the unqualified attribute of the same name; the
 * JSON member has the same name too.
 *
 * @example
 * ```ts
 * const href: AttributeMember = { key: 'href', required: true }
 * ```
 */
export interface AttributeMember {
  /** The member, attribute and JSON member name. */
  readonly key: string
  /** Whether an element without it is not one of these (it is then kept as written) and JSON without it an error. */
  readonly required: boolean
}

/**
 * The one description of an empty element holding string attributes. An element with anything else (text, child
 * elements, a qualified or unknown attribute) or without a required attribute is not read: its owner keeps it as
 * written. Attributes are written in the description's order.
 *
 * @example
 * ```ts
 * const LINK: AttributeElement = { namespace: ATOM_NS, name: 'link', what: 'a link', attributes: [...] }
 * ```
 */
export interface AttributeElement {
  /** The element's namespace. */
  readonly namespace: string
  /** The element's local name. */
  readonly name: string
  /** Its name in a JSON error (`a link must be a JSON object`). */
  readonly what: string
  /** The attributes, in written order. */
  readonly attributes: readonly AttributeMember[]
}

/** The functions derived from an attribute element, built once. */
export interface CompiledAttributeElement<A> {
  /** Reads the element; `undefined` when it is not of the described shape (the owner keeps it as written). */
  readonly read: (el: XmlElement) => A | undefined
  /** Writes the element tree. */
  readonly write: (value: A) => XmlElement
  /** Writes the element as text (its name resolved ahead). */
  readonly text: (t: TextWriter, value: A) => void
  /** The type guard: an object whose required members are strings. */
  readonly is: (u: unknown) => u is A
}

const compiled = new WeakMap<AttributeElement, CompiledAttributeElement<unknown>>()

/**
 * The functions derived from an attribute element, compiled on first use and cached.
 *
 * @example
 * ```ts
 * compileAttributeElement<Link>(LINK).read(el) // { rel: 'next', href: '…' } | undefined
 * ```
 */
export function compileAttributeElement<A>(d: AttributeElement): CompiledAttributeElement<A> {
  const cached = compiled.get(d)
  if (cached !== undefined) return cached as CompiledAttributeElement<A>
  const keys = new Set(d.attributes.map((a) => a.key))
  const required = d.attributes.filter((a) => a.required).map((a) => a.key)
  const name = qname(d.namespace, d.name)
  const c: CompiledAttributeElement<A> = {
    read(el) {
      if (hasElementChildren(el) || textOf(el) !== '') return undefined
      const found: Record<string, string> = {}
      for (const a of el.attributes) {
        if (isDeclaration(a)) continue
        if (a.namespace !== null || !keys.has(a.localName)) return undefined
        found[a.localName] = a.value
      }
      for (const k of required) if (found[k] === undefined) return undefined
      const out: Record<string, string> = {}
      for (const a of d.attributes) if (found[a.key] !== undefined) out[a.key] = found[a.key]!
      return out as A
    },
    write(value) {
      const v = value as Record<string, string | undefined>
      const attributes: XmlAttribute[] = []
      for (const a of d.attributes) {
        const x = v[a.key]
        if (x !== undefined) attributes.push(attr(a.key, x))
      }
      return elem(d.namespace, d.name, [], attributes)
    },
    text(t, value) {
      const v = value as Record<string, string | undefined>
      let attributes = ''
      for (const a of d.attributes) {
        const x = v[a.key]
        if (x !== undefined) attributes += t.attribute(a.key, x)
      }
      t.start(name, attributes, true)
    },
    is: (u: unknown): u is A =>
      typeof u === 'object' &&
      u !== null &&
      required.every((k) => typeof (u as Record<string, unknown>)[k] === 'string'),
  }
  compiled.set(d, c as CompiledAttributeElement<unknown>)
  return c
}

/** The JSON form of an attribute element, built once: an object of string members, other members kept. */
export interface AttributeElementJson<A> {
  /**
   * Reads its JSON form: each attribute a string member; the other members, and `null`s, kept in `jsonMembers`
   * (SData 2.0 lets any member be `null`); errors recorded with their path.
   */
  readonly readJson: (errs: Errs, u: unknown, c: Ctx) => A | undefined
  /** Writes its JSON form: the attributes in the description's order, then the kept members the value does not set. */
  readonly writeJson: (value: A) => Record<string, unknown>
}

const compiledJson = new WeakMap<AttributeElement, AttributeElementJson<unknown>>()

/**
 * The JSON form of an attribute element, compiled on first use and cached. Members it does not model are kept as
 * every object of the JSON mappings keeps them (`splitMembers`, `withMembers`), so decode → encode loses none.
 *
 * @example
 * ```ts
 * compileAttributeElementJson<Link>(LINK).readJson(errs, { href: '…', hreflang: 'en' }, ctx)
 * // { href: '…', jsonMembers: { hreflang: 'en' } }
 * ```
 */
export function compileAttributeElementJson<A>(d: AttributeElement): AttributeElementJson<A> {
  const cached = compiledJson.get(d)
  if (cached !== undefined) return cached as AttributeElementJson<A>
  const keys: ReadonlySet<string> = new Set(d.attributes.map((a) => a.key))
  const c: AttributeElementJson<A> = {
    readJson(errs, u, ctx) {
      const raw = readObject(errs, u, ctx, d.what)
      if (raw === undefined) return undefined
      const { view: o, kept } = splitMembers(errs, raw, ctx, keys)
      const out: Record<string, string> = {}
      let ok = true
      for (const a of d.attributes) {
        const x = member(o, a.key)
        if (x === undefined) {
          if (a.required) ok = fail(errs, o, at(ctx, a.key, t.string, undefined), `${a.key} is missing`) ?? false
        } else if (typeof x !== 'string') {
          ok = fail(errs, x, at(ctx, a.key, t.string, x), `${a.key} must be a string`) ?? false
        } else out[a.key] = x
      }
      return ok ? (withJsonMembers(out as { jsonMembers?: JsonMembers }, kept) as A) : undefined
    },
    writeJson(value) {
      const v = value as Record<string, unknown>
      const out: Record<string, unknown> = {}
      for (const a of d.attributes) {
        const x = v[a.key]
        if (x !== undefined) out[a.key] = x
      }
      return withMembers(out, v.jsonMembers as JsonMembers | undefined)
    },
  }
  compiledJson.set(d, c as AttributeElementJson<unknown>)
  return c
}
