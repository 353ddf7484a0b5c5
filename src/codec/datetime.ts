// xs:dateTime and SData stamps as string codecs, kept lexically, with an exact order and an instant in ms.
// Implements XML Schema 1.0 Part 2 §3.2.7, docs/decisions.md#f7 and docs/decisions.md#s5.
import * as t from 'io-ts'
import { type DateTime, dateTimeFractionDigits, dateTimeProblem } from '../common/datetime'
import type { Stamp } from '../common/stamp'
import { trimXmlSpace } from './boolean'
import { foundValue } from './lexical'

/**
 * Whether `text` is an xs:dateTime with 0–7 fraction digits (what `DateTimeCodec` accepts); allocates nothing.
 *
 * @example
 * ```ts
 * isDateTime7('2025-11-07T22:06:33.0000000Z') // true
 * ```
 */
export function isDateTime7(text: string): boolean {
  const digits = dateTimeFractionDigits(text)
  return digits >= 0 && digits <= 7
}

/**
 * xs:dateTime with 0–7 fraction digits, kept lexically: decode checks the form and the calendar, encode writes
 * the string back unchanged.
 *
 * @example
 * ```ts
 * DateTimeCodec.decode('2017-01-05T09:23:42.929Z') // right('2017-01-05T09:23:42.929Z')
 * DateTimeCodec.decode('2025-02-30T10:00:00Z') // left: day 30 does not exist in 2025-02
 * ```
 */
export const DateTimeCodec: t.Type<DateTime, string, string> = new t.Type<DateTime, string, string>(
  'an xs:dateTime',
  (u): u is DateTime => typeof u === 'string' && isDateTime7(u),
  (s, c) => {
    if (typeof s !== 'string') return t.failure(s, c, `expected an xs:dateTime, found a ${typeof s}`)
    const digits = dateTimeFractionDigits(s)
    if (digits < 0) {
      return t.failure(s, c, `expected an xs:dateTime, found ${foundValue(s)} (${dateTimeProblem(s)})`)
    }
    if (digits > 7) {
      return t.failure(s, c, `expected an xs:dateTime, found ${foundValue(s)} (more than 7 fraction digits)`)
    }
    return t.success(s as DateTime)
  },
  (d) => d,
)

/**
 * The one lenient stamp reader, shared by the codec kit and the protocol readers: any xs:dateTime (zone optional,
 * any number of fraction digits), XML white space around collapsed (xs:dateTime's facet); the lexical form is kept.
 * Gives the stamp (nothing else is made), or the problem as a string message.
 *
 * @example
 * ```ts
 * readStampLexical(' 2013-06-15T08:00:00 ') // '2013-06-15T08:00:00'
 * readStampLexical('2013-13-15T08:00:00') // { problem: 'month 13 is out of range' }
 * ```
 */
export function readStampLexical(text: string): Stamp | { problem: string } {
  const s = trimXmlSpace(text)
  const problem = dateTimeProblem(s)
  return problem === undefined ? (s as Stamp) : { problem }
}

/**
 * An SData stamp: an xs:dateTime with any number of fraction digits, with or without a zone (a zoneless stamp is
 * ordered as UTC unless the caller says otherwise), kept lexically. Order with `compareStamps`.
 *
 * @example
 * ```ts
 * StampCodec.decode('2013-06-15T08:00:00') // right('2013-06-15T08:00:00')
 * ```
 */
export const StampCodec: t.Type<Stamp, string, string> = new t.Type<Stamp, string, string>(
  'a stamp (xs:dateTime)',
  (u): u is Stamp => typeof u === 'string' && dateTimeProblem(u) === undefined,
  (s, c) => {
    if (typeof s !== 'string') return t.failure(s, c, `expected a stamp (xs:dateTime), found a ${typeof s}`)
    const r = readStampLexical(s)
    if (typeof r !== 'string')
      return t.failure(s, c, `expected a stamp (xs:dateTime), found ${foundValue(s)} (${r.problem})`)
    return t.success(r)
  },
  (s) => s,
)
