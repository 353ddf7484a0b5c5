// streamFileSync against FileSyncXml.decode: generated documents (both roots, nested and flat) cut at random byte
// positions through every kind of source, the corpus, truncated and mutated text; rebuildFileSync restores the value.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type FileSyncEvent,
  FileSyncXml,
  FolderItemElement,
  type Item,
  ItemsElement,
  rebuildFileSync,
  reportErrors,
  streamFileSync,
} from '../../src/filesync/index'
import { arbFileSyncDocument } from '../../src/testing/arbitraries/index'
import { parseXml } from '../../src/xml/index'
import { fixture, fixturesIn } from '../support/fixtures'
import { numRuns } from '../support/runtime'
import {
  arbCuts,
  arbDecoration,
  byteByByte,
  collect,
  cutBytes,
  expectFailureLike,
  type SourceKind,
  sentText,
  sourceOf,
} from '../support/stream'
import { IRREGULAR_MARKUP } from '../support/xml-arbitrary'

const SOURCES: SourceKind[] = ['array', 'async', 'readable']

/** The item at an index path of a decoded document, with its `items` emptied as the stream gives it. */
function itemAt(root: Item[], path: number[]): Item {
  let list = root
  let item: Item | undefined
  for (const i of path) {
    item = list[i]
    if (item === undefined) throw new Error(`no item at ${path.join(',')}`)
    list = item.kind === 'Folder' ? (item.items ?? []) : []
  }
  return item!.kind === 'Folder' && item!.items !== undefined ? { ...item!, items: [] } : item!
}

/** The document decoded the tree way: parseXml's whole tree, then the root's element codec. */
function treeDecode(text: string): unknown {
  const parsed = parseXml(text)
  if (parsed._tag === 'Left') return undefined
  const root = parsed.right.root
  if (root.namespace === null && root.localName === 'Items') {
    const r = ItemsElement.decode(root)
    return r._tag === 'Right' ? { root: 'Items', items: r.right } : undefined
  }
  const r = FolderItemElement.decode(root)
  return r._tag === 'Right' ? { root: 'Folder', folder: r.right } : undefined
}

function expectSameAsInMemory(text: string, events: FileSyncEvent[]): void {
  const r = FileSyncXml.decode(text)
  if (r._tag === 'Left') {
    expect(treeDecode(text)).toBeUndefined()
    expectFailureLike(events, reportErrors(r.left))
    return
  }
  // The in-memory decode reads items as the stream does; the tree way is the independent check of both.
  expect(r.right).toEqual(treeDecode(text))
  expect(events[events.length - 1]!.type).toBe('end')
  expect(rebuildFileSync(events)).toEqual(r.right)
  const top = r.right.root === 'Items' ? r.right.items : (r.right.folder.items ?? [])
  const items = events.filter((e) => e.type === 'item')
  for (const e of items) if (e.type === 'item') expect(e.item).toEqual(itemAt(top, e.path))
  // Every item at every depth comes exactly once.
  let count = 0
  const walk = (list: Item[]) => {
    for (const item of list) {
      count++
      if (item.kind === 'Folder' && item.items !== undefined) walk(item.items)
    }
  }
  walk(top)
  expect(items).toHaveLength(count)
}

describe('streamFileSync', () => {
  it('gives the in-memory value for generated documents, cut anywhere, from every kind of source', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbFileSyncDocument({ maxDepth: 3, maxItems: 3 }),
        fc.option(arbDecoration(), { nil: undefined }),
        arbCuts(),
        fc.constantFrom(...SOURCES),
        async (doc, decorate, cuts, kind) => {
          const encoded = FileSyncXml.encode(doc)
          const text = decorate === undefined ? encoded : decorate(encoded)
          const chunks = cutBytes(text, cuts(new TextEncoder().encode(text).length))
          expectSameAsInMemory(text, await collect(streamFileSync(sourceOf(kind, chunks))))
        },
      ),
      { numRuns: numRuns(60) },
    )
  })

  it('gives the in-memory value or the same parse error for every corpus file, one byte at a time too', async () => {
    const paths = fixturesIn('filesync', '.xml')
    expect(paths.length).toBeGreaterThan(5)
    for (const path of paths) {
      const text = fixture(path)
      expectSameAsInMemory(text, await collect(streamFileSync(cutBytes(text, [1, 2, 3, 64, 65, 1000]))))
      expectSameAsInMemory(text, await collect(streamFileSync(byteByByte(text))))
    }
  })

  it('gives paths into nested folders and puts folders after their children', async () => {
    const text =
      '<Folder><Items><Document><RelationshipName>a</RelationshipName></Document>' +
      '<Folder><RelationshipName>f</RelationshipName><Items><Document/><Notebook/></Items></Folder></Items>' +
      '<QuotaState>Normal</QuotaState></Folder>'
    const events = await collect(streamFileSync([text]))
    expect(events.map((e) => (e.type === 'item' ? e.path.join('.') : e.type))).toEqual(['0', '1.0', '1.1', '1', 'end'])
    expectSameAsInMemory(text, events)
  })

  it('keeps the white-space and text rules of Items and Folder', async () => {
    for (const text of [
      '<Items>\n</Items>',
      '<Items> <Document/> x </Items>',
      '<Items><!--c--> <Document/>\r\n</Items>',
      '<Folder> </Folder>',
      '<Folder><Items/> <Items><Document/></Items></Folder>',
      '<Folder><Items a="1"><Document/></Items></Folder>',
      '<Items><Folder><Items>t</Items></Folder></Items>',
      '<Items xmlns="urn:x"><Folder/></Items>',
      '<Items><Folder xmlns="urn:x"><Items><Document/></Items></Folder><Document><DateModified>x</DateModified></Document></Items>',
    ]) {
      expectSameAsInMemory(text, await collect(streamFileSync(byteByByte(text))))
    }
  })

  it('reports item errors with the in-memory paths, positions included', async () => {
    const text =
      '<Folder><Items><Document/><Folder><Items><Document/><Document><DataSize>1</DataSize>' +
      '<DocumentStreams><DocumentStream><DataSize>big</DataSize></DocumentStream></DocumentStreams></Document>' +
      '</Items></Folder></Items></Folder>'
    const r = FileSyncXml.decode(text)
    const events = await collect(streamFileSync([text]))
    expectFailureLike(events, r._tag === 'Left' ? reportErrors(r.left) : [])
    const error = events[events.length - 1] as { issues: Array<{ path: string }> }
    expect(error.issues[0]!.path).toBe(
      '/Folder/Items/Folder[1]/Items/Document[2]/DocumentStreams/DocumentStream[1]/DataSize',
    )
  })

  it('ends truncated and mutated text like the in-memory decode', async () => {
    const markup = fc.constantFrom('<', '>', '&', '</Items>', '<Folder>', '<Items>', ' ', 'x', '/>', '<!--', '\r')
    await fc.assert(
      fc.asyncProperty(
        arbFileSyncDocument({ maxDepth: 2, maxItems: 3 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.option(markup, { nil: undefined }),
        async (doc, f, insert) => {
          const text = FileSyncXml.encode(doc)
          const at = Math.floor(f * text.length)
          const mutated = sentText(
            insert === undefined ? text.slice(0, at) : text.slice(0, at) + insert + text.slice(at + 1),
          )
          expectSameAsInMemory(mutated, await collect(streamFileSync(cutBytes(mutated, [at, 7]))))
        },
      ),
      { numRuns: numRuns(100) },
    )
  })

  it('takes one byte-order mark off: a second one is text before the root, in a chunk of its own too', async () => {
    for (const chunks of [['\uFEFF\uFEFF<Items/>'], ['\uFEFF', '\uFEFF<Items/>'], ['\uFEFF', '<Items/>']]) {
      const text = chunks.join('')
      const events = await collect(streamFileSync(chunks))
      expectSameAsInMemory(text, events)
      expect(events[events.length - 1]!.type).toBe(text.startsWith('\uFEFF\uFEFF') ? 'error' : 'end')
    }
  })

  it('counts depth from the root, as parseXml does with the same maxDepth', async () => {
    const text = '<Folder><Items><Folder><Items><Document><X><Y/></X></Document></Items></Folder></Items></Folder>'
    for (let maxDepth = 1; maxDepth <= 8; maxDepth++) {
      const events = await collect(streamFileSync([text], { parse: { maxDepth } }))
      const parsed = parseXml(text, { maxDepth })
      const last = events[events.length - 1]!
      if (parsed._tag === 'Left') {
        // The parser's issue as it is: its code (`limit`), `line:column` as the path, its line and column.
        expect(last).toStrictEqual({ type: 'error', issues: [parsed.left[0]!] })
      } else expect(last.type).toBe('end')
    }
  })
})

describe('FileSyncXml.decode, items read in the parser event mode', () => {
  // What the event mode must either read exactly as the tree does or hand back to it: attributes, namespaces,
  // text in records, white space, comments, PIs, CDATA, references, line ends, repeated and unknown fields, bad
  // leaf values, empty elements, end tags with space.
  const SNIPPETS = [
    ...IRREGULAR_MARKUP,
    '<ResourceID>dup</ResourceID>',
    '<ResourceID a="1">r</ResourceID>',
    '<DataSize>12</DataSize>',
    '<DataSize>-1</DataSize>',
    '<DataSize/>',
    '<DataSize> </DataSize>',
    '<IsFolder>yes</IsFolder>',
    '<DocumentStreams/>',
    '<DocumentStreams><DocumentStream><DataSize>1</DataSize></DocumentStream></DocumentStreams>',
    '<DocumentStreams><Other/></DocumentStreams>',
    '<Items/>',
    '<p:x xmlns:p="urn:p">t</p:x>',
    '<x xmlns="urn:d"><y/></x>',
    '<Ext><VersionToken>v</VersionToken></Ext>',
    ' a="1"',
    ' xmlns="urn:x"',
    ' xmlns:q="urn:q"',
    '/',
  ]

  /** The places a snippet goes: before every `<` and `>` of the text, where markup starts and ends. */
  function marks(text: string): number[] {
    const at: number[] = []
    for (let i = 0; i < text.length; i++) if (text[i] === '<' || text[i] === '>') at.push(i)
    return at
  }

  it('gives the tree way’s value, or fails where it fails, on generated and mutated documents', () => {
    fc.assert(
      fc.property(
        arbFileSyncDocument({ maxDepth: 2, maxItems: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...SNIPPETS)), { maxLength: 4 }),
        (doc, edits) => {
          let text = FileSyncXml.encode(doc)
          for (const [n, snippet] of edits) {
            const at = marks(text)
            const i = at[n % at.length]!
            text = text.slice(0, i) + snippet + text.slice(i)
          }
          const r = FileSyncXml.decode(text)
          const tree = treeDecode(text)
          if (r._tag === 'Left') expect(tree).toBeUndefined()
          else expect(r.right).toStrictEqual(tree)
        },
      ),
      { numRuns: numRuns(100) },
    )
  })

  it('reads items with extensions, Null leaves and repeated fields as the tree does', () => {
    const text =
      '<Items><Document><ResourceID>a</ResourceID><Ext>1</Ext><ResourceID>b</ResourceID><DateModified/>' +
      '<DocumentStreams><DocumentStream><DataSize></DataSize><p:z xmlns:p="urn:p"/></DocumentStream>' +
      '</DocumentStreams></Document><Document/><Document><RelationshipName>a &amp; b&#x41;\u00e9</RelationshipName>' +
      '<Path>\t/a\n</Path></Document><Folder><RelationshipName>a &amp; b</RelationshipName></Folder>' +
      '<Document> </Document></Items>'
    expect(FileSyncXml.decode(text)._tag).toBe('Left')
    const good = text.replace('<Document> </Document>', '')
    const r = FileSyncXml.decode(good)
    expect(r._tag).toBe('Right')
    if (r._tag === 'Right') expect(r.right).toStrictEqual(treeDecode(good))
  })
})
