import type { XmlAttribute, XmlElement, XmlNode } from '../../src/xml/index' // Hand-built element trees for the codec tests (the codec kit is tested without the XML parser).

/** An element in `namespace` (null: none) with children given as nodes or strings (text). */
export function el(
  namespace: string | null,
  qualified: string,
  attributes: XmlAttribute[] = [],
  ...children: Array<XmlNode | string>
): XmlElement {
  const colon = qualified.indexOf(':')
  return {
    type: 'element',
    namespace,
    localName: colon < 0 ? qualified : qualified.slice(colon + 1),
    prefix: colon < 0 ? null : qualified.slice(0, colon),
    attributes,
    children: children.map((c) => (typeof c === 'string' ? { type: 'text', value: c } : c)),
  }
}

/** A Web3S (no namespace) element. */
export function w(name: string, ...children: Array<XmlNode | string>): XmlElement {
  return el(null, name, [], ...children)
}

/** An attribute. */
export function at(namespace: string | null, qualified: string, value: string): XmlAttribute {
  const colon = qualified.indexOf(':')
  return {
    namespace,
    localName: colon < 0 ? qualified : qualified.slice(colon + 1),
    prefix: colon < 0 ? null : qualified.slice(0, colon),
    value,
  }
}
