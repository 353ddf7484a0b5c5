import { XMLParser } from 'fast-xml-parser'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { parseXml, qualifiedName, serializeXml, type XmlElement } from '../../src/xml/index'
import { fixture, fixturesIn } from '../support/fixtures'
import { xmlFault } from '../support/issues'
import { assertWellFormed } from '../support/saxes'

const documents = [...fixturesIn('filesync', '.xml'), ...fixturesIn('sdata', '.xml'), ...fixturesIn('sdata', '.xsd')]
// NEGATIVE files (fixtures/ORIGINS.md): a stray end tag, and fragments whose prefixes are declared nowhere.
const isNegative = (path: string) => path.includes('_MALFORMED') || path.includes('_fragment')
const wellFormed = documents.filter((path) => !isNegative(path))
const negative = documents.filter(isNegative)

/** Pre-order element names with their attribute names, the view fast-xml-parser also gives. */
function outline(root: XmlElement): string[] {
  const lines: string[] = []
  const stack: XmlElement[] = [root]
  while (stack.length > 0) {
    const element = stack.pop()!
    lines.push([qualifiedName(element), ...element.attributes.map(qualifiedName)].join(' '))
    for (let k = element.children.length - 1; k >= 0; k--) {
      const child = element.children[k]!
      if (child.type === 'element') stack.push(child)
    }
  }
  return lines
}

type FxpNode = Record<string, unknown> & { ':@'?: Record<string, string> }

function fxpOutline(nodes: FxpNode[]): string[] {
  const lines: string[] = []
  const stack = [...nodes].reverse()
  while (stack.length > 0) {
    const node = stack.pop()!
    const name = Object.keys(node).find((key) => key !== ':@')!
    if (name === '#text' || name.startsWith('?')) continue
    lines.push([name, ...Object.keys(node[':@'] ?? {}).map((key) => key.slice(2))].join(' '))
    stack.push(...[...(node[name] as FxpNode[])].reverse())
  }
  return lines
}

describe('the corpus', () => {
  it('has both kinds of file', () => {
    expect(wellFormed.length).toBeGreaterThanOrEqual(25)
    expect(negative.length).toBeGreaterThanOrEqual(5)
  })

  it.each(wellFormed)('%s parses, and parseXml ∘ serializeXml gives it back', (path) => {
    const result = parseXml(fixture(path))
    if (E.isLeft(result)) throw new Error(JSON.stringify(result.left))
    const written = serializeXml(result.right)
    expect(assertWellFormed(written)).toEqual([])
    expect(parseXml(written)).toEqual(result)
  })

  it.each(wellFormed)('%s has the elements and attributes fast-xml-parser sees', (path) => {
    const text = fixture(path)
    const result = parseXml(text)
    if (E.isLeft(result)) throw new Error(JSON.stringify(result.left))
    const fxp = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      processEntities: false,
      ignoreDeclaration: true,
      ignorePiTags: true,
    })
    expect(outline(result.right.root)).toEqual(fxpOutline(fxp.parse(text) as FxpNode[]))
  })

  it('rejects the stray end tag of the MALFORMED sample at its line and column', () => {
    const [path] = negative.filter((p) => p.includes('_MALFORMED'))
    expect(parseXml(fixture(path!))).toEqual(
      E.left([
        xmlFault('not-well-formed', 'end tag </payload> does not match start tag <entry> (line 40, column 3)', 61, 5),
      ]),
    )
  })

  it.each(negative.filter((p) => p.includes('_fragment')))('%s is rejected: its prefix is unbound', (path) => {
    const result = parseXml(fixture(path))
    if (E.isRight(result)) throw new Error('a fragment with undeclared prefixes parsed')
    const [error] = result.left
    expect(error!.message).toMatch(/^unbound namespace prefix /)
    expect(error!.line).toBeGreaterThanOrEqual(1)
    expect(error!.column).toBeGreaterThanOrEqual(1)
  })

  it('keeps the BOM out of the tree and the columns', () => {
    const text = fixture('filesync/spo-2025-02-write-folder-create.response.xml')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const result = parseXml(`${text}<extra/>`)
    expect(E.isLeft(result) && result.left[0]!.message).toBe('a second root element; a document has exactly one')
  })
})
