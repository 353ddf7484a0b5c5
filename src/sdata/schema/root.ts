// Wrapper and root descriptions (docs/schema.md): a wrapper element holding nothing but described items
// (`sdata:diagnoses`), and a document whose root may be one of several elements, each the wrapper or a single item
// (a standalone diagnoses document). Their XML readers, writers and guards are derived here.
import type { ElementDescription } from '../../codec/schema/describe'
import { isStrayText } from '../../codec/schema/path'
import { attributeForm, compileReader, compileWriter } from '../../codec/schema/xml'
import type { XmlElement } from '../../xml/types'
import type { RootSpec } from '../codec-base'
import { at, type Path, type Problems } from '../read'
import { qname } from '../text-writer'
import { elem, keptAttributes, SDATA } from '../tree'

/**
 * A wrapper element holding nothing but items of one description, each without attributes of its own.
 *
 * @example
 * ```ts
 * const DIAGNOSES: WrapperDescription<Diagnosis> = { namespace: SDATA_NS, name: 'diagnoses', item: DIAGNOSIS }
 * ```
 */
export interface WrapperDescription<I> {
  /** The wrapper's namespace (its items are in theirs). */
  readonly namespace: string
  /** The wrapper's local name. */
  readonly name: string
  /** The description of each item. */
  readonly item: ElementDescription<I>
}

/** The reader and writer derived from a wrapper description. */
export interface CompiledWrapper<I> {
  /**
   * The items, or `undefined` when the wrapper holds anything else (text, another element, an item that is not
   * plain: see {@link isPlainItem})
   * or, unless `ownAttributesKept` (a document root keeps them itself), has attributes of its own.
   */
  readonly read: (el: XmlElement, path: Path, problems: Problems, ownAttributesKept?: boolean) => I[] | undefined
  /** The wrapper around the items. */
  readonly write: (items: readonly I[]) => XmlElement
}

/**
 * Whether an item is read where it stands (in a wrapper, or bare in a feed or an entry): no attributes of its own
 * but namespace declarations, and no text beside its children that its reader would refuse (`isStrayText`). An
 * item of another shape keeps its element whole, as an extension.
 *
 * @example
 * ```ts
 * isPlainItem(diagnosis) // false for <sdata:diagnosis>x<sdata:severity>error</sdata:severity></sdata:diagnosis>
 * ```
 */
export function isPlainItem(el: XmlElement): boolean {
  return attributeForm(el, false) === 'plain' && !el.children.some(isStrayText)
}

/**
 * The reader and writer of a wrapper, in SData's dialect.
 *
 * @example
 * ```ts
 * compileWrapper(DIAGNOSES).read(el, path, problems) // Diagnosis[] | undefined
 * ```
 */
export function compileWrapper<I>(w: WrapperDescription<I>): CompiledWrapper<I> {
  const { item } = w
  const readItem = compileReader(item, SDATA)
  const writeItem = compileWriter(item, SDATA)
  return {
    read(el, path, problems, ownAttributesKept = false) {
      if (!ownAttributesKept && attributeForm(el, false) !== 'plain') return undefined
      const out: I[] = []
      for (const c of el.children) {
        if (c.type !== 'element' || c.namespace !== item.namespace || c.localName !== item.name) return undefined
        if (!isPlainItem(c)) return undefined
        out.push(readItem(c, at(path, c, true), problems) as I)
      }
      return out
    },
    write: (items) => elem(w.namespace, w.name, items.map(writeItem)),
  }
}

/**
 * A document whose root is one of several elements in one namespace: the wrapper (`many`), which must hold nothing
 * but items, or a single item (`one`). The value holds the items in `key`, the root's local name in `tag`, and the
 * root's attributes other than namespace declarations in `attributes`. It is written with the root it was read
 * with when that root can hold its items (a single item for `one`), else with the wrapper.
 *
 * @example
 * ```ts
 * const DIAGNOSES_DOCUMENT: RootDescription<DiagnosesDocument> = { wrapper: DIAGNOSES, single: true, key: 'diagnoses', tag: 'root' }
 * ```
 */
export interface RootDescription<A> {
  /** The wrapper root. */
  readonly wrapper: WrapperDescription<any>
  /** Whether a bare item is accepted as the root too. */
  readonly single: boolean
  /** The value member holding the items. */
  readonly key: keyof A & string
  /** The value member naming the root read. */
  readonly tag: keyof A & string
  /** The value type, for type inference only. */
  readonly _A?: A
}

/**
 * Whether a value of a root description is written as a bare item (the root it was read with, holding one item)
 * rather than the wrapper; its JSON form follows the same rule.
 *
 * @example
 * ```ts
 * writtenBare(DIAGNOSES_DOCUMENT, { root: 'diagnosis', diagnoses: [d] }) // true
 * ```
 */
export function writtenBare<A>(d: RootDescription<A>, value: A): boolean {
  const v = value as Record<string, unknown>
  return d.single && v[d.tag] === d.wrapper.item.name && (v[d.key] as unknown[]).length === 1
}

/**
 * The guard derived from a root description: an object whose items member is an array (the XML and JSON codecs'
 * `is`).
 *
 * @example
 * ```ts
 * rootGuard(DIAGNOSES_DOCUMENT)({ root: 'diagnoses', diagnoses: [] }) // true
 * ```
 */
export function rootGuard<A>(d: RootDescription<A>): (u: unknown) => u is A {
  return (u: unknown): u is A =>
    typeof u === 'object' && u !== null && Array.isArray((u as Record<string, unknown>)[d.key])
}

/**
 * The root spec derived from a root description: its guard (the items an array), the names it accepts, its reader
 * and its writer (with no declarations of its own).
 *
 * @example
 * ```ts
 * elementCodec('DiagnosesElement', compileRoot(DIAGNOSES_DOCUMENT))
 * ```
 */
export function compileRoot<A>(d: RootDescription<A>): RootSpec<A> {
  const { wrapper, key, tag } = d
  const { item } = wrapper
  const list = compileWrapper(wrapper)
  const readItem = compileReader(item, SDATA)
  const writeItem = compileWriter(item, SDATA)
  const refused = `expected ${qname(wrapper.namespace, wrapper.name)} to hold only ${qname(item.namespace!, item.name)} elements`
  return {
    is: rootGuard(d),
    namespaces: [wrapper.namespace],
    localNames: d.single ? [wrapper.name, item.name] : [wrapper.name],
    read(el, path, problems) {
      const attributes = keptAttributes(el)
      let items: unknown[] | undefined
      if (d.single && el.localName === item.name) {
        const one = readItem(el, path, problems)
        if (one === undefined) return undefined
        items = [one]
      } else {
        items = list.read(el, path, problems, true)
        if (items === undefined) {
          problems.add(path, el, refused)
          return undefined
        }
      }
      const value: Record<string, unknown> = { [tag]: el.localName, [key]: items }
      if (attributes !== undefined) value.attributes = attributes
      return value as A
    },
    write(a) {
      const v = a as Record<string, unknown>
      const items = v[key] as unknown[]
      const el = writtenBare(d, a) ? writeItem(items[0]) : list.write(items)
      const kept = v.attributes as XmlElement['attributes'] | undefined
      return kept === undefined ? el : { ...el, attributes: [...el.attributes, ...kept] }
    },
  }
}
