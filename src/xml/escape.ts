// XML escaping for the serializer: character data and double-quoted attribute values that survive a re-parse.
// Implements XML 1.0 §2.2 (characters), §2.4 (character data), §2.11 (line ends) and §3.3.3 (attribute values).

const REPLACEMENT = '\uFFFD'

/**
 * Escapes character data for element content: `&`, `<` and `>` become references (so `]]>` cannot appear), a CR
 * becomes `&#13;` (a literal one would be read back as LF, §2.11), and characters XML 1.0 cannot carry (C0 controls
 * other than tab/LF/CR, lone surrogates, U+FFFE, U+FFFF) become U+FFFD.
 *
 * @example
 * ```ts
 * escapeText('a < b & c\r\n') // 'a &lt; b &amp; c&#13;\n'
 * ```
 */
export function escapeText(value: string): string {
  return escapeXml(value, false)
}

/**
 * Escapes an attribute value for a double-quoted attribute: `&`, `<` and `"` become references, tab, LF and CR
 * become `&#9;`, `&#10;` and `&#13;` (literal ones would be normalised to spaces, §3.3.3), and characters XML 1.0
 * cannot carry become U+FFFD.
 *
 * @example
 * ```ts
 * escapeAttribute('say "hi"\tthere') // 'say &quot;hi&quot;&#9;there'
 * ```
 */
export function escapeAttribute(value: string): string {
  return escapeXml(value, true)
}

// Anything that may need a reference or a replacement; most values have none, and one native scan settles that.
const SPECIAL = /[&<>"\r\n\t]|[^\x20-\x7e]/

/** Escapes `value` for element content, or for a double-quoted attribute when `attribute`. */
export function escapeXml(value: string, attribute: boolean): string {
  if (!SPECIAL.test(value)) return value
  const n = value.length
  let i = 0
  // Most values need nothing; find the first character that does before building anything.
  for (; i < n; i++) {
    const c = value.charCodeAt(i)
    if (c > 62 && c < 0xd800) continue
    if (c >= 0x20 && c !== 38 && c !== 60 && c !== 62 && c !== 34 && c < 0xd800) continue
    if (c === 62 && attribute) continue
    if (c === 34 && !attribute) continue
    if (c === 10 && !attribute) continue
    if (c >= 0xd800) {
      if (c < 0xdc00) {
        const d = value.charCodeAt(i + 1)
        if (d >= 0xdc00 && d <= 0xdfff) {
          i++
          continue
        }
      } else if (c >= 0xe000 && c < 0xfffe) continue
    }
    break
  }
  if (i === n) return value
  let out = value.slice(0, i)
  let run = i
  for (; i < n; i++) {
    const c = value.charCodeAt(i)
    if (c > 62 && c < 0xd800) continue
    let replacement: string
    if (c === 38) replacement = '&amp;'
    else if (c === 60) replacement = '&lt;'
    else if (c === 62) {
      if (attribute) continue
      replacement = '&gt;'
    } else if (c === 34) {
      if (!attribute) continue
      replacement = '&quot;'
    } else if (c === 13) replacement = '&#13;'
    else if (c === 10) {
      if (!attribute) continue
      replacement = '&#10;'
    } else if (c === 9) {
      if (!attribute) continue
      replacement = '&#9;'
    } else if (c < 0x20) replacement = REPLACEMENT
    else if (c < 0xd800) continue
    else if (c < 0xdc00) {
      const d = value.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++
        continue
      }
      replacement = REPLACEMENT
    } else if (c < 0xe000 || c >= 0xfffe) replacement = REPLACEMENT
    else continue
    out += value.slice(run, i)
    out += replacement
    run = i + 1
  }
  return out + value.slice(run)
}
