// Small read helpers over the element tree that codecs and error paths share.
// Implements nothing of a spec beyond the tree shape of syncwire/xml's public types.

import type { XmlElement, XmlNode } from './types'

/**
 * Whether a child node is an element (rather than text).
 *
 * @example
 * ```ts
 * const elements = root.children.filter(isElement)
 * ```
 */
export function isElement(node: XmlNode): node is XmlElement {
  return node.type === 'element'
}

/**
 * The text of an element's direct text children, concatenated (child elements are skipped, not descended into).
 *
 * @example
 * ```ts
 * elementText({ type: 'element', namespace: null, localName: 'tick', prefix: null, attributes: [], children: [{ type: 'text', value: '5' }] }) // '5'
 * ```
 */
export function elementText(element: XmlElement): string {
  const children = element.children
  if (children.length === 1) {
    const only = children[0]!
    return only.type === 'text' ? only.value : ''
  }
  let text = ''
  for (const child of children) if (child.type === 'text') text += child.value
  return text
}

/**
 * The name as read, `prefix:localName` or just `localName`, as XML paths in error reports show it.
 *
 * @example
 * ```ts
 * qualifiedName({ type: 'element', namespace: 'urn:s', localName: 'tick', prefix: 'sync', attributes: [], children: [] }) // 'sync:tick'
 * ```
 */
export function qualifiedName(node: { prefix: string | null; localName: string }): string {
  return node.prefix === null || node.prefix === '' ? node.localName : `${node.prefix}:${node.localName}`
}
