// A user's element described once with the kit's builders reads, writes, maps to JSON and generates test data the way
// syncwire's own described elements do: the same value types, the same kept extensions and attributes, the same paths.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  BooleanValue,
  describedElement,
  describedJson,
  describeElement,
  leafChild,
  listChild,
  manyChild,
  NonNegativeIntegerValue,
  oneChild,
  plainDialect,
  TextValue,
} from '../../src/codec/index'
import { arbitraryOf } from '../../src/testing/arbitraries/index'
import { serializeXml, type XmlElement } from '../../src/xml/index'
import { decoded, decodeIssues, rootOf } from '../support/decode'
import { decodeIssue } from '../support/issues'

const CRM = 'urn:example:crm'

interface Phone {
  number: string
  primary: boolean
}
interface Address {
  city: string
}
interface Contact {
  name: string
  age?: number
  visits: number
  address?: Address
  phones: Phone[]
  extensions?: XmlElement[]
}

const PHONE = describeElement<Phone>({
  namespace: CRM,
  name: 'phone',
  children: [leafChild('number', TextValue, 'required'), leafChild('primary', BooleanValue, { default: false })],
})
const ADDRESS = describeElement<Address>({
  namespace: CRM,
  name: 'address',
  children: [leafChild('city', TextValue, 'required')],
})
const CONTACT = describeElement<Contact>({
  namespace: CRM,
  name: 'contact',
  children: [
    leafChild('name', TextValue, 'required'),
    leafChild('age', NonNegativeIntegerValue, 'optional'),
    leafChild('visits', NonNegativeIntegerValue, { default: 0 }),
    oneChild('address', ADDRESS),
    manyChild('phones', PHONE, 'phone'),
  ],
})
const Contact = describedElement('Contact', CONTACT, plainDialect(new Map([[CRM, 'crm']])))
const ContactJson = describedJson('ContactJson', CONTACT)

const XML = `<crm:contact xmlns:crm="${CRM}" xmlns:x="urn:x">
  <crm:phone><crm:number>555</crm:number><crm:primary>True</crm:primary></crm:phone>
  <crm:name>Ann</crm:name><crm:age> 41 </crm:age><x:note>kept</x:note>
  <crm:address><crm:city>Lyon</crm:city></crm:address>
</crm:contact>`

describe('a described element of the kit', () => {
  it('reads children in any order with the value types syncwire reads with, keeping what it does not know', () => {
    const value = decoded(Contact, rootOf(XML))
    expect(value).toMatchObject({
      name: 'Ann',
      age: 41,
      visits: 0,
      address: { city: 'Lyon' },
      phones: [{ number: '555', primary: true }],
    })
    expect(value.extensions?.map((e) => e.localName)).toEqual(['note'])
  })

  it('writes the children in the description order, then the kept extensions, and reads that back', () => {
    const value = decoded(Contact, rootOf(XML))
    const text = serializeXml({ root: Contact.encode(value) }, { declaration: false })
    expect(text.indexOf('<crm:name>')).toBeLessThan(text.indexOf('<crm:phone>'))
    expect(text.indexOf('<crm:phone>')).toBeLessThan(text.indexOf('note'))
    expect(decoded(Contact, rootOf(text))).toEqual(value)
  })

  it('reports a missing, a repeated and an unreadable leaf with its XML path (children in their parent namespace unprefixed, as syncwire prints its own)', () => {
    const bad = `<crm:contact xmlns:crm="${CRM}"><crm:age>x</crm:age><crm:visits>1</crm:visits><crm:visits>2</crm:visits></crm:contact>`
    expect(decodeIssues(Contact, rootOf(bad))).toEqual([
      decodeIssue('bad-value', '/crm:contact/age', 'expected a non-negative integer, found "x"'),
      decodeIssue('unexpected', '/crm:contact/visits', 'unexpected second crm:visits'),
      decodeIssue('missing', '/crm:contact/name', 'missing required element crm:name'),
    ])
  })

  it('refuses an element of another name', () => {
    expect(decodeIssues(Contact, rootOf('<contact><name>A</name></contact>'))).toEqual([
      decodeIssue('unexpected', '', `expected element <contact> in namespace ${CRM}, found <contact> in no namespace`),
    ])
  })

  it('maps to JSON and back, keeping unknown members and nulls', () => {
    // The repeated child's JSON member is named as the description says (`phone`).
    const json = { name: 'Ann', visits: 2, phone: [{ number: '1', primary: false }], note: null, $etag: 'e' }
    const value = decoded(ContactJson, json)
    expect(value).toMatchObject({ name: 'Ann', visits: 2, phones: [{ number: '1', primary: false }] })
    expect(ContactJson.encode(value)).toEqual(json)
  })

  it('generates values that write and read back equal, in XML and in JSON', () => {
    fc.assert(
      fc.property(arbitraryOf(CONTACT), (contact) => {
        const text = serializeXml({ root: Contact.encode(contact) }, { declaration: false })
        expect(decoded(Contact, rootOf(text))).toEqual(contact)
        expect(decoded(ContactJson, JSON.parse(JSON.stringify(ContactJson.encode(contact))))).toEqual(contact)
      }),
      { numRuns: 50 },
    )
  })
})

interface Note {
  text: string
}
interface Task {
  title: string
}
type Entry = ({ kind: 'note' } & Note) | ({ kind: 'task' } & Task) | { kind: 'Unknown'; element: XmlElement }
interface Board {
  entries?: Entry[]
  notes?: Note[]
}

const NOTE = describeElement<Note>({
  namespace: null,
  name: 'note',
  children: [leafChild('text', TextValue, 'required')],
})
const TASK = describeElement<Task>({
  namespace: null,
  name: 'task',
  children: [leafChild('title', TextValue, 'required')],
})
const BOARD = describeElement<Board>({
  namespace: null,
  name: 'board',
  children: [
    listChild('entries', 'entries', () => [NOTE, TASK], 'keep'),
    listChild('notes', 'pinned', () => [NOTE], 'refuse'),
  ],
})
const Board = describedElement('Board', BOARD)

describe('a described list child', () => {
  it('reads each item by its description, tags it when the list holds several kinds, and keeps the others', () => {
    const board = decoded(
      Board,
      rootOf('<board><entries><task><title>T</title></task><poll/><note><text>N</text></note></entries></board>'),
    )
    expect(board.entries).toEqual([
      { kind: 'task', title: 'T' },
      { kind: 'Unknown', element: rootOf('<poll/>') },
      { kind: 'note', text: 'N' },
    ])
    const text = serializeXml({ root: Board.encode(board) }, { declaration: false })
    expect(text).toBe(
      '<board><entries><task><title>T</title></task><poll/><note><text>N</text></note></entries></board>',
    )
  })

  it('refuses an element a refusing list does not describe, with its path', () => {
    expect(decodeIssues(Board, rootOf('<board><pinned><note><text>N</text></note><task/></pinned></board>'))).toEqual([
      decodeIssue('unexpected', '/board/pinned/task[1]', 'expected element <note>, found <task>'),
    ])
  })
})

describe('a described list child in JSON', () => {
  const PINBOARD = describeElement<{ notes?: Note[] }>({
    namespace: null,
    name: 'pinboard',
    children: [listChild('notes', 'pinned', () => [NOTE], 'refuse')],
  })
  const PinboardJson = describedJson('PinboardJson', PINBOARD)

  it('reads a present list member and leaves an absent one out, as it writes them', () => {
    // The JSON member is named by the key (`notes`), the XML wrapper by its element name (`pinned`).
    expect(decoded(PinboardJson, { notes: [{ text: 'N' }] })).toEqual({ notes: [{ text: 'N' }] })
    expect(decoded(PinboardJson, { notes: [] })).toEqual({ notes: [] })
    expect(decoded(PinboardJson, {})).toEqual({})
    expect(PinboardJson.encode({ notes: [{ text: 'N' }] })).toEqual({ notes: [{ text: 'N' }] })
    expect(PinboardJson.encode({})).toEqual({})
  })
})
