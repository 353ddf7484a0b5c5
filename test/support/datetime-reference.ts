// Test helper, not a test file: the xs:dateTime reader as it was written before the one-pass reader replaced it
// (a regular expression for the form, then the fields and their ranges), kept as the definition the library must
// agree with: the problem found, the instant in ms, the order and the next 100 ns tick.

const LEXICAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/

interface Parts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  fraction: string
  offsetMinutes: number | null
}

const num = (s: string) => Number(s)

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return month === 2 ? (leap ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!
}

/** The fields of `text`, or the problem as the library words it. */
export function referenceParse(text: string): Parts | string {
  if (text.length > 64) return 'too long for an xs:dateTime'
  if (!LEXICAL.test(text)) return 'not of the form YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]'
  const [year, month, day, hour, minute, second] = [0, 5, 8, 11, 14, 17].map((k) => num(text.slice(k, k + (k ? 2 : 4))))
  const zone = /(Z|[+-]\d\d:\d\d)$/.exec(text)?.[1] ?? ''
  const fraction = /\.(\d+)/.exec(text)?.[1] ?? ''
  if (year! < 1) return 'year 0000 is not allowed'
  if (month! < 1 || month! > 12) return `month ${text.slice(5, 7)} is out of range`
  if (day! < 1 || day! > daysInMonth(year!, month!))
    return `day ${text.slice(8, 10)} does not exist in ${text.slice(0, 7)}`
  if (hour === 24) {
    if (minute !== 0 || second !== 0 || /[1-9]/.test(fraction)) return '24 is allowed only as 24:00:00'
  } else if (hour! > 23) return `hour ${text.slice(11, 13)} is out of range`
  if (minute! > 59) return `minute ${text.slice(14, 16)} is out of range`
  if (second! > 59) return `second ${text.slice(17, 19)} is out of range`
  let offsetMinutes: number | null = null
  if (zone === 'Z') offsetMinutes = 0
  else if (zone !== '') {
    const h = num(zone.slice(1, 3))
    const m = num(zone.slice(4, 6))
    if (m > 59 || h * 60 + m > 14 * 60) return `zone ${zone} is out of range`
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (h * 60 + m)
  }
  return {
    year: year!,
    month: month!,
    day: day!,
    hour: hour!,
    minute: minute!,
    second: second!,
    fraction,
    offsetMinutes,
  }
}

/** Whole seconds since the epoch (through the platform's Date) and the fraction digits without trailing zeros. */
function instant(p: Parts, assumeOffsetMinutes: number): { seconds: number; fraction: string } {
  const date = new Date(0)
  date.setUTCFullYear(p.year, p.month - 1, p.day)
  date.setUTCHours(p.hour, p.minute, p.second, 0)
  const seconds = date.getTime() / 1000 - (p.offsetMinutes ?? assumeOffsetMinutes) * 60
  return { seconds, fraction: p.fraction.replace(/0+$/, '') }
}

/** The instant in ms, fraction truncated, or NaN. */
export function referenceEpochMs(text: string, assumeOffsetMinutes = 0): number {
  const p = referenceParse(text)
  if (typeof p === 'string') return Number.NaN
  const i = instant(p, assumeOffsetMinutes)
  return i.seconds * 1000 + Number(i.fraction.slice(0, 3).padEnd(3, '0'))
}

/** The order of two texts: by instant at full precision, invalid text last and among itself by code units. */
export function referenceCompare(a: string, b: string, assumeOffsetMinutes = 0): -1 | 0 | 1 {
  const pa = referenceParse(a)
  const pb = referenceParse(b)
  if (typeof pa !== 'string' && typeof pb !== 'string') {
    const ia = instant(pa, assumeOffsetMinutes)
    const ib = instant(pb, assumeOffsetMinutes)
    if (ia.seconds !== ib.seconds) return ia.seconds < ib.seconds ? -1 : 1
    const len = Math.max(ia.fraction.length, ib.fraction.length)
    const fa = ia.fraction.padEnd(len, '0')
    const fb = ib.fraction.padEnd(len, '0')
    return fa === fb ? 0 : fa < fb ? -1 : 1
  }
  if (typeof pa !== typeof pb) return typeof pa !== 'string' ? -1 : 1
  return a === b ? 0 : a < b ? -1 : 1
}

/** The next 100 ns tick after `text`, UTC with seven fraction digits, or undefined. */
export function referenceSuccessor(text: string, assumeOffsetMinutes = 0): string | undefined {
  const p = referenceParse(text)
  if (typeof p === 'string') return undefined
  const i = instant(p, assumeOffsetMinutes)
  let ticks = Number(i.fraction.slice(0, 7).padEnd(7, '0')) + 1
  let seconds = i.seconds
  if (ticks >= 10_000_000) {
    ticks -= 10_000_000
    seconds += 1
  }
  const iso = new Date(seconds * 1000).toISOString()
  const result = `${iso.slice(0, 19)}.${String(ticks).padStart(7, '0')}Z`
  return typeof referenceParse(result) === 'string' ? undefined : result
}
