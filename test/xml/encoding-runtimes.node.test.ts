// What Node's TextDecoder reads where the WHATWG Encoding Standard (browsers, Deno, Bun) reads otherwise, through
// decodeBytes: pinned, so that a Node whose decoders change is seen (docs/encodings.md, "Runtimes read some encodings
// differently"). GBK is not among them: syncwire reads it with the gb18030 decoder, which agrees. Neither are
// ISO-8859-1, US-ASCII and windows-1252, which syncwire decodes itself.
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { decodeBytes, parseXml, sniffEncoding } from '../../src/xml/index'

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0))
const doc = (label: string, title: number[]) =>
  Uint8Array.from([...ascii(`<?xml version="1.0" encoding="${label}"?><a>`), ...title, ...ascii('</a>')])

describe('Node reads EUC-KR and Big5 with tables of its own', () => {
  it.each([
    ['EUC-KR', [0x81, 0x41], '\u0081A', 'U+AC02'],
    ['EUC-KR', [0x80], '\u0080', 'refused'],
    ['EUC-KR', [0xc9, 0xa1], '\ue000', 'refused'],
    ['EUC-KR', [0xc6, 0x52], undefined, 'U+D7A3'],
    ['EUC-KR', [0xa2, 0xe6], undefined, 'U+20AC'],
    ['Big5', [0xff], '\uf8f8', 'refused'],
    ['Big5', [0x80], '\u0080', 'refused'],
    ['Big5', [0x87, 0x40], '\uf266', 'U+43F0'],
    ['Big5', [0x88, 0x62], '\uf325', 'U+00CA U+0304'],
    ['Big5', [0xa3, 0xc0], undefined, 'U+2400'],
  ] as Array<[string, number[], string | undefined, string]>)('%s %j: Node %j (WHATWG: %s)', (label, bytes, node) => {
    const r = decodeBytes(doc(label, bytes))
    if (node === undefined) expect(r).toMatchObject({ left: [{ code: 'undecodable' }] })
    else expect(r).toEqual(E.right(`<?xml version="1.0" encoding="${label}"?><a>${node}</a>`))
  })
})

describe('Node reads Shift_JIS, EUC-JP and five single-byte encodings with tables of its own', () => {
  it.each([
    ['Shift_JIS', [0x80], undefined, 'U+0080'],
    // Three ASCII control bytes trade places (IBM's code page 943): DEL is read as SUB, FS as DEL, SUB as FS.
    ['Shift_JIS', [0x7f], '\u001a', 'U+007F'],
    ['Shift_JIS', [0x1c], '\u007f', 'U+001C'],
    ['Shift_JIS', [0x1a], '\u001c', 'U+001A'],
    ['EUC-JP', [0x80], '\u0080', 'refused'],
    ['EUC-JP', [0x9f], '\u009f', 'refused'],
    ['EUC-JP', [0x8e, 0xe0], '\u00a2', 'refused'],
    ['EUC-JP', [0x8f, 0xf3, 0xa1], '\u2170', 'refused'],
    ['EUC-JP', [0x8f, 0xf3, 0xb7], '\u3231', 'refused'],
    ['windows-1253', [0xaa], '\u00aa', 'refused'],
    ['windows-1255', [0xca], undefined, 'U+05BA'],
    ['windows-874', [0xdb], '\uf8c1', 'refused'],
    ['windows-874', [0xff], '\uf8c8', 'refused'],
    ['KOI8-U', [0xae], '\u255d', 'U+045E'],
    ['KOI8-U', [0xbe], '\u256c', 'U+040E'],
  ] as Array<[string, number[], string | undefined, string]>)('%s %j: Node %j (WHATWG: %s)', (label, bytes, node) => {
    const r = decodeBytes(doc(label, bytes))
    if (node === undefined) expect(r).toMatchObject({ left: [{ code: 'undecodable' }] })
    else expect(r).toEqual(E.right(`<?xml version="1.0" encoding="${label}"?><a>${node}</a>`))
  })

  it('so a Shift_JIS DEL (7F) is refused as a character XML does not allow, and an FS (1C) read as DEL', () => {
    expect(parseXml(doc('Shift_JIS', [0x7f]))).toMatchObject({ left: [{ code: 'not-well-formed' }] })
    expect(parseXml(doc('Shift_JIS', [0x1c]))).toMatchObject({ right: { root: { children: [{ value: '\u007f' }] } } })
  })

  it.each(['ISO-8859-16', 'x-user-defined'])('%s is an encoding Node does not know: refused', (label) => {
    expect(sniffEncoding(doc(label, []))).toMatchObject({ left: [{ code: 'not-well-formed', line: 1, column: 31 }] })
  })
})
