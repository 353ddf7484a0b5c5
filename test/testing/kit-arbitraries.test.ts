// arbitraryOf derives the values of the codec kit's own codecs (record(), element()) from their descriptions: every
// value it generates is accepted by the guard, written as well-formed XML, and read back equal, in XML and in JSON.
import fc from 'fast-check'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  anchoredUnknownChildren,
  anyElement,
  attribute,
  attributeOr,
  Binary,
  child,
  childOr,
  children,
  DateTimeCodec,
  DotNetBoolean,
  describedJson,
  describedOf,
  type ElementCodec,
  type ElementDescription,
  element,
  FileSyncInt,
  Guid,
  guardOf,
  HexString,
  NonNegativeInteger,
  optionalAttribute,
  optionalChild,
  otherChildren,
  qname,
  record,
  SafeInteger,
  StampCodec,
  text,
  textContent,
  Uuid,
  unknownAttributes,
  unknownChildren,
  XsBoolean,
} from '../../src/codec/index'
import { arbitraryOf } from '../../src/testing/arbitraries/index'
import { serializeXml } from '../../src/xml/index'
import { decoded, rootOf } from '../support/decode'
import { numRuns } from '../support/runtime'
import { assertWellFormed } from '../support/saxes'

const runs = { numRuns: numRuns(30) }
const CRM = 'urn:example:crm'
const crm = (local: string) => qname(CRM, local, 'crm')
const META = qname('urn:example:meta', 'at', 'm')

function descriptionOf<A>(codec: ElementCodec<A>): ElementDescription<A> {
  const d = describedOf<ElementDescription<A>>(codec)
  if (d === undefined) throw new Error(`${codec.name} has no description`)
  return d
}

/** Every value `arb` generates: guarded, written as well-formed XML read back equal, and mapped to JSON and back. */
function roundTrips<A>(codec: ElementCodec<A>, arb: fc.Arbitrary<A> = arbitraryOf(descriptionOf(codec))): void {
  const d = descriptionOf(codec)
  const json = describedJson('Json', d)
  const guard = guardOf(d)
  fc.assert(
    fc.property(arb, (value) => {
      expect(guard(value)).toBe(true)
      expect(codec.is(value)).toBe(true)
      const xml = serializeXml({ root: codec.encode(value) }, { declaration: false })
      expect(assertWellFormed(xml)).toEqual([])
      expect(decoded(codec, rootOf(xml))).toEqual(value)
      expect(decoded(json, JSON.parse(JSON.stringify(json.encode(value))))).toEqual(value)
    }),
    runs,
  )
}

// Attributes (required, optional, with a default, in a namespace) and the element's text.
const PhoneFields = {
  number: textContent(t.string),
  primary: attributeOr(qname(null, 'primary'), XsBoolean, false),
  id: attribute(qname(null, 'id'), Uuid),
  kind: optionalAttribute(qname(null, 'kind'), t.string),
  at: optionalAttribute(META, StampCodec),
  signature: optionalAttribute(qname(null, 'sig'), Binary),
  rank: optionalAttribute(qname(null, 'rank'), SafeInteger),
}
const Phone = record(PhoneFields, 'Phone')
const PhoneElement = element(crm('phone'), Phone)

// Nested described children (with kept attributes of their own), lists, text children of every value type.
const Address = record({ attributes: unknownAttributes(), city: child(qname(null, 'city'), text(t.string)) }, 'Address')
const Contact = element(
  crm('contact'),
  record(
    {
      name: child(crm('name'), text(t.string)),
      visits: optionalChild(crm('visits'), text(NonNegativeInteger)),
      tick: childOr(crm('tick'), text(SafeInteger), 0),
      phones: children(crm('phone'), Phone),
      address: optionalChild(qname(null, 'address'), Address),
      updated: optionalChild(crm('updated'), text(DateTimeCodec)),
      hash: optionalChild(crm('hash'), text(HexString)),
      resource: optionalChild(crm('resource'), text(Guid)),
      size: optionalChild(crm('size'), text(FileSyncInt)),
      shared: optionalChild(crm('shared'), text(DotNetBoolean)),
      note: optionalChild(crm('note'), anyElement),
    },
    'Contact',
  ),
)

// Kept unknown content: attributes, children anchored to their known siblings, children kept as elements.
const Extension = element(
  qname(null, 'Extension'),
  record(
    {
      attributes: unknownAttributes(),
      id: optionalAttribute(qname(null, 'id'), Guid),
      label: optionalChild(qname(null, 'Label'), text(t.string)),
      items: children(qname(null, 'Item'), text(FileSyncInt)),
      size: childOr(qname(null, 'Size'), text(NonNegativeInteger), 0),
      extensions: anchoredUnknownChildren(),
    },
    'Extension',
  ),
)
// Two children with one local name in two namespaces: the unknown children anchored to each are told apart.
const Twins = element(
  qname(null, 'Twins'),
  record({
    a: optionalChild(qname('urn:a', 'x', 'a'), text(t.string)),
    b: optionalChild(qname('urn:b', 'x', 'b'), text(t.string)),
    extensions: anchoredUnknownChildren(),
  }),
)
const Bag = element(
  crm('bag'),
  record({ flag: optionalChild(crm('flag'), text(XsBoolean)), attrs: unknownAttributes(), rest: unknownChildren() }),
)
// The same in the default namespace: kept elements and a nested no-namespace child's kept attributes undeclare it.
const DefaultBag = element(
  qname(CRM, 'bag'),
  record({ address: optionalChild(qname(null, 'address'), Address), rest: unknownChildren() }),
)
const Other = element(qname(null, 'Other'), record({ value: textContent(t.string), attrs: unknownAttributes() }))
const Items = element(
  crm('items'),
  record({ head: optionalChild(crm('head'), text(t.string)), others: otherChildren(Other) }, 'Items'),
)
const Pile = element(
  qname(null, 'Pile'),
  record({ head: optionalChild(qname(null, 'Head'), text(t.string)), rest: otherChildren(anyElement) }),
)

describe('arbitraryOf derives the values of kit codecs', () => {
  it('attributes and text: every value is guarded, well-formed, and reads back equal in XML and JSON', () =>
    roundTrips(PhoneElement))
  it('a nested described child, a list and text children of each value type', () => roundTrips(Contact))
  it('kept unknown attributes and anchored unknown children', () => roundTrips(Extension))
  it('unknown children anchored to either of two children with one local name', () => {
    roundTrips(Twins)
    const values = fc.sample(arbitraryOf(descriptionOf(Twins)), { numRuns: 200, seed: 7 })
    const anchors = new Set(values.flatMap((v) => v.extensions.map((e) => e.after)))
    expect(anchors).toEqual(new Set([null, '{urn:a}x', '{urn:b}x']))
  })
  it('kept unknown children as elements, in an element in a namespace keeping its attributes', () => roundTrips(Bag))
  it('kept content under a default namespace', () => roundTrips(DefaultBag))
  it("other children decoded by a described element's codec", () => roundTrips(Items))
  it('other children kept as any element, in names no field claims', () => roundTrips(Pile))

  it('generates the lossless forms of kept content, not only empty lists', () => {
    const values = fc.sample(arbitraryOf(descriptionOf(Extension)), { numRuns: 100, seed: 7 })
    expect(values.some((v) => v.extensions.length > 0 && v.extensions.some((e) => e.after !== null))).toBe(true)
    expect(values.some((v) => v.attributes.some((a) => a.localName !== 'xmlns' && a.prefix !== 'xmlns'))).toBe(true)
  })

  it('reads the own namespace declaration of a kept-attributes root back as the value holds it', () => {
    const [value] = fc.sample(arbitraryOf(descriptionOf(Bag)), { numRuns: 1, seed: 1 })
    expect(value!.attrs).toContainEqual({
      namespace: 'http://www.w3.org/2000/xmlns/',
      localName: 'crm',
      prefix: 'xmlns',
      value: CRM,
    })
  })
})

describe('codecs it cannot derive values for', () => {
  const Level = new t.Type<'low' | 'high', string, string>(
    'a level',
    (u): u is 'low' | 'high' => u === 'low' || u === 'high',
    (s, c) => (s === 'low' || s === 'high' ? t.success(s) : t.failure(s, c)),
    (l) => l,
  )
  const Task = element(
    crm('task'),
    record({ title: child(crm('title'), text(t.string)), level: optionalChild(crm('level'), text(Level)) }),
  )
  const Rated = element(crm('rated'), record({ level: attribute(qname(null, 'level'), Level) }))

  it('throw a TypeError naming the field when the arbitrary is built', () => {
    expect(() => arbitraryOf(descriptionOf(Task))).toThrow(TypeError)
    expect(() => arbitraryOf(descriptionOf(Task))).toThrow(/the field "level" \(text\(a level\)\)/)
    expect(() => arbitraryOf(descriptionOf(Rated))).toThrow(/the field "level" \(a level\)/)
  })

  it('take the arbitrary of the codec from options.codecs, or of the member from overrides', () => {
    const levels = fc.constantFrom<'low' | 'high'>('low', 'high')
    roundTrips(Task, arbitraryOf(descriptionOf(Task), { codecs: new Map([[Level, levels]]) }))
    roundTrips(Rated, arbitraryOf(descriptionOf(Rated), {}, { level: levels }))
  })
})
