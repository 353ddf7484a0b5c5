// Scenarios for the streaming examples of README.md, docs/filesync.md and docs/sdata.md: `createReadStream` reads a
// fixture in small chunks, `fetch` answers with a fixture as a byte stream; a cut-short text must end with an error.

import { expect } from 'vitest'
import { FileSyncXml } from '../../src/filesync/index'
import { SyncFeedXml } from '../../src/sdata/index'
import { fixture } from '../support/fixtures'
import type { Example, Run } from './run-example'

const FEED = fixture('sdata/spec-4.4_sync-feed_catchUp.xml')
const LISTING = fixture('filesync/spo-2025-06-changes-document-created.response.xml')
const cut = (text: string) => text.slice(0, Math.floor(text.length * 0.6))

const feed = SyncFeedXml.decode(FEED)
if (feed._tag === 'Left') throw new Error('the §4.4 feed fixture does not decode')
const TICKS = feed.right.entries.map((e) => String(e.syncState?.tick))
const DIGEST = String(feed.right.digest?.entries.length)
const listing = FileSyncXml.decode(LISTING)
if (listing._tag === 'Left' || listing.right.root !== 'Folder') throw new Error('the listing fixture does not decode')
const TOP_ITEMS = String(listing.right.folder.items?.length)

/** A byte stream of `text`, as `fetch`'s `response.body` would be. */
function bodyOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  return new ReadableStream({
    start(c) {
      for (let i = 0; i < bytes.length; i += 47) c.enqueue(bytes.slice(i, i + 47))
      c.close()
    },
  })
}

/** A `fetch` answering every URL with `text` as a stream of small byte chunks. */
function fetchText(text: string, urls: string[]) {
  return async (url: string) => {
    urls.push(url)
    return new Response(bodyOf(text), { status: 200 })
  }
}

const readmeUrls: string[] = []
const readmeCutUrls: string[] = []
const itemLines = (r: Run) => r.out.filter((l) => / (Folder|Document)$/.test(l))

export const STREAM_EXAMPLES: Example[] = [
  {
    file: 'README.md',
    contains: 'encodeSyncFeedStream(head, changedEntries())',
    scenarios: [
      {
        name: 'encodes a head and three streamed entries into a feed that decodes with the three',
        env: {},
        check: (r) => {
          expect(r.error).toBeUndefined()
          expect(r.err).toEqual([])
          expect(r.out).toEqual(['3'])
        },
      },
    ],
  },
  {
    file: 'README.md',
    contains: "for await (const event of streamSyncFeed(createReadStream('feed.xml')))",
    scenarios: [
      {
        name: 'streams the entries of feed.xml, then the items of the fetched listing',
        env: { files: { 'feed.xml': FEED }, fetch: fetchText(LISTING, readmeUrls) },
        check: (r) => {
          expect(r.error).toBeUndefined()
          expect(r.err).toEqual([])
          expect(r.out.slice(0, TICKS.length + 2)).toEqual([feed.right.syncMode, ...TICKS, DIGEST])
          expect(readmeUrls).toHaveLength(1)
          expect(itemLines(r).length).toBeGreaterThan(0)
        },
      },
      {
        name: 'ends a cut-short feed.xml with an error, and a cut-short listing with no error thrown',
        env: { files: { 'feed.xml': cut(FEED) }, fetch: fetchText(cut(LISTING), readmeCutUrls) },
        check: (r) => {
          expect(r.error).toBeUndefined()
          expect(r.out).not.toContain(DIGEST)
          expect(r.err).toHaveLength(1)
          expect(r.err[0]).toMatch(/message/)
        },
      },
    ],
  },
  {
    file: 'docs/filesync.md',
    contains: 'rebuildFileSync, streamFileSync',
    scenarios: [
      {
        name: 'streams every item of listing.xml and rebuilds the document',
        env: { files: { 'listing.xml': LISTING } },
        check: (r) => {
          expect(r.error).toBeUndefined()
          expect(r.err).toEqual([])
          expect(itemLines(r).length).toBeGreaterThan(0)
          expect(r.out.at(-1)).toBe(TOP_ITEMS)
        },
      },
      {
        name: 'ends a cut-short listing.xml with an error event and rebuilds nothing',
        env: { files: { 'listing.xml': cut(LISTING) } },
        check: (r) => {
          expect(r.error).toBeUndefined()
          expect(r.err).toHaveLength(1)
          expect(r.out).not.toContain(TOP_ITEMS)
          expect(r.out.every((l) => / (Folder|Document)$/.test(l))).toBe(true)
        },
      },
    ],
  },
  {
    file: 'docs/sdata.md',
    contains: 'rebuildSyncFeed, type SyncFeedEvent, streamSyncFeed',
    scenarios: [
      {
        name: 'streams the entries, the end, and rebuilds the feed',
        env: { values: { body: bodyOf(FEED) } },
        check: (r) => {
          expect(r.error).toBeUndefined()
          expect(r.err).toEqual([])
          expect(r.out).toEqual([...TICKS, `catchUp ${DIGEST}`, String(TICKS.length)])
        },
      },
      {
        name: 'ends a cut-short body with an error event and rebuilds nothing',
        env: { values: { body: bodyOf(cut(FEED)) } },
        check: (r) => {
          expect(r.error).toBeUndefined()
          expect(r.err).toHaveLength(1)
          expect(r.out.at(-1)).toBe('undefined')
          expect(r.out).not.toContain(`catchUp ${DIGEST}`)
        },
      },
    ],
  },
]
