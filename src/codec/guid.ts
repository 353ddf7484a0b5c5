// GUIDs as 32 hex digits (MS-FILESYNC ResourceID) and UUIDs in 8-4-4-4-12 form (SData uuid), case-preserving.
// Implements FILESYNC ResourceIDs (docs/decisions.md#f5) and SData's `sdata:uuid` (core §3.9).
import type * as t from 'io-ts'
import { patternString } from './lexical'

const GUID = /^[0-9A-Fa-f]{32}$/
const UUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/

/**
 * A GUID as 32 hex digits without dashes or braces (`f0ce10dfa5334200b28631f7d2066eab`), case kept as read.
 * Compare with {@link guidEquals}.
 *
 * @example
 * ```ts
 * Guid.decode('F0CE10DFA5334200B28631F7D2066EAB') // right, case kept
 * ```
 */
export const Guid: t.Type<string, string, string> = patternString(
  'a GUID (32 hex digits)',
  GUID,
  'a GUID (32 hex digits)',
  48,
)

/**
 * A UUID in 8-4-4-4-12 form (`74926A0D-D2C0-4daa-9D36-5B5F4D7B3C1E`), case kept as read (mixed case occurs).
 * Compare with {@link uuidEquals}.
 *
 * @example
 * ```ts
 * Uuid.decode('74926A0D-D2C0-4daa-9D36-5B5F4D7B3C1E') // right, case kept
 * ```
 */
export const Uuid: t.Type<string, string, string> = patternString(
  'a UUID (8-4-4-4-12 hex digits)',
  UUID,
  'a UUID (8-4-4-4-12 hex digits)',
  48,
)

/**
 * Whether two GUIDs are the same, ignoring case (ResourceIDs compare case-insensitively, docs/decisions.md#f5).
 *
 * @example
 * ```ts
 * guidEquals('f0ce10dfa5334200b28631f7d2066eab', 'F0CE10DFA5334200B28631F7D2066EAB') // true
 * ```
 */
export function guidEquals(a: string, b: string): boolean {
  return a.length === b.length && a.toLowerCase() === b.toLowerCase()
}

/**
 * Whether two UUIDs are the same, ignoring case.
 *
 * @example
 * ```ts
 * uuidEquals('74926a0d-d2c0-4daa-9d36-5b5f4d7b3c1e', '74926A0D-D2C0-4DAA-9D36-5B5F4D7B3C1E') // true
 * ```
 */
export function uuidEquals(a: string, b: string): boolean {
  return a.length === b.length && a.toLowerCase() === b.toLowerCase()
}
