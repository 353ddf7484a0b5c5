// Which decoder reads a declared multi-byte encoding. GBK is read by the gb18030 decoder in every runtime, as the
// WHATWG Encoding Standard reads it (Node's own GBK decoder differs: docs/encodings.md). EUC-KR and Big5 are read by
// the runtime's TextDecoder, whatever it reads: the tables differ between Node and the WHATWG runtimes, and syncwire
// carries none of its own (what Node reads is pinned in encoding-runtimes.node.test.ts).
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { decodeBytes, sniffEncoding } from '../../src/xml/index'
import { xmlFault } from '../support/issues'

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0))
const HEAD = (label: string) => ascii(`<?xml version="1.0" encoding="${label}"?><a>`)
const doc = (label: string, title: number[]) => Uint8Array.from([...HEAD(label), ...title, ...ascii('</a>')])

/** The text of the document's `a`, or `undefined` when its bytes do not decode. */
function titleOf(bytes: Uint8Array): string | undefined {
  const r = decodeBytes(bytes)
  return E.isRight(r) ? r.right.slice(r.right.indexOf('<a>') + 3, r.right.indexOf('</a>')) : undefined
}

describe('GBK is read as the WHATWG Encoding Standard reads it, by the gb18030 decoder', () => {
  it.each(['GBK', 'gb2312', 'x-gbk'])('%s: four-byte forms, A2 E3 as €, 80 as €; FF refused', (label) => {
    expect(sniffEncoding(doc(label, []))).toEqual(E.right({ encoding: 'gb18030', bomLength: 0, declared: label }))
    // 81 30 81 30 is U+0080, A2 E3 and 80 are €, C8 D5 is 日.
    expect(titleOf(doc(label, [0x81, 0x30, 0x81, 0x30, 0xa2, 0xe3, 0x80, 0xc8, 0xd5]))).toBe('\u0080\u20ac\u20ac日')
    const bad = doc(label, [0xc8, 0xd5, 0xff])
    const at = bad.indexOf(0xff) // the column too: 日 is one character of two bytes
    expect(decodeBytes(bad)).toEqual(
      E.left([
        {
          ...xmlFault('undecodable', `malformed GB18030 at byte offset ${at} (bytes FF 3C 2F 61)`, 1, at),
          offset: at,
        },
      ]),
    )
  })
})

describe("EUC-KR and Big5 are read by the runtime's TextDecoder", () => {
  const platform = (label: string, bytes: number[]): string | undefined => {
    try {
      return new TextDecoder(label, { fatal: true }).decode(Uint8Array.from([...bytes, 0x3c]))?.slice(0, -1)
    } catch {
      return undefined
    }
  }
  // Bytes the runtimes read differently (EUC-KR 81 41 is 갂 in WHATWG, two characters in Node; Big5 FF is refused
  // in WHATWG, a private-use character in Node): what the runtime reads, syncwire reads.
  it.each([
    ['EUC-KR', [0x81, 0x41]],
    ['EUC-KR', [0xc6, 0x52]],
    ['EUC-KR', [0x80]],
    ['EUC-KR', [0xb0, 0xa1]],
    ['Big5', [0xff]],
    ['Big5', [0x87, 0x40]],
    ['Big5', [0xa3, 0xc0]],
    ['Big5', [0xa4, 0x40]],
  ])('%s %j', (label, bytes) => {
    expect(titleOf(doc(label, bytes))).toBe(platform(label, bytes))
  })
})
