// The SData JSON form of sync bookkeeping: `$digest` (origin and digest entries) and an entry's `$syncState`.
// Implements SData 2.0 §04-0500 with the sync members the Saleslogix .NET client writes (docs/decisions.md#s14).
import type * as t from 'io-ts'
import type { Digest, DigestEntry, SyncState } from '../model'
import type { AttributeJsonObject, ElementJsonObject } from './element'
import {
  jsonType,
  keptAttributes,
  keptExtensions,
  optExtensions,
  readAttributes,
  stampOf,
  withJsonMembers,
  withKept,
} from './kept'
import { splitMembers, withMembers } from './members'
import { type Ctx, compact, type Errs, optArray, optInteger, optString, readObject, reqString } from './read'

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

export function encodeDigest(digest: Digest): DigestJsonObject {
  const out: DigestJsonObject = compact({
    origin: digest.origin,
    digestEntry: digest.entries.map((e) =>
      withMembers(
        compact({
          endpoint: e.endpoint,
          tick: e.tick,
          stamp: e.stamp,
          conflictPriority: e.conflictPriority,
          $extensions: keptExtensions(e),
          $attributes: keptAttributes(e),
        }),
        e.jsonMembers,
        ZERO_FOR_NULL,
      ),
    ),
    $extensions: keptExtensions(digest),
    $attributes: keptAttributes(digest),
  })
  return withMembers(out, digest.jsonMembers)
}

export function encodeSyncState(state: SyncState): SyncStateJsonObject {
  return withMembers(
    compact({
      endpoint: state.endpoint,
      tick: state.tick,
      stamp: state.stamp,
      user: state.user,
      $extensions: keptExtensions(state),
      $attributes: keptAttributes(state),
    }),
    state.jsonMembers,
    ZERO_FOR_NULL,
  )
}

function readDigestEntry(errs: Errs, u: unknown, c: Ctx): DigestEntry | undefined {
  const raw = readObject(errs, u, c, 'a digestEntry')
  if (raw === undefined) return undefined
  const { view: o, kept } = splitMembers(errs, raw, c, DIGEST_ENTRY_KEYS, false, NONE)
  const endpoint = reqString(errs, o, 'endpoint', c)
  // SIF drops zero ticks and priorities (docs/decisions.md#s2); JSON reads them as XML does.
  const tick = optInteger(errs, o, 'tick', c, 0) ?? 0
  const stamp = stampOf(errs, o, 'stamp', c, true)
  const conflictPriority = optInteger(errs, o, 'conflictPriority', c) ?? 0
  const extensions = optExtensions(errs, o, c)
  const attributes = readAttributes(errs, o, c)
  if (endpoint === undefined || stamp === undefined) return undefined
  const entry: DigestEntry = { endpoint, tick, stamp, conflictPriority }
  return withJsonMembers(withKept(entry, extensions, attributes), kept)
}

const DIGEST_ENTRY_KEYS: ReadonlySet<string> = new Set([
  'endpoint',
  'tick',
  'stamp',
  'conflictPriority',
  '$extensions',
  '$attributes',
])
const DIGEST_KEYS: ReadonlySet<string> = new Set(['origin', 'digestEntry', '$extensions', '$attributes'])
const SYNC_STATE_KEYS: ReadonlySet<string> = new Set([
  'endpoint',
  'tick',
  'stamp',
  'user',
  '$extensions',
  '$attributes',
])
// Members a null `tick` or `conflictPriority` stands for: they read as 0, as a missing one does.
// Digest and syncState members are all written as read (their `$extensions` included, even when empty).
const NONE: ReadonlySet<string> = new Set()
const ZERO_FOR_NULL = ['tick', 'conflictPriority'] as const

export function readDigest(errs: Errs, u: unknown, c: Ctx): Digest | undefined {
  const raw = readObject(errs, u, c, 'a digest')
  if (raw === undefined) return undefined
  const { view: o, kept } = splitMembers(errs, raw, c, DIGEST_KEYS, false, NONE)
  const origin = optString(errs, o, 'origin', c)
  const before = errs.length
  const entries = optArray(errs, o, 'digestEntry', c, (v, vc) => readDigestEntry(errs, v, vc)) ?? []
  const extensions = optExtensions(errs, o, c)
  const attributes = readAttributes(errs, o, c)
  if (errs.length > before) return undefined
  const digest: Digest = origin === undefined ? { entries } : { origin, entries }
  return withJsonMembers(withKept(digest, extensions, attributes), kept)
}

export function readSyncState(errs: Errs, u: unknown, c: Ctx): SyncState | undefined {
  const raw = readObject(errs, u, c, 'a syncState')
  if (raw === undefined) return undefined
  const { view: o, kept } = splitMembers(errs, raw, c, SYNC_STATE_KEYS, false, NONE)
  const endpoint = reqString(errs, o, 'endpoint', c)
  const tick = optInteger(errs, o, 'tick', c, 0) ?? 0
  const stamp = stampOf(errs, o, 'stamp', c, true)
  const user = optString(errs, o, 'user', c)
  const extensions = optExtensions(errs, o, c)
  const attributes = readAttributes(errs, o, c)
  if (endpoint === undefined || stamp === undefined) return undefined
  const state: SyncState = user === undefined ? { endpoint, tick, stamp } : { endpoint, tick, stamp, user }
  return withJsonMembers(withKept(state, extensions, attributes), kept)
}

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
  (u) => Array.isArray(u.entries),
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
  (u) => typeof u.endpoint === 'string' && typeof u.tick === 'number',
  readSyncState,
  encodeSyncState,
)
