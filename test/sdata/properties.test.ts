// Laws of the SData XML codecs over generated values: decode ∘ encode = id, lenient forms decode like the spec's
// form, saxes accepts every encoding, and decoding never throws on mutated text.
import fc from 'fast-check'
import type * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  ATOM_NS,
  DiagnosesXml,
  DigestXml,
  HTTP_NS,
  OPENSEARCH_NS,
  reportErrors,
  SDATA_NS,
  type Stamp,
  SYNC_NS,
  type SyncEntry,
  SyncEntryElement,
  SyncEntryXml,
  type SyncFeed,
  SyncFeedElement,
  SyncFeedXml,
  SyncStateXml,
  TrackingXml,
  XSI_NS,
} from '../../src/sdata/index'
import {
  arbDiagnosesDocument,
  arbDigest,
  arbSyncEntry,
  arbSyncFeed,
  arbSyncState,
  arbTracking,
} from '../../src/testing/arbitraries/index'
import type { XmlAttribute, XmlElement, XmlInput } from '../../src/xml/index'
import { parseXml, serializeXml, XMLNS_NAMESPACE } from '../../src/xml/index'
import { numRuns } from '../support/runtime'
import { assertWellFormed } from '../support/saxes'

function roundTrip<A>(codec: t.Type<A, string, XmlInput>, value: A): unknown {
  const r = codec.decode(codec.encode(value))
  return r._tag === 'Right' ? r.right : reportErrors(r.left)
}

// Everything the codecs keep: foreign children of digests and states, and attributes of feeds, entries, digests,
// digest entries, states, tracking and diagnoses roots.
const full = { stateExtensions: true, rootAttributes: true }

const laws: Array<[string, t.Type<any, string, XmlInput>, fc.Arbitrary<unknown>]> = [
  ['SyncFeedXml', SyncFeedXml, arbSyncFeed({ ...full, maxEntries: 4 })],
  ['SyncEntryXml', SyncEntryXml, arbSyncEntry(full)],
  ['DigestXml', DigestXml, arbDigest(full)],
  ['SyncStateXml', SyncStateXml, arbSyncState(full)],
  ['DiagnosesXml', DiagnosesXml, arbDiagnosesDocument(full)],
  ['TrackingXml', TrackingXml, arbTracking(full)],
]

describe('decode ∘ encode = id', () => {
  for (const [name, codec, arb] of laws) {
    it(`${name}: decode(encode(v)) = v, and saxes accepts encode(v)`, () => {
      fc.assert(
        fc.property(arb, (value) => {
          const xml = codec.encode(value)
          expect(assertWellFormed(xml)).toEqual([])
          expect(roundTrip(codec, value)).toEqual(value)
        }),
        { numRuns: numRuns(name === 'SyncFeedXml' ? 150 : 200) },
      )
    })
  }
})

describe('element codecs: decode ∘ encode = id through the XML layer', () => {
  it('SyncFeedElement and SyncEntryElement, the element written as a document of its own', () => {
    fc.assert(
      fc.property(arbSyncFeed({ ...full, maxEntries: 3 }), (feed) => {
        for (const [codec, value] of [
          [SyncFeedElement, feed],
          [SyncEntryElement, feed.entries[0]],
        ] as const) {
          if (value === undefined) continue
          const parsed = parseXml(serializeXml({ root: (codec as t.Type<any, XmlElement, XmlElement>).encode(value) }))
          if (parsed._tag === 'Left') throw new Error(parsed.left[0]!.message)
          const r = codec.decode(parsed.right.root)
          expect(r._tag === 'Right' ? r.right : reportErrors(r.left)).toEqual(value)
        }
      }),
      { numRuns: numRuns(100) },
    )
  })
})

describe('the document codecs write text, the same bytes as serializing the element codecs’ trees', () => {
  const declares = (attributes: readonly XmlAttribute[] | undefined) =>
    attributes?.some((a) => a.namespace === XMLNS_NAMESPACE) === true
  it('SyncFeedXml.encode and SyncEntryXml.encode, byte for byte', () => {
    fc.assert(
      fc.property(arbSyncFeed({ ...full, maxEntries: 4 }), (feed) => {
        // A declaration among a value's own attributes makes the element codec declare nothing at the root.
        fc.pre(!declares(feed.attributes))
        expect(SyncFeedXml.encode(feed)).toBe(serializeXml({ root: SyncFeedElement.encode(feed) }))
        for (const entry of feed.entries) {
          if (declares(entry.attributes)) continue
          expect(SyncEntryXml.encode(entry)).toBe(serializeXml({ root: SyncEntryElement.encode(entry) }))
        }
      }),
      { numRuns: numRuns(100) },
    )
  })

  it('a feed whose entries carry attributes, declarations or nothing at all', () => {
    const foreign: XmlAttribute = { namespace: 'urn:x', localName: 'a', prefix: 'sync', value: '1' }
    const declaration: XmlAttribute = { namespace: XMLNS_NAMESPACE, localName: 'x', prefix: 'xmlns', value: 'urn:x' }
    const feed: SyncFeed = {
      links: [],
      diagnoses: [],
      extensions: [],
      entries: [
        { links: [], diagnoses: [], extensions: [] },
        { id: 'a', links: [], diagnoses: [], extensions: [], attributes: [foreign] },
        { id: '', title: 'x < y', links: [{ href: 'h"' }], diagnoses: [], extensions: [], http: { status: 200 } },
      ],
    }
    // An attribute in the http namespace without a prefix, in a feed that uses no http element: the serializer
    // looks for a prefix bound to the namespace, and must not find the root's `http` (not declared when unused).
    const unprefixed: XmlElement = {
      type: 'element',
      namespace: 'urn:x',
      localName: 'x',
      prefix: 'x',
      attributes: [{ namespace: HTTP_NS, localName: 'a', prefix: null, value: '1' }],
      children: [],
    }
    const searching: SyncFeed = { ...feed, entries: [], extensions: [unprefixed] }
    expect(SyncFeedXml.encode(searching)).toBe(serializeXml({ root: SyncFeedElement.encode(searching) }))
    expect(SyncFeedXml.encode(searching)).not.toContain('http:a')
    expect(SyncFeedXml.encode(feed)).toBe(serializeXml({ root: SyncFeedElement.encode(feed) }))
    expect(SyncFeedXml.encode({ ...feed, entries: [] })).toBe(
      serializeXml({ root: SyncFeedElement.encode({ ...feed, entries: [] }) }),
    )
    const declared = { ...feed, attributes: [declaration] }
    expect(SyncFeedXml.decode(SyncFeedXml.encode(declared))._tag).toBe('Right')
    for (const entry of feed.entries)
      expect(SyncEntryXml.encode(entry)).toBe(serializeXml({ root: SyncEntryElement.encode(entry) }))
  })

  it('the root declares a prefix that only an element or attribute deep in a kept tree uses, and no other', () => {
    const el = (ns: string, prefix: string | null, localName: string, children: XmlElement[] = []): XmlElement => ({
      type: 'element',
      namespace: ns,
      localName,
      prefix,
      attributes: [],
      children,
    })
    const nil: XmlAttribute = { namespace: XSI_NS, localName: 'nil', prefix: 'xsi', value: 'true' }
    const deep = el('urn:c', null, 'b', [el('urn:c', null, 'c', [{ ...el('urn:c', null, 'd'), attributes: [nil] }])])
    // `sync:tick` below two unprefixed elements; the extension is an Atom element holding an `sdata:` one.
    const resource = el('urn:c', null, 'account', [el('urn:c', null, 'a', [el(SYNC_NS, 'sync', 'tick')]), deep])
    const extension = el(ATOM_NS, null, 'x', [el(ATOM_NS, null, 'y', [el(SDATA_NS, 'sdata', 'z')])])
    const entry: SyncEntry = {
      links: [],
      diagnoses: [],
      extensions: [extension],
      payload: { isDeleted: false, element: resource },
    }
    const text = SyncEntryXml.encode(entry)
    const start = text.slice(text.indexOf('<entry'), text.indexOf('>', text.indexOf('<entry')))
    for (const prefix of ['sdata', 'sync', 'xsi']) expect(start).toContain(`xmlns:${prefix}=`)
    for (const prefix of ['http', 'opensearch']) expect(start).not.toContain(`xmlns:${prefix}=`)
    expect(text).toBe(serializeXml({ root: SyncEntryElement.encode(entry) }))
    // Read back (the resource gains the declaration of its namespace), it is written as the same text.
    const back = SyncEntryXml.decode(text)
    expect(back._tag).toBe('Right')
    if (back._tag === 'Right') expect(SyncEntryXml.encode(back.right)).toBe(text)
    // Without the payload, nothing the entry holds is in the sync or xsi namespace: neither is declared.
    const bare = SyncEntryXml.encode({ ...entry, payload: undefined })
    expect(bare.slice(0, bare.indexOf('>', bare.indexOf('<entry')))).not.toMatch(/xmlns:(sync|xsi)=/)
  })
})

// Rewrites of an encoded document into forms real servers send; each must decode to the value that was encoded.
interface Rewrite {
  prefixes: boolean
  defaults: boolean
  uuidOnPayload: boolean
  legacyAttributes: boolean
  dropZeros: boolean
}

const ALTERNATIVE: ReadonlyMap<string, string> = new Map([
  [ATOM_NS, 'a'],
  [SYNC_NS, 'sdatasync'],
  [SDATA_NS, 's2'],
  [HTTP_NS, 'h'],
  [OPENSEARCH_NS, 'os'],
])
const MODELLED_ATOM = new Set(['feed', 'entry', 'id', 'title', 'updated', 'link', 'content'])

function declaration(prefix: string | null, ns: string): XmlAttribute {
  return prefix === null
    ? { namespace: XMLNS_NAMESPACE, localName: 'xmlns', prefix: null, value: ns }
    : { namespace: XMLNS_NAMESPACE, localName: prefix, prefix: 'xmlns', value: ns }
}

function setPrefixDeep(el: XmlElement, prefix: string | null): void {
  el.prefix = prefix
  for (const c of el.children) if (c.type === 'element' && c.namespace === el.namespace) setPrefixDeep(c, prefix)
}

function rewrite(el: XmlElement, how: Rewrite, parent: XmlElement | undefined): void {
  const ns = el.namespace ?? ''
  const structural =
    (ns === ATOM_NS &&
      MODELLED_ATOM.has(el.localName) &&
      (parent === undefined || MODELLED_ATOM.has(parent.localName))) ||
    ns === SYNC_NS ||
    ns === HTTP_NS ||
    ns === OPENSEARCH_NS ||
    ns === SDATA_NS
  if (!structural) return
  if (parent === undefined) {
    for (const [uri, p] of ALTERNATIVE) el.attributes.push(declaration(p, uri))
    // Encoded roots declare only what they use; the rewrite below may add `sdata:` and `sync:` attributes.
    for (const [p, uri] of [
      ['sdata', SDATA_NS],
      ['sync', SYNC_NS],
    ] as const) {
      if (!el.attributes.some((a) => a.namespace === XMLNS_NAMESPACE && a.localName === p)) {
        el.attributes.push(declaration(p, uri))
      }
    }
  }
  if (how.prefixes && ALTERNATIVE.has(ns)) el.prefix = ALTERNATIVE.get(ns)!
  if (how.dropZeros && ns === SYNC_NS && (el.localName === 'syncState' || el.localName === 'digestEntry')) {
    el.children = el.children.filter(
      (c) =>
        !(
          c.type === 'element' &&
          (c.localName === 'tick' || c.localName === 'conflictPriority') &&
          c.children.length === 1 &&
          c.children[0]!.type === 'text' &&
          c.children[0]!.value === '0'
        ),
    )
  }
  if (how.defaults && ns === SYNC_NS && (el.localName === 'syncState' || el.localName === 'digest')) {
    setPrefixDeep(el, null)
    el.attributes.push(declaration(null, SYNC_NS))
    return
  }
  if (ns === SDATA_NS && el.localName === 'payload') {
    const resource = el.children[0]
    if (resource?.type === 'element' && !(resource.namespace === SYNC_NS && resource.localName === 'digest')) {
      rewriteResource(el, resource, how)
      return
    }
  }
  for (const c of el.children) if (c.type === 'element') rewrite(c, how, el)
}

function rewriteResource(payload: XmlElement, resource: XmlElement, how: Rewrite): void {
  const kept: XmlAttribute[] = []
  for (const a of resource.attributes) {
    if (a.namespace === SDATA_NS && a.localName === 'uuid' && how.uuidOnPayload) {
      payload.attributes.push({ ...a, prefix: 'sdata' })
      continue
    }
    if (a.namespace === SDATA_NS && a.localName === 'isDeleted' && how.legacyAttributes) {
      kept.push({ namespace: SYNC_NS, localName: 'isDeleted', prefix: 'sync', value: 'True' })
      continue
    }
    if (a.namespace === SDATA_NS && a.localName === 'url' && how.legacyAttributes) {
      kept.push({ ...a, localName: 'uri' })
      continue
    }
    kept.push(a)
  }
  resource.attributes = kept
}

const arbRewrite: fc.Arbitrary<Rewrite> = fc.record({
  prefixes: fc.boolean(),
  defaults: fc.boolean(),
  uuidOnPayload: fc.boolean(),
  legacyAttributes: fc.boolean(),
  dropZeros: fc.boolean(),
})

// Decoding a lenient form gives the spec form's value plus `payload.forms`, the spellings read (written back on encode).
function withoutForms<T extends { entries?: SyncEntry[]; payload?: SyncEntry['payload'] }>(value: T): T {
  const strip = (e: SyncEntry): SyncEntry => {
    if (e.payload?.forms === undefined) return e
    const { forms: _forms, ...payload } = e.payload
    return { ...e, payload }
  }
  if (Array.isArray(value.entries)) return { ...value, entries: value.entries.map(strip) }
  return strip(value as unknown as SyncEntry) as unknown as T
}

function lenientForm(xml: string, how: Rewrite): string {
  const doc = parseXml(xml)
  if (doc._tag === 'Left') throw new Error(`encoded text did not parse: ${doc.left[0]?.message}`)
  rewrite(doc.right.root, how, undefined)
  return serializeXml(doc.right)
}

describe('lenient forms decode like the spec form', () => {
  it('the rewrite produces the real-world forms (checked on one feed)', () => {
    const feed: SyncFeed = {
      links: [],
      diagnoses: [],
      extensions: [],
      digest: {
        entries: [{ endpoint: 'http://e/a', tick: 0, stamp: '2008-10-30T14:55:43Z' as Stamp, conflictPriority: 0 }],
      },
      entries: [
        {
          links: [],
          diagnoses: [],
          extensions: [],
          syncState: { endpoint: 'http://e/a', tick: 0, stamp: '2008-10-30T14:55:43' as Stamp },
          payload: {
            uuid: '74926A0D-D2C0-4daa-9986-47C833691569',
            isDeleted: true,
            url: 'http://e/a(1)',
            element: {
              type: 'element',
              namespace: 'urn:c',
              localName: 'account',
              prefix: 'c',
              attributes: [declaration('c', 'urn:c')],
              children: [],
            },
          },
        },
      ],
    }
    const all = { prefixes: true, defaults: false, uuidOnPayload: true, legacyAttributes: true, dropZeros: true }
    const text = lenientForm(SyncFeedXml.encode(feed), all)
    expect(text).toContain('<sdatasync:syncState><sdatasync:endpoint>http://e/a</sdatasync:endpoint><sdatasync:stamp>')
    expect(text).toContain('<s2:payload sdata:uuid="74926A0D-D2C0-4daa-9986-47C833691569">')
    expect(text).toContain('sync:isDeleted="True"')
    expect(text).toContain('sdata:uri="http://e/a(1)"')
    expect(text).not.toContain('conflictPriority')
    const r = SyncFeedXml.decode(text)
    expect(r._tag === 'Right' && withoutForms(r.right)).toEqual(feed)
    expect(r._tag === 'Right' && r.right.entries[0]?.payload?.forms).toEqual({
      url: 'uri',
      isDeletedNamespace: 'sync',
      isDeleted: 'True',
      uuid: 'payload',
    })
    const back = r._tag === 'Right' ? SyncFeedXml.encode(r.right) : ''
    expect(back).toContain('sync:isDeleted="True"')
    expect(back).toContain('sdata:uri="http://e/a(1)"')
    expect(back).toContain('<sdata:payload sdata:uuid="74926A0D-D2C0-4daa-9986-47C833691569">')
    const redeclared = lenientForm(SyncFeedXml.encode(feed), { ...all, defaults: true })
    expect(redeclared).toContain('<syncState xmlns="http://schemas.sage.com/sdata/sync/2008/1"><endpoint>')
    const r2 = SyncFeedXml.decode(redeclared)
    expect(r2._tag === 'Right' && withoutForms(r2.right)).toEqual(feed)
  })

  it('any prefixes, redeclared default namespaces, uuid on payload, sync:isDeleted="True", sdata:uri, dropped zeros', () => {
    fc.assert(
      fc.property(arbSyncFeed({ ...full, maxEntries: 4 }), arbRewrite, (feed, how) => {
        const text = lenientForm(SyncFeedXml.encode(feed), how)
        expect(assertWellFormed(text)).toEqual([])
        const r = SyncFeedXml.decode(text)
        expect(r._tag === 'Right' ? withoutForms(r.right) : reportErrors(r.left)).toEqual(feed)
        // The spellings read are written back: a second round trip changes nothing.
        if (r._tag === 'Right') expect(SyncFeedXml.decode(SyncFeedXml.encode(r.right))).toEqual(r)
      }),
      { numRuns: numRuns(150) },
    )
  })

  it('the same for single entries ($syncDigest responses, $syncSource bodies)', () => {
    fc.assert(
      fc.property(arbSyncEntry(full), arbRewrite, (entry, how) => {
        const r = SyncEntryXml.decode(lenientForm(SyncEntryXml.encode(entry), how))
        expect(r._tag === 'Right' ? withoutForms(r.right) : reportErrors(r.left)).toEqual(entry)
      }),
      { numRuns: numRuns(150) },
    )
  })
})

describe('decoding is total', () => {
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.constantFrom(
        '<',
        '>',
        '&',
        '"',
        '</entry>',
        '<sync:tick>',
        '-1',
        '&#0;',
        ']]>',
        'x:',
        '9007199254740993',
        '<!DOCTYPE x>',
      ),
    }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  )

  it('never throws on mutated feeds, and every error has a path', () => {
    fc.assert(
      fc.property(
        arbSyncFeed({ maxEntries: 3 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (feed, mutations) => {
          let text = SyncFeedXml.encode(feed)
          for (const m of mutations) {
            const at = m.at % (text.length + 1)
            if (m.kind === 'delete') text = text.slice(0, at) + text.slice(at + m.length)
            else if (m.kind === 'insert') text = text.slice(0, at) + m.text + text.slice(at)
            else text = text.slice(0, at) + text.slice(at, at + m.length) + text.slice(at)
          }
          const r = SyncFeedXml.decode(text)
          if (r._tag === 'Left') {
            const issues = reportErrors(r.left)
            expect(issues.length).toBeGreaterThan(0)
            for (const i of issues) expect(i.path).toMatch(/^(\/|\d+:\d+$|$)/)
          }
        },
      ),
      { numRuns: numRuns(200) },
    )
  })

  it('never throws on feeds whose leaf text is replaced by arbitrary strings', () => {
    fc.assert(
      fc.property(
        arbSyncFeed({ maxEntries: 3 }),
        fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 20 }),
        (feed, junk) => {
          const doc = parseXml(SyncFeedXml.encode(feed))
          if (doc._tag === 'Left') throw new Error('encoded text did not parse')
          let i = 0
          const stack: XmlElement[] = [doc.right.root]
          while (stack.length > 0) {
            const el = stack.pop()!
            for (const c of el.children) {
              if (c.type === 'element') stack.push(c)
              else c.value = junk[i++ % junk.length]!
            }
          }
          const r = SyncFeedXml.decode(serializeXml(doc.right))
          expect(r._tag === 'Left' || r._tag === 'Right').toBe(true)
        },
      ),
      { numRuns: numRuns(150) },
    )
  })
})
