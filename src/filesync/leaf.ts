// The leaf value codecs of Web3S elements: text, xs:dateTime at 100 ns, sizes, Int, base64 Binary, booleans.
// Implements MS-FILESYNC §2.2 (Binary, Int, Null, String) and protocol notes §6.5–§6.9 (our decisions).
import * as t from 'io-ts'
import { dateTimeProblem } from '../common/datetime'
import type { BooleanLexical, FileSyncBoolean } from './model'

const MAX_INT = 2147483647
const DIGITS = /^[0-9]+$/

function quote(s: string): string {
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}...` : s)
}

/**
 * Text kept exactly as read: never trimmed, re-cased or normalised (protocol notes §6.5).
 *
 * @example
 * ```ts
 * ExactText.decode(' a ') // right(' a ')
 * ```
 */
export const ExactText: t.Type<string, string, string> = new t.Type<string, string, string>(
  'string',
  (u): u is string => typeof u === 'string',
  (s) => t.success(s),
  (s) => s,
)

/**
 * An xs:dateTime kept lexically, with 0 to 7 fraction digits (SharePoint's 100 ns ticks; §6.7).
 *
 * @example
 * ```ts
 * FileSyncDateTime.decode('2025-11-07T22:06:33.0000000Z') // right('2025-11-07T22:06:33.0000000Z')
 * ```
 */
export const FileSyncDateTime: t.Type<string, string, string> = new t.Type<string, string, string>(
  'xs:dateTime',
  (u): u is string => typeof u === 'string' && dateProblem(u) === undefined,
  (s, c) => {
    const problem = dateProblem(s)
    return problem === undefined
      ? t.success(s)
      : t.failure(s, c, `expected an xs:dateTime with at most 7 fraction digits, found ${quote(s)} (${problem})`)
  },
  (s) => s,
)

/**
 * Why `s` is not a FILESYNC date (an xs:dateTime with at most 7 fraction digits), or `undefined`.
 *
 * @example
 * ```ts
 * dateProblem('2025-11-07T22:06:33.00000001Z') // 'more than 7 fraction digits'
 * ```
 */
export function dateProblem(s: string): string | undefined {
  const problem = dateTimeProblem(s)
  if (problem !== undefined) return problem
  const dot = s.indexOf('.')
  if (dot < 0) return undefined
  let end = dot + 1
  while (end < s.length && s.charCodeAt(end) >= 48 && s.charCodeAt(end) <= 57) end++
  return end - dot - 1 > 7 ? 'more than 7 fraction digits' : undefined
}

/**
 * A size or count: decimal digits only, at most 2^53-1 (never rounded; §6.6). Leading zeros are refused, since
 * they would not survive a round trip through a number.
 *
 * @example
 * ```ts
 * SafeSize.decode('27487790694400') // right(27487790694400)
 * ```
 */
export const SafeSize: t.Type<number, string, string> = new t.Type<number, string, string>(
  'non-negative safe integer',
  (u): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= 0,
  (s, c) => {
    if (!DIGITS.test(s) || (s.length > 1 && s.charCodeAt(0) === 48)) {
      return t.failure(s, c, `expected a non-negative safe integer, found ${quote(s)}`)
    }
    const n = Number(s)
    return Number.isSafeInteger(n)
      ? t.success(n)
      : t.failure(s, c, `expected a non-negative safe integer (at most 2^53-1), found ${quote(s)}`)
  },
  (n) => String(n),
)

/**
 * The spec's `Int`: a decimal integer in 0..2147483647 (MS-FILESYNC §2.2).
 *
 * @example
 * ```ts
 * FileSyncInt.decode('4') // right(4)
 * ```
 */
export const FileSyncInt: t.Type<number, string, string> = new t.Type<number, string, string>(
  'Int',
  (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= 0 && u <= MAX_INT,
  (s, c) => {
    if (!DIGITS.test(s) || (s.length > 1 && s.charCodeAt(0) === 48)) {
      return t.failure(s, c, `expected an Int (0..2147483647), found ${quote(s)}`)
    }
    const n = Number(s)
    return n <= MAX_INT ? t.success(n) : t.failure(s, c, `expected an Int (0..2147483647), found ${quote(s)}`)
  },
  (n) => String(n),
)

const LEXICAL_VALUE: ReadonlyMap<string, boolean> = new Map([
  ['True', true],
  ['False', false],
  ['true', true],
  ['false', false],
  ['1', true],
  ['0', false],
])

/**
 * A boolean that remembers a non-default form (`true`, `false`, `1`, `0`); `True`/`False` are the default (§6.8).
 *
 * @example
 * ```ts
 * FileSyncBooleanText.decode('False') // right({ value: false })
 * FileSyncBooleanText.decode('1') // right({ value: true, lexical: '1' })
 * ```
 */
export const FileSyncBooleanText: t.Type<FileSyncBoolean, string, string> = new t.Type<FileSyncBoolean, string, string>(
  'boolean',
  (u): u is FileSyncBoolean => typeof u === 'object' && u !== null && typeof (u as FileSyncBoolean).value === 'boolean',
  (s, c) => {
    const value = LEXICAL_VALUE.get(s)
    if (value === undefined) return t.failure(s, c, `expected True, False, true, false, 1 or 0, found ${quote(s)}`)
    return t.success(s === 'True' || s === 'False' ? { value } : { value, lexical: s as BooleanLexical })
  },
  (b) => booleanText(b),
)

/**
 * The text a boolean is written as: its `lexical` when that spells its value, else `True`/`False`.
 *
 * @example
 * ```ts
 * booleanText({ value: true, lexical: '0' }) // 'True'
 * ```
 */
export function booleanText(b: FileSyncBoolean): string {
  if (b.lexical !== undefined && LEXICAL_VALUE.get(b.lexical) === b.value) return b.lexical
  return b.value ? 'True' : 'False'
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const SEXTET = new Int8Array(128).fill(-1)
for (let i = 0; i < 64; i++) SEXTET[ALPHABET.charCodeAt(i)] = i

function base64Problem(s: string): string | undefined {
  if (s.length % 4 !== 0) return 'its length is not a multiple of 4'
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0
  for (let i = 0; i < s.length - pad; i++) {
    const code = s.charCodeAt(i)
    if (code >= 128 || SEXTET[code]! < 0) return `${quote(s[i]!)} at ${i + 1} is not a base64 digit`
  }
  // RFC 4648 §3.5: the bits after the last whole byte must be zero, or two texts would give the same bytes.
  const last = pad > 0 ? SEXTET[s.charCodeAt(s.length - pad - 1)]! : 0
  if ((pad === 1 && (last & 3) !== 0) || (pad === 2 && (last & 15) !== 0)) return 'its padding bits are not zero'
  return undefined
}

/**
 * The spec's `Binary`: RFC 4648 base64 (standard alphabet, padded, no whitespace) as bytes, without Buffer or atob.
 *
 * @example
 * ```ts
 * Base64Bytes.decode('AQI=') // right(Uint8Array [1, 2])
 * ```
 */
export const Base64Bytes: t.Type<Uint8Array, string, string> = new t.Type<Uint8Array, string, string>(
  'Binary',
  (u): u is Uint8Array => u instanceof Uint8Array,
  (s, c) => {
    const problem = base64Problem(s)
    if (problem !== undefined) return t.failure(s, c, `expected base64, found ${quote(s)} (${problem})`)
    const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0
    const out = new Uint8Array((s.length / 4) * 3 - pad)
    let o = 0
    for (let i = 0; i < s.length; i += 4) {
      const n =
        (SEXTET[s.charCodeAt(i)]! << 18) |
        (SEXTET[s.charCodeAt(i + 1)]! << 12) |
        (Math.max(0, SEXTET[s.charCodeAt(i + 2)] ?? 0) << 6) |
        Math.max(0, SEXTET[s.charCodeAt(i + 3)] ?? 0)
      out[o++] = n >>> 16
      if (o < out.length) out[o++] = (n >>> 8) & 255
      if (o < out.length) out[o++] = n & 255
    }
    return t.success(out)
  },
  (bytes) => {
    let s = ''
    let i = 0
    for (; i + 2 < bytes.length; i += 3) {
      const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
      s += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]! + ALPHABET[n & 63]!
    }
    if (i + 1 === bytes.length) {
      const n = bytes[i]! << 16
      s += `${ALPHABET[n >>> 18]!}${ALPHABET[(n >>> 12) & 63]!}==`
    } else if (i + 2 === bytes.length) {
      const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8)
      s += `${ALPHABET[n >>> 18]!}${ALPHABET[(n >>> 12) & 63]!}${ALPHABET[(n >>> 6) & 63]!}=`
    }
    return s
  },
)
