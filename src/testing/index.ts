// syncwire/testing: fast-check arbitraries for every public value and document, and vitest matchers.
// fast-check and vitest are optional peers, imported only by what uses them.

/**
 * fast-check arbitraries for every public value and document, and vitest matchers.
 *
 * @packageDocumentation
 * @module syncwire/testing
 */
export * from './arbitraries/filesync'
export * from './arbitraries/sdata'
export * from './documents'
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
