// A malformed byte streamed is the issue the in-memory decode of the same bytes gives: code, message, byte offset
// and line:column, however the bytes are cut (one chunk, byte by byte, at random), through streamSyncFeed and
// streamFileSync (both on the XML layer's one streaming reader). Events given before the byte stay given.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { streamFileSync } from '../../src/filesync/index'
import { SyncFeedXml, streamSyncFeed } from '../../src/sdata/index'
import { type Issue, parseXml } from '../../src/xml/index'
import { corrupt, utf8Encode } from '../support/bytes'
import { issuesOf } from '../support/decode'
import { xmlFault } from '../support/issues'
import { numRuns } from '../support/runtime'
import {
  arbCorruption,
  arbCuts,
  arbDecoration,
  collect,
  cutByteArray,
  type SourceKind,
  streamedIssues,
} from '../support/stream'
import { arbStreamedDocument, decodedIssues, expectStreamedIssues } from '../support/stream-documents'

const ATOM = 'xmlns="http://www.w3.org/2005/Atom"'
const oneByOne = (bytes: Uint8Array) => Array.from(bytes, (b) => Uint8Array.of(b))
const placed = (message: string, line: number, column: number, offset: number): Issue => ({
  ...xmlFault('undecodable', message, line, column),
  offset,
})

/** The in-memory issues of bytes that do not decode (the parser's, as every codec reports them). */
function inMemory(bytes: Uint8Array): Issue[] {
  const r = parseXml(bytes)
  if (r._tag === 'Right') throw new Error('expected bytes that do not decode')
  return r.left
}

describe('a malformed byte streamed is placed as in memory', () => {
  // "é" is C3 A9; the title's text starts on line 2 (after a CRLF) at column 8.
  const doc = `<feed ${ATOM}>\r\n<title>a\u00e9b</title><entry><title>x</title></entry></feed>`
  const bytes = utf8Encode(doc)
  const at = bytes.indexOf(0xc3)
  const cases: Array<[string, Uint8Array, Issue]> = [
    [
      'a lead byte before ASCII',
      Uint8Array.from([...bytes.subarray(0, at + 1), 0x41, ...bytes.subarray(at + 2)]),
      placed(`malformed UTF-8 at byte offset ${at} (bytes C3 41 62 3C)`, 2, 9, at),
    ],
    [
      'a lone continuation byte',
      Uint8Array.from([...bytes.subarray(0, at), 0xa9, ...bytes.subarray(at + 2)]),
      placed(`malformed UTF-8 at byte offset ${at} (bytes A9 62 3C 2F)`, 2, 9, at),
    ],
    [
      '0xFF',
      Uint8Array.from([...bytes.subarray(0, at), 0xff, ...bytes.subarray(at + 1)]),
      placed(`malformed UTF-8 at byte offset ${at} (bytes FF A9 62 3C)`, 2, 9, at),
    ],
    [
      'a character cut off by the end',
      Uint8Array.from([...bytes, 0xe2, 0x82]),
      placed(`the input ends inside a UTF-8 character (byte offset ${bytes.length})`, 2, 57, bytes.length),
    ],
    [
      'a character cut short inside the text',
      Uint8Array.from([...bytes.subarray(0, at), 0xe2, 0x82, ...bytes.subarray(at)]),
      placed(`malformed UTF-8 at byte offset ${at} (bytes E2 82 C3 A9)`, 2, 9, at),
    ],
  ]

  for (const [name, bad, issue] of cases) {
    it(`${name}: the same issue in one chunk, byte by byte and cut at the fault`, async () => {
      expect(inMemory(bad)).toEqual([issue])
      expect(issuesOf(SyncFeedXml.decode(bad))).toEqual([issue])
      for (const chunks of [[bad], oneByOne(bad), cutByteArray(bad, [at, at + 1]), cutByteArray(bad, [at - 1])]) {
        expect(streamedIssues(await collect(streamSyncFeed(chunks))), `${chunks.length} chunks`).toEqual([issue])
      }
    })
  }

  it('a CRLF cut between two chunks ends one line; a byte-order mark is no column but counts in the offset', async () => {
    const bad = Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes.subarray(0, at), 0xff, ...bytes.subarray(at + 1)])
    const issue = placed(`malformed UTF-8 at byte offset ${at + 3} (bytes FF A9 62 3C)`, 2, 9, at + 3)
    expect(inMemory(bad)).toEqual([issue])
    const crlf = bad.indexOf(0x0a)
    expect(streamedIssues(await collect(streamSyncFeed(cutByteArray(bad, [crlf]))))).toEqual([issue])
    // On the first line, the mark is not a column.
    const first = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8Encode('<feed '), 0xff, ...utf8Encode(`${ATOM}/>`)])
    expect(inMemory(first)).toEqual([placed('malformed UTF-8 at byte offset 9 (bytes FF 78 6D 6C)', 1, 7, 9)])
    expect(streamedIssues(await collect(streamSyncFeed(oneByOne(first))))).toEqual(inMemory(first))
  })

  it('after the events of what came before it: they stay given, then the error event places the byte', async () => {
    const entries = '<entry><title>one</title></entry>\n<entry><title>tw\u00e9</title></entry>'
    const good = utf8Encode(`<feed ${ATOM}>\n<title>t</title>\n${entries}\n</feed>`)
    const second = good.indexOf(0xc3)
    const bad = Uint8Array.from([...good.subarray(0, second), 0xff, ...good.subarray(second + 1)])
    const issue = placed(`malformed UTF-8 at byte offset ${second} (bytes FF A9 3C 2F)`, 4, 17, second)
    expect(inMemory(bad)).toEqual([issue])
    const events = await collect(streamSyncFeed(cutByteArray(bad, [second - '<entry><title>tw'.length])))
    expect(events.map((e) => e.type)).toEqual(['head', 'entry', 'error'])
    expect(streamedIssues(events)).toEqual([issue])
    expect(streamedIssues(await collect(streamSyncFeed([bad])))).toEqual([issue])
  })

  it('a source that fails after a malformed byte still gives that byte first; after a cut character, incomplete', async () => {
    const head = utf8Encode(`<feed ${ATOM}>\n<title>`)
    async function* failing(last: number[]) {
      yield head
      yield Uint8Array.from(last)
      throw new Error('connection reset')
    }
    // 0xFF, and a lead byte with a continuation no character has after it: malformed whatever comes next.
    for (const last of [[0xff], [0xe0, 0x80]]) {
      const bad = Uint8Array.from([...head, ...last])
      const [issue] = inMemory(bad)
      expect(issue).toMatchObject({ code: 'undecodable', line: 2, column: 8, offset: head.length })
      expect(streamedIssues(await collect(streamSyncFeed(failing(last))))).toEqual([issue])
    }
    // A lead byte the next bytes may complete: the source's own failure is what is known.
    expect(streamedIssues(await collect(streamSyncFeed(failing([0xe2]))))).toEqual([
      { ...xmlFault('incomplete', 'the source failed: connection reset') },
    ])
  })

  it('UTF-16 and US-ASCII faults are placed as in memory too (streamFileSync)', async () => {
    const text = '<Items>\n<Item><Name>ab</Name></Item></Items>'
    const le = new Uint8Array(2 + text.length * 2)
    le.set([0xff, 0xfe])
    for (let i = 0; i < text.length; i++) le[2 + 2 * i] = text.charCodeAt(i)
    const high = 2 + 2 * text.indexOf('ab')
    le.set([0x3d, 0xd8], high) // a high surrogate before "b": malformed
    const ascii = utf8Encode(`<?xml version="1.0" encoding="US-ASCII"?>\n${text.replace('ab', 'a\u00e9')}`)
    for (const bad of [le, ascii]) {
      const [issue] = inMemory(bad)
      expect(issue).toMatchObject({ code: 'undecodable', line: bad === le ? 2 : 3 })
      for (const chunks of [[bad], oneByOne(bad)]) {
        expect(streamedIssues(await collect(streamFileSync(chunks)))).toEqual([issue])
      }
    }
  })
})

const SOURCES: SourceKind[] = ['array', 'async', 'readable']

describe('property: a generated document with one malformed byte, streamed in any chunks', () => {
  const documents = arbStreamedDocument()

  it('gives the error the in-memory decode gives (code, message, offset, line:column), after events only', async () => {
    await fc.assert(
      fc.asyncProperty(
        documents,
        arbDecoration(),
        fc.boolean(),
        arbCorruption(),
        arbCuts(),
        fc.constantFrom(...SOURCES),
        async ({ codec, text }, decorate, bom, corruption, cuts, kind) => {
          const good = utf8Encode(`${bom ? '\uFEFF' : ''}${decorate(text)}`)
          const bad = corrupt(good, corruption)
          await expectStreamedIssues(codec, bad, cuts(bad.length), kind, decodedIssues(codec, bad))
        },
      ),
      { numRuns: numRuns(150) },
    )
  })
})
