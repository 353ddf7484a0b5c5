// SData feed and entry documents written straight to text (sync §4.4, §5.1–§5.3, §5.8; core §13.4): the same
// bytes as serializing the trees of writeFeed / writeEntry, without building the feed's and entries' own trees.
import { serializeXml } from '../xml/serialize'
import { XMLNS_NAMESPACE, type XmlAttribute, type XmlElement } from '../xml/types'
import { ENTRY, writeEntry } from './entry'
import { FEED, writeFeed } from './feed'
import type { SyncEntry, SyncFeed } from './model'
import { ATOM_NS } from './namespaces'
import type { PayloadCodec } from './payload'
import type { Owner } from './schema/children'
import type { MemberCodec, OwnerDescription } from './schema/owner'
import { ownerText } from './schema/owner-text'
import { TextWriter } from './text-writer'
import { elem, rootDeclarations, usedDeclarations, withUsedDeclarations } from './tree'

// Building the feed's and each entry's element tree and serializing it cost about as much again as writing the
// text, and the garbage collector took a third of the time. So the feed, its entries, their Atom and http members
// and `sdata:payload` are written as text, as the text writer derived from their descriptions (FEED, ENTRY) writes
// them; the small elements (syncState, digest, diagnoses) and kept trees (payload resources, extensions) go through
// the serializer, in the document's scope, exactly as before.

const hasDeclaration = (attributes: XmlAttribute[] | undefined): boolean =>
  attributes?.some((a) => a.namespace === XMLNS_NAMESPACE) === true

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
 * The text of a document whose root is `owner` as `d` describes it; `tree` writes it through the tree path instead
 * (a declaration among its kept attributes, which only a hand-built value has, could rebind what the text path
 * writes; an owner with no children is written self-closed).
 */
function ownerDocument<O extends Owner>(
  d: OwnerDescription<O>,
  owner: O,
  codec: MemberCodec,
  tree: () => string,
): string {
  if (hasDeclaration(owner.attributes)) return tree()
  const used = new Set<string>([''])
  const kept = owner.attributes
  if (kept !== undefined) for (const a of kept) if (a.prefix !== null) used.add(a.prefix)
  const text = ownerText(d)
  const prepared = text.prepare(owner, codec, used, new TextWriter())
  if (!text.has(owner, prepared)) return tree()
  return document(d.name, kept, used, (t) => text.children(t, owner, prepared, codec, used)) ?? tree()
}

/**
 * The text of a sync feed document: exactly `serializeXml({ root: withUsedDeclarations(writeFeed(feed, codec,
 * rootDeclarations())) })`.
 */
export function feedText<V>(feed: SyncFeed<V>, codec: PayloadCodec<V> | undefined): string {
  return ownerDocument(FEED, feed, codec, () => viaTree(writeFeed(feed, codec, rootDeclarations())))
}

/**
 * The text of a single-entry document: exactly `serializeXml({ root: withUsedDeclarations(writeEntry(entry, codec,
 * rootDeclarations())) })`.
 */
export function entryText<V>(entry: SyncEntry<V>, codec: PayloadCodec<V> | undefined): string {
  return ownerDocument(ENTRY, entry, codec, () => viaTree(writeEntry(entry, codec, rootDeclarations())))
}
