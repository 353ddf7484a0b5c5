// Attributes on digest, digestEntry, syncState, the tracking root and a diagnoses root are kept (sdata-sync decision
// 11.3, nothing is lost): read into `attributes`, written back, and carried by the JSON mapping as `$attributes`.
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import type * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  DiagnosesJson,
  DiagnosesXml,
  DigestJson,
  DigestXml,
  SDATA_NS,
  SYNC_NS,
  SyncFeedJson,
  SyncFeedXml,
  SyncStateJson,
  SyncStateXml,
  TrackingJson,
  TrackingXml,
} from '../../src/sdata/index'
import {
  arbDiagnosesDocument,
  arbDigest,
  arbSyncFeed,
  arbSyncState,
  arbTracking,
} from '../../src/testing/arbitraries/index'
import type { XmlAttribute, XmlInput } from '../../src/xml/index'
import { decoded } from '../support/decode'
import { numRuns } from '../support/runtime'

const FOREIGN = 'urn:x-vendor'
const foreign = (value: string): XmlAttribute => ({ namespace: FOREIGN, localName: 'rev', prefix: 'v', value })
const plain = (value: string): XmlAttribute => ({ namespace: null, localName: 'version', prefix: null, value })
const lang: XmlAttribute = {
  namespace: 'http://www.w3.org/XML/1998/namespace',
  localName: 'lang',
  prefix: 'xml',
  value: 'en-GB',
}

/** Decodes, checks the attributes read, and checks that encode → decode gives the same value. */
function keeps<A>(codec: t.Type<A, string, XmlInput>, xml: string): A {
  const value = decoded(codec, xml)
  expect(decoded(codec, codec.encode(value))).toEqual(value)
  return value
}

const stateBody = '<endpoint>http://e/a</endpoint><tick>5</tick><stamp>2008-10-30T14:55:43Z</stamp>'
const entryBody = `${stateBody}<conflictPriority>2</conflictPriority>`

describe('kept attributes (XML)', () => {
  it('digest and digestEntry: foreign, xml: and unprefixed attributes are read and written back', () => {
    const xml =
      `<digest xmlns="${SYNC_NS}" xmlns:v="${FOREIGN}" v:rev="7" xml:lang="en-GB">` +
      `<origin>http://e/a</origin><digestEntry version="1.0">${entryBody}</digestEntry></digest>`
    const digest = keeps(DigestXml, xml)
    expect(digest.attributes).toEqual([foreign('7'), lang])
    expect(digest.entries[0]!.attributes).toEqual([plain('1.0')])
    const written = DigestXml.encode(digest)
    expect(written).toContain('v:rev="7"')
    expect(written).toContain('<sync:digestEntry version="1.0">')
  })

  it('syncState: attributes are read and written back; declarations alone leave it without attributes', () => {
    const state = keeps(
      SyncStateXml,
      `<syncState xmlns="${SYNC_NS}" xmlns:v="${FOREIGN}" v:rev="&lt;3&gt;">${stateBody}</syncState>`,
    )
    expect(state.attributes).toEqual([foreign('<3>')])
    const bare = decoded(SyncStateXml, `<syncState xmlns="${SYNC_NS}" xmlns:v="${FOREIGN}">${stateBody}</syncState>`)
    expect('attributes' in bare).toBe(false)
  })

  it('a syncState and a digest inside a feed keep theirs too', () => {
    const xml =
      `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:sync="${SYNC_NS}">` +
      `<sync:digest version="2"><sync:digestEntry>${entryBody.replace(/<(\/?)/g, '<$1sync:')}</sync:digestEntry></sync:digest>` +
      `<entry><sync:syncState version="3">${stateBody.replace(/<(\/?)/g, '<$1sync:')}</sync:syncState></entry></feed>`
    const feed = keeps(SyncFeedXml, xml)
    expect(feed.digest?.attributes).toEqual([plain('2')])
    expect(feed.entries[0]!.syncState?.attributes).toEqual([plain('3')])
  })

  it('tracking root: attributes are read and written back (the declaration they need is added)', () => {
    const tracking = keeps(
      TrackingXml,
      `<tracking xmlns="${SDATA_NS}" xmlns:v="${FOREIGN}" v:rev="1"><phase>Running</phase></tracking>`,
    )
    expect(tracking.attributes).toEqual([foreign('1')])
    expect(TrackingXml.encode(tracking)).toMatch(/<tracking [^>]*xmlns:v="urn:x-vendor"[^>]* v:rev="1">/)
  })

  it('a bare root diagnosis (Sage 50) and a diagnoses root keep their attributes', () => {
    const bare = keeps(
      DiagnosesXml,
      `<diagnosis xmlns="${SDATA_NS}" xml:lang="en-GB"><severity>error</severity></diagnosis>`,
    )
    expect(bare).toEqual({ root: 'diagnosis', diagnoses: [{ severity: 'error', extensions: [] }], attributes: [lang] })
    const wrapped = keeps(
      DiagnosesXml,
      `<diagnoses xmlns="${SDATA_NS}" version="1.0"><diagnosis><message>m</message></diagnosis></diagnoses>`,
    )
    expect(wrapped).toEqual({
      root: 'diagnoses',
      diagnoses: [{ message: 'm', extensions: [] }],
      attributes: [plain('1.0')],
    })
  })
})

describe('kept attributes (JSON)', () => {
  it('$attributes carries them: value → JSON → value = id for digests, states, tracking and diagnoses roots', () => {
    const digest = decoded(
      DigestXml,
      `<digest xmlns="${SYNC_NS}" version="2"><digestEntry version="1.0">${entryBody}</digestEntry></digest>`,
    )
    const json = DigestJson.encode(digest)
    expect(json.$attributes).toEqual([{ name: 'version', value: '2' }])
    expect(DigestJson.decode(JSON.parse(JSON.stringify(json)))).toEqual(E.right(digest))
    const full = { rootAttributes: true, stateExtensions: true }
    fc.assert(
      fc.property(
        arbDigest(full),
        arbSyncState(full),
        arbTracking(full),
        arbDiagnosesDocument(full),
        (d, s, tr, diagnoses) => {
          const via = <A, O>(codec: t.Type<A, O, unknown>, a: A) =>
            codec.decode(JSON.parse(JSON.stringify(codec.encode(a))))
          expect(via(DigestJson, d)).toEqual(E.right(d))
          expect(via(SyncStateJson, s)).toEqual(E.right(s))
          expect(via(TrackingJson, tr)).toEqual(E.right(tr))
          expect(via(DiagnosesJson, diagnoses)).toEqual(E.right(diagnoses))
        },
      ),
      { numRuns: numRuns(150) },
    )
  })

  it('XML → value → JSON → value = id for feeds with every kept part', () => {
    fc.assert(
      fc.property(arbSyncFeed({ rootAttributes: true, stateExtensions: true, maxEntries: 3 }), (feed) => {
        const value = decoded(SyncFeedXml, SyncFeedXml.encode(feed))
        expect(SyncFeedJson.decode(JSON.parse(JSON.stringify(SyncFeedJson.encode(value))))).toEqual(E.right(value))
      }),
      { numRuns: numRuns(100) },
    )
  })
})
