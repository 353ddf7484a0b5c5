// What Node's TextDecoder reads where the WHATWG Encoding Standard (browsers, Deno, Bun) reads otherwise, through
// parseXml: pinned, so that a Node whose decoders change is seen (docs/encodings.md, "Runtimes read some encodings
// differently"). GBK is not among them: syncwire reads it with the gb18030 decoder, which agrees.
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { decodeBytes } from '../../src/xml/index'

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
