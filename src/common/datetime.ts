// xs:dateTime (XML Schema 1.0 Part 2 §3.2.7) kept lexically, with an exact ordering and epoch conversion.
// Pure and dependency-free, so the conflict logic can order SData stamps without io-ts or the XML layer.

/**
 * A lexical xs:dateTime with 0–7 fraction digits (100 ns, the finest unit real servers send), with or without
 * a zone, kept exactly as read. Order with `compareDateTime`, convert with `dateTimeToEpochMs`.
 *
 * @example
 * ```ts
 * const modified = '2025-11-07T22:06:33.0000000Z' as DateTime
 * ```
 */
export type DateTime = string & { readonly DateTime: unique symbol }

/**
 * The fields of a lexical xs:dateTime.
 *
 * @example
 * ```ts
 * const parts: DateTimeParts | undefined = parseDateTime('2025-11-07T22:06:33.0000000Z')
 * parts?.fraction // '0000000'
 * ```
 */
export interface DateTimeParts {
  /** 1..9999. */
  year: number
  /** 1..12. */
  month: number
  /** 1..31, valid for the month. */
  day: number
  /** 0..24 (24 only as `24:00:00`, the end of the day). */
  hour: number
  /** 0..59. */
  minute: number
  /** 0..59. */
  second: number
  /** The fraction digits as written, without the dot (may be empty). */
  fraction: string
  /** The zone offset in minutes (`Z` is 0); `null` when the value has no zone. */
  offsetMinutes: number | null
}

// The lexical form, checked without capturing (`test` builds no match array); the fields are then read in place.
const LEXICAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/

/** The value of the ASCII digits of `s` from `from` to `to`. */
function digits(s: string, from: number, to: number): number {
  let v = 0
  for (let k = from; k < to; k++) v = v * 10 + s.charCodeAt(k) - 48
  return v
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : DAYS_IN_MONTH[month - 1]!
}

/** The fraction digits of a lexical xs:dateTime whose zone (or end) is at `zoneAt`, without the dot. */
function fractionOf(text: string, zoneAt: number): string {
  return zoneAt > 19 ? text.slice(20, zoneAt) : ''
}

/**
 * Why `text` is not an xs:dateTime, or `undefined` when it is one.
 * Years are limited to 0001–9999 (four digits, no sign), which covers every protocol value and keeps
 * instants exact in a double.
 *
 * @example
 * ```ts
 * dateTimeProblem('2025-02-30T10:00:00Z') // 'day 30 does not exist in 2025-02'
 * dateTimeProblem('2025-11-07T22:06:33.0000000Z') // undefined
 * ```
 */
export function dateTimeProblem(text: string): string | undefined {
  return parse(text, undefined)
}

/**
 * The fields of a lexical xs:dateTime, or `undefined` when `text` is not one.
 *
 * @example
 * ```ts
 * parseDateTime('2013-06-15T08:00:00')?.offsetMinutes // null
 * ```
 */
export function parseDateTime(text: string): DateTimeParts | undefined {
  const parts: DateTimeParts = {
    year: 0,
    month: 0,
    day: 0,
    hour: 0,
    minute: 0,
    second: 0,
    fraction: '',
    offsetMinutes: null,
  }
  return parse(text, parts) === undefined ? parts : undefined
}

/** Why `text` is not an xs:dateTime, or `undefined` with its fields in `parts` when given (checking makes nothing). */
function parse(text: string, parts: DateTimeParts | undefined): string | undefined {
  if (text.length > 64) return 'too long for an xs:dateTime'
  if (!LEXICAL.test(text)) return 'not of the form YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]'
  const year = digits(text, 0, 4)
  const month = digits(text, 5, 7)
  const day = digits(text, 8, 10)
  const hour = digits(text, 11, 13)
  const minute = digits(text, 14, 16)
  const second = digits(text, 17, 19)
  // The zone, when there is one, is the final `Z` or the six characters `±hh:mm` (no fraction digit is a sign).
  const len = text.length
  const last = text.charCodeAt(len - 1)
  const sign = text.charCodeAt(len - 6)
  const zoneAt = last === 90 /* Z */ ? len - 1 : sign === 43 || sign === 45 ? len - 6 : len
  if (year < 1) return 'year 0000 is not allowed'
  if (month < 1 || month > 12) return `month ${text.slice(5, 7)} is out of range`
  if (day < 1 || day > daysInMonth(year, month)) return `day ${text.slice(8, 10)} does not exist in ${text.slice(0, 7)}`
  if (hour === 24) {
    if (minute !== 0 || second !== 0 || /[1-9]/.test(fractionOf(text, zoneAt))) return '24 is allowed only as 24:00:00'
  } else if (hour > 23) return `hour ${text.slice(11, 13)} is out of range`
  if (minute > 59) return `minute ${text.slice(14, 16)} is out of range`
  if (second > 59) return `second ${text.slice(17, 19)} is out of range`
  let offsetMinutes: number | null = null
  if (zoneAt < len) {
    if (zoneAt === len - 1) offsetMinutes = 0
    else {
      const h = digits(text, zoneAt + 1, zoneAt + 3)
      const mm = digits(text, zoneAt + 4, zoneAt + 6)
      if (mm > 59 || h * 60 + mm > 14 * 60) return `zone ${text.slice(zoneAt)} is out of range`
      offsetMinutes = (sign === 45 ? -1 : 1) * (h * 60 + mm)
    }
  }
  if (parts !== undefined) {
    parts.year = year
    parts.month = month
    parts.day = day
    parts.hour = hour
    parts.minute = minute
    parts.second = second
    parts.fraction = fractionOf(text, zoneAt)
    parts.offsetMinutes = offsetMinutes
  }
  return undefined
}

// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil algorithm).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return [era * 400 + yoe + (month <= 2 ? 1 : 0), month, day]
}

/** Whole seconds since the epoch (UTC) and the fraction digits with trailing zeros removed. */
interface Instant {
  seconds: number
  fraction: string
}

function instantOf(parts: DateTimeParts, assumeOffsetMinutes: number): Instant {
  const offset = parts.offsetMinutes ?? assumeOffsetMinutes
  const seconds =
    daysFromCivil(parts.year, parts.month, parts.day) * 86400 +
    parts.hour * 3600 +
    parts.minute * 60 +
    parts.second -
    offset * 60
  return { seconds, fraction: parts.fraction.replace(/0+$/, '') }
}

function compareInstants(a: Instant, b: Instant): -1 | 0 | 1 {
  if (a.seconds !== b.seconds) return a.seconds < b.seconds ? -1 : 1
  // Fractions without trailing zeros compare as decimal digit strings: pad the shorter one.
  const len = Math.max(a.fraction.length, b.fraction.length)
  const fa = a.fraction.padEnd(len, '0')
  const fb = b.fraction.padEnd(len, '0')
  return fa === fb ? 0 : fa < fb ? -1 : 1
}

/**
 * Orders two xs:dateTime values by the instant they denote, at full precision (every fraction digit
 * counts). A value with no zone is taken at `assumeOffsetMinutes` (default UTC). Two spellings of the
 * same instant (`Z` and `+00:00`, `.5` and `.5000000`) compare equal. Text that is not an xs:dateTime
 * sorts after every valid value, and among itself by code units, so the order is total.
 *
 * @example
 * ```ts
 * compareDateTime('2008-10-30T14:52:03.2810001Z', '2008-10-30T14:52:03.281Z') // 1
 * ```
 */
export function compareDateTime(a: string, b: string, assumeOffsetMinutes = 0): -1 | 0 | 1 {
  const pa = parseDateTime(a)
  const pb = parseDateTime(b)
  const va = pa !== undefined
  const vb = pb !== undefined
  if (va && vb) return compareInstants(instantOf(pa, assumeOffsetMinutes), instantOf(pb, assumeOffsetMinutes))
  if (va !== vb) return va ? -1 : 1
  return a === b ? 0 : a < b ? -1 : 1
}

/**
 * The instant in milliseconds since the epoch (fraction truncated to ms), or `NaN` when `text` is not
 * an xs:dateTime. A value with no zone is taken at `assumeOffsetMinutes` (default UTC).
 *
 * @example
 * ```ts
 * dateTimeToEpochMs('1970-01-01T00:00:01.9999999Z') // 1999
 * ```
 */
export function dateTimeToEpochMs(text: string, assumeOffsetMinutes = 0): number {
  const parts = parseDateTime(text)
  if (parts === undefined) return Number.NaN
  const instant = instantOf(parts, assumeOffsetMinutes)
  return instant.seconds * 1000 + Number(instant.fraction.slice(0, 3).padEnd(3, '0'))
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

function format(seconds: number, fraction: string): string {
  const days = Math.floor(seconds / 86400)
  let rest = seconds - days * 86400
  const [y, mo, d] = civilFromDays(days)
  const h = Math.floor(rest / 3600)
  rest -= h * 3600
  const mi = Math.floor(rest / 60)
  const s = rest - mi * 60
  return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${fraction === '' ? '' : `.${fraction}`}Z`
}

/**
 * The smallest UTC xs:dateTime with seven fraction digits (100 ns, the finest unit real servers send)
 * that is strictly later than `text`, or `undefined` when `text` is not an xs:dateTime or is the last
 * representable instant. Hybrid logical clocks use it to stamp a change after everything seen.
 *
 * @example
 * ```ts
 * successorDateTime('2008-10-30T14:52:03Z') // '2008-10-30T14:52:03.0000001Z'
 * ```
 */
export function successorDateTime(text: string, assumeOffsetMinutes = 0): string | undefined {
  const parts = parseDateTime(text)
  if (parts === undefined) return undefined
  const instant = instantOf(parts, assumeOffsetMinutes)
  let ticks = Number(instant.fraction.slice(0, 7).padEnd(7, '0')) + 1
  let seconds = instant.seconds
  if (ticks >= 10_000_000) {
    ticks -= 10_000_000
    seconds += 1
  }
  const result = format(seconds, pad(ticks, 7))
  return dateTimeProblem(result) === undefined ? result : undefined
}
