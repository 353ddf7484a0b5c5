// syncwire/session: the SData synchronization exchange as sans-I/O state machines (engine, source and target roles).
// Implements sync §5.1–§5.8 over syncwire/sdata (the XML) and syncwire/conflict (the decisions); the caller does HTTP.

/**
 * The SData synchronization exchange as sans-I/O state machines: the engine, and the source and target roles.
 *
 * @packageDocumentation
 * @module syncwire/session
 */
export { createSyncEndpoint, type SyncAnswer, type SyncEndpoint, type SyncEndpointOptions } from './endpoint'
export { createSyncEngine } from './engine'
export { immediateFeed, type SourceFeedOptions, sourcePages } from './source'
export { type ProcessPageInput, type ProcessPageOutcome, processPage } from './target'
export type * from './types'
