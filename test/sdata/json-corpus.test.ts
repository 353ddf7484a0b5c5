// XML → value → JSON → value is the identity: on every well-formed SData sample of the corpus and on generated feeds.
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import type * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  DiagnosesJson,
  DiagnosesXml,
  DigestJson,
  DigestXml,
  SyncEntryJson,
  SyncEntryXml,
  SyncFeedJson,
  SyncFeedXml,
  SyncStateJson,
  SyncStateXml,
  TrackingJson,
  TrackingXml,
} from '../../src/sdata/index'
import { arbSyncEntry, arbSyncFeed } from '../../src/testing/arbitraries/index'
import type { XmlInput } from '../../src/xml/index'
import { fixture, fixturesIn } from '../support/fixtures'
import { numRuns } from '../support/runtime'

const pairs: Record<string, [t.Type<any, string, XmlInput>, t.Type<any, any, unknown>]> = {
  SyncFeedXml: [SyncFeedXml, SyncFeedJson],
  SyncEntryXml: [SyncEntryXml, SyncEntryJson],
  DigestXml: [DigestXml, DigestJson],
  SyncStateXml: [SyncStateXml, SyncStateJson],
  DiagnosesXml: [DiagnosesXml, DiagnosesJson],
  TrackingXml: [TrackingXml, TrackingJson],
}

const viaText = (json: unknown): unknown => JSON.parse(JSON.stringify(json))

describe('JSON mapping on the SData corpus', () => {
  const expectedFiles = fixturesIn('sdata', '.expected.json')

  it('covers every XML document codec the corpus uses', () => {
    const used = new Set(expectedFiles.map((f) => (JSON.parse(fixture(f)) as { codec: string }).codec))
    expect([...used].every((name) => name in pairs)).toBe(true)
    expect(expectedFiles.length).toBeGreaterThanOrEqual(14)
  })

  for (const file of expectedFiles) {
    const xmlFile = file.replace('.expected.json', '.xml')
    const { codec: name } = JSON.parse(fixture(file)) as { codec: string }

    it(`${xmlFile}: XML → value → JSON → value is the identity, and back to XML too`, () => {
      const [xml, json] = pairs[name]!
      const value = xml.decode(fixture(xmlFile))
      if (E.isLeft(value)) throw new Error(`${xmlFile} did not decode`)
      const back = json.decode(viaText(json.encode(value.right)))
      expect(back).toEqual(E.right(value.right))
      if (E.isRight(back)) expect(xml.decode(xml.encode(back.right))).toEqual(E.right(value.right))
    })
  }

  it('the spec §4.4 feed in JSON carries its numbers: $syncMode, $digest ticks 6/10/10, priorities 2/1/3, $syncState', () => {
    const value = SyncFeedXml.decode(fixture('sdata/spec-4.4_sync-feed_catchUp.xml'))
    if (E.isLeft(value)) throw new Error('did not decode')
    const json = SyncFeedJson.encode(value.right)
    expect(json.$syncMode).toBe('catchUp')
    expect(json.$digest?.digestEntry.map((e) => [e.tick, e.conflictPriority])).toStrictEqual([
      [6, 2],
      [10, 1],
      [10, 3],
    ])
    expect(json.$resources[0]).toMatchObject({
      $id: '',
      $syncState: { endpoint: 'http://www.example.com/sdata/myApp1/myContract/-/accounts', tick: 5 },
      $uuid: '74926A0D-D2C0-4daa-9986-47C833691569',
      $resource: { name: 'account', namespace: 'http://schemas.sage.com/myContract' },
    })
  })
})

describe('JSON mapping on generated documents', () => {
  it('XML → value → JSON → value = XML → value, for generated feeds and entries', () => {
    fc.assert(
      fc.property(arbSyncFeed({ maxEntries: 3 }), arbSyncEntry(), (feed, entry) => {
        const fromXml = SyncFeedXml.decode(SyncFeedXml.encode(feed))
        if (E.isLeft(fromXml)) throw new Error('generated feed did not decode')
        expect(SyncFeedJson.decode(viaText(SyncFeedJson.encode(fromXml.right)))).toEqual(fromXml)
        const entryFromXml = SyncEntryXml.decode(SyncEntryXml.encode(entry))
        if (E.isLeft(entryFromXml)) throw new Error('generated entry did not decode')
        expect(SyncEntryJson.decode(viaText(SyncEntryJson.encode(entryFromXml.right)))).toEqual(entryFromXml)
      }),
      { numRuns: numRuns(60) },
    )
  })
})
