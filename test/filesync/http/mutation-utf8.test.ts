// Boundaries of the internal UTF-8 helpers (encode, decode with U+FFFD replacement, byte search), per RFC 3629
// and the WHATWG "maximal subpart" rule named in utf8.ts's TSDoc.
// Raised from mutation testing (issue 7).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { concatBytes, indexOfBytes, utf8Decode, utf8Encode } from '../../../src/filesync/http/utf8'
import { numRuns } from '../../support/runtime'

const bytes = (...b: number[]) => Uint8Array.from(b)
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
const enc = (s: string) => Array.from(utf8Encode(s))
const dec = (...b: number[]) => utf8Decode(bytes(...b))

describe('utf8Encode at the length boundaries', () => {
  it('writes 1, 2, 3 and 4 byte sequences at each edge', () => {
    expect(enc('\u0000')).toEqual([0x00])
    expect(enc('\u007f')).toEqual([0x7f])
    expect(enc('\u0080')).toEqual([0xc2, 0x80])
    expect(enc('\u07ff')).toEqual([0xdf, 0xbf])
    expect(enc('\u0800')).toEqual([0xe0, 0xa0, 0x80])
    expect(enc('\uffff')).toEqual([0xef, 0xbf, 0xbf])
    expect(enc('\u{10000}')).toEqual([0xf0, 0x90, 0x80, 0x80])
    expect(enc('\u{10ffff}')).toEqual([0xf4, 0x8f, 0xbf, 0xbf])
    expect(enc('a\u00e9\u20ac\u{1f600}')).toEqual([0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80])
  })

  it('writes the code points just inside and outside the surrogate range as they are', () => {
    expect(enc('\ud7ff')).toEqual([0xed, 0x9f, 0xbf])
    expect(enc('\ue000')).toEqual([0xee, 0x80, 0x80])
  })

  it('replaces lone surrogates (first, last, high, low) by U+FFFD and keeps what follows', () => {
    const fffd = [0xef, 0xbf, 0xbd]
    expect(enc('\ud800')).toEqual(fffd)
    expect(enc('\udbff')).toEqual(fffd)
    expect(enc('\udc00')).toEqual(fffd)
    expect(enc('\udfff')).toEqual(fffd)
    expect(enc('\ud800a')).toEqual([...fffd, 0x61])
    expect(enc('\udc00\ud800')).toEqual([...fffd, ...fffd])
    // Low surrogate then high: not a pair.
    expect(enc('\udfff\udbff')).toEqual([...fffd, ...fffd])
    // Two high surrogates: the second one is no low half.
    expect(enc('\ud800\ud800\udc00')).toEqual([...fffd, 0xf0, 0x90, 0x80, 0x80])
  })

  it('encodes the empty string to no bytes', () => {
    expect(utf8Encode('')).toEqual(new Uint8Array(0))
  })
})

describe('utf8Decode', () => {
  it('reads 1, 2, 3 and 4 byte sequences at each edge', () => {
    expect(dec(0x7f)).toBe('\u007f')
    expect(dec(0xc2, 0x80)).toBe('\u0080')
    expect(dec(0xdf, 0xbf)).toBe('\u07ff')
    expect(dec(0xe0, 0xa0, 0x80)).toBe('\u0800')
    expect(dec(0xe1, 0x80, 0x80)).toBe('\u1000')
    expect(dec(0xec, 0xbf, 0xbf)).toBe('\ucfff')
    expect(dec(0xed, 0x9f, 0xbf)).toBe('\ud7ff')
    expect(dec(0xee, 0x80, 0x80)).toBe('\ue000')
    expect(dec(0xef, 0xbf, 0xbf)).toBe('\uffff')
    expect(dec(0xf0, 0x90, 0x80, 0x80)).toBe('\u{10000}')
    expect(dec(0xf1, 0x80, 0x80, 0x80)).toBe('\u{40000}')
    expect(dec(0xf3, 0xbf, 0xbf, 0xbf)).toBe('\u{fffff}')
    expect(dec(0xf4, 0x80, 0x80, 0x80)).toBe('\u{100000}')
    expect(dec(0xf4, 0x8f, 0xbf, 0xbf)).toBe('\u{10ffff}')
  })

  it('replaces bytes that never start a sequence, one U+FFFD each', () => {
    expect(dec(0x80)).toBe('\ufffd')
    expect(dec(0xbf, 0x41)).toBe('\ufffdA')
    expect(dec(0xc0, 0x80)).toBe('\ufffd\ufffd')
    expect(dec(0xc1, 0xbf)).toBe('\ufffd\ufffd')
    expect(dec(0xf5, 0x80)).toBe('\ufffd\ufffd')
    expect(dec(0xff)).toBe('\ufffd')
  })

  it('refuses overlong forms, surrogates and code points past U+10FFFF', () => {
    // E0 needs A0..BF next; ED needs 80..9F (no surrogates); F0 needs 90..BF; F4 needs 80..8F.
    expect(dec(0xe0, 0x80, 0x80)).toBe('\ufffd\ufffd\ufffd')
    expect(dec(0xe0, 0x9f, 0xbf)).toBe('\ufffd\ufffd\ufffd')
    expect(dec(0xed, 0xa0, 0x80)).toBe('\ufffd\ufffd\ufffd')
    expect(dec(0xf0, 0x80, 0x80, 0x80)).toBe('\ufffd\ufffd\ufffd\ufffd')
    expect(dec(0xf0, 0x8f, 0xbf, 0xbf)).toBe('\ufffd\ufffd\ufffd\ufffd')
    expect(dec(0xf4, 0x90, 0x80, 0x80)).toBe('\ufffd\ufffd\ufffd\ufffd')
  })

  it('replaces each truncated sequence (maximal subpart) by one U+FFFD', () => {
    expect(dec(0xc3)).toBe('\ufffd')
    expect(dec(0xe2, 0x82)).toBe('\ufffd')
    expect(dec(0xe2, 0x82, 0x41)).toBe('\ufffdA')
    expect(dec(0xf0, 0x9f, 0x98)).toBe('\ufffd')
    expect(dec(0xf0, 0x9f, 0x98, 0x41)).toBe('\ufffdA')
    expect(dec(0xe2, 0xe2, 0x82, 0xac)).toBe('\ufffd\u20ac')
  })

  it('decodes only between start and end, a sequence cut by end included', () => {
    const b = bytes(0x41, 0xe2, 0x82, 0xac, 0x42)
    expect(utf8Decode(b, 1)).toBe('\u20acB')
    expect(utf8Decode(b, 0, 1)).toBe('A')
    expect(utf8Decode(b, 1, 3)).toBe('\ufffd')
    expect(utf8Decode(b, 4, 5)).toBe('B')
    expect(utf8Decode(b, 2, 2)).toBe('')
  })

  it('decodes long texts (past the internal chunk size) whole, surrogate pairs included', () => {
    const text = `${'ab'.repeat(5000)}\u{1f600}${'\u00e9'.repeat(9000)}`
    expect(utf8Decode(utf8Encode(text))).toBe(text)
    const pairs = '\u{1f600}'.repeat(4097)
    expect(utf8Decode(utf8Encode(pairs))).toBe(pairs)
  })
})

describe('indexOfBytes and concatBytes', () => {
  const h = bytes(1, 2, 3, 1, 2, 4)

  it('finds a needle at or after from, or -1', () => {
    expect(indexOfBytes(h, bytes(1, 2))).toBe(0)
    expect(indexOfBytes(h, bytes(1, 2), 1)).toBe(3)
    expect(indexOfBytes(h, bytes(1, 2, 4))).toBe(3)
    expect(indexOfBytes(h, bytes(2, 4))).toBe(4)
    expect(indexOfBytes(h, bytes(4, 5))).toBe(-1)
    expect(indexOfBytes(h, bytes(1, 2, 3, 1, 2, 4, 5))).toBe(-1)
    expect(indexOfBytes(h, bytes(1, 2), 4)).toBe(-1)
  })

  it('finds the empty needle at from while from is within the haystack', () => {
    expect(indexOfBytes(h, bytes())).toBe(0)
    expect(indexOfBytes(h, bytes(), 2)).toBe(2)
    expect(indexOfBytes(h, bytes(), 6)).toBe(6)
    expect(indexOfBytes(h, bytes(), 7)).toBe(-1)
  })

  it('concatenates in order', () => {
    expect(Array.from(concatBytes([bytes(1), bytes(), bytes(2, 3)]))).toEqual([1, 2, 3])
    expect(concatBytes([])).toEqual(new Uint8Array(0))
  })
})

describe('utf8', () => {
  // Code units of every kind (lone surrogates included) and astral code points.
  const anyUtf16 = fc
    .array(
      fc.oneof(
        fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)),
        fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
      ),
      { maxLength: 30 },
    )
    .map((a) => a.join(''))

  it('decode ∘ encode = id for well-formed strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (s) => {
        expect(utf8Decode(utf8Encode(s))).toBe(s)
      }),
      { numRuns: numRuns(200) },
    )
  })

  it('encodes like the platform TextEncoder where it exists', () => {
    const TE = (globalThis as { TextEncoder?: new () => { encode(s: string): Uint8Array } }).TextEncoder
    fc.assert(
      fc.property(anyUtf16, (s) => {
        if (TE) expect(hex(utf8Encode(s))).toBe(hex(new TE().encode(s)))
      }),
      { numRuns: numRuns(200) },
    )
  })

  it('decodes malformed bytes like the platform TextDecoder where it exists', () => {
    const TD = (globalThis as { TextDecoder?: new () => { decode(b: Uint8Array): string } }).TextDecoder
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 50 }), (b) => {
        if (TD) expect(utf8Decode(b)).toBe(new TD().decode(b))
      }),
      { numRuns: numRuns(300) },
    )
  })
})
