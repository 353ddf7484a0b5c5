// An Atom entry of a sync feed, result feed or batch response, or a standalone `$syncDigest` / `$syncSource` entry
// (sync §4.4, §5.1–§5.3; core §13.4): Atom members, syncState, payload, http results, diagnoses, kept extensions.
import { readBooleanLexical } from '../codec/boolean'
import type { XmlAttribute, XmlElement, XmlNode } from '../xml/types'
import { readDiagnosisChild, writeDiagnoses } from './diagnosis'
import { content, head, httpResult, links } from './leaves'
import type { Link, SyncEntry } from './model'
import { ATOM_NS, SDATA_NS, SYNC_NS, XSI_NS } from './namespaces'
import { type PayloadCodec, readPayload, writeDigestPayload, writePayload } from './payload'
import { at, type Path, type Problems } from './read'
import { type ChildPart, ownerReader } from './schema/children'
import { readSyncState, writeSyncState } from './sync-state'
import { elem, hasElementChildren } from './tree'

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

/** The parts of an entry's children that the model holds; everything else is kept as an extension. */
function entryParts<V>(codec: PayloadCodec<V> | undefined): ChildPart<SyncEntry<V>>[] {
  return [
    head,
    linkPart,
    content,
    {
      namespace: SYNC_NS,
      // Sage's adapters write `<sync:syncState xsi:nil="true"/>` on `$syncDigest` entries: no state, kept as written.
      read(c, path, problems, entry) {
        if (c.localName !== 'syncState' || entry.syncState !== undefined || isNilElement(c)) return undefined
        const state = readSyncState(c, at(path, c), problems)
        if (state === undefined) return 'failed'
        entry.syncState = state
        return 'taken'
      },
    },
    {
      namespace: SDATA_NS,
      read(c, path, problems, entry) {
        if (c.localName !== 'payload') return readDiagnosisChild(c, path, problems, entry) ? 'taken' : undefined
        const payload = readPayload(c, at(path, c), problems, codec)
        if (payload.kind === 'error') return 'failed'
        if (payload.kind === 'resource' && entry.payload === undefined) entry.payload = payload.resource
        else if (payload.kind === 'digest' && entry.digest === undefined) entry.digest = payload.digest
        else return undefined
        return 'taken'
      },
    },
    httpResult,
  ]
}

/** The Atom links of a feed or an entry: a link of another shape is kept as an extension. */
export const linkPart: ChildPart<{ links: Link[] }> = {
  namespace: ATOM_NS,
  read(c, _path, _problems, owner) {
    if (c.localName !== 'link') return undefined
    const link = links.read(c)
    if (link === undefined) return undefined
    owner.links.push(link)
    return 'taken'
  },
}

const readAny = ownerReader<SyncEntry<any>, PayloadCodec<any>>(entryParts, () => ({
  links: [],
  diagnoses: [],
  extensions: [],
}))

/** Reads an `atom:entry`; `undefined` when a member it models is broken (the errors are in `problems`). */
export const readEntry: <V>(
  el: XmlElement,
  path: Path,
  problems: Problems,
  codec: PayloadCodec<V> | undefined,
) => SyncEntry<V> | undefined = readAny

/** Writes an `atom:entry` in the spec's form; `attributes` (the root declarations of a standalone entry) come first. */
export function writeEntry<V>(
  entry: SyncEntry<V>,
  codec: PayloadCodec<V> | undefined,
  attributes: XmlAttribute[] = [],
): XmlElement {
  const children: XmlNode[] = []
  head.write(entry, children)
  for (const l of entry.links) children.push(links.write(l))
  content.write(entry, children)
  if (entry.syncState !== undefined) children.push(writeSyncState(entry.syncState))
  httpResult.write(entry, children)
  if (entry.payload !== undefined) children.push(writePayload(entry.payload, codec))
  if (entry.digest !== undefined) children.push(writeDigestPayload(entry.digest))
  for (const d of writeDiagnoses(entry)) children.push(d)
  for (const x of entry.extensions) children.push(x)
  return {
    ...elem(ATOM_NS, 'entry', children),
    attributes: entry.attributes === undefined ? attributes : [...attributes, ...entry.attributes],
  }
}
