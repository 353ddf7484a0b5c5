import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import {
  elementText,
  escapeAttribute,
  escapeText,
  isElement,
  parseXml,
  qualifiedName,
  serializeXml,
  XML_NAMESPACE,
  XMLNS_NAMESPACE,
  type XmlAttribute,
  type XmlElement,
} from '../../src/xml/index'
import { numRuns } from '../support/runtime'
import { assertWellFormed } from '../support/saxes'
import { looseXmlDocument } from '../support/xml-arbitrary'

const el = (
  namespace: string | null,
  localName: string,
  prefix: string | null,
  attributes: XmlAttribute[] = [],
  children: XmlElement['children'] = [],
): XmlElement => ({ type: 'element', namespace, localName, prefix, attributes, children })
const attr = (namespace: string | null, localName: string, prefix: string | null, value: string): XmlAttribute => ({
  namespace,
  localName,
  prefix,
  value,
})
const xmlns = (prefix: string | null, value: string): XmlAttribute =>
  prefix === null ? attr(XMLNS_NAMESPACE, 'xmlns', null, value) : attr(XMLNS_NAMESPACE, prefix, 'xmlns', value)
const write = (root: XmlElement) => serializeXml({ root }, { declaration: false })

describe('serializeXml: escaping', () => {
  it('escapes text: & < > always, CR as &#13;, quotes, tab and LF literally', () => {
    expect(escapeText(`a<b>&]]>\r\n\t"'`)).toBe(`a&lt;b&gt;&amp;]]&gt;&#13;\n\t"'`)
    expect(write(el(null, 'a', null, [], [{ type: 'text', value: 'x]]>y' }]))).toBe('<a>x]]&gt;y</a>')
  })

  it('escapes attribute values: & < " and tab, LF, CR as character references', () => {
    expect(escapeAttribute(`"<&>\t\n\r'`)).toBe(`&quot;&lt;&amp;>&#9;&#10;&#13;'`)
    const root = el(null, 'a', null, [attr(null, 'b', null, ' \t\n\r ')])
    expect(write(root)).toBe('<a b=" &#9;&#10;&#13; "/>')
    expect(parseXml(write(root))).toEqual(E.right({ root }))
  })

  it('writes U+FFFD for characters XML cannot carry, keeps astral characters', () => {
    expect(escapeText('\u0000\u0008\u000B\u001F\uFFFE\uFFFF\uD800x\uDC00\u{1F600}')).toBe(
      `${'\uFFFD'.repeat(7)}x\uFFFD\u{1F600}`,
    )
    expect(escapeAttribute('a\u0001b')).toBe('a\uFFFDb')
  })

  it('returns values that need nothing unchanged', () => {
    const value = 'plain text, ü, \u{1F600}, tab\t'
    expect(escapeText(value)).toBe(value)
  })
})

describe('serializeXml: declaration and BOM', () => {
  const root = el(null, 'a', null)
  it('writes the XML declaration by default, and a BOM only when asked', () => {
    expect(serializeXml({ root })).toBe('<?xml version="1.0" encoding="UTF-8"?><a/>')
    expect(serializeXml({ root }, { declaration: false })).toBe('<a/>')
    expect(serializeXml({ root }, { bom: true })).toBe('\uFEFF<?xml version="1.0" encoding="UTF-8"?><a/>')
  })
})

describe('serializeXml: prefixes', () => {
  it('keeps prefixes as read when the declarations are there', () => {
    const text = '<f xmlns="urn:atom" xmlns:s="urn:s"><s:x s:y="1"><z xmlns="urn:z" xml:lang="en"/></s:x></f>'
    const result = parseXml(text)
    expect(E.isRight(result) && serializeXml(result.right, { declaration: false })).toBe(text)
  })

  it('declares a missing namespace, reusing the prefix as read', () => {
    expect(write(el('urn:a', 'x', 'a'))).toBe('<a:x xmlns:a="urn:a"/>')
    expect(write(el('urn:a', 'x', null))).toBe('<x xmlns="urn:a"/>')
  })

  it('undeclares the default namespace for an element in no namespace', () => {
    expect(write(el('urn:a', 'x', null, [], [el(null, 'y', null)]))).toBe('<x xmlns="urn:a"><y xmlns=""/></x>')
  })

  it('generates ns1, ns2… for attributes in a namespace without a usable prefix', () => {
    expect(write(el(null, 'x', null, [attr('urn:b', 'y', null, '1')]))).toBe('<x xmlns:ns1="urn:b" ns1:y="1"/>')
    const root = el(null, 'x', null, [xmlns('ns1', 'urn:z')], [el(null, 'y', null, [attr('urn:b', 'z', null, '1')])])
    expect(write(root)).toBe('<x xmlns:ns1="urn:z"><y xmlns:ns2="urn:b" ns2:z="1"/></x>')
  })

  it('reuses a prefix in scope for an attribute whose own prefix is missing', () => {
    const root = el('urn:a', 'x', 'a', [xmlns('a', 'urn:a')], [el(null, 'y', null, [attr('urn:a', 'z', null, '1')])])
    expect(write(root)).toBe('<a:x xmlns:a="urn:a"><y a:z="1"/></a:x>')
  })

  it('never rebinds a prefix that the same tag relies on', () => {
    expect(write(el('urn:1', 'x', 'p', [attr('urn:2', 'y', 'p', 'v')]))).toBe(
      '<p:x xmlns:p="urn:1" xmlns:ns1="urn:2" ns1:y="v"/>',
    )
    expect(write(el('urn:1', 'x', 'p', [xmlns('p', 'urn:2')]))).toBe('<ns1:x xmlns:ns1="urn:1" xmlns:p="urn:2"/>')
  })

  it('drops declarations XML forbids and writes xml: names without one', () => {
    const root = el(null, 'x', null, [
      xmlns('xmlns', 'urn:a'),
      xmlns('p', ''),
      xmlns('q', XMLNS_NAMESPACE),
      xmlns('xml', 'urn:wrong'),
      attr(XML_NAMESPACE, 'lang', 'xml', 'en'),
      xmlns(null, 'urn:default'),
    ])
    expect(write(root)).toBe('<x xml:lang="en" xmlns=""/>')
  })

  it('writes an element in the xmlns namespace, which XML cannot express, in no namespace', () => {
    expect(write(el(XMLNS_NAMESPACE, 'x', 'xmlns', [], [el('urn:a', 'y', null)]))).toBe('<x><y xmlns="urn:a"/></x>')
  })

  it('writes the first of two attributes with the same expanded name', () => {
    expect(write(el(null, 'x', null, [attr('urn:a', 'y', 'a', '1'), attr('urn:a', 'y', 'b', '2')]))).toBe(
      '<x xmlns:a="urn:a" a:y="1"/>',
    )
  })
})

describe('serializeXml: regressions found by the properties', () => {
  it('keeps a declaration after the attribute that uses it in place (the attribute order survives)', () => {
    const root = el(null, 'a', null, [attr(null, 'a', null, ''), xmlns(null, '')])
    expect(write(root)).toBe('<a a="" xmlns=""/>')
    expect(parseXml(write(root))).toEqual(E.right({ root }))
  })

  it('drops an xmlns:xmlns declaration instead of reading it as the default namespace', () => {
    expect(write(el('urn:a', 'x', null, [xmlns('xmlns', 'urn:b')]))).toBe('<x xmlns="urn:a"/>')
  })
})

/** Namespace, local name and non-declaration attributes of every element, in document order. */
function names(root: XmlElement): unknown[] {
  const out: unknown[] = []
  const stack = [root]
  while (stack.length > 0) {
    const element = stack.pop()!
    const kept: XmlAttribute[] = []
    for (const a of element.attributes) {
      if (a.namespace === XMLNS_NAMESPACE || (a.namespace === null && a.localName === 'xmlns')) continue
      if (kept.some((k) => k.namespace === a.namespace && k.localName === a.localName)) continue
      kept.push(a)
    }
    out.push([element.namespace, element.localName, kept.map((a) => [a.namespace, a.localName, a.value])])
    stack.push(...element.children.filter(isElement).reverse())
  }
  return out
}

describe('serializeXml: trees built by hand', () => {
  it('writes namespace-well-formed XML that keeps every namespace, local name and attribute value', () => {
    fc.assert(
      fc.property(looseXmlDocument(), (doc) => {
        const written = serializeXml(doc)
        expect(assertWellFormed(written)).toEqual([])
        const back = parseXml(written)
        if (E.isLeft(back)) throw new Error(`${JSON.stringify(back.left)} in ${written}`)
        expect(names(back.right.root)).toEqual(names(doc.root))
      }),
      { numRuns: numRuns(300) },
    )
  })

  it('writes many attributes: duplicates dropped, one generated prefix per namespace', () => {
    const count = 4_000
    const attributes = Array.from({ length: count }, (_, k) => attr(`urn:n${k % (count / 2)}`, 'a', null, `${k}`))
    const written = write(el(null, 'x', null, attributes))
    const back = parseXml(written, { maxAttributes: count * 2 })
    if (E.isLeft(back)) throw new Error(JSON.stringify(back.left))
    const regular = back.right.root.attributes.filter((a) => a.namespace !== XMLNS_NAMESPACE)
    expect(regular.map((a) => [a.namespace, a.prefix, a.value])).toEqual(
      attributes.slice(0, count / 2).map((a, k) => [a.namespace, `ns${k + 1}`, a.value]),
    )
  })

  it('writes 100k-deep trees without recursion', () => {
    const root = el(null, 'a', null)
    let leaf = root
    for (let k = 1; k < 100_000; k++) {
      const child = el(null, 'a', null)
      leaf.children.push(child)
      leaf = child
    }
    expect(write(root)).toBe(`${'<a>'.repeat(99_999)}<a/>${'</a>'.repeat(99_999)}`)
  })

  it('writes output far longer than one chunk exactly, in order (the writer flushes its text in chunks)', () => {
    // Wide, with escaped text, self-closed children and declarations, so chunk boundaries fall everywhere.
    const children: XmlElement['children'] = []
    let expected = ''
    for (let k = 0; k < 20_000; k++) {
      children.push(el('urn:s', 'v', 's', [attr(null, 'k', null, `${k}"`)], [{ type: 'text', value: `<${k}>` }]))
      children.push(el(null, 'e', null))
      expected += `<s:v xmlns:s="urn:s" k="${k}&quot;">&lt;${k}&gt;</s:v><e/>`
    }
    const written = serializeXml({ root: el(null, 'r', null, [], children) }, { bom: true })
    expect(written).toBe(`\uFEFF<?xml version="1.0" encoding="UTF-8"?><r>${expected}</r>`)
  })
})

describe('tree helpers', () => {
  const tick = el('urn:s', 'tick', 'sync', [], [{ type: 'text', value: '5' }])
  it('elementText concatenates direct text children only', () => {
    expect(elementText(tick)).toBe('5')
    expect(
      elementText(el(null, 'a', null, [], [{ type: 'text', value: 'x' }, tick, { type: 'text', value: 'y' }])),
    ).toBe('xy')
    expect(elementText(el(null, 'a', null, [], [tick]))).toBe('')
  })

  it('qualifiedName shows the prefix as read; isElement tells elements from text', () => {
    expect(qualifiedName(tick)).toBe('sync:tick')
    expect(qualifiedName(attr(null, 'href', null, 'x'))).toBe('href')
    expect(tick.children.map(isElement)).toEqual([false])
  })
})
