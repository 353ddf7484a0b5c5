// syncwire: typed, lossless codecs for MS-FILESYNC and SData sync XML, and the conflict logic on top.
// The root entry re-exports every public entry point except the CLI and the testing kit; each index.ts is deliberate.
export * from './codec/index'
export * from './conflict/index'
export * from './filesync/index'
export * from './sdata/index'
export * from './xml/index'
