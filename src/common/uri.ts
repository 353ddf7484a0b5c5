// Percent-encoding of URL components, total: the one encoder of the FILESYNC URL builders and the SData exchange.
// Implements docs/decisions.md#f11 (a lone surrogate as the bytes of its code point, never U+FFFD).

/** A lone surrogate (with the `u` flag, a pair is one code point and does not match). */
export const LONE_SURROGATE = /[\uD800-\uDFFF]/u

const hex = (byte: number) => `%${byte.toString(16).toUpperCase()}`

/**
 * `encodeURIComponent` that never throws: a lone surrogate, which UTF-8 cannot carry, is written as the three bytes
 * of its code point (U+D800 → `%ED%A0%80`), never replaced by U+FFFD, so two values that differ only there stay
 * two URLs, and a server that reads UTF-8 strictly refuses the request rather than reading another value.
 *
 * @example
 * ```ts
 * encodeComponent('a b\uD800') // 'a%20b%ED%A0%80'
 * ```
 */
export function encodeComponent(text: string): string {
  try {
    return encodeURIComponent(text)
  } catch {
    // Only a lone surrogate makes it throw: split the text at them.
    return text.replace(/[^\uD800-\uDFFF]+|[\uD800-\uDFFF]/gu, (s) => {
      const c = s.charCodeAt(0)
      return s.length === 1 && c >> 11 === 0x1b
        ? `%ED${hex(0x80 | ((c >> 6) & 0x3f))}${hex(0x80 | (c & 0x3f))}`
        : encodeURIComponent(s)
    })
  }
}
