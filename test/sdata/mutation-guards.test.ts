// The `is` type guards of every sdata codec (XML element, XML document and JSON codecs): true for a decoded value,
// false for each wrong shape, one operand of each `&&` at a time; plus the element codecs' root declarations.
// Raised from mutation testing (issue 7): these guards were never called by any test.
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import {
  DiagnosesElement,
  DiagnosesJson,
  DiagnosesXml,
  DiagnosisElement,
  DiagnosisJson,
  DigestElement,
  DigestEntryElement,
  DigestJson,
  DigestXml,
  payloadElement,
  reportErrors,
  SDATA_NS,
  SyncEntryElement,
  SyncEntryJson,
  SyncEntryXml,
  SyncFeedElement,
  SyncFeedJson,
  SyncFeedXml,
  SyncStateElement,
  SyncStateJson,
  SyncStateXml,
  syncEntryJson,
  syncEntryXml,
  syncFeedElement,
  syncFeedJson,
  syncFeedXml,
  TrackingElement,
  TrackingJson,
  TrackingXml,
  XmlElementJson,
} from '../../src/sdata/index'
import { XMLNS_NAMESPACE, type XmlElement } from '../../src/xml/index'
import { decoded } from '../support/decode'
import { decodeIssue } from '../support/issues'

const without = (o: Record<string, unknown>, key: string) => {
  const copy = { ...o }
  delete copy[key]
  return copy
}

const NOT_OBJECTS: unknown[] = [null, undefined, 'a string', 42, true]

const FEED_XML =
  '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:sync="http://schemas.sage.com/sdata/sync/2008/1">' +
  '<title>t</title><entry><id>e1</id></entry></feed>'
const STATE_XML =
  '<syncState xmlns="http://schemas.sage.com/sdata/sync/2008/1"><endpoint>http://e/a</endpoint><tick>6</tick>' +
  '<stamp>2008-05-25T14:52:03Z</stamp></syncState>'
const DIGEST_XML =
  '<digest xmlns="http://schemas.sage.com/sdata/sync/2008/1"><origin>http://e/a</origin><digestEntry>' +
  '<endpoint>http://e/a</endpoint><tick>6</tick><stamp>2008-05-25T14:52:03Z</stamp>' +
  '<conflictPriority>1</conflictPriority></digestEntry></digest>'
const DIAGNOSES_XML =
  '<sdata:diagnoses xmlns:sdata="http://schemas.sage.com/sdata/2008/1"><sdata:diagnosis>' +
  '<sdata:severity>error</sdata:severity></sdata:diagnosis></sdata:diagnoses>'
const TRACKING_XML = '<tracking xmlns="http://schemas.sage.com/sdata/2008/1"><phase>Running</phase></tracking>'

describe('feed guards (links, diagnoses, entries, extensions must all be arrays)', () => {
  const feed = decoded(SyncFeedXml, FEED_XML) as unknown as Record<string, unknown>
  const guards: Array<[string, (u: unknown) => boolean]> = [
    ['SyncFeedXml', SyncFeedXml.is],
    ['syncFeedXml()', syncFeedXml().is],
    ['SyncFeedElement', SyncFeedElement.is],
    ['syncFeedElement()', syncFeedElement().is],
  ]
  for (const [name, is] of guards) {
    it(name, () => {
      expect(is(feed)).toBe(true)
      for (const u of NOT_OBJECTS) expect(is(u)).toBe(false)
      expect(is({})).toBe(false)
      for (const key of ['links', 'diagnoses', 'entries', 'extensions']) {
        expect(is(without(feed, key))).toBe(false)
        expect(is({ ...feed, [key]: 'not an array' })).toBe(false)
      }
    })
  }
  it('SyncFeedJson and syncFeedJson() need an object with entries and links arrays', () => {
    for (const is of [SyncFeedJson.is, syncFeedJson().is]) {
      expect(is(feed)).toBe(true)
      for (const u of NOT_OBJECTS) expect(is(u)).toBe(false)
      expect(is(without(feed, 'entries'))).toBe(false)
      expect(is(without(feed, 'links'))).toBe(false)
      // The smallest complete feed (every required member); the guards may check more than the arrays.
      expect(is({ links: [], diagnoses: [], entries: [], extensions: [] })).toBe(true)
    }
  })
})

describe('entry guards (links, diagnoses, extensions must all be arrays)', () => {
  const entry = decoded(
    SyncEntryXml,
    '<entry xmlns="http://www.w3.org/2005/Atom"><id>x</id></entry>',
  ) as unknown as Record<string, unknown>
  it('SyncEntryXml, syncEntryXml(), SyncEntryElement', () => {
    for (const is of [SyncEntryXml.is, syncEntryXml().is, SyncEntryElement.is]) {
      expect(is(entry)).toBe(true)
      expect(is({ links: [], diagnoses: [], extensions: [] })).toBe(true)
      for (const u of NOT_OBJECTS) expect(is(u)).toBe(false)
      expect(is({})).toBe(false)
      for (const key of ['links', 'diagnoses', 'extensions']) {
        expect(is(without(entry, key))).toBe(false)
        expect(is({ ...entry, [key]: {} })).toBe(false)
      }
    }
  })
  it('SyncEntryJson and syncEntryJson() need an object with links and diagnoses arrays', () => {
    for (const is of [SyncEntryJson.is, syncEntryJson().is]) {
      expect(is(entry)).toBe(true)
      expect(is({ links: [], diagnoses: [], extensions: [] })).toBe(true)
      for (const u of NOT_OBJECTS) expect(is(u)).toBe(false)
      expect(is({ diagnoses: [] })).toBe(false)
      expect(is({ links: [] })).toBe(false)
      expect(is({ links: 'x', diagnoses: [] })).toBe(false)
    }
  })
})

describe('digest guards (entries must be an array)', () => {
  const digest = decoded(DigestXml, DIGEST_XML)
  it('DigestXml, DigestElement, DigestJson', () => {
    for (const is of [DigestXml.is, DigestElement.is, DigestJson.is]) {
      expect(is(digest)).toBe(true)
      expect(is({ entries: [] })).toBe(true)
      for (const u of NOT_OBJECTS) expect(is(u)).toBe(false)
      expect(is({})).toBe(false)
      expect(is({ origin: 'http://e/a' })).toBe(false)
      expect(is({ entries: 'x' })).toBe(false)
    }
  })
})

describe('digest entry and sync state guards (endpoint a string, tick a number)', () => {
  const digestEntry = decoded(DigestXml, DIGEST_XML).entries[0]!
  const state = decoded(SyncStateXml, STATE_XML)
  // The smallest complete values: every required member, nothing else.
  const minimalState = { endpoint: 'http://e/a', tick: 0, stamp: '2008-05-25T14:52:03Z' }
  const minimalEntry = { ...minimalState, conflictPriority: 1 }
  const cases: Array<[string, (u: unknown) => boolean, object, object]> = [
    ['DigestEntryElement', DigestEntryElement.is, digestEntry, minimalEntry],
    ['SyncStateElement', SyncStateElement.is, state, minimalState],
    ['SyncStateXml', SyncStateXml.is, state, minimalState],
    ['SyncStateJson', SyncStateJson.is, state, minimalState],
  ]
  for (const [name, is, value, minimal] of cases) {
    it(name, () => {
      expect(is(value)).toBe(true)
      expect(is(minimal)).toBe(true)
      for (const u of NOT_OBJECTS) expect(is(u)).toBe(false)
      expect(is({})).toBe(false)
      expect(is({ tick: 1 })).toBe(false)
      expect(is({ endpoint: 'http://e/a' })).toBe(false)
      expect(is({ endpoint: 7, tick: 1 })).toBe(false)
      expect(is({ endpoint: 'http://e/a', tick: '1' })).toBe(false)
    })
  }
})

describe('diagnosis and diagnoses guards', () => {
  const doc = decoded(DiagnosesXml, DIAGNOSES_XML)
  it('DiagnosisElement and DiagnosisJson need an extensions array', () => {
    for (const is of [DiagnosisElement.is, DiagnosisJson.is]) {
      expect(is(doc.diagnoses[0])).toBe(true)
      expect(is({ extensions: [] })).toBe(true)
      for (const u of NOT_OBJECTS) expect(is(u)).toBe(false)
      expect(is({ severity: 'error' })).toBe(false)
      expect(is({ extensions: 'x' })).toBe(false)
    }
  })
  it('DiagnosesXml, DiagnosesElement and DiagnosesJson need a diagnoses array', () => {
    for (const is of [DiagnosesXml.is, DiagnosesElement.is, DiagnosesJson.is]) {
      expect(is(doc)).toBe(true)
      expect(is({ root: 'diagnoses', diagnoses: [] })).toBe(true)
      for (const u of NOT_OBJECTS) expect(is(u)).toBe(false)
      expect(is({ root: 'diagnoses' })).toBe(false)
      expect(is({ diagnoses: {} })).toBe(false)
    }
  })
})

describe('tracking guards (extensions an array and namespace a string)', () => {
  const tracking = decoded(TrackingXml, TRACKING_XML)
  it('TrackingXml, TrackingElement, TrackingJson', () => {
    for (const is of [TrackingXml.is, TrackingElement.is, TrackingJson.is]) {
      expect(is(tracking)).toBe(true)
      for (const u of NOT_OBJECTS) expect(is(u)).toBe(false)
      expect(is({})).toBe(false)
      expect(is({ namespace: SDATA_NS })).toBe(false)
      expect(is({ extensions: [] })).toBe(false)
      expect(is({ namespace: 1, extensions: [] })).toBe(false)
      expect(is({ namespace: SDATA_NS, extensions: 'x' })).toBe(false)
    }
  })
})

describe('payload and element guards', () => {
  const el: XmlElement = {
    type: 'element',
    namespace: 'urn:c',
    localName: 'account',
    prefix: null,
    attributes: [],
    children: [],
  }
  it('payloadElement() needs an object whose element is an XML element', () => {
    const is = payloadElement().is
    expect(is({ isDeleted: false, element: el })).toBe(true)
    for (const u of NOT_OBJECTS) expect(is(u)).toBe(false)
    expect(is({ isDeleted: false })).toBe(false)
    expect(is({ isDeleted: false, element: null })).toBe(false)
    expect(is({ isDeleted: false, element: { ...el, type: 'text' } })).toBe(false)
    expect(is({ isDeleted: false, element: { ...el, children: undefined } })).toBe(false)
    expect(is({ isDeleted: false, element: { ...el, attributes: undefined } })).toBe(false)
  })
  it('XmlElementJson needs an object of type element with a localName', () => {
    const is = XmlElementJson.is
    expect(is(el)).toBe(true)
    for (const u of NOT_OBJECTS) expect(is(u)).toBe(false)
    expect(is({ localName: 'x' })).toBe(false)
    expect(is({ type: 'element' })).toBe(false)
    expect(is({ type: 'text', localName: 'x' })).toBe(false)
  })
})

describe('element codecs and root declarations', () => {
  it('an element that declares namespaces itself gets no second set (TrackingElement)', () => {
    const el = TrackingElement.encode({ namespace: SDATA_NS, phase: 'Running', extensions: [] })
    expect(el.attributes.map((a) => [a.prefix, a.localName, a.value])).toEqual([[null, 'xmlns', SDATA_NS]])
    expect(el.attributes.every((a) => a.namespace === XMLNS_NAMESPACE)).toBe(true)
  })
  it('an element without declarations gets the root declarations (SyncStateElement)', () => {
    const el = SyncStateElement.encode({
      endpoint: 'http://e/a',
      tick: 1,
      stamp: decoded(SyncStateXml, STATE_XML).stamp,
    })
    expect(el.attributes.map((a) => (a.prefix === null ? a.localName : `${a.prefix}:${a.localName}`))).toEqual([
      'xmlns:sync',
    ])
  })
  it('a diagnoses root holding anything but diagnoses is an error at the root', () => {
    const r = DiagnosesXml.decode(
      '<sdata:diagnoses xmlns:sdata="http://schemas.sage.com/sdata/2008/1"><sdata:other/></sdata:diagnoses>',
    )
    expect(E.isLeft(r) && reportErrors(r.left)).toEqual([
      decodeIssue('unexpected', '/sdata:diagnoses', 'expected sdata:diagnoses to hold only sdata:diagnosis elements'),
    ])
  })
})
