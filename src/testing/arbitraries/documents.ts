// Arbitraries for whole XML documents (text) and for the conflict logic's target states, built on the value
// arbitraries and the document codecs, so every generated text decodes (MS-FILESYNC §2.2, sdata-sync §4, §5.4).
import fc from 'fast-check'
import { FileSyncXml } from '../../filesync/document'
import { SyncFeedXml } from '../../sdata/codecs'
import { DigestXml } from '../../sdata/documents'
import type { SyncState } from '../../sdata/model'
import { arbFileSyncDocument, type FileSyncArbitraryOptions } from './filesync'
import { arbDigest, arbSyncFeed, arbSyncState, type SDataArbitraryOptions } from './sdata'

/**
 * The XML text of a FILESYNC document (`Folder` or `Items` root), as `FileSyncXml` writes it.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(arbFileSyncXml({ maxDepth: 2 }), (xml) => isRight(FileSyncXml.decode(xml))))
 * ```
 */
export function arbFileSyncXml(options: FileSyncArbitraryOptions = {}): fc.Arbitrary<string> {
  return arbFileSyncDocument(options).map((d) => FileSyncXml.encode(d))
}

/**
 * The XML text of an SData sync feed, as `SyncFeedXml` writes it.
 *
 * @example
 * ```ts
 * fc.sample(arbSyncFeedXml({ maxEntries: 3 }), 1)
 * ```
 */
export function arbSyncFeedXml(options: SDataArbitraryOptions = {}): fc.Arbitrary<string> {
  return arbSyncFeed(options).map((f) => SyncFeedXml.encode(f))
}

/**
 * The XML text of a bare `sync:digest` document, as `DigestXml` writes it.
 *
 * @example
 * ```ts
 * fc.sample(arbDigestXml(), 1)
 * ```
 */
export function arbDigestXml(options: SDataArbitraryOptions = {}): fc.Arbitrary<string> {
  return arbDigest(options).map((d) => DigestXml.encode(d))
}

/**
 * What a target stores for a resource, as `processFeed`'s `lookup` returns it: a syncState, sometimes a tombstone.
 *
 * @example
 * ```ts
 * fc.sample(arbTargetState({ endpoints: ['http://a/sdata', 'http://b/sdata'] }), 2)
 * ```
 */
export function arbTargetState(options: SDataArbitraryOptions = {}): fc.Arbitrary<SyncState & { deleted?: boolean }> {
  return fc
    .tuple(arbSyncState(options), fc.option(fc.boolean(), { nil: undefined }))
    .map(([state, deleted]) => (deleted === undefined ? state : { ...state, deleted }))
}
