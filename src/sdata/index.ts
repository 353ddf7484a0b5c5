// syncwire/sdata: SData synchronization codecs, types and validation.
export type * from './model'
export type {
  SDataIssue,
  SDataIssueSeverity,
  SyncFeedRole,
  ValidateDigestOptions,
  ValidateSyncFeedOptions,
} from './validate'
export { validateDigest, validateSyncFeed, validateTracking } from './validate'
export { checkPageSequence, nextPage } from './paging'
export * from './json/index'
