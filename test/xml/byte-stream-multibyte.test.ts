// A malformed byte streamed in a multi-byte encoding the runtime's TextDecoder decodes (Shift_JIS, EUC-JP, GBK,
// GB18030, Big5, EUC-KR) is the issue the in-memory decode of the same bytes gives: message, byte offset and
// line:column, however the bytes are cut. The bytes are written here from a few characters of each encoding that the
// platform's TextDecoder reads back (checked below), not by the library.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { streamFileSync } from '../../src/filesync/index'
import { streamSyncFeed } from '../../src/sdata/index'
import { type Issue, parseXml } from '../../src/xml/index'
import { xmlFault } from '../support/issues'
import { numRuns } from '../support/runtime'
import { arbCuts, arbDecoration, collect, cutByteArray, type SourceKind, streamedIssues } from '../support/stream'
import { arbStreamedDocument, decodedIssues, expectStreamedIssues } from '../support/stream-documents'

// Characters of each encoding as bytes, with trail bytes in the ASCII range (Shift_JIS 83 5C, Big5 A4 40), single
// bytes above 0x7F (Shift_JIS B1, GBK 80) and three- and four-byte forms (EUC-JP 8F B0 A1, GB18030 81 30 81 30).
const CHARACTERS: Record<string, number[][]> = {
  Shift_JIS: [[0x93, 0xfa], [0x96, 0x7b], [0x83, 0x5c], [0x95, 0x5c], [0x82, 0xa0], [0xb1], [0x81, 0x40]],
  'EUC-JP': [
    [0xc6, 0xfc],
    [0xcb, 0xdc],
    [0x8e, 0xb1],
    [0x8f, 0xb0, 0xa1],
    [0xa4, 0xa2],
    [0x8f, 0xa2, 0xaf],
  ],
  GBK: [[0xc8, 0xd5], [0xb1, 0xbe], [0x81, 0x40], [0x80], [0xfe, 0x7e]],
  GB18030: [
    [0xc8, 0xd5],
    [0x81, 0x30, 0x81, 0x30],
    [0x90, 0x30, 0x81, 0x30],
    [0x81, 0x40],
  ],
  Big5: [
    [0xa4, 0xe9],
    [0xa5, 0xbb],
    [0xa4, 0x40],
    [0xa1, 0x40],
    [0xf9, 0xfe],
  ],
  'EUC-KR': [
    [0xc7, 0xd1],
    [0xb1, 0xdb],
    [0xa1, 0xa1],
  ],
}
const LABELS = Object.keys(CHARACTERS)

/** A lead byte of each encoding: a character's first byte that needs more after it. */
const LEAD: Record<string, number> = {
  Shift_JIS: 0x93,
  'EUC-JP': 0xa4,
  GBK: 0xc8,
  GB18030: 0xc8,
  Big5: 0xa4,
  'EUC-KR': 0xc7,
}

const platform = (label: string, bytes: Uint8Array | number[], stream = false): string | undefined => {
  try {
    return new TextDecoder(label, { fatal: true }).decode(Uint8Array.from(bytes), { stream })
  } catch {
    return undefined
  }
}

/**
 * `text` in `label`: ASCII as it is, any other character as one of the encoding's characters above (chosen by its
 * code point), and the declaration's encoding made `label`.
 */
function encodeIn(text: string, label: string): Uint8Array {
  const out: number[] = []
  const characters = CHARACTERS[label]!
  for (const c of text.replace(/encoding="[^"]*"/i, `encoding="${label}"`)) {
    const code = c.codePointAt(0)!
    out.push(...(code < 0x80 ? [code] : characters[code % characters.length]!))
  }
  return Uint8Array.from(out)
}

/** The in-memory issues of bytes that do not decode. */
function inMemory(bytes: Uint8Array): Issue[] {
  const r = parseXml(bytes)
  if (r._tag === 'Right') throw new Error('expected bytes that do not decode')
  return r.left
}

const placed = (message: string, line: number, column: number, offset: number): Issue => ({
  ...xmlFault('undecodable', message, line, column),
  offset,
})
const indexOfText = (bytes: Uint8Array, ascii: string) =>
  [...bytes.keys()].find((i) => [...ascii].every((c, k) => bytes[i + k] === c.charCodeAt(0)))!
const oneByOne = (bytes: Uint8Array) => Array.from(bytes, (b) => Uint8Array.of(b))
const streamed = async (chunks: Uint8Array[]) => streamedIssues(await collect(streamSyncFeed(chunks)))

describe('the characters these tests write are what the platform reads', () => {
  it.each(LABELS)('%s: each is one character, its lead byte alone a character cut short', (label) => {
    for (const bytes of CHARACTERS[label]!) expect([...platform(label, bytes)!]).toHaveLength(1)
    expect(platform(label, [LEAD[label]!], true)).toBe('')
    expect(platform(label, [LEAD[label]!, 0x3c])).toBeUndefined()
  })
})

describe('a malformed byte streamed in Shift_JIS, EUC-JP, GBK, GB18030, Big5, EUC-KR is placed as in memory', () => {
  // Two characters in the title, on line 2 (after a CRLF); in Shift_JIS "日本" (à → 93 FA, á → 96 7B).
  const DOC =
    '<?xml version="1.0" encoding="UTF-8"?>\r\n<feed xmlns="http://www.w3.org/2005/Atom"><title>\u00e0\u00e1</title></feed>'
  const sjis = encodeIn(DOC, 'Shift_JIS')
  const title = sjis.indexOf(0x93)
  const line2 = sjis.indexOf(0x0a) + 1
  const column = title - line2 + 1 // of 日; 本 is one column after it
  it('the document as written reads as 日本', async () => {
    expect([...sjis.subarray(title, title + 4)]).toEqual([0x93, 0xfa, 0x96, 0x7b])
    expect(JSON.stringify(await collect(streamSyncFeed([sjis])))).toContain('"title":"\u65e5\u672c"')
  })

  it('a character cut off by the end of the input: the same issue in one chunk, byte by byte, cut before it', async () => {
    // Named at the character's lead byte, the last one, as UTF-8 names a cut-off character.
    const bad = Uint8Array.from([...sjis, 0x0a, 0x93])
    const lead = bad.length - 1
    const issue = placed(`the input ends inside a SHIFT_JIS character (byte offset ${lead})`, 3, 1, lead)
    expect(inMemory(bad)).toEqual([issue])
    for (const chunks of [[bad], oneByOne(bad), cutByteArray(bad, [sjis.length + 1]), cutByteArray(bad, [title + 1])]) {
      expect(await streamed(chunks), `${chunks.length} chunks`).toEqual([issue])
    }
  })

  it('a bad byte that starts a chunk: named at its offset with the bytes from it', async () => {
    const bad = Uint8Array.from([...sjis.subarray(0, title + 2), 0xff, ...sjis.subarray(title + 2)])
    const issue = placed(
      `malformed SHIFT_JIS at byte offset ${title + 2} (bytes FF 96 7B 3C)`,
      2,
      column + 1,
      title + 2,
    )
    expect(inMemory(bad)).toEqual([issue])
    for (const chunks of [cutByteArray(bad, [title + 2]), cutByteArray(bad, [title + 1, title + 2]), oneByOne(bad)]) {
      expect(await streamed(chunks), `${chunks.length} chunks`).toEqual([issue])
    }
  })

  it('a lead byte at the end of a chunk and a byte no character has after it at the start of the next', async () => {
    // 93 then "<": the decoder fails at the "<", and the character it could not read starts at 93, which is named.
    const bad = Uint8Array.from([...sjis.subarray(0, title + 2), 0x93, ...sjis.subarray(title + 4)])
    const issue = placed(
      `malformed SHIFT_JIS at byte offset ${title + 2} (bytes 93 3C 2F 74)`,
      2,
      column + 1,
      title + 2,
    )
    expect(inMemory(bad)).toEqual([issue])
    for (const chunks of [
      [bad],
      cutByteArray(bad, [title + 3]),
      cutByteArray(bad, [title + 1, title + 3, title + 4]),
    ]) {
      expect(await streamed(chunks), `${chunks.length} chunks`).toEqual([issue])
    }
  })

  it('EUC-JP: a three-byte character cut twice decodes; cut short by a fault after a cut, it is placed', async () => {
    const eucjp = encodeIn(DOC.replace('\u00e0\u00e1', '\u00e1\u00e1'), 'EUC-JP') // á → 8F B0 A1 (丂)
    const at = eucjp.indexOf(0x8f)
    expect([...eucjp.subarray(at, at + 6)]).toEqual([0x8f, 0xb0, 0xa1, 0x8f, 0xb0, 0xa1])
    const whole = await collect(streamSyncFeed([eucjp]))
    expect(JSON.stringify(whole)).toContain('"title":"\u4e02\u4e02"')
    expect(await collect(streamSyncFeed(cutByteArray(eucjp, [at + 1, at + 2, at + 4])))).toEqual(whole)
    const bad = Uint8Array.from([...eucjp.subarray(0, at + 5), ...eucjp.subarray(at + 6)]) // 8F B0 then "<"
    const [issue] = inMemory(bad)
    expect(issue).toMatchObject({ code: 'undecodable', line: 2, column: column + 1, offset: at + 3 })
    expect(issue!.message).toBe(`malformed EUC-JP at byte offset ${at + 3} (bytes 8F B0 3C 2F)`)
    for (const chunks of [[bad], oneByOne(bad), ...[at + 3, at + 4, at + 5].map((c) => cutByteArray(bad, [c]))]) {
      expect(await streamed(chunks), `${chunks.length} chunks`).toEqual([issue])
    }
  })

  it('GB18030: a chunk ending 81 30 81 30 81 holds the last 81 only, one ending 81 30 81 all three', async () => {
    const gb = encodeIn(DOC.replace('\u00e0\u00e1', '\u00e1\u00e3'), 'GB18030') // á → 81 30 81 30, ã → 81 40
    const at = gb.indexOf(0x81)
    expect([...gb.subarray(at, at + 6)]).toEqual([0x81, 0x30, 0x81, 0x30, 0x81, 0x40])
    const whole = await collect(streamSyncFeed([gb]))
    expect(JSON.stringify(whole)).toContain('"title":"\u0080\u4e02"')
    expect(await collect(streamSyncFeed(cutByteArray(gb, [at + 5])))).toEqual(whole)
    // Cut after 81 30 81, the three are held (81 alone would be a start too).
    expect(await collect(streamSyncFeed(cutByteArray(gb, [at + 3])))).toEqual(whole)
    // GB18030 has U+FFFD as a character (84 31 A4 37): text, not a fault, in any chunks.
    const fffd = Uint8Array.from([...gb.subarray(0, at), 0x84, 0x31, 0xa4, 0x37, ...gb.subarray(at + 6)])
    const replacement = await collect(streamSyncFeed([fffd]))
    expect(JSON.stringify(replacement)).toContain('"title":"\ufffd"')
    expect(await collect(streamSyncFeed(oneByOne(fffd)))).toEqual(replacement)
    // And a fault after it is placed from the bytes held, at the lead byte 81 it follows.
    const bad = Uint8Array.from([...gb.subarray(0, at + 5), 0x3c, ...gb.subarray(at + 6)])
    const [issue] = inMemory(bad)
    expect(issue).toMatchObject({ code: 'undecodable', line: 2, column: column + 1, offset: at + 4 })
    expect(await streamed(cutByteArray(bad, [at + 5]))).toEqual([issue])
    // 81 30 81 then "<", cut after 81 30 81 (all three held): named at the first 81.
    const long = Uint8Array.from([...gb.subarray(0, at + 3), 0x3c, ...gb.subarray(at + 6)])
    const [longIssue] = inMemory(long)
    expect(longIssue).toMatchObject({ code: 'undecodable', line: 2, column, offset: at })
    expect(longIssue!.message).toBe(`malformed GB18030 at byte offset ${at} (bytes 81 30 81 3C)`)
    for (const cut of [at + 1, at + 2, at + 3]) expect(await streamed(cutByteArray(long, [cut]))).toEqual([longIssue])
  })

  it('streamFileSync places them too, in every one of the encodings', async () => {
    const text = '<?xml version="1.0" encoding="UTF-8"?>\n<Items>\n<Item><Name>\u00e0\u00e1\u00e2</Name></Item></Items>'
    for (const label of LABELS) {
      const good = encodeIn(text, label)
      const at = indexOfText(good, '</Name>')
      const bad = Uint8Array.from([...good.subarray(0, at), LEAD[label]!, ...good.subarray(at)])
      const [issue] = inMemory(bad)
      expect(issue, label).toMatchObject({ code: 'undecodable', line: 3, offset: at })
      for (const chunks of [[bad], oneByOne(bad), cutByteArray(bad, [at + 1])]) {
        expect(streamedIssues(await collect(streamFileSync(chunks))), label).toEqual([issue])
      }
    }
  })
})

const SOURCES: SourceKind[] = ['array', 'async', 'readable']

describe('property: a generated document in a multi-byte encoding with a malformed byte, streamed in any chunks', () => {
  const documents = arbStreamedDocument()
  // The bytes after which the bad ones go: never a character's second byte, so the bad ones are the fault.
  const FREE = new Set([0x09, 0x0a, 0x0d, 0x20, 0x22, 0x27, 0x2f, 0x3c, 0x3d, 0x3e])
  // A lead byte, or a byte no character starts with, before one of those; or a lead byte at the end.
  const bad = fc.record({
    label: fc.constantFrom(...LABELS),
    byte: fc.oneof(fc.constant(undefined), fc.integer({ min: 0x80, max: 0xff })),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
  })

  it('gives the error the in-memory decode gives (message, offset, line:column), after events only', async () => {
    await fc.assert(
      fc.asyncProperty(
        documents,
        arbDecoration(),
        bad,
        arbCuts(),
        fc.constantFrom(...SOURCES),
        async ({ codec, text }, decorate, { label, byte, at }, cuts, kind) => {
          const good = encodeIn(decorate(text), label)
          const places = [...good.keys()].filter((i) => FREE.has(good[i]!))
          places.push(good.length)
          const p = places[Math.floor(at * places.length)]!
          // A byte that is a character before the byte after it is no fault: the lead byte then.
          const inserted =
            byte !== undefined && platform(label, [byte, good[p] ?? 0x3c]) === undefined ? byte : LEAD[label]!
          const bytes = Uint8Array.from([...good.subarray(0, p), inserted, ...good.subarray(p)])
          const expected = decodedIssues(codec, bytes)
          expect(expected[0]).toMatchObject({ path: expect.stringMatching(/^\d+:\d+$/) })
          expect(expected[0]!.message).toMatch(/^(malformed|the input ends inside)/)
          await expectStreamedIssues(codec, bytes, cuts(bytes.length), kind, expected)
        },
      ),
      { numRuns: numRuns(150) },
    )
  })
})
