// streamFileSync over a document given as one long string, which the reader takes a piece (64 K characters) at a
// time: the pieces' edges fall inside names, end tags, surrogate pairs and CRLFs, and the events, values, errors and
// their line:column are those of the in-memory decode. Also a start tag cut right after its name (read once now).
import { describe, expect, it } from 'vitest'
import {
  type FileSyncDocument,
  type FileSyncEvent,
  FileSyncXml,
  type Item,
  rebuildFileSync,
  reportErrors,
  streamFileSync,
} from '../../src/filesync/index'
import { collect, expectFailureLike } from '../support/stream'

const PIECE = 64 * 1024

/** A listing of `n` items (one in five a folder with a document), names with é and a pair (😀). */
function listing(n: number): FileSyncDocument {
  const items: Item[] = []
  for (let i = 0; i < n; i++) {
    const document: Item = { kind: 'Document', relationshipName: `d${i} é😀`, eTag: `"{${i}},1"` }
    items.push(i % 5 === 0 ? { kind: 'Folder', relationshipName: `f${i}`, items: [document] } : document)
  }
  return { root: 'Folder', folder: { kind: 'Folder', resourceId: 'root', items } }
}

/** The listing's text with CRLF after each document and `pad` spaces before the root (shifting every edge). */
function textOf(doc: FileSyncDocument, pad: number): string {
  const text = FileSyncXml.encode(doc).replaceAll('</Document>', '</Document>\r\n')
  const root = text.indexOf('<Folder>')
  return text.slice(0, root) + ' '.repeat(pad) + text.slice(root)
}

function expectInMemoryValue(text: string, events: FileSyncEvent[]): void {
  const r = FileSyncXml.decode(text)
  expect(r._tag).toBe('Right')
  if (r._tag === 'Right') expect(rebuildFileSync(events)).toEqual(r.right)
}

describe('streamFileSync over one long string', () => {
  const doc = listing(1500)

  it('gives the in-memory value wherever the pieces’ edges fall', async () => {
    const cut = new Set<string>()
    for (let pad = 0; pad < 90; pad += 3) {
      const text = textOf(doc, pad)
      expect(text.length).toBeGreaterThan(2 * PIECE)
      for (const edge of [PIECE, 2 * PIECE]) {
        const lt = text.lastIndexOf('<', edge - 1)
        const tag = text.slice(lt, text.indexOf('>', lt) + 1)
        if (edge - lt > 1 && edge - lt < tag.length) cut.add(tag)
        if (text.charCodeAt(edge - 1) === 0xd83d) cut.add('pair')
        if (text.charCodeAt(edge - 1) === 13) cut.add('CRLF')
      }
      expectInMemoryValue(text, await collect(streamFileSync([text])))
    }
    // The edges fell inside start and end tags of items and leaves, and between a pair's halves.
    expect(cut).toContain('<Document>')
    expect(cut).toContain('</Document>')
    expect(cut).toContain('pair')
    expect(cut.size).toBeGreaterThan(6)
  })

  it('ends with the in-memory error, line and column, at a fault past the first piece', async () => {
    const text = textOf(doc, 0)
    for (const at of [PIECE - 3, PIECE + 5000, 2 * PIECE - 10]) {
      // A mismatched end tag whose name the pieces' edge may cut.
      const end = text.indexOf('</RelationshipName>', at)
      const bad = `${text.slice(0, end)}</RelationshipNames>${text.slice(end + '</RelationshipName>'.length)}`
      const r = FileSyncXml.decode(bad)
      expect(r._tag).toBe('Left')
      if (r._tag === 'Right') continue
      const events = await collect(streamFileSync([bad]))
      expectFailureLike(events, reportErrors(r.left))
      expect(reportErrors(r.left)[0]!.line).toBeGreaterThan(1)
      expect(events.filter((e) => e.type === 'item').length).toBeGreaterThan(100)
    }
  })
})

describe('streamFileSync, an item start tag cut by a chunk', () => {
  it('gives the in-memory value with the cut anywhere in or after the item name', async () => {
    const text = FileSyncXml.encode(listing(4))
    const start = text.indexOf('<Document>', text.indexOf('</Document>'))
    for (let cut = start; cut <= start + '<Document><RelationshipName>'.length; cut++) {
      expectInMemoryValue(text, await collect(streamFileSync([text.slice(0, cut), text.slice(cut)])))
    }
  })
})
