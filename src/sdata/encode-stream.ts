// Streaming encode of an Atom sync feed (sync §4.4, §5.8; core §13.4): the feed's own members, then each entry as
// it comes, in string chunks; the text is exactly what SyncFeedXml.encode writes for the whole feed.
import { serializeXmlStream } from '../xml/serialize-stream'
import { XMLNS_NAMESPACE, type XmlAttribute, type XmlElement } from '../xml/types'
import { writeEntry } from './entry'
import { writeFeed } from './feed'
import type { SyncEntry, SyncFeed } from './model'
import type { PayloadCodec } from './payload'
import { rootDeclarations, withUsedDeclarations } from './tree'

/**
 * Options of {@link encodeSyncFeedStream}.
 *
 * @example
 * ```ts
 * const options: EncodeSyncFeedStreamOptions<Account> = { payload: AccountElement }
 * ```
 */
export interface EncodeSyncFeedStreamOptions<V = unknown> {
  /** The caller's contract codec for payload resources, as `syncFeedXml(payload)` takes it. */
  payload?: PayloadCodec<V>
  /**
   * The conventional prefixes (`''` for Atom, `sdata`, `sync`, `http`, `opensearch`, `xsi`) to declare on the root
   * besides those the head itself uses: the ones the entries use. Default: all of them, as the entries are not
   * known when the root is written.
   */
  declare?: readonly string[]
}

const CONVENTIONAL = ['', 'sdata', 'sync', 'http', 'opensearch', 'xsi']

const declaredPrefix = (a: XmlAttribute): string | undefined =>
  a.namespace !== XMLNS_NAMESPACE ? undefined : a.prefix === null ? '' : a.localName

async function* entryElements<V>(
  entries: Iterable<SyncEntry<V>> | AsyncIterable<SyncEntry<V>>,
  payload: PayloadCodec<V> | undefined,
): AsyncGenerator<XmlElement, void, undefined> {
  for await (const entry of entries) yield writeEntry(entry, payload)
}

/**
 * Encodes an Atom sync feed in string chunks from its head and a stream of entries, in bounded memory: the
 * counterpart of {@link streamSyncFeed}. `head` is the feed without its entries (as the `end` event gives it);
 * `entries` come from an `Iterable` or `AsyncIterable` and are read one at a time, as the chunks are asked for.
 *
 * - The concatenated chunks equal `SyncFeedXml.encode({ ...head, entries: [...head.entries, ...entries] })`
 *   (or `syncFeedXml(payload).encode(…)`), byte for byte, except for the root's namespace declarations: `encode`
 *   declares only the namespaces the whole document uses, and a stream cannot look ahead, so the root declares
 *   those the head uses plus `declare` (default: every conventional one). With `declare` naming the prefixes the
 *   entries use, the bytes are exactly `encode`'s; either way the text decodes to the same value. The same
 *   writer writes both.
 * - A chunk is handed out once about 16 K characters are written, between two entries (one larger entry makes
 *   one larger chunk), so the encoder holds one entry and one chunk at a time.
 * - The feed's own members come first (the spec's order, as `encode` writes them), so everything in `head`,
 *   the digest included, must be known before the first entry is written.
 *
 * @example
 * ```ts
 * const head: SyncFeed = { links: [], diagnoses: [], entries: [], extensions: [], syncMode: 'catchUp', digest }
 * const chunks = encodeSyncFeedStream(head, changedAccounts()) // an async generator of entries
 * await pipeline(Readable.from(chunks), createWriteStream('feed.xml'))
 * ```
 */
export function encodeSyncFeedStream<V = unknown>(
  head: SyncFeed<V>,
  entries: Iterable<SyncEntry<V>> | AsyncIterable<SyncEntry<V>>,
  options?: EncodeSyncFeedStreamOptions<V>,
): AsyncIterable<string> {
  const payload = options?.payload
  const root = writeFeed(head, payload, rootDeclarations())
  const used = new Set(withUsedDeclarations(root).attributes.map(declaredPrefix))
  for (const prefix of options?.declare ?? CONVENTIONAL) used.add(prefix)
  const attributes = root.attributes.filter((a) => {
    const prefix = declaredPrefix(a)
    return prefix === undefined || !CONVENTIONAL.includes(prefix) || used.has(prefix)
  })
  return serializeXmlStream({ ...root, attributes }, entryElements(entries, payload))
}
