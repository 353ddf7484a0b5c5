import { describe, expect, it } from 'vitest'
import type { XmlElement } from '../../src/xml/index'
import { elementText, escapeAttribute, escapeText, isElement, qualifiedName } from '../../src/xml/index'

// The escapers against a reference written from their contract (the TSDoc of escapeText and escapeAttribute), on every
// BMP code unit in four neighbourhoods: alone, between letters, before a low surrogate and after a high one. Raised
// from mutation testing (issue 7): the round-trip properties draw too few characters to reach each boundary.

const FFFD = '\uFFFD'

function reference(value: string, attribute: boolean): string {
  let out = ''
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    const ch = value[i]!
    if (ch === '&') out += '&amp;'
    else if (ch === '<') out += '&lt;'
    else if (ch === '>') out += attribute ? '>' : '&gt;'
    else if (ch === '"') out += attribute ? '&quot;' : '"'
    else if (ch === '\r') out += '&#13;'
    else if (ch === '\n') out += attribute ? '&#10;' : '\n'
    else if (ch === '\t') out += attribute ? '&#9;' : '\t'
    else if (c < 0x20) out += FFFD
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = value.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += value.slice(i, i + 2)
        i++
      } else out += FFFD
    } else if (c >= 0xdc00 && c <= 0xdfff) out += FFFD
    else if (c === 0xfffe || c === 0xffff) out += FFFD
    else out += ch
  }
  return out
}

describe('escapeText and escapeAttribute', () => {
  it('agree with the reference on every BMP code unit, in four neighbourhoods', () => {
    const faults: string[] = []
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c)
      for (const value of [ch, `a${ch}b`, `${ch}\udc00`, `\ud800${ch}`]) {
        for (const attribute of [false, true]) {
          const got = attribute ? escapeAttribute(value) : escapeText(value)
          if (got !== reference(value, attribute))
            faults.push(`${attribute ? 'attribute' : 'text'} U+${c.toString(16)}`)
        }
      }
    }
    expect(faults.slice(0, 20)).toEqual([])
  })

  it('escape every occurrence, not only the first, and return plain values unchanged', () => {
    expect(escapeText('a<b<c&d>e\r\n"')).toBe('a&lt;b&lt;c&amp;d&gt;e&#13;\n"')
    expect(escapeAttribute('a"b"\t\n\r<>&')).toBe('a&quot;b&quot;&#9;&#10;&#13;&lt;>&amp;')
    expect(escapeText('\u0001x\u0002\ud800\udc00\udc00\ufffe')).toBe(`${FFFD}x${FFFD}\ud800\udc00${FFFD}${FFFD}`)
    const plain = 'plain text: 0-9 A-Z é 😀'
    expect(escapeText(plain)).toBe(plain)
    expect(escapeAttribute(plain)).toBe(plain)
  })
})

describe('tree helpers', () => {
  const text = (value: string) => ({ type: 'text' as const, value })
  const el = (children: XmlElement['children']): XmlElement => ({
    type: 'element',
    namespace: null,
    localName: 'a',
    prefix: null,
    attributes: [],
    children,
  })

  it('isElement tells elements from text', () => {
    expect(isElement(el([]))).toBe(true)
    expect(isElement(text('x'))).toBe(false)
  })

  it('elementText joins the text children and skips elements', () => {
    expect(elementText(el([]))).toBe('')
    expect(elementText(el([text('x')]))).toBe('x')
    expect(elementText(el([el([text('inner')])]))).toBe('')
    expect(elementText(el([text('x'), el([text('inner')]), text('y')]))).toBe('xy')
  })

  it('qualifiedName writes a prefix only when there is one', () => {
    expect(qualifiedName({ prefix: null, localName: 'a' })).toBe('a')
    expect(qualifiedName({ prefix: '', localName: 'a' })).toBe('a')
    expect(qualifiedName({ prefix: 'p', localName: 'a' })).toBe('p:a')
  })
})
