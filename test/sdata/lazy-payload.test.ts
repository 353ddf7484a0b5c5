// syncFeedXml(undefined, { payloads: 'on-access' }) builds a payload's resource element on first access, from text
// its one parser run checked fully (docs/sdata.md, "Payloads built on first access"). Checked against eager decodes of the same text (the
// stream, a typed codec that keeps the element): the same values, the same plain data once touched, and the same
// issues at the same places.
import fc from 'fast-check'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  reportErrors,
  type SyncEntry,
  type SyncFeed,
  SyncFeedXml,
  streamSyncFeed,
  syncFeedXml,
} from '../../src/sdata/index'
import { arbSyncFeed } from '../../src/testing/arbitraries/index'
import { parseXml, type XmlElement } from '../../src/xml/index'
import { rightOf } from '../support/decode'
import { numRuns } from '../support/runtime'
import { collect } from '../support/stream'

// A typed codec that hands back the element it is given: its decode keeps every payload whole and eager.
const Kept = new t.Type<XmlElement, XmlElement, XmlElement>(
  'Kept',
  (u): u is XmlElement => typeof u === 'object' && u !== null,
  (u) => t.success(u),
  (a) => a,
)
const KeptFeed = syncFeedXml(Kept)
const OnAccess = syncFeedXml(undefined, { payloads: 'on-access' })

/** The feed of the typed decode without its typed values: the untyped decode's shape. */
function untyped(feed: SyncFeed<XmlElement>): SyncFeed {
  const entries = feed.entries.map((e) => {
    if (e.payload === undefined) return e
    const { value: _, ...payload } = e.payload
    return { ...e, payload }
  })
  return { ...feed, entries } as SyncFeed
}

/** Whether the payload's element is still lazy (nothing read it yet). */
function isLazy(e: SyncEntry): boolean {
  const d = e.payload === undefined ? undefined : Object.getOwnPropertyDescriptor(e.payload.element, 'children')
  return d?.get !== undefined
}

const CONTRACT = 'http://schemas.sage.com/myContract'
const SDATA = 'http://schemas.sage.com/sdata/2008/1'

/**
 * A feed of `n` entries whose payloads nest lists, references, escaped text, CDATA, a comment, a declaration below the
 * resource and a prefix declared on the feed.
 */
function feedText(n: number, inner = '<town>Newcastle &amp; Tyne</town>'): string {
  const entry = (i: number) =>
    `<entry><id>urn:e${i}</id><sdata:payload><account xmlns="${CONTRACT}" sdata:uuid="u-${i}" sdata:key="k${i}">` +
    `<name>Goods &lt;${i}&gt;</name><postalAddress><street>${i} High Street</street>${inner}<y:zip>NE1</y:zip>` +
    '</postalAddress>' +
    `<contact sdata:uuid="c-${i}"/><orderLines sdata:deleteMissing="true"><orderLine sdata:uuid="o-${i}">` +
    `<lineNumber>1</lineNumber><x:note xmlns:x="urn:x" x:at="1">n</x:note></orderLine></orderLines>` +
    `<![CDATA[a]]><!--c--></account></sdata:payload></entry>`
  return (
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:sdata="${SDATA}" xmlns:y="urn:y">\n` +
    Array.from({ length: n }, (_, i) => entry(i)).join('\n') +
    '\n</feed>'
  )
}

describe('payload resources built on first access', () => {
  it('decode to what the eager decodes give: values, JSON, structured clones, encoding, and a second decode', async () => {
    let lazy = 0
    await fc.assert(
      fc.asyncProperty(arbSyncFeed({ maxEntries: 4, stateExtensions: true, rootAttributes: true }), async (f) => {
        // Each generated entry, and beside it one of its payload alone (text past U+D7FF in a leaf, a declaration on
        // an entry's child… send an entry to the tree reader, whose payloads stay eager).
        const alone = (e: SyncEntry, i: number): SyncEntry[] =>
          e.payload === undefined
            ? []
            : [{ id: `urn:e${i}`, links: [], payload: e.payload, diagnoses: [], extensions: [] }]
        const feed = { ...f, entries: f.entries.flatMap((e, i) => [e, ...alone(e, i)]) }
        const text = SyncFeedXml.encode(feed)
        const decode = () => rightOf(OnAccess.decode(text))
        const eager = untyped(rightOf(KeptFeed.decode(text)))
        const first = decode()
        lazy += first.entries.filter(isLazy).length
        expect(first).toStrictEqual(eager)
        expect(JSON.stringify(decode())).toBe(JSON.stringify(eager))
        expect(structuredClone(decode())).toStrictEqual(structuredClone(eager))
        expect(SyncFeedXml.encode(decode())).toBe(SyncFeedXml.encode(eager))
        expect(rightOf(OnAccess.decode(SyncFeedXml.encode(decode())))).toStrictEqual(eager)
        const streamed = (await collect(streamSyncFeed([text]))).flatMap((e) => (e.type === 'entry' ? [e.entry] : []))
        expect(decode().entries).toStrictEqual(streamed)
      }),
      { numRuns: numRuns(40) },
    )
    expect(lazy).toBeGreaterThan(0)
  })

  it('gives the eager decode’s issues for mutated text, the same at the same places', () => {
    const markup = fc.constantFrom(
      '<',
      '>',
      '&',
      '"',
      ']]>',
      '</x>',
      '<q:x/>',
      'a="1"',
      ' xmlns:s="urn:s"',
      '\u0001',
      '/>',
    )
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), markup), { minLength: 1, maxLength: 2 }),
        (n, edits) => {
          let text = feedText(n)
          for (const [f, insert] of edits) {
            const at = Math.floor(f * text.length)
            text = text.slice(0, at) + insert + text.slice(at)
          }
          const lazy = OnAccess.decode(text)
          const eager = KeptFeed.decode(text)
          if (eager._tag === 'Right') expect(lazy).toStrictEqual({ _tag: 'Right', right: untyped(eager.right) })
          else expect(lazy._tag === 'Left' && reportErrors(lazy.left)).toStrictEqual(reportErrors(eager.left))
        },
      ),
      { numRuns: numRuns(150) },
    )
  })

  it('is asked for: the default decode builds every payload at decode, the same value', () => {
    const text = feedText(3)
    const built = rightOf(SyncFeedXml.decode(text))
    expect(built.entries.some(isLazy)).toBe(false)
    expect(rightOf(syncFeedXml(undefined, { payloads: 'built' }).decode(text)).entries.some(isLazy)).toBe(false)
    const onAccess = rightOf(OnAccess.decode(text))
    expect(onAccess.entries.every(isLazy)).toBe(true)
    expect(onAccess).toStrictEqual(built)
  })

  it('leaves every payload unbuilt at decode, and builds it as the eager decode does on the first read', () => {
    const text = feedText(20)
    const feed = rightOf(OnAccess.decode(text))
    expect(feed.entries.every(isLazy)).toBe(true)
    expect(feed).toStrictEqual(untyped(rightOf(KeptFeed.decode(text))))
    expect(feed.entries.some(isLazy)).toBe(false)
    const el = feed.entries[3]!.payload!.element
    expect(el.attributes).toStrictEqual([
      { namespace: 'http://www.w3.org/2000/xmlns/', localName: 'xmlns', prefix: null, value: CONTRACT },
      // Made self-contained as the eager decode makes it: the prefix its subtree uses, declared on the feed.
      { namespace: 'http://www.w3.org/2000/xmlns/', localName: 'y', prefix: 'xmlns', value: 'urn:y' },
    ])
    expect(el.children.map((c) => c.type === 'element' && c.localName)).toStrictEqual([
      'name',
      'postalAddress',
      'contact',
      'orderLines',
      false,
    ])
  })

  it('builds once, then holds plain data properties', () => {
    const el = rightOf(OnAccess.decode(feedText(2))).entries[1]!.payload!.element
    const children = el.children
    expect(el.children).toBe(children)
    expect(el.attributes).toBe(el.attributes)
    for (const key of ['attributes', 'children']) {
      const d = Object.getOwnPropertyDescriptor(el, key)!
      expect(d).toStrictEqual({ value: el[key as 'children'], writable: true, enumerable: true, configurable: true })
    }
    expect(Object.keys(el)).toStrictEqual(['type', 'namespace', 'localName', 'prefix', 'attributes', 'children'])
    // Nothing else is left on it (the inspect hook goes with the accessors).
    expect(Reflect.ownKeys(el)).toStrictEqual(Object.keys(el))
  })

  it('builds a non-extensible element, or one with keys added, into plain data too, keys in order', () => {
    const text = feedText(2)
    const eager = untyped(rightOf(KeptFeed.decode(text))).entries[0]!.payload!.element
    const el = Object.preventExtensions(rightOf(OnAccess.decode(text)).entries[0]!.payload!.element)
    expect(el.children).toStrictEqual(eager.children)
    expect(Object.getOwnPropertyDescriptor(el, 'children')?.value).toBe(el.children)
    expect(Object.getOwnPropertyDescriptor(el, 'attributes')?.value).toStrictEqual(eager.attributes)
    const replaced: XmlElement['children'] = []
    el.children = replaced
    expect(el.children).toBe(replaced)
    expect(Object.keys(el)).toStrictEqual(['type', 'namespace', 'localName', 'prefix', 'attributes', 'children'])
    // A key added before the first read stays after them, as on a plain element.
    const extended = rightOf(OnAccess.decode(text)).entries[0]!.payload!.element as XmlElement & { note?: string }
    extended.note = 'n'
    expect(extended.children).toStrictEqual(eager.children)
    expect(Object.keys(extended)).toStrictEqual([
      'type',
      'namespace',
      'localName',
      'prefix',
      'attributes',
      'children',
      'note',
    ])
  })

  it('takes a write before any read, and the attributes are still the eager ones', () => {
    const text = feedText(2)
    const eager = untyped(rightOf(KeptFeed.decode(text))).entries[0]!.payload!.element
    const el = rightOf(OnAccess.decode(text)).entries[0]!.payload!.element
    const replaced: XmlElement['children'] = [{ type: 'text', value: 'new' }]
    el.children = replaced
    expect(el.children).toBe(replaced)
    expect(el.attributes).toStrictEqual(eager.attributes)
    expect(Object.getOwnPropertyDescriptor(el, 'children')?.value).toBe(replaced)
    const other = rightOf(OnAccess.decode(text)).entries[0]!.payload!.element
    other.attributes = []
    expect(other.attributes).toStrictEqual([])
    expect(other.children).toStrictEqual(eager.children)
  })

  it('reads a frozen or sealed element without throwing, keeps what it built, and refuses a write when frozen', () => {
    const text = feedText(2)
    const eager = untyped(rightOf(KeptFeed.decode(text))).entries[0]!.payload!.element
    const frozen = Object.freeze(rightOf(OnAccess.decode(text)).entries[0]!.payload!.element)
    expect(frozen).toStrictEqual(eager)
    expect(frozen.children).toBe(frozen.children)
    // As a frozen element's data properties do (in strict mode), before and after the first read.
    const frozenEager = Object.freeze({ ...eager })
    for (const el of [
      frozenEager,
      frozen,
      Object.freeze(rightOf(OnAccess.decode(text)).entries[0]!.payload!.element),
    ]) {
      expect(() => {
        ;(el as XmlElement).children = []
      }).toThrow(TypeError)
      expect(() => {
        ;(el as XmlElement).attributes = []
      }).toThrow(TypeError)
    }
    expect(frozen.children).toStrictEqual(eager.children)
    expect(frozen.attributes).toStrictEqual(eager.attributes)
    const sealed = Object.seal(rightOf(OnAccess.decode(text)).entries[0]!.payload!.element)
    const replaced: XmlElement['children'] = []
    sealed.children = replaced
    expect(sealed.children).toBe(replaced)
    expect(sealed.attributes).toStrictEqual(eager.attributes)
  })

  it('reports a fault deep inside a payload as parseXml does, at the same line and column', () => {
    const faults = [
      '<town>Newcastle &nbsp; Tyne</town>',
      '<town a="1" a="2"/>',
      '<town xmlns:p="urn:p" xmlns:q="urn:p" p:a="1" q:a="2"/>',
      '<q:town/>',
      '<town>a ]]> b</town>',
      '<town>\u0001</town>',
      '<town></towm>',
      '<town a="<"/>',
      '<town q:a="1"/>',
      '<town xmlns="urn:a" b="1" xmlns="urn:b"/>',
      '<town xmlns:p="urn:p" xmlns:p="urn:q"/>',
      '<town xmlns:p="urn:p" p:a="1" xmlns:q="urn:p" q:a="2"/>',
      `<town ${Array.from({ length: 20 }, (_, i) => `a${i}="${i}"`).join(' ')} a7="x"/>`,
      `<town xmlns:p="urn:p" ${Array.from({ length: 20 }, (_, i) => `p:a${i}="${i}"`).join(' ')} y:a7="x" p:a7="x"/>`,
    ]
    for (const inner of faults) {
      const text = feedText(3, inner).replace(inner, '<town/>').replace(inner, '<town/>')
      const parsed = parseXml(text)
      expect(parsed._tag).toBe('Left')
      const r = OnAccess.decode(text)
      expect(r._tag === 'Left' && reportErrors(r.left)).toStrictEqual(parsed._tag === 'Left' && parsed.left)
    }
  })
})
