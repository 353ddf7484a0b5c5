import { describe, expect, it } from 'vitest'
import { isNameStartUnit, isNameUnit, isXmlCodePoint, isXmlWhitespace, nonXmlCharAt } from '../../src/xml/chars'

// The character classes, checked on every BMP code unit against the productions as written in
// XML 1.0 (fifth edition) §2.2 [2] Char, §2.3 [4] NameStartChar and [4a] NameChar. Raised from mutation testing
// (issue 7): the parser tests reach only a few of these range boundaries.

// The productions as the specification writes them, read by `ranges` below.
const NAME_START_CHAR =
  '":" | [A-Z] | "_" | [a-z] | [#xC0-#xD6] | [#xD8-#xF6] | [#xF8-#x2FF] | [#x370-#x37D] | [#x37F-#x1FFF] | [#x200C-#x200D] | [#x2070-#x218F] | [#x2C00-#x2FEF] | [#x3001-#xD7FF] | [#xF900-#xFDCF] | [#xFDF0-#xFFFD] | [#x10000-#xEFFFF]'
const NAME_CHAR_EXTRA = '"-" | "." | [0-9] | #xB7 | [#x0300-#x036F] | [#x203F-#x2040]'
const CHAR = '#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]'

/** The code point ranges of a production written as alternatives of `"c"`, `[a-z]`, `#xN` and `[#xN-#xM]`. */
function ranges(production: string): Array<[number, number]> {
  const point = (s: string) => (s.startsWith('#x') ? Number.parseInt(s.slice(2), 16) : s.codePointAt(0)!)
  return production.split(' | ').map((alt): [number, number] => {
    const quoted = /^"(.)"$/.exec(alt)
    if (quoted) return [point(quoted[1]!), point(quoted[1]!)]
    const range = /^\[(#x[0-9A-F]+|.)-(#x[0-9A-F]+|.)\]$/.exec(alt)
    if (range) return [point(range[1]!), point(range[2]!)]
    if (/^#x[0-9A-F]+$/.test(alt)) return [point(alt), point(alt)]
    throw new Error(`not understood: ${alt}`)
  })
}
const inRanges = (list: Array<[number, number]>) => (c: number) => list.some(([lo, hi]) => c >= lo && c <= hi)
const nameStart = inRanges(ranges(NAME_START_CHAR))
const nameExtra = inRanges(ranges(NAME_CHAR_EXTRA))
const char = inRanges(ranges(CHAR))

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
    expect(disagreements(isNameStartUnit, nameStart)).toEqual([])
  })

  it('isNameUnit is NameChar on every BMP code unit', () => {
    expect(disagreements(isNameUnit, (c) => nameStart(c) || nameExtra(c))).toEqual([])
  })

  it('isXmlCodePoint is Char on every BMP code point', () => {
    expect(disagreements(isXmlCodePoint, char)).toEqual([])
  })

  it('isXmlCodePoint takes the supplementary planes and refuses surrogates and what lies past U+10FFFF', () => {
    for (const cp of [0x10000, 0x1f600, 0x10ffff]) expect([isXmlCodePoint(cp), char(cp)]).toEqual([true, true])
    for (const cp of [0xd800, 0xdbff, 0xdc00, 0xdfff, 0x110000, -1]) expect(isXmlCodePoint(cp)).toBe(false)
  })

  // The SData and file-sync validators' check (no XML parse reaches it); raised from mutation seed 203006.
  it('nonXmlCharAt finds a unit exactly where Char refuses it, on every BMP code unit', () => {
    expect(disagreements((c) => nonXmlCharAt(`ab${String.fromCharCode(c)}`) < 0, char)).toEqual([])
    for (const c of [9, 10, 13, 0, 0x1f]) expect(nonXmlCharAt(`ab${String.fromCharCode(c)}z`)).toBe(char(c) ? -1 : 2)
  })

  it('nonXmlCharAt takes a surrogate pair and refuses a lone surrogate where it stands', () => {
    expect(nonXmlCharAt('a\u{1F600}b')).toBe(-1)
    for (const [s, at] of [
      ['a\ud83d', 1],
      ['a\ud83db', 1],
      ['\ude00a', 0],
      ['ab\ude00\ud83d', 2],
    ] as const) {
      expect(nonXmlCharAt(s)).toBe(at)
    }
  })

  it('isXmlWhitespace accepts only space, tab, CR and LF, in any number', () => {
    for (const s of ['', ' ', '\t', '\r', '\n', ' \r\n\t ']) expect(isXmlWhitespace(s)).toBe(true)
    for (const s of ['a', ' a', 'a ', '\u00a0', '\f', '\v', '\u2028', ' \u0085', '\t\r\nx']) {
      expect(isXmlWhitespace(s)).toBe(false)
    }
  })
})

describe('nonXmlCharAt pairs only a high surrogate with a low one', () => {
  it('refuses a low surrogate after a low surrogate or after a character of the E000 block', () => {
    expect(nonXmlCharAt('a\ud800\udc00')).toBe(-1)
    expect(nonXmlCharAt('a\udc00\udc00')).toBe(1)
    expect(nonXmlCharAt('a\ue000\udc00')).toBe(2)
  })
})
