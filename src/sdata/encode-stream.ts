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
   * besides those the head itself uses: the ones the entries use. Default: those the entries use when they can be
   * read twice (an array, or a function that gives them), else all of them.
   */
  declare?: readonly string[]
}

/**
 * The entries of {@link encodeSyncFeedStream}: an `Iterable` or `AsyncIterable` read once, or a function that gives
 * them afresh each time it is called (read twice: once for the namespaces they use, once to write them).
 *
 * @example
 * ```ts
 * const entries: SyncFeedEntries = () => db.changedAccountsSince(tick) // an async generator, re-run on each call
 * ```
 */
export type SyncFeedEntries<V = unknown> =
  | Iterable<SyncEntry<V>>
  | AsyncIterable<SyncEntry<V>>
  | (() => Iterable<SyncEntry<V>> | AsyncIterable<SyncEntry<V>>)

const CONVENTIONAL = ['', 'sdata', 'sync', 'http', 'opensearch', 'xsi']

const declaredPrefix = (a: XmlAttribute): string | undefined =>
  a.namespace !== XMLNS_NAMESPACE ? undefined : a.prefix === null ? '' : a.localName

async function* entryElements<V>(
  entries: Iterable<SyncEntry<V>> | AsyncIterable<SyncEntry<V>>,
  payload: PayloadCodec<V> | undefined,
): AsyncGenerator<XmlElement, void, undefined> {
  for await (const entry of entries) yield writeEntry(entry, payload)
}

/** The conventional prefixes an element uses, by the rule `encode` declares them with (one source of truth). */
function prefixesUsed(root: XmlElement, el: XmlElement, into: Set<string>): void {
  const probe = withUsedDeclarations({ ...root, attributes: rootDeclarations(), children: [el] })
  for (const a of probe.attributes) into.add(declaredPrefix(a)!)
}

/**
 * Encodes an Atom sync feed in string chunks from its head and a stream of entries, in bounded memory: the
 * counterpart of {@link streamSyncFeed}. `head` is the feed without its entries (as the `end` event gives it);
 * `entries` are read one at a time, as the chunks are asked for.
 *
 * - The concatenated chunks equal `SyncFeedXml.encode({ ...head, entries: [...head.entries, ...entries] })`
 *   (or `syncFeedXml(payload).encode(…)`) byte for byte whenever the entries can be read twice: an array, or a
 *   function that gives them afresh (a database query run again, a file read again). `encode` declares on the
 *   root only the namespaces the whole document uses, and the root is written before the first entry, so the
 *   encoder first reads the entries once for the namespaces they use (holding one at a time), then writes.
 * - Entries that can be read only once (a generator, a network stream) cannot be looked ahead in bounded memory:
 *   the root then declares the head's namespaces plus `declare` (default: every conventional one). With `declare`
 *   naming the prefixes the entries use, the bytes are again exactly `encode`'s; either way the text decodes to
 *   the same value. The same writer writes both.
 * - A chunk is handed out once about 16 K characters are written, between two entries (one larger entry makes
 *   one larger chunk), so the encoder holds one entry and one chunk at a time.
 * - The feed's own members come first (the spec's order, as `encode` writes them), so everything in `head`,
 *   the digest included, must be known before the first entry is written.
 *
 * @example
 * ```ts
 * const head: SyncFeed = { links: [], diagnoses: [], entries: [], extensions: [], syncMode: 'catchUp', digest }
 * const chunks = encodeSyncFeedStream(head, () => changedAccounts()) // a function: encode's bytes exactly
 * await pipeline(Readable.from(chunks), createWriteStream('feed.xml'))
 * ```
 */
export async function* encodeSyncFeedStream<V = unknown>(
  head: SyncFeed<V>,
  entries: SyncFeedEntries<V>,
  options?: EncodeSyncFeedStreamOptions<V>,
): AsyncGenerator<string, void, undefined> {
  const payload = options?.payload
  const root = writeFeed(head, payload, rootDeclarations())
  const used = new Set(withUsedDeclarations(root).attributes.map(declaredPrefix))
  const twice = typeof entries === 'function' || Array.isArray(entries)
  const read = () => (typeof entries === 'function' ? entries() : entries)
  if (options?.declare !== undefined || !twice) for (const prefix of options?.declare ?? CONVENTIONAL) used.add(prefix)
  else {
    const found = new Set<string>()
    for await (const el of entryElements(read(), payload)) {
      prefixesUsed(root, el, found)
      if (CONVENTIONAL.every((p) => used.has(p) || found.has(p))) break
    }
    for (const prefix of found) used.add(prefix)
  }
  // The head's own attributes and the declarations it uses are in `used` already (undefined stands for the former).
  const attributes = root.attributes.filter((a) => used.has(declaredPrefix(a)))
  yield* serializeXmlStream({ ...root, attributes }, entryElements(read(), payload))
}
