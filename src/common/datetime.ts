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

// The reader allocates nothing on the way to a verdict: it scans the text once by hand and leaves the fields it read
// in the variables below (valid until the next scan), so that a check, an order or an instant costs no garbage.
let year = 0
let month = 0
let day = 0
let hour = 0
let minute = 0
let second = 0
/** The fraction digits are `text[20, fractionEnd)`; `fractionEnd` is 19 when there is no fraction. */
let fractionEnd = 19
/** Where the zone starts (the text's length when there is none). */
let zoneAt = 0
let offsetMinutes: number | null = null

// What is wrong with a text, in the order it is checked; each has its message in `problemText`.
const OK = 0
const TOO_LONG = 1
const FORM = 2
const YEAR = 3
const MONTH = 4
const DAY = 5
const END_OF_DAY = 6
const HOUR = 7
const MINUTE = 8
const SECOND = 9
const ZONE = 10

/** The value of the two ASCII digits at `k`, or -1 when they are not two digits. */
function two(s: string, k: number): number {
  const a = s.charCodeAt(k) - 48
  const b = s.charCodeAt(k + 1) - 48
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1
}

function isDigitAt(s: string, k: number): boolean {
  const c = s.charCodeAt(k)
  return c >= 48 && c <= 57
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : MONTH_DAYS[m - 1]!
}

/**
 * Reads `text` as `YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]` into the variables above: `OK`, or the first thing
 * wrong with it (the form is checked whole before any field's range).
 */
function scan(text: string): number {
  const len = text.length
  if (len > 64) return TOO_LONG
  const century = two(text, 0)
  const inCentury = two(text, 2)
  month = two(text, 5)
  day = two(text, 8)
  hour = two(text, 11)
  minute = two(text, 14)
  second = two(text, 17)
  if (
    (century | inCentury | month | day | hour | minute | second) < 0 ||
    text.charCodeAt(4) !== 45 /* - */ ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 /* T */ ||
    text.charCodeAt(13) !== 58 /* : */ ||
    text.charCodeAt(16) !== 58
  ) {
    return FORM
  }
  year = century * 100 + inCentury
  let k = 19
  if (text.charCodeAt(19) === 46 /* . */) {
    k = 20
    while (isDigitAt(text, k)) k++
    if (k === 20) return FORM
  }
  fractionEnd = k
  zoneAt = k
  let zoneHours = 0
  let zoneMinutes = 0
  const sign = text.charCodeAt(k)
  if (k === len) offsetMinutes = null
  else if (sign === 90 /* Z */ && k + 1 === len) offsetMinutes = 0
  else if ((sign === 43 || sign === 45) /* + - */ && k + 6 === len && text.charCodeAt(k + 3) === 58) {
    zoneHours = two(text, k + 1)
    zoneMinutes = two(text, k + 4)
    if ((zoneHours | zoneMinutes) < 0) return FORM
    offsetMinutes = (sign === 45 ? -1 : 1) * (zoneHours * 60 + zoneMinutes)
  } else return FORM
  if (year < 1) return YEAR
  if (month < 1 || month > 12) return MONTH
  if (day < 1 || day > daysInMonth(year, month)) return DAY
  if (hour === 24) {
    if (minute !== 0 || second !== 0) return END_OF_DAY
    for (let f = 20; f < fractionEnd; f++) if (text.charCodeAt(f) !== 48) return END_OF_DAY
  } else if (hour > 23) return HOUR
  if (minute > 59) return MINUTE
  if (second > 59) return SECOND
  if (zoneMinutes > 59 || zoneHours * 60 + zoneMinutes > 14 * 60) return ZONE
  return OK
}

/** The message for what `scan` found wrong with `text`. */
function problemText(code: number, text: string): string {
  switch (code) {
    case TOO_LONG:
      return 'too long for an xs:dateTime'
    case FORM:
      return 'not of the form YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]'
    case YEAR:
      return 'year 0000 is not allowed'
    case MONTH:
      return `month ${text.slice(5, 7)} is out of range`
    case DAY:
      return `day ${text.slice(8, 10)} does not exist in ${text.slice(0, 7)}`
    case END_OF_DAY:
      return '24 is allowed only as 24:00:00'
    case HOUR:
      return `hour ${text.slice(11, 13)} is out of range`
    case MINUTE:
      return `minute ${text.slice(14, 16)} is out of range`
    case SECOND:
      return `second ${text.slice(17, 19)} is out of range`
    default:
      return `zone ${text.slice(zoneAt)} is out of range`
  }
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
  const code = scan(text)
  return code === OK ? undefined : problemText(code, text)
}

/**
 * How many fraction digits the xs:dateTime `text` has, or -1 when it is not one; allocates nothing.
 *
 * @example
 * ```ts
 * dateTimeFractionDigits('2025-11-07T22:06:33.0000000Z') // 7
 * dateTimeFractionDigits('2025-02-30T10:00:00Z') // -1
 * ```
 */
export function dateTimeFractionDigits(text: string): number {
  if (scan(text) !== OK) return -1
  return fractionEnd > 19 ? fractionEnd - 20 : 0
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
  if (scan(text) !== OK) return undefined
  const fraction = fractionEnd > 19 ? text.slice(20, fractionEnd) : ''
  return { year, month, day, hour, minute, second, fraction, offsetMinutes }
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

/** Whole seconds since the epoch (UTC) of the text `scan` accepted last, taken at `assumeOffsetMinutes` if zoneless. */
function scannedSeconds(assumeOffsetMinutes: number): number {
  const offset = offsetMinutes ?? assumeOffsetMinutes
  return daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset * 60
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
  const va = scan(a) === OK
  const secondsA = va ? scannedSeconds(assumeOffsetMinutes) : 0
  const endA = fractionEnd
  const vb = scan(b) === OK
  if (va && vb) {
    const secondsB = scannedSeconds(assumeOffsetMinutes)
    if (secondsA !== secondsB) return secondsA < secondsB ? -1 : 1
    // The fraction digits (from offset 20) compare as decimals: a missing digit is a 0, so trailing zeros do not count.
    const endB = fractionEnd
    for (let k = 20; k < endA || k < endB; k++) {
      const da = k < endA ? a.charCodeAt(k) : 48
      const db = k < endB ? b.charCodeAt(k) : 48
      if (da !== db) return da < db ? -1 : 1
    }
    return 0
  }
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
  if (scan(text) !== OK) return Number.NaN
  let ms = 0
  for (let k = 20; k < 23; k++) ms = ms * 10 + (k < fractionEnd ? text.charCodeAt(k) - 48 : 0)
  return scannedSeconds(assumeOffsetMinutes) * 1000 + ms
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
  if (scan(text) !== OK) return undefined
  let ticks = 1
  for (let k = 20; k < 27; k++) ticks += (k < fractionEnd ? text.charCodeAt(k) - 48 : 0) * 10 ** (26 - k)
  let seconds = scannedSeconds(assumeOffsetMinutes)
  if (ticks >= 10_000_000) {
    ticks -= 10_000_000
    seconds += 1
  }
  const result = format(seconds, pad(ticks, 7))
  return scan(result) === OK ? result : undefined
}
