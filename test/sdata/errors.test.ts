// Broken SData documents: each is rejected with the exact XML path (or line:column) and message of its fault.
import type * as t from 'io-ts'
import { Type as IoType } from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  DigestXml,
  reportErrors,
  SyncEntryXml,
  SyncFeedElement,
  SyncFeedXml,
  syncFeedElement,
  TrackingXml,
} from '../../src/sdata/index'
import { type IssueCode, parseXml, type XmlElement, type XmlInput } from '../../src/xml/index'
import { fixture } from '../support/fixtures'
import { decodeIssue, xmlFault } from '../support/issues'
import { cutStride } from '../support/runtime'

const ROOT =
  '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:sdata="http://schemas.sage.com/sdata/2008/1" ' +
  'xmlns:sync="http://schemas.sage.com/sdata/sync/2008/1" xmlns:http="http://schemas.sage.com/sdata/http/2008/1" ' +
  'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">'
const feed = (inner: string) => `${ROOT}${inner}</feed>`
const stateEntry = (tick: string) =>
  `<entry><sync:syncState><sync:endpoint>http://e/a</sync:endpoint><sync:tick>${tick}</sync:tick>` +
  '<sync:stamp>2008-10-30T14:55:43Z</sync:stamp></sync:syncState></entry>'
const digestWithSecond = (body: string) =>
  '<sync:digest><sync:digestEntry><sync:endpoint>http://e/a</sync:endpoint><sync:tick>1</sync:tick>' +
  '<sync:stamp>2008-10-30T14:55:43Z</sync:stamp><sync:conflictPriority>1</sync:conflictPriority></sync:digestEntry>' +
  `<sync:digestEntry>${body}</sync:digestEntry></sync:digest>`
const STAMP = '<sync:stamp>2008-10-30T14:55:43Z</sync:stamp>'

const cases: Array<[string, t.Type<any, string, XmlInput>, string, string, string, IssueCode]> = [
  [
    'a non-numeric tick in the third entry',
    SyncFeedXml,
    feed(stateEntry('1') + stateEntry('2') + stateEntry('abc')),
    '/feed/entry[3]/sync:syncState/tick',
    'expected a non-negative integer, found "abc"',
    'bad-value',
  ],
  [
    'a tick past 2^53 - 1 (never rounded)',
    SyncFeedXml,
    feed(stateEntry('9007199254740993')),
    '/feed/entry[1]/sync:syncState/tick',
    'expected a non-negative safe integer (at most 2^53 - 1), found "9007199254740993"',
    'bad-value',
  ],
  [
    'a negative tick',
    SyncFeedXml,
    feed(stateEntry('-1')),
    '/feed/entry[1]/sync:syncState/tick',
    'expected a non-negative integer, found "-1"',
    'bad-value',
  ],
  [
    'syncMode later',
    SyncFeedXml,
    feed('<sync:syncMode>later</sync:syncMode>'),
    '/feed/sync:syncMode',
    'expected catchUp or immediate, found "later"',
    'bad-value',
  ],
  [
    'a digestEntry with no endpoint',
    SyncFeedXml,
    feed(digestWithSecond(`<sync:tick>3</sync:tick>${STAMP}`)),
    '/feed/sync:digest/digestEntry[2]/endpoint',
    'missing required element sync:endpoint',
    'missing',
  ],
  [
    'a bad stamp (month 13)',
    SyncFeedXml,
    feed(digestWithSecond('<sync:endpoint>http://e/b</sync:endpoint><sync:stamp>2008-13-30T14:55:43Z</sync:stamp>')),
    '/feed/sync:digest/digestEntry[2]/stamp',
    'expected an xs:dateTime stamp, found "2008-13-30T14:55:43Z" (month 13 is out of range)',
    'bad-value',
  ],
  [
    'a non-numeric conflictPriority',
    SyncFeedXml,
    feed(
      digestWithSecond(
        `<sync:endpoint>http://e/b</sync:endpoint>${STAMP}<sync:conflictPriority>high</sync:conflictPriority>`,
      ),
    ),
    '/feed/sync:digest/digestEntry[2]/conflictPriority',
    'expected an integer, found "high"',
    'bad-value',
  ],
  [
    'a feed root in the wrong namespace',
    SyncFeedXml,
    '<feed xmlns="http://www.w3.org/2005/Atom/"><title>x</title></feed>',
    '/feed',
    'expected element feed in namespace http://www.w3.org/2005/Atom, found feed in namespace http://www.w3.org/2005/Atom/',
    'unexpected',
  ],
  [
    'an entry root in no namespace',
    SyncEntryXml,
    '<entry><id/></entry>',
    '/entry',
    'expected element entry in namespace http://www.w3.org/2005/Atom, found entry in no namespace',
    'unexpected',
  ],
  [
    'sdata:isDeleted that is not a boolean',
    SyncFeedXml,
    feed('<entry><sdata:payload><account xmlns="urn:c" sdata:isDeleted="maybe"/></sdata:payload></entry>'),
    '/feed/entry[1]/sdata:payload/account/@sdata:isDeleted',
    'expected a boolean (true, false, 1 or 0), found "maybe"',
    'bad-value',
  ],
  [
    'sync:isDeleted that is not a boolean, on a prefixed resource',
    SyncFeedXml,
    feed('<entry><sdata:payload><c:account xmlns:c="urn:c" sync:isDeleted="maybe"/></sdata:payload></entry>'),
    '/feed/entry[1]/sdata:payload/c:account/@sync:isDeleted',
    'expected a boolean (true, false, 1 or 0), found "maybe"',
    'bad-value',
  ],
  [
    'a negative opensearch:totalResults',
    SyncFeedXml,
    feed('<opensearch:totalResults>-5</opensearch:totalResults>'),
    '/feed/opensearch:totalResults',
    'expected a non-negative integer, found "-5"',
    'bad-value',
  ],
  [
    'a non-numeric http:httpStatus',
    SyncFeedXml,
    feed('<entry><http:httpStatus>OK</http:httpStatus></entry>'),
    '/feed/entry[1]/http:httpStatus',
    'expected an integer, found "OK"',
    'bad-value',
  ],
  [
    'a feed updated that is not a dateTime',
    SyncFeedXml,
    feed('<updated>yesterday</updated>'),
    '/feed/updated',
    'expected an xs:dateTime stamp, found "yesterday" (not of the form YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm])',
    'bad-value',
  ],
  [
    'a syncState without stamp',
    SyncEntryXml,
    '<entry xmlns="http://www.w3.org/2005/Atom"><syncState xmlns="http://schemas.sage.com/sdata/sync/2008/1">' +
      '<endpoint>http://e/a</endpoint><tick>4</tick></syncState></entry>',
    '/entry/sync:syncState/stamp',
    'missing required element sync:stamp',
    'missing',
  ],
  [
    'a digestEntry with two ticks',
    DigestXml,
    '<digest xmlns="http://schemas.sage.com/sdata/sync/2008/1"><digestEntry><endpoint>e</endpoint><tick>1</tick>' +
      '<tick>2</tick><stamp>2008-10-30T14:55:43Z</stamp></digestEntry></digest>',
    '/sync:digest/digestEntry[1]/tick',
    'unexpected second sync:tick',
    'unexpected',
  ],
  [
    'a tick holding an element',
    DigestXml,
    '<digest xmlns="http://schemas.sage.com/sdata/sync/2008/1"><digestEntry><endpoint>e</endpoint><tick><n>1</n></tick>' +
      '<stamp>2008-10-30T14:55:43Z</stamp></digestEntry></digest>',
    '/sync:digest/digestEntry[1]/tick',
    'expected text, found child elements',
    'unexpected',
  ],
  [
    'a fractional tracking pollingMillis',
    TrackingXml,
    '<tracking xmlns="http://schemas.sage.com/sdata/2008/1"><pollingMillis>1.5</pollingMillis></tracking>',
    '/sdata:tracking/pollingMillis',
    'expected a non-negative integer, found "1.5"',
    'bad-value',
  ],
  [
    'a tick under the sdatasync prefix Sage servers use',
    SyncFeedXml,
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:sdatasync="http://schemas.sage.com/sdata/sync/2008/1"><entry/>' +
      '<entry><sdatasync:syncState><sdatasync:endpoint>e</sdatasync:endpoint><sdatasync:tick>x</sdatasync:tick>' +
      '<sdatasync:stamp>2008-10-30T14:55:43Z</sdatasync:stamp></sdatasync:syncState></entry></feed>',
    '/feed/entry[2]/sync:syncState/tick',
    'expected a non-negative integer, found "x"',
    'bad-value',
  ],
  ['an empty text', SyncFeedXml, '', '1:1', 'no root element', 'not-well-formed'],
  [
    'two roots',
    SyncFeedXml,
    '<feed xmlns="http://www.w3.org/2005/Atom"/><feed xmlns="http://www.w3.org/2005/Atom"/>',
    '1:44',
    'a second root element; a document has exactly one',
    'not-well-formed',
  ],
]

describe('broken SData documents', () => {
  for (const [name, codec, text, path, message, code] of cases) {
    it(`rejects ${name}`, () => {
      const r = codec.decode(text)
      expect(r._tag).toBe('Left')
      // A fault of the text has no steps but its line and column; a decode error has the steps of its XML path.
      const [line, column] = path.split(':').map(Number)
      const expected = /^\d+:\d+$/.test(path) ? xmlFault(code, message, line, column) : decodeIssue(code, path, message)
      if (r._tag === 'Left') expect(reportErrors(r.left)).toStrictEqual([expected])
    })
  }

  it('never throws on input that breaks the types (not text, a hand-built tree with holes)', () => {
    const notText = SyncFeedXml.decode(42 as unknown as string)
    expect(notText._tag === 'Left' && reportErrors(notText.left)).toEqual([
      decodeIssue('unexpected', '', 'expected XML text, found number'),
    ])
    const holed = {
      type: 'element',
      namespace: 'http://www.w3.org/2005/Atom',
      localName: 'feed',
      prefix: null,
      attributes: [],
      children: [{ type: 'element', namespace: 'http://www.w3.org/2005/Atom', localName: 'entry' }],
    } as unknown as XmlElement
    const r = SyncFeedElement.decode(holed)
    expect(r._tag === 'Left' && reportErrors(r.left)).toEqual([
      decodeIssue('internal', '', expect.stringMatching(/^could not decode the document: /)),
    ])
  })

  it('reports a payload codec that throws, read from a tree, as one internal issue, not a throw', () => {
    const Throwing = new IoType<unknown, XmlElement, XmlElement>(
      'Throwing',
      (u): u is unknown => true,
      () => {
        throw new Error('codec bug')
      },
      (el) => el as XmlElement,
    )
    const tree = parseXml(feed('<entry><sdata:payload><account xmlns="urn:c"/></sdata:payload></entry>'))
    const r = tree._tag === 'Right' ? syncFeedElement(Throwing).decode(tree.right.root) : undefined
    expect(r?._tag === 'Left' && reportErrors(r.left)).toStrictEqual([
      decodeIssue('internal', '', 'could not decode the document: codec bug'),
    ])
  })

  it('reports every broken member of a document, not only the first', () => {
    const r = SyncFeedXml.decode(feed(`<sync:syncMode>later</sync:syncMode>${stateEntry('x')}${stateEntry('y')}`))
    expect(r._tag === 'Left' && reportErrors(r.left).map((i) => i.path)).toEqual([
      '/feed/sync:syncMode',
      '/feed/entry[1]/sync:syncState/tick',
      '/feed/entry[2]/sync:syncState/tick',
    ])
  })

  it("gives a feed cut anywhere exactly parseXml's error (message, line and column)", () => {
    const faults: string[] = []
    let cuts = 0
    for (const path of ['sdata/spec-4.4_sync-feed_catchUp.xml', 'sdata/core-13.4_batch-response-feed.xml']) {
      const text = fixture(path)
      const end = text.lastIndexOf('>')
      for (let cut = 0; cut <= end; cut += cutStride, cuts++) {
        const prefix = text.slice(0, cut)
        const parsed = parseXml(prefix)
        const r = SyncFeedXml.decode(prefix)
        // Collected rather than asserted one by one: thousands of expect() calls would dominate the run time.
        if (parsed._tag === 'Right' || r._tag === 'Right') faults.push(`${path}@${cut}: well-formed`)
        else if (JSON.stringify(reportErrors(r.left)) !== JSON.stringify(parsed.left))
          faults.push(`${path}@${cut}: ${JSON.stringify(reportErrors(r.left))}`)
      }
    }
    expect(faults).toEqual([])
    expect(cuts).toBeGreaterThan(1000 / cutStride)
  })
})
