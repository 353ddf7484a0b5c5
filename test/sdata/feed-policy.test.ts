// SyncFeedXml.decode reads a feed in one parser run, its entries from the parser's events (streamSyncFeed's engine,
// entry by entry, should that give up); checked here against the tree way (parseXml's whole tree, then the feed's
// element codec): the same value, or the same issues with the same paths, messages and line:column, for generated,
// mutated and corpus documents.
import fc from 'fast-check'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { child, element, optionalChild, qname, record, text } from '../../src/codec/index'
import {
  type PayloadCodec,
  rebuildSyncFeed,
  reportErrors,
  type SyncFeed,
  SyncFeedElement,
  SyncFeedXml,
  streamSyncFeed,
  syncFeedElement,
  syncFeedXml,
} from '../../src/sdata/index'
import { arbSyncFeed } from '../../src/testing/arbitraries/index'
import { type ParseOptions, parseXml, type XmlElement, type XmlInput } from '../../src/xml/index'
import { rightOf, rootOf } from '../support/decode'
import { fixture, fixturesIn } from '../support/fixtures'
import { numRuns } from '../support/runtime'
import { arbDecoration, collect, expectFailureLike } from '../support/stream'
import { IRREGULAR_MARKUP } from '../support/xml-arbitrary'

/** The feed decoded the tree way, as the in-memory decode did before: the value, or the reported issues. */
function treeWay<V>(
  codec: t.Type<SyncFeed<V>, string, XmlInput>,
  payload: PayloadCodec<V> | undefined,
  text: string,
  parse?: ParseOptions,
): { value: SyncFeed<V> } | { issues: unknown[] } {
  const parsed = parseXml(text, parse)
  if (parsed._tag === 'Left') {
    // reportErrors gives a parser error as the parser's own issue (code, line:column path, line and column).
    return { issues: parsed.left }
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

  it('keeps streamed payload trees compact too, at every depth (one frozen empty array)', async () => {
    const text = fixture('sdata/spec-4.4_sync-feed_catchUp.xml')
    const bare: XmlElement[] = []
    const walk = (el: XmlElement, depth: number) => {
      if (el.attributes.length === 0 && depth > 0) bare.push(el)
      for (const c of el.children) if (c.type === 'element') walk(c, depth + 1)
    }
    for (const e of await collect(streamSyncFeed([text])))
      if (e.type === 'entry' && e.entry.payload !== undefined) walk(e.entry.payload.element, 0)
    expect(bare.length).toBeGreaterThan(1)
    for (const el of bare) expect(Object.isFrozen(el.attributes)).toBe(true)
    expect(bare[0]!.attributes).toBe(bare[1]!.attributes)
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

describe('SyncFeedXml.decode, entries read in the parser event mode', () => {
  // What the event mode must either read exactly as the tree does or hand back to it: attributes and namespace
  // declarations (rebinding a prefix, the default namespace), prefixes bound or not, text where a leaf is not
  // plain, comments, PIs, CDATA, references, line ends, repeated leaves, bad leaf values, broken and kept members.
  const SDATA = 'http://schemas.sage.com/sdata/2008/1'
  const SNIPPETS = [
    ...IRREGULAR_MARKUP,
    '<id>dup</id>',
    '<title a="1">t</title>',
    '<updated>2008-10-01T14:00:03Z</updated>',
    '<updated>soon</updated>',
    '<updated/>',
    '<content>c &lt; d</content>',
    '<content><b/></content>',
    '<q:title xmlns:q="http://www.w3.org/2005/Atom">q</q:title>',
    '<u:id>u</u:id>',
    '<x xmlns="urn:d"><y/></x>',
    '<link href="h"/>',
    '<link/>',
    `<s:syncState xmlns:s="${SYNC}"><s:endpoint>e</s:endpoint><s:stamp>2008-10-01T14:00:03Z</s:stamp></s:syncState>`,
    `<s:syncState xmlns:s="${SYNC}"/>`,
    '<sync:tick>7</sync:tick>',
    '<sync:stamp>later</sync:stamp>',
    '<sync:user>u</sync:user>',
    '<sync:other>o</sync:other>',
    `<h:httpStatus xmlns:h="${HTTP}">201</h:httpStatus>`,
    `<h:httpStatus xmlns:h="${HTTP}">20x</h:httpStatus>`,
    `<s:payload xmlns:s="${SDATA}"><r xmlns="urn:r" s:uuid="u" s:isDeleted="maybe"/></s:payload>`,
    `<s:payload xmlns:s="${SDATA}"><r xmlns="urn:r" s:uuid="u"><s:n/></r></s:payload>`,
    `<s:diagnosis xmlns:s="${SDATA}"><s:severity>error</s:severity></s:diagnosis>`,
    ' a="1"',
    ' xmlns="urn:x"',
    ` xmlns:sync="urn:other"`,
    ` xmlns:sdata="${SYNC}"`,
    ' xmlns:q="urn:q"',
    '/',
    '<entry><id>i</id></entry>',
    '<atom:entry xmlns:atom="http://www.w3.org/2005/Atom"><atom:id>i</atom:id></atom:entry>',
    '<entry xmlns="urn:other"><id>i</id></entry>',
  ]

  /**
   * The places a snippet goes: before every `<` and `>` inside the feed element, where markup starts and ends (the
   * feed's start tag, its own members, the entries and what is inside them).
   */
  function marks(text: string): number[] {
    const at: number[] = []
    const first = text.indexOf('<feed') + 1
    const last = text.lastIndexOf('</')
    for (let i = first; i <= last; i++) if (text[i] === '<' || text[i] === '>') at.push(i)
    return at
  }

  /** The tree way's value or issues for the in-memory decode, and the stream's events agreeing with it. */
  async function expectSameBothWays(text: string): Promise<void> {
    expectTreeWay(SyncFeedXml, undefined, text)
    const events = await collect(streamSyncFeed([text]))
    const r = SyncFeedXml.decode(text)
    if (r._tag === 'Left') expectFailureLike(events, reportErrors(r.left))
    else expect(rebuildSyncFeed(events)).toStrictEqual(r.right)
  }

  it('gives the tree way’s value or issues, in memory and streamed, on generated and mutated feeds', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbSyncFeed({ maxEntries: 3 }).filter((feed) => feed.entries.length > 0),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...SNIPPETS)), { maxLength: 3 }),
        fc.boolean(),
        async (feed, edits, plain) => {
          let text = SyncFeedXml.encode(feed)
          // The event mode reads leaves of ASCII and the rest of the BMP below U+D800 (else the tree reads them):
          // half the feeds are made of those only, so that their entries are read in event mode.
          if (plain) text = text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uFFFF]/g, '\u00e9')
          for (const [n, snippet] of edits) {
            const at = marks(text)
            const i = at[n % at.length]!
            text = text.slice(0, i) + snippet + text.slice(i)
          }
          await expectSameBothWays(text)
        },
      ),
      { numRuns: numRuns(50) },
    )
  })

  it('gives the tree way’s value or issues for every corpus file, streamed too', async () => {
    const paths = fixturesIn('sdata', '.xml')
    for (const path of paths) await expectSameBothWays(fixture(path))
    expect(paths.length).toBeGreaterThan(5)
  })

  it('reads prefixed entries, repeated leaves and kept members as the tree does', async () => {
    const text =
      `<a:feed xmlns:a="http://www.w3.org/2005/Atom" xmlns:s="${SYNC}"><a:entry><a:id>1 &amp; 2</a:id>` +
      '<a:title>t</a:title><a:title>again</a:title><a:updated>2008-10-01T14:00:03Z</a:updated><a:link href="h"/>' +
      `<s:syncState><s:endpoint>e</s:endpoint><s:tick>3</s:tick><s:stamp>2008-10-01T14:00:03Z</s:stamp></s:syncState>` +
      '<a:content>c</a:content><x xmlns="urn:x">k</x></a:entry><a:entry/></a:feed>'
    const feed = rightOf(SyncFeedXml.decode(text))
    expect(feed.entries.map((e) => [e.id, e.title, e.syncState?.tick, e.content, e.extensions.length])).toEqual([
      ['1 & 2', 't', 3, 'c', 2],
      [undefined, undefined, undefined, undefined, 0],
    ])
    await expectSameBothWays(text)
  })

  it('reads sync states from the events as the tree does: defaults, optional user, and every fault handed back', async () => {
    const stamp = '<s:stamp>2008-10-01T14:00:03Z</s:stamp>'
    const states = [
      `<s:endpoint>e</s:endpoint>${stamp}`,
      `${stamp}<s:user>u</s:user><s:tick>4</s:tick><s:endpoint>e</s:endpoint>`,
      `<s:endpoint>e</s:endpoint><s:tick>1</s:tick><s:tick>2</s:tick>${stamp}`,
      `<s:endpoint>e</s:endpoint><s:tick>-1</s:tick>${stamp}`,
      `<s:endpoint>e</s:endpoint>${stamp}<s:other>o</s:other>`,
      `<s:endpoint>e</s:endpoint>${stamp}<x xmlns="urn:x">o</x>`,
      `<endpoint>e</endpoint>${stamp}`,
      `<s:endpoint>e</s:endpoint><s:stamp>2008-02-30T14:00:03Z</s:stamp>`,
      `<s:tick>1</s:tick>${stamp}`,
      '<s:endpoint>e</s:endpoint>',
      `<s:endpoint>e</s:endpoint>${stamp} `,
      '',
    ]
    const values: unknown[] = []
    for (const state of states) {
      const text =
        `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:s="${SYNC}"><entry><id>i</id>` +
        `<s:syncState>${state}</s:syncState><s:syncState>${state}</s:syncState></entry></feed>`
      await expectSameBothWays(text)
      const r = SyncFeedXml.decode(text)
      values.push(
        r._tag === 'Right' ? [r.right.entries[0]!.syncState, r.right.entries[0]!.extensions.length] : 'issues',
      )
    }
    expect(values.slice(0, 2)).toEqual([
      [{ endpoint: 'e', tick: 0, stamp: '2008-10-01T14:00:03Z' }, 1],
      [{ endpoint: 'e', tick: 4, stamp: '2008-10-01T14:00:03Z', user: 'u' }, 1],
    ])
  })
})

const SYNC = 'http://schemas.sage.com/sdata/sync/2008/1'
const HTTP = 'http://schemas.sage.com/sdata/http/2008/1'
