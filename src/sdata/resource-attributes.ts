// The SData attributes a payload's resource carries (sync §4.4, §6.1; core §3.9), described once (docs/schema.md):
// the fields they are lifted into, their JSON members, and the real-world variant spellings read and written back.
// The resource's reader and writer (./payload.ts), its JSON members (./json/resource.ts), the SData attributes of
// nested elements (`resourceAttributes`, native JSON properties) and the arbitraries are derived from it.
import { type ElementDescription, type LeafChild, leafChild } from '../codec/schema/describe'
import { BooleanValue, TextValue, type ValueType } from '../codec/values'
import type { XmlAttribute, XmlElement } from '../xml/types'
import type { PayloadForms, PayloadResource } from './model'
import { SDATA_NS, SYNC_NS } from './namespaces'

/**
 * A variant spelling of a lifted attribute: read only when the spec's spelling is absent, recorded in the
 * resource's `forms` (the member `form` set to `value`), and written back so.
 *
 * @example
 * ```ts
 * const uri: AttributeVariant = { namespace: SDATA_NS, name: 'uri', form: 'url', value: 'uri' }
 * ```
 */
export interface AttributeVariant {
  /** Its namespace. */
  readonly namespace: string
  /** Its local name. */
  readonly name: string
  /** The member of `forms` that records it. */
  readonly form: keyof PayloadForms
  /** The value recorded. */
  readonly value: string
}

/**
 * One SData attribute lifted from the resource element into the field `key` (and the JSON member `$key`): in the SData
 * namespace and named like the field in the spec's spelling, text or a boolean (read leniently; false when absent),
 * with its variant spellings (in the SData or the sync namespace).
 *
 * @example
 * ```ts
 * const key: LiftedAttribute = { key: 'key', type: TextValue, variants: [] }
 * ```
 */
export interface LiftedAttribute {
  /** The field of the resource, the attribute's local name in the spec's spelling. */
  readonly key: 'uuid' | 'isDeleted' | 'key' | 'url' | 'lookup' | 'descriptor'
  /** `TextValue`, or `BooleanValue` (always a field, false when absent). */
  readonly type: ValueType<string> | ValueType<boolean>
  /** Its variant spellings. */
  readonly variants: readonly AttributeVariant[]
  /** The JSON member (`$` and the key). */
  readonly json: string
  /** Whether it may sit on `sdata:payload` too (sync §5.8), where `forms.uuid` records it. */
  readonly onPayload: boolean
}

const lifted = (
  key: LiftedAttribute['key'],
  type: LiftedAttribute['type'] = TextValue,
  variants: readonly AttributeVariant[] = [],
): LiftedAttribute => ({ key, type, variants, json: `$${key}`, onPayload: key === 'uuid' })

/**
 * The lifted attributes of a payload resource, in the order they are written (sync §4.4 writes `sdata:uuid` and
 * `sdata:isDeleted`; core §3.9 the others). `sdata:url` may be read from `sdata:uri` (real SIF servers and both .NET
 * clients send it) and `sdata:isDeleted` from `sync:isDeleted` (as sync §6.1 writes it): each is written back in the
 * spelling read, as real clients read only that one; a value built without one gets the spec's form.
 *
 * @example
 * ```ts
 * RESOURCE_ATTRIBUTES.map((a) => a.key) // ['uuid', 'isDeleted', 'key', 'url', 'lookup', 'descriptor']
 * ```
 */
export const RESOURCE_ATTRIBUTES: readonly LiftedAttribute[] = [
  lifted('uuid'),
  lifted('isDeleted', BooleanValue, [
    { namespace: SYNC_NS, name: 'isDeleted', form: 'isDeletedNamespace', value: 'sync' },
  ]),
  lifted('key'),
  lifted('url', TextValue, [{ namespace: SDATA_NS, name: 'uri', form: 'url', value: 'uri' }]),
  lifted('lookup'),
  lifted('descriptor'),
]

/** Where an attribute of the resource element sits in {@link RESOURCE_ATTRIBUTES}: the lifted one, and its variant. */
export interface AttributeSpelling {
  readonly lifted: LiftedAttribute
  /** The lifted attribute's index in {@link RESOURCE_ATTRIBUTES}. */
  readonly index: number
  readonly variant?: AttributeVariant
}

const sdataSpellings = new Map<string, AttributeSpelling>()
const syncSpellings = new Map<string, AttributeSpelling>()
RESOURCE_ATTRIBUTES.forEach((l, index) => {
  sdataSpellings.set(l.key, { lifted: l, index })
  for (const v of l.variants) {
    ;(v.namespace === SYNC_NS ? syncSpellings : sdataSpellings).set(v.name, { lifted: l, index, variant: v })
  }
})

/**
 * The lifted attribute an attribute of the resource element spells, if any.
 *
 * @example
 * ```ts
 * spellingOf(uriAttribute) // { lifted: url, index: 3, variant: uri }
 * ```
 */
export const spellingOf = (a: XmlAttribute): AttributeSpelling | undefined =>
  a.namespace === SDATA_NS
    ? sdataSpellings.get(a.localName)
    : a.namespace === SYNC_NS
      ? syncSpellings.get(a.localName)
      : undefined

const NONE: readonly (XmlAttribute | undefined)[] = []

/**
 * The attributes of an element the lifted attributes are read from, by their index in {@link RESOURCE_ATTRIBUTES}:
 * the spec's spelling, else a variant (read only when the spec's is absent); the first of each. The element's other
 * attributes stay its own.
 *
 * @example
 * ```ts
 * chosenSpellings(el)[3]?.localName // 'uri' for <account sdata:uri="…"/>
 * ```
 */
export function chosenSpellings(el: XmlElement): readonly (XmlAttribute | undefined)[] {
  let chosen: (XmlAttribute | undefined)[] | undefined
  for (const attribute of el.attributes) {
    const s = spellingOf(attribute)
    if (s === undefined) continue
    chosen ??= new Array<XmlAttribute | undefined>(RESOURCE_ATTRIBUTES.length).fill(undefined)
    const before = chosen[s.index]
    if (before === undefined || (s.variant === undefined && spellingOf(before)!.variant !== undefined))
      chosen[s.index] = attribute
  }
  return chosen ?? NONE
}

/**
 * The namespace and name a lifted attribute is written with: the variant `forms` records, else the spec's.
 *
 * @example
 * ```ts
 * writtenName(url, { url: 'uri' }) // { namespace: SDATA_NS, name: 'uri' }
 * ```
 */
export function writtenName(l: LiftedAttribute, forms: PayloadForms): { namespace: string; name: string } {
  for (const v of l.variants) if (forms[v.form] === v.value) return v
  return { namespace: SDATA_NS, name: l.key }
}

/** The text-valued lifted attributes (those native JSON properties of nested objects carry too). */
export const TEXT_ATTRIBUTES: readonly LiftedAttribute[] = RESOURCE_ATTRIBUTES.filter((l) => l.type === TextValue)

/** A resource's lifted fields as a record (for generic reading and writing). */
export type LiftedFields = Pick<PayloadResource, LiftedAttribute['key']>

/**
 * The lifted fields as the leaves of an element description, derived from {@link RESOURCE_ATTRIBUTES}: each its JSON
 * member (`$uuid` …), text optional, a boolean `{ default: false }`. The JSON compiler reads and writes the lifted
 * members of an entry's JSON form through it (its element name is the resource's, which it never reads).
 *
 * @example
 * ```ts
 * compileJsonReader(LIFTED_FIELDS)(errs, { $uuid: 'u' }, ctx) // { uuid: 'u', isDeleted: false }
 * ```
 */
export const LIFTED_FIELDS: ElementDescription<LiftedFields> = {
  namespace: SDATA_NS,
  name: 'resource',
  children: RESOURCE_ATTRIBUTES.map((l) =>
    leafChild(l.key, l.type, l.type === BooleanValue ? { default: false } : 'optional', { json: l.json }),
  ),
  leaves: 'strict',
  extensions: 'optional',
  attributes: false,
  json: { what: 'a payload resource', plainAliases: false, keepUnknown: false },
  guard: [],
}

/**
 * The lifted fields left out of the JSON form when they hold their default (`$isDeleted: false`), as they are left off
 * the resource element.
 *
 * @example
 * ```ts
 * LEFT_OUT_AT_DEFAULT.map((c) => c.json) // ['$isDeleted']
 * ```
 */
export const LEFT_OUT_AT_DEFAULT: readonly LeafChild[] = LIFTED_FIELDS.children.filter(
  (c): c is LeafChild => c.kind === 'leaf' && typeof c.occurs === 'object',
)
