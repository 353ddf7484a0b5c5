import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, parseXml, serializeXml, type XmlElement, type XmlError } from '../../src/xml/index'
import { xmlFault } from '../support/issues'

function failure(text: string, options?: Parameters<typeof parseXml>[1]): XmlError {
  const result = parseXml(text, options)
  if (E.isRight(result)) throw new Error('expected the input to be rejected')
  expect(result.left).toHaveLength(1)
  return result.left[0]!
}

// OWASP's classic entity-expansion bomb ("billion laughs") and an XXE probe.
const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<lolz>&lol9;</lolz>`

const externalEntity = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<foo>&xxe;</foo>`

describe('hostile input: DTDs and entities', () => {
  it('rejects billion laughs at its DOCTYPE, before any expansion', () => {
    expect(failure(billionLaughs)).toEqual(
      xmlFault('not-well-formed', expect.stringMatching(/^DOCTYPE is not allowed/), 2, 1),
    )
  })

  it('rejects an external entity at its DOCTYPE', () => {
    expect(failure(externalEntity)).toMatchObject({ message: expect.stringMatching(/^DOCTYPE/), line: 2, column: 1 })
  })

  it('rejects a DOCTYPE without an internal subset, and one inside content', () => {
    expect(failure('<!DOCTYPE a SYSTEM "http://example.com/a.dtd"><a/>').message).toMatch(/^DOCTYPE/)
    expect(failure('<a><!DOCTYPE a></a>').message).toMatch(/^DOCTYPE/)
  })

  it('rejects undefined entities, even the HTML ones', () => {
    expect(failure('<a>&lol9;</a>')).toEqual(
      xmlFault('not-well-formed', 'undefined entity &lol9; (only &lt; &gt; &amp; &apos; &quot; exist)', 1, 4),
    )
    expect(failure('<a b="&nbsp;"/>').message).toMatch(/^undefined entity &nbsp;/)
  })

  it.each([
    ['&#xD800;', 'character reference &#xD800; is not an XML character'],
    ['&#0;', 'character reference &#0; is not an XML character'],
    ['&#x110000;', 'character reference &#x110000; is not an XML character'],
    ['&#99999999999999999999999;', 'character reference &#99999999999999999999999; is not an XML character'],
    ['&#xFFFF;', 'character reference &#xFFFF; is not an XML character'],
    ['&#;', 'malformed character reference'],
    ['&#x;', 'malformed character reference'],
    ['&#65', 'malformed character reference'],
  ])('rejects the reference %s', (reference, message) => {
    expect(failure(`<a>${reference}</a>`)).toEqual(xmlFault('not-well-formed', message, 1, 4))
  })
})

describe('hostile input: limits', () => {
  it('rejects 100k-deep nesting at the first element past maxDepth, without a stack overflow', () => {
    const depth = 100_000
    const text = '<a>'.repeat(depth) + '</a>'.repeat(depth)
    expect(failure(text)).toEqual(
      xmlFault(
        'limit',
        `elements nested deeper than maxDepth (${DEFAULT_LIMITS.maxDepth})`,
        1,
        3 * DEFAULT_LIMITS.maxDepth + 1,
      ),
    )
  })

  it('parses and writes 100k-deep nesting when the limit allows it: nothing recurses on depth', () => {
    const depth = 100_000
    const text = '<a>'.repeat(depth) + '</a>'.repeat(depth)
    const result = parseXml(text, { maxDepth: depth })
    if (E.isLeft(result)) throw new Error(JSON.stringify(result.left))
    let levels = 0
    for (let element: XmlElement | undefined = result.right.root; element; levels++) {
      element = element.children[0] as XmlElement | undefined
    }
    expect(levels).toBe(depth)
    expect(serializeXml(result.right, { declaration: false })).toBe(text.replace('<a></a>', '<a/>'))
  })

  it('rejects a 50 MB attribute value by maxLength before reading it', () => {
    const text = `<a b="${'x'.repeat(50 * 1024 * 1024)}"/>`
    expect(failure(text)).toEqual(
      xmlFault(
        'limit',
        `the input is ${text.length} characters long, more than maxLength (${DEFAULT_LIMITS.maxLength})`,
      ),
    )
  })

  it('reads a 1 MB attribute value when the limit allows it', () => {
    const result = parseXml(`<a b="${'x'.repeat(1_000_000)}&amp;"/>`, { maxLength: 2 * 1024 * 1024 })
    expect(E.isRight(result) && result.right.root.attributes[0]!.value.length).toBe(1_000_001)
  })

  it('rejects more than maxAttributes attributes, at the first one too many', () => {
    const attributes = (n: number) => Array.from({ length: n }, (_, k) => ` a${k}="${k}"`).join('')
    const text = `<a${attributes(DEFAULT_LIMITS.maxAttributes + 1)}/>`
    const error = failure(text)
    expect(error.message).toBe(`more than maxAttributes (${DEFAULT_LIMITS.maxAttributes}) attributes on <a>`)
    expect(error.column).toBe(text.lastIndexOf(' a') + 2)
    expect(E.isRight(parseXml(`<a${attributes(DEFAULT_LIMITS.maxAttributes)}/>`))).toBe(true)
    expect(failure(`<a${attributes(3)}/>`, { maxAttributes: 2 }).message).toMatch(/^more than maxAttributes \(2\)/)
  })

  it('rejects names longer than maxNameLength', () => {
    const long = 'n'.repeat(DEFAULT_LIMITS.maxNameLength + 1)
    expect(failure(`<${long}/>`)).toEqual(
      xmlFault('limit', `name longer than maxNameLength (${DEFAULT_LIMITS.maxNameLength})`, 1, 2),
    )
    expect(failure(`<a ${long}="1"/>`).column).toBe(4)
    expect(E.isRight(parseXml(`<${long.slice(1)}/>`))).toBe(true)
  })

  it('keeps a limit on when the option is not a number', () => {
    const deep = '<a>'.repeat(300) + '</a>'.repeat(300)
    expect(failure(deep, { maxDepth: Number.NaN }).message).toBe('elements nested deeper than maxDepth (256)')
    expect(failure(deep, { maxDepth: '9' as unknown as number }).message).toMatch(/maxDepth \(256\)/)
    expect(E.isRight(parseXml(deep, { maxDepth: Number.POSITIVE_INFINITY }))).toBe(true)
  })

  it('applies a lowered maxLength and maxDepth', () => {
    expect(failure('<a>1234</a>', { maxLength: 10 }).message).toMatch(/more than maxLength \(10\)$/)
    expect(failure('<a><b/></a>', { maxDepth: 1 })).toMatchObject({ line: 1, column: 4 })
  })
})

describe('hostile input: names that are special to JavaScript', () => {
  const names = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__']

  it('parses them as plain element and attribute names and leaves Object.prototype alone', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort()
    const attributes = names.map((name, k) => ` ${name}="${k}"`).join('')
    const children = names.map((name) => `<${name} __proto__="polluted" constructor="x"><polluted/></${name}>`).join('')
    const result = parseXml(
      `<__proto__ xmlns:constructor="urn:c"${attributes}>${children}<constructor:prototype/></__proto__>`,
    )
    if (E.isLeft(result)) throw new Error(JSON.stringify(result.left))
    const root = result.right.root
    expect(root.localName).toBe('__proto__')
    expect(Object.getPrototypeOf(root)).toBe(Object.prototype)
    expect(root.attributes.slice(1).map((a) => [a.localName, a.value])).toEqual(names.map((name, k) => [name, `${k}`]))
    expect(root.children.map((c) => (c.type === 'element' ? c.localName : ''))).toEqual([...names, 'prototype'])
    expect(root.children[names.length]).toMatchObject({ namespace: 'urn:c', prefix: 'constructor' })
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(serializeXml(result.right, { declaration: false })).toContain('<constructor:prototype/>')
  })
})

describe('hostile input: well-formedness', () => {
  it.each([
    ['two roots', '<a/><b/>', 'a second root element; a document has exactly one', 1, 5],
    ['mismatched tags', '<a><b></a></b>', 'end tag </a> does not match start tag <b> (line 1, column 4)', 1, 7],
    ['an unclosed root', '<a><b></b>', 'element <a> is not closed', 1, 1],
    ['a stray end tag', '<a/></a>', 'end tag without a start tag', 1, 5],
    ['< in an attribute', '<a b="x<y"/>', '< is not allowed in attribute values; write &lt;', 1, 8],
    [']]> in text', '<a>x]]>y</a>', ']]> is not allowed in text; write ]]&gt;', 1, 5],
    ['an unbound element prefix', '<a><s:b/></a>', 'unbound namespace prefix s in <s:b>', 1, 5],
    ['an unbound attribute prefix', '<a s:b="1"/>', 'unbound namespace prefix s in attribute s:b', 1, 4],
    ['a duplicate attribute', '<a b="1" b="2"/>', 'duplicate attribute b', 1, 10],
    [
      'a duplicate expanded name',
      '<a xmlns:p="u" xmlns:q="u" p:b="1" q:b="2"/>',
      'attributes p:b and q:b have the same expanded name {u}b',
      1,
      36,
    ],
    ['a control character', '<a>\u0007</a>', 'control character U+0007 is not allowed in XML', 1, 4],
    ['a control character in an attribute', '<a b="\u001b"/>', 'control character U+001B is not allowed in XML', 1, 7],
    ['NUL', '<a>\u0000</a>', 'control character U+0000 is not allowed in XML', 1, 4],
    ['a lone surrogate', '<a>\uD800x</a>', 'lone surrogate U+D800 is not an XML character', 1, 4],
    ['an illegal name start', '<a><-b/></a>', 'expected an element name after <', 1, 5],
    ['text after the root', '<a/>\n\nx', 'text after the root element', 3, 1],
    [
      'a late XML declaration',
      '<a><?xml version="1.0"?></a>',
      'an XML declaration is allowed only at the very start of the document',
      1,
      4,
    ],
    ['an unterminated comment', '<a><!-- x</a>', 'comment is not closed', 1, 4],
    ['a comment ending in ---', '<a><!-- x ---></a>', '-- is not allowed inside a comment', 1, 11],
  ])('rejects %s', (_, text, message, line, column) => {
    expect(failure(text)).toEqual(xmlFault('not-well-formed', message, line, column))
  })
})
