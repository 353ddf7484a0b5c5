// streamSyncFeedJson against JSON.parse + SyncFeedJson.decode: generated feeds as JSON text (compact, indented, with
// CRLF), cut at random byte positions through every kind of source; truncated and mutated text never throws and
// fails exactly when JSON.parse or the codec does; faults carry their JSON Pointer and line:column.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { reportJsonErrors, type SyncFeedEvent, SyncFeedJson, streamSyncFeedJson } from '../../src/sdata/index'
import { arbSyncFeed } from '../../src/testing/arbitraries/index'
import type { Issue } from '../../src/xml/index'
import { jsonFault, wholeFault } from '../support/issues'
import { numRuns } from '../support/runtime'
import { arbCuts, collect, cutBytes, type SourceKind, sourceOf } from '../support/stream'

const SOURCES: SourceKind[] = ['array', 'async', 'readable']

/** The in-memory reading: JSON.parse, then the codec; `undefined` when JSON.parse throws. */
function inMemory(text: string) {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return undefined
  }
  return SyncFeedJson.decode(json)
}

function expectSame(text: string, events: SyncFeedEvent[]): void {
  const r = inMemory(text)
  const last = events[events.length - 1]!
  if (r === undefined || r._tag === 'Left') {
    expect(last.type).toBe('error')
    expect(events.filter((e) => e.type === 'error')).toHaveLength(1)
    if (r !== undefined && r._tag === 'Left' && last.type === 'error') {
      // The first faulty part's issues are among the whole feed's (the stream stops at the first).
      const all = reportJsonErrors(r.left)
      for (const issue of last.issues) expect(all).toContainEqual(issue)
    }
    return
  }
  expect(last).toEqual({ type: 'end', feed: { ...r.right, entries: [] } })
  expect(events[0]!.type).toBe('head')
  expect(events.filter((e) => e.type === 'head')).toHaveLength(1)
  const entries = events.filter((e) => e.type === 'entry').map((e) => (e as { entry: unknown }).entry)
  expect(entries).toEqual(r.right.entries)
}

const arbText = fc
  .tuple(arbSyncFeed({ maxEntries: 3 }), fc.constantFrom(0, 2, '\t'), fc.boolean())
  .map(([feed, indent, crlf]) => {
    const text = JSON.stringify(SyncFeedJson.encode(feed), null, indent)
    return crlf ? text.replaceAll('\n', '\r\n') : text
  })

describe('streamSyncFeedJson', () => {
  it('streams generated feeds, cut anywhere, to what JSON.parse and SyncFeedJson give', async () => {
    await fc.assert(
      fc.asyncProperty(arbText, arbCuts(), fc.constantFrom(...SOURCES), async (text, cuts, kind) => {
        const bytes = new TextEncoder().encode(text)
        const events = await collect(streamSyncFeedJson(sourceOf(kind, cutBytes(text, cuts(bytes.length)))))
        expectSame(text, events)
        // Text chunks cut anywhere (inside escapes, numbers, literals, CRLF) too.
        const at = cuts(text.length)
        const strings = [0, ...at.sort((a, b) => a - b), text.length].slice(1).map((end, i, all) => {
          const start = i === 0 ? 0 : all[i - 1]!
          return text.slice(start, end)
        })
        expect(await collect(streamSyncFeedJson(strings.filter((s) => s !== '')))).toEqual(events)
      }),
      { numRuns: numRuns(25) },
    )
  })

  it('never throws on truncated or mutated text, and fails exactly when the in-memory reading does', async () => {
    const mutations = fc.constantFrom('', '}', ']', ',', ':', '"', '\\', '1', 'x', '\n', '\u0001', '[', '{', 'e', '-')
    await fc.assert(
      fc.asyncProperty(
        arbText,
        fc.double({ min: 0, max: 1, noNaN: true }),
        mutations,
        fc.boolean(),
        async (text, f, m, cut) => {
          const at = Math.floor(f * text.length)
          const bad = cut ? text.slice(0, at) : text.slice(0, at) + m + text.slice(at + 1)
          const events = await collect(streamSyncFeedJson([bad]))
          expectSame(bad, events)
        },
      ),
      { numRuns: numRuns(100) },
    )
  })

  it('names where the text stops being JSON: JSON Pointer and line:column', async () => {
    const cases: Array<[string, Issue]> = [
      [
        '{"$resources": [{"$uuid": "a"},\n  {"$uuid": "b", }]}',
        jsonFault(
          'not-well-formed',
          '/$resources/1',
          `not JSON at 2:18: expected a member name in quotes, found "}"`,
          2,
          18,
        ),
      ],
      [
        '{"$title": "t",\r\n"$resources": [{"a": 1} {"b": 2}]}',
        jsonFault('not-well-formed', '/$resources/0', `not JSON at 2:25: expected ',' or ']', found "{"`, 2, 25),
      ],
      [
        '{"$resources": [{"a": [tru]}]}',
        jsonFault(
          'not-well-formed',
          '/$resources/0/a/0',
          'not JSON at 1:27: expected "e" (true, false or null)',
          1,
          27,
        ),
      ],
      [
        '{"$resources": [{"a": "x\\q"}]}',
        jsonFault('not-well-formed', '/$resources/0/a', 'not JSON at 1:26: \\q is not an escape JSON knows', 1, 26),
      ],
      [
        '{"$resources": [{"a": 01}]}',
        jsonFault('not-well-formed', '/$resources/0/a', `not JSON at 1:24: expected ',' or '}', found "1"`, 1, 24),
      ],
      [
        '{"$resources": [',
        jsonFault('incomplete', '/$resources/0', 'not JSON at 1:17: the text ends too early', 1, 17),
      ],
      [
        '{"$resources": [{"b": [1, 2',
        jsonFault('incomplete', '/$resources/0/b/1', 'not JSON at 1:28: the text ends too early', 1, 28),
      ],
      [
        '{"$resources": []} x',
        jsonFault('not-well-formed', '', 'not JSON at 1:20: expected the end of the text, found "x"', 1, 20),
      ],
      ['  ', jsonFault('not-well-formed', '', 'not JSON at 1:3: no JSON value', 1, 3)],
      [
        '{"$resources": [], "$resources": []}',
        jsonFault(
          'not-well-formed',
          '/$resources',
          'not JSON at 1:34: a streamed array appears twice (JSON keeps the last; a stream cannot go back)',
          1,
          34,
        ),
      ],
    ]
    for (const [text, issue] of cases) {
      const events = await collect(streamSyncFeedJson([text]))
      expect(events[events.length - 1], text).toStrictEqual({ type: 'error', issues: [issue] })
    }
  })

  it('gives the entries before a fault, the head first, and entry issues at their index', async () => {
    const text = `{"$syncMode": "catchUp", "$resources": [{"$uuid": "u1"}, {"$syncState": {"tick": -1}}], "$title": "x"}`
    const events = await collect(streamSyncFeedJson([text]))
    expect(events.map((e) => e.type)).toEqual(['head', 'entry', 'error'])
    expect(events[0]).toMatchObject({ type: 'head', feed: { syncMode: 'catchUp', entries: [] } })
    const error = events[2] as { issues: Array<{ path: string }> }
    expect(error.issues.length).toBeGreaterThan(0)
    for (const issue of error.issues) expect(issue.path.startsWith('/$resources/1')).toBe(true)
    const r = inMemory(text)
    if (r === undefined || r._tag === 'Right') throw new Error('expected the codec to refuse the feed')
    for (const issue of error.issues) expect(reportJsonErrors(r.left)).toContainEqual(issue)
  })

  it('holds one element at a time: maxLength bounds an element, not the feed', async () => {
    const entry = JSON.stringify({ $uuid: 'x'.repeat(50) })
    const text = `{"$resources": [${Array.from({ length: 200 }, () => entry).join(',')}]}`
    const events = await collect(streamSyncFeedJson([text], { parse: { maxLength: 200 } }))
    expect(events.filter((e) => e.type === 'entry')).toHaveLength(200)
    const big = await collect(
      streamSyncFeedJson([text.replace('x'.repeat(50), 'x'.repeat(300))], { parse: { maxLength: 200 } }),
    )
    expect(big[big.length - 1]).toMatchObject({ type: 'error', issues: [{ path: '/$resources/0' }] })
  })

  it('reads a feed inside an envelope, and ends a failing source with an error event', async () => {
    const feed = SyncFeedJson.encode({ links: [], diagnoses: [], extensions: [], entries: [], syncMode: 'immediate' })
    const text = JSON.stringify({ kind: 'feed', value: feed })
    const events = await collect(streamSyncFeedJson([text], { at: ['value'] }))
    expect(events[events.length - 1]).toMatchObject({ type: 'end', feed: { syncMode: 'immediate' } })
    async function* failing() {
      yield '{"$resources": ['
      throw new Error('network down')
    }
    const failed = await collect(streamSyncFeedJson(failing()))
    expect(failed[failed.length - 1]).toEqual({
      type: 'error',
      issues: [wholeFault('incomplete', 'the source failed: network down')],
    })
  })
})
