// The small pieces of JSON's grammar (RFC 8259 §4–§7) the incremental reader steps through: numbers, hex digits,
// and the JSON Pointers (RFC 6901) it names places with.

/** One step of a path into a JSON value: a member name or an array index. */
export type JsonStep = string | number

/**
 * The JSON Pointer (RFC 6901) of a path: `~` and `/` in names escaped.
 *
 * @example
 * ```ts
 * jsonPointer(['a', 0, 'b/c']) // '/a/0/b~1c'
 * ```
 */
export function jsonPointer(path: readonly JsonStep[]): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')
}

/**
 * Whether a UTF-16 code is a hex digit.
 *
 * @example
 * ```ts
 * isHex('f'.charCodeAt(0)) // true
 * ```
 */
export function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)
}

/**
 * The character at `i` of `s`, quoted, for messages.
 *
 * @example
 * ```ts
 * show('ab', 1) // '"b"'
 * ```
 */
export function show(s: string, i: number): string {
  return JSON.stringify(s[i])
}

/** The number states after which a number may end (see {@link numberStep}). */
export const NUMBER_ENDS: ReadonlySet<number> = new Set([2, 3, 5, 8])

/**
 * The state after reading `c` in a number, or -1 when `c` cannot come next. States (RFC 8259 §6): 0 before it,
 * 1 after '-', 2 after a leading 0, 3 in the integer digits, 4 after '.', 5 in the fraction, 6 after 'e', 7 after
 * the exponent's sign, 8 in the exponent digits.
 *
 * @example
 * ```ts
 * numberStep(0, '-'.charCodeAt(0)) // 1
 * ```
 */
export function numberStep(state: number, c: number): number {
  const digit = c >= 48 && c <= 57
  switch (state) {
    case 0:
      return c === 45 ? 1 : c === 48 ? 2 : digit ? 3 : -1
    case 1:
      return c === 48 ? 2 : digit ? 3 : -1
    case 2:
    case 3:
      if (state === 3 && digit) return 3
      return c === 46 ? 4 : c === 101 || c === 69 ? 6 : -1
    case 4:
    case 5:
      if (digit) return 5
      return state === 5 && (c === 101 || c === 69) ? 6 : -1
    case 6:
      return c === 43 || c === 45 ? 7 : digit ? 8 : -1
    default:
      return digit ? 8 : -1
  }
}
