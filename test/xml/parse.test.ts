import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { parseXml, XMLNS_NAMESPACE, type XmlDocument, type XmlElement, type XmlError } from '../../src/xml/index'
import { rootOf } from '../support/decode'

function failure(text: string): XmlError {
  const result = parseXml(text)
  if (E.isRight(result)) throw new Error(`expected an error for ${JSON.stringify(text.slice(0, 80))}`)
  expect(result.left).toHaveLength(1)
  return result.left[0]!
}

const el = (
  namespace: string | null,
  localName: string,
  prefix: string | null,
  attributes: XmlElement['attributes'] = [],
  children: XmlElement['children'] = [],
): XmlElement => ({ type: 'element', namespace, localName, prefix, attributes, children })

describe('parseXml: namespaces', () => {
  it('resolves prefixes and represents declarations as DOM xmlns attributes', () => {
    const root = rootOf('<a:x xmlns:a="urn:a" xmlns="urn:d" a:y="1" z="2"><w/></a:x>')
    expect(root).toEqual(
      el(
        'urn:a',
        'x',
        'a',
        [
          { namespace: XMLNS_NAMESPACE, localName: 'a', prefix: 'xmlns', value: 'urn:a' },
          { namespace: XMLNS_NAMESPACE, localName: 'xmlns', prefix: null, value: 'urn:d' },
          { namespace: 'urn:a', localName: 'y', prefix: 'a', value: '1' },
          { namespace: null, localName: 'z', prefix: null, value: '2' },
        ],
        [el('urn:d', 'w', null)],
      ),
    )
  })

  it('redeclares and undeclares the default namespace at any depth', () => {
    const root = rootOf('<f xmlns="urn:atom"><s xmlns="urn:sync"><t/><u xmlns=""><v/></u></s><w/></f>')
    const s = root.children[0] as XmlElement
    const u = s.children[1] as XmlElement
    expect(s.namespace).toBe('urn:sync')
    expect((s.children[0] as XmlElement).namespace).toBe('urn:sync')
    expect(u.namespace).toBeNull()
    expect((u.children[0] as XmlElement).namespace).toBeNull()
    expect((root.children[1] as XmlElement).namespace).toBe('urn:atom')
  })

  it('rebinds a prefix for a subtree only', () => {
    const root = rootOf('<p:a xmlns:p="urn:1"><p:b xmlns:p="urn:2"><p:c/></p:b><p:d/></p:a>')
    const b = root.children[0] as XmlElement
    expect([root.namespace, b.namespace, (b.children[0] as XmlElement).namespace]).toEqual(['urn:1', 'urn:2', 'urn:2'])
    expect((root.children[1] as XmlElement).namespace).toBe('urn:1')
  })

  it('predefines the xml prefix and keeps unprefixed attributes in no namespace', () => {
    const root = rootOf('<a xmlns="urn:d" xml:lang="en" b="1"/>')
    expect(root.attributes[1]).toEqual({
      namespace: 'http://www.w3.org/XML/1998/namespace',
      localName: 'lang',
      prefix: 'xml',
      value: 'en',
    })
    expect(root.attributes[2]!.namespace).toBeNull()
  })

  it.each([
    ['<p:a/>', 'unbound namespace prefix p'],
    ['<a p:b="1"/>', 'unbound namespace prefix p'],
    ['<a xmlns:p="u"/>\n', ''],
    ['<a xmlns:p=""/>', 'cannot undeclare'],
    ['<a xmlns:xmlns="u"/>', 'xmlns cannot be declared'],
    ['<a xmlns:xml="urn:x"/>', 'prefix xml can only'],
    ['<a xmlns:q="http://www.w3.org/XML/1998/namespace"/>', 'reserved prefix'],
    ['<xmlns:a/>', 'prefix xmlns'],
    ['<a:b:c xmlns:a="u"/>', 'more than one colon'],
    ['<a xmlns:p="u" xmlns:q="u" p:x="1" q:x="2"/>', 'same expanded name'],
  ])('namespace rule for %s', (text, message) => {
    if (message === '') expect(E.isRight(parseXml(text))).toBe(true)
    else expect(failure(text).message).toContain(message)
  })
})

describe('parseXml: text and whitespace', () => {
  it('keeps leaf text exactly, spaces included', () => {
    expect(rootOf('<X>   </X>').children).toEqual([{ type: 'text', value: '   ' }])
    expect(rootOf('<X>  a b  </X>').children).toEqual([{ type: 'text', value: '  a b  ' }])
  })

  it('drops whitespace-only text only beside element children, and merges text across comments and CDATA', () => {
    const root = rootOf('<a>\n  <b/>\n  <!-- c -->\n  <c/> x <d/>\n</a>')
    expect(root.children.map((n) => (n.type === 'text' ? n.value : n.localName))).toEqual(['b', 'c', ' x ', 'd'])
    expect(rootOf('<a>1<!--c-->2<![CDATA[<&>]]>3<?pi x?>4</a>').children).toEqual([{ type: 'text', value: '12<&>34' }])
  })

  it('normalises CRLF and lone CR to LF, also in CDATA, but keeps &#13;', () => {
    expect(rootOf('<a>1\r\n2\r3&#13;4<![CDATA[\r\n]]></a>').children).toEqual([{ type: 'text', value: '1\n2\n3\r4\n' }])
  })

  it('normalises attribute values (§3.3.3) but keeps characters written as references', () => {
    expect(rootOf('<a b="1\t2\n3\r\n4\r5" c="&#9;&#10;&#13;&lt;&amp;&quot;&apos;&gt;"/>').attributes).toEqual([
      { namespace: null, localName: 'b', prefix: null, value: '1 2 3 4 5' },
      { namespace: null, localName: 'c', prefix: null, value: '\t\n\r<&"\'>' },
    ])
  })

  it('decodes the predefined entities and character references, astral ones included', () => {
    expect(rootOf('<a>&lt;&gt;&amp;&apos;&quot;&#65;&#x42;&#x1F600;&#1114111;</a>').children).toEqual([
      { type: 'text', value: `<>&'"AB\u{1F600}\u{10FFFF}` },
    ])
  })

  it('accepts a UTF-8 BOM, an XML declaration, comments and PIs around the root', () => {
    const text = '\uFEFF<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<!-- c --><?pi?>\n<a/>\n<!-- e -->\n'
    expect(rootOf(text)).toEqual(el(null, 'a', null))
  })
})

describe('parseXml: errors carry line and column', () => {
  it.each([
    ['<a>\n  <b>\n</a>', 'does not match', 3, 1],
    ['<a>\n  x &nbsp; y</a>', 'undefined entity &nbsp;', 2, 5],
    ['<a>\r\n\r\n<b c="1" c="2"/></a>', 'duplicate attribute c', 3, 10],
    ['\uFEFF<a>\u0001</a>', 'control character U+0001', 1, 4],
    ['  <?xml version="1.0"?><a/>', 'only at the very start', 1, 3],
    ['<a>', 'is not closed', 1, 1],
    ['', 'no root element', 1, 1],
    ['<a/>x', 'text after the root', 1, 5],
    ['x<a/>', 'text before the root', 1, 1],
    ['<a><!-- a -- b --></a>', '-- is not allowed', 1, 11],
    ['<a>&#0;</a>', 'not an XML character', 1, 4],
    ['<a>&#x110000;</a>', 'not an XML character', 1, 4],
    ['<a>&#xFFFE;</a>', 'not an XML character', 1, 4],
    ['<a>\uFFFF</a>', 'U+FFFF', 1, 4],
    ['<a>\uDC00</a>', 'lone surrogate', 1, 4],
    ['<a>a & b</a>', 'bare &', 1, 6],
    ['<1a/>', 'expected an element name', 1, 2],
    ['<a b="1"c="2"/>', 'white space is needed', 1, 9],
    ['<a b=1/>', 'quoted attribute value', 1, 6],
    ['<a><![CDATA[x</a>', 'CDATA section is not closed', 1, 4],
    ['<?xml version="2.0"?><a/>', 'unsupported XML version', 1, 1],
  ])('%j', (text, message, line, column) => {
    const error = failure(text)
    expect(error.message).toContain(message)
    expect([error.line, error.column]).toEqual([line, column])
  })
})

describe('parseXml: input shapes', () => {
  it('returns the document shape the contract names', () => {
    const result = parseXml('<r/>')
    const expected: XmlDocument = { root: el(null, 'r', null) }
    expect(result).toEqual(E.right(expected))
  })
})
