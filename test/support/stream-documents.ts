// Test helper, not a test file: generated documents streamed as bytes, held to what the in-memory decode of the
// same bytes reports. Shared by the byte-fault stream properties (UTF-8 and the multi-byte encodings).
import fc from 'fast-check'
import { expect } from 'vitest'
import { FileSyncXml, streamFileSync } from '../../src/filesync/index'
import { SyncFeedXml, streamSyncFeed } from '../../src/sdata/index'
import { arbFileSyncDocument, arbSyncFeed } from '../../src/testing/arbitraries/index'
import type { Issue } from '../../src/xml/index'
import { issuesOf } from './decode'
import { collect, cutByteArray, type SourceKind, sourceOf, streamedIssues } from './stream'

/** Which codec wrote a generated document, and so reads it back. */
export type DocumentCodec = 'feed' | 'filesync'

/** A small SData feed or FILESYNC document, as its text and the codec that wrote it. */
export function arbStreamedDocument(): fc.Arbitrary<{ codec: DocumentCodec; text: string }> {
  return fc.oneof(
    arbSyncFeed({ maxEntries: 3 }).map((feed) => ({ codec: 'feed' as const, text: SyncFeedXml.encode(feed) })),
    arbFileSyncDocument().map((doc) => ({ codec: 'filesync' as const, text: FileSyncXml.encode(doc) })),
  )
}

/** The issues the in-memory decode by `codec` gives `bytes`. */
export function decodedIssues(codec: DocumentCodec, bytes: Uint8Array): Issue[] {
  return issuesOf(codec === 'feed' ? SyncFeedXml.decode(bytes) : FileSyncXml.decode(bytes))
}

/**
 * Streams `bytes`, cut at `cuts`, from a `kind` source through `codec`'s stream and expects the issues `expected`
 * (what the in-memory decode gives them) after events only, and no end event.
 */
export async function expectStreamedIssues(
  codec: DocumentCodec,
  bytes: Uint8Array,
  cuts: readonly number[],
  kind: SourceKind,
  expected: Issue[],
): Promise<void> {
  const chunks = sourceOf(kind, cutByteArray(bytes, cuts))
  const events = await collect<{ type: string }>(codec === 'feed' ? streamSyncFeed(chunks) : streamFileSync(chunks))
  expect(streamedIssues(events)).toEqual(expected)
  expect(events.some((e) => e.type === 'end')).toBe(false)
}
