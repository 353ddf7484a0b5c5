// A lossless JSON form of a namespace-resolved XML element, for the parts of a value a JSON mapping cannot carry.
// Used for payload resources and unmodelled extensions (docs/decisions.md#s3: payloads are lossless).
import * as t from 'io-ts'
import type { XmlAttribute, XmlElement, XmlNode } from '../../xml/types'
import { at, type Ctx, type Errs, fail, type JsonRecord, member, optArray, optString, readObject, run } from './read'

/**
 * The JSON form of an XML attribute. `namespace` and `prefix` are left out when `null`.
 *
 * @example
 * ```ts
 * const uuid: AttributeJsonObject = { name: 'uuid', namespace: 'http://schemas.sage.com/sdata/2008/1', prefix: 'sdata', value: '74926A0D-…' }
 * ```
 */
export interface AttributeJsonObject {
  /** The local name. */
  name: string
  /** The namespace URI; absent for no namespace. */
  namespace?: string
  /** The prefix as read; absent for none. */
  prefix?: string
  /** The (normalised) value. */
  value: string
}

/**
 * The JSON form of an XML element: the element tree of `syncwire/xml` with short keys, text children as
 * plain strings, and empty or `null` members left out. It keeps everything the tree keeps (namespaces,
 * prefixes, attribute and child order, mixed content, namespace declarations), so the mapping is lossless.
 *
 * @example
 * ```ts
 * const account: ElementJsonObject = {
 *   name: 'account', namespace: 'http://schemas.sage.com/myContract',
 *   children: [{ name: 'name', namespace: 'http://schemas.sage.com/myContract', children: ['Natural Goods Ltd.'] }],
 * }
 * ```
 */
export interface ElementJsonObject {
  /** The local name. */
  name: string
  /** The namespace URI; absent for no namespace. */
  namespace?: string
  /** The prefix as read; absent for none. */
  prefix?: string
  /** Attributes in document order, namespace declarations included; absent when there are none. */
  attributes?: AttributeJsonObject[]
  /** Text (as strings) and elements in document order; absent when there are none. */
  children?: Array<string | ElementJsonObject>
}

/**
 * Deeper trees are refused on decode; the XML layer limits depth too, so real documents never get near.
 *
 * @example
 * ```ts
 * if (depth > MAX_ELEMENT_DEPTH) return fail(errs, value, context, 'too deep')
 * ```
 */
export const MAX_ELEMENT_DEPTH = 1000

/**
 * Writes an attribute in its JSON form.
 *
 * @example
 * ```ts
 * attributeToJson({ namespace: null, localName: 'kind', prefix: null, value: 'x' }) // { name: 'kind', value: 'x' }
 * ```
 */
export function attributeToJson(attribute: XmlAttribute): AttributeJsonObject {
  const out = namedJson(attribute) as AttributeJsonObject
  out.value = attribute.value
  return out
}

/** The name, namespace and prefix members an element's and an attribute's JSON forms share. */
function namedJson(node: XmlAttribute | XmlElement): { name: string; namespace?: string; prefix?: string } {
  const out: { name: string; namespace?: string; prefix?: string } = { name: node.localName }
  if (node.namespace !== null && node.namespace !== undefined) out.namespace = node.namespace
  if (node.prefix !== null && node.prefix !== undefined) out.prefix = node.prefix
  return out
}

/**
 * Writes an element in its JSON form, every level of it (iterative: no recursion, so any depth is fine, as
 * `serializeXml` writes any depth). Never throws. A tree deeper than {@link MAX_ELEMENT_DEPTH} is written whole and
 * refused, with its path, when read back, as `parseXml` refuses one deeper than its `maxDepth`.
 *
 * @example
 * ```ts
 * elementToJson({ type: 'element', namespace: null, localName: 'x', prefix: null, attributes: [], children: [{ type: 'text', value: '1' }] })
 * // { name: 'x', children: ['1'] }
 * ```
 */
export function elementToJson(element: XmlElement): ElementJsonObject {
  const root: ElementJsonObject = namedJson(element)
  const stack: [XmlElement, ElementJsonObject][] = [[element, root]]
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [el, out] = top
    if (el.attributes.length > 0) out.attributes = el.attributes.map(attributeToJson)
    if (el.children.length > 0) {
      out.children = el.children.map((child: XmlNode) => {
        if (child.type === 'text') return child.value
        const json: ElementJsonObject = namedJson(child)
        stack.push([child, json])
        return json
      })
    }
  }
  return root
}

/**
 * Reads the JSON form of an attribute; failures go to `errs` with their JSON path.
 *
 * @example
 * ```ts
 * const attribute = readAttribute(errs, { name: 'lang', namespace: 'http://www.w3.org/XML/1998/namespace', prefix: 'xml', value: 'en' }, ctx)
 * ```
 */
export function readAttribute(errs: Errs, value: unknown, context: Ctx): XmlAttribute | undefined {
  const o = readObject(errs, value, context, 'an attribute')
  if (o === undefined) return undefined
  const { localName, namespace, prefix } = readNamed(errs, o, context)
  const text = requiredString(errs, o, 'value', context)
  if (localName === undefined || text === undefined) return undefined
  return { namespace, localName, prefix, value: text }
}

/** Reads the name, namespace and prefix members an element's and an attribute's JSON forms share. */
function readNamed(
  errs: Errs,
  o: JsonRecord,
  context: Ctx,
): { localName: string | undefined; namespace: string | null; prefix: string | null } {
  const localName = requiredString(errs, o, 'name', context)
  const namespace = optString(errs, o, 'namespace', context) ?? null
  const prefix = optString(errs, o, 'prefix', context) ?? null
  return { localName, namespace, prefix }
}

function requiredString(errs: Errs, o: JsonRecord, key: string, context: Ctx): string | undefined {
  const value = member(o, key)
  if (typeof value !== 'string') {
    return fail(errs, value, at(context, key, t.string, value), `${key} must be a string`)
  }
  return value
}

/**
 * Reads the JSON form of an element; failures go to `errs` with their JSON path.
 *
 * @example
 * ```ts
 * const element = readElement(errs, { name: 'account', children: ['x'] }, context)
 * ```
 */
export function readElement(errs: Errs, value: unknown, context: Ctx, depth = 0): XmlElement | undefined {
  if (depth > MAX_ELEMENT_DEPTH) return fail(errs, value, context, `element tree deeper than ${MAX_ELEMENT_DEPTH}`)
  const o = readObject(errs, value, context, 'an element')
  if (o === undefined) return undefined
  const { localName, namespace, prefix } = readNamed(errs, o, context)
  const attributes = optArray(errs, o, 'attributes', context, (a, here) => readAttribute(errs, a, here)) ?? []
  const children: XmlNode[] =
    optArray(errs, o, 'children', context, (c, here): XmlNode | undefined =>
      typeof c === 'string' ? { type: 'text', value: c } : readElement(errs, c, here, depth + 1),
    ) ?? []
  if (localName === undefined) return undefined
  return { type: 'element', namespace, localName, prefix, attributes, children }
}

/**
 * The element tree ↔ its lossless JSON form ({@link ElementJsonObject}). Decoding is total and reports
 * JSON paths (`/children/2/name`).
 *
 * @example
 * ```ts
 * const json = XmlElementJson.encode(element)
 * XmlElementJson.decode(JSON.parse(JSON.stringify(json))) // right(element)
 * ```
 */
export const XmlElementJson: t.Type<XmlElement, ElementJsonObject, unknown> = /*#__PURE__*/ new t.Type<
  XmlElement,
  ElementJsonObject,
  unknown
>(
  'XmlElementJson',
  (u): u is XmlElement =>
    u !== null && typeof u === 'object' && (u as { type?: unknown }).type === 'element' && 'localName' in u,
  (u, c) => run(u, c, (errs, ctx) => readElement(errs, u, ctx)),
  (element) => elementToJson(element),
)
