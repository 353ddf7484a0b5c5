// The named value types of element descriptions: one lenient reader and one strict writer per kind of text (XML
// Schema Part 2 §3.2: string, boolean, integer, dateTime/stamp, decimal), in XML text and in SData 2.0 JSON members.
import type * as t from 'io-ts'
import { dateTimeProblem } from '../common/datetime'
import type { Stamp } from '../common/stamp'
import type { JsonValue } from '../common/sync'
import { readBooleanLexical, trimXmlSpace } from './boolean'
import { readStampLexical } from './datetime'
import { readIntegerLexical } from './integer'

/**
 * A value that could not be read: `message` is complete for XML text; for a JSON member it follows the member's
 * name (`tick must be a non-negative safe integer`).
 *
 * @example
 * ```ts
 * const p: ValueProblem = { problem: 'must be a string' }
 * ```
 */
export interface ValueProblem {
  /** What was expected and what was found. */
  readonly problem: string
}

/**
 * One kind of leaf value, defined once: how XML text and a JSON member are read (leniently) and written (strictly).
 * Every element description names one of these for each leaf child, so every reader and writer derived from a
 * description reads a value the same way.
 *
 * @example
 * ```ts
 * NonNegativeIntegerValue.read(' 5 ') // 5
 * NonNegativeIntegerValue.write(5) // '5'
 * ```
 */
export interface ValueType<A> {
  /** The kind's name, as error messages and documentation say it. */
  readonly name: string
  /** The JavaScript type of a value (what a shallow guard checks). */
  readonly jsType: 'string' | 'number' | 'boolean' | 'object'
  /** Reads XML text leniently (white space collapsed where the XML Schema type collapses it). */
  readonly read: (text: string) => A | ValueProblem
  /** Writes the value's canonical XML text. */
  readonly write: (value: A) => string
  /** Reads the value of a JSON member. */
  readonly readJson: (json: unknown) => A | ValueProblem
  /** Writes the value as a JSON member. */
  readonly writeJson: (value: A) => JsonValue
}

/**
 * Whether a reader's result is a problem.
 *
 * @example
 * ```ts
 * isValueProblem(StampValue.read('never')) // true
 * ```
 */
export function isValueProblem(r: unknown): r is ValueProblem {
  return typeof r === 'object' && r !== null && typeof (r as ValueProblem).problem === 'string'
}

/**
 * A text shown in an error message: JSON-quoted, cut to 60 characters.
 *
 * @example
 * ```ts
 * quoteText('abc') // '"abc"'
 * ```
 */
export function quoteText(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s)
}

const mustBeString = (u: unknown): string | ValueProblem =>
  typeof u === 'string' ? u : { problem: 'must be a string' }

/**
 * Text kept exactly as written (xs:string: no white space is removed).
 *
 * @example
 * ```ts
 * TextValue.read(' a ') // ' a '
 * ```
 */
export const TextValue: ValueType<string> = {
  name: 'text',
  jsType: 'string',
  read: (text) => text,
  write: (value) => value,
  readJson: mustBeString,
  writeJson: (value) => value,
}

function integerType(signed: boolean): ValueType<number> {
  const what = signed ? 'an integer' : 'a non-negative integer'
  const safe = signed ? 'a safe integer (magnitude at most 2^53 - 1)' : 'a non-negative safe integer (at most 2^53 - 1)'
  const json = signed ? 'must be a safe integer' : 'must be a non-negative safe integer'
  return {
    name: signed ? 'integer' : 'non-negative integer',
    jsType: 'number',
    read: (text) => {
      const n = readIntegerLexical(text, signed)
      if (n === 'syntax') return { problem: `expected ${what}, found ${quoteText(trimXmlSpace(text))}` }
      if (n === 'range') return { problem: `expected ${safe}, found ${quoteText(trimXmlSpace(text))}` }
      return n
    },
    write: (value) => String(value === 0 ? 0 : value),
    readJson: (u) =>
      typeof u === 'number' && Number.isSafeInteger(u) && (signed || u >= 0)
        ? u === 0
          ? 0 // JSON has no -0; keep the value JSON-exact.
          : u
        : { problem: json },
    writeJson: (value) => value,
  }
}

/**
 * A non-negative safe integer (ticks, counts, seconds): decimal digits, XML white space around collapsed; past
 * 2^53 − 1 is an error, never rounded. In JSON, a number.
 *
 * @example
 * ```ts
 * NonNegativeIntegerValue.read('007') // 7
 * ```
 */
export const NonNegativeIntegerValue: ValueType<number> = integerType(false)

/**
 * An xs:integer that fits a safe integer (conflict priorities, HTTP statuses), sign allowed. In JSON, a number.
 *
 * @example
 * ```ts
 * IntegerValue.read('-2') // -2
 * ```
 */
export const IntegerValue: ValueType<number> = integerType(true)

// The .NET client (Saleslogix DotNetSDataClient) writes dates as `/Date(ms)/` or `/Date(ms+hhmm)/`.
const MICROSOFT_DATE = /^\\?\/Date\((-?\d+)(?:([+-])(\d{2})(\d{2}))?\)\\?\/$/

/**
 * A .NET `/Date(ms)/` or `/Date(ms+hhmm)/` JSON date as a lexical xs:dateTime (UTC with `Z`, or local time with
 * the given offset), or `undefined` when the text is not one.
 *
 * @example
 * ```ts
 * microsoftDateToDateTime('/Date(1371283200000)/') // '2013-06-15T08:00:00Z'
 * ```
 */
export function microsoftDateToDateTime(text: string): string | undefined {
  const ms = MICROSOFT_DATE.exec(text)
  if (ms === null) return undefined
  const [, epoch = '', sign, hh = '00', mm = '00'] = ms
  const offsetMinutes = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm))
  const date = new Date(Number(epoch) + offsetMinutes * 60_000)
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) return undefined
  const local = date.toISOString().replace(/\.000Z$/, 'Z')
  return sign === undefined ? local : `${local.slice(0, -1)}${sign}${hh}:${mm}`
}

/**
 * An SData stamp: any xs:dateTime, zone optional, kept lexically (trimmed). In JSON, the lexical string or a .NET
 * `/Date(ms)/` value (turned into the lexical form).
 *
 * @example
 * ```ts
 * StampValue.read(' 2008-10-30T14:55:43Z\n') // '2008-10-30T14:55:43Z'
 * StampValue.readJson('/Date(1371283200000)/') // '2013-06-15T08:00:00Z'
 * ```
 */
export const StampValue: ValueType<Stamp> = {
  name: 'stamp',
  jsType: 'string',
  read: (text) => {
    const r = readStampLexical(text)
    if (typeof r === 'string') return r
    return { problem: `expected an xs:dateTime stamp, found ${quoteText(trimXmlSpace(text))} (${r.problem})` }
  },
  write: (value) => value,
  readJson: (u) => {
    if (typeof u !== 'string') return { problem: 'must be a string' }
    const problem = dateTimeProblem(u)
    if (problem === undefined) return u as Stamp
    const converted = microsoftDateToDateTime(u)
    if (converted !== undefined) return converted as Stamp
    return { problem: `${JSON.stringify(u)} is not an xs:dateTime: ${problem}` }
  },
  writeJson: (value) => value,
}

const DECIMAL = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/

/**
 * An xs:decimal kept lexically (tracking progress), XML white space around collapsed. In JSON, a number when the
 * number prints back as the same decimal, else the decimal as a string (so `12.0` survives).
 *
 * @example
 * ```ts
 * DecimalValue.read(' 12.50 ') // '12.50'
 * DecimalValue.writeJson('12.5') // 12.5
 * ```
 */
export const DecimalValue: ValueType<string> = {
  name: 'decimal',
  jsType: 'string',
  read: (text) => {
    const s = trimXmlSpace(text)
    return DECIMAL.test(s) ? s : { problem: `expected a decimal number, found ${quoteText(s)}` }
  },
  write: (value) => value,
  readJson: (u) =>
    typeof u === 'number' && Number.isFinite(u)
      ? String(u)
      : typeof u === 'string' && DECIMAL.test(u)
        ? u
        : { problem: 'must be a decimal number' },
  writeJson: (value) => (String(Number(value)) === value ? Number(value) : value),
}

/**
 * An xs:boolean: `true`, `false`, `1`, `0` in any letter case read (.NET writes `True`), `true`/`false` written.
 * In JSON, a boolean.
 *
 * @example
 * ```ts
 * BooleanValue.read('True') // true
 * ```
 */
export const BooleanValue: ValueType<boolean> = {
  name: 'boolean',
  jsType: 'boolean',
  read: (text) => {
    const b = readBooleanLexical(text)
    return b ?? { problem: `expected a boolean (true, false, 1 or 0), found ${quoteText(text)}` }
  },
  write: (value) => (value ? 'true' : 'false'),
  readJson: (u) => (typeof u === 'boolean' ? u : { problem: 'must be a boolean' }),
  writeJson: (value) => value,
}

/**
 * A value type adapted from an io-ts string codec by {@link codecValue}: the codec is kept, so the codec kit's
 * attributes and text report its own errors with their full io-ts context.
 *
 * @example
 * ```ts
 * const rel: CodecValueType<string> = codecValue('rel', 'string', t.string)
 * ```
 */
export interface CodecValueType<A> extends ValueType<A> {
  /** The io-ts codec the value type was adapted from. */
  readonly codec: t.Type<A, string, string>
}

/**
 * A value type whose XML text is read and written by an io-ts codec of the kit (the first error's message is the
 * problem), and whose JSON member is the same text unless `json` says otherwise. For a protocol's own leaf kinds
 * (FILESYNC's sizes without leading zeros, its 100 ns date-times, its remembered booleans).
 *
 * @example
 * ```ts
 * const DateValue = codecValue('date', 'string', DateTimeCodec)
 * DateValue.read('2025-11-07T22:06:33.0000000Z') // '2025-11-07T22:06:33.0000000Z'
 * ```
 */
export function codecValue<A>(
  name: string,
  jsType: ValueType<A>['jsType'],
  codec: t.Type<A, string, string>,
  json?: Pick<ValueType<A>, 'readJson' | 'writeJson'>,
): CodecValueType<A> {
  const read = (text: string): A | ValueProblem => {
    const r = codec.decode(text)
    return r._tag === 'Right' ? r.right : { problem: r.left[0]?.message ?? `expected ${codec.name}` }
  }
  const write = (value: A): string => codec.encode(value)
  return {
    name,
    jsType,
    codec,
    read,
    write,
    readJson: json?.readJson ?? ((u) => (typeof u === 'string' ? read(u) : { problem: 'must be a string' })),
    writeJson: json?.writeJson ?? write,
  }
}
