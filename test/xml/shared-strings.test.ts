// The parser hands out one string per namespace URI and name across documents (the engine's own copy of the text),
// found again by a comparison with the one met last of the same length or by a hash lookup. Only a speed-up: every
// document still reads to its own URIs and names, whatever was read before, whatever the lengths, however many.
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { parseXml, XMLNS_NAMESPACE, type XmlElement } from '../../src/xml/index'

function rootOf(text: string): XmlElement {
  const r = parseXml(text)
  if (E.isLeft(r)) throw new Error(`did not parse: ${text}`)
  return r.right.root
}

/** The namespaces of the root, its element children and their attributes, in document order. */
function namespacesOf(root: XmlElement): Array<string | null> {
  const out: Array<string | null> = [root.namespace]
  for (const c of root.children) {
    if (c.type !== 'element') continue
    out.push(c.namespace)
    for (const a of c.attributes) if (a.namespace !== XMLNS_NAMESPACE) out.push(a.namespace)
  }
  return out
}

describe('namespace URIs and names across documents', () => {
  it('reads URIs of one length each as itself, past the table’s room (1,500 documents, three URIs each)', () => {
    // Every URI 10 characters long: all meet the one met last of that length, and none is it.
    const uri = (k: number) => `urn:x:${String(k).padStart(4, '0')}`
    for (let k = 0; k < 1500; k++) {
      const [u, v, w] = [uri(k), uri((k * 7 + 1) % 9999), uri((k * 13 + 2) % 9999)]
      const root = rootOf(`<r xmlns="${u}"><a xmlns="${v}"/><p:b xmlns:p="${w}" p:c="1"/><d/></r>`)
      expect(namespacesOf(root)).toEqual([u, v, w, w, u])
      const declared = root.attributes[0]!
      expect([declared.namespace, declared.localName, declared.value]).toEqual([XMLNS_NAMESPACE, 'xmlns', u])
    }
  })

  it('reads a URI longer than 256 characters, an undeclared default namespace and an empty element name table', () => {
    const long = `urn:${'y'.repeat(300)}`
    for (let k = 0; k < 2; k++) {
      const root = rootOf(`<r xmlns="${long}"><a xmlns=""/><q:b xmlns:q="${long}x"/></r>`)
      expect(namespacesOf(root)).toEqual([long, null, `${long}x`])
    }
  })

  it('reads names of one length as themselves, prefixes and local parts alike', () => {
    const names = ['ab', 'ac', 'bc', 'x:ab', 'y:ab', 'x:ac']
    for (let k = 0; k < names.length; k++) {
      const n = names[k]!
      const m = names[(k + 1) % names.length]!
      const root = rootOf(`<r xmlns:x="u" xmlns:y="v"><${n} ${m}="1"/><${m}/></r>`)
      const [first, second] = root.children as XmlElement[]
      const split = (q: string) => (q.includes(':') ? q.split(':') : [null, q])
      expect([first!.prefix, first!.localName]).toEqual(split(n))
      expect([first!.attributes[0]!.prefix, first!.attributes[0]!.localName]).toEqual(split(m))
      expect([second!.prefix, second!.localName]).toEqual(split(m))
    }
  })
})
