// syncwire: typed, lossless codecs for MS-FILESYNC and SData sync XML, and the conflict logic on top.
// The root entry re-exports every public entry point except the CLI and the testing kit; each index.ts is deliberate.

/**
 * Typed, lossless codecs for MS-FILESYNC and SData sync XML, and the conflict logic: every public entry point but the CLI and the testing kit.
 *
 * @packageDocumentation
 * @module syncwire
 */
export * from './codec/index'
export * from './conflict/index'
export * from './filesync/index'
export * from './sdata/index'
export * from './session/index'
export * from './xml/index'
