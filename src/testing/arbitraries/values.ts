// The fast-check arbitrary of each value type (docs/schema.md), in one table: the named value types of element
// descriptions and the codec kit's string codecs, each generating only values it writes and reads back equal.
import fc from 'fast-check'
import * as t from 'io-ts'
import { Binary } from '../../codec/binary'
import type { FormBoolean } from '../../codec/boolean'
import { DotNetBoolean, XsBoolean } from '../../codec/boolean'
import { DateTimeCodec, StampCodec } from '../../codec/datetime'
import { Guid, Uuid } from '../../codec/guid'
import { HexString } from '../../codec/hex'
import { FileSyncInt, NonNegativeInteger, SafeInteger } from '../../codec/integer'
import { Null } from '../../codec/null'
import {
  BooleanValue,
  type CodecValueType,
  DecimalValue,
  IntegerValue,
  NonNegativeIntegerValue,
  StampValue,
  TextValue,
  type ValueType,
} from '../../codec/values'
import { arbFileSyncDateTime, arbFileSyncInt, arbFormBoolean, arbResourceId } from './filesync-leaves'
import { arbStamp, arbUuid, arbXmlText, type SDataArbitraryOptions } from './sdata-common'

type Source = object
type Make = (options: SDataArbitraryOptions) => fc.Arbitrary<unknown>

const text: Make = () => arbXmlText()
const natural: Make = () => fc.nat()
const integer: Make = () => fc.integer({ min: -1000, max: 1000 })
const stamp: Make = (options) => arbStamp(options)
const boolean: Make = () => fc.boolean()

/** Each value type and kit string codec, with the arbitrary of its values. */
const TABLE: ReadonlyMap<Source, Make> = new Map<Source, Make>([
  [TextValue, text],
  [t.string, text],
  [NonNegativeIntegerValue, natural],
  [NonNegativeInteger, natural],
  [IntegerValue, integer],
  [SafeInteger, integer],
  [StampValue, stamp],
  [StampCodec, stamp],
  [DateTimeCodec, () => arbFileSyncDateTime()],
  [DecimalValue, () => fc.stringMatching(/^[0-9]{1,3}(\.[0-9]{1,2})?$/)],
  [BooleanValue, boolean],
  [XsBoolean, boolean],
  [DotNetBoolean, (): fc.Arbitrary<FormBoolean> => arbFormBoolean],
  [FileSyncInt, () => arbFileSyncInt],
  [Guid, () => arbResourceId()],
  [Uuid, () => arbUuid()],
  [HexString, () => fc.stringMatching(/^[0-9A-Fa-f]{1,16}$/)],
  [Binary, () => fc.uint8Array({ maxLength: 24 })],
  [Null, () => fc.constant(null)],
])

/**
 * The arbitrary of a kit string codec (`t.string`, `XsBoolean`, `NonNegativeInteger`, `StampCodec`, `Guid`,
 * `Binary`, …), or `undefined` for a codec the table does not know.
 */
export function codecArbitrary(
  codec: t.Type<any, any, any>,
  options: SDataArbitraryOptions,
): fc.Arbitrary<unknown> | undefined {
  return TABLE.get(codec)?.(options)
}

/**
 * The arbitrary of a value type: a named one (`TextValue`, `StampValue`, …) or one adapted from a kit string codec
 * (`codecValue`), by its codec; `undefined` when neither is known.
 */
export function knownValueArbitrary(
  type: ValueType<any>,
  options: SDataArbitraryOptions,
): fc.Arbitrary<unknown> | undefined {
  const own = TABLE.get(type)
  if (own !== undefined) return own(options)
  const codec = (type as Partial<CodecValueType<unknown>>).codec
  return codec === undefined ? undefined : codecArbitrary(codec, options)
}

/** The arbitrary of each value type: every value it generates writes and reads back equal. */
export function valueArbitrary(type: ValueType<any>, options: SDataArbitraryOptions): fc.Arbitrary<unknown> {
  const arb = knownValueArbitrary(type, options)
  if (arb === undefined) throw new Error(`no arbitrary for the value type ${type.name}`)
  return arb
}
