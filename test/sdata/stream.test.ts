// streamSyncFeed against SyncFeedXml.decode: generated feeds cut at random byte positions (inside UTF-8 sequences,
// one byte at a time) through every kind of source, the corpus, typed payloads, truncated and mutated text.
import fc from 'fast-check'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  rebuildSyncFeed,
  reportErrors,
  type SyncFeedEvent,
  SyncFeedXml,
  streamSyncFeed,
  syncFeedXml,
} from '../../src/sdata/index'
import { arbSyncFeed } from '../../src/testing/arbitraries/index'
import type { XmlElement } from '../../src/xml/index'
import { parseXml, serializeXml } from '../../src/xml/index'
import { fixture, fixturesIn } from '../support/fixtures'
import { numRuns } from '../support/runtime'
import {
  arbCuts,
  arbDecoration,
  byteByByte,
  collect,
  cutBytes,
  expectFailureLike,
  type SourceKind,
  sentText,
  sourceOf,
} from '../support/stream'

const SOURCES: SourceKind[] = ['array', 'async', 'readable']

async function expectSameAsInMemory(text: string, events: SyncFeedEvent[]): Promise<void> {
  const r = SyncFeedXml.decode(text)
  if (r._tag === 'Left') {
    expectFailureLike(events, reportErrors(r.left))
    return
  }
  expect(events[events.length - 1]!.type).toBe('end')
  expectHeadFirst(text, events)
  const entries = events.filter((e) => e.type === 'entry').map((e) => (e as { entry: unknown }).entry)
  expect(entries).toEqual(r.right.entries)
  expect(rebuildSyncFeed(events)).toEqual(r.right)
  const end = events[events.length - 1] as { feed: { entries: unknown[] } }
  expect(end.feed.entries).toEqual([])
}

/**
 * One `head` event, first, whose feed is the in-memory decode of the feed with only the children before its first
 * entry (the whole feed's members when it has no entry), `entries: []`.
 */
function expectHeadFirst(text: string, events: SyncFeedEvent[]): void {
  const heads = events.filter((e) => e.type === 'head')
  expect(heads).toHaveLength(1)
  expect(events[0]!.type).toBe('head')
  const root = parseXml(text)
  if (root._tag === 'Left') throw new Error('a feed that decodes parses')
  const children = root.right.root.children
  const first = children.findIndex((c) => c.type === 'element' && c.localName === 'entry' && c.namespace === ATOM)
  const before = first < 0 ? children : children.slice(0, first)
  const head = SyncFeedXml.decode(serializeXml({ ...root.right, root: { ...root.right.root, children: before } }))
  expect(head._tag).toBe('Right')
  if (head._tag === 'Right') expect(heads[0]).toEqual({ type: 'head', feed: { ...head.right, entries: [] } })
}

const ATOM = 'http://www.w3.org/2005/Atom'

describe('streamSyncFeed', () => {
  it('gives the head before the first entry; members after the entries are only in end', async () => {
    const text = fixture('sdata/spec-4.4_sync-feed_catchUp.xml')
    const digest = /<digest [\s\S]*?<\/digest>/.exec(text)![0]
    const late = text.replace(digest, '').replace('</feed>', `${digest}</feed>`)
    const events = await collect(streamSyncFeed(cutBytes(late, [200, 900])))
    const head = events[0]!
    expect(head.type).toBe('head')
    if (head.type !== 'head') return
    expect(head.feed.syncMode).toBe('catchUp')
    expect(head.feed.digest).toBeUndefined()
    const end = events[events.length - 1]!
    expect(end.type === 'end' && end.feed.digest).toEqual(
      rebuildSyncFeed(await collect(streamSyncFeed([text])))?.digest,
    )
    await expectSameAsInMemory(late, events)
    // No entries: the head comes right before the end, with every member.
    const empty = text.replace(/<entry>[\s\S]*<\/entry>/, '')
    const none = await collect(streamSyncFeed([empty]))
    expect(none.map((e) => e.type)).toEqual(['head', 'end'])
    await expectSameAsInMemory(empty, none)
  })

  it('gives the in-memory value for generated feeds, cut anywhere, from every kind of source', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbSyncFeed({ maxEntries: 4, rootAttributes: true }),
        fc.option(arbDecoration(), { nil: undefined }),
        arbCuts(),
        fc.constantFrom(...SOURCES),
        async (feed, decorate, cuts, kind) => {
          const encoded = SyncFeedXml.encode(feed)
          const text = decorate === undefined ? encoded : decorate(encoded)
          const chunks = cutBytes(text, cuts(new TextEncoder().encode(text).length))
          await expectSameAsInMemory(text, await collect(streamSyncFeed(sourceOf(kind, chunks))))
        },
      ),
      { numRuns: numRuns(60) },
    )
  })

  it('reads one byte at a time and string chunks one character at a time', async () => {
    const text = fixture('sdata/spec-4.4_sync-feed_catchUp.xml').replace('</feed>', '<x>é€😀</x></feed>')
    await expectSameAsInMemory(text, await collect(streamSyncFeed(byteByByte(text))))
    await expectSameAsInMemory(text, await collect(streamSyncFeed(Array.from(text))))
  })

  it('gives the in-memory value or the same parse error for every corpus file', async () => {
    const paths = fixturesIn('sdata', '.xml')
    expect(paths.length).toBeGreaterThan(10)
    for (const path of paths) {
      const text = fixture(path)
      const chunks = cutBytes(text, [1, 7, 100, 101, 102, 500, 2000])
      await expectSameAsInMemory(text, await collect(streamSyncFeed(chunks)))
    }
  })

  it('emits each entry before the rest of the feed has arrived', async () => {
    const text = fixture('sdata/spec-4.4_sync-feed_catchUp.xml')
    const cut = text.indexOf('</entry>') + '</entry>'.length
    let sent = 0
    async function* source() {
      sent = 1
      yield text.slice(0, cut)
      sent = 2
      yield text.slice(cut)
    }
    for await (const event of streamSyncFeed(source())) {
      if (event.type === 'entry') {
        expect(sent).toBe(1)
        break
      }
    }
  })

  it('decodes typed payloads as syncFeedXml(payload) does', async () => {
    const Named = new t.Type<string, XmlElement, XmlElement>(
      'Named',
      (u): u is string => typeof u === 'string',
      (el, c) => (el.children.length > 0 ? t.success(el.localName) : t.failure(el, c, 'expected children')),
      () => ({ type: 'element', namespace: null, localName: 'x', prefix: null, attributes: [], children: [] }),
    )
    const text = fixture('sdata/spec-4.4_sync-feed_catchUp.xml')
    const r = syncFeedXml(Named).decode(text)
    const events = await collect(streamSyncFeed(cutBytes(text, [333]), { payload: Named }))
    expect(events[0]?.type).toBe('head')
    if (r._tag === 'Left') expectFailureLike(events, reportErrors(r.left))
    else expect(rebuildSyncFeed(events)).toEqual(r.right)
  })

  it('ends truncated text with one error after a prefix of the entries', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbSyncFeed({ maxEntries: 4 }),
        arbDecoration(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (feed, decorate, f) => {
          const text = decorate(SyncFeedXml.encode(feed))
          const full = SyncFeedXml.decode(text)
          const cut = sentText(text.slice(0, Math.floor(f * (text.length - 1))))
          const events = await collect(streamSyncFeed(cutBytes(cut, [5, 50])))
          await expectSameAsInMemory(cut, events)
          if (full._tag === 'Right') {
            const entries = events.filter((e) => e.type === 'entry').map((e) => (e as { entry: unknown }).entry)
            expect(entries).toEqual(full.right.entries.slice(0, entries.length))
          }
        },
      ),
      { numRuns: numRuns(60) },
    )
  })

  it('ends mutated text like the in-memory decode', async () => {
    const markup = fc.constantFrom('<', '>', '&', '"', "'", ']]>', '</entry>', '<entry>', '<!--', '\u0001', 'x', '/>')
    await fc.assert(
      fc.asyncProperty(
        arbSyncFeed({ maxEntries: 3 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        markup,
        fc.boolean(),
        async (feed, f, insert, replace) => {
          const text = SyncFeedXml.encode(feed)
          const at = Math.floor(f * text.length)
          const mutated = sentText(text.slice(0, at) + insert + text.slice(replace ? at + 1 : at))
          await expectSameAsInMemory(mutated, await collect(streamSyncFeed(cutBytes(mutated, [at, at + 1, 3]))))
        },
      ),
      { numRuns: numRuns(100) },
    )
  })

  it('reports decode errors with the in-memory paths (entry positions included)', async () => {
    const text = fixture('sdata/spec-4.4_sync-feed_catchUp.xml')
    const last = text.lastIndexOf('<tick>')
    const broken = `${text.slice(0, last)}<tick>x${text.slice(text.indexOf('</tick>', last))}`
    const r = SyncFeedXml.decode(broken)
    expect(r._tag).toBe('Left')
    const events = await collect(streamSyncFeed([broken]))
    expectFailureLike(events, r._tag === 'Left' ? reportErrors(r.left) : [])
    const error = events[events.length - 1] as { issues: Array<{ path: string }> }
    expect(error.issues[0]!.path).toMatch(/^\/feed\/entry\[2\]\//)
    expect(events.filter((e) => e.type === 'entry')).toHaveLength(1)
  })

  it('counts depth from the root, as parseXml does with the same maxDepth', async () => {
    const text = fixture('sdata/spec-4.4_sync-feed_catchUp.xml')
    for (const maxDepth of [1, 2, 3, 4, 5, 6]) {
      const events = await collect(streamSyncFeed([text], { parse: { maxDepth } }))
      const parsed = parseXml(text, { maxDepth })
      const last = events[events.length - 1]!
      if (parsed._tag === 'Left') {
        const e = parsed.left[0]!
        // The parser's issue as it is: its code (`limit`), `line:column` as the path, its line and column.
        expect(last).toStrictEqual({ type: 'error', issues: [e] })
      } else expect(last.type).toBe('end')
    }
  })

  it('bounds what it holds by maxLength', async () => {
    const text = fixture('sdata/spec-4.4_sync-feed_catchUp.xml')
    const events = await collect(streamSyncFeed(cutBytes(text, [10, 20, 30]), { parse: { maxLength: 40 } }))
    const last = events[events.length - 1] as { type: string; issues: Array<{ message: string }> }
    expect(last.type).toBe('error')
    expect(last.issues[0]!.message).toContain('maxLength (40)')
  })
})
