// Edges of encoding detection that the larger tables leave out: heads of one or two bytes, what a result without a
// declaration holds, the BOM kept in decoded text, strings with and without U+FEFF, and values that are not bytes.
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { decodeBytes, parseXml, sniffEncoding } from '../../src/xml/index'
import { xmlFault } from '../support/issues'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const noBom = (nul: number) =>
  xmlFault(
    'not-well-formed',
    `the bytes look like UTF-16 without a byte-order mark (a NUL byte at offset ${nul}); UTF-16 needs a BOM (FF FE or FE FF)`,
  )

describe('sniffEncoding on the shortest heads', () => {
  it('one byte, NUL or not, is UTF-8: a NUL next to nothing says nothing about UTF-16', () => {
    expect(sniffEncoding(Uint8Array.of(0))).toStrictEqual(E.right({ encoding: 'utf-8', bomLength: 0 }))
    expect(sniffEncoding(Uint8Array.of(0x3c))).toStrictEqual(E.right({ encoding: 'utf-8', bomLength: 0 }))
  })

  it('two bytes, one of them NUL, look like UTF-16 without its mark; two NULs or none do not', () => {
    expect(sniffEncoding(Uint8Array.of(0x3c, 0))).toEqual(E.left([noBom(1)]))
    expect(sniffEncoding(Uint8Array.of(0, 0x3c))).toEqual(E.left([noBom(0)]))
    expect(sniffEncoding(Uint8Array.of(0, 0))).toStrictEqual(E.right({ encoding: 'utf-8', bomLength: 0 }))
    expect(sniffEncoding(Uint8Array.of(0x3c, 0x61))).toStrictEqual(E.right({ encoding: 'utf-8', bomLength: 0 }))
  })

  it('a result without a declaration has no `declared` member at all (not one set to undefined)', () => {
    const r = sniffEncoding(utf8('<?xml version="1.0"?><a/>'))
    expect(E.isRight(r) && Object.keys(r.right)).toEqual(['encoding', 'bomLength'])
    const bom = sniffEncoding(Uint8Array.of(0xef, 0xbb, 0xbf, 0x3c))
    expect(E.isRight(bom) && Object.keys(bom.right)).toEqual(['encoding', 'bomLength'])
  })
})

describe('decodeBytes keeps a leading BOM as U+FEFF', () => {
  it('UTF-8 and UTF-16LE', () => {
    expect(decodeBytes(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('<a/>')))).toEqual(E.right('\uFEFF<a/>'))
    expect(decodeBytes(Uint8Array.of(0xff, 0xfe, 0x3c, 0, 0x61, 0, 0x2f, 0, 0x3e, 0))).toEqual(E.right('\uFEFF<a/>'))
  })

  it('and parseXml skips it', () => {
    expect(parseXml(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('<a/>')))).toEqual(parseXml('<a/>'))
  })
})

describe('strings: only a leading U+FEFF is checked against the declaration', () => {
  it('U+FEFF with no declaration parses', () => {
    expect(parseXml('\uFEFF<a/>')).toEqual(parseXml('<a/>'))
  })

  it('a declaration after another character is the parser’s fault, not a BOM contradiction', () => {
    expect(parseXml(' <?xml version="1.0" encoding="ISO-8859-1"?><a/>')).toEqual(
      E.left([
        xmlFault('not-well-formed', 'an XML declaration is allowed only at the very start of the document', 1, 2),
      ]),
    )
  })

  it('a string declared ISO-8859-1 without U+FEFF parses (the string is already text)', () => {
    expect(E.isRight(parseXml('<?xml version="1.0" encoding="ISO-8859-1"?><a>\u00e9</a>'))).toBe(true)
  })
})

describe('decodeBytes given something that is not bytes', () => {
  it.each([
    ['a string', '<a/>'],
    ['null', null],
    ['a number', 42],
    ['an array', [0x3c]],
  ])('%s: a Left naming what it found, code unexpected as parseXml gives it, not a throw', (found, value) => {
    const r = decodeBytes(value as unknown as Uint8Array)
    expect(E.isLeft(r) && r.left.map((i) => [i.code, i.path, i.message])).toEqual([
      ['unexpected', '', `expected bytes (a Uint8Array or ArrayBuffer), found ${found}`],
    ])
  })
})
