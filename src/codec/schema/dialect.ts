// What a protocol adds to its element descriptions: the prefix it writes each namespace with (paths and messages
// show the same one), and the namespace declarations an encoded root carries. The engine takes it as a parameter,
// so it knows no protocol; SData's is in src/sdata/tree.ts.
import type { XmlAttribute, XmlElement, XmlNode } from '../../xml/types'
import { XMLNS_NAMESPACE } from '../../xml/types'

/**
 * XML Schema instance, the namespace of `xsi:nil`.
 *
 * @example
 * ```ts
 * attribute.namespace === XSI_NAMESPACE && attribute.localName === 'nil'
 * ```
 */
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance'

/**
 * A protocol's way of writing the elements it describes.
 *
 * @example
 * ```ts
 * const plain: Dialect = dialect(new Map(), [])
 * ```
 */
export interface Dialect {
  /** The prefix each namespace is written with (`null`: the default namespace); paths and messages show it too. */
  readonly prefixes: ReadonlyMap<string, string | null>
  /** The namespace declarations an encoded root element carries. */
  readonly declarations: readonly XmlAttribute[]
  /** The bindings those declarations put in scope, keyed by prefix ('' = the default namespace). */
  readonly scope: ReadonlyMap<string, string>
}

/**
 * A dialect from its prefixes and root declarations.
 *
 * @example
 * ```ts
 * const d = dialect(new Map([[NS, 'crm']]), [{ namespace: XMLNS_NAMESPACE, localName: 'crm', prefix: 'xmlns', value: NS }])
 * ```
 */
export function dialect(prefixes: ReadonlyMap<string, string | null>, declarations: readonly XmlAttribute[]): Dialect {
  const scope = new Map<string, string>()
  for (const a of declarations) {
    if (a.namespace === XMLNS_NAMESPACE) scope.set(a.prefix === null ? '' : a.localName, a.value)
  }
  return { prefixes, declarations, scope }
}

/**
 * An element in `ns`, written with the dialect's prefix for it.
 *
 * @example
 * ```ts
 * elementIn(SDATA, SYNC_NS, 'digest', []) // <sync:digest/>
 * ```
 */
export function elementIn(
  d: Dialect,
  ns: string | null,
  localName: string,
  children: XmlNode[],
  attributes: XmlAttribute[] = [],
): XmlElement {
  const prefix = ns === null ? null : (d.prefixes.get(ns) ?? null)
  return { type: 'element', namespace: ns, localName, prefix, attributes, children }
}

/**
 * An attribute in `ns`, written with the dialect's prefix for it.
 *
 * @example
 * ```ts
 * attributeIn(SDATA, XSI_NAMESPACE, 'nil', 'true') // xsi:nil="true"
 * ```
 */
export function attributeIn(d: Dialect, ns: string, localName: string, value: string): XmlAttribute {
  return { namespace: ns, localName, prefix: d.prefixes.get(ns) ?? null, value }
}

/**
 * A leaf element holding `value` as its only text (no text node for the empty string, as the parser reads `<x/>`).
 *
 * @example
 * ```ts
 * leafIn(SDATA, SYNC_NS, 'tick', '5') // <sync:tick>5</sync:tick>
 * ```
 */
export function leafIn(d: Dialect, ns: string | null, localName: string, value: string): XmlElement {
  return elementIn(d, ns, localName, value === '' ? [] : [{ type: 'text', value }])
}
