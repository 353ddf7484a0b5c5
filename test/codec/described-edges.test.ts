// Edges of a user's described element: the guard of each kind of child, a kit record nested in a description, the
// prefixes of kept attributes, the depth limit of kept JSON members, and what an element codec reports for text.
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  BooleanValue,
  child,
  describedElement,
  describedJson,
  describedOf,
  describeElement,
  dialect,
  type ElementDescription,
  element,
  guardOf,
  leafChild,
  manyChild,
  oneChild,
  plainDialect,
  qname,
  record,
  reportErrors,
  TextValue,
  text,
} from '../../src/codec/index'
import { reportJsonErrors } from '../../src/sdata/index'
import { serializeXml, XMLNS_NAMESPACE } from '../../src/xml/index'
import { decoded, decodeIssues, rootOf } from '../support/decode'
import { decodeIssue } from '../support/issues'

const CRM = 'urn:example:crm'

interface Tag {
  label: string
}
interface Card {
  title: string
  pinned?: boolean
  owner?: Tag
  tags: Tag[]
}
const TAG = describeElement<Tag>({ namespace: CRM, name: 'tag', children: [leafChild('label', TextValue, 'required')] })
const CARD = describeElement<Card>({
  namespace: CRM,
  name: 'card',
  children: [
    leafChild('title', TextValue, 'required'),
    leafChild('pinned', BooleanValue, 'optional'),
    oneChild('owner', TAG),
    manyChild('tags', TAG, 'tag'),
  ],
  guard: ['title', 'pinned', 'owner', 'tags'],
})

describe("a description's guard", () => {
  it('checks each member it names by the kind of its child', () => {
    const is = guardOf(CARD)
    const good = { title: 'T', pinned: true, owner: { label: 'o' }, tags: [] }
    expect(is(good)).toBe(true)
    expect(is({ ...good, title: 5 })).toBe(false)
    expect(is({ ...good, pinned: 'true' })).toBe(false)
    // A nested child: any non-null object.
    expect(is({ ...good, owner: null })).toBe(false)
    expect(is({ ...good, owner: 'o' })).toBe(false)
    expect(is({ ...good, owner: [] })).toBe(true)
    expect(is({ ...good, tags: {} })).toBe(false)
    expect(is(null)).toBe(false)
    expect(is('card')).toBe(false)
    // The element codec derived from the description guards with it.
    const Card = describedElement('Card', CARD)
    expect(Card.is(good)).toBe(true)
    expect(Card.is({ ...good, owner: null })).toBe(false)
  })

  it('checks a variant namespace as a string, and a codec child of a kit record by its codec', () => {
    const VARIANT = describeElement<{ namespace: string }>({
      namespace: CRM,
      namespaces: ['urn:example:crm2'],
      name: 'v',
      children: [],
      guard: ['namespace'],
    })
    expect(guardOf(VARIANT)({ namespace: CRM })).toBe(true)
    expect(guardOf(VARIANT)({ namespace: null })).toBe(false)
    const Named = element(qname(null, 'named'), record({ name: child(qname(null, 'name'), text(t.string)) }))
    const NAMED = describedOf<ElementDescription<{ name: string }>>(Named)!
    const is = guardOf({ ...NAMED, guard: ['name'] })
    expect(is({ name: 'a' })).toBe(true)
    expect(is({ name: 1 })).toBe(false)
  })
})

describe('a kit record nested in a description', () => {
  const Inner = element(qname(null, 'inner'), record({ a: child(qname(null, 'a'), text(t.string)) }))
  const INNER = describedOf<ElementDescription<{ a: string }>>(Inner)!
  const OUTER = describeElement<{ inner?: { a: string } }>({
    namespace: null,
    name: 'outer',
    children: [oneChild('inner', INNER)],
  })

  it('is refused when the XML codec is built, naming the nested element', () => {
    expect(() => describedElement('Outer', OUTER)).toThrow(
      new Error('<inner>: kit content (record()) is compiled by describedElement and describedJson'),
    )
  })

  it('is read and written in JSON', () => {
    const OuterJson = describedJson('OuterJson', OUTER)
    expect(decoded(OuterJson, { inner: { a: 'x' } })).toEqual({ inner: { a: 'x' } })
    expect(OuterJson.encode({ inner: { a: 'x' } })).toEqual({ inner: { a: 'x' } })
  })
})

describe('kept attributes', () => {
  const CONTACT = describeElement<{ name: string; attributes?: unknown[] }>({
    namespace: CRM,
    name: 'contact',
    children: [leafChild('name', TextValue, 'required')],
  })

  it('keep the prefix the document gave them when the dialect declares none', () => {
    const Contact = describedElement('Contact', CONTACT, plainDialect(new Map([[CRM, 'crm']])))
    const value = decoded(
      Contact,
      rootOf(`<c:contact xmlns:c="${CRM}" xmlns:x="urn:x" x:lang="fr"><c:name>A</c:name></c:contact>`),
    )
    expect(value.attributes).toEqual([{ namespace: 'urn:x', localName: 'lang', prefix: 'x', value: 'fr' }])
  })

  it('keep a conventional prefix bound as the dialect binds it, and move it aside when the document rebinds it', () => {
    const declaration = { namespace: XMLNS_NAMESPACE, localName: 'crm', prefix: 'xmlns', value: CRM }
    const Contact = describedElement('Contact', CONTACT, dialect(new Map([[CRM, 'crm']]), [declaration]))
    const same = decoded(
      Contact,
      rootOf(`<crm:contact xmlns:crm="${CRM}" crm:flag="1"><crm:name>A</crm:name></crm:contact>`),
    )
    expect(same.attributes).toEqual([{ namespace: CRM, localName: 'flag', prefix: 'crm', value: '1' }])

    // `crm` bound to another namespace on the element cannot keep its prefix where the written root binds `crm`.
    const xml = `<c:contact xmlns:c="${CRM}" xmlns:crm="urn:other" crm:flag="1"><c:name>A</c:name></c:contact>`
    const moved = decoded(Contact, rootOf(xml))
    const [attribute] = moved.attributes as Array<{ namespace: string; localName: string; prefix: string }>
    expect(attribute).toMatchObject({ namespace: 'urn:other', localName: 'flag', value: '1' })
    expect(attribute!.prefix).toMatch(/^ns[0-9a-z]+$/)
    expect(decoded(Contact, rootOf(xml))).toEqual(moved)
    const again = decoded(Contact, rootOf(serializeXml({ root: Contact.encode(moved) }, { declaration: false })))
    expect(again).toEqual(moved)
  })
})

describe('kept JSON members', () => {
  const NOTE = describeElement<{ text: string }>({
    namespace: null,
    name: 'note',
    children: [leafChild('text', TextValue, 'required')],
  })
  const NoteJson = describedJson('NoteJson', NOTE)
  const nested = (depth: number, wrap: (v: unknown) => unknown): unknown => {
    let v: unknown = 'leaf'
    for (let i = 0; i < depth; i++) v = wrap(v)
    return v
  }

  it('are kept nested up to the depth limit, objects and arrays alike, and refused one level deeper', () => {
    for (const wrap of [(v: unknown) => ({ a: v }), (v: unknown) => [v]]) {
      const deepest = nested(1000, wrap)
      expect(decoded(NoteJson, { text: 'N', extra: deepest })).toEqual({ text: 'N', jsonMembers: { extra: deepest } })
      const r = NoteJson.decode({ text: 'N', extra: nested(1001, wrap) })
      if (E.isRight(r)) throw new Error('accepted a member nested 1001 deep')
      const step = Array.isArray(wrap(0)) ? '/0' : '/a'
      expect(reportJsonErrors(r.left).map((issue) => [issue.path, issue.message])).toEqual([
        [`/extra${step.repeat(1001)}`, 'JSON value deeper than 1000'],
      ])
    }
  })
})

describe('an element codec given text', () => {
  it('reports text where an element belongs as unexpected, and text its type refuses as a bad value', () => {
    const Named = element(qname(null, 'named'), record({ name: child(qname(null, 'name'), text(t.string)) }))
    expect(decodeIssues(Named, 'named' as never)).toEqual([
      decodeIssue('unexpected', '', 'expected element <named>, found string'),
    ])
    // A described element's codec reports it with the same code as element()'s.
    const Described = describedElement('Named', describedOf<ElementDescription<t.TypeOf<typeof Named>>>(Named)!)
    expect(decodeIssues(Described, 'named' as never)).toEqual([
      decodeIssue('unexpected', '', 'expected an XML element, found string'),
    ])
    expect(reportErrors([{ value: 'x', context: [], message: 'expected a number, found "x"' }])[0]!.code).toBe(
      'bad-value',
    )
  })
})
