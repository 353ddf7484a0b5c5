// Ordering and instants for SData stamps, free of io-ts so the conflict logic can bundle without it.
// Implements sdata-sync §4.2/§4.3 (`stamp` is an xs:dateTime) and docs/decisions.md#s5 (full-precision order, unzoned = UTC).
import { compareDateTime, dateTimeProblem, dateTimeToEpochMs } from './datetime'

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
 * A stamp without a time zone is read at `assumeOffsetMinutes` (default 0, i.e. UTC, per docs/decisions.md#s5).
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

/**
 * Whether a string is a valid stamp: a lexical xs:dateTime (any number of fraction digits, zone optional) whose
 * date exists in the calendar.
 *
 * @example
 * ```ts
 * isStamp('2026-03-01T10:00:00Z') // true
 * isStamp('2026-02-30T10:00:00Z') // false: there is no 30 February
 * ```
 */
export function isStamp(text: string): text is Stamp {
  return typeof text === 'string' && dateTimeProblem(text) === undefined
}

/**
 * Makes a {@link Stamp}: from a `Date`, its instant in UTC with milliseconds (`toISOString`); from a string, the
 * string itself once checked. Throws a `RangeError` for an invalid `Date`, a year past 9999, or a string that is
 * not a valid xs:dateTime (the message says why); use {@link isStamp} to check first without a throw.
 *
 * @example
 * ```ts
 * stamp(new Date(Date.UTC(2026, 2, 1, 10))) // '2026-03-01T10:00:00.000Z'
 * stamp('2026-03-01T10:00:00Z') // '2026-03-01T10:00:00Z'
 * stamp('2026-02-30T10:00:00Z') // throws RangeError: not a stamp: day 30 does not exist in 2026-02
 * ```
 */
export function stamp(value: Date | string): Stamp {
  if (typeof value === 'string') {
    const problem = dateTimeProblem(value)
    if (problem !== undefined) throw new RangeError(`not a stamp: ${problem}`)
    return value as Stamp
  }
  const ms = value instanceof Date ? value.getTime() : Number.NaN
  if (!Number.isFinite(ms)) throw new RangeError('not a stamp: the Date is invalid')
  const text = new Date(ms).toISOString()
  const problem = dateTimeProblem(text)
  if (problem !== undefined) throw new RangeError(`not a stamp: ${text} (${problem})`)
  return text as Stamp
}
