// The SData corpus: every well-formed sample decodes to its expected value and survives encode → decode;
// fragments, the malformed spec example and the zone-less-stamp client fixture are rejected with clear errors.
import type * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  DiagnosesXml,
  DigestXml,
  reportErrors,
  SyncEntryXml,
  SyncFeedXml,
  SyncStateXml,
  TrackingXml,
} from '../../src/sdata/index'
import type { XmlInput } from '../../src/xml/index'
import { fixture, fixturesIn } from '../support/fixtures'
import { decodeIssue, xmlFault } from '../support/issues'

const codecs: Record<string, t.Type<any, string, XmlInput>> = {
  SyncFeedXml,
  SyncEntryXml,
  DigestXml,
  SyncStateXml,
  DiagnosesXml,
  TrackingXml,
}

const NEGATIVE = /_fragment\.xml$|_MALFORMED|stamp-without-timezone/
const xmlFiles = fixturesIn('sdata', '.xml')
const expectedFiles = fixturesIn('sdata', '.expected.json')

function decodeWith(codec: t.Type<any, string, XmlInput>, text: string) {
  const r = codec.decode(text)
  return r._tag === 'Right'
    ? { ok: true as const, value: r.right }
    : { ok: false as const, issues: reportErrors(r.left) }
}

describe('SData corpus', () => {
  it('has an expected value for every well-formed sample', () => {
    const wellFormed = xmlFiles.filter((f) => !NEGATIVE.test(f))
    expect(wellFormed.length).toBe(14)
    expect(expectedFiles.map((f) => f.replace('.expected.json', '.xml'))).toEqual(wellFormed)
  })

  for (const file of expectedFiles) {
    const xmlFile = file.replace('.expected.json', '.xml')
    const { codec: name, value } = JSON.parse(fixture(file)) as { codec: string; value: unknown }
    const codec = codecs[name]!

    it(`${xmlFile} decodes with ${name} to its expected value`, () => {
      const r = decodeWith(codec, fixture(xmlFile))
      expect(r).toEqual({ ok: true, value })
    })

    it(`${xmlFile}: decode → encode → decode is the identity`, () => {
      const first = codec.decode(fixture(xmlFile))
      if (first._tag === 'Left') throw new Error('did not decode')
      const again = decodeWith(codec, codec.encode(first.right))
      expect(again).toEqual({ ok: true, value: first.right })
    })
  }

  it('rejects the malformed §5.2 example at the stray end tag, with line and column', () => {
    const r = decodeWith(
      SyncFeedXml,
      fixture('sdata/spec-5.2_syncSource-feed-response_MALFORMED-stray-payload-end-tag.xml'),
    )
    expect(r).toEqual({
      ok: false,
      issues: [
        xmlFault(
          'not-well-formed',
          expect.stringMatching(/^end tag <\/payload> does not match start tag <entry>/),
          61,
          5,
        ),
      ],
    })
  })

  for (const file of xmlFiles.filter((f) => f.endsWith('_fragment.xml'))) {
    it(`rejects the fragment ${file} (undeclared prefix) with line and column`, () => {
      for (const codec of Object.values(codecs)) {
        const r = decodeWith(codec, fixture(file))
        expect(r.ok).toBe(false)
        if (r.ok) return
        expect(r.issues).toHaveLength(1)
        expect(r.issues[0]!.path).toMatch(/^\d+:\d+$/)
        expect(r.issues[0]!.message).toMatch(/^unbound namespace prefix sdata/)
      }
    })
  }

  for (const file of fixturesIn('sdata', '.xsd')) {
    it(`${file} is a schema, not an SData document: every codec names the root it found`, () => {
      for (const codec of Object.values(codecs)) {
        const r = decodeWith(codec, fixture(file))
        expect(r.ok).toBe(false)
        if (r.ok) return
        expect(r.issues).toEqual([
          decodeIssue(
            'unexpected',
            '/xs:schema',
            expect.stringMatching(/, found schema in namespace http:\/\/www.w3.org\/2001\/XMLSchema$/),
          ),
        ])
      }
    })
  }

  it('rejects the syncState that holds only a zone-less stamp, naming the missing endpoint', () => {
    const r = decodeWith(SyncEntryXml, fixture('sdata/DotNetSDataClient_syncState-entry_stamp-without-timezone.xml'))
    expect(r).toEqual({
      ok: false,
      issues: [decodeIssue('missing', '/entry/sync:syncState/endpoint', 'missing required element sync:endpoint')],
    })
  })
})
