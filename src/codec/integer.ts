// Integer primitives as string codecs: non-negative safe integers, the MS-FILESYNC `Int`, and xs:integer.
// Implements MS-FILESYNC §2.2 (`Int`), docs/decisions.md#f6 and docs/decisions.md#s4 (ticks, priorities).
import * as t from 'io-ts'
import { trimXmlSpace } from './boolean'
import { foundValue } from './lexical'

const DIGITS = /^[0-9]+$/
const SIGNED = /^[+-]?[0-9]+$/

/**
 * The one lenient integer reader, shared by the codec kit and the protocol readers: an optional sign (when `signed`)
 * and decimal digits, XML white space around collapsed (xs:integer's facet). `syntax` for anything else, `range` past
 * ±(2^53 − 1) (never rounded); `-0` reads as 0.
 *
 * @example
 * ```ts
 * readIntegerLexical(' 5 ', false) // 5
 * readIntegerLexical('-1', false) // 'syntax'
 * ```
 */
export function readIntegerLexical(text: string, signed: boolean): number | 'syntax' | 'range' {
  const s = trimXmlSpace(text)
  if (!(signed ? SIGNED : DIGITS).test(s)) return 'syntax'
  const n = Number(s)
  if (!Number.isSafeInteger(n)) return 'range'
  return n === 0 ? 0 : n
}

/**
 * A non-negative safe integer written in decimal digits (no sign, exponent, fraction or
 * hex; XML white space around is collapsed, as xs:integer says).
 * A value past 2^53-1 is an error, never rounded. Leading zeros are read (`007` is 7, as xs:integer allows) and
 * written canonically (`7`): they carry no information, and keeping them would make the value a string.
 *
 * @example
 * ```ts
 * NonNegativeInteger.decode('27487790694400') // right(27487790694400)
 * NonNegativeInteger.decode('9007199254740992') // left: past 2^53-1
 * NonNegativeInteger.encode(5) // '5'
 * ```
 */
export const NonNegativeInteger: t.Type<number, string, string> = new t.Type<number, string, string>(
  'a non-negative safe integer',
  (u): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= 0,
  (s, c) => {
    const n = typeof s === 'string' ? readIntegerLexical(s, false) : 'syntax'
    if (n === 'syntax') return t.failure(s, c, `expected a non-negative safe integer, found ${foundValue(s)}`)
    if (n === 'range') {
      return t.failure(s, c, `expected a non-negative safe integer, found ${foundValue(s)} (past 2^53-1)`)
    }
    return t.success(n)
  },
  (n) => String(n),
)

/**
 * The MS-FILESYNC `Int`: decimal digits, 0..2147483647 (the spec's range, for fields that really are `Int`).
 *
 * @example
 * ```ts
 * FileSyncInt.decode('2147483647') // right(2147483647)
 * FileSyncInt.decode('2147483648') // left
 * ```
 */
export const FileSyncInt: t.Type<number, string, string> = new t.Type<number, string, string>(
  'an Int (0..2147483647)',
  (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= 0 && u <= 2147483647,
  (s, c) => {
    const n = typeof s === 'string' ? readIntegerLexical(s, false) : 'syntax'
    if (n === 'syntax') return t.failure(s, c, `expected an Int (0..2147483647), found ${foundValue(s)}`)
    if (n === 'range' || n > 2147483647) {
      return t.failure(s, c, `expected an Int (0..2147483647), found ${foundValue(s)} (too large)`)
    }
    return t.success(n)
  },
  (n) => String(n),
)

/**
 * An xs:integer within the safe range, sign allowed (`-3`, `+3`): for `conflictPriority`, which decoding takes
 * as is (1..9 is checked by validation, docs/decisions.md#s4). Written canonically (`3`, `-3`, `0` for `-0`).
 *
 * @example
 * ```ts
 * SafeInteger.decode('-2') // right(-2)
 * SafeInteger.decode('1e3') // left
 * ```
 */
export const SafeInteger: t.Type<number, string, string> = new t.Type<number, string, string>(
  'a safe integer',
  (u): u is number => typeof u === 'number' && Number.isSafeInteger(u),
  (s, c) => {
    const n = typeof s === 'string' ? readIntegerLexical(s, true) : 'syntax'
    if (n === 'syntax') return t.failure(s, c, `expected a safe integer, found ${foundValue(s)}`)
    if (n === 'range') return t.failure(s, c, `expected a safe integer, found ${foundValue(s)} (beyond ±(2^53-1))`)
    return t.success(n)
  },
  (n) => String(n === 0 ? 0 : n),
)
