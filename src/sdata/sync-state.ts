// The per-resource sync state `sync:syncState` (sync §4.3): endpoint, tick, stamp, optional user, in any order.
// A missing endpoint or stamp is an error naming it; a missing tick reads as 0 (docs/decisions.md#s2, SIF drops zeros).
import type { XmlElement } from '../xml/types'
import type { Stamp, SyncState } from './model'
import { SYNC_NS } from './namespaces'
import { at, duplicate, leafText, missingAt, type Path, type Problems, readNat, readStamp } from './read'
import { elem, keptAttributes, leaf, selfContained } from './tree'

/** Reads a `sync:syncState`. */
export function readSyncState(el: XmlElement, path: Path, problems: Problems): SyncState | undefined {
  let endpoint: string | undefined
  let tick: number | undefined
  let stamp: Stamp | undefined
  let user: string | undefined
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
              : c.localName === 'user'
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
    if (bit === 1) {
      endpoint = leafText(c, p, problems)
      if (endpoint === undefined) ok = false
    } else if (bit === 2) {
      tick = readNat(c, p, problems)
      if (tick === undefined) ok = false
    } else if (bit === 4) {
      stamp = readStamp(c, p, problems)
      if (stamp === undefined) ok = false
    } else {
      user = leafText(c, p, problems)
      if (user === undefined) ok = false
    }
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
  const state: SyncState = { endpoint: endpoint!, tick: tick ?? 0, stamp: stamp! }
  if (user !== undefined) state.user = user
  if (extensions !== undefined) state.extensions = extensions
  const attributes = keptAttributes(el)
  if (attributes !== undefined) state.attributes = attributes
  return state
}

/** Writes a `sync:syncState` (user only when present), then the kept extensions; kept attributes go back on. */
export function writeSyncState(state: SyncState): XmlElement {
  const children = [
    leaf(SYNC_NS, 'endpoint', state.endpoint),
    leaf(SYNC_NS, 'tick', String(state.tick)),
    leaf(SYNC_NS, 'stamp', state.stamp),
  ]
  if (state.user !== undefined) children.push(leaf(SYNC_NS, 'user', state.user))
  if (state.extensions !== undefined) for (const x of state.extensions) children.push(x)
  return elem(SYNC_NS, 'syncState', children, state.attributes ?? [])
}
