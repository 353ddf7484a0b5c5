// syncwire/codec: the codec kit, so users' codecs (an SData contract's payload, a FILESYNC extension element)
// behave like syncwire's own: element combinators, XSD and protocol value types, document helpers, the reporter.

/**
 * The codec kit: element combinators, XSD and protocol value types, document helpers, `reportErrors`, and the plain `safeDecode`/`decodeOrThrow`.
 *
 * @packageDocumentation
 * @module syncwire/codec
 */

export { compareDateTime, type DateTime, dateTimeToEpochMs } from '../common/datetime'
export {
  formatJsonPointer,
  formatLocation,
  formatXmlPath,
  ISSUE_CODES,
  type Issue,
  type IssueCode,
  type IssueSeverity,
  type PathStep,
} from '../common/issues'
export { compareStamps, isStamp, type Stamp, stamp, stampToEpochMs } from '../common/stamp'
export { Binary, base64ToBytes, bytesToBase64 } from './binary'
export { type BooleanLexical, DotNetBoolean, type FormBoolean, formBoolean, XsBoolean } from './boolean'
export type { XmlStep } from './context'
export { DateTimeCodec, StampCodec } from './datetime'
export { type DocumentOptions, fromXml, type XmlRootOptions, xmlRoot } from './document'
export {
  type AnchoredElement,
  anchoredUnknownChildren,
  anyElement,
  attribute,
  attributeOr,
  byName,
  child,
  childOr,
  children,
  type ElementCodec,
  element,
  type Field,
  type FieldSpec,
  type FieldValue,
  mapCodec,
  type NameCase,
  type OptionalKeys,
  optionalAttribute,
  optionalChild,
  otherChildren,
  type RecordOf,
  type RequiredKeys,
  record,
  recordDescription,
  type Simplify,
  text,
  textContent,
  unknownAttributes,
  unknownChildren,
} from './element'
export { Guid, guidEquals, Uuid, uuidEquals } from './guid'
export { compareHex, HexString } from './hex'
export { FileSyncInt, NonNegativeInteger, SafeInteger } from './integer'
export { type Names, qname, type XName, xmlNamespace } from './names'
export { Null, orNull } from './null'
export { type DecodeIssue, reportErrors } from './report'
export { DecodeError, type DecodeResult, decodeOrThrow, safeDecode } from './safe'
export {
  type DescribeOptions,
  describedElement,
  describedJson,
  describeElement,
  plainDialect,
} from './schema/build'
export {
  type Child,
  type ElementDescription,
  guardOf,
  type JsonForm,
  type LeafChild,
  type ListChild,
  leafChild,
  listChild,
  type ManyChild,
  manyChild,
  type Occurs,
  type OneChild,
  oneChild,
} from './schema/describe'
export { type Dialect, dialect } from './schema/dialect'
export {
  type AttributeChild,
  type CodecChild,
  describedOf,
  type TextChild,
  type UnknownContent,
} from './schema/kit'
export {
  BooleanValue,
  type CodecValueType,
  codecValue,
  DecimalValue,
  IntegerValue,
  isValueProblem,
  NonNegativeIntegerValue,
  StampValue,
  TextValue,
  type ValueProblem,
  type ValueType,
} from './values'
