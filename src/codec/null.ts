// The MS-FILESYNC `Null` type (the empty string) as a codec, and a combinator for "value or Null".
// Implements MS-FILESYNC §2.2 (Null) and docs/decisions.md#f4 (absent is not empty).
import * as t from 'io-ts'
import { foundValue } from './lexical'

/**
 * `Null`: the empty string, decoded as `null`. Anything else is an error.
 *
 * @example
 * ```ts
 * Null.decode('') // right(null)
 * Null.encode(null) // ''
 * ```
 */
export const Null: t.Type<null, string, string> = new t.Type<null, string, string>(
  'Null (the empty string)',
  (u): u is null => u === null,
  (s, c) => {
    if (s === '') return t.success(null)
    return t.failure(s, c, `expected Null (the empty string), found ${foundValue(s)}`)
  },
  () => '',
)

/**
 * A value or `Null`: the empty string decodes to `null`, anything else through `codec`; `null` encodes to `''`.
 * For typed fields that servers send empty (`<DataSize/>`).
 *
 * @example
 * ```ts
 * const Size = orNull(NonNegativeInteger)
 * Size.decode('') // right(null)
 * Size.decode('42') // right(42)
 * ```
 */
export function orNull<A>(codec: t.Type<A, string, any>): t.Type<A | null, string, string> {
  return new t.Type<A | null, string, string>(
    `${codec.name} or Null`,
    (u): u is A | null => u === null || codec.is(u),
    (s, c) => (s === '' ? t.success(null) : codec.validate(s, c)),
    (a) => (a === null ? '' : codec.encode(a)),
  )
}
