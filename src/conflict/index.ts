// Public face of syncwire/conflict: SData digest algebra, conflict detection, feed processing, change selection.
// Implements sdata-sync §2.4–§2.6, §5.4–§5.5, §5.8 and docs/decisions.md#s6 to #s13; plain values only, no XML, no io-ts.

/**
 * SData conflict logic on plain values: detection, feed processing, change selection, digest algebra, stamps.
 *
 * @packageDocumentation
 * @module syncwire/conflict
 */
export { compareStamps, isStamp, stamp, stampToEpochMs } from '../common/stamp'
export type { Digest, DigestEntry, Stamp, SyncMode, SyncState } from '../common/sync'
export { nextStamp } from './clock'
export { detectConflict } from './detect'
export { advanceDigest, compareDigests, mergeDigests } from './digest'
export { findDivergence } from './divergence'
export { processFeed } from './feed'
export type { FeedEntry } from './feed-pass'
export {
  type FeedDecisionEvent,
  type FeedEndEvent,
  type FeedGapEvent,
  type FeedRejectedEvent,
  type FeedStreamEvent,
  type ProcessFeedStreamInput,
  processFeedStream,
} from './feed-stream'
export { selectChanges } from './select'
export { TargetStateStore, uuidKey } from './target-states'
// Every type of the conflict model (types.ts holds nothing else) is public.
export type * from './types'
