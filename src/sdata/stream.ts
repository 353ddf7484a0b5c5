// Streaming decode of an Atom sync feed (sync §4.4, §5.8; core §13.4): each entry as soon as its end tag is read,
// then the feed's own members, holding one entry at a time however long the feed is.
import type { ParseOptions } from '../xml/parse'
import type { XmlSource } from '../xml/source'
import { readStream, type StreamError } from '../xml/stream'
import type { XmlElement } from '../xml/types'
import { syncFeedElement, syncFeedXml } from './codecs'
import { feedPolicy } from './feed-policy'
import type { SyncEntry, SyncFeed } from './model'
import type { PayloadCodec } from './payload'

/**
 * Options of {@link streamSyncFeed}.
 *
 * @example
 * ```ts
 * const options: StreamSyncFeedOptions<Account> = { payload: AccountElement, parse: { maxDepth: 64 } }
 * ```
 */
export interface StreamSyncFeedOptions<V = unknown> {
  /** The caller's contract codec for payload resources, as for `syncFeedXml(payload)`: entries get `payload.value`. */
  payload?: PayloadCodec<V>
  /**
   * Parser limits, as `parseXml` takes them; `maxLength` bounds what the reader holds at once (one entry, or the
   * text between two entries), not the whole feed. With `positions: true`, every element read gets its place in
   * the whole document (`elementPosition`), each event carries the `element` it was decoded from, and the issues of
   * an error event have the `line` and `column` of the deepest element of their path, as with `parseXml`.
   */
  parse?: ParseOptions
}

/**
 * One entry of the feed, decoded exactly as `SyncFeedXml.decode` (or `syncFeedXml(payload)`) decodes it in place.
 *
 * @example
 * ```ts
 * const event: SyncEntryEvent = { type: 'entry', entry: { links: [], diagnoses: [], extensions: [], id: 'urn:1' } }
 * ```
 */
export interface SyncEntryEvent<V = unknown> {
  /** Discriminant of {@link SyncFeedEvent}. */
  type: 'entry'
  /** The entry. */
  entry: SyncEntry<V>
  /**
   * With `parse.positions`: the `atom:entry` element as read, whose elements have their place in the document
   * (`elementPosition`), to place what a check of the entry finds; absent otherwise.
   */
  element?: XmlElement
}

/**
 * The first event of a feed, before its first entry (or before `end` when it has none): the feed-level members
 * written before the first entry (syncMode, digest, links, extensions, … as decoded so far), with `entries: []`.
 * Members written after the entries are not in it; they arrive only in the `end` event, which has them all.
 *
 * @example
 * ```ts
 * const event: SyncFeedHeadEvent = { type: 'head', feed: { links: [], diagnoses: [], entries: [], extensions: [], syncMode: 'catchUp' } }
 * ```
 */
export interface SyncFeedHeadEvent<V = unknown> {
  /** Discriminant of {@link SyncFeedEvent}. */
  type: 'head'
  /** The feed's members before its first entry. */
  feed: SyncFeed<V>
  /** With `parse.positions`: the feed element as read so far (its own members, not its entries); absent otherwise. */
  element?: XmlElement
}

/**
 * The last event of a feed that decoded: the feed with `entries: []` (its entries came as {@link SyncEntryEvent}s),
 * with every feed-level member, including those written after the entries.
 *
 * @example
 * ```ts
 * const event: SyncFeedEndEvent = { type: 'end', feed: { links: [], diagnoses: [], entries: [], extensions: [], syncMode: 'catchUp' } }
 * ```
 */
export interface SyncFeedEndEvent<V = unknown> {
  /** Discriminant of {@link SyncFeedEvent}. */
  type: 'end'
  /** The feed without its entries. */
  feed: SyncFeed<V>
  /** With `parse.positions`: the feed element as read (its own members, not its entries); absent otherwise. */
  element?: XmlElement
}

/**
 * What {@link streamSyncFeed} yields: `head` once, entries in document order, then `end`; or an `error` (last)
 * after the events that came before the fault.
 *
 * @example
 * ```ts
 * for await (const event of streamSyncFeed(source)) if (event.type === 'entry') apply(event.entry)
 * ```
 */
export type SyncFeedEvent<V = unknown> = SyncFeedHeadEvent<V> | SyncEntryEvent<V> | SyncFeedEndEvent<V> | StreamError

/**
 * Decodes an Atom sync feed from a stream in bounded memory: yields `{ type: 'head', feed }` once, at the first
 * entry's start, then `{ type: 'entry', entry }` for each entry as soon as its end tag has been read (deep-equal to
 * that entry in `SyncFeedXml.decode`'s result), then `{ type: 'end', feed }` with all the feed's own members
 * (`entries: []`); or it ends with `{ type: 'error', issues }`.
 *
 * - `head` carries the feed-level members written before the first entry (syncMode, digest, links, extensions …;
 *   `entries: []`), so a consumer can act on them before any entry; it comes before `end` when there are no
 *   entries. A member written after the entries (a server may put the digest last) is only in `end`: compare
 *   the two when it matters (`processFeedStream` does).
 * - The reader holds one entry (or one stretch of text between entries) at a time, plus the feed's own members;
 *   `parse.maxLength` bounds what it holds, not the feed.
 * - Every rule of `parseXml` applies, in document order: a document that is not well-formed ends with the same
 *   message and `line:column` (in the whole document) as the in-memory decode reports, after the entries before it.
 *   So does a byte that is not valid in the document's encoding (UTF-8, UTF-16, the single-byte ones): the same
 *   `undecodable` issue as `SyncFeedXml.decode` of the same bytes (message, byte `offset`, `line:column`), however
 *   the bytes are cut into chunks.
 * - An entry that does not decode ends the stream with that entry's issues (paths as in memory,
 *   `/feed/entry[3]/…`). The feed's own members are decoded when its end tag has been read (they may follow the
 *   entries); their issues end the stream then.
 * - Never throws: a source that throws or gives something other than text or bytes ends with an error event.
 *
 * Typed payloads: pass the contract codec as `payload`, as `syncFeedXml(payload)` takes it.
 *
 * @example
 * ```ts
 * for await (const event of streamSyncFeed(response.body!, { payload: AccountElement })) {
 *   if (event.type === 'head') console.log(event.feed.syncMode)
 *   else if (event.type === 'entry') await apply(event.entry)
 *   else if (event.type === 'end') await saveDigest(event.feed.digest)
 *   else throw new Error(reportText(event.issues))
 * }
 * ```
 */
export function streamSyncFeed<V = unknown>(
  source: XmlSource,
  options?: StreamSyncFeedOptions<V>,
): AsyncIterable<SyncFeedEvent<V>> {
  return {
    [Symbol.asyncIterator]: () => {
      const payload = options?.payload
      const base = [{ key: '', type: syncFeedXml(payload), actual: undefined }]
      const elements = options?.parse?.positions === true
      return readStream(source, feedPolicy(payload, syncFeedElement(payload), base, elements), options?.parse)
    },
  }
}

/**
 * The feed a stream of {@link SyncFeedEvent}s stands for: the `end` event's feed with the entries put back, in
 * order (the `head` event adds nothing: `end` has every member it has); `undefined` when the stream ended with an error (or without its `end`).
 *
 * @example
 * ```ts
 * const events = []
 * for await (const e of streamSyncFeed(source)) events.push(e)
 * rebuildSyncFeed(events) // deep-equal to SyncFeedXml.decode(text).right
 * ```
 */
export function rebuildSyncFeed<V>(events: Iterable<SyncFeedEvent<V>>): SyncFeed<V> | undefined {
  const entries: Array<SyncEntry<V>> = []
  for (const event of events) {
    if (event.type === 'entry') entries.push(event.entry)
    else if (event.type === 'head') continue
    else if (event.type === 'end') return { ...event.feed, entries }
    else return undefined
  }
  return undefined
}
