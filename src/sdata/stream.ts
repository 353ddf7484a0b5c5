// Streaming decode of an Atom sync feed (sync §4.4, §5.8; core §13.4): each entry as soon as its end tag is read,
// then the feed's own members, holding one entry at a time however long the feed is.
import type * as t from 'io-ts'
import { reportErrors } from '../codec/report'
import { wholeInputIssue } from '../common/issues'
import type { ParseOptions } from '../xml/parse'
import type { XmlSource } from '../xml/source'
import { type Frame, readStream, type Sink, type StreamError, type StreamPolicy } from '../xml/stream'
import type { XmlElement } from '../xml/types'
import { syncFeedElement, syncFeedXml } from './codecs'
import { readEntry } from './entry'
import type { SyncEntry, SyncFeed } from './model'
import { ATOM_NS } from './namespaces'
import type { PayloadCodec } from './payload'
import { at, Problems } from './read'

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
   * text between two entries), not the whole feed.
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

interface FeedState {
  /** atom:entry children read so far (their position shows in error paths, `entry[3]`). */
  entries: number
  /** Whether the `head` event went out. */
  headSent: boolean
}

function failWith(sink: Sink<unknown>, error: unknown): void {
  sink.fail([
    wholeInputIssue(`unexpected input: ${error instanceof Error ? error.message : String(error)}`, 'internal'),
  ])
}

function feedPolicy<V>(payload: PayloadCodec<V> | undefined): StreamPolicy<FeedState, SyncFeedEvent<V>> {
  const feedCodec = syncFeedElement(payload)
  const base: t.Context = [{ key: '', type: syncFeedXml(payload), actual: undefined }]
  const decodeFeed = (element: XmlElement, sink: Sink<SyncFeedEvent<V>>): SyncFeed<V> | undefined => {
    const r = feedCodec.validate(element, base)
    if (r._tag === 'Right') return r.right
    sink.fail(reportErrors(r.left))
    return undefined
  }
  // The members read so far, as the head: a prefix of the feed's children decodes to a subset of its issues
  // (the feed reader keeps the first of each member and requires none), so a failure here is the whole feed's too.
  const sendHead = (frame: Frame<FeedState>, sink: Sink<SyncFeedEvent<V>>): boolean => {
    if (frame.kind.headSent) return true
    frame.kind.headSent = true
    const feed = decodeFeed(frame.element, sink)
    if (feed !== undefined) sink.emit({ type: 'head', feed })
    return feed !== undefined
  }
  const readOne = (el: XmlElement, feed: XmlElement, problems: Problems) =>
    readEntry(el, at(at(undefined, feed), el, true), problems, payload)
  return {
    root(element, sink) {
      decodeFeed(element, sink)
      return { entries: 0, headSent: false }
    },
    parseIssues: (error) => [error],
    mayOpen: () => false,
    open: () => undefined,
    child(frame: Frame<FeedState>, el, sink) {
      if (el.namespace !== ATOM_NS || el.localName !== 'entry') {
        frame.element.children.push(el)
        return
      }
      const position = ++frame.kind.entries
      try {
        if (!sendHead(frame, sink)) return
        const problems = new Problems(base)
        const entry = readOne(el, frame.element, problems)
        if (problems.errors.length === 0 && entry !== undefined) {
          sink.emit({ type: 'entry', entry })
          return
        }
        // Read again under a feed that holds the entry at its place, so the paths show `entry[position]`.
        const siblings: XmlElement[] = new Array(position - 1).fill(PLACEHOLDER)
        siblings.push(el)
        const shown = new Problems(base)
        readOne(el, { ...frame.element, children: siblings }, shown)
        sink.fail(reportErrors(shown.errors))
      } catch (error) {
        failWith(sink, error)
      }
    },
    // Text beside the feed's children carries nothing (the in-memory decode skips it too); it was checked.
    text: () => undefined,
    close(frame, sink) {
      if (!sendHead(frame, sink)) return
      const feed = decodeFeed(frame.element, sink)
      if (feed !== undefined) sink.emit({ type: 'end', feed })
    },
  }
}

const PLACEHOLDER: XmlElement = {
  type: 'element',
  namespace: ATOM_NS,
  localName: 'entry',
  prefix: null,
  attributes: [],
  children: [],
}

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
    [Symbol.asyncIterator]: () => readStream(source, feedPolicy(options?.payload), options?.parse),
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
