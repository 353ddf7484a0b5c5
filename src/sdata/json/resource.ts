// The payload resource of an SData JSON entry: native properties beside `$uuid`, `$key`, `$url`… (the standard form),
// or the lossless `$resource` element; plus `$forms`, the XML spellings a resource was read in. SData 2.0 §04-0500.
import * as t from 'io-ts'
import { type ElementJsonObject, elementToJson, readElement } from '../../codec/json/element'
import { at, type Ctx, compact, type Errs, fail, type JsonRecord, member, toContext } from '../../codec/json/read'
import { compileJsonReader, compileJsonWriter } from '../../codec/schema/json'
import type { JsonMembers, PayloadForms, PayloadResource } from '../model'
import type { PayloadCodec } from '../payload'
import { LEFT_OUT_AT_DEFAULT, LIFTED_FIELDS, RESOURCE_ATTRIBUTES } from '../resource-attributes'
import { selfContained } from '../tree'
import { propertiesElement, withNative } from './members'

/**
 * The payload members of an entry's JSON form: the lifted attributes, `$resource` or the native properties, `$forms`.
 *
 * @example
 * ```ts
 * const m: PayloadJsonMembers = { $uuid: '74926A0D-D2C0-4daa-9986-47C833691569', $url: 'http://x/accounts(1)', $forms: { url: 'uri' } }
 * ```
 */
export interface PayloadJsonMembers {
  /** `sdata:uuid` of the payload resource. */
  $uuid?: string
  /** `sdata:isDeleted`, written only when true. */
  $isDeleted?: boolean
  /** `sdata:key`. */
  $key?: string
  /** `sdata:url` (or `sdata:uri`, see `$forms`). */
  $url?: string
  /** `sdata:lookup`. */
  $lookup?: string
  /** `sdata:descriptor`. */
  $descriptor?: string
  /** The payload resource element (less the lifted attributes), losslessly, for a resource read from XML. */
  $resource?: ElementJsonObject
  /** The XML spellings the resource was read in (see `PayloadForms`); absent for the spec's form. */
  $forms?: PayloadForms
}

/**
 * The members an entry's JSON form gives the payload (native properties aside).
 *
 * @example
 * ```ts
 * PAYLOAD_JSON_KEYS.has('$uuid') // true
 * ```
 */
export const PAYLOAD_JSON_KEYS: ReadonlySet<string> = new Set([
  ...RESOURCE_ATTRIBUTES.map((l) => l.json),
  '$resource',
  '$forms',
])

const readLifted = compileJsonReader(LIFTED_FIELDS)
const writeLifted = compileJsonWriter(LIFTED_FIELDS)

function readForms(errs: Errs, o: JsonRecord, c: Ctx): PayloadForms | undefined {
  const raw = member(o, '$forms')
  if (raw === undefined) return undefined
  const here = at(c, '$forms', t.unknown, raw)
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return fail(errs, raw, here, '$forms must be a JSON object')
  const f = raw as JsonRecord
  const forms: PayloadForms = {}
  const check = (key: keyof PayloadForms, ok: (v: unknown) => boolean, what: string) => {
    const v = member(f, key)
    if (v === undefined) return
    if (!ok(v)) fail(errs, v, at(here, key, t.unknown, v), `$forms.${key} must be ${what}`)
    else (forms as Record<string, unknown>)[key] = v
  }
  check('url', (v) => v === 'uri', '"uri"')
  check('isDeletedNamespace', (v) => v === 'sync', '"sync"')
  check('isDeleted', (v) => typeof v === 'string', 'a string')
  check('uuid', (v) => v === 'payload' || v === 'both', '"payload" or "both"')
  return Object.keys(forms).length > 0 ? forms : undefined
}

/**
 * Reads the payload of an entry's JSON form. `$resource` gives the element (the lossless form written for resources
 * read from XML); otherwise native properties (`native`) or any lifted member (`$uuid`, `$key`, …) make a resource in
 * the SData 2.0 standard form, whose element is derived from the properties and named by `$name` when it has one.
 *
 * @example
 * ```ts
 * readPayloadJson(errs, { $uuid: 'u' }, ctx, undefined, { Title: 'T' }, 'Employee') // { uuid: 'u', properties: { Title: 'T' }, … }
 * ```
 */
export function readPayloadJson<V>(
  errs: Errs,
  o: JsonRecord,
  c: Ctx,
  codec: PayloadCodec<V> | undefined,
  native: JsonMembers | undefined,
  name: unknown,
): PayloadResource<V> | undefined {
  const raw = member(o, '$resource')
  // The lifted members, as LIFTED_FIELDS describes them (a boolean false when absent); only they are read by it.
  const lifted: Record<string, unknown> = {}
  for (const l of RESOURCE_ATTRIBUTES) {
    const v = member(o, l.json)
    if (v !== undefined) lifted[l.json] = v
  }
  if (raw === undefined && native === undefined && Object.keys(lifted).length === 0) return undefined
  const here = raw === undefined ? c : at(c, '$resource', t.unknown, raw)
  const element =
    raw === undefined
      ? selfContained(propertiesElement(typeof name === 'string' ? name : 'resource', native ?? {}))
      : readElement(errs, raw, here)
  const fields = readLifted(errs, lifted, c) ?? { isDeleted: false }
  const forms = readForms(errs, o, c)
  if (element === undefined) return undefined
  const resource = { ...fields, element } as PayloadResource<V>
  if (forms !== undefined) resource.forms = forms
  // With `$resource` the native members (if any) are not the resource's: the entry keeps them instead.
  if (raw === undefined) resource.properties = native ?? {}
  if (codec !== undefined) {
    const value = codec.validate(element, toContext(here))
    if (value._tag === 'Left') {
      errs.push(...value.left)
      return undefined
    }
    resource.value = value.right
  }
  return resource
}

/**
 * Writes a payload's members into an entry's JSON form: native properties first (when the resource came from JSON),
 * else `$resource`; then the lifted members and `$forms`.
 *
 * @example
 * ```ts
 * payloadJson({ $id: '' }, resource, undefined)
 * ```
 */
export function payloadJson<T extends object, V>(
  encoded: T,
  p: PayloadResource<V>,
  codec: PayloadCodec<V> | undefined,
): T {
  const lifted = writeLifted(p)
  // A boolean is written only when true (false is its default): `compact` leaves it out.
  for (const c of LEFT_OUT_AT_DEFAULT)
    if (lifted[c.json] === (c.occurs as { default: unknown }).default) lifted[c.json] = undefined
  const members: PayloadJsonMembers = compact({
    ...lifted,
    // As in XML, a typed value wins over the kept element when both are there.
    $resource:
      p.properties !== undefined
        ? undefined
        : elementToJson(codec !== undefined && p.value !== undefined ? codec.encode(p.value) : p.element),
    $forms: p.forms !== undefined && Object.keys(p.forms).length > 0 ? p.forms : undefined,
  })
  return withNative({ ...encoded, ...members }, p.properties)
}
