// Arbitrary bytes in Shift_JIS, EUC-JP and the single-byte encodings, decoded whole and streamed. What each gives is
// worked out here from the WHATWG Encoding Standard's decoders, independently of the library: which bytes make up a
// character (Shift_JIS: a lead byte 81–9F or E0–FC and the byte after it, whatever it is; EUC-JP: 8E or A1–FE and
// the byte after it, 8F, a byte A1–FE and the byte after that; every other byte alone), and whether that character
// decodes, as the runtime's TextDecoder reads it alone (ISO-8859-1, US-ASCII and windows-1252 by their tables, which
// syncwire decodes itself). The first character that does not decode is the fault: its first byte is named, a lead
// byte before an ASCII byte included (the standard's decoder reads that ASCII byte again; it is not part of the
// character), and a character the input's end cuts off is one that ends inside a character. Streamed in any chunks
// (cut inside a two-byte character or an EUC-JP 8F sequence too), a document gives what the in-memory decode gives.
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { reportErrors } from '../../src/codec/index'
import { SyncFeedXml, streamSyncFeed } from '../../src/sdata/index'
import { decodeBytes, type Issue, malformedOffset } from '../../src/xml/index'
import { xmlFault } from '../support/issues'
import { numRuns } from '../support/runtime'
import { arbCuts, collect, cutByteArray, streamedIssues } from '../support/stream'

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0))
const hex = (bytes: number[]): string => bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ')
const inRange = (b: number | undefined, low: number, high: number): boolean => b !== undefined && b >= low && b <= high

// windows-1252 bytes 80–9F, from the standard's index windows-1252 (every other byte is U+00XX).
const WINDOWS_1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
]

/** The label a document declares, and the decoder's name (as the messages give it, upper-cased). */
const ENCODINGS: [label: string, name: string][] = [
  ['Shift_JIS', 'shift_jis'],
  ['EUC-JP', 'euc-jp'],
  ['ISO-8859-1', 'iso-8859-1'],
  ['US-ASCII', 'us-ascii'],
  ['windows-1252', 'windows-1252'],
  ['windows-1250', 'windows-1250'],
  ['windows-1253', 'windows-1253'],
  ['windows-1255', 'windows-1255'],
  ['windows-874', 'windows-874'],
  ['KOI8-U', 'koi8-u'],
  ['ISO-8859-8', 'iso-8859-8'],
  ['IBM866', 'ibm866'],
]

/** How many bytes the character at `i` has, as the standard's decoder for `name` reads them. */
function width(name: string, bytes: number[], i: number): number {
  const b = bytes[i]!
  if (name === 'shift_jis') return inRange(b, 0x81, 0x9f) || inRange(b, 0xe0, 0xfc) ? 2 : 1
  if (name !== 'euc-jp') return 1
  if (b === 0x8f) return inRange(bytes[i + 1], 0xa1, 0xfe) ? 3 : 2
  return b === 0x8e || inRange(b, 0xa1, 0xfe) ? 2 : 1
}

/** The one character `bytes` are in `name`, or `undefined` when they are not one. */
function character(name: string, bytes: number[]): string | undefined {
  const b = bytes[0]!
  if (name === 'iso-8859-1') return String.fromCharCode(b)
  if (name === 'us-ascii') return b < 0x80 ? String.fromCharCode(b) : undefined
  if (name === 'windows-1252') return String.fromCharCode(inRange(b, 0x80, 0x9f) ? WINDOWS_1252[b - 0x80]! : b)
  try {
    const text = new TextDecoder(name, { fatal: true }).decode(Uint8Array.from(bytes))
    return [...text].length === 1 ? text : undefined
  } catch {
    return undefined
  }
}

type Expected = { text: string } | { at: number; cut: boolean; before: string }

/** The text of `bytes` in `name`, or where the first character that does not decode starts. */
function expected(name: string, bytes: number[]): Expected {
  let text = ''
  for (let i = 0; i < bytes.length; ) {
    const n = width(name, bytes, i)
    if (i + n > bytes.length) return { at: i, cut: true, before: text }
    const c = character(name, bytes.slice(i, i + n))
    if (c === undefined) return { at: i, cut: false, before: text }
    text += c
    i += n
  }
  return { text }
}

// Bytes that make the interesting cases likely: lead bytes of both encodings (and EUC-JP's 8E, 8F), bytes no
// character starts with, trail bytes in the ASCII range, line breaks, and any byte at all.
const BYTE = fc.oneof(
  fc.constantFrom(0x81, 0x82, 0x93, 0x9f, 0xe0, 0xfa, 0xfc, 0x8e, 0x8f, 0xa1, 0xa4, 0xb0, 0xc6, 0xf3, 0xfe),
  fc.constantFrom(0x80, 0xa0, 0xff, 0xfd, 0x40, 0x5c, 0x7e, 0x7f, 0x3c, 0x61, 0x0a, 0x0d),
  fc.integer({ min: 0, max: 0xff }),
)

describe('bytes in a legacy encoding decoded whole: the text, or the first byte of the first bad character', () => {
  // The document's first two lines are ASCII; the bytes start line 3, after a CRLF.
  const head = (label: string) => ascii(`<?xml version="1.0" encoding="${label}"?>\n<a>x\r\n`)

  it('decodeBytes and malformedOffset agree with the standard’s reading', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ENCODINGS), fc.array(BYTE, { maxLength: 12 }), ([label, name], body) => {
        const first = head(label)
        const bytes = Uint8Array.from([...first, ...body])
        const want = expected(name, body)
        const decoded = decodeBytes(bytes)
        if ('text' in want) {
          expect(decoded).toEqual(E.right(String.fromCharCode(...first) + want.text))
          expect(malformedOffset(Uint8Array.from(body), name)).toBeUndefined()
          return
        }
        const offset = first.length + want.at
        const lines = want.before.split(/\r\n|\r|\n/)
        const message = want.cut
          ? `the input ends inside a ${name.toUpperCase()} character (byte offset ${offset})`
          : `malformed ${name.toUpperCase()} at byte offset ${offset} (bytes ${hex(body.slice(want.at, want.at + 4))})`
        const issue: Issue = { ...xmlFault('undecodable', message, 2 + lines.length, lines.at(-1)!.length + 1), offset }
        expect(decoded).toEqual(E.left([issue]))
        expect(malformedOffset(Uint8Array.from(body), name)).toBe(want.at)
      }),
      { numRuns: numRuns(3000) },
    )
  })

  it.each([
    // A lead byte before an ASCII byte: the lead is named, the ASCII byte is shown after it.
    ['Shift_JIS', [0x61, 0x93, 0x3c, 0x62], 1, 'malformed SHIFT_JIS at byte offset 1 (bytes 93 3C 62)'],
    ['EUC-JP', [0x61, 0xa4, 0x0a, 0x62], 1, 'malformed EUC-JP at byte offset 1 (bytes A4 0A 62)'],
    ['EUC-JP', [0x61, 0x8e, 0x41], 1, 'malformed EUC-JP at byte offset 1 (bytes 8E 41)'],
    // 8F and a byte A1–FE need a third byte: an ASCII one names the 8F.
    ['EUC-JP', [0x61, 0x8f, 0xb0, 0x3c], 1, 'malformed EUC-JP at byte offset 1 (bytes 8F B0 3C)'],
    ['EUC-JP', [0x61, 0x8f, 0x41], 1, 'malformed EUC-JP at byte offset 1 (bytes 8F 41)'],
    // Cut off by the end: the lead byte is named.
    ['EUC-JP', [0x61, 0x8f, 0xb0], 1, 'the input ends inside a EUC-JP character (byte offset 1)'],
    ['Shift_JIS', [0x61, 0xe0], 1, 'the input ends inside a SHIFT_JIS character (byte offset 1)'],
    // Bytes no character has, in every runtime.
    ['Shift_JIS', [0x61, 0xa0], 1, 'malformed SHIFT_JIS at byte offset 1 (bytes A0)'],
    ['windows-1253', [0x61, 0xd2], 1, 'malformed WINDOWS-1253 at byte offset 1 (bytes D2)'],
    ['windows-1255', [0x61, 0xd9, 0x62], 1, 'malformed WINDOWS-1255 at byte offset 1 (bytes D9 62)'],
    ['US-ASCII', [0x61, 0x80], 1, 'malformed US-ASCII at byte offset 1 (bytes 80)'],
  ] as [string, number[], number, string][])('%s %j: named at byte %i of the body', (label, body, at, message) => {
    const first = head(label)
    const bytes = Uint8Array.from([...first, ...body])
    const offset = first.length + at
    // The message's offset counts the declaration's bytes too.
    const text = message.replace(/offset \d+/, `offset ${offset}`)
    expect(decodeBytes(bytes)).toEqual(E.left([{ ...xmlFault('undecodable', text, 3, 2), offset }]))
  })
})

describe('every byte of the three single-byte encodings syncwire decodes itself', () => {
  const all = Array.from({ length: 256 }, (_, b) => b)
  const decoded = (label: string, body: number[]) =>
    decodeBytes(Uint8Array.from([...ascii(`<?xml version="1.0" encoding="${label}"?>`), ...body]))
  const text = (label: string, codes: number[]) =>
    E.right(`<?xml version="1.0" encoding="${label}"?>${String.fromCharCode(...codes)}`)

  it('ISO-8859-1: byte XX is U+00XX, as XML names it (not windows-1252, which TextDecoder reads the label as)', () => {
    expect(decoded('ISO-8859-1', all)).toEqual(text('ISO-8859-1', all))
  })

  it('windows-1252: the standard’s index, 80–9F included (81, 8D, 8F, 90, 9D stay U+0081 …)', () => {
    const codes = all.map((b) => (inRange(b, 0x80, 0x9f) ? WINDOWS_1252[b - 0x80]! : b))
    expect(decoded('windows-1252', all)).toEqual(text('windows-1252', codes))
  })

  it('US-ASCII: 00–7F are themselves; each byte 80–FF is refused at its offset (not read as windows-1252)', () => {
    expect(decoded('US-ASCII', all.slice(0, 0x80))).toEqual(text('US-ASCII', all.slice(0, 0x80)))
    for (const b of all.slice(0x80)) {
      const r = decoded('US-ASCII', [0x61, b, 0x62])
      expect(E.isLeft(r) && r.left[0]!.message, hex([b])).toMatch(/^malformed US-ASCII at byte offset 42 /)
    }
  })

  // IANA's character-set registry: US-ASCII's name and every alias a declaration can write (XML's EncName has no
  // `:`, so `ISO_646.irv:1991` is left out here).
  it.each([
    'US-ASCII',
    'ANSI_X3.4-1968',
    'ANSI_X3.4-1986',
    'iso-ir-6',
    'ISO646-US',
    'us',
    'IBM367',
    'cp367',
    'csASCII',
  ])('US-ASCII declared as %s: read as US-ASCII, 80 refused', (label) => {
    expect(decoded(label, all.slice(0x20, 0x80))).toEqual(text(label, all.slice(0x20, 0x80)))
    const r = decoded(label, [0x61, 0x80])
    expect(E.isLeft(r) && r.left[0]!.message).toMatch(/^malformed US-ASCII at byte offset \d+ /)
  })
})

describe('streamed in any chunks, a document in a legacy encoding gives what the in-memory decode gives', () => {
  // The bytes are a feed's title: its text when they decode and make XML text, else the in-memory issues.
  const feed = (label: string, body: number[]) =>
    Uint8Array.from([
      ...ascii(`<?xml version="1.0" encoding="${label}"?>\r\n<feed xmlns="http://www.w3.org/2005/Atom"><title>`),
      ...body,
      ...ascii('</title></feed>'),
    ])

  it('the same title, or the same issues (message, byte offset, line:column)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ENCODINGS),
        fc.array(BYTE, { maxLength: 12 }),
        arbCuts(),
        async ([label], body, cuts) => {
          const bytes = feed(label, body)
          const whole = SyncFeedXml.decode(bytes)
          const events = await collect(streamSyncFeed(cutByteArray(bytes, cuts(bytes.length))))
          if (E.isLeft(whole)) expect(streamedIssues(events)).toEqual(reportErrors(whole.left))
          else expect(events.at(-1)).toMatchObject({ type: 'end', feed: { title: whole.right.title } })
        },
      ),
      { numRuns: numRuns(600) },
    )
  })
})
