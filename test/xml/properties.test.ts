import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { parseXml, serializeXml, type XmlDocument, type XmlElement } from '../../src/xml/index'
import { fixture, fixturesIn } from '../support/fixtures'
import { numRuns } from '../support/runtime'
import { assertWellFormed } from '../support/saxes'
import { xmlDocument } from '../support/xml-arbitrary'

describe('parseXml and serializeXml: laws', () => {
  it('parseXml ∘ serializeXml = id (arbitrary namespaces, prefixes, attributes and Unicode text)', () => {
    fc.assert(
      fc.property(xmlDocument(), fc.boolean(), fc.boolean(), (doc, declaration, bom) => {
        expect(parseXml(serializeXml(doc, { declaration, bom }))).toEqual(E.right(doc))
      }),
      { numRuns: numRuns(300) },
    )
  })

  it('saxes (xmlns on) accepts every serialization', () => {
    fc.assert(
      fc.property(xmlDocument(), (doc) => {
        expect(assertWellFormed(serializeXml(doc))).toEqual([])
      }),
      { numRuns: numRuns(200) },
    )
  })

  it('serializeXml ∘ parseXml ∘ serializeXml = serializeXml (the written form is stable)', () => {
    fc.assert(
      fc.property(xmlDocument(), (doc) => {
        const once = serializeXml(doc)
        const again = parseXml(once)
        expect(E.isRight(again) && serializeXml(again.right)).toBe(once)
      }),
      { numRuns: numRuns(100) },
    )
  })
})

// Markup-heavy token soup reaches the parser's error paths far more often than uniform random strings.
const soup = fc
  .array(
    fc.oneof(
      fc.constantFrom('<', '>', '</', '/>', '<a', '<p:a', '</a>', ' ', '\n', '\r', '=', '"', "'", '&', ';', '&amp;'),
      fc.constantFrom('&#', 'x', '1', 'D800', '<!--', '-->', '--', '<![CDATA[', ']]>', '<?', '?>', 'xml', 'xmlns'),
      fc.constantFrom(':p', '="u"', '<!DOCTYPE', '\uFEFF', '\u0000', '\uD800', '\uFFFF', 'é', '\u{1F600}', ']'),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 40 },
  )
  .map((tokens) => tokens.join(''))

// Element content built from pieces that are mostly well-formed and sometimes break one rule each. Lone
// surrogates and DOCTYPE stay out: saxes accepts both, parseXml rejects both on purpose (tested elsewhere).
const tagSoup = fc
  .array(
    fc.oneof(
      {
        arbitrary: fc.constantFrom('<a>', '</a>', '<a/>', '<p:b>', '</p:b>', '<c x="1" p:y="&lt;">', '</c>', 'text'),
        weight: 4,
      },
      { arbitrary: fc.constantFrom(' ', '\r\n', '&amp;', '&#x1F600;', ']]', '>', '\t', '&#13;'), weight: 2 },
      {
        arbitrary: fc.constantFrom('<!---->', '<!-- - -->', '<![CDATA[]]>]]>', '<?pi x?>', '<d xmlns="">', '</d>'),
        weight: 2,
      },
      { arbitrary: fc.constantFrom('<q:e xmlns:q="v"/>', '<e xmlns:p="w">', '</e>', '<f a="\t" b=\'"\'/>'), weight: 2 },
      {
        arbitrary: fc.constantFrom('<', '&', '"', '=', '--', '\u0000', '\uFFFE', '<?xml?>', '&#0;'),
        weight: 1,
      },
      {
        arbitrary: fc.constantFrom('&#xD800;', '&foo;', '<p:a p:x="1" p:x="2"/>', '<z:a/>', '<g x="<"/>', ']]>'),
        weight: 1,
      },
    ),
    { maxLength: 12 },
  )
  .map((pieces) => `<r xmlns:p="u">${pieces.join('')}</r>`)

describe('parseXml is total', () => {
  it('never throws on arbitrary strings and always answers Left with a message or Right with a root', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), soup), (text) => {
        const result = parseXml(text)
        if (E.isLeft(result)) {
          expect(result.left.length).toBe(1)
          expect(typeof result.left[0]!.message).toBe('string')
        } else expect(result.right.root.type).toBe('element')
      }),
      { numRuns: numRuns(1000) },
    )
  })

  it('agrees with saxes on tag soup: parseXml accepts exactly what saxes (xmlns on) accepts', () => {
    let accepted = 0
    fc.assert(
      fc.property(tagSoup, (text) => {
        const ours = E.isRight(parseXml(text))
        if (ours) accepted++
        expect({ text, ours }).toEqual({ text, ours: assertWellFormed(text).length === 0 })
      }),
      { numRuns: numRuns(1000) },
    )
    // The law means little unless a fair share of the soup is well-formed.
    expect(accepted).toBeGreaterThan(0)
  })

  const corpus = [...fixturesIn('filesync', '.xml'), ...fixturesIn('sdata', '.xml')].map((path) => fixture(path))
  const mutation = fc.record({
    kind: fc.constantFrom('delete', 'insert', 'replace', 'duplicate'),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 8 }),
    unit: fc.integer({ min: 0, max: 0xffff }),
  })

  it('never throws on byte-level mutations of the valid corpus documents', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), (which, mutations) => {
        let text = corpus[which % corpus.length]!
        for (const m of mutations) {
          const at = m.at % (text.length + 1)
          const unit = String.fromCharCode(m.unit)
          if (m.kind === 'delete') text = text.slice(0, at) + text.slice(at + m.length)
          else if (m.kind === 'insert') text = text.slice(0, at) + unit + text.slice(at)
          else if (m.kind === 'replace') text = text.slice(0, at) + unit + text.slice(at + 1)
          else text = text.slice(0, at) + text.slice(at, at + m.length) + text.slice(at)
        }
        const result = parseXml(text)
        if (E.isLeft(result)) {
          const [error] = result.left
          expect(error!.line).toBeGreaterThanOrEqual(1)
          expect(error!.column).toBeGreaterThanOrEqual(1)
        } else expect(assertWellFormed(text)).toEqual([])
      }),
      { numRuns: numRuns(500) },
    )
  })
})

// A model of what the serializer must write for characters XML 1.0 cannot carry.
function replaceIllegal(s: string): string {
  return s.replace(
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  )
}

describe('serializeXml: characters XML cannot carry', () => {
  const anyUnits = fc
    .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 20 })
    .map((units) => String.fromCharCode(...units))

  it('writes U+FFFD for them, in text and in attributes, and the rest survives', () => {
    fc.assert(
      fc.property(anyUnits, anyUnits, (text, value) => {
        const root: XmlElement = {
          type: 'element',
          namespace: null,
          localName: 'r',
          prefix: null,
          attributes: [{ namespace: null, localName: 'v', prefix: null, value }],
          children: [{ type: 'text', value: `x${text}` }],
        }
        const written = serializeXml({ root })
        expect(assertWellFormed(written)).toEqual([])
        const back = parseXml(written)
        const expected: XmlDocument = {
          root: {
            ...root,
            attributes: [{ namespace: null, localName: 'v', prefix: null, value: replaceIllegal(value) }],
            children: [{ type: 'text', value: `x${replaceIllegal(text)}` }],
          },
        }
        expect(back).toEqual(E.right(expected))
      }),
      { numRuns: numRuns(300) },
    )
  })
})
