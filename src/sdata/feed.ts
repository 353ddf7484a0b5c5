// The Atom sync feed (sync §4.4, §5.8), `$syncTarget` result feed (§5.3) and batch response (core §13.4): Atom
// members, OpenSearch figures (core §6.4), syncMode, the source digest, diagnoses, entries and kept extensions.
import type { XmlAttribute, XmlElement, XmlNode } from '../xml/types'
import { readDiagnosisChild, writeDiagnoses } from './diagnosis'
import { readDigest, writeDigest } from './digest'
import { isPlainText, readEntry, readLink, writeEntry, writeLink } from './entry'
import type { OpenSearch, SyncFeed, SyncMode } from './model'
import { ATOM_NS, OPENSEARCH_NS, SDATA_NS, SYNC_NS } from './namespaces'
import type { PayloadCodec } from './payload'
import { at, leafText, type Path, type Problems, readNat, readStamp, trimXml } from './read'
import { elem, keptAttributes, leaf, selfContained, textOf } from './tree'

function readSyncMode(el: XmlElement, path: Path, problems: Problems): SyncMode | undefined {
  const text = leafText(el, path, problems)
  if (text === undefined) return undefined
  const mode = trimXml(text)
  if (mode === 'catchUp' || mode === 'immediate') return mode
  problems.add(path, text, `expected catchUp or immediate, found ${JSON.stringify(text)}`)
  return undefined
}

/** Reads an `atom:feed`; `undefined` when a member it models is broken (the errors are in `problems`). */
export function readFeed<V>(
  el: XmlElement,
  path: Path,
  problems: Problems,
  codec: PayloadCodec<V> | undefined,
): SyncFeed<V> | undefined {
  const feed: SyncFeed<V> = { links: [], diagnoses: [], entries: [], extensions: [] }
  const attributes = keptAttributes(el)
  if (attributes !== undefined) feed.attributes = attributes
  let ok = true
  for (const c of el.children) {
    if (c.type !== 'element') continue
    const ns = c.namespace
    const name = c.localName
    if (ns === ATOM_NS) {
      if (name === 'entry') {
        const entry = readEntry(c, at(path, c, true), problems, codec)
        if (entry === undefined) ok = false
        else feed.entries.push(entry)
        continue
      }
      if ((name === 'id' || name === 'title') && feed[name] === undefined && isPlainText(c)) {
        feed[name] = textOf(c)
        continue
      }
      if (name === 'updated' && feed.updated === undefined && isPlainText(c)) {
        const stamp = readStamp(c, at(path, c), problems)
        if (stamp === undefined) ok = false
        else feed.updated = stamp
        continue
      }
      if (name === 'link') {
        const link = readLink(c)
        if (link !== undefined) {
          feed.links.push(link)
          continue
        }
      }
    } else if (ns === SYNC_NS) {
      if (name === 'syncMode' && feed.syncMode === undefined && isPlainText(c)) {
        const mode = readSyncMode(c, at(path, c), problems)
        if (mode === undefined) ok = false
        else feed.syncMode = mode
        continue
      }
      if (name === 'digest' && feed.digest === undefined) {
        const digest = readDigest(c, at(path, c), problems)
        if (digest === undefined) ok = false
        else feed.digest = digest
        continue
      }
    } else if (ns === SDATA_NS) {
      if (readDiagnosisChild(c, path, problems, feed)) continue
    } else if (ns === OPENSEARCH_NS && isPlainText(c)) {
      if (
        (name === 'totalResults' || name === 'startIndex' || name === 'itemsPerPage') &&
        feed.opensearch?.[name] === undefined
      ) {
        const n = readNat(c, at(path, c), problems)
        if (n === undefined) ok = false
        else {
          feed.opensearch ??= {}
          feed.opensearch[name as keyof OpenSearch] = n
        }
        continue
      }
    }
    feed.extensions.push(selfContained(c))
  }
  return ok ? feed : undefined
}

/** Writes an `atom:feed` in the spec's form: metadata, syncMode, digest, diagnoses, extensions, then the entries. */
export function writeFeed<V>(
  feed: SyncFeed<V>,
  codec: PayloadCodec<V> | undefined,
  attributes: XmlAttribute[],
): XmlElement {
  const children: XmlNode[] = []
  if (feed.id !== undefined) children.push(leaf(ATOM_NS, 'id', feed.id))
  if (feed.title !== undefined) children.push(leaf(ATOM_NS, 'title', feed.title))
  if (feed.updated !== undefined) children.push(leaf(ATOM_NS, 'updated', feed.updated))
  for (const l of feed.links) children.push(writeLink(l))
  const os = feed.opensearch
  if (os !== undefined) {
    if (os.totalResults !== undefined) children.push(leaf(OPENSEARCH_NS, 'totalResults', String(os.totalResults)))
    if (os.startIndex !== undefined) children.push(leaf(OPENSEARCH_NS, 'startIndex', String(os.startIndex)))
    if (os.itemsPerPage !== undefined) children.push(leaf(OPENSEARCH_NS, 'itemsPerPage', String(os.itemsPerPage)))
  }
  if (feed.syncMode !== undefined) children.push(leaf(SYNC_NS, 'syncMode', feed.syncMode))
  if (feed.digest !== undefined) children.push(writeDigest(feed.digest))
  for (const d of writeDiagnoses(feed)) children.push(d)
  for (const x of feed.extensions) children.push(x)
  for (const e of feed.entries) children.push(writeEntry(e, codec))
  return {
    ...elem(ATOM_NS, 'feed', children),
    attributes: feed.attributes === undefined ? attributes : [...attributes, ...feed.attributes],
  }
}
