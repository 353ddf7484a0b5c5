// syncwire/xml: text <-> namespace-resolved element tree, hardened against hostile input.
// Implements XML 1.0 (fifth edition) and Namespaces in XML 1.0 as DESIGN.md "The API contract" → XML describes.
export { DEFAULT_LIMITS, type ParseOptions, parseXml, type XmlError } from './parse'
export { escapeAttribute, escapeText, type SerializeOptions, serializeXml } from './serialize'
export { elementText, isElement, qualifiedName } from './tree'
export * from './types'
