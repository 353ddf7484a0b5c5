// An Atom entry of a sync feed, result feed or batch response, or a standalone `$syncDigest` / `$syncSource` entry
// (sync §4.4, §5.1–§5.3; core §13.4): Atom members, syncState, payload, http results, diagnoses, kept extensions.
import { readBooleanLexical } from '../codec/boolean'
import type { XmlAttribute, XmlElement, XmlNode } from '../xml/types'
import { readDiagnosisChild, writeDiagnoses } from './diagnosis'
import type { Link, SyncEntry } from './model'
import { ATOM_NS, HTTP_NS, SDATA_NS, SYNC_NS, XSI_NS } from './namespaces'
import { type PayloadCodec, readPayload, writeDigestPayload, writePayload } from './payload'
import { at, type Path, type Problems, readInt, readStamp } from './read'
import { readSyncState, writeSyncState } from './sync-state'
import { attr, elem, hasElementChildren, isDeclaration, keptAttributes, leaf, selfContained, textOf } from './tree'

/**
 * Whether an element is nil: `xsi:nil` true (any spelling the boolean reader accepts) and no element children.
 *
 * @example
 * ```ts
 * isNilElement(syncStateElement) // true for <sync:syncState xsi:nil="true"/>
 * ```
 */
export function isNilElement(el: XmlElement): boolean {
  if (hasElementChildren(el)) return false
  return el.attributes.some(
    (a) => a.namespace === XSI_NS && a.localName === 'nil' && readBooleanLexical(a.value) === true,
  )
}

/** Whether an element has no attributes but namespace declarations and no element children: a plain text member. */
export function isPlainText(el: XmlElement): boolean {
  for (const a of el.attributes) if (!isDeclaration(a)) return false
  return !hasElementChildren(el)
}

/** Reads an Atom link; `undefined` (keep as an extension) when it has no href or attributes the model lacks. */
export function readLink(el: XmlElement): Link | undefined {
  if (hasElementChildren(el) || textOf(el) !== '') return undefined
  let href: string | undefined
  const link: Partial<Link> = {}
  for (const a of el.attributes) {
    if (isDeclaration(a)) continue
    if (a.namespace !== null) return undefined
    switch (a.localName) {
      case 'href':
        href = a.value
        break
      case 'rel':
      case 'type':
      case 'title':
        link[a.localName] = a.value
        break
      default:
        return undefined
    }
  }
  if (href === undefined) return undefined
  const out: Link = { href }
  if (link.rel !== undefined) out.rel = link.rel
  if (link.type !== undefined) out.type = link.type
  if (link.title !== undefined) out.title = link.title
  return out
}

/** Writes an Atom link (rel, type, title, href, as the spec's examples order them). */
export function writeLink(link: Link): XmlElement {
  const attributes: XmlAttribute[] = []
  if (link.rel !== undefined) attributes.push(attr('rel', link.rel))
  if (link.type !== undefined) attributes.push(attr('type', link.type))
  if (link.title !== undefined) attributes.push(attr('title', link.title))
  attributes.push(attr('href', link.href))
  return elem(ATOM_NS, 'link', [], attributes)
}

type HttpText = 'message' | 'method' | 'location' | 'etag'
const HTTP_TEXT: ReadonlyMap<string, HttpText> = new Map([
  ['httpMessage', 'message'],
  ['httpMethod', 'method'],
  ['location', 'location'],
  ['etag', 'etag'],
])

/** Reads an `atom:entry`; `undefined` when a member it models is broken (the errors are in `problems`). */
export function readEntry<V>(
  el: XmlElement,
  path: Path,
  problems: Problems,
  codec: PayloadCodec<V> | undefined,
): SyncEntry<V> | undefined {
  const entry: SyncEntry<V> = { links: [], diagnoses: [], extensions: [] }
  const attributes = keptAttributes(el)
  if (attributes !== undefined) entry.attributes = attributes
  let ok = true
  for (const c of el.children) {
    if (c.type !== 'element') continue
    const ns = c.namespace
    const name = c.localName
    if (ns === ATOM_NS) {
      if ((name === 'id' || name === 'title' || name === 'content') && entry[name] === undefined && isPlainText(c)) {
        entry[name] = textOf(c)
        continue
      }
      if (name === 'updated' && entry.updated === undefined && isPlainText(c)) {
        const stamp = readStamp(c, at(path, c), problems)
        if (stamp === undefined) ok = false
        else entry.updated = stamp
        continue
      }
      if (name === 'link') {
        const link = readLink(c)
        if (link !== undefined) {
          entry.links.push(link)
          continue
        }
      }
    } else if (ns === SYNC_NS) {
      // Sage's adapters write `<sync:syncState xsi:nil="true"/>` on `$syncDigest` entries: no state, kept as written.
      if (name === 'syncState' && entry.syncState === undefined && !isNilElement(c)) {
        const state = readSyncState(c, at(path, c), problems)
        if (state === undefined) ok = false
        else entry.syncState = state
        continue
      }
    } else if (ns === SDATA_NS) {
      if (name === 'payload') {
        const content = readPayload(c, at(path, c), problems, codec)
        if (content.kind === 'error') {
          ok = false
          continue
        }
        if (content.kind === 'resource' && entry.payload === undefined) {
          entry.payload = content.resource
          continue
        }
        if (content.kind === 'digest' && entry.digest === undefined) {
          entry.digest = content.digest
          continue
        }
      } else if (readDiagnosisChild(c, path, problems, entry)) continue
    } else if (ns === HTTP_NS && isPlainText(c)) {
      if (name === 'httpStatus' && entry.http?.status === undefined) {
        const status = readInt(c, at(path, c), problems)
        if (status === undefined) ok = false
        else {
          entry.http ??= {}
          entry.http.status = status
        }
        continue
      }
      const member = HTTP_TEXT.get(name)
      if (member !== undefined && entry.http?.[member] === undefined) {
        entry.http ??= {}
        entry.http[member] = textOf(c)
        continue
      }
    }
    entry.extensions.push(selfContained(c))
  }
  return ok ? entry : undefined
}

/** Writes an `atom:entry` in the spec's form; `attributes` (the root declarations of a standalone entry) come first. */
export function writeEntry<V>(
  entry: SyncEntry<V>,
  codec: PayloadCodec<V> | undefined,
  attributes: XmlAttribute[] = [],
): XmlElement {
  const children: XmlNode[] = []
  if (entry.id !== undefined) children.push(leaf(ATOM_NS, 'id', entry.id))
  if (entry.title !== undefined) children.push(leaf(ATOM_NS, 'title', entry.title))
  if (entry.updated !== undefined) children.push(leaf(ATOM_NS, 'updated', entry.updated))
  for (const l of entry.links) children.push(writeLink(l))
  if (entry.content !== undefined) children.push(leaf(ATOM_NS, 'content', entry.content))
  if (entry.syncState !== undefined) children.push(writeSyncState(entry.syncState))
  const http = entry.http
  if (http !== undefined) {
    if (http.status !== undefined) children.push(leaf(HTTP_NS, 'httpStatus', String(http.status)))
    if (http.message !== undefined) children.push(leaf(HTTP_NS, 'httpMessage', http.message))
    if (http.location !== undefined) children.push(leaf(HTTP_NS, 'location', http.location))
    if (http.method !== undefined) children.push(leaf(HTTP_NS, 'httpMethod', http.method))
    if (http.etag !== undefined) children.push(leaf(HTTP_NS, 'etag', http.etag))
  }
  if (entry.payload !== undefined) children.push(writePayload(entry.payload, codec))
  if (entry.digest !== undefined) children.push(writeDigestPayload(entry.digest))
  for (const d of writeDiagnoses(entry)) children.push(d)
  for (const x of entry.extensions) children.push(x)
  return {
    ...elem(ATOM_NS, 'entry', children),
    attributes: entry.attributes === undefined ? attributes : [...attributes, ...entry.attributes],
  }
}
