// syncwire/sdata: SData synchronization codecs, types and validation.

/**
 * SData synchronization: feed, entry, digest, diagnosis and tracking codecs, validation, paging, builders, the JSON mapping.
 *
 * @packageDocumentation
 * @module syncwire/sdata
 */

export { reportErrors } from '../codec/report'
export { DecodeError, type DecodeResult, decodeOrThrow, safeDecode } from '../codec/safe'
export {
  formatJsonPointer,
  formatLocation,
  formatXmlPath,
  type Issue,
  type IssueCode,
  type IssueSeverity,
  type PathStep,
} from '../common/issues'
export { compareStamps, isStamp, stamp, stampToEpochMs } from '../common/stamp'
export type { ReadableStreamLike, XmlSource } from '../xml/source'
export type { StreamError, StreamIssue } from '../xml/stream'
export {
  deletedPayload,
  type PayloadFields,
  payload,
  type SyncEntryInit,
  type SyncFeedInit,
  syncEntry,
  syncFeed,
} from './build'
export * from './codecs'
export * from './documents'
export { type EncodeSyncFeedStreamOptions, encodeSyncFeedStream, type SyncFeedEntries } from './encode-stream'
export * from './json/index'
export type * from './model'
export * from './namespaces'
export { checkPageSequence, nextPage } from './paging'
export { type PayloadCodec, type ResourceAttributes, resourceAttributes } from './payload'
export { SYNC_ENTRY_ROLES, SYNC_FEED_ROLES, type SyncEntryRole, type SyncFeedRole } from './roles'
export {
  rebuildSyncFeed,
  type StreamSyncFeedOptions,
  type SyncEntryEvent,
  type SyncFeedEndEvent,
  type SyncFeedEvent,
  type SyncFeedHeadEvent,
  streamSyncFeed,
} from './stream'
export type {
  SDataIssue,
  SDataIssueSeverity,
  ValidateDigestOptions,
  ValidateSyncEntryOptions,
  ValidateSyncFeedOptions,
} from './validate'
export { validateDigest, validateSyncEntry, validateSyncFeed, validateTracking } from './validate'
