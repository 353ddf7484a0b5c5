// The XML reader and writer derived from an element description (docs/schema.md), compiled once per description and
// dialect: a name → slot table, so reading an element looks each child up once and interprets nothing else. The codec
// kit's content (`record()`) compiles here too, with what only it has handed in by kit-xml.ts, which only the kit
// imports.

import { qualifiedName } from '../../xml/tree'
import type { XmlAttribute, XmlElement, XmlNode } from '../../xml/types'
import { isValueProblem } from '../values'
import { childName, type ElementDescription, engineChildren, type LeafChild, type ListChild } from './describe'
import { attributeIn, type Dialect, elementIn, leafIn, XSI_NAMESPACE as XSI_NS } from './dialect'
import type { KitXml } from './kit'
import { at, duplicate, isStrayText, missingAt, type Path, type Problems, readValue, strayText } from './path'
import { hasElementChildren, isDeclaration, keptAttributes, selfContained, textOf } from './tree'

/**
 * Reads an element the description names (its name already checked); `undefined` when it cannot be read, every
 * problem then recorded with its path.
 *
 * @example
 * ```ts
 * const read = compileReader(SYNC_STATE, SDATA)
 * read(el, at(undefined, el), problems) // SyncState | undefined
 * ```
 */
export type XmlReader<A> = (el: XmlElement, path: Path | undefined, problems: Problems) => A | undefined

/**
 * Where a child's occurrences go while the compiled reader passes over an element's children: its index among the
 * values, its bit among those seen, and how it is read (a leaf by its value type, a nested child by its reader, a kit
 * codec child collected for the kit's `finish`).
 *
 * @example
 * ```ts
 * const slot: Slot = { index: 0, bit: 0, leaf: undefined, read: undefined, repeated: false, collect: true }
 * ```
 */
export interface Slot {
  readonly index: number
  readonly bit: number
  readonly leaf: LeafChild | undefined
  readonly read: XmlReader<unknown> | undefined
  /** Whether the child repeats (its values form an array, each read at its position). */
  readonly repeated: boolean
  /** A kit codec child: its elements are collected in the pass and read after it, in field order. */
  readonly collect: boolean
}

/**
 * One step of a compiled writer: appends what it writes of `value` to `out`; `state` is what the writer set up for
 * this value (the namespace it is written in, or what the kit's `begin` returned).
 *
 * @example
 * ```ts
 * const part: WritePart = (value, out) => out.push({ type: 'text', value: String(value.label) })
 * ```
 */
export type WritePart = (value: Record<string, unknown>, out: XmlNode[], state: any) => void

type Cache<F> = WeakMap<Dialect, WeakMap<ElementDescription<unknown>, F>>
const readers: Cache<XmlReader<unknown>> = new WeakMap()
const writers: Cache<(value: unknown) => XmlElement> = new WeakMap()

/** What a dialect has compiled for a description, `undefined` when nothing yet. */
function cached<F>(cache: Cache<F>, dialect: Dialect, d: ElementDescription<unknown>): F | undefined {
  return cache.get(dialect)?.get(d)
}

/** Records what a dialect compiled for a description, and returns it. */
function remember<F>(cache: Cache<F>, dialect: Dialect, d: ElementDescription<unknown>, f: F): F {
  let forDialect = cache.get(dialect)
  if (forDialect === undefined) {
    forDialect = new WeakMap()
    cache.set(dialect, forDialect)
  }
  forDialect.set(d, f)
  return f
}

/** The bindings in scope below an element written with the dialect's declarations and `ns` as the default namespace. */
function defaultScope(dialect: Dialect, ns: string | null): ReadonlyMap<string, string> {
  const scope = new Map(dialect.scope)
  scope.set('', ns ?? '')
  return scope
}

/**
 * Whether an element carries only namespace declarations (`plain`), or beside them just an allowed
 * `xsi:nil="true"` (`nil`), or anything else (`other`).
 *
 * @example
 * ```ts
 * attributeForm(el, false) === 'plain'
 * ```
 */
export function attributeForm(el: XmlElement, allowNil: boolean): 'plain' | 'nil' | 'other' {
  let nil = false
  for (const a of el.attributes) {
    if (isDeclaration(a)) continue
    if (allowNil && a.namespace === XSI_NS && a.localName === 'nil' && a.value === 'true') nil = true
    else return 'other'
  }
  return nil ? 'nil' : 'plain'
}

/**
 * The reader of a description in a dialect, compiled on first use and cached. A description with kit content
 * (`record()`) needs the kit's hooks (`kit`, kit-xml.ts's `KIT_XML`): its codec children are matched by expanded name
 * in any namespace and collected in the same pass over the children, unknown children kept as read with the index of
 * the known sibling each followed, the text joined; the hooks then read the members in field order. Without them such
 * a description is refused (the protocols never pass them). Text beside the children (not white space) that no
 * text child reads is an error at the element (`isStrayText`), wherever unknown content is kept: nothing could
 * keep it (kit content that keeps none drops it with its unknown children).
 *
 * @example
 * ```ts
 * compileReader(DIGEST, SDATA)(el, path, problems) // Digest | undefined
 * ```
 */
export function compileReader<A>(d: ElementDescription<A>, dialect: Dialect, kit?: KitXml): XmlReader<A> {
  const known = cached(readers, dialect, d as ElementDescription<unknown>)
  if (known !== undefined) return known as XmlReader<A>
  const content = d.unknown !== undefined && kit !== undefined ? kit.read(d as ElementDescription<unknown>) : undefined
  const children = content === undefined ? engineChildren(d as ElementDescription<unknown>) : []
  const table = new Map<string, Slot>()
  const ns = d.namespace
  const variants = d.namespaces
  const spaces = new Set<string | null>([ns, ...(variants ?? [])])
  children.forEach((c, index) => {
    const read =
      c.kind === 'leaf'
        ? undefined
        : c.kind === 'list'
          ? listReader(c, dialect, spaces)
          : compileReader(c.element, dialect)
    table.set(childName(c), {
      index,
      bit: 2 ** index,
      leaf: c.kind === 'leaf' ? c : undefined,
      read,
      repeated: c.kind === 'many',
      collect: false,
    })
  })
  const lookup = content?.lookup
  const n = content === undefined ? children.length : content.size
  const strict = d.leaves === 'strict'
  const textual = content?.text === true
  const keeps = content === undefined || content.keeps
  const prefix = ns === null ? null : dialect.prefixes.get(ns)
  const rootScope = dialect.scope
  const reader: XmlReader<A> = (el, path, problems) => {
    const values: unknown[] = new Array(n)
    let seen = 0
    let ok = true
    let extensions: XmlElement[] | undefined
    let after: number[] | undefined
    let last = -1
    let text: string | undefined
    const scope = variants === undefined ? rootScope : defaultScope(dialect, el.namespace ?? ns)
    for (const c of el.children) {
      if (c.type !== 'element') {
        if (textual) text = text === undefined ? c.value : text + c.value
        else if (keeps && isStrayText(c)) {
          // Text no member reads, where unknown children are kept: refused rather than dropped.
          strayText(el, c.value, path, problems)
          ok = false
        }
        continue
      }
      const slot =
        lookup !== undefined
          ? lookup(c.namespace, c.localName)
          : spaces.has(c.namespace)
            ? table.get(c.localName)
            : undefined
      if (slot !== undefined && slot.read !== undefined && !slot.repeated) {
        if ((seen & slot.bit) === 0) {
          seen |= slot.bit
          const v = slot.read(c, at(path, c), problems)
          if (v === undefined) ok = false
          else values[slot.index] = v
          continue
        }
        if (strict) {
          duplicate(c, at(path, c), problems)
          ok = false
          continue
        }
      } else if (slot !== undefined && slot.read !== undefined) {
        const item = slot.read(c, at(path, c, true), problems)
        if (item === undefined) ok = false
        else {
          const list = values[slot.index] as unknown[] | undefined
          if (list === undefined) values[slot.index] = [item]
          else list.push(item)
        }
        continue
      }
      if (slot?.collect) {
        // A kit codec child: the first occurrence (every one, when repeated) kept for `finish`; another is unknown.
        const current = values[slot.index] as XmlElement | XmlElement[] | undefined
        if (current === undefined || slot.repeated) {
          if (current === undefined) values[slot.index] = slot.repeated ? [c] : c
          else (current as XmlElement[]).push(c)
          last = slot.index
          continue
        }
      } else if (slot !== undefined && !strict) {
        if ((seen & slot.bit) === 0 && !hasElementChildren(c)) {
          const form = attributeForm(c, slot.leaf!.nillable)
          const nil = form === 'nil' && c.children.length === 0
          const v = nil ? null : form === 'plain' ? slot.leaf!.type.read(textOf(c)) : undefined
          if (v !== undefined && !isValueProblem(v)) {
            seen |= slot.bit
            values[slot.index] = v
            continue
          }
        }
      } else if (slot !== undefined) {
        const p = at(path, c)
        if (seen & slot.bit) {
          duplicate(c, p, problems)
          ok = false
          continue
        }
        seen |= slot.bit
        const v = readValue(c, p, problems, slot.leaf!.type)
        if (v === undefined) ok = false
        else values[slot.index] = v
        continue
      }
      if (!keeps) continue
      extensions ??= []
      if (content === undefined) extensions.push(selfContained(c, scope))
      else {
        // The kit keeps them as read, with where they stood.
        extensions.push(c)
        after ??= []
        after.push(last)
      }
    }
    if (content !== undefined) {
      const v = content.finish(el, values, extensions, after, text, path, problems) as A
      return ok ? v : undefined
    }
    const value: Record<string, unknown> = {}
    if (variants !== undefined) value.namespace = el.namespace
    for (let i = 0; i < n; i++) {
      const c = children[i]!
      const v = values[i]
      if (c.kind === 'many') value[c.key] = v ?? []
      else if (v !== undefined) value[c.key] = v
      else if (c.kind !== 'leaf') continue
      else if (c.occurs === 'required') {
        if ((seen & (2 ** i)) === 0) {
          const name = c.name ?? c.key
          problems.add(
            missingAt(path, ns, name),
            el,
            `missing required element ${qualifiedName({ prefix: prefix ?? null, localName: name })}`,
          )
        }
        ok = false
      } else if (c.occurs !== 'optional') value[c.key] = c.occurs.default
    }
    if (!ok) return undefined
    if (extensions !== undefined || d.extensions === 'always') value.extensions = extensions ?? []
    if (d.attributes) {
      const attributes = keptAttributes(el, rootScope)
      if (attributes !== undefined) value.attributes = attributes
    }
    return value as A
  }
  return remember(readers, dialect, d as ElementDescription<unknown>, reader as XmlReader<unknown>) as XmlReader<A>
}

/**
 * The writer of a description, compiled on first use and cached: the known children in the description's order
 * (a `null` nillable value as `xsi:nil="true"`), then the kept extensions; kept attributes go back on. For kit content
 * the parts are the kit's (`kit`): its codec children in order, each kept unknown child after the sibling it followed.
 *
 * @example
 * ```ts
 * compileWriter(SYNC_STATE, SDATA)({ endpoint: 'http://e/a', tick: 1, stamp }) // <sync:syncState>…
 * ```
 */
export function compileWriter<A>(d: ElementDescription<A>, dialect: Dialect, kit?: KitXml): (value: A) => XmlElement {
  const known = cached(writers, dialect, d as ElementDescription<unknown>)
  if (known !== undefined) return known as (value: A) => XmlElement
  const content =
    d.unknown !== undefined && kit !== undefined ? kit.write(d as ElementDescription<unknown>, dialect) : undefined
  const children = content === undefined ? engineChildren(d as ElementDescription<unknown>) : []
  const ns = d.namespace
  const engineParts = children.map((c): WritePart => {
    if (c.kind === 'many') {
      const write = compileWriter(c.element, dialect)
      return (value: Record<string, unknown>, out: XmlNode[]) => {
        for (const item of value[c.key] as unknown[]) out.push(write(item))
      }
    }
    if (c.kind === 'one') {
      const write = compileWriter(c.element, dialect)
      return (value: Record<string, unknown>, out: XmlNode[]) => {
        if (value[c.key] !== undefined) out.push(write(value[c.key]))
      }
    }
    if (c.kind === 'list') {
      const write = listWriter(c, dialect, ns)
      return (value: Record<string, unknown>, out: XmlNode[]) => {
        if (value[c.key] !== undefined) out.push(write(value[c.key] as unknown[]))
      }
    }
    const type = c.type
    const name = c.name ?? c.key
    return (value: Record<string, unknown>, out: XmlNode[], inDefault: string | undefined) => {
      const v = value[c.key]
      if (v === undefined) return
      if (inDefault !== undefined) out.push({ ...leafIn(dialect, inDefault, name, type.write(v)), prefix: null })
      else if (v === null) out.push(elementIn(dialect, ns, name, [], [attributeIn(dialect, XSI_NS, 'nil', 'true')]))
      else out.push(leafIn(dialect, ns, name, type.write(v)))
    }
  })
  const parts = content === undefined ? engineParts : content.parts
  const writer = (value: A): XmlElement => {
    const v = value as Record<string, unknown>
    const out: XmlNode[] = []
    const inDefault = d.namespaces === undefined ? undefined : (v.namespace as string)
    const state = content === undefined ? inDefault : content.begin(v, out)
    for (const part of parts) part(v, out, state)
    if (content !== undefined) return content.end(v, out, state)
    const extensions = v.extensions as XmlElement[] | undefined
    if (extensions !== undefined) for (const x of extensions) out.push(x)
    const kept = d.attributes ? ((v.attributes as XmlAttribute[] | undefined) ?? []) : []
    if (inDefault === undefined) return elementIn(dialect, ns, d.name, out, kept)
    // Written in its namespace as the default one, as the spec's examples are; kept attributes after the declarations.
    const attributes = dialect.declarations.map((a) => (a.prefix === null ? { ...a, value: inDefault } : { ...a }))
    for (const a of kept) attributes.push(a)
    return { type: 'element', namespace: inDefault, localName: d.name, prefix: null, attributes, children: out }
  }
  return remember(writers, dialect, d as ElementDescription<unknown>, writer as (value: unknown) => XmlElement) as (
    value: A,
  ) => XmlElement
}

/** The tag a list item carries when its list has several item descriptions (FILESYNC's `kind: 'Folder'`). */
type Tagged = { kind?: string; element?: XmlElement }

/** Reads a list child's wrapper: each element by the item description its name matches, others kept or refused. */
function listReader(c: ListChild, dialect: Dialect, spaces: ReadonlySet<string | null>): XmlReader<unknown[]> {
  // Compiled on first use: an item may be the element the list is in (a folder's items hold folders).
  let byName: Map<string, { d: ElementDescription<unknown>; read: XmlReader<unknown> }> | undefined
  const tagged = c.items.length > 1
  const expected = c.items.map((item) => `<${item.name}>`).join(', ')
  return (wrapper, path, problems) => {
    byName ??= new Map(c.items.map((item) => [item.name, { d: item, read: compileReader(item, dialect) }]))
    const out: unknown[] = []
    let ok = true
    for (const node of wrapper.children) {
      if (node.type !== 'element') continue
      const item = spaces.has(node.namespace) ? byName.get(node.localName) : undefined
      if (item === undefined) {
        if (c.others === 'keep') out.push({ kind: 'Unknown', element: selfContained(node, dialect.scope) })
        else {
          problems.add(at(path, node, true), node, `expected element ${expected}, found <${node.localName}>`)
          ok = false
        }
        continue
      }
      const v = item.read(node, at(path, node, true), problems)
      if (v === undefined) ok = false
      else out.push(tagged ? { kind: item.d.name, ...(v as object) } : v)
    }
    return ok ? out : undefined
  }
}

/** Writes a list child's wrapper: each item by its description (picked by `kind` when there are several). */
function listWriter(c: ListChild, dialect: Dialect, ns: string | null): (items: readonly unknown[]) => XmlElement {
  let byName: Map<string, (value: unknown) => XmlElement> | undefined
  return (items) => {
    byName ??= new Map(c.items.map((item) => [item.name, compileWriter(item, dialect)]))
    const first = byName.get(c.items[0]!.name)!
    const out: XmlNode[] = []
    for (const item of items) {
      const tag = (item as Tagged).kind
      if (tag === 'Unknown' && (item as Tagged).element !== undefined) out.push((item as Tagged).element!)
      else out.push((tag === undefined ? first : (byName.get(tag) ?? first))(item))
    }
    return elementIn(dialect, ns, c.name, out)
  }
}
