// syncwire/testing: vitest (or Jest-compatible) matchers for captured FILESYNC and SData XML. Needs no fast-check:
// the arbitraries are in syncwire/testing/arbitraries; vitest is an optional peer, used for its types only.

/**
 * vitest (or Jest-compatible) matchers for captured FILESYNC and SData XML; the arbitraries are in
 * `syncwire/testing/arbitraries`.
 *
 * @packageDocumentation
 * @module syncwire/testing
 */
export {
  diffValues,
  type ExpectLike,
  installMatchers,
  type MatcherOutcome,
  matchers,
  type SyncFeedValidityOptions,
  type SyncwireMatchers,
  type Unbranded,
  type ValidityOptions,
} from './matchers'
