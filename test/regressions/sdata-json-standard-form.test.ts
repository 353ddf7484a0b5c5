import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { SyncEntryJson, SyncEntryXml, SyncFeedJson, SyncFeedXml } from '../../src/sdata/index'
import { arbSyncEntry, arbSyncFeed } from '../../src/testing/arbitraries/index'
import { fixture } from '../support/fixtures'

// The JSON mapping refused SData JSON as Sage's own clients write it: `null` members (`"$etag": null`), and `$uuid`,
// `$key`, `$url`, `$descriptor` beside native properties without a `$resource` wrapper (the standard form has none).
// Fixed in src/sdata/json/members.ts and resource.ts: nulls are kept verbatim (the modelled field reads as absent),
// the standard form makes a payload resource, and both laws below hold.
const UUID = '74926A0D-D2C0-4daa-9986-47C833691569'
const through = (u: unknown) => JSON.parse(JSON.stringify(u))

describe('regression: SData JSON in the standard form, nulls included', () => {
  it('accepts and keeps null members', () => {
    const input = { $resources: [{ $uuid: UUID, $etag: null, $httpStatus: null, shipDate: null }], $url: null }
    const r = SyncFeedJson.decode(input)
    if (r._tag !== 'Right') throw new Error('did not decode')
    expect(r.right.entries[0]?.http).toBeUndefined()
    expect(r.right.entries[0]?.jsonMembers).toEqual({ $etag: null, $httpStatus: null })
    expect(SyncFeedJson.encode(r.right)).toEqual(input)
  })

  it('reads $uuid, $key, $url and $descriptor beside native properties', () => {
    const input = {
      $uuid: UUID,
      $key: '43660',
      $url: 'http://www.acme.com/MyApp/-/-/salesOrders(43660)',
      $descriptor: 'Sales Order 43660',
      orderDate: '2001-07-01',
      contact: { $url: "contacts('216')", $key: '216' },
      subTotal: 1553.1,
    }
    const r = SyncEntryJson.decode(input)
    if (r._tag !== 'Right') throw new Error('did not decode')
    expect(r.right.payload).toMatchObject({ uuid: UUID, key: '43660', descriptor: 'Sales Order 43660' })
    expect(SyncEntryJson.encode(r.right)).toEqual(input)
  })

  it('carries $syncMode, $digest and $syncState as the Saleslogix client writes them (corpus)', () => {
    const input = JSON.parse(fixture('sdata/DotNetSDataClient_sync-feed_json-mapping.json'))
    const r = SyncFeedJson.decode(input)
    if (r._tag !== 'Right') throw new Error('did not decode')
    expect(r.right.syncMode).toBe('catchUp')
    expect(r.right.digest?.entries.map((e) => e.tick)).toEqual([6, 10])
    expect(SyncFeedJson.encode(r.right)).toEqual(input)
    const state = { endpoint: 'http://x/a', tick: 5, stamp: '2008-10-30T14:55:43.281Z', user: null }
    const e = SyncEntryJson.decode({ $syncState: state, $uuid: UUID, Name: 'n' })
    if (e._tag !== 'Right') throw new Error('did not decode')
    expect(e.right.syncState?.tick).toBe(5)
    expect(SyncEntryJson.encode(e.right)).toEqual({ $syncState: state, $uuid: UUID, Name: 'n' })
  })

  const scalar = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.constant(null))
  const native = fc.dictionary(
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,6}$/),
    fc.oneof(scalar, fc.array(scalar, { maxLength: 2 }), fc.dictionary(fc.stringMatching(/^[a-z]{1,4}$/), scalar)),
    { maxKeys: 4 },
  )
  const nulls = fc.subarray(['$etag', '$httpStatus', '$location', '$title', '$digest', '$key', '$descriptor'])
  const rawEntry = fc
    .tuple(arbSyncEntry({ maxPayloadDepth: 1 }), native, nulls, fc.option(fc.string(), { nil: undefined }))
    .map(([entry, props, nullKeys, name]) => {
      const json: Record<string, unknown> = { ...SyncEntryJson.encode({ ...entry, payload: undefined }) }
      for (const k of nullKeys) if (!(k in json)) json[k] = null
      if (Object.keys(props).length > 0) {
        Object.assign(json, props)
        if (entry.payload?.uuid !== undefined) json.$uuid = entry.payload.uuid
      }
      if (name !== undefined) json.$name = name
      return through(json) as Record<string, unknown>
    })

  test.prop([fc.array(rawEntry, { maxLength: 3 }), fc.option(fc.constant(null), { nil: undefined })], { numRuns: 60 })(
    'JSON → value → JSON is the identity, unknown native properties and nulls included',
    (resources, baseUrl) => {
      const input: Record<string, unknown> = { $resources: resources }
      if (baseUrl !== undefined) input.$baseUrl = baseUrl
      const r = SyncFeedJson.decode(input)
      if (r._tag !== 'Right') throw new Error(JSON.stringify(r.left.map((e) => e.message)))
      expect(through(SyncFeedJson.encode(r.right))).toEqual(input)
    },
  )

  test.prop([arbSyncFeed({ maxEntries: 2 })], { numRuns: 40 })(
    'XML → value → JSON → value → XML is the identity',
    (feed) => {
      const xml = SyncFeedXml.encode(feed)
      const fromXml = SyncFeedXml.decode(xml)
      if (fromXml._tag !== 'Right') throw new Error('XML did not decode')
      const fromJson = SyncFeedJson.decode(through(SyncFeedJson.encode(fromXml.right)))
      if (fromJson._tag !== 'Right') throw new Error('JSON did not decode')
      expect(fromJson.right).toEqual(fromXml.right)
      expect(SyncFeedXml.encode(fromJson.right)).toBe(xml)
    },
  )

  test.prop([arbSyncEntry()], { numRuns: 40 })('the same for standalone entries', (entry) => {
    const xml = SyncEntryXml.encode(entry)
    const fromXml = SyncEntryXml.decode(xml)
    if (fromXml._tag !== 'Right') throw new Error('XML did not decode')
    const fromJson = SyncEntryJson.decode(through(SyncEntryJson.encode(fromXml.right)))
    if (fromJson._tag !== 'Right') throw new Error('JSON did not decode')
    expect(SyncEntryXml.encode(fromJson.right)).toBe(xml)
  })
})
