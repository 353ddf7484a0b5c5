// syncwire/filesync: MS-FILESYNC (Web3S) documents, items, validation and HTTP helpers.
// Implements MS-FILESYNC §2.2 and §3 as refined by docs/decisions.md#f1 to #f13.

/**
 * MS-FILESYNC (Web3S): document codecs, items, validation, URL and header helpers, policy, multipart upload, snapshots.
 *
 * @packageDocumentation
 * @module syncwire/filesync
 */

export { guidEquals } from '../codec/guid'
export { compareHex } from '../codec/hex'
export { reportErrors } from '../codec/report'
export { DecodeError, type DecodeResult, decodeOrThrow, safeDecode } from '../codec/safe'
export { compareDateTime, dateTimeToEpochMs } from '../common/datetime'
export {
  formatJsonPointer,
  formatLocation,
  formatXmlPath,
  type Issue,
  type IssueCode,
  type IssueSeverity,
  type PathStep,
} from '../common/issues'
export type { ReadableStreamLike, XmlSource } from '../xml/source'
export type { StreamError, StreamIssue } from '../xml/stream'
export { FileSyncXml, type FileSyncXmlOptions, fileSyncXml } from './document'
export {
  DocumentItemElement,
  DocumentStreamElement,
  FolderItemElement,
  ItemElement,
  ItemsElement,
  ModifierIdentityElement,
  UnknownItemElement,
} from './element'
export { encodeFileSyncStream } from './encode-stream'
export * from './http/index'
export type * from './model'
export * from './session/index'
export * from './snapshot'
export {
  type FileSyncEndEvent,
  type FileSyncEvent,
  type FileSyncItemEvent,
  rebuildFileSync,
  type StreamFileSyncOptions,
  streamFileSync,
} from './stream'
export { type FileSyncIssue, validateFileSync, validateFileSyncItem } from './validate'
