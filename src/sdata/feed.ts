// The Atom sync feed (sync §4.4, §5.8), `$syncTarget` result feed (§5.3) and batch response (core §13.4): Atom
// members, OpenSearch figures (core §6.4), syncMode, the source digest, diagnoses, entries and kept extensions.
import type { XmlAttribute, XmlElement, XmlNode } from '../xml/types'
import { readDiagnosisChild, writeDiagnoses } from './diagnosis'
import { readDigest, writeDigest } from './digest'
import { linkPart, readEntry, writeEntry } from './entry'
import { head, links, opensearch, syncMode } from './leaves'
import type { SyncFeed } from './model'
import { ATOM_NS, SDATA_NS, SYNC_NS } from './namespaces'
import type { PayloadCodec } from './payload'
import { at, type Path, type Problems } from './read'
import { type ChildPart, ownerReader } from './schema/children'
import { elem } from './tree'

/** The parts of a feed's children that the model holds; everything else is kept as an extension. */
function feedParts<V>(codec: PayloadCodec<V> | undefined): ChildPart<SyncFeed<V>>[] {
  return [
    {
      namespace: ATOM_NS,
      read(c, path, problems, feed) {
        if (c.localName !== 'entry') return undefined
        const entry = readEntry(c, at(path, c, true), problems, codec)
        if (entry === undefined) return 'failed'
        feed.entries.push(entry)
        return 'taken'
      },
    },
    head,
    linkPart,
    syncMode,
    {
      namespace: SYNC_NS,
      read(c, path, problems, feed) {
        if (c.localName !== 'digest' || feed.digest !== undefined) return undefined
        const digest = readDigest(c, at(path, c), problems)
        if (digest === undefined) return 'failed'
        feed.digest = digest
        return 'taken'
      },
    },
    {
      namespace: SDATA_NS,
      read: (c, path, problems, feed) => (readDiagnosisChild(c, path, problems, feed) ? 'taken' : undefined),
    },
    opensearch,
  ]
}

/** Reads an `atom:feed`; `undefined` when a member it models is broken (the errors are in `problems`). */
export const readFeed: <V>(
  el: XmlElement,
  path: Path,
  problems: Problems,
  codec: PayloadCodec<V> | undefined,
) => SyncFeed<V> | undefined = ownerReader<SyncFeed<any>, PayloadCodec<any>>(feedParts, () => ({
  links: [],
  diagnoses: [],
  entries: [],
  extensions: [],
}))

/** Writes an `atom:feed` in the spec's form: metadata, syncMode, digest, diagnoses, extensions, then the entries. */
export function writeFeed<V>(
  feed: SyncFeed<V>,
  codec: PayloadCodec<V> | undefined,
  attributes: XmlAttribute[],
): XmlElement {
  const children: XmlNode[] = []
  head.write(feed, children)
  for (const l of feed.links) children.push(links.write(l))
  opensearch.write(feed, children)
  syncMode.write(feed, children)
  if (feed.digest !== undefined) children.push(writeDigest(feed.digest))
  for (const d of writeDiagnoses(feed)) children.push(d)
  for (const x of feed.extensions) children.push(x)
  for (const e of feed.entries) children.push(writeEntry(e, codec))
  return {
    ...elem(ATOM_NS, 'feed', children),
    attributes: feed.attributes === undefined ? attributes : [...attributes, ...feed.attributes],
  }
}
