// streamSyncFeed with parse.positions: every element of each event's element is where parseXml places it in the
// whole document (new lines of every kind, a byte-order mark, any cuts), a feed that does not decode ends with its
// issues placed as the in-memory decode with positions places them (after an entry the parser's event mode would
// give back too), and a DOCTYPE is reported at its own place.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { reportErrors, type SyncFeedEvent, SyncFeedXml, streamSyncFeed, syncFeedXml } from '../../src/sdata/index'
import { arbSyncFeed } from '../../src/testing/arbitraries/index'
import { elementPosition, parseXml, type XmlElement, type XmlNode } from '../../src/xml/index'
import { fixture, fixturesIn } from '../support/fixtures'
import { numRuns } from '../support/runtime'
import { arbCuts, arbDecoration, collect, cutBytes } from '../support/stream'

const ATOM = 'http://www.w3.org/2005/Atom'
const POSITIONS = { parse: { positions: true } }
const elementsOf = (nodes: readonly XmlNode[]) => nodes.filter((n): n is XmlElement => n.type === 'element')
const isEntry = (e: XmlElement) => e.namespace === ATOM && e.localName === 'entry'

/** Each element of `streamed` and of `memory` (two trees of the same shape) has the same, recorded place. */
function expectPlacedAlike(streamed: XmlElement, memory: XmlElement): void {
  expect(elementPosition(memory)).toBeDefined()
  expect(elementPosition(streamed)).toEqual(elementPosition(memory))
  const [a, b] = [elementsOf(streamed.children), elementsOf(memory.children)]
  expect(a.map((e) => e.localName)).toEqual(b.map((e) => e.localName))
  for (const [k, child] of a.entries()) expectPlacedAlike(child, b[k]!)
}

/** The events of a stream with positions against `parseXml(text, { positions: true })` and the in-memory decode. */
function expectPlacedAsInMemory(text: string, events: SyncFeedEvent[]): void {
  const memory = syncFeedXml(undefined, POSITIONS).decode(text)
  if (memory._tag === 'Left') {
    const last = events[events.length - 1]!
    expect(last.type).toBe('error')
    const issues = last.type === 'error' ? last.issues : []
    expect(issues.length).toBeGreaterThan(0)
    // The stream stops at the first part that fails: its issues, placed alike, are among the whole text's.
    const inMemory = reportErrors(memory.left)
    for (const issue of issues) expect(inMemory).toContainEqual(issue)
    return
  }
  const parsed = parseXml(text, { positions: true })
  if (parsed._tag === 'Left') throw new Error('a feed that decodes parses')
  const root = parsed.right.root
  const entries = elementsOf(root.children).filter(isEntry)
  const streamed = events.filter((e) => e.type === 'entry')
  expect(streamed).toHaveLength(entries.length)
  for (const [k, e] of streamed.entries()) expectPlacedAlike(e.element!, entries[k]!)
  const end = events[events.length - 1]!
  if (end.type !== 'end') throw new Error('a feed that decodes ends with end')
  expect(elementPosition(end.element!)).toEqual(elementPosition(root))
  const members = elementsOf(root.children).filter((e) => !isEntry(e))
  expect(elementsOf(end.element!.children)).toHaveLength(members.length)
  for (const [k, child] of elementsOf(end.element!.children).entries()) expectPlacedAlike(child, members[k]!)
}

describe('streamSyncFeed with parse.positions', () => {
  it('places every element of generated feeds as parseXml does, cut anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbSyncFeed({ maxEntries: 4 }),
        arbDecoration(),
        fc.boolean(),
        arbCuts(),
        async (feed, decorate, bom, cuts) => {
          const text = `${bom ? '\uFEFF' : ''}${decorate(SyncFeedXml.encode(feed))}`
          const chunks = cutBytes(text, cuts(new TextEncoder().encode(text).length))
          expectPlacedAsInMemory(text, await collect(streamSyncFeed(chunks, POSITIONS)))
        },
      ),
      { numRuns: numRuns(20) },
    )
  })

  it('places the issues of a feed that does not decode as the in-memory decode does, for every corpus feed', async () => {
    const feeds = fixturesIn('sdata', '.xml')
      .map(fixture)
      .filter((text) => SyncFeedXml.decode(text)._tag === 'Right')
    expect(feeds.length).toBeGreaterThan(5)
    let failing = 0
    for (const text of feeds) {
      // A bad tick in the first entry that has one (an entry's issues) and the last tick (often the digest's).
      const tick = /<(\w+:)?tick>/g
      const ticks = [...text.matchAll(tick)].map((m) => m.index + m[0].length)
      const inEntry = ticks.find((at) => at > text.indexOf('<entry'))
      const bad = (at: number | undefined) => (at === undefined ? text : `${text.slice(0, at)}x${text.slice(at)}`)
      for (const variant of [text, bad(inEntry), bad(ticks.at(-1))]) {
        const events = await collect(streamSyncFeed(cutBytes(variant, [7, 100, 2000]), POSITIONS))
        if (events[events.length - 1]!.type === 'error') failing++
        expectPlacedAsInMemory(variant, events)
      }
    }
    expect(failing).toBeGreaterThan(3)
  })

  it('reports a DOCTYPE at its place, even when the text read at once is longer than maxLength', async () => {
    const text = fixture('sdata/spec-4.4_sync-feed_catchUp.xml').replace(/<feed\b/, '<!DOCTYPE feed>\n<feed')
    const memory = reportErrors(
      (syncFeedXml(undefined, POSITIONS).decode(text) as { left: Parameters<typeof reportErrors>[0] }).left,
    )
    expect(memory[0]).toMatchObject({ code: 'not-well-formed', message: expect.stringContaining('DOCTYPE') })
    for (const maxLength of [text.length, text.length - 1, 200]) {
      const events = await collect(streamSyncFeed([text], { parse: { maxLength, positions: true } }))
      expect(events, String(maxLength)).toEqual([{ type: 'error', issues: memory }])
    }
  })

  it('gives no element when positions are not asked for', async () => {
    const text = fixture('sdata/spec-4.4_sync-feed_catchUp.xml')
    for (const event of await collect(streamSyncFeed([text]))) expect(event).not.toHaveProperty('element')
  })

  it('places the issues after an entry that cannot be read from events at their own line and column', async () => {
    // The first entry is one the parser's event mode would give back half read (a comment after its payload's tree),
    // to be read again as a tree: with positions, every element is placed from that one read.
    const text = [
      '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:sdata="http://schemas.sage.com/sdata/2008/1"',
      '      xmlns:sync="http://schemas.sage.com/sdata/sync/2008/1">',
      '<entry><sdata:payload>',
      '  <account xmlns="urn:c"><name>A</name></account></sdata:payload><!-- kept? -->',
      '<sync:syncState><sync:endpoint>http://e/a</sync:endpoint><sync:tick>1</sync:tick>' +
        '<sync:stamp>2008-10-30T14:55:43Z</sync:stamp></sync:syncState></entry>',
      '<entry><sync:syncState><sync:endpoint>http://e/a</sync:endpoint>',
      '  <sync:tick>x</sync:tick><sync:stamp>2008-10-30T14:55:43Z</sync:stamp></sync:syncState></entry>',
      '</feed>',
    ].join('\n')
    const tick = {
      code: 'bad-value',
      path: '/feed/entry[2]/sync:syncState/tick',
      line: 7,
      column: 3,
    }
    const memory = syncFeedXml(undefined, POSITIONS).decode(text)
    expect(memory._tag === 'Left' && reportErrors(memory.left)).toEqual([expect.objectContaining(tick)])
    const events = await collect(streamSyncFeed(cutBytes(text, [40, 300]), POSITIONS))
    expect(events.map((e) => e.type)).toEqual(['head', 'entry', 'error'])
    // Looked up back in the text (the later element first), so every recorded place is counted.
    const entry = events[1]!.type === 'entry' ? events[1]!.element! : undefined
    const [payload, state] = elementsOf(entry!.children)
    expect(elementPosition(state!)).toEqual({ line: 5, column: 1 })
    expect(elementPosition(entry!)).toEqual({ line: 3, column: 1 })
    expect(elementPosition(payload!)).toEqual({ line: 3, column: 8 })
    expect(elementPosition(elementsOf(payload!.children)[0]!)).toEqual({ line: 4, column: 3 })
    const last = events[2]!
    expect(last.type === 'error' && last.issues).toEqual([expect.objectContaining(tick)])
  })
})
