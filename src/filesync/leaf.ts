// The leaf value codecs of Web3S elements, from the codec kit: text, xs:dateTime at 100 ns, sizes, Int, Binary, booleans.
// Implements MS-FILESYNC §2.2 (Binary, Int, Null, String) and docs/decisions.md#f5 to #f9.
import * as t from 'io-ts'
import { Binary, base64ToBytes, bytesToBase64 } from '../codec/binary'
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

/** What {@link readCount} gives for text its codec refuses (the codec then words the problem). */
export const REFUSED: unique symbol = Symbol('refused')

/**
 * The number the digits `s` spell when they are a count as FILESYNC writes one: no sign, no white space, no leading
 * zero, at most `max`; else {@link REFUSED}. Reads in place, with no regular expression and no allocation.
 *
 * @example
 * ```ts
 * readCount('4532', 2147483647) // 4532
 * readCount('007', 2147483647) // REFUSED
 * ```
 */
export function readCount(s: string, max: number): number | typeof REFUSED {
  const len = s.length
  // 16 digits reach past 2^53; a leading 0 is allowed only as the whole text.
  if (len === 0 || len > 16 || (len > 1 && s.charCodeAt(0) === 48)) return REFUSED
  let n = 0
  for (let k = 0; k < len; k++) {
    const d = s.charCodeAt(k) - 48
    if (d < 0 || d > 9) return REFUSED
    n = n * 10 + d
  }
  return n <= max ? n : REFUSED
}

/** A count codec: {@link readCount}, and `slow` for the message when it refuses. */
function countCodec(slow: t.Type<number, string, string>, max: number): t.Type<number, string, string> {
  return new t.Type<number, string, string>(
    slow.name,
    slow.is,
    (s, c) => {
      const n = typeof s === 'string' ? readCount(s, max) : REFUSED
      return n === REFUSED ? slow.validate(s, c) : t.success(n)
    },
    slow.encode,
  )
}

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
export const SafeSize: t.Type<number, string, string> = countCodec(
  noLeadingZeros(NonNegativeInteger, 'a non-negative safe integer'),
  Number.MAX_SAFE_INTEGER,
)

/**
 * The spec's `Int` (0..2147483647), for the fields that really are `Int` (`LabelHashScope`, `StreamProtocolSupport`).
 *
 * @example
 * ```ts
 * Int.decode('4') // right(4)
 * ```
 */
export const Int: t.Type<number, string, string> = countCodec(
  noLeadingZeros(FileSyncInt, 'an Int (0..2147483647)'),
  2147483647,
)

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

const NO_CONTEXT: t.Context = []

/**
 * The value of a leaf of `type` (text aside, which is its own value) from its non-empty text, as its codec in
 * {@link LEAF_CODEC} reads it, or {@link REFUSED}; counts and bytes are read with no Either in between.
 *
 * @example
 * ```ts
 * readLeaf('size', '4532') // 4532
 * ```
 */
export function readLeaf(type: string, s: string): unknown {
  switch (type) {
    case 'size':
      return readCount(s, Number.MAX_SAFE_INTEGER)
    case 'int':
      return readCount(s, 2147483647)
    case 'binary':
      return base64ToBytes(s) ?? REFUSED
    default: {
      const r = LEAF_CODEC[type]!.validate(s, NO_CONTEXT)
      return r._tag === 'Right' ? r.right : REFUSED
    }
  }
}
