// Internal helpers over the namespace-resolved tree for the SData codecs: building elements with SData's conventional
// prefixes, the root declarations every encoded document carries, and the generic tree helpers bound to them
// (src/codec/schema/tree.ts; docs/decisions.md#s3: payloads are lossless).
import { attributeIn, type Dialect, dialect, elementIn, leafIn } from '../codec/schema/dialect'
import { keptAttributes as keptAttributesIn, type Scope, selfContained as selfContainedIn } from '../codec/schema/tree'
import type { XmlAttribute, XmlElement, XmlNode } from '../xml/types'
import { XMLNS_NAMESPACE } from '../xml/types'
import { ATOM_NS, CONVENTIONAL_PREFIXES, HTTP_NS, OPENSEARCH_NS, SDATA_NS, SYNC_NS, XSI_NS } from './namespaces'

export {
  addUsedPrefixes,
  hasElementChildren,
  isDeclaration,
  textOf,
  usedDeclarations,
  withUsedDeclarations,
} from '../codec/schema/tree'

/** An element in `ns` with its conventional prefix and the given children. */
export function elem(ns: string, localName: string, children: XmlNode[], attributes: XmlAttribute[] = []): XmlElement {
  return elementIn(SDATA, ns, localName, children, attributes)
}

/** A leaf element holding `value` as its only text (no text node for the empty string, as the parser reads `<x/>`). */
export function leaf(ns: string, localName: string, value: string): XmlElement {
  return leafIn(SDATA, ns, localName, value)
}

/** An unprefixed attribute. */
export function attr(localName: string, value: string): XmlAttribute {
  return { namespace: null, localName, prefix: null, value }
}

/** An attribute in `ns` with its conventional prefix. */
export function nsAttr(ns: string, localName: string, value: string): XmlAttribute {
  return attributeIn(SDATA, ns, localName, value)
}

/** The namespace declarations every encoded SData document carries on its root. */
export function rootDeclarations(): XmlAttribute[] {
  return [
    { namespace: XMLNS_NAMESPACE, localName: 'xmlns', prefix: null, value: ATOM_NS },
    { namespace: XMLNS_NAMESPACE, localName: 'sdata', prefix: 'xmlns', value: SDATA_NS },
    { namespace: XMLNS_NAMESPACE, localName: 'sync', prefix: 'xmlns', value: SYNC_NS },
    { namespace: XMLNS_NAMESPACE, localName: 'http', prefix: 'xmlns', value: HTTP_NS },
    { namespace: XMLNS_NAMESPACE, localName: 'opensearch', prefix: 'xmlns', value: OPENSEARCH_NS },
    { namespace: XMLNS_NAMESPACE, localName: 'xsi', prefix: 'xmlns', value: XSI_NS },
  ]
}

/**
 * SData's dialect of the element descriptions: namespaces written with their conventional prefixes (Atom as the
 * default namespace), and the root declarations every encoded document carries.
 *
 * @example
 * ```ts
 * compileReader(DIGEST, SDATA)
 * ```
 */
export const SDATA: Dialect = /*#__PURE__*/ dialect(CONVENTIONAL_PREFIXES, rootDeclarations())

const ROOT_SCOPE: Scope = SDATA.scope

/** The attributes of an element other than namespace declarations, or `undefined` when there are none. */
export function keptAttributes(el: XmlElement): XmlAttribute[] | undefined {
  return keptAttributesIn(el, ROOT_SCOPE)
}

/**
 * Adds to `el` a declaration for every prefix its subtree uses but does not declare, when the binding differs from
 * what an encoded SData document has in scope (see the generic `selfContained`).
 */
export function selfContained(el: XmlElement, scope: Scope = ROOT_SCOPE): XmlElement {
  return selfContainedIn(el, scope)
}
