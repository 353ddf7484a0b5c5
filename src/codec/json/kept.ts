// Shared pieces of the JSON mappings: kept extensions and attributes, JSON members, stamps, codec shape. Unmodelled
// children and attributes survive a round trip as `$extensions` and `$attributes` (SData 2.0 §04-0500 leaves them out).
import * as t from 'io-ts'
import type { JsonMembers, Stamp } from '../../common/sync'
import type { XmlAttribute, XmlElement } from '../../xml/types'
import {
  type AttributeJsonObject,
  attributeToJson,
  type ElementJsonObject,
  elementToJson,
  readAttribute,
  readElement,
} from './element'
import { at, type Ctx, type Errs, fail, type JsonRecord, member, optArray, optStamp, run } from './read'

/** Keeps a list only when it has items. */
export function nonEmpty<A>(items: A[] | undefined): A[] | undefined {
  return items !== undefined && items.length > 0 ? items : undefined
}

/** Parts a value may keep beyond its modelled fields; absent when there are none. */
interface Kept {
  extensions?: XmlElement[]
  attributes?: XmlAttribute[]
}
// Read through a structural view, so values with or without these optional members are handled alike.
const kept = (value: object): Kept => value as Kept

/** The kept extension elements of a value in JSON form. */
export function keptExtensions(value: object): ElementJsonObject[] | undefined {
  return kept(value).extensions?.map((e) => elementToJson(e))
}

/** The kept attributes of a value in JSON form. */
export function keptAttributes(value: object): AttributeJsonObject[] | undefined {
  return kept(value).attributes?.map(attributeToJson)
}

/** Extension elements in JSON form, none when empty. */
export function encodeExtensions(extensions: XmlElement[] | undefined): ElementJsonObject[] | undefined {
  return nonEmpty(extensions?.map((e) => elementToJson(e)))
}

/** Reads a stamp member, reporting it when required and missing. */
export function stampOf(errs: Errs, o: JsonRecord, key: string, c: Ctx, required: boolean): Stamp | undefined {
  if (required && member(o, key) === undefined)
    return fail(errs, o, at(c, key, t.string, undefined), `${key} is missing`)
  return optStamp(errs, o, key, c) as Stamp | undefined
}

/** Sets the JSON members kept by `splitMembers`, when there are any. */
export function withJsonMembers<A extends { jsonMembers?: JsonMembers }>(value: A, kept: JsonMembers | undefined): A {
  if (kept !== undefined) value.jsonMembers = kept
  return value
}

/** Sets the kept members that were present in the JSON (and only those). */
export function withKept<A extends object>(
  value: A,
  extensions: XmlElement[] | undefined,
  attributes: XmlAttribute[] | undefined,
): A {
  if (extensions !== undefined) kept(value).extensions = extensions
  if (attributes !== undefined) kept(value).attributes = attributes
  return value
}

/** Reads the kept `$attributes` of an object. */
export function readAttributes(errs: Errs, o: JsonRecord, c: Ctx): XmlAttribute[] | undefined {
  return optArray(errs, o, '$attributes', c, (v, vc) => readAttribute(errs, v, vc))
}

/** Reads the `$extensions` of an object, when present (kept as read, even when empty). */
export function optExtensions(errs: Errs, o: JsonRecord, c: Ctx): XmlElement[] | undefined {
  return optArray(errs, o, '$extensions', c, (v, vc) => readElement(errs, v, vc))
}

/** Reads the `$extensions` of an object (none when absent). */
export function readExtensions(errs: Errs, o: JsonRecord, c: Ctx): XmlElement[] {
  return optExtensions(errs, o, c) ?? []
}

/** True for a non-null object. */
export function isObject(u: unknown): u is Record<string, unknown> {
  return u !== null && typeof u === 'object'
}

/** An io-ts codec between a value and its JSON form: `is` checks an object, `read` decodes totally through {@link run}. */
export function jsonType<A, O>(
  name: string,
  is: (u: Record<string, unknown>) => boolean,
  read: (errs: Errs, u: unknown, c: Ctx) => A | undefined,
  encode: (a: A) => O,
): t.Type<A, O, unknown> {
  return new t.Type<A, O, unknown>(
    name,
    (u): u is A => isObject(u) && is(u),
    (u, c) => run(u, c, (errs, ctx) => read(errs, u, ctx)),
    encode,
  )
}
