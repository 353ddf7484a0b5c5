// fast-check arbitraries shared by the SData sync values: options, XML text, stamps, endpoints, ticks, extensions
// (sync §4.2–§4.4, §5.3, core §3.10/§3.11), generating only values that the SData codecs encode and decode back unchanged.
import fc from 'fast-check'
import type { Stamp } from '../../sdata/model'
import { ATOM_NS, SDATA_NS, XSI_NS } from '../../sdata/namespaces'
import type { XmlAttribute, XmlElement, XmlNode } from '../../xml/types'
import { XMLNS_NAMESPACE } from '../../xml/types'
import { dateTimeFields, two, xmlCharArb } from './xml-text'

export const ATOM = ATOM_NS
export const SDATA = SDATA_NS
export const XSI = XSI_NS

/**
 * Sizes and value ranges for the SData arbitraries.
 *
 * @example
 * ```ts
 * fc.sample(arbSyncFeed({ maxEntries: 3 }), 1)
 * ```
 */
export interface SDataArbitraryOptions {
  /** Most entries in a feed (default 5). */
  maxEntries?: number
  /** Most entries in a digest (default 4). */
  maxDigestEntries?: number
  /** Endpoint URLs to draw from; by default a few spec-like URLs and arbitrary web URLs. */
  endpoints?: readonly string[]
  /** Include zone-less stamps, which real .NET servers send (default true). */
  zonelessStamps?: boolean
  /** Include ticks and priorities of 0, the value a missing element reads as (default true). */
  zeros?: boolean
  /** Include elements the model does not know, kept as `extensions` (default true). */
  foreignElements?: boolean
  /** Deepest nesting below the payload resource element (default 3). */
  maxPayloadDepth?: number
  /** Give digests, digest entries and sync states foreign child elements in `extensions` (default false). */
  stateExtensions?: boolean
  /**
   * Give feeds, entries, digests, digest entries, sync states, tracking and diagnoses documents attributes
   * (`xml:lang`, foreign, unprefixed) in `attributes` (default false).
   */
  rootAttributes?: boolean
}

export const SPEC_ENDPOINTS = [
  'http://www.example.com/sdata/myApp1/myContract/-/accounts',
  'http://www.example.com/sdata/myApp2/myContract/-/accounts',
  'http://www.example.com/sdata/sageApp3/test/-/accounts',
  'http://www.example.com/sdata/myApp1/myContract/-/accounts?x=1&y=<2>',
]

// XML 1.0 Char, weighted towards the characters escaping must handle.
export const charArb = xmlCharArb(['&', '<', '>', '"', "'", ']', ' ', '\t', '\n', '\r', 'é', '€', '😀', '\u00a0'])

/**
 * Text XML 1.0 can carry, weighted towards `& < > " ' ]`, whitespace and non-ASCII.
 *
 * @example
 * ```ts
 * fc.sample(arbXmlText(), 3)
 * ```
 */
export function arbXmlText(maxLength = 20): fc.Arbitrary<string> {
  return fc.string({ unit: charArb, maxLength })
}

/**
 * A lexical xs:dateTime stamp: 0–7 fraction digits, with `Z`, an offset, or (optionally) no zone.
 *
 * @example
 * ```ts
 * fc.sample(arbStamp(), 1) // e.g. ['2008-10-30T14:52:03.281Z']
 * ```
 */
export function arbStamp(options: SDataArbitraryOptions = {}): fc.Arbitrary<Stamp> {
  const zones = [
    fc.constant('Z'),
    fc
      .tuple(fc.constantFrom('+', '-'), two(0, 13), fc.constantFrom('00', '30', '45'))
      .map((p) => `${p[0]}${p[1]}:${p[2]}`),
  ]
  if (options.zonelessStamps !== false) zones.push(fc.constant(''))
  return fc
    .tuple(
      ...dateTimeFields(),
      fc.oneof(
        fc.constant(''),
        fc.stringMatching(/^[0-9]{1,7}$/).map((f) => `.${f}`),
      ),
      fc.oneof(...zones),
    )
    .map(([y, mo, d, h, mi, s, f, z]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${f}${z}` as Stamp)
}

/**
 * A UUID in 8-4-4-4-12 form (`Uuid`, `sdata:uuid`), sometimes in upper case, which must survive.
 *
 * @example
 * ```ts
 * fc.sample(arbUuid(), 1) // e.g. ['74926a0d-d2c0-4daa-9d36-5b5f4d7b3c1e']
 * ```
 */
export function arbUuid(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.uuid(),
    fc.uuid().map((u) => u.toUpperCase()),
  )
}

/**
 * An endpoint URL (a resource collection at an application, sync §3.1).
 *
 * @example
 * ```ts
 * fc.sample(arbEndpoint({ endpoints: ['http://a/-/accounts'] }), 1) // ['http://a/-/accounts']
 * ```
 */
export function arbEndpoint(options: SDataArbitraryOptions = {}): fc.Arbitrary<string> {
  if (options.endpoints !== undefined && options.endpoints.length > 0) return fc.constantFrom(...options.endpoints)
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...SPEC_ENDPOINTS) }, { weight: 1, arbitrary: fc.webUrl() })
}

/** `arb`'s values with `key` set to a drawn list when it is not empty (absent otherwise, as decoding leaves it). */
function withList<T extends object, X>(arb: fc.Arbitrary<T>, key: string, list: fc.Arbitrary<X[]>): fc.Arbitrary<T> {
  return fc.tuple(arb, list).map(([value, items]) => (items.length === 0 ? value : { ...value, [key]: items }))
}

function withStateExtensions<T extends object>(arb: fc.Arbitrary<T>, options: SDataArbitraryOptions): fc.Arbitrary<T> {
  if (options.stateExtensions !== true) return arb
  return withList(arb, 'extensions', fc.array(arbForeignElement(), { maxLength: 2 }))
}

export const ROOT_ATTRIBUTES: readonly XmlAttribute[] = [
  { namespace: 'http://www.w3.org/XML/1998/namespace', localName: 'lang', prefix: 'xml', value: 'en-GB' },
  { namespace: 'urn:x-attr', localName: 'flag', prefix: 'xa', value: '' },
  { namespace: null, localName: 'version', prefix: null, value: '1.0' },
]

export function withRootAttributes<T extends object>(
  arb: fc.Arbitrary<T>,
  options: SDataArbitraryOptions,
): fc.Arbitrary<T> {
  if (options.rootAttributes !== true) return arb
  const attributes = fc
    .tuple(fc.subarray([...ROOT_ATTRIBUTES]), arbXmlText(6))
    .map(([list, text]) => list.map((a) => ({ ...a, value: text })))
  return withList(arb, 'attributes', attributes)
}

/** A digest, digest entry or sync state root: foreign children and root attributes when the options ask. */
export function withStateExtras<T extends object>(
  arb: fc.Arbitrary<T>,
  options: SDataArbitraryOptions,
): fc.Arbitrary<T> {
  return withRootAttributes(withStateExtensions(arb, options), options)
}

export function arbTick(options: SDataArbitraryOptions): fc.Arbitrary<number> {
  const min = options.zeros === false ? 1 : 0
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min, max: 100 }) },
    { weight: 1, arbitrary: fc.integer({ min, max: Number.MAX_SAFE_INTEGER }) },
  )
}

export function arbForeignElement(): fc.Arbitrary<XmlElement> {
  return fc
    .tuple(
      fc.constantFrom<[string, string | null]>(['urn:x-foreign', 'f'], ['urn:x-foreign', null], ['urn:x-other:2', 'o']),
      fc.constantFrom('ext', 'note', '__proto__', 'constructor', 'a.b-c'),
      arbXmlText(),
      fc.option(arbXmlText(), { nil: undefined }),
    )
    .map(([[ns, prefix], localName, text, attrValue]) => {
      const attributes: XmlAttribute[] = [
        prefix === null
          ? { namespace: XMLNS_NAMESPACE, localName: 'xmlns', prefix: null, value: ns }
          : { namespace: XMLNS_NAMESPACE, localName: prefix, prefix: 'xmlns', value: ns },
      ]
      if (attrValue !== undefined)
        attributes.push({ namespace: null, localName: 'kind', prefix: null, value: attrValue })
      const children: XmlNode[] = text === '' ? [] : [{ type: 'text', value: text }]
      return { type: 'element', namespace: ns, localName, prefix, attributes, children } satisfies XmlElement
    })
}

export function arbAtomExtension(names: readonly string[]): fc.Arbitrary<XmlElement> {
  return fc.tuple(fc.constantFrom(...names), arbXmlText()).map(([localName, text]) => {
    const name: XmlElement = {
      type: 'element',
      namespace: ATOM,
      localName: 'name',
      prefix: null,
      attributes: [],
      children: text === '' ? [] : [{ type: 'text', value: text }],
    }
    return { type: 'element', namespace: ATOM, localName, prefix: null, attributes: [], children: [name] }
  })
}

/** The foreign elements a diagnosis or tracking body keeps (none when `foreignElements` is off). */
export function arbForeignExtensions(options: SDataArbitraryOptions): fc.Arbitrary<XmlElement[]> {
  return options.foreignElements === false ? fc.constant([]) : fc.array(arbForeignElement(), { maxLength: 1 })
}

export function arbExtensions(
  options: SDataArbitraryOptions,
  atomNames: readonly string[],
): fc.Arbitrary<XmlElement[]> {
  if (options.foreignElements === false) return fc.constant([])
  return fc.array(fc.oneof(arbForeignElement(), arbAtomExtension(atomNames)), { maxLength: 2 })
}
