// The JSON mapping derived from an element description (SData 2.0 §04-0500 is its model; docs/schema.md): each child
// a member, `$extensions`/`$attributes` for kept XML content, unknown members and `null`s kept verbatim. The codec
// kit's content (`record()`) compiles here too, its members given by kit-json.ts, which only the kit imports.
import * as t from 'io-ts'
import type { JsonMembers } from '../../common/sync'
import { keptAttributes, keptExtensions, nonEmpty, readAttributes, readExtensions, withJsonMembers } from '../json/kept'
import { splitMembers, withMembers } from '../json/members'
import { at, type Ctx, type Errs, fail, type JsonRecord, member, optArray, readObject } from '../json/read'
import { isValueProblem } from '../values'
import { type Child, type ElementDescription, engineChildren, type LeafChild, type Occurs } from './describe'
import type { CodecChild } from './kit'

/**
 * Reads the JSON form of a description's value; `undefined` (with errors recorded) when it cannot be read.
 *
 * @example
 * ```ts
 * compileJsonReader(DIGEST)(errs, { digestEntry: [] }, ctx) // { entries: [] }
 * ```
 */
export type JsonReader<A> = (errs: Errs, u: unknown, c: Ctx) => A | undefined

/**
 * A member read and written through an item reader and writer the compiler is given rather than derives: the codec
 * kit's codec children and kept content. Read and written as a repeated (`many`: an array, `[]` when absent) or a
 * nested (`one`, with its cardinality) child is.
 *
 * @example
 * ```ts
 * const note: ItemChild = { kind: 'one', key: 'note', json: 'note', occurs: 'optional', read, write }
 * ```
 */
export type ItemChild = ({ readonly kind: 'many' } | { readonly kind: 'one' }) & ItemMember

/**
 * What an {@link ItemChild} has beside its kind.
 *
 * @example
 * ```ts
 * const member: ItemMember = { key: 'note', json: 'note', read, write }
 * ```
 */
export interface ItemMember {
  /** The value's member name. */
  readonly key: string
  /** The JSON member name. */
  readonly json: string
  /** The cardinality of a `one` member (a nested child's is `optional`). */
  readonly occurs?: Occurs
  /** The reader of one item (or of the member's value). */
  readonly read: JsonReader<unknown>
  /** The writer of one item (or of the member's value). */
  readonly write: (x: unknown) => unknown
}

/**
 * The JSON members of a description with kit content (`unknown` set), in the order they are read and written: leaves
 * for its attribute children and text, {@link ItemChild}ren for the rest. The codec kit passes it in
 * (`describedJson`), so the protocols' bundles carry none of it.
 *
 * @example
 * ```ts
 * compileJsonReader(recordDescription(fields), kitJsonChildren)
 * ```
 */
export type KitJsonChildren = (d: ElementDescription<unknown>) => readonly (LeafChild | ItemChild)[]

/** The children the JSON compiler reads: the engine's own, or those the kit says its content has. */
type JsonChild = Exclude<Child, CodecChild> | ItemChild

function jsonChildren(d: ElementDescription<unknown>, kit: KitJsonChildren | undefined): readonly JsonChild[] {
  return d.unknown !== undefined && kit !== undefined ? kit(d) : engineChildren(d)
}

/** A member that is absent: an error when required, its default when it has one. */
function absent(
  errs: Errs,
  o: JsonRecord,
  c: Ctx,
  name: string,
  occurs: Occurs | undefined,
  key: string,
  value: Record<string, unknown>,
): void {
  if (occurs === 'required') fail(errs, o, at(c, name, t.string, undefined), `${name} is missing`)
  else if (typeof occurs === 'object') value[key] = occurs.default
}

const jsonReaders = new WeakMap<ElementDescription<unknown>, JsonReader<unknown>>()
const jsonWriters = new WeakMap<ElementDescription<unknown>, (value: unknown) => Record<string, unknown>>()
const NONE: ReadonlySet<string> = new Set()
const EXTENSIONS: ReadonlySet<string> = new Set(['$extensions'])

/** The JSON member name of a child read without its `$` (the .NET client's plain names). */
const plain = (name: string): string => (name.startsWith('$') ? name.slice(1) : name)

/**
 * The JSON reader of a description, compiled on first use and cached. Members are read in the description's order;
 * a missing required member is an error, a missing member with a default reads as the default (a `null` too), and
 * a `null` nillable member reads as `null`. Members the description does not know, and `null`s of the others, are
 * kept in `jsonMembers`.
 *
 * @example
 * ```ts
 * compileJsonReader(SYNC_STATE)(errs, { endpoint: 'http://e/a', stamp: '2008-10-30T14:55:43Z' }, ctx)
 * ```
 */
export function compileJsonReader<A>(d: ElementDescription<A>, kit?: KitJsonChildren): JsonReader<A> {
  const cached = jsonReaders.get(d as ElementDescription<unknown>)
  if (cached !== undefined) return cached as JsonReader<A>
  const children = jsonChildren(d as ElementDescription<unknown>, kit)
  // Kit content keeps what it does not know in members of its own naming, not in $extensions/$attributes.
  const engine = d.unknown === undefined
  const known = new Set<string>()
  for (const c of children) {
    known.add(c.json)
    if (d.json.plainAliases) known.add(plain(c.json))
  }
  known.add('$extensions')
  if (d.attributes) known.add('$attributes')
  if (d.namespaces !== undefined) known.add('$namespace')
  const leftOut = d.extensions === 'always' ? EXTENSIONS : NONE
  const items = children.map((c) =>
    c.kind === 'leaf' ? undefined : 'read' in c ? c.read : compileJsonReader(itemOf(c), kit),
  )
  const wrapper = d.json.wrapper
  const reader: JsonReader<A> = (errs, u, top) => {
    let raw = readObject(errs, u, top, d.json.what)
    if (raw === undefined) return undefined
    const inner = wrapper === undefined ? undefined : member(raw, wrapper)
    // The bare member object is read too, as clients that unwrap the wrapper send it.
    const c = inner === undefined ? top : at(top, wrapper!, t.unknown, inner)
    if (inner !== undefined) raw = readObject(errs, inner, c, wrapper!)
    if (raw === undefined) return undefined
    const split = d.json.keepUnknown ? splitMembers(errs, raw, c, known, false, leftOut) : { view: raw }
    const o = split.view
    let kept = split.kept
    const before = errs.length
    const value: Record<string, unknown> = {}
    if (d.namespaces !== undefined) {
      const ns = member(o, '$namespace')
      if (ns !== undefined && typeof ns !== 'string')
        fail(errs, ns, at(c, '$namespace', t.string, ns), '$namespace must be a string')
      value.namespace = typeof ns === 'string' ? ns : d.namespace
    }
    children.forEach((child, i) => {
      if (child.kind === 'many' || child.kind === 'list') {
        const item = items[i]!
        const list = optArray(errs, o, child.json, c, (v, vc) => item(errs, v, vc))
        if (list !== undefined || child.kind === 'many') value[child.key] = list ?? []
        return
      }
      if (child.kind === 'one') {
        const v = member(o, child.json)
        const r = v === undefined ? undefined : items[i]!(errs, v, at(c, child.json, t.UnknownRecord, v))
        if (r !== undefined) value[child.key] = r
        else if (v === undefined) absent(errs, o, c, child.json, (child as ItemChild).occurs, child.key, value)
        return
      }
      const from: JsonRecord = child.nillable ? raw : o
      const name =
        d.json.plainAliases && member(from, child.json) === undefined && member(from, plain(child.json)) !== undefined
          ? plain(child.json)
          : child.json
      if (child.nillable && member(raw!, name) === null) {
        // A null nillable member is modelled (`xsi:nil` in XML), so it is not kept as an unknown member.
        value[child.key] = null
        kept = without(kept, name)
        return
      }
      const v = member(o, name)
      if (v === undefined) {
        absent(errs, o, c, name, child.occurs, child.key, value)
        return
      }
      const r = child.type.readJson(v)
      if (isValueProblem(r))
        fail(errs, v, at(c, name, child.type.jsType === 'number' ? t.number : t.string, v), `${name} ${r.problem}`)
      else value[child.key] = r
    })
    const extensions =
      !engine || (member(o, '$extensions') === undefined && d.extensions === 'optional')
        ? undefined
        : readExtensions(errs, o, c)
    if (extensions !== undefined) value.extensions = extensions
    if (d.attributes) {
      const attributes = readAttributes(errs, o, c)
      if (attributes !== undefined) value.attributes = attributes
    }
    if (errs.length > before) return undefined
    return withJsonMembers(value as { jsonMembers?: JsonMembers }, kept) as A
  }
  jsonReaders.set(d as ElementDescription<unknown>, reader as JsonReader<unknown>)
  return reader
}

/** The one description a nested or repeated child's JSON items are read and written by (lists of several have none yet). */
function itemOf(c: Exclude<Child, LeafChild | CodecChild>): ElementDescription<unknown> {
  if (c.kind !== 'list') return c.element
  if (c.items.length !== 1)
    throw new Error(`the list ${c.name} holds several kinds of element, which have no JSON form yet`)
  return c.items[0]!
}

function without(kept: JsonMembers | undefined, key: string): JsonMembers | undefined {
  if (kept === undefined) return undefined
  const { [key]: _dropped, ...others } = kept
  return Object.keys(others).length > 0 ? others : undefined
}

/**
 * The JSON writer of a description, compiled on first use and cached: members in the description's order, then
 * `$extensions` (when the value has some; when `optional`, as the value holds them) and `$attributes`, then the kept
 * `jsonMembers` the value does not set (a kept `null` back in place of a member read as its default: a leaf's, or a
 * repeated child's `[]`).
 *
 * @example
 * ```ts
 * compileJsonWriter(SYNC_STATE)({ endpoint: 'http://e/a', tick: 5, stamp }) // { endpoint, tick: 5, stamp }
 * ```
 */
export function compileJsonWriter<A, O = Record<string, unknown>>(
  d: ElementDescription<A>,
  kit?: KitJsonChildren,
): (value: A) => O {
  const cached = jsonWriters.get(d as ElementDescription<unknown>)
  if (cached !== undefined) return cached as unknown as (value: A) => O
  const children = jsonChildren(d as ElementDescription<unknown>, kit)
  const engine = d.unknown === undefined
  const items = children.map((c) =>
    c.kind === 'leaf' ? undefined : 'write' in c ? c.write : compileJsonWriter(itemOf(c), kit),
  )
  // What a `null` member reads as, written: a defaulted leaf's default, a repeated child's `[]`.
  const nullReads = new Map<string, string>()
  for (const c of children) {
    if (c.kind === 'many') nullReads.set(c.json, '[]')
    else if (c.kind === 'leaf' && typeof c.occurs === 'object')
      nullReads.set(c.json, JSON.stringify(c.type.writeJson(c.occurs.default)))
  }
  const writer = (value: A): Record<string, unknown> => {
    const v = value as Record<string, unknown>
    const out: Record<string, unknown> = {}
    children.forEach((child, i) => {
      const x = v[child.key]
      if (x === undefined) return
      if (child.kind === 'leaf') out[child.json] = x === null ? null : child.type.writeJson(x)
      else if (child.kind === 'one') out[child.json] = items[i]!(x)
      else out[child.json] = (x as unknown[]).map(items[i]!)
    })
    if (!engine) return out
    if (d.namespaces !== undefined && v.namespace !== d.namespace) out.$namespace = v.namespace
    const extensions = d.extensions === 'always' ? nonEmpty(keptExtensions(v)) : keptExtensions(v)
    if (extensions !== undefined) out.$extensions = extensions
    if (d.attributes) {
      const attributes = keptAttributes(v)
      if (attributes !== undefined) out.$attributes = attributes
    }
    const members = withMembers(out, v.jsonMembers as JsonMembers | undefined, nullReads)
    return d.json.wrapper === undefined ? members : { [d.json.wrapper]: members }
  }
  jsonWriters.set(d as ElementDescription<unknown>, writer as (value: unknown) => Record<string, unknown>)
  return writer as unknown as (value: A) => O
}
