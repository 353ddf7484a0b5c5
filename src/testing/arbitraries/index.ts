// syncwire/testing/arbitraries: fast-check arbitraries for every public value and document (MS-FILESYNC §2.2,
// SData sync §4–§5). Its own entry point, so that the matchers of syncwire/testing need no fast-check.
export * from './documents'
export * from './filesync'
export * from './sdata'
