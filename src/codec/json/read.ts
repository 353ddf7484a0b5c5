// Internal reading helpers for the JSON codecs: total, path-keeping readers of untrusted JSON values.
// They implement nothing of a protocol themselves; the mappings are derived from element descriptions (schema/json.ts).
import * as t from 'io-ts'
import { internalError } from '../../codec/context'
import { isValueProblem, StampValue } from '../../codec/values'
import { internalMessage } from '../../xml/issue'

/**
 * Errors gathered while reading one document, so a decode reports every problem, not only the first.
 *
 * @example
 * ```ts
 * const errs: Errs = []
 * ```
 */
export type Errs = t.ValidationError[]

/**
 * A JSON object read from untrusted input.
 *
 * @example
 * ```ts
 * const o: JsonRecord = { $syncMode: 'catchUp' }
 * ```
 */
export type JsonRecord = Readonly<Record<string, unknown>>

/**
 * Where a reader is: a cheap linked path, turned into an io-ts context only when a failure is recorded
 * (building an io-ts context per member would copy the whole path each time).
 *
 * @example
 * ```ts
 * const here: Ctx = at(rootCtx(context), '$resources', t.UnknownArray, value)
 * ```
 */
export interface Ctx {
  /** The enclosing step; absent at the root. */
  readonly parent?: Ctx
  /** The member name or item index of this step. */
  readonly key?: string | number
  /** The decoder recorded for this step. */
  readonly type?: t.Decoder<any, any>
  /** The value found at this step. */
  readonly actual?: unknown
  /** At the root: the io-ts context the codec was called with. */
  readonly base?: t.Context
}

/**
 * The root of a reader path, from the io-ts context a codec's `validate` received.
 *
 * @example
 * ```ts
 * const ctx = rootCtx(c)
 * ```
 */
export function rootCtx(base: t.Context): Ctx {
  return { base }
}

/**
 * The io-ts context of a reader path.
 *
 * @example
 * ```ts
 * contractCodec.validate(element, toContext(here))
 * ```
 */
export function toContext(ctx: Ctx): t.Context {
  const steps: t.ContextEntry[] = []
  let node: Ctx | undefined = ctx
  while (node !== undefined && node.base === undefined) {
    steps.push({ key: String(node.key), type: node.type ?? t.unknown, actual: node.actual })
    node = node.parent
  }
  return [...(node?.base ?? []), ...steps.reverse()]
}

/**
 * Records one failure at a context.
 *
 * @example
 * ```ts
 * return fail(errs, value, context, 'tick must be a non-negative safe integer')
 * ```
 */
export function fail(errs: Errs, value: unknown, context: Ctx, message: string): undefined {
  errs.push({ value, context: toContext(context), message })
  return undefined
}

/**
 * The context of a member of an object or an item of an array.
 *
 * @example
 * ```ts
 * const here = at(context, '$resources', t.UnknownArray, value)
 * ```
 */
export function at(context: Ctx, key: string | number, type: t.Decoder<any, any>, actual: unknown): Ctx {
  return { parent: context, key, type, actual }
}

/**
 * The value as a plain JSON object, or a failure.
 *
 * @example
 * ```ts
 * const o = readObject(errs, u, c, 'a digest') // undefined (and an error) for [] or null
 * ```
 */
export function readObject(errs: Errs, value: unknown, context: Ctx, what: string): JsonRecord | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail(errs, value, context, `${what} must be a JSON object`)
  }
  return value as JsonRecord
}

/**
 * An own member of an object (inherited members, `__proto__` tricks included, are never read).
 *
 * @example
 * ```ts
 * member(JSON.parse('{"__proto__": 1}'), '__proto__') // 1, an own member
 * ```
 */
export function member(object: JsonRecord, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined
}

/**
 * An optional string member.
 *
 * @example
 * ```ts
 * const origin = optString(errs, o, 'origin', c)
 * ```
 */
export function optString(errs: Errs, object: JsonRecord, key: string, context: Ctx): string | undefined {
  const value = member(object, key)
  if (value === undefined) return undefined
  if (typeof value !== 'string') return fail(errs, value, at(context, key, t.string, value), `${key} must be a string`)
  return value
}

/**
 * A required string member.
 *
 * @example
 * ```ts
 * const endpoint = reqString(errs, o, 'endpoint', c) // an error 'endpoint is missing' when absent
 * ```
 */
export function reqString(errs: Errs, object: JsonRecord, key: string, context: Ctx): string | undefined {
  if (member(object, key) === undefined)
    return fail(errs, object, at(context, key, t.string, undefined), `${key} is missing`)
  return optString(errs, object, key, context)
}

/**
 * An optional safe-integer member (at least `min`).
 *
 * @example
 * ```ts
 * const tick = optInteger(errs, o, 'tick', c, 0) ?? 0
 * ```
 */
export function optInteger(
  errs: Errs,
  object: JsonRecord,
  key: string,
  context: Ctx,
  min = Number.MIN_SAFE_INTEGER,
): number | undefined {
  const value = member(object, key)
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    const range = min === 0 ? 'a non-negative safe integer' : min > 0 ? `a safe integer >= ${min}` : 'a safe integer'
    return fail(errs, value, at(context, key, t.number, value), `${key} must be ${range}`)
  }
  // JSON has no -0; keep the value JSON-exact.
  return value === 0 ? 0 : value
}

/**
 * An optional boolean member.
 *
 * @example
 * ```ts
 * const deleted = optBoolean(errs, o, '$isDeleted', c) ?? false
 * ```
 */
export function optBoolean(errs: Errs, object: JsonRecord, key: string, context: Ctx): boolean | undefined {
  const value = member(object, key)
  if (value === undefined) return undefined
  if (typeof value !== 'boolean')
    return fail(errs, value, at(context, key, t.boolean, value), `${key} must be a boolean`)
  return value
}

/**
 * An optional array member, each item read by `item`; items that fail are left out (their errors kept).
 *
 * @example
 * ```ts
 * const links = optArray(errs, o, '$links', c, (v, vc) => readLink(errs, v, vc)) ?? []
 * ```
 */
export function optArray<A>(
  errs: Errs,
  object: JsonRecord,
  key: string,
  context: Ctx,
  item: (value: unknown, context: Ctx) => A | undefined,
): A[] | undefined {
  const value = member(object, key)
  if (value === undefined) return undefined
  const here = at(context, key, t.UnknownArray, value)
  if (!Array.isArray(value)) return fail(errs, value, here, `${key} must be a JSON array`)
  const out: A[] = []
  value.forEach((v, i) => {
    const a = item(v, at(here, i, t.unknown, v))
    if (a !== undefined) out.push(a)
  })
  return out
}

/**
 * A stamp member: a lexical xs:dateTime kept as is, or a .NET `/Date(ms)/` form turned into one (the stamp value
 * type's JSON reader).
 *
 * @example
 * ```ts
 * optStamp(errs, { stamp: '/Date(1371283200000)/' }, 'stamp', c) // '2013-06-15T08:00:00Z'
 * ```
 */
export function optStamp(errs: Errs, object: JsonRecord, key: string, context: Ctx): string | undefined {
  const value = optString(errs, object, key, context)
  if (value === undefined) return undefined
  const r = StampValue.readJson(value)
  return isValueProblem(r) ? fail(errs, value, at(context, key, t.string, value), `${key} ${r.problem}`) : r
}

/**
 * Runs a reader as an io-ts validation; any exception (a throwing payload codec, getter or proxy) becomes an
 * {@link internalError} (code `internal`).
 *
 * @example
 * ```ts
 * (u, c) => run(u, c, (errs, ctx) => readDigest(errs, u, ctx))
 * ```
 */
export function run<A>(u: unknown, c: t.Context, read: (errs: Errs, ctx: Ctx) => A | undefined): t.Validation<A> {
  const errs: Errs = []
  try {
    const a = read(errs, rootCtx(c))
    if (errs.length > 0 || a === undefined) return errs.length > 0 ? t.failures(errs) : t.failure(u, c, 'unreadable')
    return t.success(a)
  } catch (cause) {
    return t.failures([internalError(u, c, internalMessage(cause))])
  }
}

/**
 * Copies only the members that are defined, so encoded objects never hold `undefined`.
 *
 * @example
 * ```ts
 * compact({ a: 1, b: undefined }) // { a: 1 }
 * ```
 */
export function compact<T extends Record<string, unknown>>(object: T): T {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(object)) if (value !== undefined) out[key] = value
  return out as T
}
