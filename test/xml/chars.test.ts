import { describe, expect, it } from 'vitest'
import { isNameStartUnit, isNameUnit, isXmlCodePoint, isXmlWhitespace } from '../../src/xml/chars'

// The character classes, checked on every BMP code unit against regular expressions written from the productions
// of XML 1.0 (fifth edition) §2.2 [2] Char, §2.3 [4] NameStartChar and [4a] NameChar. Raised from mutation testing
// (issue 7): the parser tests reach only a few of these range boundaries.

const NAME_START =
  /^[:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]$/
const NAME_EXTRA = /^[-.0-9\u00B7\u0300-\u036F\u203F-\u2040]$/
const CHAR = /^[\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD]$/

/** The code units where the classes disagree with `oracle` (surrogates are outside both predicates' domain). */
function disagreements(predicate: (c: number) => boolean, oracle: (c: number) => boolean): string[] {
  const out: string[] = []
  for (let c = 0; c <= 0xffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue
    if (predicate(c) !== oracle(c)) out.push(c.toString(16))
  }
  return out
}

describe('XML character classes', () => {
  it('isNameStartUnit is NameStartChar on every BMP code unit', () => {
    expect(disagreements(isNameStartUnit, (c) => NAME_START.test(String.fromCharCode(c)))).toEqual([])
  })

  it('isNameUnit is NameChar on every BMP code unit', () => {
    const nameChar = (c: number) => NAME_START.test(String.fromCharCode(c)) || NAME_EXTRA.test(String.fromCharCode(c))
    expect(disagreements(isNameUnit, nameChar)).toEqual([])
  })

  it('isXmlCodePoint is Char on every BMP code point', () => {
    expect(disagreements(isXmlCodePoint, (c) => CHAR.test(String.fromCharCode(c)))).toEqual([])
  })

  it('isXmlCodePoint takes the supplementary planes and refuses surrogates and what lies past U+10FFFF', () => {
    for (const cp of [0x10000, 0x1f600, 0x10ffff]) expect(isXmlCodePoint(cp)).toBe(true)
    for (const cp of [0xd800, 0xdbff, 0xdc00, 0xdfff, 0x110000, -1]) expect(isXmlCodePoint(cp)).toBe(false)
  })

  it('isXmlWhitespace accepts only space, tab, CR and LF, in any number', () => {
    for (const s of ['', ' ', '\t', '\r', '\n', ' \r\n\t ']) expect(isXmlWhitespace(s)).toBe(true)
    for (const s of ['a', ' a', 'a ', '\u00a0', '\f', '\v', '\u2028', ' \u0085', '\t\r\nx']) {
      expect(isXmlWhitespace(s)).toBe(false)
    }
  })
})
