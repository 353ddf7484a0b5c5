// One rule for the byte offset of an undecodable byte, in every encoding: the offset of the first byte of the
// character that cannot be decoded. A lead byte whose next byte cannot follow it is named at the lead (not at that
// next byte), and a character the end of the input cuts off at its lead, whether UTF-8 checks the bytes or the
// runtime's TextDecoder does; the message, `offset` and line:column name the same byte, decoded whole or streamed.
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { streamSyncFeed } from '../../src/sdata/index'
import { decodeBytes, type Issue, malformedOffset, parseXml } from '../../src/xml/index'
import { xmlFault } from '../support/issues'
import { collect, cutByteArray, streamedIssues } from '../support/stream'

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0))
const hex = (bytes: number[]): string => bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ')

// For each encoding: one whole character, and the first bytes of a character that need more (a lead byte, or the
// first two or three bytes of a longer form: EUC-JP 8F B0 A1, GB18030 81 30 81 30, UTF-8 E6 97 A5).
const CASES: [label: string, name: string, character: number[], start: number[]][] = [
  ['UTF-8', 'UTF-8', [0xe6, 0x97, 0xa5], [0xe6, 0x97]],
  ['Shift_JIS', 'SHIFT_JIS', [0x93, 0xfa], [0x93]],
  ['EUC-JP', 'EUC-JP', [0xc6, 0xfc], [0x8f, 0xb0]],
  ['GBK', 'GB18030', [0xc8, 0xd5], [0xc8]], // read by the gb18030 decoder, as WHATWG reads GBK
  ['GB18030', 'GB18030', [0xc8, 0xd5], [0x81, 0x30, 0x81]],
  ['Big5', 'BIG5', [0xa4, 0xe9], [0xa4]],
  ['EUC-KR', 'EUC-KR', [0xc7, 0xd1], [0xc7]],
]

const platform = (label: string, bytes: number[], stream = false): string | undefined => {
  try {
    return new TextDecoder(label, { fatal: true }).decode(Uint8Array.from(bytes), { stream })
  } catch {
    return undefined
  }
}

// A feed whose title holds one character and then the fault, on line 2: the fault's column counts characters, not
// bytes, whatever the encoding.
const OPEN = '<feed xmlns="http://www.w3.org/2005/Atom"><title>'
const CLOSE = '</title></feed>'
const COLUMN = OPEN.length + 2

function document(label: string, character: number[], fault: number[]): { bytes: Uint8Array; at: number } {
  const head = [...ascii(`<?xml version="1.0" encoding="${label}"?>\r\n${OPEN}`), ...character]
  return { bytes: Uint8Array.from([...head, ...fault]), at: head.length }
}

const undecodable = (message: string, offset: number, line = 2, column = COLUMN): Issue => ({
  ...xmlFault('undecodable', message, line, column),
  offset,
})

const oneByOne = (bytes: Uint8Array) => Array.from(bytes, (b) => Uint8Array.of(b))

/** The issues of bytes that do not decode, decoded whole (`decodeBytes` and `parseXml` agree). */
function whole(bytes: Uint8Array): Issue[] {
  const decoded = decodeBytes(bytes)
  expect(parseXml(bytes)).toEqual(decoded)
  return E.isLeft(decoded) ? decoded.left : []
}

describe.each(CASES)('%s: the first byte of the character that cannot be decoded', (label, name, character, start) => {
  it('the platform reads these bytes as the cases say', () => {
    expect(platform(label, character)).toHaveLength(1)
    expect(platform(label, start, true)).toBe('')
    expect(platform(label, [...start, 0x3c])).toBeUndefined()
  })

  it('a character the end of the input cuts off is named at its first byte', async () => {
    const { bytes, at } = document(label, character, start)
    const issue = undecodable(`the input ends inside a ${name} character (byte offset ${at})`, at)
    expect(malformedOffset(bytes, name.toLowerCase())).toBe(at)
    expect(whole(bytes)).toEqual([issue])
    for (const chunks of [[bytes], oneByOne(bytes), cutByteArray(bytes, [at + 1])]) {
      expect(streamedIssues(await collect(streamSyncFeed(chunks))), `${chunks.length} chunks`).toEqual([issue])
    }
  })

  it('a character whose next byte cannot follow its first bytes is named at its first byte, not at that byte', async () => {
    const { bytes, at } = document(label, character, [...start, ...ascii(CLOSE)])
    const shown = hex([...start, ...ascii(CLOSE)].slice(0, 4))
    const issue = undecodable(`malformed ${name} at byte offset ${at} (bytes ${shown})`, at)
    expect(malformedOffset(bytes, name.toLowerCase())).toBe(at)
    expect(whole(bytes)).toEqual([issue])
    const next = at + start.length
    for (const chunks of [[bytes], oneByOne(bytes), cutByteArray(bytes, [next]), cutByteArray(bytes, [at + 1])]) {
      expect(streamedIssues(await collect(streamSyncFeed(chunks))), `${chunks.length} chunks`).toEqual([issue])
    }
  })
})

describe('UTF-16: a lone high surrogate is named at its first byte, as the lead byte is elsewhere', () => {
  const le = (text: string): number[] => Array.from(text, (c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]).flat()
  // The BOM, then the feed's first line: the surrogate D800 (00 D8) comes after it and one character, 日.
  const head = [0xff, 0xfe, ...le(`${OPEN}\u65e5`)]
  const at = head.length
  it.each([
    [
      'before another character',
      [0x00, 0xd8, ...le(CLOSE)],
      `malformed UTF-16LE at byte offset ${at} (bytes 00 D8 3C 00)`,
    ],
    ['at the end of the input', [0x00, 0xd8], `the input ends inside a UTF-16LE character (byte offset ${at})`],
  ])('%s', async (_, fault, message) => {
    const bytes = Uint8Array.from([...head, ...fault])
    const issue = undecodable(message, at, 1, COLUMN)
    expect(malformedOffset(bytes.subarray(2), 'utf-16le')).toBe(at - 2)
    expect(whole(bytes)).toEqual([issue])
    for (const chunks of [oneByOne(bytes), cutByteArray(bytes, [at + 1])]) {
      expect(streamedIssues(await collect(streamSyncFeed(chunks))), `${chunks.length} chunks`).toEqual([issue])
    }
  })
})

describe('malformedOffset reads a declared label as decodeBytes reads it', () => {
  // A label as a declaration writes it (any case, any alias) names the decoder sniffEncoding picks for it: US-ASCII
  // (and its aliases) syncwire's own, which refuses 80, not the windows-1252 TextDecoder reads the label as; GBK the
  // gb18030 decoder, which reads four-byte forms and refuses FF.
  it.each([
    ['US-ASCII', [0x41, 0x80, 0x42]],
    ['ascii', [0x41, 0x80, 0x42]],
    ['csASCII', [0x41, 0x80, 0x42]],
    ['ISO-8859-1', [0x41, 0x80, 0x42]],
    ['Windows-1252', [0x41, 0x81, 0x42]],
    ['GBK', [0x41, 0x81, 0x30, 0x81, 0x30]],
    ['GBK', [0x41, 0xff, 0x42]],
    ['Shift_JIS', [0x41, 0x93, 0x3c]],
    ['UTF-8', [0x41, 0xe9, 0x3c]],
  ])('%s %j', (label, body) => {
    const head = ascii(`<?xml version="1.0" encoding="${label}"?>`)
    const decoded = decodeBytes(Uint8Array.from([...head, ...body]))
    const offset = E.isLeft(decoded) ? decoded.left[0]!.offset! - head.length : undefined
    expect(malformedOffset(Uint8Array.from(body), label)).toBe(offset)
  })
})
