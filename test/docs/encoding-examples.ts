// Scenarios for the examples of docs/encodings.md: XML given as bytes (a fetched body with a byte-order mark, an
// undeclared ISO-8859-1 byte, a mark the declaration contradicts), the parse limits of every document codec, and the UTF-8 bytes of an encoded document.

import { expect } from 'vitest'
import { anyElement } from '../../src/codec/index'
import { FileSyncXml } from '../../src/filesync/index'
import { SyncFeedXml } from '../../src/sdata/index'
import { fixture } from '../support/fixtures'
import type { Example } from './run-example'

const FEED = fixture('sdata/spec-4.4_sync-feed_catchUp.xml')
const LISTING = fixture('filesync/spo-2025-06-changes-document-created.response.xml')
const utf8 = (text: string) => new TextEncoder().encode(text)
/** `fetch` answering with these bytes. */
const answer = (bytes: Uint8Array) => async () => new Response(bytes as BodyInit, { status: 200 })
const listing = FileSyncXml.decode(LISTING)
const feed = SyncFeedXml.decode(FEED)
if (feed._tag === 'Left') throw new Error('the §4.4 feed fixture does not decode')
// The feed with one 'é' written as the single ISO-8859-1 byte E9, which is not UTF-8.
const AT = FEED.indexOf('Natural Goods')
const latin1Byte = utf8(FEED)
latin1Byte[AT] = 0xe9
if (listing._tag === 'Left') throw new Error('the listing fixture does not decode')

export const ENCODING_EXAMPLES: Example[] = [
  {
    file: 'docs/encodings.md',
    contains: 'await fetch(feedUrl)',
    scenarios: [
      {
        name: 'decodes a fetched feed sent as UTF-8 with a byte-order mark',
        env: { values: { feedUrl: 'https://example.com/feed' }, fetch: answer(utf8(`\uFEFF${FEED}`)) },
        check: (r) => {
          expect(r.error).toBeUndefined()
          expect(r.err).toEqual([])
          expect(r.out).toEqual([String(feed.right.entries.length)])
        },
      },
      {
        name: 'reports an undeclared ISO-8859-1 byte with its offset',
        env: {
          values: { feedUrl: 'https://example.com/feed' },
          fetch: answer(latin1Byte),
        },
        check: (r) => {
          expect(r.error).toBeUndefined()
          expect(r.out).toEqual([])
          expect(r.err.join('\n')).toContain(`malformed UTF-8 at byte offset ${AT}`)
        },
      },
    ],
  },
  {
    file: 'docs/encodings.md',
    contains: 'parseXml(Uint8Array.of(',
    scenarios: [
      {
        name: 'prints the malformed byte with its offset, line and column',
        check: (r) => {
          expect(r.error).toBeUndefined()
          expect(r.out.join('\n')).toContain('malformed UTF-8 at byte offset 3 (bytes E9 3C 2F 61)')
          expect(r.out.join('\n')).toMatch(/line: 1,\s+column: 4,\s+offset: 3/)
        },
      },
    ],
  },
  {
    file: 'docs/encodings.md',
    contains: 'encoding="ISO-8859-1"?><a/>\'))',
    scenarios: [
      {
        name: 'prints the contradiction as not-well-formed at the declared encoding',
        check: (r) => {
          expect(r.error).toBeUndefined()
          const out = r.out.join('\n')
          expect(out).toContain('the byte-order mark says UTF-8 but the XML declaration says encoding="ISO-8859-1"')
          expect(out).toMatch(/code: 'not-well-formed',\s+path: '1:31'/)
          expect(out).toMatch(/line: 1,\s+column: 31/)
        },
      },
    ],
  },
  {
    file: 'docs/encodings.md',
    contains: 'fromXml(MyRootElement, big)',
    scenarios: [
      {
        name: 'builds every document codec with a larger limit',
        env: { values: { MyRootElement: anyElement } },
        check: (r) => expect(r.error).toBeUndefined(),
      },
      {
        name: 'fails when the root element codec is missing',
        env: { values: {} },
        check: (r) => expect(String(r.error)).toContain('does not bind MyRootElement'),
      },
    ],
  },
  {
    file: 'docs/encodings.md',
    contains: 'new TextEncoder().encode(FileSyncXml.encode(doc))',
    scenarios: [
      {
        name: 'encodes a decoded listing to UTF-8 bytes that decode back',
        env: { values: { doc: listing.right } },
        check: (r) => {
          expect(r.error).toBeUndefined()
          expect(r.out).toEqual(['Right'])
        },
      },
    ],
  },
]
