// syncwire/filesync: MS-FILESYNC (Web3S) documents, items, validation and HTTP helpers.
// Implements MS-FILESYNC §2.2 and §3 as refined by the protocol notes' decisions (§6).
export type * from './model'
export * from './http/index'
