// Encoding labels as IANA's character-set registry spells them (XML 1.0 §4.3.3 asks for its names): each name and
// alias of the encodings syncwire decodes itself names that encoding, in any case, whole and streamed; a label
// nobody knows is refused at its place in the declaration. The registry's entries are written out here by hand.
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { reportErrors } from '../../src/codec/index'
import { SyncFeedXml, streamSyncFeed } from '../../src/sdata/index'
import { decodeBytes, malformedOffset, parseXml, sniffEncoding } from '../../src/xml/index'
import { xmlFault } from '../support/issues'
import { collect, cutByteArray, streamedIssues } from '../support/stream'

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0))
const declared = (label: string, body: number[]): Uint8Array =>
  Uint8Array.from([...ascii(`<?xml version="1.0" encoding="${label}"?>`), ...body])
const ALL = Array.from({ length: 256 }, (_, b) => b)

// IANA: ISO_8859-1:1987 and its aliases a declaration can write (EncName has no `:`), and the WHATWG labels
// `iso8859-1` and `iso88591`, which runtimes know as windows-1252.
const LATIN1 = ['ISO-8859-1', 'ISO_8859-1', 'iso-ir-100', 'latin1', 'l1', 'IBM819', 'CP819', 'csISOLatin1']
const LATIN1_WHATWG = ['iso8859-1', 'iso88591']

describe('every declarable alias of ISO-8859-1 reads byte XX as U+00XX (80–9F included, not windows-1252)', () => {
  it.each([...LATIN1, ...LATIN1_WHATWG])('%s', (label) => {
    const bytes = declared(label, ALL)
    expect(sniffEncoding(bytes)).toEqual(E.right({ encoding: 'iso-8859-1', bomLength: 0, declared: label }))
    expect(decodeBytes(bytes)).toEqual(
      E.right(`<?xml version="1.0" encoding="${label}"?>${String.fromCharCode(...ALL)}`),
    )
  })

  it.each([...LATIN1, ...LATIN1_WHATWG])('%s upper- and lower-cased names the same encoding', (label) => {
    for (const spelled of [label.toUpperCase(), label.toLowerCase()]) {
      expect(sniffEncoding(declared(spelled, []))).toEqual(
        E.right({ encoding: 'iso-8859-1', bomLength: 0, declared: spelled }),
      )
    }
  })
})

describe('aliases no declaration can write, given to malformedOffset', () => {
  // ISO_646.irv:1991 is US-ASCII's (runtimes read it as windows-1252, which has no fault at 80).
  it('ISO_646.irv:1991 is US-ASCII: 80 is a fault, 7F is not', () => {
    expect(malformedOffset(Uint8Array.of(0x61, 0x7f, 0x80), 'ISO_646.irv:1991')).toBe(2)
    expect(malformedOffset(Uint8Array.of(0x61, 0x7f), 'ISO_646.irv:1991')).toBeUndefined()
  })

  it('ascii (WHATWG’s label, which runtimes read as windows-1252) is US-ASCII too', () => {
    expect(malformedOffset(Uint8Array.of(0x80), 'ascii')).toBe(0)
    const r = decodeBytes(declared('ascii', [0x61, 0x80]))
    expect(E.isLeft(r) && r.left[0]!.message).toBe('malformed US-ASCII at byte offset 39 (bytes 80)')
  })
})

describe('windows-1252 under each of its labels: the standard’s index, 80 is €, 81 stays U+0081', () => {
  it.each(['windows-1252', 'cp1252', 'x-cp1252', 'WINDOWS-1252'])('%s', (label) => {
    const r = parseXml(declared(label, ascii('<a>').concat(0x80, 0x81, 0x9f, 0xe9, ...ascii('</a>'))))
    expect(E.isRight(r) && r.right.root.children).toEqual([{ type: 'text', value: '€\u0081Ÿé' }])
  })
})

describe('long single-byte documents are decoded whole, across the decoder’s internal slices', () => {
  // 20,000 bytes in one text node: more than two slices of any size a decoder would pick below 10,000.
  const body = Array.from({ length: 20_000 }, (_, i) => 0x80 + (i % 0x80))
  const want = (codes: number[]) => String.fromCharCode(...codes)

  it('ISO-8859-1: every byte kept, in order', () => {
    const latin = parseXml(declared('ISO-8859-1', [...ascii('<a>'), ...body, ...ascii('</a>')]))
    expect(E.isRight(latin) && latin.right.root.children).toEqual([{ type: 'text', value: want(body) }])
  })

  it('US-ASCII: a long valid document, and a fault after the first slices named at its offset', () => {
    const valid = Array.from({ length: 20_000 }, (_, i) => 0x61 + (i % 26))
    const head = declared('US-ASCII', ascii('<a>'))
    const ok = parseXml(Uint8Array.from([...head, ...valid, ...ascii('</a>')]))
    expect(E.isRight(ok) && ok.right.root.children).toEqual([{ type: 'text', value: want(valid) }])
    const bad = decodeBytes(Uint8Array.from([...head, ...valid, 0x80, ...ascii('</a>')]))
    const offset = head.length + valid.length
    expect(bad).toEqual(
      E.left([
        {
          ...xmlFault('undecodable', `malformed US-ASCII at byte offset ${offset} (bytes 80 3C 2F 61)`, 1, offset + 1),
          offset,
        },
      ]),
    )
  })
})

describe('a label nobody knows is refused where the declaration names it, whole and streamed', () => {
  // None of these is a label of the WHATWG Encoding Standard or of syncwire's own decoders.
  it.each(['x-klingon', 'latin-1', 'ISO-8859-16', 'utf-9', 'ascii7'])('%s', async (label) => {
    const xml = `<?xml version="1.0" encoding="${label}"?><feed xmlns="http://www.w3.org/2005/Atom"/>`
    const issue = xmlFault(
      'not-well-formed',
      `unsupported encoding "${label}": this runtime's TextDecoder does not know it`,
      1,
      31,
    )
    const bytes = Uint8Array.from(ascii(xml))
    expect(parseXml(bytes)).toEqual(E.left([issue]))
    expect(decodeBytes(bytes)).toEqual(E.left([issue]))
    const whole = SyncFeedXml.decode(bytes)
    expect(E.isLeft(whole) && reportErrors(whole.left)).toEqual([issue])
    for (const size of [1, 7, bytes.length]) {
      const cuts = Array.from({ length: Math.ceil(bytes.length / size) - 1 }, (_, i) => (i + 1) * size)
      expect(streamedIssues(await collect(streamSyncFeed(cutByteArray(bytes, cuts))))).toEqual([issue])
    }
  })
})

describe('IANA aliases the WHATWG labels lack name the encoding IANA gives them', () => {
  // IANA registers csUTF8, csUTF16, csUTF16LE, csUTF16BE, cswindows1252, cswindows31J and
  // Extended_UNIX_Code_Packed_Format_for_Japanese; runtimes' TextDecoder knows none of them.
  it.each([
    ['csUTF8', 'utf-8'],
    ['CSWINDOWS1252', 'windows-1252'],
    ['cswindows31J', 'shift_jis'],
    ['Extended_UNIX_Code_Packed_Format_for_Japanese', 'euc-jp'],
  ])('%s is %s', (label, encoding) => {
    expect(sniffEncoding(declared(label, []))).toEqual(E.right({ encoding, bomLength: 0, declared: label }))
  })

  it('cswindows1252 reads 80 as €, Extended_UNIX_Code_Packed_Format_for_Japanese reads A4 A2 as あ', async () => {
    const cases: Array<[string, number[], string]> = [
      ['cswindows1252', [0x80], '€'],
      ['Extended_UNIX_Code_Packed_Format_for_Japanese', [0xa4, 0xa2], 'あ'],
    ]
    for (const [label, body, text] of cases) {
      const bytes = declared(label, [...ascii('<a>'), ...body, ...ascii('</a>')])
      const r = parseXml(bytes)
      expect(E.isRight(r) && r.right.root.children).toEqual([{ type: 'text', value: text }])
    }
  })

  it('csUTF16LE and csUTF16BE name a byte order: the other mark contradicts them, csUTF16 takes either', () => {
    const le = (label: string) =>
      Uint8Array.from([0xff, 0xfe, ...ascii(`<?xml version="1.0" encoding="${label}"?>`).flatMap((b) => [b, 0])])
    const be = (label: string) =>
      Uint8Array.from([0xfe, 0xff, ...ascii(`<?xml version="1.0" encoding="${label}"?>`).flatMap((b) => [0, b])])
    expect(sniffEncoding(le('csUTF16LE'))).toEqual(
      E.right({ encoding: 'utf-16le', bomLength: 2, declared: 'csUTF16LE' }),
    )
    expect(sniffEncoding(be('csUTF16BE'))).toEqual(
      E.right({ encoding: 'utf-16be', bomLength: 2, declared: 'csUTF16BE' }),
    )
    expect(sniffEncoding(be('csUTF16'))).toEqual(E.right({ encoding: 'utf-16be', bomLength: 2, declared: 'csUTF16' }))
    const wrong = sniffEncoding(be('csUTF16LE'))
    expect(E.isLeft(wrong) && wrong.left[0]!.message).toBe(
      'the byte-order mark says UTF-16BE but the XML declaration says encoding="csUTF16LE"',
    )
  })
})
