// Internal decoding machinery for the SData codecs: XML paths built only when an error occurs, and the text
// primitives of sync §4.2/§4.3 and core §3.10/§3.11 (ticks, integers, stamps, booleans) read leniently (docs/decisions.md#s2).
import type * as t from 'io-ts'
import { trimXmlSpace } from '../codec/boolean'
import { Problems as AnyProblems, type Path, readValue } from '../codec/schema/path'
import { BooleanValue, IntegerValue, isValueProblem, NonNegativeIntegerValue, StampValue } from '../codec/values'
import type { XmlElement } from '../xml/types'
import type { Stamp } from './model'
import { CONVENTIONAL_PREFIXES } from './namespaces'

export { at, attrAt, leafText, missingAt, type Path, readValue } from '../codec/schema/path'

/**
 * Collects errors while decoding one SData document; paths show SData's conventional prefixes
 * (`/feed/entry[3]/sync:syncState/tick`).
 *
 * @example
 * ```ts
 * const problems = new Problems(context)
 * ```
 */
export class Problems extends AnyProblems {
  constructor(base: t.Context) {
    super(base, CONVENTIONAL_PREFIXES)
  }
}

/** Removes leading and trailing XML whitespace (space, tab, CR, LF) only: the codec kit's rule. */
export const trimXml: (text: string) => string = trimXmlSpace

/** A non-negative safe integer (ticks, counts); past 2^53 − 1 is an error. */
export const readNat = (el: XmlElement, path: Path, problems: Problems): number | undefined =>
  readValue(el, path, problems, NonNegativeIntegerValue)

/** An xs:integer that fits a safe integer (conflictPriority, httpStatus). */
export const readInt = (el: XmlElement, path: Path, problems: Problems): number | undefined =>
  readValue(el, path, problems, IntegerValue)

/** A stamp: any xs:dateTime, zone optional, kept as written (trimmed). */
export const readStamp = (el: XmlElement, path: Path, problems: Problems): Stamp | undefined =>
  readValue(el, path, problems, StampValue)

/** An xs:boolean in an attribute's text (any letter case, as .NET servers write `True`). */
export function readBoolean(text: string, path: Path, problems: Problems): boolean | undefined {
  const b = BooleanValue.read(text)
  if (!isValueProblem(b)) return b
  problems.add(path, text, b.problem)
  return undefined
}
