// Element codecs and the payload rules (sync §4.4, §5.8, §6.1; core §9.2; decisions 11.2/11.3): lenient reads, the
// spec's form on write, nested payload elements never rewritten, and the stamp helpers re-exported.
import { describe, expect, it } from 'vitest'
import {
  compareStamps,
  DigestElement,
  resourceAttributes,
  type Stamp,
  SyncFeedXml,
  SyncStateElement,
  stampToEpochMs,
} from '../../src/sdata/index'
import type { XmlElement } from '../../src/xml/index'
import { rootOf } from '../support/decode'
import { fixture } from '../support/fixtures'

const DECLS =
  'xmlns:sdata="http://schemas.sage.com/sdata/2008/1" xmlns:sync="http://schemas.sage.com/sdata/sync/2008/1" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'

/** A feed with one entry whose sdata:payload holds `payload` (prefixes sdata, sync, xsi declared on the feed). */
function feedWith(payloadAttributes: string, payload: string): string {
  return `<feed xmlns="http://www.w3.org/2005/Atom" ${DECLS}><entry><sdata:payload${payloadAttributes}>${payload}</sdata:payload></entry></feed>`
}

function decodeFeed(xml: string) {
  const r = SyncFeedXml.decode(xml)
  if (r._tag === 'Left') throw new Error('did not decode')
  return r.right
}

describe('payload resources', () => {
  it('§6.1 deleted parent: sync:isDeleted reads as a delete and is written back as read', () => {
    const parent = fixture('sdata/spec-6.1_salesOrder-deleted-parent_fragment.xml')
    const feed = decodeFeed(feedWith('', parent))
    const payload = feed.entries[0]!.payload!
    expect(payload.uuid).toBe('44D446D4-5700-41cc-92FB-3BA0FF6017CC')
    expect(payload.isDeleted).toBe(true)
    expect(payload.element.attributes.map((a) => a.localName)).toEqual(['xmlns'])
    const text = SyncFeedXml.encode(feed)
    expect(payload.forms).toEqual({ isDeletedNamespace: 'sync' })
    expect(text).toContain('sync:isDeleted="true"')
    expect(text).not.toContain('sdata:isDeleted')
  })

  it('booleans in any letter case (True/False as .NET writes them) and 1/0', () => {
    for (const [value, deleted] of [
      ['True', true],
      ['FALSE', false],
      ['1', true],
      ['0', false],
    ] as const) {
      const feed = decodeFeed(feedWith('', `<a xmlns="urn:c" sdata:isDeleted="${value}"/>`))
      expect(feed.entries[0]!.payload!.isDeleted).toBe(deleted)
    }
  })

  it('uuid on the resource or on <payload> (§5.8) reads the same; two different uuids keep the payload whole', () => {
    const onResource = decodeFeed(feedWith('', '<a xmlns="urn:c" sdata:uuid="C4411795-9943-4cf4-8705-51A74C9F0ACC"/>'))
    const onPayload = decodeFeed(feedWith(' sdata:uuid="C4411795-9943-4cf4-8705-51A74C9F0ACC"', '<a xmlns="urn:c"/>'))
    expect(onPayload.entries[0]!.payload!.forms).toEqual({ uuid: 'payload' })
    const { forms: _forms, ...payload } = onPayload.entries[0]!.payload!
    expect({ ...onPayload, entries: [{ ...onPayload.entries[0]!, payload }] }).toEqual(onResource)
    const clash = decodeFeed(
      feedWith(
        ' sdata:uuid="C4411795-9943-4cf4-8705-51A74C9F0ACC"',
        '<a xmlns="urn:c" sdata:uuid="74926A0D-D2C0-4daa-9986-47C833691569"/>',
      ),
    )
    expect(clash.entries[0]!.payload).toBeUndefined()
    expect(clash.entries[0]!.extensions.map((e) => e.localName)).toEqual(['payload'])
  })

  it('sdata:uri (real servers) reads as url and is written back as sdata:uri; with both, sdata:url wins and uri stays', () => {
    const feed = decodeFeed(feedWith('', '<a xmlns="urn:c" sdata:uri="http://e/a(1)"/>'))
    expect(feed.entries[0]!.payload!.url).toBe('http://e/a(1)')
    expect(SyncFeedXml.encode(feed)).toContain('sdata:uri="http://e/a(1)"')
    const both = decodeFeed(feedWith('', '<a xmlns="urn:c" sdata:url="http://e/u" sdata:uri="http://e/i"/>'))
    expect(both.entries[0]!.payload!.url).toBe('http://e/u')
    expect(both.entries[0]!.payload!.element.attributes.map((a) => a.localName)).toEqual(['xmlns', 'uri'])
  })

  it('nested elements are never rewritten: core §9.2 delta list, xsi:nil, sync:isDeleted on a child', () => {
    const list = fixture('sdata/core-9.2_list-delta-sdata-isDeleted_fragment.xml').replace(
      '<shipDate>2008-05-27</shipDate>',
      '<shipDate xsi:nil="true"/><note sync:isDeleted="True">kept</note>',
    )
    const feed = decodeFeed(feedWith('', list))
    const text = SyncFeedXml.encode(feed)
    expect(text).toContain('<shipDate xsi:nil="true"/><note sync:isDeleted="True">kept</note>')
    expect(text).toContain('<salesOrderLine sdata:uuid="CD1BA6F5-C6D5-4a9b-9D59-68D43B8C58B5" sdata:isDeleted="true"/>')
    const lines = (feed.entries[0]!.payload!.element.children[2] as XmlElement).children as XmlElement[]
    expect(lines.map(resourceAttributes)).toEqual([
      { uuid: 'CEFE3F52-5529-46b9-A166-79EDFD2D0595' },
      { uuid: 'CD1BA6F5-C6D5-4a9b-9D59-68D43B8C58B5', isDeleted: true },
    ])
  })

  it('resourceAttributes reads deleteMissing, sync:isDeleted, uri and the rest without touching the element', () => {
    const el = rootOf(
      `<orderLines ${DECLS} sdata:deleteMissing="True" sync:isDeleted="0" sdata:uri="http://e/l" sdata:key="7" sdata:lookup="http://e/q" sdata:descriptor="Lines"/>`,
    )
    const before = JSON.stringify(el)
    expect(resourceAttributes(el)).toEqual({
      deleteMissing: true,
      isDeleted: false,
      url: 'http://e/l',
      key: '7',
      lookup: 'http://e/q',
      descriptor: 'Lines',
    })
    expect(JSON.stringify(el)).toBe(before)
  })

  it('a payload that is not one resource element (two elements, text) is kept whole as an extension', () => {
    const two = decodeFeed(feedWith('', '<a xmlns="urn:c"/><b xmlns="urn:c"/>'))
    expect(two.entries[0]!.payload).toBeUndefined()
    expect(two.entries[0]!.extensions).toHaveLength(1)
    const again = SyncFeedXml.decode(SyncFeedXml.encode(two))
    expect(again._tag === 'Right' && again.right).toEqual(two)
  })

  it('a second sdata:payload (real adapters send one) is kept as an extension', () => {
    const feed = decodeFeed(fixture('sdata/SDataCSharpClientLib_TestFeed_real-adapter-output_opensearch.xml'))
    const entry = feed.entries[0]!
    expect(entry.payload?.element.localName).toBe('Employee')
    expect(entry.extensions.map((e) => e.localName)).toEqual(['author', 'published', 'summary', 'payload'])
  })
})

describe('what the model cannot hold is kept whole', () => {
  it('a diagnosis with attributes, unknown children of a syncState, attributes of feed and entry', () => {
    const xml =
      `<feed xmlns="http://www.w3.org/2005/Atom" ${DECLS} xml:lang="en" xmlns:f="urn:f" f:mark="1">` +
      '<sdata:diagnosis f:level="2"><sdata:message>m</sdata:message></sdata:diagnosis>' +
      '<entry xml:base="http://e/"><sync:syncState><sync:endpoint>e</sync:endpoint><f:note>n</f:note>' +
      '<sync:stamp>2008-10-30T14:52:03Z</sync:stamp></sync:syncState></entry></feed>'
    const feed = decodeFeed(xml)
    expect(feed.diagnoses).toEqual([])
    expect(feed.extensions.map((e) => e.localName)).toEqual(['diagnosis'])
    expect(feed.attributes?.map((a) => `${a.prefix}:${a.localName}=${a.value}`)).toEqual(['xml:lang=en', 'f:mark=1'])
    expect(feed.entries[0]!.attributes?.map((a) => a.localName)).toEqual(['base'])
    expect(feed.entries[0]!.syncState?.extensions?.map((e) => e.localName)).toEqual(['note'])
    const again = SyncFeedXml.decode(SyncFeedXml.encode(feed))
    expect(again._tag === 'Right' && again.right).toEqual(feed)
  })
})

describe('element codecs and the spec form on write', () => {
  it('DigestElement and SyncStateElement decode parsed elements under any prefix', () => {
    const digest = rootOf(
      '<q:digest xmlns:q="http://schemas.sage.com/sdata/sync/2008/1"><q:digestEntry><q:stamp>2008-10-30T14:52:03Z</q:stamp>' +
        '<q:endpoint>http://e/a</q:endpoint></q:digestEntry></q:digest>',
    )
    expect(DigestElement.decode(digest)).toEqual({
      _tag: 'Right',
      right: { entries: [{ endpoint: 'http://e/a', tick: 0, stamp: '2008-10-30T14:52:03Z', conflictPriority: 0 }] },
    })
    const state = rootOf(
      '<syncState xmlns="http://schemas.sage.com/sdata/sync/2008/1"><tick>3</tick><endpoint>e</endpoint><stamp>2013-06-15T08:00:00</stamp></syncState>',
    )
    expect(SyncStateElement.decode(state)).toEqual({
      _tag: 'Right',
      right: { endpoint: 'e', tick: 3, stamp: '2013-06-15T08:00:00' },
    })
    const written = SyncStateElement.encode({ endpoint: 'e', tick: 3, stamp: '2013-06-15T08:00:00' as Stamp })
    expect([written.prefix, written.localName, written.children.map((c) => c.type === 'element' && c.prefix)]).toEqual([
      'sync',
      'syncState',
      ['sync', 'sync', 'sync'],
    ])
  })

  it('the §4.4 feed is written with conventional prefixes: Atom default, sync:, sdata:', () => {
    const text = SyncFeedXml.encode(decodeFeed(fixture('sdata/spec-4.4_sync-feed_catchUp.xml')))
    expect(text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?><feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xmlns:sdata=/,
    )
    expect(text).toContain('<sync:syncMode>catchUp</sync:syncMode><sync:digest><sync:origin>')
    expect(text).toContain('<entry><id/><title/><updated>2008-10-30T14:55:43.281Z</updated><content/><sync:syncState>')
    expect(text).toContain(
      '<sdata:payload><account xmlns="http://schemas.sage.com/myContract" sdata:uuid="74926A0D-D2C0-4daa-9986-47C833691569"><name>Natural Goods Ltd.</name></account></sdata:payload>',
    )
  })
})

describe('stamps', () => {
  it('compareStamps orders at full precision and stampToEpochMs reads zone-less stamps as UTC', () => {
    expect(compareStamps('2008-10-30T14:52:03.2810001Z' as Stamp, '2008-10-30T14:52:03.281Z' as Stamp)).toBe(1)
    expect(compareStamps('2008-10-30T15:52:03+01:00' as Stamp, '2008-10-30T14:52:03Z' as Stamp)).toBe(0)
    expect(stampToEpochMs('2013-06-15T08:00:00' as Stamp)).toBe(Date.UTC(2013, 5, 15, 8))
  })
})
