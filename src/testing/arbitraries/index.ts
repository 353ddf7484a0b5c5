// syncwire/testing/arbitraries: fast-check arbitraries for every public value and document (MS-FILESYNC §2.2,
// SData sync §4–§5). Its own entry point, so that the matchers of syncwire/testing need no fast-check.

/**
 * fast-check arbitraries for every public value and document (needs fast-check).
 *
 * @packageDocumentation
 * @module syncwire/testing/arbitraries
 */
export * from './documents'
export * from './filesync'
export * from './sdata'
export { arbitraryOf, type KitArbitraryOptions, type MemberArbitraries } from './sdata-schema'
