// ISO-2022-JP streamed: an undecodable byte is the issue the in-memory decode of the same bytes gives (message, byte
// offset of the character's first byte, line:column), however the bytes are cut, though its escape sequences change
// what every byte after them means. Documents of ASCII, JIS X 0208 (ESC $ B), JIS-Roman (ESC ( J), katakana
// (ESC ( I) and line breaks, written here byte by byte (the platform's TextDecoder reads them back, checked below),
// then one fault.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { streamSyncFeed } from '../../src/sdata/index'
import { decodeBytes, type Issue } from '../../src/xml/index'
import { xmlFault } from '../support/issues'
import { numRuns } from '../support/runtime'
import { arbCuts, collect, cutByteArray, streamedIssues } from '../support/stream'

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0))
const ESC = 0x1b
const TO_JIS = [ESC, 0x24, 0x42]
const TO_ASCII = [ESC, 0x28, 0x42]
const TO_ROMAN = [ESC, 0x28, 0x4a]
// 日本 亜 あ ア in JIS X 0208.
const KANJI = [
  [0x46, 0x7c],
  [0x4b, 0x5c],
  [0x30, 0x21],
  [0x24, 0x22],
  [0x25, 0x22],
]

const HEAD = ascii('<?xml version="1.0" encoding="ISO-2022-JP"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>')
const TAIL = ascii('</title></feed>')

/** The in-memory decode's one issue for bytes that do not decode, or `undefined` when they do. */
function whole(bytes: Uint8Array): Issue | undefined {
  const r = decodeBytes(bytes)
  if (r._tag === 'Right') return undefined
  expect(r.left).toHaveLength(1)
  return r.left[0]
}

const streamed = async (chunks: Uint8Array[]) => streamedIssues(await collect(streamSyncFeed(chunks)))
const oneByOne = (bytes: Uint8Array) => Array.from(bytes, (b) => Uint8Array.of(b))

describe('ISO-2022-JP streamed: the fault the in-memory decode names', () => {
  const run = [...TO_JIS, ...KANJI.flat(), ...TO_ASCII]
  const good = Uint8Array.from([...HEAD, ...ascii('ab'), ...run, ...ascii('\r\ncd'), ...TAIL])

  it('the platform reads the test bytes as JIS X 0208', () => {
    expect(new TextDecoder('iso-2022-jp', { fatal: true }).decode(Uint8Array.from(run))).toBe('日本亜あア')
    expect(whole(good)).toBeUndefined()
  })

  it('a byte no character has, after a run of two-byte characters: its offset and line:column', async () => {
    const at = HEAD.length + 2 + run.length + 3 // the "d" of "cd"
    const bad = Uint8Array.from(good)
    bad[at] = 0x80
    const issue = whole(bad)!
    expect(issue).toEqual({
      ...xmlFault('undecodable', `malformed ISO-2022-JP at byte offset ${at} (bytes 80 3C 2F 74)`, 3, 2),
      offset: at,
    })
    for (const chunks of [[bad], oneByOne(bad), cutByteArray(bad, [at - 1]), cutByteArray(bad, [at, at + 1])]) {
      expect(await streamed(chunks), `${chunks.length} chunks`).toEqual([issue])
    }
  })

  it('a two-byte character whose second byte cannot follow: named at its first byte, cut anywhere', async () => {
    const at = HEAD.length + 2 + TO_JIS.length + 2 // 本
    const bad = Uint8Array.from(good)
    bad[at + 1] = 0x80
    const issue = whole(bad)!
    expect(issue).toMatchObject({ code: 'undecodable', offset: at, line: 2 })
    for (const cut of [at - 3, at - 1, at, at + 1, at + 2]) {
      expect(await streamed(cutByteArray(bad, [cut])), `cut at ${cut}`).toEqual([issue])
    }
    expect(await streamed(oneByOne(bad))).toEqual([issue])
  })

  it('a two-byte character the end cuts off, and an escape sequence cut off: named at their first byte', async () => {
    // Told by the bytes from the fault alone, whole and streamed: a first byte 46 reads as "F" without the escape
    // sequence before it (malformed), ESC $ as the start of one (the input ends inside it).
    const ends: Array<[number[], number, string]> = [
      [[...TO_JIS, 0x46], 1, 'malformed ISO-2022-JP at byte offset AT (bytes 46)'],
      [[ESC, 0x24], 2, 'the input ends inside a ISO-2022-JP character (byte offset AT)'],
    ]
    for (const [end, back, message] of ends) {
      const bad = Uint8Array.from([...HEAD, ...ascii('ab'), ...end])
      const at = bad.length - back
      const issue = whole(bad)!
      expect(issue).toEqual({ ...xmlFault('undecodable', message.replace('AT', `${at}`), 2, 52), offset: at })
      for (const chunks of [[bad], oneByOne(bad), cutByteArray(bad, [bad.length - 1])]) {
        expect(await streamed(chunks), `${chunks.length} chunks`).toEqual([issue])
      }
    }
  })
})

describe('ISO-2022-JP streamed: each document cut at every byte', () => {
  // A line break after a two-byte run (which some decoders end the run at, others refuse), a fault after an odd
  // number of two-byte characters, a katakana run, an escape sequence right after another, one cut off at the end.
  const documents: Array<[string, number[]]> = [
    ['a line break after a two-byte run', [...TO_JIS, ...KANJI[2]!, 0x0a, ...ascii('defghij'), ...ascii('ab'), 0x80]],
    ['a bad second byte after five characters', [...TO_JIS, ...KANJI.flat(), 0x30, 0x80, ...TO_ASCII]],
    ['a katakana run', [ESC, 0x28, 0x49, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x80]],
    ['two escape sequences in a row', [...ascii('a'), ...TO_JIS, ...TO_ASCII, ...ascii('b')]],
    ['an escape sequence cut off', [...TO_ROMAN, ...ascii('xyzzy'), ...TO_JIS, ...KANJI[0]!, ESC, 0x24]],
  ]
  it.each(documents)('%s', async (_, body) => {
    const bytes = Uint8Array.from([...HEAD, ...body, ...(body[body.length - 1] === 0x24 ? [] : TAIL)])
    const issue = whole(bytes)!
    expect(issue).toMatchObject({ code: 'undecodable' })
    for (let cut = HEAD.length; cut < bytes.length; cut++) {
      expect(await streamed(cutByteArray(bytes, [cut])), `cut at ${cut}`).toEqual([issue])
    }
    expect(await streamed(oneByOne(bytes))).toEqual([issue])
  })
})

describe('property: ISO-2022-JP bytes with one fault, streamed in any chunks', () => {
  const arbSegment = fc.oneof(
    fc.constantFrom(...['a', 'bc', 'defghij', ' ', '\n', '\r\n', '\r'].map(ascii)),
    fc
      .array(fc.constantFrom(...KANJI), { minLength: 0, maxLength: 4 })
      .map((cs) => [...TO_JIS, ...cs.flat(), ...TO_ASCII]),
    fc.array(fc.constantFrom(...KANJI), { minLength: 1, maxLength: 3 }).map((cs) => [...TO_JIS, ...cs.flat()]),
    fc.constant([...TO_ROMAN, ...ascii('xy'), ...TO_ASCII]),
    fc.constant(TO_ROMAN),
    fc.constant([ESC, 0x28, 0x49, 0x31, 0x32]), // ｱｲ, half-width katakana
  )
  const arbFault = fc.constantFrom([0x80], [0xff], [ESC], [ESC, 0x28, 0x5a], [0x0e], [0x21], [0x0a], [0x1b, 0x24])

  it('gives the issue decodeBytes gives (code, message, offset, line:column) or none', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbSegment, { maxLength: 8 }),
        arbFault,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        arbCuts(),
        async (segments, fault, where, cutOffEnd, cuts) => {
          const body = segments.flat()
          const at = Math.floor(where * body.length)
          const text = [...body.slice(0, at), ...fault, ...body.slice(at)]
          const bytes = Uint8Array.from([
            ...HEAD,
            ...(cutOffEnd ? text.slice(0, at + fault.length) : [...text, ...TAIL]),
          ])
          const issue = whole(bytes)
          const events = await collect(streamSyncFeed(cutByteArray(bytes, cuts(bytes.length))))
          if (issue === undefined) expect(JSON.stringify(events)).not.toContain('undecodable')
          else expect(streamedIssues(events)).toEqual([issue])
        },
      ),
      { numRuns: numRuns(300) },
    )
  })
})
