// The namespace-resolved element tree that every codec in syncwire works on.
// Shapes follow the DOM's view of XML Namespaces 1.0 (xmlns attributes carry XMLNS_NAMESPACE).

/**
 * The namespace URI of `xmlns` and `xmlns:*` declaration attributes, as in the DOM.
 *
 * @example
 * ```ts
 * const declarations = element.attributes.filter((a) => a.namespace === XMLNS_NAMESPACE)
 * ```
 */
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/'

/**
 * The namespace URI bound to the predefined `xml` prefix.
 *
 * @example
 * ```ts
 * const lang = element.attributes.find((a) => a.namespace === XML_NAMESPACE && a.localName === 'lang')
 * ```
 */
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace'

/**
 * A parsed XML document: just its root element (the declaration, BOM, comments and PIs are not kept).
 *
 * @example
 * ```ts
 * const doc: XmlDocument = { root: { type: 'element', namespace: null, localName: 'Items', prefix: null, attributes: [], children: [] } }
 * ```
 */
export interface XmlDocument {
  /** The single root element. */
  root: XmlElement
}

/**
 * An element with its resolved namespace.
 *
 * @example
 * ```ts
 * const tick: XmlElement = {
 *   type: 'element', namespace: 'http://schemas.sage.com/sdata/sync/2008/1', localName: 'tick', prefix: 'sync',
 *   attributes: [], children: [{ type: 'text', value: '5' }],
 * }
 * ```
 */
export interface XmlElement {
  /** Discriminant of {@link XmlNode}. */
  type: 'element'
  /** The resolved namespace URI; `null` when the element is in no namespace. */
  namespace: string | null
  /** The name without its prefix. */
  localName: string
  /** The prefix as read (`null` for none); `serializeXml` keeps it where it can. */
  prefix: string | null
  /** Attributes in document order, namespace declarations included (namespace {@link XMLNS_NAMESPACE}). */
  attributes: XmlAttribute[]
  /** Elements and text in document order; whitespace-only text between child elements is dropped. */
  children: XmlNode[]
}

/**
 * An attribute with its resolved namespace (unprefixed attributes are in no namespace).
 *
 * @example
 * ```ts
 * const uuid: XmlAttribute = { namespace: 'http://schemas.sage.com/sdata/2008/1', localName: 'uuid', prefix: 'sdata', value: '74926A0D-D2C0-4daa-9D36-5B5F4D7B3C1E' }
 * ```
 */
export interface XmlAttribute {
  /** The resolved namespace URI; `null` for unprefixed attributes. */
  namespace: string | null
  /** The name without its prefix. */
  localName: string
  /** The prefix as read, or `null`. */
  prefix: string | null
  /** The normalised value (XML 1.0 §3.3.3: literal tab, CR and LF become spaces; references decoded). */
  value: string
}

/**
 * Character data: text and CDATA sections alike.
 *
 * @example
 * ```ts
 * const text: XmlText = { type: 'text', value: 'a & b' }
 * ```
 */
export interface XmlText {
  /** Discriminant of {@link XmlNode}. */
  type: 'text'
  /** The text with references decoded and line ends normalised. */
  value: string
}

/**
 * A child of an element: an element or a run of text.
 *
 * @example
 * ```ts
 * const texts = element.children.filter((node: XmlNode) => node.type === 'text')
 * ```
 */
export type XmlNode = XmlElement | XmlText
