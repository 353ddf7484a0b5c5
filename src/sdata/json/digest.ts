// The SData JSON form of sync bookkeeping: `$digest` (origin and digest entries) and an entry's `$syncState`.
// Implements SData 2.0 §04-0500 with the sync members the Saleslogix .NET client writes (docs/decisions.md#s14).
import type * as t from 'io-ts'
import type { AttributeJsonObject, ElementJsonObject } from '../../codec/json/element'
import { jsonType } from '../../codec/json/kept'
import { guardOf } from '../../codec/schema/describe'
import { compileJsonReader, compileJsonWriter } from '../../codec/schema/json'
import { DIGEST } from '../digest'
import type { Digest, SyncState } from '../model'
import { SYNC_STATE } from '../sync-state'

/**
 * JSON form of a digest entry, as the .NET client writes it (plain member names inside `$digest`).
 *
 * @example
 * ```ts
 * const e: DigestEntryJsonObject = { endpoint: 'http://www.example.com/sdata/myApp1/myContract/-/accounts', tick: 6, stamp: '2008-10-30T17:23:08Z', conflictPriority: 2 }
 * ```
 */
export interface DigestEntryJsonObject {
  /** Kept members the mapping does not model (see `JsonMembers`). */
  [member: string]: unknown
  /** The endpoint URL. */
  endpoint: string
  /** The next tick not yet incorporated; absent reads as 0, as in XML. */
  tick: number
  /** The lexical xs:dateTime. */
  stamp: string
  /** 1..9 (checked by validation); absent reads as 0, as in XML. */
  conflictPriority: number
  /** Unmodelled child elements, losslessly (present when the value has them). */
  $extensions?: ElementJsonObject[]
  /** Attributes of the element other than namespace declarations, losslessly (present when the value has them). */
  $attributes?: AttributeJsonObject[]
}

/**
 * JSON form of a digest (`$digest`).
 *
 * @example
 * ```ts
 * const d: DigestJsonObject = { origin: 'http://www.example.com/sdata/myApp1/myContract/-/accounts', digestEntry: [] }
 * ```
 */
export interface DigestJsonObject {
  /** Kept members the mapping does not model (see `JsonMembers`). */
  [member: string]: unknown
  /** The endpoint the digest came from. */
  origin?: string
  /** One entry per endpoint. */
  digestEntry: DigestEntryJsonObject[]
  /** Unmodelled child elements, losslessly (present when the value has them). */
  $extensions?: ElementJsonObject[]
  /** Attributes of the element other than namespace declarations, losslessly (present when the value has them). */
  $attributes?: AttributeJsonObject[]
}

/**
 * JSON form of a syncState (`$syncState`).
 *
 * @example
 * ```ts
 * const s: SyncStateJsonObject = { endpoint: 'http://www.example.com/sdata/myApp1/myContract/-/accounts', tick: 5, stamp: '2008-10-30T14:55:43.281Z' }
 * ```
 */
export interface SyncStateJsonObject {
  /** Kept members the mapping does not model (see `JsonMembers`). */
  [member: string]: unknown
  /** Where the resource was last modified. */
  endpoint: string
  /** The tick there; absent reads as 0, as in XML. */
  tick: number
  /** When. */
  stamp: string
  /** Who. */
  user?: string
  /** Unmodelled child elements, losslessly (present when the value has them). */
  $extensions?: ElementJsonObject[]
  /** Attributes of the element other than namespace declarations, losslessly (present when the value has them). */
  $attributes?: AttributeJsonObject[]
}

/** Writes a digest's JSON form (derived from its description). */
export const encodeDigest = compileJsonWriter<Digest, DigestJsonObject>(DIGEST)
/** Writes a syncState's JSON form (derived from its description). */
export const encodeSyncState = compileJsonWriter<SyncState, SyncStateJsonObject>(SYNC_STATE)
/** Reads a digest's JSON form; SIF drops zero ticks and priorities (docs/decisions.md#s2), read as 0 as in XML. */
export const readDigest = compileJsonReader(DIGEST)
/** Reads a syncState's JSON form. */
export const readSyncState = compileJsonReader(SYNC_STATE)

/**
 * A digest ↔ its JSON form `{ origin?, digestEntry: [{ endpoint, tick, stamp, conflictPriority }] }`, as the
 * .NET client writes `$digest`. A missing `tick` or `conflictPriority` reads as 0 (as in XML); a missing
 * `endpoint` or `stamp` is an error. Stamps may also be .NET `/Date(ms)/` values.
 *
 * @example
 * ```ts
 * DigestJson.decode({ digestEntry: [{ endpoint: 'http://x/a', tick: 6, stamp: '2008-10-30T17:23:08Z', conflictPriority: 2 }] })
 * // right({ entries: [{ endpoint: 'http://x/a', tick: 6, stamp: '2008-10-30T17:23:08Z', conflictPriority: 2 }] })
 * ```
 */
export const DigestJson: t.Type<Digest, DigestJsonObject, unknown> = jsonType<Digest, DigestJsonObject>(
  'DigestJson',
  guardOf(DIGEST),
  readDigest,
  encodeDigest,
)

/**
 * A syncState ↔ its JSON form `{ endpoint, tick, stamp, user? }` (the .NET client's `$syncState`).
 *
 * @example
 * ```ts
 * SyncStateJson.encode({ endpoint: 'http://x/a', tick: 5, stamp: '2008-10-30T14:55:43.281Z' as Stamp })
 * // { endpoint: 'http://x/a', tick: 5, stamp: '2008-10-30T14:55:43.281Z' }
 * ```
 */
export const SyncStateJson: t.Type<SyncState, SyncStateJsonObject, unknown> = jsonType<SyncState, SyncStateJsonObject>(
  'SyncStateJson',
  guardOf(SYNC_STATE),
  readSyncState,
  encodeSyncState,
)
