// The Atom sync feed over the streaming XML reader's events (sync §4.4, §5.8; core §13.4): each entry decoded as its
// end tag comes, the feed's own members when the feed ends (streamSyncFeed); and the in-memory decode of a whole feed
// in one parser run, its entries read from the same entry events.
import type * as t from 'io-ts'
import { reportErrors } from '../codec/report'
import { isStrayText } from '../codec/schema/path'
import type { DecodedNode, ElementEvents } from '../xml/events'
import { type Issue, internalIssue } from '../xml/issue'
import type { Limits } from '../xml/options'
import { Parser, SyntaxFault } from '../xml/parse'
import type { Frame, Sink, StreamPolicy } from '../xml/stream'
import { compactTree } from '../xml/tree'
import type { XmlElement, XmlNode } from '../xml/types'
import { ENTRY, readEntry } from './entry'
import type { SyncEntry, SyncFeed } from './model'
import { ATOM_NS } from './namespaces'
import type { PayloadCodec } from './payload'
import { at, Problems } from './read'
import { compileOwnerEvents } from './schema/owner-events'

/** The events of a feed read by {@link feedPolicy} (the public `SyncFeedEvent` without its error event). */
export type FeedEvent<V> =
  | { type: 'head'; feed: SyncFeed<V>; element?: XmlElement }
  | { type: 'entry'; entry: SyncEntry<V>; element?: XmlElement }
  | { type: 'end'; feed: SyncFeed<V>; element?: XmlElement }

interface FeedState {
  /** atom:entry children read so far (their position shows in error paths, `entry[3]`). */
  entries: number
  /** How many entries were read when the last stray text was held (text after an entry is another text). */
  textAt: number
  /** Whether the `head` event went out. */
  headSent: boolean
  /** One string per distinct element and attribute name in the entries read (see `compactTree`). */
  names: Map<string, string>
  /** The entries' reader in the parser's event mode (a tree only for what an entry keeps whole). */
  events: ElementEvents<unknown>
}

const entryEvents = /*#__PURE__*/ compileOwnerEvents(ENTRY)

function failWith(sink: Sink<unknown>, error: unknown): void {
  sink.fail([internalIssue(error)])
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
 * The feed policy of the streaming reader: `feedCodec` reads the feed's own members (its children other than the
 * entries), each `atom:entry` child is read alone by the entry reader, error paths are those of the in-memory decode
 * under `base`. With `elements` (a stream read with positions), each event also carries the element it was decoded
 * from.
 */
export function feedPolicy<V>(
  payload: PayloadCodec<V> | undefined,
  feedCodec: t.Decoder<XmlElement, SyncFeed<V>>,
  base: t.Context,
  elements = false,
): StreamPolicy<FeedState, FeedEvent<V>> {
  const decodeFeed = (element: XmlElement, sink: Sink<FeedEvent<V>>): SyncFeed<V> | undefined => {
    const r = feedCodec.validate(element, base)
    if (r._tag === 'Right') return r.right
    sink.fail(reportErrors(r.left))
    return undefined
  }
  // The members read so far, as the head: a prefix of the feed's children decodes to a subset of its issues
  // (the feed reader keeps the first of each member and requires none), so a failure here is the whole feed's too.
  const sendHead = (frame: Frame<FeedState>, sink: Sink<FeedEvent<V>>): boolean => {
    if (frame.kind.headSent) return true
    frame.kind.headSent = true
    const feed = decodeFeed(frame.element, sink)
    if (feed !== undefined)
      sink.emit(elements ? { type: 'head', feed, element: frame.element } : { type: 'head', feed })
    return feed !== undefined
  }
  const readOne = (el: XmlElement, feed: XmlElement, problems: Problems) =>
    readEntry(el, at(at(undefined, feed), el, true), problems, payload)
  return {
    root(element, sink) {
      decodeFeed(element, sink)
      const names = new Map<string, string>()
      return {
        entries: 0,
        textAt: -1,
        headSent: false,
        names,
        events: entryEvents(payload, names) as ElementEvents<unknown>,
      }
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
        // The entry's tree is the reader's own: what the entry keeps of it (payload, extensions) is kept compact.
        compactTree(el, frame.kind.names)
        const problems = new Problems(base)
        const entry = readOne(el, frame.element, problems)
        if (problems.errors.length === 0 && entry !== undefined) {
          sink.emit(elements ? { type: 'entry', entry, element: el } : { type: 'entry', entry })
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
    // The entries are read in the parser's event mode where they can be; the others come to `child`.
    events: (frame) => (frame.depth === 1 ? frame.kind.events : undefined),
    decoded(frame, node, sink) {
      ++frame.kind.entries
      try {
        if (sendHead(frame, sink)) sink.emit({ type: 'entry', entry: node.value as SyncEntry<V> })
      } catch (error) {
        failWith(sink, error)
      }
    },
    // Text beside the feed's children other than white space is refused by the feed's reader, as in memory: it is
    // held with the feed's own members (one text between two children, however it came) for that reader to see.
    text(frame, text) {
      if (!isStrayText({ type: 'text', value: text })) return
      const children = frame.element.children
      const last = children[children.length - 1]
      if (last?.type === 'text' && frame.kind.textAt === frame.kind.entries) last.value += text
      else children.push({ type: 'text', value: text })
      frame.kind.textAt = frame.kind.entries
    },
    close(frame, sink) {
      if (!sendHead(frame, sink)) return
      const feed = decodeFeed(frame.element, sink)
      if (feed !== undefined)
        sink.emit(elements ? { type: 'end', feed, element: frame.element } : { type: 'end', feed })
    },
  }
}

/**
 * The fast way to a whole feed: the text in one parser run, each `atom:entry` read from the parser's events (a
 * compact tree only for what it keeps whole) and the feed's other children as trees for `feedCodec`. A text that is
 * not well-formed gives its error as `parseXml` reports it (the run found the same first fault), so it is not read
 * again; `undefined` when the text does not decode (the caller then reads it again the tree way, for its full list
 * of issues). A throw (a bug, in the entry reader or a payload codec) passes on, to the codec's guard.
 */
export function feedReader<V>(
  payload: PayloadCodec<V> | undefined,
  feedCodec: t.Decoder<XmlElement, SyncFeed<V>>,
  base: t.Context,
  lazy = false,
): (text: string, limits: Limits) => SyncFeed<V> | Issue[] | undefined {
  return (text, limits) => {
    const names = new Map<string, string>()
    const events = entryEvents(payload, names, true, lazy) as ElementEvents<unknown>
    const root = new Parser(text, limits).eventChildren(events)
    if (root instanceof SyntaxFault) return [root.toXmlError(text)]
    const entries: Array<SyncEntry<V>> = []
    const members: XmlNode[] = []
    const feedElement: XmlElement = { ...root, children: members }
    // Indexed: this loop runs once per decode, before the runtime optimizes it, and an iterator would allocate a
    // result object per child.
    const children = root.children as ReadonlyArray<XmlNode | DecodedNode>
    for (let i = 0; i < children.length; i++) {
      const c = children[i]!
      if (c.type === 'decoded') entries.push(c.value as SyncEntry<V>)
      else if (c.type !== 'element') members.push(c)
      else if (c.namespace !== ATOM_NS || c.localName !== 'entry') members.push(c)
      else {
        // An entry the event mode gave back (something unusual in it): read from its tree, as the streaming way does.
        compactTree(c, names, true)
        const problems = new Problems(base)
        const entry = readEntry(c, at(at(undefined, feedElement), c, true), problems, payload)
        if (problems.errors.length > 0 || entry === undefined) return undefined
        entries.push(entry)
      }
    }
    const r = feedCodec.validate(feedElement, base)
    if (r._tag === 'Left') return undefined
    r.right.entries = entries
    return r.right
  }
}
