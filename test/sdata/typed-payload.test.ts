// Typed payloads: a caller's io-ts element codec for its contract gives `payload.value` (sync §4.4, decision 11.3),
// encoding writes the value back, and the caller's errors come out with the XML path of the payload.
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { child, element, NonNegativeInteger, optionalChild, qname, record, text } from '../../src/codec/index'
import { payloadElement, reportErrors, syncEntryXml, syncFeedXml } from '../../src/sdata/index'
import { parseXml, type XmlElement } from '../../src/xml/index'
import { fixture } from '../support/fixtures'
import { decodeIssue, xmlFault } from '../support/issues'

const CONTRACT = 'http://schemas.sage.com/myContract'
const Account = element(
  qname(CONTRACT, 'account'),
  record({
    name: child(qname(CONTRACT, 'name'), text(t.string)),
    employees: optionalChild(qname(CONTRACT, 'employees'), text(NonNegativeInteger)),
  }),
)
const AccountFeed = syncFeedXml(Account)

describe('syncFeedXml(payloadCodec)', () => {
  it('gives typed payloads for the §4.4 feed, beside the lossless element', () => {
    const r = AccountFeed.decode(fixture('sdata/spec-4.4_sync-feed_catchUp.xml'))
    expect(r._tag).toBe('Right')
    if (r._tag !== 'Right') return
    expect(r.right.entries.map((e) => e.payload?.value)).toEqual([
      { name: 'Natural Goods Ltd.' },
      { name: 'Chemical Brothers Inc.' },
    ])
    expect(r.right.entries[0]!.payload?.uuid).toBe('74926A0D-D2C0-4daa-9986-47C833691569')
    expect(r.right.entries[0]!.payload?.element.localName).toBe('account')
  })

  it('encodes the value (an edit to value is written), and decode → encode → decode is the identity', () => {
    const r = AccountFeed.decode(fixture('sdata/spec-4.4_sync-feed_catchUp.xml'))
    if (r._tag !== 'Right') throw new Error('did not decode')
    const edited = structuredClone(r.right)
    edited.entries[0]!.payload!.value = { name: 'Natural Goods plc', employees: 12 }
    const again = AccountFeed.decode(AccountFeed.encode(edited))
    expect(again._tag === 'Right' && again.right.entries.map((e) => [e.payload?.uuid, e.payload?.value])).toEqual([
      ['74926A0D-D2C0-4daa-9986-47C833691569', { name: 'Natural Goods plc', employees: 12 }],
      ['C4411795-9943-4cf4-8705-51A74C9F0ACC', { name: 'Chemical Brothers Inc.' }],
    ])
    if (again._tag !== 'Right') return
    const third = AccountFeed.decode(AccountFeed.encode(again.right))
    expect(third._tag === 'Right' && third.right).toEqual(again.right)
  })

  it("reports the contract codec's errors under the payload's path", () => {
    const xml = fixture('sdata/spec-4.4_sync-feed_catchUp.xml').replace(
      '<name>Chemical Brothers Inc.</name>',
      '<employees>many</employees>',
    )
    const r = AccountFeed.decode(xml)
    expect(r._tag === 'Left' && reportErrors(r.left)).toEqual([
      decodeIssue('missing', '/feed/entry[2]/sdata:payload/account/name', expect.stringMatching(/name/)),
      decodeIssue('bad-value', '/feed/entry[2]/sdata:payload/account/employees', expect.stringMatching(/"many"/)),
    ])
  })

  it('types the payload of a single entry and of a bare sdata:payload element', () => {
    const entry =
      '<entry xmlns="http://www.w3.org/2005/Atom" xmlns:sdata="http://schemas.sage.com/sdata/2008/1">' +
      `<sdata:payload><account xmlns="${CONTRACT}" sdata:uuid="C4411795-9943-4cf4-8705-51A74C9F0ACC"><name>X</name></account></sdata:payload></entry>`
    const r = syncEntryXml(Account).decode(entry)
    expect(r._tag === 'Right' && r.right.payload?.value).toEqual({ name: 'X' })
    const doc = parseXml(entry)
    if (doc._tag === 'Left') throw new Error('did not parse')
    const payload = doc.right.root.children[0]
    if (payload?.type !== 'element') throw new Error('no payload')
    const p = payloadElement(Account).decode(payload)
    expect(p._tag === 'Right' && [p.right.uuid, p.right.value]).toEqual([
      'C4411795-9943-4cf4-8705-51A74C9F0ACC',
      { name: 'X' },
    ])
  })

  it('reads a feed that is not well-formed once: the contract codec sees each entry before the fault once', () => {
    let calls = 0
    const Counted = new t.Type<t.TypeOf<typeof Account>, XmlElement, XmlElement>(
      'CountedAccount',
      Account.is,
      (el, c) => {
        calls++
        return Account.validate(el, c)
      },
      Account.encode,
    )
    const entry = (name: string) =>
      `<entry><sdata:payload><account xmlns="${CONTRACT}"><name>${name}</name></account></sdata:payload></entry>`
    const whole =
      '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:sdata="http://schemas.sage.com/sdata/2008/1">' +
      `${entry('A')}\n${entry('B')}\n</feed>`
    expect(syncFeedXml(Counted).decode(whole)._tag).toBe('Right')
    expect(calls).toBe(2)
    // Cut before the feed's end tag: both entries are whole, the document is not.
    calls = 0
    const cut = whole.slice(0, whole.lastIndexOf('</feed>'))
    const r = syncFeedXml(Counted).decode(cut)
    const parsed = parseXml(cut)
    expect(parsed._tag === 'Left' && parsed.left).toEqual([
      xmlFault('not-well-formed', 'element <feed> is not closed', 1, 1),
    ])
    expect(r._tag === 'Left' && reportErrors(r.left)).toEqual(parsed._tag === 'Left' && parsed.left)
    expect(calls).toBe(2)
  })
})
