// The payload resource, read from XML and from SData JSON's standard form (mutation seed 203007): the element native
// properties stand for (empty text, null, the name without `$name`), the uuid on both `sdata:payload` and the
// resource, a lifted boolean that does not read, and the payload codec asked once per entry.
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  reportErrors,
  reportJsonErrors,
  SyncEntryJson,
  SyncEntryXml,
  SyncFeedJson,
  streamSyncFeed,
  syncEntryXml,
  syncFeedXml,
} from '../../src/sdata/index'
import type { XmlElement } from '../../src/xml/index'
import { decoded } from '../support/decode'
import { decodeIssue, jsonIssue } from '../support/issues'
import { collect } from '../support/stream'

const U = '74926A0D-D2C0-4daa-9986-47C833691569'
const V = 'C4411795-9943-4CF4-8705-000000000001'
const XSI = 'http://www.w3.org/2001/XMLSchema-instance'
const SDATA = 'http://schemas.sage.com/sdata/2008/1'
const NS =
  'xmlns="http://www.w3.org/2005/Atom" xmlns:sdata="http://schemas.sage.com/sdata/2008/1"' +
  ' xmlns:sync="http://schemas.sage.com/sdata/sync/2008/1"'
const HEAD = '<?xml version="1.0" encoding="UTF-8"?><entry xmlns="http://www.w3.org/2005/Atom"'

const element = (localName: string, children: XmlElement['children'] = [], attributes: XmlElement['attributes'] = []) =>
  ({ type: 'element', namespace: null, localName, prefix: null, attributes, children }) as XmlElement
const NO_NAMESPACE = { namespace: 'http://www.w3.org/2000/xmlns/', localName: 'xmlns', prefix: null, value: '' }

describe("SData JSON's standard form: the element native properties stand for", () => {
  it('an empty string is an empty child, null a child with xsi:nil, and text is text', () => {
    const entry = decoded(SyncEntryJson, {
      $name: 'Employee',
      Title: '',
      Manager: null,
      Age: 3,
      Address: { $key: '7', City: 'X' },
    })
    expect(entry.payload?.element).toStrictEqual(
      element(
        'Employee',
        [
          element('Title'),
          element('Manager', [], [{ namespace: XSI, localName: 'nil', prefix: 'xsi', value: 'true' }]),
          element('Age', [{ type: 'text', value: '3' }]),
          element(
            'Address',
            [element('City', [{ type: 'text', value: 'X' }])],
            [{ namespace: SDATA, localName: 'key', prefix: 'sdata', value: '7' }],
          ),
        ],
        [NO_NAMESPACE],
      ),
    )
    expect(SyncEntryXml.encode(entry)).toBe(
      `${HEAD} xmlns:sdata="http://schemas.sage.com/sdata/2008/1" xmlns:xsi="${XSI}"><sdata:payload>` +
        '<Employee xmlns=""><Title/><Manager xsi:nil="true"/><Age>3</Age><Address sdata:key="7"><City>X</City></Address>' +
        '</Employee></sdata:payload></entry>',
    )
  })

  it.each([
    ['without $name', {}],
    ['with a $name that is not a string', { $name: true }],
  ])('%s the element is `resource`', (_, name) => {
    const entry = decoded(SyncEntryJson, { ...name, $uuid: U, Title: 'T' })
    expect(entry.payload?.element.localName).toBe('resource')
    expect(SyncEntryXml.encode(entry)).toContain(`<resource xmlns="" sdata:uuid="${U}"><Title>T</Title></resource>`)
  })
})

describe('the uuid on sdata:payload and on the resource (sync §5.8)', () => {
  it('the same uuid on both is read once and written back on both', () => {
    const text = `<entry ${NS}><sdata:payload sdata:uuid="${U}"><a xmlns="urn:c" sdata:uuid="${U}"/></sdata:payload></entry>`
    const entry = decoded(SyncEntryXml, text)
    expect(entry.payload?.uuid).toBe(U)
    expect(entry.payload?.forms).toStrictEqual({ uuid: 'both' })
    expect(entry.extensions).toStrictEqual([])
    expect(SyncEntryXml.encode(entry)).toBe(
      `${HEAD} xmlns:sdata="http://schemas.sage.com/sdata/2008/1"><sdata:payload sdata:uuid="${U}">` +
        `<a xmlns="urn:c" sdata:uuid="${U}"/></sdata:payload></entry>`,
    )
  })

  it('two different uuids keep the payload whole, as an extension written back unchanged', () => {
    const text = `<entry ${NS}><sdata:payload sdata:uuid="${U}"><a xmlns="urn:c" sdata:uuid="${V}"/></sdata:payload></entry>`
    const entry = decoded(SyncEntryXml, text)
    expect(entry.payload).toBeUndefined()
    expect(entry.extensions.map((x) => x.localName)).toStrictEqual(['payload'])
    expect(SyncEntryXml.encode(entry)).toBe(
      `${HEAD} xmlns:sdata="http://schemas.sage.com/sdata/2008/1"><sdata:payload sdata:uuid="${U}">` +
        `<a xmlns="urn:c" sdata:uuid="${V}"/></sdata:payload></entry>`,
    )
  })
})

describe("the resource's own declaration of the sdata namespace", () => {
  it('is kept while an element below uses it, and dropped when only the lifted attributes did', () => {
    const payload = (inner: string) =>
      `<entry ${NS}><sdata:payload><a xmlns="urn:c" xmlns:sdata="${SDATA}" sdata:uuid="${U}">${inner}</a></sdata:payload></entry>`
    const used = decoded(SyncEntryXml, payload('<b sdata:key="k"/>'))
    expect(SyncEntryXml.encode(used)).toBe(
      `${HEAD} xmlns:sdata="${SDATA}"><sdata:payload><a xmlns="urn:c" xmlns:sdata="${SDATA}" sdata:uuid="${U}">` +
        '<b sdata:key="k"/></a></sdata:payload></entry>',
    )
    const unused = decoded(SyncEntryXml, payload('<b/>'))
    expect(SyncEntryXml.encode(unused)).toBe(
      `${HEAD} xmlns:sdata="${SDATA}"><sdata:payload><a xmlns="urn:c" sdata:uuid="${U}"><b/></a></sdata:payload></entry>`,
    )
  })
})

describe('a payload codec', () => {
  let calls = 0
  const Counting = new t.Type<XmlElement, XmlElement, XmlElement>(
    'Counting',
    (u): u is XmlElement => typeof u === 'object' && u !== null,
    (u, c) => {
      calls++
      return u.localName === 'bad' ? t.failure(u, c, 'a bad resource') : t.success(u)
    },
    (a) => a,
  )

  it('is not asked about a resource whose lifted boolean does not read: its issue alone is reported', () => {
    calls = 0
    const text = `<entry ${NS}><sdata:payload><a xmlns="urn:c" sdata:isDeleted="maybe"/></sdata:payload></entry>`
    const r = syncEntryXml(Counting).decode(text)
    expect(E.isLeft(r) && reportErrors(r.left)).toStrictEqual([
      decodeIssue(
        'bad-value',
        '/entry/sdata:payload/a/@sdata:isDeleted',
        'expected a boolean (true, false, 1 or 0), found "maybe"',
      ),
    ])
    expect(calls).toBe(0)
    // The valid neighbour: a boolean that reads, and the codec is asked once.
    const ok = decoded(syncEntryXml(Counting), text.replace('maybe', 'true'))
    expect(ok.payload?.isDeleted).toBe(true)
    expect(calls).toBe(1)
  })

  it("is asked once per entry, in memory and streamed (a feed's entries are read in one pass)", async () => {
    const E_URL = 'http://example.com/sdata/app/-/accounts'
    const entry = (i: number) =>
      `<entry><id>${E_URL}('${i}')</id><title>t</title><sync:syncState><sync:endpoint>${E_URL}</sync:endpoint>` +
      `<sync:tick>${i}</sync:tick><sync:stamp>2026-01-01T00:00:00Z</sync:stamp></sync:syncState><sdata:payload>` +
      `<account xmlns="urn:c" sdata:uuid="${V.slice(0, -1)}${i}"><name>A</name></account></sdata:payload></entry>`
    // The last entry holds its payload alone: its first child is one the event reader reads as a tree.
    const alone = `<entry><sdata:payload><account xmlns="urn:c"><name>B</name></account></sdata:payload></entry>`
    const text = `<feed ${NS}>${entry(1)}${entry(2)}${alone}</feed>`
    calls = 0
    const feed = decoded(syncFeedXml(Counting), text)
    expect(feed.entries.map((e) => e.payload?.value?.localName)).toStrictEqual(['account', 'account', 'account'])
    expect(calls).toBe(3)
    calls = 0
    const events = await collect(streamSyncFeed([text], { payload: Counting }))
    expect(events.filter((e) => e.type === 'entry')).toHaveLength(3)
    expect(calls).toBe(3)
  })

  it("its failure is the entry's, with the resource's path", () => {
    const text = `<entry ${NS}><sdata:payload><bad xmlns="urn:c"/></sdata:payload></entry>`
    const r = syncEntryXml(Counting).decode(text)
    expect(E.isLeft(r) && reportErrors(r.left)).toStrictEqual([
      decodeIssue('unexpected', '/entry/sdata:payload/bad', 'a bad resource'),
    ])
  })
})

describe('diagnoses wrappers in JSON', () => {
  it('a wrapper that is not an object', () => {
    const r = SyncFeedJson.decode({ $resources: [], $diagnoses: [{ $message: 'one' }], $diagnosesWrappers: [3] })
    expect(E.isLeft(r) && reportJsonErrors(r.left)).toStrictEqual([
      jsonIssue('unexpected', '/$diagnosesWrappers/0', 'a diagnoses wrapper must be a JSON object'),
    ])
    const ok = decoded(SyncFeedJson, {
      $resources: [],
      $diagnoses: [{ $message: 'one' }],
      $diagnosesWrappers: [{ start: 0, count: 1 }],
    })
    expect(ok.diagnosesWrappers).toStrictEqual([{ start: 0, count: 1 }])
  })
})
