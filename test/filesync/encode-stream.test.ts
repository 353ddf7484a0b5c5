// encodeFileSyncStream against FileSyncXml.encode: generated documents (Items and Folder roots), their root items
// split between the head and the stream, give the same text, and streamFileSync reads the chunks back to the value.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type DocumentItem,
  encodeFileSyncStream,
  type FileSyncDocument,
  FileSyncXml,
  fileSyncXml,
  type Item,
  rebuildFileSync,
  streamFileSync,
} from '../../src/filesync/index'
import { arbFileSyncDocument } from '../../src/testing/arbitraries/index'
import { numRuns } from '../support/runtime'
import { asyncChunks, collect } from '../support/stream'

/** The document's root item list cut at `at`: the head keeps the first part, the rest is streamed. */
function split(doc: FileSyncDocument, at: number, absent: boolean): [FileSyncDocument, Item[]] {
  const items = doc.root === 'Items' ? doc.items : (doc.folder.items ?? [])
  const k = at % (items.length + 1)
  if (doc.root === 'Items') return [{ root: 'Items', items: items.slice(0, k) }, items.slice(k)]
  if (doc.folder.items === undefined) return [doc, []]
  // A head whose folder has no Items at all still gets one once an item is streamed.
  const headItems = k === 0 && absent && items.length > 0 ? undefined : items.slice(0, k)
  return [{ root: 'Folder', folder: { ...doc.folder, items: headItems } }, items.slice(k)]
}

describe('encodeFileSyncStream', () => {
  it('writes exactly what FileSyncXml.encode writes, and streamFileSync reads it back', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbFileSyncDocument({ maxItems: 5 }),
        fc.nat(),
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.record({ bom: fc.boolean(), declaration: fc.boolean() }), { nil: undefined }),
        async (doc, at, async, absent, options) => {
          const [head, rest] = split(doc, at, absent)
          const chunks = await collect(encodeFileSyncStream(head, async ? asyncChunks(rest) : rest, options))
          expect(chunks.join('')).toBe(fileSyncXml(options).encode(doc))
          const events = await collect(streamFileSync(chunks))
          expect(rebuildFileSync(events)).toEqual(doc)
        },
      ),
      { numRuns: numRuns(120) },
    )
  })

  it('takes the head as the end event gives it and the top-level items from the events', async () => {
    await fc.assert(
      fc.asyncProperty(arbFileSyncDocument({ maxItems: 4 }), async (doc) => {
        const text = FileSyncXml.encode(doc)
        const events = await collect(streamFileSync([text]))
        const end = events.find((e) => e.type === 'end')
        if (end?.type !== 'end') throw new Error('no end event')
        // The end event's root list is empty; rebuilt top-level items are what the stream must write.
        const whole = rebuildFileSync(events)!
        const top = whole.root === 'Items' ? whole.items : (whole.folder.items ?? [])
        expect((await collect(encodeFileSyncStream(end.document, top))).join('')).toBe(text)
      }),
      { numRuns: numRuns(80) },
    )
  })

  it('flushes per ~16 K: a long listing comes in many chunks', async () => {
    const doc = (i: number): DocumentItem => ({
      kind: 'Document',
      relationshipName: `report-${i}.docx`,
      resourceId: `${i.toString(16).padStart(32, '0')}`,
      eTag: `"{${i}},1"`,
    })
    const all = Array.from({ length: 3000 }, (_, i) => doc(i))
    const head: FileSyncDocument = {
      root: 'Folder',
      folder: { kind: 'Folder', relationshipName: 'RootFolder', items: [] },
    }
    const chunks = await collect(encodeFileSyncStream(head, all))
    expect(chunks.length).toBeGreaterThan(10)
    for (const chunk of chunks) expect(chunk.length).toBeLessThan((1 << 14) + 1000)
    expect(chunks.join('')).toBe(FileSyncXml.encode({ root: 'Folder', folder: { ...head.folder, items: all } }))
  })
})
