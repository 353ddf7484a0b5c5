// Building blocks of the kit's primitive string codecs: a codec for strings of one pattern, and how a rejected
// value is quoted in the `expected …, found …` message every primitive codec writes.
import * as t from 'io-ts'

/**
 * A rejected value as an error message quotes it: a string JSON-quoted, cut to `max` characters with `...`;
 * anything else as its type (`a number`).
 *
 * @example
 * ```ts
 * foundValue('abc') // '"abc"'
 * foundValue(5) // 'a number'
 * ```
 */
export function foundValue(u: unknown, max = 40): string {
  return typeof u === 'string' ? JSON.stringify(u.length > max ? `${u.slice(0, max - 3)}...` : u) : `a ${typeof u}`
}

/**
 * A string codec that accepts the strings matching `pattern` and writes them back unchanged. `expected` names
 * the form in the codec's name and its message (`expected a hex string (0-9, A-F), found "0x1"`).
 *
 * @example
 * ```ts
 * const Hex = patternString('a hex string', /^[0-9A-F]+$/, 'a hex string (0-9, A-F)')
 * ```
 */
export function patternString(
  name: string,
  pattern: RegExp,
  expected: string,
  max?: number,
): t.Type<string, string, string> {
  return new t.Type<string, string, string>(
    name,
    (u): u is string => typeof u === 'string' && pattern.test(u),
    (s, c) =>
      typeof s === 'string' && pattern.test(s)
        ? t.success(s)
        : t.failure(s, c, `expected ${expected}, found ${foundValue(s, max)}`),
    (s) => s,
  )
}
