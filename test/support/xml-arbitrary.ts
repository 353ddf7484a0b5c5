// fast-check generators of XML characters, text and whole namespace-rich documents in the shape parseXml returns.
// Reusable by every area's property tests (XML 1.0 §2.2 Char ranges; DESIGN.md "The API contract" → XML).

import fc from 'fast-check'
import {
  XML_NAMESPACE,
  XMLNS_NAMESPACE,
  type XmlAttribute,
  type XmlDocument,
  type XmlElement,
  type XmlNode,
} from '../../src/xml/index'

const fromCodePoint = (cp: number): string => String.fromCodePoint(cp)

/**
 * One XML 1.0 character (one or two UTF-16 units), weighted toward the characters escaping gets wrong
 * (`& < > " ' ]`) and toward white space, then ASCII, the rest of the BMP and the astral planes.
 */
export const xmlChar: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom('&', '<', '>', '"', "'", ']'), weight: 5 },
  { arbitrary: fc.constantFrom(' ', '\t', '\n', '\r'), weight: 3 },
  { arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map(fromCodePoint), weight: 4 },
  { arbitrary: fc.integer({ min: 0x80, max: 0xd7ff }).map(fromCodePoint), weight: 2 },
  { arbitrary: fc.integer({ min: 0xe000, max: 0xfffd }).map(fromCodePoint), weight: 1 },
  { arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map(fromCodePoint), weight: 1 },
)

/** Text made of {@link xmlChar}s and of sequences that are markup when written raw (`]]>`, `&amp;`, `<!--`). */
export function xmlText(maxLength = 12): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { arbitrary: xmlChar, weight: 10 },
    { arbitrary: fc.constantFrom(']]>', '&amp;', '<!--', '\r\n', '&#13;', '<![CDATA['), weight: 1 },
  )
  return fc.array(piece, { maxLength }).map((pieces) => pieces.join(''))
}

/** Whether a string is XML white space only (space, tab, LF, CR), the text parseXml drops beside elements. */
export function isWhitespaceOnly(s: string): boolean {
  return /^[ \t\n\r]*$/.test(s)
}

/** Local names, including ones that are special to JavaScript objects and non-ASCII ones. */
export const LOCAL_NAMES = [
  'a',
  'b',
  'entry',
  'digestEntry',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'é-x.1',
  '_',
  'a\u00B7b',
  '\u{10000}x',
] as const

/** Prefixes the generator declares; `''` stands for the default namespace. */
const PREFIXES = ['', 'a', 'b', 'sdata', 'p'] as const

/** Namespace URIs; `''` undeclares the default namespace (`xmlns=""`) and is never bound to a prefix. */
const URIS = [
  '',
  'urn:a',
  'http://www.w3.org/2005/Atom',
  'http://example.com/?a=1&b="2"<>',
  'urn:x:ü',
  'urn:a#b',
] as const

interface RawAttribute {
  name: string
  prefix: number
  value: string
}

interface RawElement {
  declarations: Array<{ prefix: number; uri: number }>
  name: string
  prefix: number
  attributes: RawAttribute[]
  rotate: number
  children: Array<string | RawElement>
}

function rawElement(depth: number, maxChildren: number): fc.Arbitrary<RawElement> {
  const child: fc.Arbitrary<string | RawElement> =
    depth <= 1 ? xmlText() : fc.oneof(xmlText(), rawElement(depth - 1, maxChildren))
  return fc.record({
    declarations: fc.array(fc.record({ prefix: fc.nat(), uri: fc.nat() }), { maxLength: 3 }),
    name: fc.constantFrom(...LOCAL_NAMES),
    prefix: fc.nat(),
    attributes: fc.array(fc.record({ name: fc.constantFrom(...LOCAL_NAMES), prefix: fc.nat(), value: xmlText() }), {
      maxLength: 4,
    }),
    rotate: fc.nat(),
    children: fc.array(child, { maxLength: maxChildren }),
  })
}

function pick<T>(items: readonly T[], n: number): T {
  return items[n % items.length]!
}

/** Turns random choices into a document that is exactly what parseXml would return for its serialization. */
function build(raw: RawElement, parentScope: ReadonlyMap<string, string | null>): XmlElement {
  const scope = new Map(parentScope)
  const attributes: XmlAttribute[] = []
  const declared = new Set<string>()
  for (const d of raw.declarations) {
    const prefix = pick(PREFIXES, d.prefix)
    const uri = pick(URIS, d.uri)
    if (declared.has(prefix) || (prefix !== '' && uri === '')) continue
    declared.add(prefix)
    attributes.push(
      prefix === ''
        ? { namespace: XMLNS_NAMESPACE, localName: 'xmlns', prefix: null, value: uri }
        : { namespace: XMLNS_NAMESPACE, localName: prefix, prefix: 'xmlns', value: uri },
    )
    scope.set(prefix, uri === '' ? null : uri)
  }
  const bound = [...scope.keys()].filter((p) => p !== '' && scope.get(p) !== null)
  const elementPrefix = pick([null, ...bound], raw.prefix)
  const namespace = elementPrefix === null ? (scope.get('') ?? null) : scope.get(elementPrefix)!
  for (const a of raw.attributes) {
    const prefix = pick([null, ...bound], a.prefix)
    const ns = prefix === null ? null : scope.get(prefix)!
    const clash = attributes.some(
      (b) => (b.localName === a.name && b.namespace === ns) || (b.localName === a.name && b.prefix === prefix),
    )
    if (!clash) attributes.push({ namespace: ns, localName: a.name, prefix, value: a.value })
  }
  // Declarations may come after the attributes that use them; attribute order must survive too.
  const turn = attributes.length === 0 ? 0 : raw.rotate % attributes.length
  attributes.push(...attributes.splice(0, turn))
  const children: XmlNode[] = []
  for (const c of raw.children) {
    if (typeof c !== 'string') children.push(build(c, scope))
    else if (c !== '') {
      const last = children[children.length - 1]
      if (last?.type === 'text') last.value += c
      else children.push({ type: 'text', value: c })
    }
  }
  const hasElements = children.some((c) => c.type === 'element')
  const kept = hasElements ? children.filter((c) => c.type === 'element' || !isWhitespaceOnly(c.value)) : children
  return { type: 'element', namespace, localName: raw.name, prefix: elementPrefix, attributes, children: kept }
}

/**
 * Documents in the normalised shape parseXml returns: namespaces declared where used (default-namespace
 * redeclarations, `xmlns=""`, prefix rebinding at any depth), attributes with distinct expanded names, text from
 * {@link xmlText} with no adjacent text nodes and no whitespace-only text beside elements.
 *
 * @example
 * fc.assert(fc.property(xmlDocument(), (doc) => { … }))
 */
export function xmlDocument(options: { maxDepth?: number; maxChildren?: number } = {}): fc.Arbitrary<XmlDocument> {
  const initial = new Map<string, string | null>([['xml', XML_NAMESPACE]])
  return rawElement(options.maxDepth ?? 4, options.maxChildren ?? 4).map((raw) => ({ root: build(raw, initial) }))
}

const LOOSE_URIS = [null, 'urn:a', 'urn:b', 'http://example.com/"&<', XML_NAMESPACE] as const
const LOOSE_PREFIXES = [null, 'a', 'b', 'ns1', 'xml', 'xmlns'] as const
const DECLARED_URIS = ['', 'urn:a', 'urn:b', XML_NAMESPACE, XMLNS_NAMESPACE] as const

/**
 * Trees as code builds them by hand: namespaces, prefixes and declaration attributes chosen independently, so
 * prefixes may be unbound, rebound on the same tag, or declared wrongly (`xmlns:p=""`, `xmlns:xmlns`, reserved
 * URIs). The serializer must still write namespace-well-formed XML that keeps every namespace and local name.
 *
 * @example
 * fc.assert(fc.property(looseXmlDocument(), (doc) => expect(assertWellFormed(serializeXml(doc))).toEqual([])))
 */
export function looseXmlDocument(maxDepth = 3): fc.Arbitrary<XmlDocument> {
  const attribute: fc.Arbitrary<XmlAttribute> = fc.oneof(
    fc.record({
      namespace: fc.constantFrom(...LOOSE_URIS),
      localName: fc.constantFrom(...LOCAL_NAMES),
      prefix: fc.constantFrom(...LOOSE_PREFIXES),
      value: xmlText(4),
    }),
    fc
      .record({ prefix: fc.constantFrom(...LOOSE_PREFIXES), value: fc.constantFrom(...DECLARED_URIS) })
      .map(({ prefix, value }) =>
        prefix === null
          ? { namespace: XMLNS_NAMESPACE, localName: 'xmlns', prefix: null, value }
          : { namespace: XMLNS_NAMESPACE, localName: prefix, prefix: 'xmlns', value },
      ),
  )
  const element = (depth: number): fc.Arbitrary<XmlElement> =>
    fc.record({
      type: fc.constant('element' as const),
      namespace: fc.constantFrom(...LOOSE_URIS),
      localName: fc.constantFrom(...LOCAL_NAMES),
      prefix: fc.constantFrom(...LOOSE_PREFIXES),
      attributes: fc.array(attribute, { maxLength: 5 }),
      children:
        depth <= 1
          ? fc.constant([])
          : fc.array(
              fc.oneof(
                element(depth - 1),
                xmlText(4).map((value) => ({ type: 'text' as const, value })),
              ),
              {
                maxLength: 3,
              },
            ),
    })
  return element(maxDepth).map((root) => ({ root }))
}

/**
 * Markup the parser's event mode must either read exactly as the tree does or hand back to it, to insert where
 * markup starts or ends: white space, a line end, stray text, a comment, a PI, a CDATA section, references
 * (predefined, numeric, undeclared). Each protocol's tests add their own elements.
 */
export const IRREGULAR_MARKUP = [
  ' ',
  '\r\n',
  'x',
  '<!--c-->',
  '<?pi x?>',
  '<![CDATA[a]]>',
  '&amp;',
  '&#x41;',
  '&bad;',
] as const
