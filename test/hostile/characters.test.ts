import { describe, expect, it } from 'vitest'
import { parseXml } from '../../src/xml/index'
import { KINDS, XmlKind } from '../totality/kinds'
import { accepted, expectRoundTrip, expectSyntaxError } from './support'

// Characters XML 1.0 §2.2 excludes, raw and as references, injected as the first content of each kind's root.
const REJECTED: ReadonlyArray<readonly [string, string]> = [
  ['\u0000', 'control character U+0000 is not allowed in XML'],
  ['\u0001', 'control character U+0001 is not allowed in XML'],
  ['\u0008', 'control character U+0008 is not allowed in XML'],
  ['\u000B', 'control character U+000B is not allowed in XML'],
  ['\u001F', 'control character U+001F is not allowed in XML'],
  ['&#0;', 'character reference &#0; is not an XML character'],
  ['&#1;', 'character reference &#1; is not an XML character'],
  ['&#x1F;', 'character reference &#x1F; is not an XML character'],
  ['\uD800', 'lone surrogate U+D800 is not an XML character'],
  ['\uDC00', 'lone surrogate U+DC00 is not an XML character'],
  ['&#xD800;', 'character reference &#xD800; is not an XML character'],
  ['&#xDFFF;', 'character reference &#xDFFF; is not an XML character'],
  ['\uFFFE', 'U+FFFE is not an XML character'],
  ['\uFFFF', 'U+FFFF is not an XML character'],
  ['&#xFFFE;', 'character reference &#xFFFE; is not an XML character'],
  ['&#x110000;', 'character reference &#x110000; is not an XML character'],
  ['&#1114112;', 'character reference &#1114112; is not an XML character'],
]

describe('hostile characters: every kind rejects them at their position', () => {
  for (const kind of KINDS) {
    it.each(REJECTED)(`${kind.name} rejects %j`, (bad, message) => {
      expectSyntaxError(kind, `${kind.open}${bad}${kind.close}`, 1, kind.open.length + 1, message)
    })

    it(`${kind.name} rejects a lone high surrogate after a character, and in an attribute value`, () => {
      expectSyntaxError(
        kind,
        `${kind.open}a\uDBFF${kind.close}`,
        1,
        kind.open.length + 2,
        'lone surrogate U+DBFF is not an XML character',
      )
      expectSyntaxError(
        kind,
        `${kind.open}<x a="\uDBFF"/>${kind.close}`,
        1,
        kind.open.length + 7,
        'lone surrogate U+DBFF is not an XML character',
      )
    })

    it(`${kind.name} counts CRLF, CR and LF as one line end each when placing an error`, () => {
      expectSyntaxError(
        kind,
        `${kind.open}\r\n\r\r\n\n\u0000${kind.close}`,
        5,
        1,
        'control character U+0000 is not allowed in XML',
      )
    })

    it(`${kind.name}: a UTF-16 byte-order mark read as the wrong encoding is text before the root`, () => {
      // U+FFFE is FF FE read big-endian; ÿþ is FF FE read as Latin-1; U+FFFD U+FFFD is FF FE read as UTF-8.
      for (const start of ['\uFFFE', '\u00FF\u00FE', '\uFFFD\uFFFD']) {
        expectSyntaxError(kind, `${start}${kind.open}${kind.close}`, 1, 1, 'text before the root element')
      }
      expectSyntaxError(kind, `\uFEFF\uFEFF${kind.open}${kind.close}`, 1, 1, 'text before the root element')
      expectSyntaxError(
        kind,
        `${kind.open}${kind.close}\uFEFF`,
        1,
        kind.open.length + kind.close.length + 1,
        'text after the root element',
      )
    })

    it(`${kind.name} keeps a BOM in the middle, astral characters and the largest code point, and survives a round trip`, () => {
      const value = accepted(
        kind,
        `\uFEFF${kind.open}<x y="\uFEFF">\uFEFFa&#x10FFFF;\uD83D\uDE00\u0085\u2028</x>${kind.close}`,
      )
      // JSON.stringify leaves these characters raw, so the decoded text shows up verbatim.
      expect(JSON.stringify(value)).toContain('"\uFEFFa\u{10FFFF}\u{1F600}\u0085\u2028"')
      expect(JSON.stringify(value)).toContain('"localName":"y","prefix":null,"value":"\uFEFF"')
      expectRoundTrip(kind, value)
    })
  }
})

describe('hostile characters: line ends (XML 1.0 §2.11, §3.3.3)', () => {
  it('turns CRLF and lone CR into LF in text, and every line end into a space in attribute values', () => {
    const doc = accepted<{ root: { children: unknown[] } }>(XmlKind, '<r a="1\r\n2\r3\n4\t5">a\r\nb\rc\n\r\r\nd</r>')
    expect(doc.root).toMatchObject({
      attributes: [{ localName: 'a', value: '1 2 3 4 5' }],
      children: [{ type: 'text', value: 'a\nb\nc\n\n\nd' }],
    })
  })

  it('keeps CR and LF written as references, and writes them back so they survive', () => {
    const doc = accepted(XmlKind, '<r a="&#13;&#10;&#9;">&#13;&#10;\r\n</r>')
    expect(doc).toMatchObject({
      root: { attributes: [{ value: '\r\n\t' }], children: [{ type: 'text', value: '\r\n\n' }] },
    })
    expectRoundTrip(XmlKind, doc)
  })

  it('accepts an encoding="UTF-16" declaration on text that is already decoded (the string is what counts)', () => {
    expect(parseXml('<?xml version="1.0" encoding="UTF-16"?><r/>')).toMatchObject({ _tag: 'Right' })
  })
})
