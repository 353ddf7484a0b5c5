// XML decoding edge cases of the sdata codecs: payload attribute lifting and namespace declarations, lenient value
// parsing (whitespace, message truncation), self-contained kept subtrees, digest/diagnosis/link/tracking details.
// Raised from mutation testing (issue 7): each test pins a branch or message that no test asserted before.
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import type { SyncFeed } from '../../src/sdata/index'
import {
  checkPageSequence,
  DiagnosesXml,
  DigestXml,
  nextPage,
  resourceAttributes,
  SDATA_NS,
  SYNC_NS,
  SyncEntryXml,
  SyncFeedXml,
  SyncStateXml,
  TrackingXml,
} from '../../src/sdata/index'
import { XMLNS_NAMESPACE, type XmlAttribute, type XmlElement } from '../../src/xml/index'
import { decoded, decodeIssues } from '../support/decode'
import { decodeIssue, rule } from '../support/issues'
import { resourceWith, sd, sy } from '../support/sdata-attributes'

const ATOM = 'http://www.w3.org/2005/Atom'
const XSI = 'http://www.w3.org/2001/XMLSchema-instance'
const UUID = '74926A0D-0000-4F4F-8B8B-000000000001'

const decl = (prefix: string | null, value: string): XmlAttribute =>
  prefix === null
    ? { namespace: XMLNS_NAMESPACE, localName: 'xmlns', prefix: null, value }
    : { namespace: XMLNS_NAMESPACE, localName: prefix, prefix: 'xmlns', value }

const ENTRY = `<entry xmlns="${ATOM}" xmlns:sdata="${SDATA_NS}" xmlns:sync="${SYNC_NS}">`
const entryWith = (inner: string) => `${ENTRY}${inner}</entry>`
const payloadOf = (resource: string) =>
  decoded(SyncEntryXml, entryWith(`<sdata:payload>${resource}</sdata:payload>`)).payload

describe('resourceAttributes', () => {
  it('reads booleans leniently: trimmed, any case, 1 and 0', () => {
    expect(resourceAttributes(resourceWith(sd('isDeleted', ' TRUE ')))).toEqual({ isDeleted: true })
    expect(resourceAttributes(resourceWith(sd('isDeleted', '1')))).toEqual({ isDeleted: true })
    expect(resourceAttributes(resourceWith(sd('isDeleted', 'False')))).toEqual({ isDeleted: false })
    expect(resourceAttributes(resourceWith(sd('isDeleted', '0')))).toEqual({ isDeleted: false })
    expect(resourceAttributes(resourceWith(sd('isDeleted', 'maybe')))).toEqual({})
    expect(resourceAttributes(resourceWith(sd('deleteMissing', 'true')))).toEqual({ deleteMissing: true })
    expect(resourceAttributes(resourceWith(sd('deleteMissing', '0')))).toEqual({ deleteMissing: false })
    expect(resourceAttributes(resourceWith(sd('deleteMissing', 'x')))).toEqual({})
  })
  it('sdata:isDeleted wins over sync:isDeleted; other sync attributes mean nothing', () => {
    expect(resourceAttributes(resourceWith(sy('isDeleted', 'true')))).toEqual({ isDeleted: true })
    expect(resourceAttributes(resourceWith(sd('isDeleted', 'false'), sy('isDeleted', 'true')))).toEqual({
      isDeleted: false,
    })
    expect(resourceAttributes(resourceWith(sy('other', 'true')))).toEqual({})
    expect(
      resourceAttributes(resourceWith({ namespace: 'urn:x', localName: 'isDeleted', prefix: 'x', value: 'true' })),
    ).toEqual({})
  })
  it('reads only attributes in the SData namespace', () => {
    const foreign = ['uuid', 'key', 'url', 'uri', 'lookup', 'descriptor', 'deleteMissing'].map(
      (localName): XmlAttribute => ({ namespace: 'urn:x', localName, prefix: 'x', value: 'v' }),
    )
    expect(resourceAttributes(resourceWith(...foreign))).toEqual({})
    expect(
      resourceAttributes(
        resourceWith(
          sd('uuid', 'u'),
          sd('key', 'k'),
          sd('lookup', 'l'),
          sd('descriptor', 'd'),
          sd('uri', 'i'),
          sd('url', 'r'),
        ),
      ),
    ).toEqual({ uuid: 'u', key: 'k', lookup: 'l', descriptor: 'd', url: 'r' })
    expect(resourceAttributes(resourceWith(sd('uri', 'i')))).toEqual({ url: 'i' })
  })
})

describe('payload resources: lifted attributes', () => {
  it('sdata:url wins over sdata:uri, whatever their order; the uri stays on the element', () => {
    const p = payloadOf(`<account xmlns="urn:c" sdata:uri="http://u/1" sdata:url="http://u/2"/>`)!
    expect(p.url).toBe('http://u/2')
    expect(p.element.attributes).toEqual([
      decl(null, 'urn:c'),
      { namespace: SDATA_NS, localName: 'uri', prefix: 'sdata', value: 'http://u/1' },
    ])
  })
  it('sdata:uri alone is the url', () => {
    const p = payloadOf(`<account xmlns="urn:c" sdata:uri="http://u/1"/>`)!
    expect(p.url).toBe('http://u/1')
    expect(p.element.attributes).toEqual([decl(null, 'urn:c')])
  })
  it('url, uuid and isDeleted in no namespace or another namespace are not lifted', () => {
    const p = payloadOf(
      `<account xmlns="urn:c" xmlns:x="urn:x" url="http://u/1" x:uuid="${UUID}" x:isDeleted="maybe"/>`,
    )!
    expect(p).toEqual({
      isDeleted: false,
      element: {
        type: 'element',
        namespace: 'urn:c',
        localName: 'account',
        prefix: null,
        attributes: [
          decl(null, 'urn:c'),
          decl('x', 'urn:x'),
          { namespace: null, localName: 'url', prefix: null, value: 'http://u/1' },
          { namespace: 'urn:x', localName: 'uuid', prefix: 'x', value: UUID },
          { namespace: 'urn:x', localName: 'isDeleted', prefix: 'x', value: 'maybe' },
        ],
        children: [],
      },
    })
  })
  it('with sdata:isDeleted present, sync:isDeleted is kept as an attribute, not read', () => {
    const p = payloadOf(`<account xmlns="urn:c" sdata:isDeleted="false" sync:isDeleted="true"/>`)!
    expect(p.isDeleted).toBe(false)
    expect(p.element.attributes).toEqual([
      decl(null, 'urn:c'),
      { namespace: SYNC_NS, localName: 'isDeleted', prefix: 'sync', value: 'true' },
    ])
  })
})

describe('payload resources: SData declarations on the resource element', () => {
  const S = `xmlns:s="${SDATA_NS}"`
  it('is kept when nothing was lifted', () => {
    const p = payloadOf(`<account xmlns="urn:c" ${S}/>`)!
    expect(p.element.attributes).toEqual([decl(null, 'urn:c'), decl('s', SDATA_NS)])
  })
  it('is dropped when only lifted attributes used it', () => {
    const p = payloadOf(`<account xmlns="urn:c" ${S} s:uuid="${UUID}"/>`)!
    expect(p.uuid).toBe(UUID)
    expect(p.element.attributes).toEqual([decl(null, 'urn:c')])
  })
  it('is kept when an attribute left on the element uses it', () => {
    const p = payloadOf(`<account xmlns="urn:c" ${S} s:uuid="${UUID}" s:foo="1"/>`)!
    expect(p.element.attributes).toEqual([
      decl(null, 'urn:c'),
      decl('s', SDATA_NS),
      { namespace: SDATA_NS, localName: 'foo', prefix: 's', value: '1' },
    ])
  })
  it('is kept when a child element uses it', () => {
    const p = payloadOf(`<account xmlns="urn:c" ${S} s:uuid="${UUID}"><s:child/></account>`)!
    expect(p.element.attributes).toEqual([decl(null, 'urn:c'), decl('s', SDATA_NS)])
  })
  it('other declarations and attributes whose value is the SData URI are kept', () => {
    const p = payloadOf(`<account xmlns="urn:c" xmlns:z="urn:z" s:uuid="${UUID}" ${S} ref="${SDATA_NS}"/>`)!
    expect(p.element.attributes).toEqual([
      decl(null, 'urn:c'),
      decl('z', 'urn:z'),
      { namespace: null, localName: 'ref', prefix: null, value: SDATA_NS },
    ])
  })
})

describe('value parsing (read.ts)', () => {
  const tickIssue = (tick: string) =>
    decodeIssues(
      SyncStateXml,
      `<syncState xmlns="${SYNC_NS}"><endpoint>e</endpoint><tick>${tick}</tick><stamp>2008-10-30T14:55:43Z</stamp></syncState>`,
    )
  const tickOf = (tick: string) =>
    decoded(
      SyncStateXml,
      `<syncState xmlns="${SYNC_NS}"><endpoint>e</endpoint><tick>${tick}</tick><stamp>2008-10-30T14:55:43Z</stamp></syncState>`,
    ).tick
  it('XML whitespace around a value is removed; other characters are not', () => {
    expect(tickOf(' 5')).toBe(5)
    expect(tickOf('5 ')).toBe(5)
    expect(tickOf('\t5\n')).toBe(5)
    expect(tickOf('5')).toBe(5)
    expect(tickIssue('!5')).toEqual([
      decodeIssue('bad-value', '/sync:syncState/tick', 'expected a non-negative integer, found "!5"'),
    ])
  })
  it('bad values are quoted whole up to 60 characters, cut to 57 + ... beyond', () => {
    for (const n of [59, 60]) {
      const bad = 'x'.repeat(n)
      expect(tickIssue(bad)).toEqual([
        decodeIssue('bad-value', '/sync:syncState/tick', `expected a non-negative integer, found "${bad}"`),
      ])
    }
    expect(tickIssue('y'.repeat(61))).toEqual([
      decodeIssue('bad-value', '/sync:syncState/tick', `expected a non-negative integer, found "${'y'.repeat(57)}..."`),
    ])
  })
  it('a conflictPriority past 2^53 - 1 is an error', () => {
    const r = decodeIssues(
      DigestXml,
      `<digest xmlns="${SYNC_NS}"><digestEntry><endpoint>e</endpoint><stamp>2008-10-30T14:55:43Z</stamp>` +
        '<conflictPriority>-9007199254740993</conflictPriority></digestEntry></digest>',
    )
    expect(r).toEqual([
      decodeIssue(
        'bad-value',
        '/sync:digest/digestEntry[1]/conflictPriority',
        'expected a safe integer (magnitude at most 2^53 - 1), found "-9007199254740993"',
      ),
    ])
  })
  it('errors keep the io-ts context the codec was called with', () => {
    const r = SyncStateXml.decode(`<syncState xmlns="${SYNC_NS}"><endpoint>e</endpoint></syncState>`)
    expect(E.isLeft(r)).toBe(true)
    if (E.isLeft(r)) {
      expect(r.left[0]!.context[0]!.key).toBe('')
      expect(r.left[0]!.context[0]!.type.name).toBe('SyncStateXml')
    }
    const nested = t.type({ state: t.string.pipe(SyncStateXml) }).decode({ state: `<syncState xmlns="${SYNC_NS}"/>` })
    expect(E.isLeft(nested) && nested.left.map((e) => e.context.slice(0, 2).map((c) => c.key))).toEqual([
      ['', 'state'],
      ['', 'state'],
    ])
  })
})

describe('digest entries', () => {
  it('whitespace between children is ignored; foreign and unknown sync children are kept', () => {
    const d = decoded(
      DigestXml,
      `<digest xmlns="${SYNC_NS}" xmlns:x="urn:x">\n  <digestEntry>\n    <x:endpoint>foreign</x:endpoint>\n` +
        '    <endpoint>http://e/a</endpoint>\n    <foo>1</foo>\n    <stamp>2008-10-30T14:55:43Z</stamp>\n  </digestEntry>\n</digest>',
    )
    const entry = d.entries[0]!
    expect({ ...entry, extensions: entry.extensions?.map((x) => [x.namespace, x.localName]) }).toEqual({
      endpoint: 'http://e/a',
      tick: 0,
      stamp: '2008-10-30T14:55:43Z',
      conflictPriority: 0,
      extensions: [
        ['urn:x', 'endpoint'],
        [SYNC_NS, 'foo'],
      ],
    })
  })
})

describe('links', () => {
  it('a link with text or child elements is kept as an extension', () => {
    const e = decoded(
      SyncEntryXml,
      entryWith(
        '<link rel="a" href="http://h/1">text</link><link rel="b" href="http://h/2"><x/></link><link href="http://h/3"/>',
      ),
    )
    expect(e.links).toEqual([{ href: 'http://h/3' }])
    expect(e.extensions.map((x) => x.attributes.find((a) => a.localName === 'rel')?.value)).toEqual(['a', 'b'])
  })
})

describe('kept subtrees are self-contained', () => {
  it('an element in no namespace declares xmlns=""', () => {
    const e = decoded(SyncEntryXml, `<a:entry xmlns:a="${ATOM}"><ext>v</ext></a:entry>`)
    expect(e.extensions).toEqual([
      {
        type: 'element',
        namespace: null,
        localName: 'ext',
        prefix: null,
        attributes: [decl(null, '')],
        children: [{ type: 'text', value: 'v' }],
      },
    ])
    expect(SyncEntryXml.encode(e)).toContain('<ext xmlns="">v</ext>')
  })
  it('an attribute prefix bound outside gets declared; xml: and unprefixed attributes do not', () => {
    const e = decoded(SyncEntryXml, `<entry xmlns="${ATOM}" xmlns:q="urn:q"><ext q:a="1" xml:lang="en" b="2"/></entry>`)
    expect(e.extensions[0]!.attributes).toEqual([
      { namespace: 'urn:q', localName: 'a', prefix: 'q', value: '1' },
      { namespace: 'http://www.w3.org/XML/1998/namespace', localName: 'lang', prefix: 'xml', value: 'en' },
      { namespace: null, localName: 'b', prefix: null, value: '2' },
      decl('q', 'urn:q'),
    ])
  })
  it('an extension declaring its own prefix gets nothing added', () => {
    const e = decoded(SyncEntryXml, `<entry xmlns="${ATOM}"><ext xmlns:q="urn:q" q:a="1"/></entry>`)
    expect(e.extensions[0]!.attributes).toEqual([
      decl('q', 'urn:q'),
      { namespace: 'urn:q', localName: 'a', prefix: 'q', value: '1' },
    ])
  })
})

describe('diagnoses', () => {
  const diag = (inner: string) =>
    decoded(
      DiagnosesXml,
      `<sdata:diagnosis xmlns:sdata="${SDATA_NS}" xmlns:xsi="${XSI}" xmlns:x="urn:x">${inner}</sdata:diagnosis>`,
    ).diagnoses[0]!
  const names = (d: { extensions: XmlElement[] }) => d.extensions.map((x) => `${x.prefix}:${x.localName}`)
  it('applicationCode xsi:nil="true" reads as null', () => {
    expect(diag('<sdata:applicationCode xsi:nil="true"/>')).toEqual({ applicationCode: null, extensions: [] })
  })
  it('other attributes on applicationCode keep it as an extension', () => {
    for (const attr of ['xsi:nil="false"', 'xsi:foo="true"', 'x:nil="true"']) {
      const d = diag(`<sdata:applicationCode ${attr}/>`)
      expect(d.applicationCode).toBeUndefined()
      expect(names(d)).toEqual(['sdata:applicationCode'])
    }
  })
  it('xsi:nil is only allowed on applicationCode', () => {
    const d = diag('<sdata:severity xsi:nil="true"/>')
    expect(d.severity).toBeUndefined()
    expect(names(d)).toEqual(['sdata:severity'])
  })
  it('whitespace is ignored and unknown sdata members are kept', () => {
    const d = diag('\n  <sdata:severity>error</sdata:severity>\n  <sdata:foo>x</sdata:foo>\n')
    expect(d.severity).toBe('error')
    expect(names(d)).toEqual(['sdata:foo'])
    expect(Object.keys(d).sort()).toEqual(['extensions', 'severity'])
  })
  it('an entry sdata:diagnoses wrapper with attributes is kept as an extension', () => {
    const e = decoded(
      SyncEntryXml,
      entryWith(
        '<sdata:diagnoses foo="1"><sdata:diagnosis><sdata:severity>error</sdata:severity></sdata:diagnosis></sdata:diagnoses>',
      ),
    )
    expect(e.diagnoses).toEqual([])
    expect(e.extensions.map((x) => x.localName)).toEqual(['diagnoses'])
  })
  it('an unknown empty sdata element of a feed is kept, not read as diagnoses', () => {
    const f = decoded(SyncFeedXml, `<feed xmlns="${ATOM}" xmlns:sdata="${SDATA_NS}"><sdata:foo/></feed>`)
    expect(f.diagnoses).toEqual([])
    expect(f.extensions.map((x) => x.localName)).toEqual(['foo'])
  })
})

describe('tracking', () => {
  it('is written as a tracking root in its namespace as the default namespace', () => {
    const xml = TrackingXml.encode({ namespace: SDATA_NS, phase: 'Running', pollingMillis: 500, extensions: [] })
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>' +
        `<tracking xmlns="${SDATA_NS}"><phase>Running</phase><pollingMillis>500</pollingMillis></tracking>`,
    )
    expect(decoded(TrackingXml, xml)).toEqual({
      namespace: SDATA_NS,
      phase: 'Running',
      pollingMillis: 500,
      extensions: [],
    })
  })
})

describe('paging', () => {
  it('nextPage skips links that are not objects', () => {
    expect(nextPage({ links: [null as never, 5 as never, { rel: 'next', href: 'http://h/2' }] })).toBe('http://h/2')
  })
  it('checkPageSequence reports a page that cannot be inspected', () => {
    const page = {
      get entries(): never {
        throw new Error('boom')
      },
    } as unknown as SyncFeed
    expect(checkPageSequence([page])).toEqual([rule('error', '/', 'the pages could not be inspected: boom')])
  })
})
