// Character classes of XML 1.0 (fifth edition) used by the parser and the serializer.
// Implements §2.2 Char and §2.3 NameStartChar/NameChar, over UTF-16 code units (internal module).

/**
 * The name classes of the ASCII characters, by code: bit 1 NameStartChar, bit 2 NameChar (§2.3); a table lookup
 * keeps the parser's hot loops branch-light.
 *
 * @example
 * ```ts
 * (ASCII_NAME_CLASS[0x2d]! & 1) === 0 // '-' may continue a name but not start one
 * ```
 */
export const ASCII_NAME_CLASS: Uint8Array = new Uint8Array(128)
const ASCII_NAME = ASCII_NAME_CLASS
for (let c = 0; c < 128; c++) {
  const start = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58
  const other = (c >= 48 && c <= 57) || c === 45 || c === 46
  ASCII_NAME[c] = start ? 3 : other ? 2 : 0
}

/**
 * Whether the BMP code unit `c` (not a surrogate) may start a name (§2.3 NameStartChar).
 *
 * @example
 * ```ts
 * isNameStartUnit(0x5f) // true: '_'
 * ```
 */
export function isNameStartUnit(c: number): boolean {
  if (c < 128) return (ASCII_NAME[c]! & 1) !== 0
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    c === 0x200c ||
    c === 0x200d ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  )
}

/**
 * Whether the BMP code unit `c` (not a surrogate) may appear inside a name (§2.3 NameChar).
 *
 * @example
 * ```ts
 * isNameUnit(0x2d) // true: '-'
 * ```
 */
export function isNameUnit(c: number): boolean {
  if (c < 128) return ASCII_NAME[c]! !== 0
  return isNameStartUnit(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040
}

/**
 * Whether the code point is an XML 1.0 Char (§2.2).
 *
 * @example
 * ```ts
 * isXmlCodePoint(0xfffe) // false
 * ```
 */
export function isXmlCodePoint(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  )
}

/**
 * Whether a string consists only of XML white space (§2.3 S: space, tab, CR, LF).
 *
 * @example
 * ```ts
 * isXmlWhitespace(' \r\n\t') // true
 * ```
 */
export function isXmlWhitespace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c !== 0x20 && c !== 0xa && c !== 0x9 && c !== 0xd) return false
  }
  return true
}

/**
 * The offset of the first UTF-16 code unit XML 1.0 cannot carry (§2.2 Char: a C0 control other than tab, LF and CR,
 * a lone surrogate, U+FFFE or U+FFFF), or -1 when there is none. The serializer writes U+FFFD for each.
 *
 * @example
 * ```ts
 * nonXmlCharAt('ok\u0001') // 2
 * ```
 */
export function nonXmlCharAt(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0x20 && c < 0xd800) continue
    if (c === 9 || c === 10 || c === 13) continue
    if (c >= 0xd800 && c < 0xdc00) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++
        continue
      }
      return i
    }
    if (c >= 0xe000 && c < 0xfffe) continue
    return i
  }
  return -1
}
