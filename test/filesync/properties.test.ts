import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import {
  type FileSyncDocument,
  FileSyncXml,
  type FolderItem,
  FolderItemElement,
  fileSyncXml,
  ItemsElement,
  reportErrors,
} from '../../src/filesync/index'
import {
  arbDocumentItem,
  arbFileSyncDocument,
  arbFileSyncText,
  arbFolderItem,
} from '../../src/testing/arbitraries/index'
import type { XmlElement } from '../../src/xml/index'
import { parseXml, serializeXml } from '../../src/xml/index'
import { decoded } from '../support/decode'
import { fixture, fixturesIn } from '../support/fixtures'
import { numRuns } from '../support/runtime'
import { assertWellFormed } from '../support/saxes'

function roundTrip(doc: FileSyncDocument): FileSyncDocument {
  return decoded(FileSyncXml, FileSyncXml.encode(doc))
}

describe('FileSyncXml properties', () => {
  it('decode ∘ encode = id (both roots, nested listings, unknown elements and items, empty and absent fields)', () => {
    fc.assert(
      fc.property(arbFileSyncDocument({ maxDepth: 3, maxItems: 3 }), (doc) => {
        expect(roundTrip(doc)).toEqual(doc)
      }),
      { numRuns: numRuns(200) },
    )
  })

  it('decode ∘ encode = id for flat listings (changed items of any depth directly under the root)', () => {
    fc.assert(
      fc.property(arbFileSyncDocument({ root: 'Folder', flat: true, maxDepth: 1, maxItems: 8 }), (doc) => {
        if (doc.root === 'Folder')
          for (const item of doc.folder.items ?? []) expect('items' in item && item.items?.length).toBeFalsy()
        expect(roundTrip(doc)).toEqual(doc)
      }),
      { numRuns: numRuns(100) },
    )
  })

  it('decode ∘ encode = id for Folder/Items/Folder/… nested close to the XML depth limit', () => {
    // Each level is two elements (Folder, Items), the leaf Document up to four more; the parser's limit is 256.
    const chain = fc
      .tuple(fc.integer({ min: 1, max: 124 }), arbDocumentItem({ extensions: false }))
      .map(([depth, leaf]) => {
        let folder: FolderItem = { kind: 'Folder', relationshipName: 'leaf', items: [leaf] }
        for (let i = 0; i < depth; i++)
          folder = { kind: 'Folder', relationshipName: `level ${depth - i}`, items: [folder] }
        return { root: 'Folder', folder } as FileSyncDocument
      })
    fc.assert(
      fc.property(chain, (doc) => {
        expect(roundTrip(doc)).toEqual(doc)
      }),
      { numRuns: numRuns(20) },
    )
  })

  it('a listing nested past the XML depth limit is a decode error, not a crash', () => {
    let folder: FolderItem = { kind: 'Folder', relationshipName: 'leaf' }
    for (let i = 0; i < 5000; i++) folder = { kind: 'Folder', items: [folder] }
    const xml = FileSyncXml.encode({ root: 'Folder', folder })
    const r = FileSyncXml.decode(xml)
    expect(E.isLeft(r) && reportErrors(r.left)[0]?.message).toMatch(/maxDepth/)
  })

  it('encode ∘ decode ∘ encode = encode (the order written is stable)', () => {
    fc.assert(
      fc.property(arbFileSyncDocument({ maxDepth: 2, maxItems: 3 }), (doc) => {
        const xml = FileSyncXml.encode(doc)
        expect(FileSyncXml.encode(roundTrip(doc))).toBe(xml)
      }),
      { numRuns: numRuns(100) },
    )
  })

  it('the element codecs and the document codec write the same XML (serializeXml ∘ element encode = text encode)', () => {
    const bare = fileSyncXml({ declaration: false })
    fc.assert(
      fc.property(arbFileSyncDocument({ maxDepth: 2, maxItems: 3 }), (doc) => {
        const root = doc.root === 'Folder' ? FolderItemElement.encode(doc.folder) : ItemsElement.encode(doc.items)
        expect(serializeXml({ root }, { declaration: false })).toBe(bare.encode(doc))
      }),
      { numRuns: numRuns(100) },
    )
  })

  it('writes each unknown element as serializeXml writes it alone (generated prefixes start at ns1 each time)', () => {
    const element: XmlElement = {
      type: 'element',
      namespace: null,
      localName: 'ext',
      prefix: null,
      attributes: [{ namespace: 'urn:x', localName: 'a', prefix: null, value: '1' }],
      children: [{ type: 'text', value: 'v' }],
    }
    const alone = serializeXml({ root: element }, { declaration: false })
    expect(alone).toBe('<ext xmlns:ns1="urn:x" ns1:a="1">v</ext>')
    const text = fileSyncXml({ declaration: false }).encode({
      root: 'Items',
      items: [
        { kind: 'Unknown', element },
        { kind: 'Unknown', element },
      ],
    })
    expect(text).toBe(`<Items>${alone}${alone}</Items>`)
  })

  it('saxes accepts every encoding as well-formed and namespace-well-formed', () => {
    fc.assert(
      fc.property(arbFileSyncDocument({ maxDepth: 2, maxItems: 3 }), (doc) => {
        expect(assertWellFormed(FileSyncXml.encode(doc))).toEqual([])
      }),
      { numRuns: numRuns(100) },
    )
  })

  it('names with & < > " \' and non-ASCII text survive byte-exact', () => {
    fc.assert(
      fc.property(arbFileSyncText(24), arbFileSyncText(24), (name, path) => {
        const doc: FileSyncDocument = {
          root: 'Items',
          items: [{ kind: 'Document', relationshipName: name, path, writeMode: 'Create' }],
        }
        expect(roundTrip(doc)).toEqual(doc)
      }),
      { numRuns: numRuns(200) },
    )
    const doc: FileSyncDocument = {
      root: 'Folder',
      folder: { kind: 'Folder', items: [{ kind: 'Document', relationshipName: `a&b <c> "d" 'e' ü 😀 \r\n\t ` }] },
    }
    expect(roundTrip(doc)).toEqual(doc)
  })

  it('is independent of the element order read (order-insensitive decoding)', () => {
    // No unknown elements: their attribute values may hold `>`, which the tag splitter below does not expect.
    fc.assert(
      fc.property(
        arbFolderItem({ maxDepth: 1, maxItems: 2, extensions: false, unknownItems: false }),
        fc.integer(),
        (folder, seed) => {
          const xml = FileSyncXml.encode({ root: 'Folder', folder })
          const open = xml.indexOf('<Folder>') + '<Folder>'.length
          const close = xml.lastIndexOf('</Folder>')
          if (open < '<Folder>'.length || close < 0) return
          // Reverse or rotate the root's children: every field still decodes to the same value.
          const parts = splitTopLevel(xml.slice(open, close))
          const shuffled = seed % 2 === 0 ? parts.reverse() : [...parts.slice(1), ...parts.slice(0, 1)]
          const r = FileSyncXml.decode(`${xml.slice(0, open)}${shuffled.join('')}${xml.slice(close)}`)
          expect(E.isRight(r) && r.right.root === 'Folder' ? r.right.folder : r).toEqual(folder)
        },
      ),
      { numRuns: numRuns(100) },
    )
  })

  it('decode ∘ encode ∘ decode = decode for documents whose children come in any order, duplicates included', () => {
    const shuffled = fc.tuple(arbFileSyncDocument({ maxDepth: 2, maxItems: 3 }), fc.integer(), fc.boolean())
    fc.assert(
      fc.property(shuffled, ([doc, seed, duplicate]) => {
        const parsed = parseXml(FileSyncXml.encode(doc))
        if (E.isLeft(parsed)) throw new Error(parsed.left[0]!.message)
        const text = serializeXml({ root: shuffleTree(parsed.right.root, seed, duplicate) })
        const r = FileSyncXml.decode(text)
        if (E.isLeft(r)) throw new Error(JSON.stringify(reportErrors(r.left)))
        expect(roundTrip(r.right)).toEqual(r.right)
      }),
      { numRuns: numRuns(200) },
    )
  })

  it('decoding never throws on mutated captures (and what decodes re-encodes to itself)', () => {
    const captures = fixturesIn('filesync', '.xml').map(fixture)
    const mutation = fc.tuple(
      fc.constantFrom(...captures),
      fc.array(
        fc.tuple(
          fc.nat(),
          fc.nat({ max: 12 }),
          fc.oneof(
            fc.constantFrom('', '<', '>', '&', '/', '"', 'x', '9', '-', '<Folder>', '</Items>', '&#0;', '\u0000'),
            fc.string({ maxLength: 3 }),
          ),
        ),
        { minLength: 1, maxLength: 4 },
      ),
    )
    fc.assert(
      fc.property(mutation, ([text, edits]) => {
        let s = text
        for (const [at, del, ins] of edits) {
          const i = at % (s.length + 1)
          s = s.slice(0, i) + ins + s.slice(i + del)
        }
        const r = FileSyncXml.decode(s)
        if (E.isLeft(r)) {
          const issues = reportErrors(r.left)
          expect(issues.length).toBeGreaterThan(0)
          for (const issue of issues) expect(issue.message).not.toBe('')
        } else expect(roundTrip(r.right)).toEqual(r.right)
      }),
      { numRuns: numRuns(300) },
    )
  })
})

/**
 * Shuffles the children of every element (a small LCG drives it) and, with `duplicate`, repeats each element's
 * first element child at a random place, so fields come in any order and some twice.
 */
function shuffleTree(root: XmlElement, seed: number, duplicate: boolean): XmlElement {
  let state = seed >>> 0 || 1
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return state % n
  }
  const stack = [root]
  while (stack.length > 0) {
    const el = stack.pop()!
    const elements = el.children.filter((n): n is XmlElement => n.type === 'element')
    if (elements.length !== el.children.length) continue
    if (duplicate && elements.length > 0)
      elements.splice(next(elements.length + 1), 0, JSON.parse(JSON.stringify(elements[0])) as XmlElement)
    for (let i = elements.length - 1; i > 0; i--) {
      const j = next(i + 1)
      ;[elements[i], elements[j]] = [elements[j]!, elements[i]!]
    }
    el.children = elements
    stack.push(...elements)
  }
  return root
}

/** The top-level element substrings of a run of sibling elements written without whitespace. */
function splitTopLevel(s: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  const tag = /<(\/?)[^>]*?(\/?)>/g
  for (let m = tag.exec(s); m !== null; m = tag.exec(s)) {
    if (m[1] === '/') depth--
    else if (m[2] !== '/') depth++
    if (depth === 0) {
      parts.push(s.slice(start, m.index + m[0].length))
      start = m.index + m[0].length
    }
  }
  return parts
}
