// SData feed and entry documents written straight to text (sync §4.4, §5.1–§5.3, §5.8; core §13.4): the same
// bytes as serializing the trees of writeFeed / writeEntry, without building the feed's and entries' own trees.
import { serializeXml } from '../xml/serialize'
import { XMLNS_NAMESPACE, type XmlAttribute, type XmlElement } from '../xml/types'
import { writeDiagnoses } from './diagnosis'
import { writeDigest } from './digest'
import { writeEntry } from './entry'
import { writeFeed } from './feed'
import { content, head, httpResult, links, opensearch, syncMode } from './leaves'
import type { SyncEntry, SyncFeed } from './model'
import { ATOM_NS, SDATA_NS } from './namespaces'
import { type PayloadCodec, payloadParts, writeDigestPayload } from './payload'
import { writeSyncState } from './sync-state'
import { ATOM_PARENT, openElement, qname, TextWriter } from './text-writer'
import { addUsedPrefixes, elem, rootDeclarations, usedDeclarations, withUsedDeclarations } from './tree'

// Building the feed's and each entry's element tree and serializing it cost about as much again as writing the
// text, and the garbage collector took a third of the time. So the feed, its entries, their Atom and http members
// and `sdata:payload` are written as text; the small elements (syncState, digest, diagnoses) and kept trees
// (payload resources, extensions) go through the serializer, in the document's scope, exactly as before.

const PAYLOAD_PARENT = openElement(SDATA_NS, 'payload')
const PAYLOAD = qname(SDATA_NS, 'payload')
/** An entry as it will be written: its trees built once (a typed payload's `codec.encode` runs once). */
interface EntryParts {
  /** The whole entry as a tree, for the rare entry whose kept attributes the text path does not write. */
  tree?: XmlElement
  syncState?: XmlElement
  resource?: XmlElement
  payloadAttributes?: string
  digest?: XmlElement
  diagnoses: XmlElement[]
}

const hasDeclaration = (attributes: XmlAttribute[] | undefined): boolean =>
  attributes?.some((a) => a.namespace === XMLNS_NAMESPACE) === true

/** Builds an entry's trees and adds the prefixes the entry uses to `used` (`withUsedDeclarations`' walk). */
function entryParts<V>(
  t: TextWriter,
  entry: SyncEntry<V>,
  codec: PayloadCodec<V> | undefined,
  used: Set<string>,
): EntryParts {
  if (entry.attributes !== undefined && entry.attributes.length > 0) {
    const tree = writeEntry(entry, codec)
    addUsedPrefixes(tree, used)
    return { tree, diagnoses: [] }
  }
  const parts: EntryParts = { diagnoses: [] }
  if (entry.syncState !== undefined) parts.syncState = addUsedTree(writeSyncState(entry.syncState), used)
  if (httpResult.any(entry)) used.add('http')
  if (entry.payload !== undefined) {
    const { element, attributes } = payloadParts(entry.payload, codec)
    used.add('sdata')
    let text = ''
    for (const a of attributes) {
      if (a.prefix !== null) used.add(a.prefix)
      text += t.attribute(qname(a.namespace!, a.localName), a.value)
    }
    parts.resource = addUsedTree(element, used)
    parts.payloadAttributes = text
  }
  if (entry.digest !== undefined) parts.digest = addUsedTree(writeDigestPayload(entry.digest), used)
  parts.diagnoses = writeDiagnoses(entry)
  for (const d of parts.diagnoses) addUsedPrefixes(d, used)
  for (const x of entry.extensions) addUsedPrefixes(x, used)
  return parts
}

/** Writes the children of an entry, in `writeEntry`'s order. */
function writeEntryChildren<V>(t: TextWriter, entry: SyncEntry<V>, parts: EntryParts): void {
  head.text(t, entry)
  for (const l of entry.links) links.text(t, l)
  content.text(t, entry)
  if (parts.syncState !== undefined) t.tree(ATOM_PARENT, '', parts.syncState)
  httpResult.text(t, entry)
  if (parts.resource !== undefined) {
    t.start(PAYLOAD, parts.payloadAttributes)
    t.tree(PAYLOAD_PARENT, 'sdata', parts.resource)
    t.end(PAYLOAD)
  }
  if (parts.digest !== undefined) t.tree(ATOM_PARENT, '', parts.digest)
  for (const d of parts.diagnoses) t.tree(ATOM_PARENT, '', d)
  for (const x of entry.extensions) t.tree(ATOM_PARENT, '', x)
}

/** Whether an entry has children to write (else it is written self-closed, as its empty tree is). */
function entryHasChildren<V>(entry: SyncEntry<V>, parts: EntryParts): boolean {
  return (
    head.any(entry) ||
    entry.links.length > 0 ||
    content.any(entry) ||
    parts.syncState !== undefined ||
    httpResult.any(entry) ||
    parts.resource !== undefined ||
    parts.digest !== undefined ||
    parts.diagnoses.length > 0 ||
    entry.extensions.length > 0
  )
}

function feedHasChildren<V>(feed: SyncFeed<V>): boolean {
  return (
    head.any(feed) ||
    feed.links.length > 0 ||
    opensearch.any(feed) ||
    syncMode.any(feed) ||
    feed.digest !== undefined ||
    feed.diagnoses.length > 0 ||
    (feed.diagnosesWrappers?.length ?? 0) > 0 ||
    feed.extensions.length > 0 ||
    feed.entries.length > 0
  )
}

/** The feed's or entry's tree written by the tree path: the reference the text path must equal. */
function viaTree(root: XmlElement): string {
  return serializeXml({ root: withUsedDeclarations(root) })
}

/**
 * Writes a document whose root is an Atom `name` with `attributes`, its children by `body`. The root's start tag
 * is written last: only the declarations of the prefixes the document uses go on it (`withUsedDeclarations`), and
 * those are known once the body is written. The body is written with every conventional prefix in scope, which
 * gives the same text unless the serializer had to look for another prefix bound to a namespace (`searched`):
 * then `undefined`, and the caller takes the tree path.
 */
function document(
  name: string,
  attributes: XmlAttribute[] | undefined,
  used: Set<string>,
  body: (t: TextWriter) => void,
): string | undefined {
  const root = (declarations: XmlAttribute[]): XmlElement => ({
    ...elem(ATOM_NS, name, []),
    attributes: attributes === undefined ? declarations : [...declarations, ...attributes],
  })
  const t = new TextWriter()
  const open = t.w.begin(root(rootDeclarations()))
  t.w.finish() // the start tag with every declaration: its text is dropped, its bindings stay in scope
  body(t)
  t.w.end(open)
  const text = t.finish()
  const head = new TextWriter()
  head.w.begin(root(usedDeclarations(rootDeclarations(), used)))
  if (t.w.searched || head.w.searched) return undefined
  return head.finish() + text
}

/**
 * The text of a sync feed document: exactly `serializeXml({ root: withUsedDeclarations(writeFeed(feed, codec,
 * rootDeclarations())) })`.
 */
export function feedText<V>(feed: SyncFeed<V>, codec: PayloadCodec<V> | undefined): string {
  const tree = () => viaTree(writeFeed(feed, codec, rootDeclarations()))
  // A declaration among the feed's own attributes (only a hand-built value has one) could rebind what the text
  // path writes; such a feed, and one with no children (written self-closed), goes through the tree.
  if (hasDeclaration(feed.attributes) || !feedHasChildren(feed)) return tree()
  const used = new Set<string>([''])
  if (feed.attributes !== undefined) for (const a of feed.attributes) if (a.prefix !== null) used.add(a.prefix)
  if (opensearch.any(feed)) used.add('opensearch')
  if (syncMode.any(feed)) used.add('sync')
  const text = document('feed', feed.attributes, used, (t) => {
    head.text(t, feed)
    for (const l of feed.links) links.text(t, l)
    opensearch.text(t, feed)
    syncMode.text(t, feed)
    if (feed.digest !== undefined) t.tree(ATOM_PARENT, '', addUsedTree(writeDigest(feed.digest), used))
    for (const d of writeDiagnoses(feed)) t.tree(ATOM_PARENT, '', addUsedTree(d, used))
    for (const x of feed.extensions) t.tree(ATOM_PARENT, '', addUsedTree(x, used))
    for (const entry of feed.entries) {
      // Built, walked and written one entry at a time, so that what an entry allocates dies young.
      const parts = entryParts(t, entry, codec, used)
      if (parts.tree !== undefined) t.tree(ATOM_PARENT, '', parts.tree)
      else writeEntryText(t, entry, parts)
    }
  })
  return text ?? tree()
}

function writeEntryText<V>(t: TextWriter, entry: SyncEntry<V>, parts: EntryParts): void {
  if (!entryHasChildren(entry, parts)) {
    t.start('entry', '', true)
    return
  }
  t.start('entry')
  writeEntryChildren(t, entry, parts)
  t.end('entry')
}

function addUsedTree(el: XmlElement, used: Set<string>): XmlElement {
  addUsedPrefixes(el, used)
  return el
}

/**
 * The text of a single-entry document: exactly `serializeXml({ root: withUsedDeclarations(writeEntry(entry, codec,
 * rootDeclarations())) })`.
 */
export function entryText<V>(entry: SyncEntry<V>, codec: PayloadCodec<V> | undefined): string {
  const tree = () => viaTree(writeEntry(entry, codec, rootDeclarations()))
  if (hasDeclaration(entry.attributes)) return tree()
  const used = new Set<string>([''])
  const kept = entry.attributes
  if (kept !== undefined) for (const a of kept) if (a.prefix !== null) used.add(a.prefix)
  const t0 = new TextWriter()
  const parts = entryParts(t0, kept === undefined ? entry : { ...entry, attributes: undefined }, codec, used)
  if (!entryHasChildren(entry, parts)) return tree()
  return document('entry', kept, used, (t) => writeEntryChildren(t, entry, parts)) ?? tree()
}
