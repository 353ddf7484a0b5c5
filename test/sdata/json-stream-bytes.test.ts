// streamSyncFeedJson's faults of the source: a malformed byte is the issue decodeBytes gives for the same bytes
// whole (code, message, offset, line:column), however they are cut; a chunk of another type is `unexpected`; only a
// source that fails is `incomplete`. Generated feeds as JSON bytes with one malformed byte, in random chunks.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SyncFeedJson, streamSyncFeedJson } from '../../src/sdata/index'
import { arbSyncFeed } from '../../src/testing/arbitraries/index'
import { decodeBytes, type Issue } from '../../src/xml/index'
import { corrupt, utf8Encode } from '../support/bytes'
import { wholeFault, xmlFault } from '../support/issues'
import { numRuns } from '../support/runtime'
import {
  arbCorruption,
  arbCuts,
  collect,
  cutByteArray,
  type SourceKind,
  sourceOf,
  streamedIssues,
} from '../support/stream'

/** The issues of bytes that do not decode, as the in-memory decode gives them. */
function inMemory(bytes: Uint8Array): Issue[] {
  const r = decodeBytes(bytes)
  if (r._tag === 'Right') throw new Error('expected bytes that do not decode')
  return r.left
}

describe('streamSyncFeedJson: faults of the source', () => {
  const text = '{\r\n  "$resources": [\r\n    { "$uuid": "a" },\r\n    { "$uuid": "b\u00e9" }\r\n  ]\r\n}'
  const good = utf8Encode(text)
  const at = good.indexOf(0xc3)
  const bad = Uint8Array.from([...good.subarray(0, at), 0xff, ...good.subarray(at + 1)])
  const issue = {
    ...xmlFault('undecodable', `malformed UTF-8 at byte offset ${at} (bytes FF A9 22 20)`, 4, 18),
    offset: at,
  }

  it('a malformed byte: undecodable at its line:column and offset, after the entries before it, in any chunks', async () => {
    expect(inMemory(bad)).toEqual([issue])
    for (const chunks of [[bad], Array.from(bad, (b) => Uint8Array.of(b)), cutByteArray(bad, [at - 4, at + 1])]) {
      const events = await collect(streamSyncFeedJson(chunks))
      expect(streamedIssues(events), `${chunks.length} chunks`).toEqual([issue])
      expect(events.every((e) => e.type === 'error' || e.type === 'head' || e.type === 'entry')).toBe(true)
    }
    const cut = await collect(streamSyncFeedJson(cutByteArray(bad, [text.indexOf('{ "$uuid": "b')])))
    expect(cut.map((e) => e.type)).toEqual(['head', 'entry', 'error'])
  })

  it('a chunk of another type is unexpected, and a failing source incomplete', async () => {
    expect(streamedIssues(await collect(streamSyncFeedJson(['{', 42 as never])))).toEqual([
      wholeFault('unexpected', 'expected chunks of text or bytes, found number'),
    ])
    expect(streamedIssues(await collect(streamSyncFeedJson(7 as never)))).toEqual([
      wholeFault('unexpected', 'expected an async iterable, an iterable or a ReadableStream of strings or bytes'),
    ])
    async function* failing() {
      yield good.subarray(0, at)
      throw new Error('network down')
    }
    expect(streamedIssues(await collect(streamSyncFeedJson(failing())))).toEqual([
      wholeFault('incomplete', 'the source failed: network down'),
    ])
  })
})

const SOURCES: SourceKind[] = ['array', 'async', 'readable']

describe('property: a generated feed as JSON bytes with one malformed byte, streamed in any chunks', () => {
  const arbText = fc
    .tuple(arbSyncFeed({ maxEntries: 3 }), fc.constantFrom(0, 2, '\t'), fc.boolean())
    .map(([feed, indent, crlf]) => {
      const json = JSON.stringify(SyncFeedJson.encode(feed), null, indent)
      return crlf ? json.replaceAll('\n', '\r\n') : json
    })

  it('gives the issue decodeBytes gives for the same bytes (code, message, offset, line:column)', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbText,
        fc.boolean(),
        arbCorruption(),
        arbCuts(),
        fc.constantFrom(...SOURCES),
        async (json, bom, corruption, cuts, kind) => {
          const bad = corrupt(utf8Encode(`${bom ? '\uFEFF' : ''}${json}`), corruption)
          const chunks = sourceOf(kind, cutByteArray(bad, cuts(bad.length)))
          const events = await collect(streamSyncFeedJson(chunks))
          expect(streamedIssues(events)).toEqual(inMemory(bad))
          expect(events.some((e) => e.type === 'end')).toBe(false)
        },
      ),
      { numRuns: numRuns(150) },
    )
  })
})

// A byte-order mark is kept as U+FEFF by the in-memory decode, and JSON.parse refuses a second one after the one the
// readers drop: streamed, the bytes are refused too, as the text that starts with the same two marks is, and the mark
// is no column (the fault at 1:1, a fault later on the first line where it is without the mark).
describe('streamSyncFeedJson: a byte-order mark, then a second U+FEFF', () => {
  const json = '{"$resources": [{"$uuid": "a"}]}'
  const utf16 = (text: string, littleEndian: boolean): number[] =>
    Array.from(text, (c) => {
      const u = c.charCodeAt(0)
      return littleEndian ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]
    }).flat()
  const MARKS: Array<[string, (text: string) => Uint8Array]> = [
    ['UTF-8', (t) => Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8Encode(t)])],
    ['UTF-16LE', (t) => Uint8Array.from([0xff, 0xfe, ...utf16(t, true)])],
    ['UTF-16BE', (t) => Uint8Array.from([0xfe, 0xff, ...utf16(t, false)])],
  ]
  const chunkings = (bytes: Uint8Array) => [
    [bytes],
    Array.from(bytes, (b) => Uint8Array.of(b)),
    cutByteArray(bytes, [3]),
  ]

  it.each(MARKS)('a %s mark and a second U+FEFF: refused at 1:1, as in memory and as text', async (_, encode) => {
    const bytes = encode(`\uFEFF${json}`)
    const text = decodeBytes(bytes)
    if (text._tag === 'Left') throw new Error('expected the bytes to decode')
    expect(() => JSON.parse(text.right.slice(1))).toThrow()
    const [issue] = streamedIssues(await collect(streamSyncFeedJson([`\uFEFF\uFEFF${json}`])))
    expect(issue).toMatchObject({ code: 'not-well-formed', line: 1, column: 1 })
    for (const chunks of chunkings(bytes)) {
      expect(streamedIssues(await collect(streamSyncFeedJson(chunks))), `${chunks.length} chunks`).toEqual([issue])
    }
    expect(await collect(streamSyncFeedJson(chunkings(encode(json))[1]!))).toHaveLength(3) // head, entry, end
  })

  it.each(MARKS)('a %s mark is no column: a fault on the first line is placed as without it', async (_, encode) => {
    const bad = '{"$resources": [}]}'
    const [issue] = streamedIssues(await collect(streamSyncFeedJson([bad])))
    expect(issue).toMatchObject({ line: 1, column: bad.indexOf('}') + 1 })
    expect(streamedIssues(await collect(streamSyncFeedJson([`\uFEFF${bad}`])))).toEqual([issue])
    for (const chunks of chunkings(encode(bad))) {
      expect(streamedIssues(await collect(streamSyncFeedJson(chunks))), `${chunks.length} chunks`).toEqual([issue])
    }
  })
})
