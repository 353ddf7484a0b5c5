// fast-check arbitraries for MS-FILESYNC leaf values (text, ResourceID, ETag, dates, Null) and unknown elements,
// generating only values that `FileSyncXml` encodes and decodes back unchanged (docs/decisions.md#f3, #f4).
import fc from 'fast-check'
import { type FileSyncBoolean, QUOTA_STATES, type UnknownItem } from '../../filesync/model'
import { XMLNS_NAMESPACE, type XmlAttribute, type XmlElement, type XmlNode } from '../../xml/types'
import { dateTimeFields, two, xmlCharArb } from './xml-text'

/**
 * Sizes and shapes for the FILESYNC arbitraries.
 *
 * @example
 * ```ts
 * const options: FileSyncArbitraryOptions = { maxDepth: 6, maxItems: 2, flat: false }
 * ```
 */
export interface FileSyncArbitraryOptions {
  /** Deepest `Folder/Items/Folder/…` nesting below the root folder (default 3; 0 means no sub-items). */
  maxDepth?: number
  /** Most items in one `Items` (default 4). */
  maxItems?: number
  /** Flat listings: the top folder's items hold no `Items` of their own (default false: nested to `maxDepth`). */
  flat?: boolean
  /** Which root documents to generate (default both). */
  root?: 'Folder' | 'Items'
  /** Include unknown child elements kept as `extensions` (default true). */
  extensions?: boolean
  /** Include unknown items (default true). */
  unknownItems?: boolean
}

// XML 1.0 Char, weighted towards what escaping must handle: `& < > " '`, whitespace, non-ASCII and astral.
export const charArb = xmlCharArb(['&', '<', '>', '"', "'", ']', ' ', '\t', '\n', '\r', 'é', '€', '😀', 'ß'])

/**
 * A string XML 1.0 can carry, weighted towards `& < > " '`, whitespace and non-ASCII (names such as `a&b <c>.txt`).
 *
 * @example
 * ```ts
 * fc.sample(arbFileSyncText(), 3)
 * ```
 */
export function arbFileSyncText(maxLength = 16): fc.Arbitrary<string> {
  return fc.string({ unit: charArb, maxLength })
}

export const hex = (n: number, upper = false) =>
  fc.stringMatching(upper ? new RegExp(`^[0-9A-F]{${n}}$`) : new RegExp(`^[0-9a-f]{${n}}$`))

/**
 * A ResourceID as SharePoint writes it: a GUID as 32 lowercase hex digits (sometimes upper case, which must survive).
 *
 * @example
 * ```ts
 * fc.sample(arbResourceId(), 1) // e.g. ['f0ce10dfa5334200b28631f7d2066eab']
 * ```
 */
export function arbResourceId(): fc.Arbitrary<string> {
  return fc.oneof({ weight: 5, arbitrary: hex(32) }, { weight: 1, arbitrary: hex(32, true) })
}

/**
 * An item ETag in SharePoint's form (`"{GUID},n"`), the root folder's bare id form, or any text.
 *
 * @example
 * ```ts
 * fc.sample(arbETag(), 1) // e.g. ['"{A7B4E912-F569-4580-ACA3-E399F60A3BA4},2"']
 * ```
 */
export function arbETag(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(fc.uuid(), fc.integer({ min: 1, max: 99 })).map(([g, v]) => `"{${g.toUpperCase()}},${v}"`),
    hex(32),
    arbFileSyncText(),
  )
}

/**
 * A FILESYNC date: a lexical xs:dateTime with 0–7 fraction digits and `Z`, an offset or no zone.
 *
 * @example
 * ```ts
 * fc.sample(arbFileSyncDateTime(), 1) // e.g. ['2025-11-07T22:06:33.0000000Z']
 * ```
 */
export function arbFileSyncDateTime(): fc.Arbitrary<string> {
  return fc
    .tuple(
      ...dateTimeFields(),
      fc.oneof(
        fc.constant('.0000000'),
        fc.constant(''),
        fc.stringMatching(/^[0-9]{1,7}$/).map((f) => `.${f}`),
      ),
      fc.oneof(
        { weight: 4, arbitrary: fc.constant('Z') },
        { weight: 1, arbitrary: fc.constant('') },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom('+', '-'), two(0, 14)).map(([s, h]) => `${s}${h}:00`) },
      ),
    )
    .map(([y, mo, d, h, mi, s, f, z]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${f}${z}`)
}

export const nullable = <A>(arb: fc.Arbitrary<A>): fc.Arbitrary<A | null> =>
  fc.oneof({ weight: 6, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) })

export const arbSize = nullable(
  fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 2 ** 31 - 1 }) },
    { weight: 1, arbitrary: fc.maxSafeNat() },
  ),
)
/** A FILESYNC `Int` (`FileSyncInt`): 0..2147483647. */
export const arbFileSyncInt: fc.Arbitrary<number> = fc.integer({ min: 0, max: 2147483647 })
export const arbInt = nullable(arbFileSyncInt)
export const arbDate = nullable(arbFileSyncDateTime())

/** A boolean remembering its form (`DotNetBoolean`): mostly the default form, sometimes another spelling. */
export const arbFormBoolean: fc.Arbitrary<FileSyncBoolean> = fc.oneof(
  { weight: 3, arbitrary: fc.boolean().map((value) => ({ value })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<FileSyncBoolean>(
      { value: true, lexical: 'true' },
      { value: false, lexical: 'false' },
      { value: true, lexical: '1' },
      { value: false, lexical: '0' },
    ),
  },
)

export const arbBoolean: fc.Arbitrary<FileSyncBoolean | null> = nullable(arbFormBoolean)

export const arbQuota = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...QUOTA_STATES) },
  { weight: 1, arbitrary: arbFileSyncText() },
)

// ---------------------------------------------------------------------------------------------------------------
// Unknown elements, in the shape the XML layer reads back (no adjacent or whitespace-only text beside elements).

export const nameStart = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_')
export const nameRest = fc.string({ unit: fc.constantFrom(...'abcxyzXYZ019_-.'), maxLength: 8 })
export const arbName = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'fsshttpstate.xschema.storage.live.com',
      'windowssettings.xschema.drx.live.com',
      'Hash',
      'VersionToken',
      'CreationId',
      'Notebook',
    ),
  },
  { weight: 3, arbitrary: fc.tuple(nameStart, nameRest).map(([a, b]) => a + b) },
)

export const nonBlankText = arbFileSyncText()
  .map((s) => `${s}x`)
  .filter((s) => s.trim() !== '')

export function plainElement(localName: string, children: XmlNode[], attributes: XmlAttribute[] = []): XmlElement {
  return { type: 'element', namespace: null, localName, prefix: null, attributes, children }
}

export const arbAttributes: fc.Arbitrary<XmlAttribute[]> = fc
  .uniqueArray(fc.tuple(arbName, arbFileSyncText()), { maxLength: 2, selector: ([n]) => n })
  .map((pairs) => pairs.map(([localName, value]) => ({ namespace: null, localName, prefix: null, value })))

export const arbLeafElement: fc.Arbitrary<XmlElement> = fc
  .tuple(arbName, arbFileSyncText(), arbAttributes)
  .map(([name, text, attributes]) => plainElement(name, text === '' ? [] : [{ type: 'text', value: text }], attributes))

/**
 * An element the model does not know, with a small subtree: dotted extension names, attributes, mixed content,
 * and sometimes a namespace declared on the element itself.
 *
 * @example
 * ```ts
 * fc.sample(arbUnknownElement(), 1)
 * ```
 */
export function arbUnknownElement(): fc.Arbitrary<XmlElement> {
  const mixed = fc
    .tuple(arbName, fc.array(fc.oneof(arbLeafElement, nonBlankText), { maxLength: 3 }), arbAttributes)
    .map(([name, parts, attributes]) => {
      const children: XmlNode[] = []
      for (const p of parts) {
        const last = children[children.length - 1]
        if (typeof p !== 'string') children.push(p)
        else if (last?.type === 'text') last.value += p
        else children.push({ type: 'text', value: p })
      }
      return plainElement(name, children, attributes)
    })
  const namespaced = fc.tuple(arbName, arbLeafElement).map(([name, inner]) => ({
    type: 'element' as const,
    namespace: 'urn:example:ext',
    localName: name,
    prefix: 'ext',
    attributes: [{ namespace: XMLNS_NAMESPACE, localName: 'ext', prefix: 'xmlns', value: 'urn:example:ext' }],
    children: [inner],
  }))
  return fc.oneof(
    { weight: 2, arbitrary: arbLeafElement },
    { weight: 3, arbitrary: mixed },
    { weight: 1, arbitrary: namespaced },
  )
}

/**
 * An item of an unknown kind, kept whole (never named `Folder` or `Document` in no namespace, which would be typed).
 *
 * @example
 * ```ts
 * fc.sample(arbUnknownItem(), 1)
 * ```
 */
export function arbUnknownItem(): fc.Arbitrary<UnknownItem> {
  return arbUnknownElement()
    .filter((el) => el.namespace !== null || (el.localName !== 'Folder' && el.localName !== 'Document'))
    .map((element) => ({ kind: 'Unknown', element }))
}
