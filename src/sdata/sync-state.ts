// The per-resource sync state `sync:syncState` (sync §4.3), described once: endpoint, tick, stamp, optional user, in
// any order on read. A missing endpoint or stamp is an error; a missing tick reads as 0 (docs/decisions.md#s2).

import { type ElementDescription, type LeafChild, leafChild } from '../codec/schema/describe'
import { compileReader, compileWriter } from '../codec/schema/xml'
import { NonNegativeIntegerValue, StampValue, TextValue } from '../codec/values'
import type { SyncState } from './model'
import { SYNC_NS } from './namespaces'
import { SDATA } from './tree'

/**
 * The (endpoint, tick, stamp) triple a sync state and a digest entry both start with (sync §4.2, §4.3): endpoint and
 * stamp required, a missing tick read as 0 (SIF drops zeros).
 *
 * @example
 * ```ts
 * const children = [...VERSION, leafChild('user', TextValue, 'optional')]
 * ```
 */
export const VERSION: readonly LeafChild[] = [
  leafChild('endpoint', TextValue, 'required'),
  leafChild('tick', NonNegativeIntegerValue, { default: 0 }),
  leafChild('stamp', StampValue, 'required'),
]

/**
 * `sync:syncState`: endpoint and stamp required, tick 0 when missing, user optional; unknown children kept in
 * `extensions`, attributes in `attributes`. The JSON form is the .NET client's `$syncState`.
 *
 * @example
 * ```ts
 * compileReader(SYNC_STATE, SDATA)(el, path, problems) // SyncState | undefined
 * ```
 */
export const SYNC_STATE: ElementDescription<SyncState> = {
  namespace: SYNC_NS,
  name: 'syncState',
  children: [...VERSION, leafChild('user', TextValue, 'optional')],
  leaves: 'strict',
  extensions: 'optional',
  attributes: true,
  json: { what: 'a syncState', plainAliases: false, keepUnknown: true },
  guard: ['endpoint', 'tick'],
}

/**
 * Reads a `sync:syncState` (derived from {@link SYNC_STATE}).
 *
 * @example
 * ```ts
 * readSyncState(el, at(undefined, el), problems) // SyncState | undefined
 * ```
 */
export const readSyncState = compileReader(SYNC_STATE, SDATA)
/**
 * Writes a `sync:syncState` (user only when present), then the kept extensions; kept attributes go back on.
 *
 * @example
 * ```ts
 * writeSyncState({ endpoint: 'http://e/a', tick: 1, stamp }) // <sync:syncState>…
 * ```
 */
export const writeSyncState = compileWriter(SYNC_STATE, SDATA)
