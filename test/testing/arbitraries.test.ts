// The testing kit's arbitraries obey their own law: everything they generate encodes, and decodes back equal.
// Covers every exported arbitrary, through its own codec or wrapped in the smallest document that holds it.
import fc from 'fast-check'
import type * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { reportErrors } from '../../src/codec/index'
import {
  DocumentItemElement,
  DocumentStreamElement,
  FileSyncXml,
  FolderItemElement,
  ItemElement,
  ModifierIdentityElement,
  UnknownItemElement,
} from '../../src/filesync/index'
import {
  DiagnosesXml,
  DigestXml,
  payloadElement,
  SyncEntryXml,
  type SyncFeed,
  SyncFeedXml,
  SyncStateXml,
  stampToEpochMs,
  TrackingXml,
} from '../../src/sdata/index'
import * as kit from '../../src/testing/arbitraries/index'
import type { XmlInput } from '../../src/xml/index'
import { numRuns } from '../support/runtime'

const runs = { numRuns: numRuns(60) }
const feed = (over: Partial<SyncFeed>): SyncFeed => ({ links: [], diagnoses: [], entries: [], extensions: [], ...over })

function law<A, O>(codec: t.Type<A, O, O>, arb: fc.Arbitrary<A>): void {
  fc.assert(
    fc.property(arb, (value) => {
      const r = codec.decode(codec.encode(value))
      expect(r._tag === 'Right' ? r.right : reportErrors(r.left)).toEqual(value)
    }),
    runs,
  )
}

describe('decode ∘ encode = id for every value arbitrary', () => {
  it('arbFileSyncDocument (both roots, nested, with extensions and unknown items) with FileSyncXml', () =>
    law(FileSyncXml, kit.arbFileSyncDocument({ maxDepth: 2, maxItems: 3 })))
  it('arbFileSyncDocument flat Items listings with FileSyncXml', () =>
    law(FileSyncXml, kit.arbFileSyncDocument({ root: 'Items', flat: true, extensions: false, unknownItems: false })))
  it('arbFolderItem with FolderItemElement', () => law(FolderItemElement, kit.arbFolderItem({ maxDepth: 1 })))
  it('arbDocumentItem with DocumentItemElement', () => law(DocumentItemElement, kit.arbDocumentItem()))
  it('arbItem with ItemElement', () => law(ItemElement, kit.arbItem({ maxDepth: 1 })))
  it('arbUnknownItem with UnknownItemElement', () => law(UnknownItemElement, kit.arbUnknownItem()))
  it('arbDocumentStream with DocumentStreamElement', () => law(DocumentStreamElement, kit.arbDocumentStream()))
  it('arbModifierIdentity with ModifierIdentityElement', () => law(ModifierIdentityElement, kit.arbModifierIdentity()))
  it('arbSyncFeed with SyncFeedXml', () => law(SyncFeedXml, kit.arbSyncFeed({ maxEntries: 3 })))
  it('arbSyncEntry with SyncEntryXml', () => law(SyncEntryXml, kit.arbSyncEntry()))
  it('arbDigest with DigestXml', () => law(DigestXml, kit.arbDigest({ maxDigestEntries: 6 })))
  it('arbSyncState with SyncStateXml', () => law(SyncStateXml, kit.arbSyncState()))
  it('arbDiagnosesDocument with DiagnosesXml', () => law(DiagnosesXml, kit.arbDiagnosesDocument()))
  it('arbTracking with TrackingXml', () => law(TrackingXml, kit.arbTracking()))
  it('arbPayloadResource with payloadElement()', () => law(payloadElement(), kit.arbPayloadResource()))
  it('arbDigestEntry, inside a digest', () =>
    law(
      DigestXml,
      kit.arbDigestEntry().map((e) => ({ entries: [e] })),
    ))
  it('arbDiagnosis, inside a diagnoses document', () =>
    law(
      DiagnosesXml,
      kit.arbDiagnosis().map((d) => ({ root: 'diagnoses' as const, diagnoses: [d] })),
    ))
  it('arbLink, arbOpenSearch, arbSyncMode and arbStamp, inside a feed', () =>
    law(
      SyncFeedXml,
      fc
        .record({
          link: kit.arbLink(),
          opensearch: kit.arbOpenSearch(),
          syncMode: kit.arbSyncMode(),
          updated: kit.arbStamp(),
        })
        .map(({ link, ...rest }) => feed({ links: [link], ...rest })),
    ))
  it('arbHttpResult, inside an entry', () =>
    law(
      SyncEntryXml,
      kit.arbHttpResult().map((http) => ({ links: [], diagnoses: [], extensions: [], http })),
    ))
  it('arbXmlText and arbFileSyncText survive as feed and folder text', () => {
    law(
      SyncFeedXml,
      kit.arbXmlText().map((title) => feed({ title })),
    )
    law(
      FileSyncXml,
      kit
        .arbFileSyncText()
        .map((name) => ({ root: 'Folder' as const, folder: { kind: 'Folder' as const, relationshipName: name } })),
    )
  })
})

describe('document and identity arbitraries', () => {
  it('arbFileSyncXml, arbSyncFeedXml and arbDigestXml: the text decodes, and its encoding is itself (encode ∘ decode = id)', () => {
    const cases: Array<[t.Type<any, string, XmlInput>, fc.Arbitrary<string>]> = [
      [FileSyncXml, kit.arbFileSyncXml({ maxDepth: 1 })],
      [SyncFeedXml, kit.arbSyncFeedXml({ maxEntries: 2 })],
      [DigestXml, kit.arbDigestXml()],
    ]
    for (const [codec, arb] of cases) {
      fc.assert(
        fc.property(arb, (xml) => {
          const r = codec.decode(xml)
          expect(r._tag).toBe('Right')
          if (r._tag === 'Right') expect(codec.encode(r.right)).toBe(xml)
        }),
        { numRuns: numRuns(30) },
      )
    }
  })

  it('arbStamp gives instants, arbEndpoint honours its endpoint list, arbResourceId its GUID form', () => {
    const endpoints = ['http://a.example/sdata/x', 'http://b.example/sdata/y']
    fc.assert(
      fc.property(kit.arbStamp(), kit.arbEndpoint({ endpoints }), kit.arbResourceId(), (stamp, endpoint, id) => {
        expect(Number.isFinite(stampToEpochMs(stamp))).toBe(true)
        expect(endpoints).toContain(endpoint)
        expect(id).toMatch(/^[0-9a-f]{32}$/i)
      }),
      runs,
    )
    fc.assert(
      fc.property(kit.arbETag(), (etag) => {
        expect(typeof etag).toBe('string')
      }),
      runs,
    )
    fc.assert(
      fc.property(kit.arbFileSyncDateTime(), (d) => {
        expect(d).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/)
      }),
      runs,
    )
  })

  it('arbTargetState: a syncState (which SyncStateXml round-trips) with an optional boolean `deleted`', () => {
    fc.assert(
      fc.property(kit.arbTargetState(), ({ deleted, ...state }) => {
        expect(deleted === undefined || typeof deleted === 'boolean').toBe(true)
        const r = SyncStateXml.decode(SyncStateXml.encode(state))
        expect(r._tag === 'Right' ? r.right : r.left).toEqual(state)
      }),
      runs,
    )
  })

  it('constraints hold: maxEntries bounds a feed, maxItems an Items listing, foreignElements: false keeps none', () => {
    fc.assert(
      fc.property(kit.arbSyncFeed({ maxEntries: 2, foreignElements: false }), (f) => {
        expect(f.entries.length).toBeLessThanOrEqual(2)
        expect(f.extensions).toEqual([])
      }),
      runs,
    )
    fc.assert(
      fc.property(kit.arbFileSyncDocument({ root: 'Items', maxItems: 2 }), (d) => {
        expect(d.root).toBe('Items')
        if (d.root === 'Items') expect(d.items.length).toBeLessThanOrEqual(2)
      }),
      runs,
    )
  })
})
