// syncwire/xml: text or bytes <-> namespace-resolved element tree, hardened against hostile input.
// Implements XML 1.0 (fifth edition) and Namespaces in XML 1.0 as DESIGN.md "The API contract" → XML describes.

// The codec kit (element combinators, XSD and protocol primitives, the error reporter) is public here, beside the
// tree it works on, so users can write io-ts codecs for their own elements (an SData contract's payload, a FILESYNC
// extension element) with the same building blocks and error paths as syncwire's own codecs.
export * from '../codec/index'
export {
  decodeBytes,
  isXmlInput,
  malformedOffset,
  SNIFF_BYTES,
  type SniffedEncoding,
  sniffEncoding,
  type XmlInput,
} from './encoding'
export { DEFAULT_LIMITS, type ParseOptions, parseXml, type XmlError } from './parse'
export { escapeAttribute, escapeText, type SerializeOptions, serializeXml } from './serialize'
export { elementText, isElement, qualifiedName } from './tree'
export * from './types'
