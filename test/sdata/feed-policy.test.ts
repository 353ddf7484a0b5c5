// SyncFeedXml.decode reads a feed entry by entry with streamSyncFeed's engine (the document's tree is never built);
// checked here against the tree way (parseXml's whole tree, then the feed's element codec): the same value, or the
// same issues with the same paths, messages and line:column, for generated, mutated and corpus documents.
import fc from 'fast-check'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { child, element, optionalChild, qname, record, text } from '../../src/codec/index'
import {
  type PayloadCodec,
  reportErrors,
  type SyncFeed,
  SyncFeedElement,
  SyncFeedXml,
  syncFeedElement,
  syncFeedXml,
} from '../../src/sdata/index'
import { arbSyncFeed } from '../../src/testing/arbitraries/index'
import { type ParseOptions, parseXml, type XmlElement, type XmlInput } from '../../src/xml/index'
import { rightOf, rootOf } from '../support/decode'
import { fixture, fixturesIn } from '../support/fixtures'
import { numRuns } from '../support/runtime'
import { arbDecoration } from '../support/stream'

/** The feed decoded the tree way, as the in-memory decode did before: the value, or the reported issues. */
function treeWay<V>(
  codec: t.Type<SyncFeed<V>, string, XmlInput>,
  payload: PayloadCodec<V> | undefined,
  text: string,
  parse?: ParseOptions,
): { value: SyncFeed<V> } | { issues: unknown[] } {
  const parsed = parseXml(text, parse)
  if (parsed._tag === 'Left') {
    // As reportErrors shows a parser error: at its line:column, or with no path when it has no position.
    const where = (e: { line?: number; column?: number }) => (e.line === undefined ? '' : `${e.line}:${e.column}`)
    return { issues: parsed.left.map((e) => ({ path: where(e), message: e.message })) }
  }
  const r = syncFeedElement(payload).validate(parsed.right.root, [{ key: '', type: codec, actual: text }])
  return r._tag === 'Right' ? { value: r.right } : { issues: reportErrors(r.left) }
}

function expectTreeWay<V>(
  codec: t.Type<SyncFeed<V>, string, XmlInput>,
  payload: PayloadCodec<V> | undefined,
  text: string,
  parse?: ParseOptions,
): void {
  const r = codec.decode(text)
  const expected = treeWay(codec, payload, text, parse)
  if (r._tag === 'Right') {
    expect({ value: r.right }).toStrictEqual(expected)
    // Same members in the same order (the encoder writes members in a fixed order; JSON shows key order too).
    expect(JSON.stringify(r.right)).toBe(JSON.stringify((expected as { value: unknown }).value))
  } else expect({ issues: reportErrors(r.left) }).toStrictEqual(expected)
}

const CONTRACT = 'http://schemas.sage.com/myContract'
const Account = element(
  qname(CONTRACT, 'account'),
  record({
    name: child(qname(CONTRACT, 'name'), text(t.string)),
    town: optionalChild(qname(CONTRACT, 'town'), text(t.string)),
  }),
)
const AccountFeed = syncFeedXml(Account)

const MARKUP = fc.constantFrom(
  '<',
  '>',
  '&',
  '"',
  ']]>',
  '</entry>',
  '<entry>',
  '<entry/>',
  '<!--x-->',
  '\u0001',
  'x',
  '/>',
  ' ',
  '<sync:syncState/>',
  '<sdata:payload/>',
  '<link/>',
)

describe('SyncFeedXml.decode, entry by entry', () => {
  it('gives the tree way’s value for generated feeds, decorated or not', () => {
    fc.assert(
      fc.property(arbSyncFeed({ maxEntries: 4 }), fc.option(arbDecoration(), { nil: undefined }), (feed, decorate) => {
        const encoded = SyncFeedXml.encode(feed)
        expectTreeWay(SyncFeedXml, undefined, decorate === undefined ? encoded : decorate(encoded))
      }),
      { numRuns: numRuns(40) },
    )
  })

  it('gives the tree way’s value or issues for mutated feeds (markup inserted or replacing a character)', () => {
    fc.assert(
      fc.property(
        arbSyncFeed({ maxEntries: 3 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), MARKUP, fc.boolean()), {
          minLength: 1,
          maxLength: 3,
        }),
        (feed, edits) => {
          let text = SyncFeedXml.encode(feed)
          for (const [f, insert, replace] of edits) {
            const at = Math.floor(f * text.length)
            text = text.slice(0, at) + insert + text.slice(replace ? at + 1 : at)
          }
          expectTreeWay(SyncFeedXml, undefined, text)
        },
      ),
      { numRuns: numRuns(60) },
    )
  })

  it('gives the tree way’s value or issues when a character of an entry’s text is changed', () => {
    fc.assert(
      fc.property(
        arbSyncFeed({ maxEntries: 3 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('x', '-', '9', ''),
        (feed, f, replacement) => {
          const text = SyncFeedXml.encode(feed)
          // Change a character of text content (between '>' and '<'), so the document stays well-formed.
          const from = Math.floor(f * text.length)
          const content = />[^<]/g
          content.lastIndex = from
          const found = content.exec(text) ?? />[^<]/.exec(text)
          if (found === null) return
          const gt = found.index
          expectTreeWay(SyncFeedXml, undefined, text.slice(0, gt + 1) + replacement + text.slice(gt + 2))
        },
      ),
      { numRuns: numRuns(60) },
    )
  })

  it('gives the tree way’s value or issues for every corpus file, untyped and with a typed payload', () => {
    const paths = fixturesIn('sdata', '.xml')
    expect(paths.length).toBeGreaterThan(5)
    let feeds = 0
    for (const path of paths) {
      const text = fixture(path)
      expectTreeWay(SyncFeedXml, undefined, text)
      expectTreeWay(AccountFeed, Account, text)
      if (SyncFeedXml.decode(text)._tag === 'Right') feeds++
    }
    expect(feeds).toBeGreaterThan(2)
  })

  it('applies the parser limits of the whole document: depth from the root, maxLength of the whole text', () => {
    const text = fixture('sdata/spec-4.4_sync-feed_catchUp.xml')
    for (const maxDepth of [1, 2, 3, 4, 5, 6, 8])
      expectTreeWay(syncFeedXml(undefined, { parse: { maxDepth } }), undefined, text, { maxDepth })
    for (const maxLength of [100, text.length - 1, text.length]) {
      expectTreeWay(syncFeedXml(undefined, { parse: { maxLength } }), undefined, text, { maxLength })
    }
    const r = syncFeedXml(undefined, { parse: { maxLength: 100 } }).decode(text)
    expect(r._tag === 'Left' && reportErrors(r.left)[0]!.message).toMatch(/maxLength/)
  })

  it('decodes bytes, with or without a byte-order mark, as it decodes their text', () => {
    const text = fixture('sdata/spec-4.4_sync-feed_catchUp.xml')
    const value = SyncFeedXml.decode(text)
    expect(value._tag).toBe('Right')
    expect(SyncFeedXml.decode(new TextEncoder().encode(text))).toStrictEqual(value)
    expect(SyncFeedXml.decode(`\uFEFF${text}`)).toStrictEqual(value)
  })

  it('keeps payload trees compact (one frozen empty array, tight attribute arrays) and encodes them to the same bytes', () => {
    const text = fixture('sdata/spec-4.4_sync-feed_catchUp.xml')
    const feed = rightOf(SyncFeedXml.decode(text))
    const bare: XmlElement[] = []
    const walk = (el: XmlElement) => {
      if (el.attributes.length === 0) bare.push(el)
      for (const c of el.children) if (c.type === 'element') walk(c)
    }
    for (const entry of feed.entries) if (entry.payload !== undefined) walk(entry.payload.element)
    expect(bare.length).toBeGreaterThan(1)
    expect(Object.isFrozen(bare[0]!.attributes)).toBe(true)
    expect(bare[0]!.attributes).toBe(bare[1]!.attributes)
    const empty = rightOf(SyncFeedXml.decode(text.replace('<name>Natural Goods Ltd.</name>', '<name/>')))
    const name = empty.entries[0]!.payload!.element.children.find((c) => c.type === 'element' && c.localName === 'name')
    expect(name?.type === 'element' && name.children).toBe(bare[0]!.attributes)
    expect(SyncFeedXml.encode(feed)).toBe(SyncFeedXml.encode(rightOf(SyncFeedElement.decode(rootOf(text)))))
  })

  it('leaves a caller’s own tree as it was (only the reader’s own trees are compacted)', () => {
    const root = rootOf(fixture('sdata/spec-4.4_sync-feed_catchUp.xml'))
    const before = structuredClone(root)
    rightOf(SyncFeedElement.decode(root))
    expect(root).toStrictEqual(before)
    const frozen: unknown[] = []
    const walk = (el: XmlElement) => {
      if (Object.isFrozen(el.children)) frozen.push(el)
      for (const c of el.children) if (c.type === 'element') walk(c)
    }
    walk(root)
    expect(frozen).toEqual([])
  })
})
