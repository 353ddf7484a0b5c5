// syncwire/xml: text or bytes <-> namespace-resolved element tree, hardened against hostile input. No io-ts here.
// Implements XML 1.0 (fifth edition) and Namespaces in XML 1.0; the codec kit over this tree is syncwire/codec.

/**
 * The XML layer: `parseXml`, `serializeXml`, the namespace-resolved element tree and the escapers. No io-ts.
 *
 * @packageDocumentation
 * @module syncwire/xml
 */

export { malformedOffset } from './byte-fault'
export {
  decodeBytes,
  isXmlInput,
  SNIFF_BYTES,
  type SniffedEncoding,
  sniffEncoding,
  type XmlInput,
} from './encoding'
export type { Issue, IssueCode, IssueSeverity, PathStep } from './issue'
export { DEFAULT_LIMITS, type ParseOptions, parseXml, type XmlError } from './parse'
export { elementAtSteps, elementPosition, type TextPoint } from './positions'
export { escapeAttribute, escapeText, type SerializeOptions, serializeXml } from './serialize'
export { serializeXmlStream } from './serialize-stream'
export type { ReadableStreamLike, XmlSource } from './source'
export type { StreamError, StreamIssue } from './stream'
export { elementText, isElement, qualifiedName } from './tree'
// The tree's types and the two reserved namespace URIs: everything types.ts exports is public.
export * from './types'
