// streamFileSync reads a folder whose text came whole in event mode, as the in-memory decode reads it, and hands
// its items out one by one: the events must be those of the folder read frame by frame (a stream read with
// positions never uses event mode), key order included, and a folder longer than maxLength must still stream.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type FileSyncDocument,
  type FileSyncEvent,
  FileSyncXml,
  type Item,
  rebuildFileSync,
  streamFileSync,
} from '../../src/filesync/index'
import { arbFileSyncDocument } from '../../src/testing/arbitraries/index'
import { fixture, fixturesIn } from '../support/fixtures'
import { numRuns } from '../support/runtime'
import { collect, cutBytes } from '../support/stream'

/** The events as text (key order included), without the elements a read with positions adds. */
function shown(events: FileSyncEvent[]): string[] {
  return events.map((e) => {
    if (e.type === 'item') return JSON.stringify({ type: e.type, item: e.item, path: e.path })
    if (e.type === 'end') return JSON.stringify({ type: e.type, document: e.document })
    return JSON.stringify(e)
  })
}

/** The events of a stream of `chunks`, and those of the same stream read frame by frame (with positions). */
async function bothWays(chunks: ReadonlyArray<string | Uint8Array>, maxLength?: number) {
  const parse = maxLength === undefined ? {} : { maxLength }
  return {
    whole: await collect(streamFileSync(chunks, { parse })),
    framed: await collect(streamFileSync(chunks, { parse: { ...parse, positions: true } })),
  }
}

/** A listing `depth` folders deep, `width` items in each folder, one in three a folder. */
function nested(depth: number, width: number): FileSyncDocument {
  let n = 0
  const items = (d: number): Item[] =>
    Array.from({ length: width }, (_, i): Item => {
      const k = n++
      const common = { resourceId: `r${k}`, eTag: `"{${k}},1"`, relationshipName: `item ${k}` }
      return d > 0 && i % 3 === 0
        ? { kind: 'Folder', ...common, items: items(d - 1) }
        : { kind: 'Document', ...common, documentStreams: [{ documentStreamName: 'Binary', dataSize: k }] }
    })
  return { root: 'Folder', folder: { kind: 'Folder', resourceId: 'root', items: items(depth) } }
}

describe('streamFileSync, folders read whole', () => {
  it('gives the events of the folders read frame by frame, for generated documents cut anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbFileSyncDocument({ maxDepth: 3, maxItems: 4 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        async (doc, cuts) => {
          const text = FileSyncXml.encode(doc)
          const bytes = new TextEncoder().encode(text).length
          const { whole, framed } = await bothWays(
            cutBytes(
              text,
              cuts.map((c) => c % (bytes + 1)),
            ),
          )
          expect(shown(whole)).toEqual(shown(framed))
        },
      ),
      { numRuns: numRuns(60) },
    )
  })

  it('gives the events of the folders read frame by frame for every corpus file and a deep listing', async () => {
    const texts = fixturesIn('filesync', '.xml').map(fixture)
    texts.push(FileSyncXml.encode(nested(5, 7)))
    for (const text of texts) {
      for (const chunks of [[text], cutBytes(text, [100, 5000])]) {
        const { whole, framed } = await bothWays(chunks)
        expect(shown(whole)).toEqual(shown(framed))
      }
    }
  })

  it('hands out every item of a folder read whole, children before their folder, with their paths', async () => {
    const text =
      '<Items><Folder><ResourceID>f</ResourceID><Items><Document/><Folder><Items><Document/></Items></Folder>' +
      '<Folder><Items/></Folder><Folder/></Items></Folder></Items>'
    const events = await collect(streamFileSync([text]))
    expect(events.map((e) => (e.type === 'item' ? `${e.path.join('.')} ${e.item.kind}` : e.type))).toEqual([
      '0.0 Document',
      '0.1.0 Document',
      '0.1 Folder',
      '0.2 Folder',
      '0.3 Folder',
      '0 Folder',
      'end',
    ])
    const folders = events.flatMap((e) => (e.type === 'item' && e.item.kind === 'Folder' ? [e.item] : []))
    // `items` is empty where the folder has an Items element, absent where it has none, as frames give it.
    expect(folders.map((f) => (f.kind === 'Folder' ? f.items : 'not a folder'))).toEqual([[], [], undefined, []])
    const r = FileSyncXml.decode(text)
    expect(r._tag === 'Right' ? rebuildFileSync(events) : 'no value').toEqual(r._tag === 'Right' ? r.right : r)
  })

  it('streams a folder longer than maxLength item by item, as long as each item fits', async () => {
    const doc = nested(2, 6)
    const text = FileSyncXml.encode(doc)
    // Longer than any one item with its text around it, much shorter than the top folders.
    const maxLength = 400
    const { whole, framed } = await bothWays([text], maxLength)
    expect(whole[whole.length - 1]!.type).toBe('end')
    expect(shown(whole)).toEqual(shown(framed))
    expect(rebuildFileSync(whole)).toEqual(doc)
  })

  it('reads folders nested in one that event mode gave up on frame by frame, with the same events', async () => {
    // A comment deep down makes event mode give up on every folder around it.
    const deep = (n: number): string =>
      n === 0 ? '<Document/><!--c--><Document/>' : `<Folder><Items><Document/>${deep(n - 1)}</Items></Folder>`
    for (const text of [
      `<Items>${deep(40)}</Items>`,
      `<Items>${deep(3)}<Folder><Items>${deep(2)}</Items></Folder></Items>`,
    ]) {
      const { whole, framed } = await bothWays([text])
      expect(whole[whole.length - 1]!.type).toBe('end')
      expect(shown(whole)).toEqual(shown(framed))
    }
  })

  it('is not misled by a folder name where no tag is: comments, nested empty folders, texts', async () => {
    for (const text of [
      '<Items><Folder><!-- </Folder> --><Items><Document/></Items></Folder><Document/></Items>',
      '<Items><Folder><Items><Folder/><Folder /><Document/></Items></Folder></Items>',
      '<Items><Folder><RelationshipName>&lt;/Folder&gt;</RelationshipName><Items/></Folder></Items>',
      '<Items><Folder><Items><FolderX/><Document/></Items></Folder></Items>',
      '<Items><Folder><Items><Document/></Items></Folder><Folder><Items><Document/></Items>',
    ]) {
      const { whole, framed } = await bothWays([text])
      expect(shown(whole)).toEqual(shown(framed))
      const r = FileSyncXml.decode(text)
      if (r._tag === 'Right') expect(rebuildFileSync(whole)).toEqual(r.right)
      else expect(whole[whole.length - 1]!.type).toBe('error')
    }
  })
})
