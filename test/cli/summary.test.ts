// The one-line summaries of `validate --summary`, built from decoded values: FILESYNC listings counted at any depth,
// write requests grouped by WriteMode, SData kinds; always one line, long name lists cut with `…`.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { summarize } from '../../src/cli/summary'
import type { DocumentItem, FileSyncDocument, FolderItem, Item } from '../../src/filesync/index'
import { FileSyncXml } from '../../src/filesync/index'
import { DiagnosesXml, DigestXml, SyncEntryXml, SyncFeedXml, SyncStateXml, TrackingXml } from '../../src/sdata/index'
import { fixture, fixturesIn } from '../support/fixtures'
import { numRuns } from '../support/runtime'

function decoded<A>(codec: { decode: (s: string) => { _tag: string } }, path: string): A {
  const result = codec.decode(fixture(path)) as { _tag: 'Left' } | { _tag: 'Right'; right: A }
  if (result._tag !== 'Right') throw new Error(`${path} does not decode`)
  return result.right
}

const doc = (name: string, size?: number, extra: Partial<DocumentItem> = {}): DocumentItem => ({
  kind: 'Document',
  relationshipName: name,
  ...(size === undefined ? {} : { documentStreams: [{ documentStreamName: 'Binary', dataSize: size }] }),
  ...extra,
})
const folder = (name: string, items: Item[], extra: Partial<FolderItem> = {}): FolderItem => ({
  kind: 'Folder',
  relationshipName: name,
  items,
  ...extra,
})

describe('summarize: MS-FILESYNC', () => {
  it('describes the captured changes listing by path, items, bytes and quota', () => {
    const value = decoded<FileSyncDocument>(FileSyncXml, 'filesync/spo-2025-06-changes-document-created.response.xml')
    expect(summarize('filesync', value)).toBe(
      'FILESYNC Folder /RootFolder — 1 Document (save_flow.cpython-312.pyc, 4,532 bytes), quota Normal',
    )
  })

  it('groups a write request by WriteMode, nested items included', () => {
    const value = decoded<FileSyncDocument>(
      FileSyncXml,
      'filesync/consumer-2017-windows-settings-write.request-part.xml',
    )
    expect(summarize('filesync', value)).toBe(
      'FILESYNC write request (Items) — CreateOrUpdate: 1 Folder (windows-slideshow); Update: 1 Document (SlideShow)',
    )
  })

  it('counts a listing the same whether its items are nested in folders or listed flat', () => {
    const a = doc('a.txt', 10)
    const b = doc('b.txt', 1000)
    const nested = { root: 'Folder' as const, folder: folder('Root', [folder('sub', [a, folder('deeper', [b])])]) }
    const flat = {
      root: 'Folder' as const,
      folder: folder('Root', [folder('sub', []), a, folder('deeper', []), b]),
    }
    const expected = 'FILESYNC Folder Root — 2 Folders, 2 Documents (sub, a.txt, deeper, …; 1,010 bytes in all)'
    expect(summarize('filesync', nested)).toBe(expected)
    expect(summarize('filesync', flat)).toBe(expected)
  })

  it('says when a listing is empty, and names a write response by its WriteStatus', () => {
    expect(summarize('filesync', { root: 'Folder', folder: { kind: 'Folder', path: '/RootFolder' } })).toBe(
      'FILESYNC Folder /RootFolder — no items',
    )
    const response: FileSyncDocument = {
      root: 'Items',
      items: [doc('x', undefined, { writeStatus: 'Success' }), doc('y', undefined, { writeStatus: 'Conflict' })],
    }
    expect(summarize('filesync', response)).toBe(
      'FILESYNC write response (Items) — Success: 1 Document (x); Conflict: 1 Document (y)',
    )
  })

  it('summarises every captured FILESYNC document', () => {
    const paths = fixturesIn('filesync', '.xml')
    expect(paths).toHaveLength(12)
    for (const path of paths) expect(summarize('filesync', decoded(FileSyncXml, path))).toMatch(/^FILESYNC \S+/)
  })

  it('is one short line whatever the names hold (no line break or control character; at most 3 names of 40)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 120 }), { minLength: 1, maxLength: 8 }), (names) => {
        const items = names.map((n) => doc(n, 1, { writeMode: 'Create' }))
        const line = summarize('filesync', { root: 'Items', items })
        expect(line).not.toMatch(/[\p{Cc}\u2028\u2029]/u)
        expect(line.startsWith(`FILESYNC write request (Items) — Create: ${names.length} Document`)).toBe(true)
        expect(Array.from(line).length).toBeLessThanOrEqual(60 + 3 * 42 + 30)
      }),
      { numRuns: numRuns(100) },
    )
  })
})

describe('summarize: SData', () => {
  it('describes a catch-up feed by entries, endpoints and the source digest', () => {
    expect(summarize('feed', decoded(SyncFeedXml, 'sdata/spec-4.4_sync-feed_catchUp.xml'))).toBe(
      'SData sync feed (catchUp) — 2 entries from 2 endpoints, source digest of 3 endpoints',
    )
    expect(summarize('feed', decoded(SyncFeedXml, 'sdata/spec-5.3_syncTarget-result-feed.xml'))).toBe(
      'SData feed — 2 entries, HTTP 200 ×2',
    )
  })

  it('describes a digest, an entry, a syncState, diagnoses and tracking', () => {
    const origin = 'http://www.example.com/sdata/myApp1/myContract/-/accounts'
    expect(summarize('digest', decoded(DigestXml, 'sdata/spec-4.2_digest.xml'))).toBe(
      `SData digest — 3 endpoints (origin ${origin})`,
    )
    expect(summarize('entry', decoded(SyncEntryXml, 'sdata/spec-5.1_syncDigest-GET-response-entry.xml'))).toBe(
      `SData sync entry — digest of 3 endpoints (origin ${origin})`,
    )
    expect(summarize('sync-state', decoded(SyncStateXml, 'sdata/spec-4.3_syncState.xml'))).toBe(
      `SData syncState — tick 6 from ${origin}`,
    )
    expect(summarize('diagnoses', decoded(DiagnosesXml, 'sdata/Sage50-issue17_diagnosis-response_TRUNCATED.xml'))).toBe(
      'SData diagnosis — 1 diagnosis (error): "Index was out of range. Must be non-negative and …"',
    )
    expect(summarize('tracking', decoded(TrackingXml, 'sdata/spec-5.2_tracking-202-response.xml'))).toBe(
      'SData tracking — phase Initialization, "Starting thread", progress 0.0, 0 s elapsed, 7 s remaining, poll every 500 ms',
    )
  })

  it('names an entry by its payload resource and syncState', () => {
    const feed = decoded<{ entries: unknown[] }>(SyncFeedXml, 'sdata/spec-4.4_sync-feed_catchUp.xml')
    expect(summarize('entry', feed.entries[0])).toMatch(
      /^SData sync entry — account 74926A0D-D2C0-4daa-9986-47C833691569, tick \d+ from http:\/\/\S+$/,
    )
  })
})
