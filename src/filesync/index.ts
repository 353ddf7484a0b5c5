// syncwire/filesync: MS-FILESYNC (Web3S) documents, items, validation and HTTP helpers.
// Implements MS-FILESYNC §2.2 and §3 as refined by the protocol notes' decisions (§6).

export { guidEquals } from '../codec/guid'
export { compareHex } from '../codec/hex'
export { reportErrors } from '../codec/report'
export { compareDateTime, dateTimeToEpochMs } from '../common/datetime'
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
export { type FileSyncIssue, validateFileSync } from './validate'
