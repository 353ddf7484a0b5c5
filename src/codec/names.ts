// Expanded XML names (namespace URI + local name) with the conventional prefix a codec writes.
// Implements docs/decisions.md#p4 (namespaces by URI) and docs/decisions.md#s1 (conventional prefixes on encode).
import { qualifiedName } from '../xml/tree'

/**
 * An expanded name: elements and attributes are matched by `namespace` + `localName`; `prefix` is only what
 * encoding writes (`null` for none, which for an element means the default namespace).
 *
 * @example
 * ```ts
 * const tick: XName = { namespace: 'http://schemas.sage.com/sdata/sync/2008/1', localName: 'tick', prefix: 'sync' }
 * ```
 */
export interface XName {
  /** The namespace URI, or `null` for no namespace. */
  readonly namespace: string | null
  /** The local name. */
  readonly localName: string
  /** The prefix written on encode (`null`: none). */
  readonly prefix: string | null
}

/**
 * One name, or several: the first is written on encode, every one is accepted on decode (lenient reads such as
 * `sdata:isDeleted` or `sync:isDeleted`).
 *
 * @example
 * ```ts
 * const isDeleted: Names = [qname(SDATA, 'isDeleted', 'sdata'), qname(SYNC, 'isDeleted', 'sync')]
 * ```
 */
export type Names = XName | readonly XName[]

/**
 * Builds an {@link XName}.
 *
 * @example
 * ```ts
 * const resourceId = qname(null, 'ResourceID') // a Web3S element: no namespace, no prefix
 * const payload = qname('http://schemas.sage.com/sdata/2008/1', 'payload', 'sdata')
 * ```
 */
export function qname(namespace: string | null, localName: string, prefix: string | null = null): XName {
  return { namespace, localName, prefix }
}

/**
 * A name factory for one namespace and its conventional prefix.
 *
 * @example
 * ```ts
 * const sync = xmlNamespace('http://schemas.sage.com/sdata/sync/2008/1', 'sync')
 * sync('tick') // { namespace: 'http://schemas.sage.com/sdata/sync/2008/1', localName: 'tick', prefix: 'sync' }
 * ```
 */
export function xmlNamespace(uri: string | null, prefix: string | null = null): (localName: string) => XName {
  return (localName) => ({ namespace: uri, localName, prefix })
}

/**
 * The names as an array (first = the one written).
 *
 * @example
 * ```ts
 * nameList(qname(null, 'Path')).length // 1
 * ```
 */
export function nameList(names: Names): readonly XName[] {
  return isXName(names) ? [names] : names
}

function isXName(names: Names): names is XName {
  return !Array.isArray(names)
}

/**
 * A name as written on encode: `prefix:localName`, or `localName` without a prefix.
 *
 * @example
 * ```ts
 * showName(qname('urn:x', 'tick', 'sync')) // 'sync:tick'
 * ```
 */
export const showName: (name: { readonly localName: string; readonly prefix: string | null }) => string = qualifiedName

/**
 * An element's name as messages show it: `<prefix:localName>`, then its namespace in parentheses when it has one.
 *
 * @example
 * ```ts
 * shownElement(qname('urn:x', 'tick', 'sync')) // '<sync:tick> (urn:x)'
 * ```
 */
export function shownElement(el: { prefix: string | null; localName: string; namespace: string | null }): string {
  return `<${qualifiedName(el)}>${el.namespace === null ? '' : ` (${el.namespace})`}`
}

/**
 * A lookup table from expanded names to values, built once per codec so that decoding does one pair of `Map`
 * lookups per node and never keys an object by a name taken from a document.
 *
 * @example
 * ```ts
 * const table = new NameTable<number>()
 * table.set(qname(null, 'Path'), 0)
 * table.get(null, 'Path') // 0
 * ```
 */
export class NameTable<V> {
  private readonly byNamespace = new Map<string | null, Map<string, V>>()

  /** Adds `name` (keeps an existing entry, so the first registration wins). */
  set(name: XName, value: V): void {
    let local = this.byNamespace.get(name.namespace)
    if (local === undefined) {
      local = new Map()
      this.byNamespace.set(name.namespace, local)
    }
    if (!local.has(name.localName)) local.set(name.localName, value)
  }

  /** The value for an expanded name, or `undefined`. */
  get(namespace: string | null, localName: string): V | undefined {
    return this.byNamespace.get(namespace)?.get(localName)
  }
}
