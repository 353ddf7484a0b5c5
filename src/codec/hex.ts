// The MS-FILESYNC `Hex String` as a string codec, and its numeric ordering.
// Implements MS-FILESYNC §2.2 (Hex String: 0-9, A-F, compared as hexadecimal numbers) and docs/decisions.md#f9.
import type * as t from 'io-ts'
import { patternString } from './lexical'

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
export const HexString: t.Type<string, string, string> = patternString('a hex string', HEX, 'a hex string (0-9, A-F)')

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
