// The JSON members of a description's kit content (docs/schema.md): attribute children and the text read and written
// by their value types; kept unknown children and attributes in the lossless element and attribute JSON forms; values
// of a codec child whose codec has no description as they are, elements in the lossless form.
import * as t from 'io-ts'
import type { XmlElement } from '../../xml/types'
import { attributeToJson, elementToJson, readAttribute, readElement } from '../json/element'
import { at, type Ctx, type Errs, fail, type JsonRecord, member, optArray, readObject } from '../json/read'
import { isValueProblem, type ValueType } from '../values'
import type { ElementDescription, Occurs } from './describe'
import { type CodecChild, describedOf, type UnknownContent } from './kit'
import { isElement } from './tree'

/**
 * One JSON member of kit content: a value read by its type (with its cardinality), or kept content.
 *
 * @example
 * ```ts
 * const rel: KitMember = { key: 'rel', json: 'rel', kind: TextValue, occurs: 'required' }
 * ```
 */
export interface KitMember {
  readonly key: string
  readonly json: string
  /** The value type, or which kept content the member holds. */
  readonly kind: ValueType<any> | 'attributes' | 'weak' | 'anchored' | t.Type<any, XmlElement, XmlElement>
  readonly occurs: Occurs
}

const KEPT: Occurs = { default: [] }

/**
 * The JSON members of a description's kit content, in the order they are written.
 *
 * @example
 * ```ts
 * kitMembers(recordDescription({ rel: attribute(qname(null, 'rel'), t.string) })) // [{ key: 'rel', … }]
 * ```
 */
export function kitMembers(d: ElementDescription<unknown>): KitMember[] {
  const out: KitMember[] = []
  for (const a of d.attributeChildren ?? []) out.push({ key: a.key, json: a.json, kind: a.type, occurs: a.occurs })
  if (d.text !== undefined) out.push({ key: d.text.key, json: d.text.json, kind: d.text.type, occurs: 'required' })
  const unknown: UnknownContent | undefined = d.unknown
  if (unknown !== undefined && unknown.attributes !== 'drop') {
    out.push({ key: unknown.attributes.key, json: unknown.attributes.key, kind: 'attributes', occurs: KEPT })
  }
  if (unknown !== undefined && unknown.children !== 'drop') {
    const rest = unknown.children
    const kind = rest.keep === 'decoded' ? rest.codec! : rest.keep
    out.push({ key: rest.key, json: rest.key, kind, occurs: KEPT })
  }
  return out
}

/**
 * Reads one kit member of `o` into `value`; errors are recorded.
 *
 * @example
 * ```ts
 * readKitMember(errs, { rel: 'self' }, ctx, member, value)
 * ```
 */
export function readKitMember(errs: Errs, o: JsonRecord, c: Ctx, m: KitMember, value: Record<string, unknown>): void {
  const v = member(o, m.json)
  if (v === undefined) {
    if (m.occurs === 'required') fail(errs, o, at(c, m.json, t.string, undefined), `${m.json} is missing`)
    else if (m.occurs !== 'optional') value[m.key] = m.occurs.default
    return
  }
  const kind = m.kind
  if (kind === 'attributes') value[m.key] = optArray(errs, o, m.json, c, (a, ac) => readAttribute(errs, a, ac))
  else if (kind === 'weak') value[m.key] = optArray(errs, o, m.json, c, (e, ec) => readElement(errs, e, ec))
  else if (kind === 'anchored') value[m.key] = optArray(errs, o, m.json, c, (e, ec) => readAnchored(errs, e, ec))
  else if (kind instanceof t.Type) value[m.key] = optArray(errs, o, m.json, c, opaqueReader(kind, errs))
  else {
    const r = kind.readJson(v)
    if (isValueProblem(r)) fail(errs, v, at(c, m.json, t.string, v), `${m.json} ${r.problem}`)
    else value[m.key] = r
  }
}

/** Reads an anchored unknown child: `{ after, element }`, `after` a string or `null`. */
function readAnchored(errs: Errs, u: unknown, c: Ctx): { after: string | null; element: XmlElement } | undefined {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return fail(errs, u, c, 'must be a JSON object')
  const after = member(u as JsonRecord, 'after')
  const raw = member(u as JsonRecord, 'element')
  const element = readElement(errs, raw, at(c, 'element', t.UnknownRecord, raw))
  if (after !== null && typeof after !== 'string')
    return fail(errs, after, at(c, 'after', t.string, after), 'after must be a string or null')
  return element === undefined ? undefined : { after, element }
}

/**
 * Writes one kit member of `value` into `out` (a member absent from the value is left out).
 *
 * @example
 * ```ts
 * writeKitMember({ rel: 'self' }, member, out) // out.rel === 'self'
 * ```
 */
export function writeKitMember(value: Record<string, unknown>, m: KitMember, out: Record<string, unknown>): void {
  const x = value[m.key]
  if (x === undefined) return
  const kind = m.kind
  if (kind === 'attributes') out[m.json] = (x as Parameters<typeof attributeToJson>[0][]).map(attributeToJson)
  else if (kind === 'weak') out[m.json] = (x as XmlElement[]).map((e) => elementToJson(e))
  else if (kind === 'anchored') {
    const items = x as { after: string | null; element: XmlElement }[]
    out[m.json] = items.map((a) => ({ after: a.after, element: elementToJson(a.element) }))
  } else if (kind instanceof t.Type) out[m.json] = (x as unknown[]).map(opaqueWriter)
  else out[m.json] = kind.writeJson(x)
}

/**
 * The JSON reader of a value its codec alone knows (a codec child whose codec has no description): the value as is
 * when the codec's guard accepts it, else its lossless element form read back to an element the guard accepts.
 *
 * @example
 * ```ts
 * opaqueReader(text(t.string), errs)('a', ctx) // 'a'
 * ```
 */
export function opaqueReader(codec: t.Type<any, any, any>, errs: Errs): (u: unknown, c: Ctx) => unknown {
  return (u, c) => {
    if (codec.is(u)) return u
    if (typeof u === 'object' && u !== null && typeof (u as { name?: unknown }).name === 'string') {
      const el = readElement(errs, u, c)
      if (el === undefined || codec.is(el)) return el
    }
    return fail(errs, u, c, `expected ${codec.name}`)
  }
}

/**
 * The JSON writer of a value its codec alone knows: elements in their lossless form, anything else as is.
 *
 * @example
 * ```ts
 * opaqueWriter(someElement) // { name: 'x', … }
 * ```
 */
export function opaqueWriter(x: unknown): unknown {
  return isElement(x) ? elementToJson(x) : x
}

type Reader = (errs: Errs, u: unknown, c: Ctx) => unknown
const jsonReaders = new WeakMap<object, Reader>()
const jsonWriters = new WeakMap<object, (value: unknown) => Record<string, unknown>>()

/** The JSON reader of a codec child's values: its codec's description when it has one, else {@link opaqueReader}. */
function childReader(c: CodecChild): Reader {
  const nested = describedOf<ElementDescription<unknown>>(c.codec)
  return nested === undefined ? (errs, u, uc) => opaqueReader(c.codec, errs)(u, uc) : compileKitJsonReader(nested)
}

/**
 * The JSON reader of a description with kit content, compiled on first use and cached: each codec child a member
 * (an array when repeated), then the attribute children, the text and the kept content ({@link kitMembers}).
 * Members it does not know are not read.
 *
 * @example
 * ```ts
 * compileKitJsonReader(recordDescription(fields))(errs, { name: 'ItemCount', value: '500' }, ctx)
 * ```
 */
export function compileKitJsonReader(d: ElementDescription<unknown>): Reader {
  const known = jsonReaders.get(d)
  if (known !== undefined) return known
  // Registered before the children are compiled, so a record nested in itself reads through this reader.
  let items: Reader[] | undefined
  const kids = d.children as readonly CodecChild[]
  const members = kitMembers(d)
  const reader: Reader = (errs, u, c) => {
    items ??= kids.map(childReader)
    const o = readObject(errs, u, c, d.json.what)
    if (o === undefined) return undefined
    const before = errs.length
    const value: Record<string, unknown> = {}
    kids.forEach((k, i) => {
      const item = items![i]!
      if (k.occurs === 'repeated') {
        value[k.key] = optArray(errs, o, k.json, c, (v, vc) => item(errs, v, vc)) ?? []
        return
      }
      const v = member(o, k.json)
      if (v !== undefined) {
        const r = item(errs, v, at(c, k.json, t.unknown, v))
        if (r !== undefined) value[k.key] = r
      } else if (k.occurs === 'required') fail(errs, o, at(c, k.json, t.unknown, undefined), `${k.json} is missing`)
      else if (k.occurs !== 'optional') value[k.key] = k.occurs.default
    })
    for (const m of members) readKitMember(errs, o, c, m, value)
    return errs.length > before ? undefined : value
  }
  jsonReaders.set(d, reader)
  return reader
}

/**
 * The JSON writer of a description with kit content, compiled on first use and cached: the members in the order
 * the reader reads them; a member absent from the value is left out.
 *
 * @example
 * ```ts
 * compileKitJsonWriter(recordDescription(fields))({ name: 'ItemCount', value: '500' }) // { name, value }
 * ```
 */
export function compileKitJsonWriter(d: ElementDescription<unknown>): (value: unknown) => Record<string, unknown> {
  const known = jsonWriters.get(d)
  if (known !== undefined) return known
  let items: Array<(x: unknown) => unknown> | undefined
  const kids = d.children as readonly CodecChild[]
  const members = kitMembers(d)
  const writer = (value: unknown): Record<string, unknown> => {
    items ??= kids.map((k) => {
      const nested = describedOf<ElementDescription<unknown>>(k.codec)
      return nested === undefined ? opaqueWriter : compileKitJsonWriter(nested)
    })
    const v = value as Record<string, unknown>
    const out: Record<string, unknown> = {}
    kids.forEach((k, i) => {
      const x = v[k.key]
      if (x === undefined) return
      out[k.json] = k.occurs === 'repeated' ? (x as unknown[]).map(items![i]!) : items![i]!(x)
    })
    for (const m of members) writeKitMember(v, m, out)
    return out
  }
  jsonWriters.set(d, writer)
  return writer
}
