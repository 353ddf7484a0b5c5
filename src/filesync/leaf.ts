// The leaf value codecs of Web3S elements, from the codec kit: text, xs:dateTime at 100 ns, sizes, Int, Binary, booleans.
// Implements MS-FILESYNC §2.2 (Binary, Int, Null, String) and docs/decisions.md#f5 to #f9.
import * as t from 'io-ts'
import { Binary, bytesToBase64 } from '../codec/binary'
import { DotNetBoolean, trimXmlSpace } from '../codec/boolean'
import { DateTimeCodec } from '../codec/datetime'
import { FileSyncInt, NonNegativeInteger } from '../codec/integer'
import { codecValue, TextValue, type ValueType } from '../codec/values'
import type { JsonValue } from '../common/sync'
import type { FileSyncBoolean } from './model'

/**
 * Text kept exactly as read: never trimmed, re-cased or normalised (docs/decisions.md#f5).
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
 * Refuses digits with leading zeros or surrounding white space before `codec` reads them: `007` or ` 7 ` would come
 * back as `7`, and FILESYNC text must survive a round trip unchanged (§6.5).
 *
 * @example
 * ```ts
 * const Size = noLeadingZeros(NonNegativeInteger, 'a non-negative safe integer')
 * Size.decode('007') // left: leading zeros would not survive re-encoding
 * ```
 */
export function noLeadingZeros(
  codec: t.Type<number, string, string>,
  expected: string,
): t.Type<number, string, string> {
  return new t.Type<number, string, string>(
    codec.name,
    codec.is,
    (s, c) => {
      if (typeof s === 'string' && s.length > 1 && s.charCodeAt(0) === 48 && /^[0-9]+$/.test(s)) {
        return t.failure(
          s,
          c,
          `expected ${expected}, found ${JSON.stringify(s)} (leading zeros would not survive re-encoding)`,
        )
      }
      if (typeof s === 'string' && s !== trimXmlSpace(s)) {
        return t.failure(
          s,
          c,
          `expected ${expected}, found ${JSON.stringify(s.length > 40 ? `${s.slice(0, 37)}...` : s)}`,
        )
      }
      return codec.validate(s, c)
    },
    codec.encode,
  )
}

/**
 * A size or count: a non-negative safe integer, past 2^31 but never past 2^53-1, never rounded (§6.6).
 *
 * @example
 * ```ts
 * SafeSize.decode('27487790694400') // right(27487790694400)
 * ```
 */
export const SafeSize: t.Type<number, string, string> = noLeadingZeros(
  NonNegativeInteger,
  'a non-negative safe integer',
)

/**
 * The spec's `Int` (0..2147483647), for the fields that really are `Int` (`LabelHashScope`, `StreamProtocolSupport`).
 *
 * @example
 * ```ts
 * Int.decode('4') // right(4)
 * ```
 */
export const Int: t.Type<number, string, string> = noLeadingZeros(FileSyncInt, 'an Int (0..2147483647)')

/**
 * Bytes written as the text the kit's `Binary` codec gives (RFC 4648 base64).
 *
 * @example
 * ```ts
 * LEAF_TEXT.binary!(Uint8Array.of(1, 2)) // 'AQI='
 * ```
 */
export const LEAF_TEXT: Readonly<Record<string, ((x: unknown) => string) | undefined>> = {
  date: (x) => x as string,
  size: (x) => String(x),
  int: (x) => String(x),
  binary: (x) => bytesToBase64(x as Uint8Array),
}

/**
 * The text a boolean is written as: its `lexical` when that spells its value, else `True`/`False`.
 *
 * @example
 * ```ts
 * booleanText({ value: true, lexical: '0' }) // 'True'
 * ```
 */
export function booleanText(b: FileSyncBoolean): string {
  return DotNetBoolean.encode(b)
}

/**
 * The leaf codecs by field type (text aside).
 *
 * @example
 * ```ts
 * E.isRight(LEAF_CODEC.date!.decode('2025-11-07T22:06:33.0000000Z')) // true
 * ```
 */
export const LEAF_CODEC: Readonly<Record<string, t.Type<any, string, string> | undefined>> = {
  text: ExactText,
  date: DateTimeCodec,
  size: SafeSize,
  int: Int,
  binary: Binary,
  boolean: DotNetBoolean,
}

/**
 * The value types of Web3S leaves, for the element descriptions (src/filesync/schema.ts): text exactly as read,
 * an xs:dateTime with up to 7 fraction digits, a size, an `Int`, base64 bytes and a boolean that remembers its
 * spelling. Each reads and writes through the leaf codec above; its name is the leaf kind the decoder dispatches on.
 *
 * @example
 * ```ts
 * FILESYNC_VALUES.size.read('007') // a problem: leading zeros would not survive re-encoding
 * ```
 */
export const FILESYNC_VALUES = {
  text: TextValue,
  date: codecValue('date', 'string', DateTimeCodec),
  size: codecValue('size', 'number', SafeSize, numberJson(SafeSize)),
  int: codecValue('int', 'number', Int, numberJson(Int)),
  binary: codecValue('binary', 'object', Binary),
  boolean: codecValue<FileSyncBoolean>('boolean', 'object', DotNetBoolean, {
    readJson: (u) => (DotNetBoolean.is(u) ? u : { problem: 'must be { value: boolean, lexical? }' }),
    writeJson: (b: FileSyncBoolean): JsonValue =>
      b.lexical === undefined ? { value: b.value } : { value: b.value, lexical: b.lexical as string },
  }),
} as const

/** A number member in JSON, read as its text would be. */
function numberJson(codec: t.Type<number, string, string>): Pick<ValueType<number>, 'readJson' | 'writeJson'> {
  return {
    readJson: (u) => (typeof u === 'number' && codec.is(u) ? u : { problem: `must be ${codec.name}` }),
    writeJson: (n) => n,
  }
}
