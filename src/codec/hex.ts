// The MS-FILESYNC `Hex String` as a string codec, and its numeric ordering.
// Implements MS-FILESYNC §2.2 (Hex String: 0-9, A-F, compared as hexadecimal numbers) and docs/decisions.md#f9.
import * as t from 'io-ts'

const HEX = /^[0-9A-Fa-f]+$/

/**
 * A Hex String: one or more of `0-9`, `A-F` (read in any case, kept in the case read).
 *
 * @example
 * ```ts
 * HexString.decode('00fF') // right('00fF')
 * HexString.decode('0x1') // left
 * ```
 */
export const HexString: t.Type<string, string, string> = new t.Type<string, string, string>(
  'a hex string',
  (u): u is string => typeof u === 'string' && HEX.test(u),
  (s, c) => {
    if (typeof s === 'string' && HEX.test(s)) return t.success(s)
    const found = typeof s === 'string' ? JSON.stringify(s.length > 40 ? `${s.slice(0, 37)}...` : s) : `a ${typeof s}`
    return t.failure(s, c, `expected a hex string (0-9, A-F), found ${found}`)
  },
  (s) => s,
)

function significant(s: string): string {
  let i = 0
  while (i < s.length - 1 && s[i] === '0') i++
  return s.slice(i).toUpperCase()
}

/**
 * Compares two Hex Strings as the numbers they denote, at any length: case and leading zeros do not matter
 * (`'00ff'` equals `'FF'`, `'100'` is greater than `'ff'`). Strings that are not hex compare by their
 * upper-cased text after the same trimming, so the order stays total.
 *
 * @example
 * ```ts
 * compareHex('0a', 'A') // 0
 * compareHex('ff', '100') // -1
 * ```
 */
export function compareHex(a: string, b: string): -1 | 0 | 1 {
  const x = significant(a)
  const y = significant(b)
  if (x.length !== y.length) return x.length < y.length ? -1 : 1
  return x === y ? 0 : x < y ? -1 : 1
}
