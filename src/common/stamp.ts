// Ordering and instants for SData stamps, free of io-ts so the conflict logic can bundle without it.
// Implements sdata-sync §4.2/§4.3 (`stamp` is an xs:dateTime) and our decision 11.5 (full-precision order, unzoned = UTC).
import { compareDateTime, dateTimeToEpochMs } from './datetime'

/**
 * The lexical xs:dateTime of a stamp, kept exactly as read (see `compareStamps`, `stampToEpochMs`).
 *
 * @example
 * ```ts
 * const stamp = '2008-10-30T14:52:03.281Z' as Stamp
 * ```
 */
export type Stamp = string & { readonly Stamp: unique symbol }

/**
 * Compares two stamps as instants at full precision (every fraction digit counts, not just milliseconds).
 * A stamp without a time zone is read at `assumeOffsetMinutes` (default 0, i.e. UTC, per decision 11.5).
 *
 * @example
 * ```ts
 * compareStamps('2008-10-30T14:52:03.2810001Z' as Stamp, '2008-10-30T14:52:03.281Z' as Stamp) // 1
 * compareStamps('2008-10-30T15:52:03+01:00' as Stamp, '2008-10-30T14:52:03Z' as Stamp) // 0
 * ```
 */
export function compareStamps(a: Stamp, b: Stamp, assumeOffsetMinutes = 0): -1 | 0 | 1 {
  return compareDateTime(a, b, assumeOffsetMinutes)
}

/**
 * The instant of a stamp in milliseconds since the Unix epoch (fraction digits past the millisecond are dropped).
 * A stamp without a time zone is read at `assumeOffsetMinutes` (default 0, i.e. UTC).
 *
 * @example
 * ```ts
 * stampToEpochMs('1970-01-01T00:00:01.5Z' as Stamp) // 1500
 * ```
 */
export function stampToEpochMs(stamp: Stamp, assumeOffsetMinutes = 0): number {
  return dateTimeToEpochMs(stamp, assumeOffsetMinutes)
}
