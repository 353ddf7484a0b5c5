// A byte-order mark, then a second U+FEFF: the in-memory decode keeps the mark as U+FEFF and the parser skips that
// one only, so the second is text before the root and the document is refused. Streamed, the same document gives the
// same issue (path, line:column), however its bytes are cut, in UTF-8 and in UTF-16 of both byte orders, for
// streamSyncFeed and streamFileSync alike; one mark alone is read as it is whole.
import { describe, expect, it } from 'vitest'
import { FileSyncXml, reportErrors as fileSyncErrors, streamFileSync } from '../../src/filesync/index'
import { reportErrors, SyncFeedXml, streamSyncFeed } from '../../src/sdata/index'
import { type Issue, parseXml } from '../../src/xml/index'
import { fixture } from '../support/fixtures'
import { xmlFault } from '../support/issues'
import { collect, cutByteArray } from '../support/stream'

const FEED = fixture('sdata/spec-4.4_sync-feed_catchUp.xml').replace(/^<\?xml[^>]*>/, '')
const FILESYNC = fixture('filesync/spo-2025-01-write-folder-create.request.xml').replace(/^<\?xml[^>]*>/, '')

const utf16 = (text: string, littleEndian: boolean): number[] =>
  Array.from(text, (c) => {
    const u = c.charCodeAt(0)
    return littleEndian ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]
  }).flat()

// Each mark, with the text after it in its encoding and the declaration that agrees with it.
const MARKS: Array<[string, number[], (text: string) => number[], string]> = [
  ['UTF-8', [0xef, 0xbb, 0xbf], (t) => [...new TextEncoder().encode(t)], 'UTF-8'],
  ['UTF-16LE', [0xff, 0xfe], (t) => utf16(t, true), 'UTF-16'],
  ['UTF-16BE', [0xfe, 0xff], (t) => utf16(t, false), 'UTF-16'],
]

const oneByOne = (bytes: Uint8Array) => Array.from(bytes, (b) => Uint8Array.of(b))
type Event = { type: string }
const lastOf = (events: Event[]) => events[events.length - 1]

/** The issues of a whole decode that failed, or `undefined`. */
function issuesOf<E, A>(r: { _tag: 'Left'; left: E } | { _tag: 'Right'; right: A }, report: (e: E) => Issue[]) {
  return r._tag === 'Left' ? report(r.left) : undefined
}

describe.each(MARKS)('a %s mark', (_, mark, encode, label) => {
  // Each reader: its document, the whole decode's issues (`undefined` when it decodes), the stream.
  type Reader = [string, string, (b: Uint8Array) => Issue[] | undefined, (c: Uint8Array[]) => AsyncIterable<Event>]
  const readers: Reader[] = [
    ['streamSyncFeed', FEED, (b) => issuesOf(SyncFeedXml.decode(b), reportErrors), streamSyncFeed],
    ['streamFileSync', FILESYNC, (b) => issuesOf(FileSyncXml.decode(b), fileSyncErrors), streamFileSync],
  ]
  const cuts = (bytes: Uint8Array) => [[bytes], oneByOne(bytes), cutByteArray(bytes, [mark.length, mark.length + 1])]

  it.each(readers)('and a second U+FEFF: %s refuses it as the whole decode does', async (_, doc, whole, stream) => {
    for (const prolog of ['', `<?xml version="1.0" encoding="${label}"?>`]) {
      const bytes = Uint8Array.from([...mark, ...encode(`\uFEFF${prolog}${doc}`)])
      expect(parseXml(bytes)._tag, prolog).toBe('Left')
      const issues = whole(bytes)
      expect(issues).toEqual([xmlFault('not-well-formed', 'text before the root element', 1, 1)])
      for (const chunks of cuts(bytes)) {
        const events = await collect(stream(chunks))
        expect(events, `${prolog} in ${chunks.length} chunks`).toEqual([{ type: 'error', issues }])
      }
    }
  })

  it.each(readers)('alone: %s reads the document as the whole decode does', async (_, doc, whole, stream) => {
    const bytes = Uint8Array.from([...mark, ...encode(doc)])
    expect(whole(bytes)).toBeUndefined()
    for (const chunks of cuts(bytes)) expect(lastOf(await collect(stream(chunks)))?.type).toBe('end')
  })
})
