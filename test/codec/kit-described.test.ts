// The codec kit's record() builds an element description: the same compiled engine as describeElement's elements
// reads and writes it, and its JSON form, its guard and a described element come from that one description.
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  anchoredUnknownChildren,
  anyElement,
  attribute,
  attributeOr,
  child,
  childOr,
  children,
  describedElement,
  describedJson,
  describedOf,
  type ElementDescription,
  element,
  guardOf,
  NonNegativeInteger,
  optionalAttribute,
  optionalChild,
  plainDialect,
  qname,
  record,
  recordDescription,
  text,
  textContent,
  unknownAttributes,
  unknownChildren,
  XsBoolean,
} from '../../src/codec/index'
import { reportJsonErrors } from '../../src/sdata/index'
import { serializeXml } from '../../src/xml/index'
import { decoded, decodeIssues, rootOf } from '../support/decode'

const CRM = 'urn:example:crm'
const crm = (local: string) => qname(CRM, local, 'crm')

const Phone = record({ number: textContent(t.string), primary: attributeOr(qname(null, 'primary'), XsBoolean, false) })
const Contact = element(
  crm('contact'),
  record(
    {
      attributes: unknownAttributes(),
      id: attribute(qname(null, 'id'), t.string),
      source: optionalAttribute(qname(null, 'source'), t.string),
      name: child(crm('name'), text(t.string)),
      visits: optionalChild(crm('visits'), text(NonNegativeInteger)),
      phones: children(crm('phone'), Phone),
      note: optionalChild(crm('note'), anyElement),
      extensions: anchoredUnknownChildren(),
    },
    'Contact',
  ),
)
const CONTACT = describedOf<ElementDescription<t.TypeOf<typeof Contact>>>(Contact)!
const ContactJson = describedJson('ContactJson', CONTACT)

const XML = `<crm:contact xmlns:crm="${CRM}" xmlns:x="urn:x" id="7" x:lang="fr">
<crm:name>Ann</crm:name><x:tag>a</x:tag><crm:phone primary="1">555</crm:phone><crm:phone>556</crm:phone>
<crm:note><x:any/></crm:note></crm:contact>`

describe('record() builds an element description', () => {
  it('says what the fields say: codec children by expanded names, attribute and text children, kept content', () => {
    const d = recordDescription({
      href: attribute(qname(null, 'href'), t.string),
      label: textContent(t.string),
      rest: unknownChildren(),
    })
    expect(d.attributeChildren?.map((a) => [a.key, a.names[0]!.localName, a.occurs])).toEqual([
      ['href', 'href', 'required'],
    ])
    expect(d.text?.key).toBe('label')
    expect(d.unknown).toEqual({
      children: { kind: 'unknownChildren', keep: 'weak', key: 'rest', at: 0 },
      attributes: 'drop',
      order: ['href', 'label', 'rest'],
    })
    expect(CONTACT.children.map((c) => [c.kind, c.key])).toEqual([
      ['codec', 'name'],
      ['codec', 'visits'],
      ['codec', 'phones'],
      ['codec', 'note'],
    ])
    expect([CONTACT.namespace, CONTACT.name]).toEqual([CRM, 'contact'])
    expect(describedOf(text(t.string))).toBeUndefined()
  })

  it('reads the members, and reports their errors, in the order the fields are declared', () => {
    const Mixed = element(
      qname(null, 'x'),
      record({
        first: child(qname(null, 'first'), text(t.string)),
        kind: attribute(qname(null, 'kind'), t.string),
        rest: unknownAttributes(),
        second: optionalChild(qname(null, 'second'), text(t.string)),
        label: textContent(t.string),
      }),
    )
    expect(decodeIssues(Mixed, rootOf('<x/>')).map(({ path, message }) => ({ path, message }))).toEqual([
      { path: '/x/first', message: 'expected element first, found none' },
      { path: '/x/@kind', message: 'expected attribute kind, found none' },
    ])
    const value = decoded(Mixed, rootOf('<x a="1" kind="k">t<second>s</second><first>f</first></x>'))
    expect(Object.keys(value)).toEqual(['first', 'kind', 'rest', 'second', 'label'])
  })

  it('reads through describedElement exactly as through the kit codec, and refuses another name', () => {
    const Described = describedElement('Contact', CONTACT, plainDialect(new Map([[CRM, 'crm']])))
    const value = decoded(Contact, rootOf(XML))
    expect(value).toMatchObject({
      id: '7',
      name: 'Ann',
      phones: [
        { number: '555', primary: true },
        { number: '556', primary: false },
      ],
    })
    expect(value.extensions).toEqual([{ after: 'name', element: expect.objectContaining({ localName: 'tag' }) }])
    expect(decoded(Described, rootOf(XML))).toEqual(value)
    expect(serializeXml({ root: Described.encode(value) }, { declaration: false })).toBe(
      serializeXml({ root: Contact.encode(value) }, { declaration: false }),
    )
    expect(decodeIssues(Described, rootOf('<contact id="1"><name>A</name></contact>'))[0]?.message).toBe(
      `expected element <contact> in namespace ${CRM}, found <contact> in no namespace`,
    )
  })

  it('maps to JSON and back: attributes and text by their codecs, kept content in the lossless forms', () => {
    const value = decoded(Contact, rootOf(XML))
    const json = ContactJson.encode(value)
    expect(json).toMatchObject({
      id: '7',
      name: 'Ann',
      phones: [
        { number: '555', primary: 'true' },
        { number: '556', primary: 'false' },
      ],
      attributes: expect.arrayContaining([{ name: 'lang', namespace: 'urn:x', prefix: 'x', value: 'fr' }]),
      extensions: [{ after: 'name', element: { name: 'tag', namespace: 'urn:x', prefix: 'x', children: ['a'] } }],
      note: {
        name: 'note',
        namespace: CRM,
        prefix: 'crm',
        children: [{ name: 'any', namespace: 'urn:x', prefix: 'x' }],
      },
    })
    const back = decoded(ContactJson, JSON.parse(JSON.stringify(json)))
    expect(back).toEqual(value)
  })

  it('writes the members in order (codec children, attributes, text, kept content) and reads only its own', () => {
    const value = decoded(Contact, rootOf(XML))
    const json = ContactJson.encode(value)
    expect(Object.keys(json)).toEqual(['name', 'phones', 'note', 'id', 'attributes', 'extensions'])
    // Kit content keeps what it does not know in its own members: `$extensions`, `$attributes` and others are not read.
    expect(decoded(ContactJson, { ...json, $extensions: 'not read', $attributes: 5, other: null })).toEqual(value)
  })

  it('reports a JSON member its codec refuses, and a missing required one, with their JSON paths', () => {
    const r = ContactJson.decode({ name: 'A', visits: 'many', phones: [{ number: '1', primary: 'maybe' }] })
    expect(E.isLeft(r) && reportJsonErrors(r.left).map(({ path, message }) => ({ path, message }))).toEqual([
      { path: '/visits', message: 'expected text(a non-negative safe integer)' },
      {
        path: '/phones/0/primary',
        message: 'primary expected a boolean (true, false, 1 or 0, in any letter case), found "maybe"',
      },
      { path: '/id', message: 'id is missing' },
    ])
  })

  it('reports a missing required single child once, a refused one by its own message, and fills a default', () => {
    const issues = (u: unknown) => {
      const r = ContactJson.decode(u)
      return E.isLeft(r) ? reportJsonErrors(r.left).map(({ path, message }) => ({ path, message })) : []
    }
    expect(issues({ id: '1', phones: [] })).toEqual([{ path: '/name', message: 'name is missing' }])
    const refused = issues({ id: '1', name: 5, phones: [] })
    expect(refused).toHaveLength(1)
    expect(refused[0]?.path).toBe('/name')
    expect(refused[0]?.message).not.toBe('name is missing')
    const Rated = element(
      qname(null, 'rated'),
      record({ stars: childOr(qname(null, 'stars'), text(NonNegativeInteger), 3) }),
    )
    const RatedJson = describedJson('RatedJson', describedOf<ElementDescription<{ stars: number }>>(Rated)!)
    expect(decoded(RatedJson, {})).toEqual({ stars: 3 })
    expect(decoded(RatedJson, { stars: 5 })).toEqual({ stars: 5 })
  })

  it('guards with the guard derived from the description', () => {
    const is = guardOf(CONTACT)
    for (const u of [null, 5, 'x', {}, { id: '1', name: 'A', phones: [] }]) expect(is(u)).toBe(Contact.is(u))
  })

  it('keeps XML, JSON and the description engine in agreement on generated records', () => {
    const arb = fc.record({
      id: fc.string(),
      name: fc.string(),
      phones: fc.array(fc.record({ number: fc.string(), primary: fc.boolean() }), { maxLength: 3 }),
      visits: fc.nat(),
      source: fc.string(),
      attributes: fc.constant<never[]>([]),
      extensions: fc.constant<never[]>([]),
    })
    fc.assert(
      fc.property(arb, (contact) => {
        const xml = serializeXml({ root: Contact.encode(contact) }, { declaration: false })
        const read = decoded(Contact, rootOf(xml))
        expect(decoded(ContactJson, JSON.parse(JSON.stringify(ContactJson.encode(read))))).toEqual(read)
      }),
      { numRuns: 60 },
    )
  })
})
