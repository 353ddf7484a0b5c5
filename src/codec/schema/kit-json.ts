// The JSON members of a description's kit content (docs/schema.md): attribute children and the text as members read
// and written by their value types, and kept unknown content (elements, attributes) as members holding it as read.
import * as t from 'io-ts'
import { at, type Ctx, type Errs, fail, type JsonRecord, member } from '../json/read'
import { isValueProblem, type ValueType } from '../values'
import type { ElementDescription, Occurs } from './describe'

/**
 * One JSON member of kit content: a value read by its type (with its cardinality), or kept content as is.
 *
 * @example
 * ```ts
 * const rel: KitMember = { key: 'rel', json: 'rel', type: TextValue, occurs: 'required' }
 * ```
 */
export interface KitMember {
  readonly key: string
  readonly json: string
  /** The value type; `undefined` for kept content (an array, as is). */
  readonly type: ValueType<any> | undefined
  readonly occurs: Occurs
}

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
  for (const a of d.attributeChildren ?? []) out.push({ key: a.key, json: a.json, type: a.type, occurs: a.occurs })
  if (d.text !== undefined) out.push({ key: d.text.key, json: d.text.json, type: d.text.type, occurs: 'required' })
  const rest = d.unknown
  if (rest !== undefined && rest.attributes !== 'drop') {
    out.push({ key: rest.attributes.key, json: rest.attributes.key, type: undefined, occurs: { default: [] } })
  }
  if (rest !== undefined && rest.children !== 'drop') {
    out.push({ key: rest.children.key, json: rest.children.key, type: undefined, occurs: { default: [] } })
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
  if (m.type === undefined) {
    if (Array.isArray(v)) value[m.key] = v
    else fail(errs, v, at(c, m.json, t.UnknownArray, v), `${m.json} must be an array`)
    return
  }
  const r = m.type.readJson(v)
  if (isValueProblem(r)) fail(errs, v, at(c, m.json, t.string, v), `${m.json} ${r.problem}`)
  else value[m.key] = r
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
  if (x !== undefined) out[m.json] = m.type === undefined ? x : m.type.writeJson(x)
}
