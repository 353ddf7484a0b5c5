// The members of JSON objects a mapping does not model, kept verbatim: unknown members, `null`s, native properties.
// Generic: which members a protocol leaves out when empty is the caller's (SData's list is in src/sdata/json/members.ts).
import * as t from 'io-ts'
import type { JsonMembers, JsonValue } from '../../common/sync'
import { MAX_ELEMENT_DEPTH } from './element'
import { at, type Ctx, type Errs, fail, type JsonRecord } from './read'

/** Sets an own member, so a `__proto__` key stays a plain member instead of changing the prototype. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

/**
 * Reads any JSON value into a fresh copy (own members only, in order); anything JSON cannot hold (functions,
 * `undefined`, non-finite numbers, class instances) and trees deeper than {@link MAX_ELEMENT_DEPTH} are failures.
 *
 * @example
 * ```ts
 * readJsonValue(errs, { a: [1, null] }, ctx) // { a: [1, null] }, a copy
 * ```
 */
export function readJsonValue(errs: Errs, value: unknown, context: Ctx, depth = 0): JsonValue | undefined {
  if (depth > MAX_ELEMENT_DEPTH) return fail(errs, value, context, `JSON value deeper than ${MAX_ELEMENT_DEPTH}`)
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : fail(errs, value, context, 'a JSON number must be finite')
  }
  if (Array.isArray(value)) {
    const out: JsonValue[] = []
    for (let i = 0; i < value.length; i++) {
      const item = readJsonValue(errs, value[i], at(context, i, t.unknown, value[i]), depth + 1)
      if (item !== undefined) out.push(item)
    }
    return out
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return readJsonObject(errs, value as JsonRecord, context, depth)
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === null) {
    return readJsonObject(errs, value as JsonRecord, context, depth)
  }
  return fail(errs, value, context, `expected a JSON value, found ${typeof value}`)
}

function readJsonObject(errs: Errs, o: JsonRecord, context: Ctx, depth: number): JsonMembers {
  const out: JsonMembers = {}
  for (const key of Object.keys(o)) {
    const v = readJsonValue(errs, o[key], at(context, key, t.unknown, o[key]), depth + 1)
    if (v !== undefined) define(out, key, v)
  }
  return out
}

const NONE: ReadonlySet<string> = new Set()

/**
 * An object split by what the mapping models: `view` holds the modelled members to read (those with a non-null
 * value), `kept` the members written back verbatim (unknown `$` members, `null`s, and modelled members named in `leftOut` in
 * the form the encoder leaves out: `[]` or `false`), and `native` the members without `$` when `nativeAllowed` (an
 * entry's native properties); otherwise those are kept too.
 *
 * @example
 * ```ts
 * splitMembers(errs, { $etag: null, Title: 'T' }, ctx, new Set(['$etag']), true)
 * // { view: {}, kept: { $etag: null }, native: { Title: 'T' } }
 * ```
 */
export function splitMembers(
  errs: Errs,
  o: JsonRecord,
  context: Ctx,
  known: ReadonlySet<string>,
  nativeAllowed = false,
  leftOut: ReadonlySet<string> = NONE,
): { view: JsonRecord; kept?: JsonMembers; native?: JsonMembers } {
  const view: Record<string, unknown> = {}
  let kept: JsonMembers | undefined
  let native: JsonMembers | undefined
  for (const key of Object.keys(o)) {
    const value = o[key]
    if (known.has(key) && value !== null) {
      define(view, key, value)
      const omitted = leftOut.has(key) && (value === false || (Array.isArray(value) && value.length === 0))
      if (!omitted) continue
    }
    const here = at(context, key, t.unknown, value)
    const copy = readJsonValue(errs, value, here)
    if (copy === undefined) continue
    if (nativeAllowed && !key.startsWith('$') && !known.has(key)) {
      native ??= {}
      define(native, key, copy)
    } else {
      kept ??= {}
      define(kept, key, copy)
    }
  }
  const out: { view: JsonRecord; kept?: JsonMembers; native?: JsonMembers } = { view }
  if (kept !== undefined) out.kept = kept
  if (native !== undefined) out.native = native
  return out
}

/**
 * Writes kept members back into an encoded object: each one the modelled value did not set, and a kept `null` in
 * place of a member whose written value is what `nullReads` says a `null` of it reads as (its JSON text): a `null`
 * tick reads as 0 and a `null` digestEntry as `[]`, as missing ones do.
 *
 * @example
 * ```ts
 * withMembers({ $id: 'x' }, { $etag: null }) // { $id: 'x', $etag: null }
 * withMembers({ tick: 0 }, { tick: null }, new Map([['tick', '0']])) // { tick: null }
 * ```
 */
export function withMembers<T extends object>(
  encoded: T,
  kept: JsonMembers | undefined,
  nullReads?: ReadonlyMap<string, string>,
): T {
  if (kept === undefined) return encoded
  const out = encoded as Record<string, unknown>
  for (const key of Object.keys(kept)) {
    const value = kept[key]
    if (!Object.hasOwn(out, key)) define(out, key, value)
    else if (value === null && nullReads?.has(key) && nullReads.get(key) === JSON.stringify(out[key]))
      define(out, key, null)
  }
  return encoded
}

/**
 * Prepends members (native properties) before an encoded object's own, own members winning.
 *
 * @example
 * ```ts
 * withNative({ $uuid: 'u' }, { Title: 'T' }) // { Title: 'T', $uuid: 'u' }
 * ```
 */
export function withNative<T extends object>(encoded: T, native: JsonMembers | undefined): T {
  if (native === undefined) return encoded
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(native)) if (!Object.hasOwn(encoded, key)) define(out, key, native[key])
  for (const key of Object.keys(encoded)) define(out, key, (encoded as Record<string, unknown>)[key])
  return out as T
}
