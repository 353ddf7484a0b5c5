// The SData digest and digest entry (sync §4.2, appendix A sdatasync.xsd): reading in any child order, with a
// missing origin, tick or conflictPriority tolerated (docs/decisions.md#s2), and writing in the spec's form.
import type { XmlElement, XmlNode } from '../xml/types'
import type { Digest, DigestEntry, Stamp } from './model'
import { SYNC_NS } from './namespaces'
import { at, duplicate, leafText, missingAt, type Path, type Problems, readInt, readNat, readStamp } from './read'
import { elem, keptAttributes, leaf, selfContained } from './tree'

/** Reads a `sync:digestEntry`; a missing endpoint or stamp is an error naming it, a missing tick or priority is 0. */
export function readDigestEntry(el: XmlElement, path: Path, problems: Problems): DigestEntry | undefined {
  let endpoint: string | undefined
  let tick: number | undefined
  let stamp: Stamp | undefined
  let priority: number | undefined
  let seen = 0
  let ok = true
  let extensions: XmlElement[] | undefined
  for (const c of el.children) {
    if (c.type !== 'element') continue
    const bit =
      c.namespace !== SYNC_NS
        ? 0
        : c.localName === 'endpoint'
          ? 1
          : c.localName === 'tick'
            ? 2
            : c.localName === 'stamp'
              ? 4
              : c.localName === 'conflictPriority'
                ? 8
                : 0
    if (bit === 0) {
      extensions ??= []
      extensions.push(selfContained(c))
      continue
    }
    const p = at(path, c)
    if (seen & bit) {
      duplicate(c, p, problems)
      ok = false
      continue
    }
    seen |= bit
    if (bit === 1) endpoint = leafText(c, p, problems)
    else if (bit === 2) tick = readNat(c, p, problems)
    else if (bit === 4) stamp = readStamp(c, p, problems)
    else priority = readInt(c, p, problems)
    if (
      (bit === 1 && endpoint === undefined) ||
      (bit === 2 && tick === undefined) ||
      (bit === 4 && stamp === undefined) ||
      (bit === 8 && priority === undefined)
    )
      ok = false
  }
  if (!(seen & 1)) {
    problems.add(missingAt(path, SYNC_NS, 'endpoint'), el, 'missing required element sync:endpoint')
    ok = false
  }
  if (!(seen & 4)) {
    problems.add(missingAt(path, SYNC_NS, 'stamp'), el, 'missing required element sync:stamp')
    ok = false
  }
  if (!ok) return undefined
  const entry: DigestEntry = { endpoint: endpoint!, tick: tick ?? 0, stamp: stamp!, conflictPriority: priority ?? 0 }
  if (extensions !== undefined) entry.extensions = extensions
  const attributes = keptAttributes(el)
  if (attributes !== undefined) entry.attributes = attributes
  return entry
}

/** Reads a `sync:digest` (origin optional, as §5.8 sends it). */
export function readDigest(el: XmlElement, path: Path, problems: Problems): Digest | undefined {
  let origin: string | undefined
  let originSeen = false
  const entries: DigestEntry[] = []
  let ok = true
  let extensions: XmlElement[] | undefined
  for (const c of el.children) {
    if (c.type !== 'element') continue
    if (c.namespace === SYNC_NS && c.localName === 'digestEntry') {
      const entry = readDigestEntry(c, at(path, c, true), problems)
      if (entry === undefined) ok = false
      else entries.push(entry)
    } else if (c.namespace === SYNC_NS && c.localName === 'origin') {
      const p = at(path, c)
      if (originSeen) {
        duplicate(c, p, problems)
        ok = false
        continue
      }
      originSeen = true
      origin = leafText(c, p, problems)
      if (origin === undefined) ok = false
    } else {
      extensions ??= []
      extensions.push(selfContained(c))
    }
  }
  if (!ok) return undefined
  const digest: Digest = origin === undefined ? { entries } : { origin, entries }
  if (extensions !== undefined) digest.extensions = extensions
  const attributes = keptAttributes(el)
  if (attributes !== undefined) digest.attributes = attributes
  return digest
}

/** Writes a digest entry's four elements in the XSD's order, then the kept extensions; kept attributes go back on. */
export function writeDigestEntry(entry: DigestEntry): XmlElement {
  const children: XmlNode[] = [
    leaf(SYNC_NS, 'endpoint', entry.endpoint),
    leaf(SYNC_NS, 'tick', String(entry.tick)),
    leaf(SYNC_NS, 'stamp', entry.stamp),
    leaf(SYNC_NS, 'conflictPriority', String(entry.conflictPriority)),
  ]
  if (entry.extensions !== undefined) for (const x of entry.extensions) children.push(x)
  return elem(SYNC_NS, 'digestEntry', children, entry.attributes ?? [])
}

/** Writes a `sync:digest`. */
export function writeDigest(digest: Digest): XmlElement {
  const children: XmlNode[] = []
  if (digest.origin !== undefined) children.push(leaf(SYNC_NS, 'origin', digest.origin))
  for (const e of digest.entries) children.push(writeDigestEntry(e))
  if (digest.extensions !== undefined) for (const x of digest.extensions) children.push(x)
  return elem(SYNC_NS, 'digest', children, digest.attributes ?? [])
}
