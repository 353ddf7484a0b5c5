// Stamp ordering for the conflict logic: a fast path for the common UTC form, the exact order otherwise.
// Implements sdata-sync §11.5 (instants at full precision, unzoned read at an offset) at feed-processing speed.
import { compareStamps } from '../common/stamp'
import type { Stamp } from '../sdata/model'

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function digits(s: string, from: number, count: number): number {
  let n = 0
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48
    if (c < 0 || c > 9) return -1
    n = n * 10 + c
  }
  return n
}

// `YYYY-MM-DDThh:mm:ss[.f+]Z` with valid fields and hour < 24: for two such strings of equal length the
// code-unit order is the instant order, which saves the full parse (≈0.5 µs) on every digest advance.
function isPlainUtc(s: string): boolean {
  const n = s.length
  if (n < 20 || n > 64 || s.charCodeAt(n - 1) !== 90) return false
  if (s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':') return false
  const year = digits(s, 0, 4)
  const month = digits(s, 5, 2)
  const day = digits(s, 8, 2)
  if (year < 1 || month < 1 || month > 12 || day < 1) return false
  const leap = month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)
  if (day > DAYS[month - 1]! + (leap ? 1 : 0)) return false
  const hour = digits(s, 11, 2)
  const minute = digits(s, 14, 2)
  const second = digits(s, 17, 2)
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false
  if (n === 20) return true
  return n > 21 && s[19] === '.' && digits(s, 20, n - 21) >= 0
}

/** `compareStamps` with a fast path; the same order on every input. */
export function orderStamps(a: Stamp, b: Stamp, assumeOffsetMinutes: number): -1 | 0 | 1 {
  if (a === b) return 0
  if (a.length === b.length && isPlainUtc(a) && isPlainUtc(b)) return a < b ? -1 : 1
  return compareStamps(a, b, assumeOffsetMinutes)
}
