// Snapshot comparison for FILESYNC folder listings: what changed between two, and how to merge two sides of one base.
// Over MS-FILESYNC listings, nested or flat `Items` (docs/decisions.md#f5 on ids and ETags).

import { compareDateTime, parseDateTime } from '../common/datetime'
import type { DocumentItem, FileSyncDocument, FolderItem, Item } from './model'

/**
 * What the snapshot functions accept: a decoded document (`Folder` listing, nested or flat, or `Items`), a
 * folder (itself and everything under it), or a list of items.
 *
 * @example
 * ```ts
 * const input: SnapshotInput = [{ kind: 'Document', resourceId: '2b80541d1fb547bfacbd38f99cb5e74d', eTag: '"{…},1"' }]
 * ```
 */
export type SnapshotInput = FileSyncDocument | FolderItem | readonly Item[]

/**
 * One item of a snapshot, with what the comparison looks at.
 *
 * @example
 * ```ts
 * const entry: SnapshotEntry = {
 *   key: '2b80541d1fb547bfacbd38f99cb5e74d', resourceId: '2B80541D1FB547BFACBD38F99CB5E74D', kind: 'Document',
 *   parentKey: 'c86e008a0f9e4a81809fe963949f3c46', name: 'a.txt', eTag: '"{2B80541D-…},1"',
 *   item: { kind: 'Document', resourceId: '2B80541D1FB547BFACBD38F99CB5E74D' },
 * }
 * ```
 */
export interface SnapshotEntry {
  /** The ResourceID in lower case: the identity used for matching (ResourceIDs compare case-insensitively). */
  key: string
  /** The ResourceID as read. */
  resourceId: string
  /** `Folder` or `Document`. */
  kind: 'Folder' | 'Document'
  /** The parent's key: `ParentResourceID` in lower case, else the enclosing folder in a nested listing. */
  parentKey?: string
  /** `RelationshipName`, else the last segment of `Path`. */
  name?: string
  /** `ETag`, byte-exact. */
  eTag?: string
  /** The item as given. */
  item: FolderItem | DocumentItem
}

/**
 * An item present in both snapshots, before and after.
 *
 * @example
 * ```ts
 * const pair: SnapshotPair = { key: 'ab…', before: entryA, after: entryB }
 * ```
 */
export interface SnapshotPair {
  /** The shared key (lower-case ResourceID). */
  key: string
  /** The entry in the first snapshot. */
  before: SnapshotEntry
  /** The entry in the second snapshot. */
  after: SnapshotEntry
}

/**
 * An item whose parent changed; `renamed` says whether its name changed too.
 *
 * @example
 * ```ts
 * const move: SnapshotMove = { key: 'ab…', before: entryA, after: entryB, renamed: false }
 * ```
 */
export interface SnapshotMove extends SnapshotPair {
  /** The name changed as well. */
  renamed: boolean
}

/**
 * The result of {@link diffSnapshots}. An item may be in `modified` and in one of `renamed`/`moved` at once;
 * `renamed` holds only items that kept their parent. Each list is in the order the items appear in `after`
 * (`removed`: in `before`).
 *
 * @example
 * ```ts
 * const none: SnapshotDiff = { added: [], removed: [], modified: [], renamed: [], moved: [], duplicates: [] }
 * ```
 */
export interface SnapshotDiff {
  /** Items only in `after`. */
  added: SnapshotEntry[]
  /** Items only in `before` (a removed folder's descendants are listed too). */
  removed: SnapshotEntry[]
  /** Items whose ETag changed (both ETags present and different). */
  modified: SnapshotPair[]
  /** Items whose name changed under the same parent. */
  renamed: SnapshotPair[]
  /** Items whose parent changed. */
  moved: SnapshotMove[]
  /** Keys listed more than once in one snapshot (the last listing is used). */
  duplicates: string[]
}

/**
 * Indexes a snapshot by lower-case ResourceID, walking nested `Items` with an explicit stack (no recursion, so
 * any depth works). Items without a ResourceID (create requests carry only a ReferenceID) and `Unknown` items
 * are left out.
 *
 * @example
 * ```ts
 * snapshotEntries([{ kind: 'Folder', resourceId: 'AB…', items: [{ kind: 'Document', resourceId: 'CD…' }] }]).get('cd…')?.parentKey // 'ab…'
 * ```
 */
export function snapshotEntries(input: SnapshotInput): Map<string, SnapshotEntry> {
  return index(input).entries
}

interface Indexed {
  entries: Map<string, SnapshotEntry>
  duplicates: string[]
}

function rootItems(input: SnapshotInput): readonly Item[] {
  if (Array.isArray(input)) return input
  const value = input as FileSyncDocument | FolderItem
  if ('root' in value) return value.root === 'Folder' ? [value.folder] : value.items
  return [value]
}

function lastSegment(path: string | undefined): string | undefined {
  if (path === undefined) return undefined
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path
  const slash = trimmed.lastIndexOf('/')
  return slash < 0 ? trimmed : trimmed.slice(slash + 1)
}

type Listed = FolderItem | DocumentItem

// Visits every Folder and Document with a ResourceID, depth-first with an explicit stack (no recursion, so any
// depth works), with its lower-cased key and its parent's key. `visit` returns false to stop the walk.
function walk(
  input: SnapshotInput,
  visit: (item: Listed, key: string, parentKey: string | undefined) => boolean,
): void {
  const lists: Array<readonly Item[]> = [rootItems(input)]
  const enclosing: Array<string | undefined> = [undefined]
  while (lists.length > 0) {
    const items = lists.pop()!
    const parent = enclosing.pop()
    for (const item of items) {
      if (item === null || typeof item !== 'object' || (item.kind !== 'Folder' && item.kind !== 'Document')) continue
      const resourceId = item.resourceId
      const key = typeof resourceId === 'string' && resourceId !== '' ? resourceId.toLowerCase() : undefined
      if (key !== undefined) {
        const parentKey = typeof item.parentResourceId === 'string' ? item.parentResourceId.toLowerCase() : parent
        if (!visit(item, key, parentKey)) return
      }
      if (item.kind === 'Folder' && Array.isArray(item.items) && item.items.length > 0) {
        lists.push(item.items)
        enclosing.push(key)
      }
    }
  }
}

function entryOf(item: Listed, key: string, parentKey: string | undefined): SnapshotEntry {
  // One object shape for every entry keeps property access monomorphic on 100,000-item listings.
  return {
    key,
    resourceId: item.resourceId!,
    kind: item.kind,
    parentKey,
    name: item.relationshipName ?? lastSegment(item.path),
    eTag: item.eTag,
    item,
  }
}

function index(input: SnapshotInput): Indexed {
  const entries = new Map<string, SnapshotEntry>()
  const duplicates: string[] = []
  walk(input, (item, key, parentKey) => {
    const entry = entryOf(item, key, parentKey)
    const size = entries.size
    entries.set(key, entry)
    if (entries.size === size) {
      // The last listing wins, and takes the place of the last listing in the order.
      duplicates.push(key)
      entries.delete(key)
      entries.set(key, entry)
    }
    return true
  })
  return { entries, duplicates }
}

function eTagChanged(a: SnapshotEntry, b: SnapshotEntry): boolean {
  return a.eTag !== undefined && b.eTag !== undefined && a.eTag !== b.eTag
}

function parentChanged(a: SnapshotEntry, b: SnapshotEntry): boolean {
  return a.parentKey !== undefined && b.parentKey !== undefined && a.parentKey !== b.parentKey
}

function nameChanged(a: SnapshotEntry, b: SnapshotEntry): boolean {
  return a.name !== undefined && b.name !== undefined && a.name !== b.name
}

/**
 * Compares two complete snapshots of a library (or of a folder), matching items by ResourceID
 * (case-insensitively) at any depth, whether each is a nested or a flat listing. An item is `modified` when its
 * ETag changed (both present), `renamed` when its name changed under the same parent, `moved` when its parent
 * changed (possibly renamed too). A field missing on either side (a listing without ETags) never counts as a change.
 * A `Filter=changes` answer is partial: apply it to a snapshot before diffing, or every unlisted item is `removed`.
 *
 * @example
 * ```ts
 * const d = diffSnapshots(before, after)
 * for (const m of d.moved) console.log(`${m.before.name} moved to ${m.after.parentKey}`)
 * ```
 */
export function diffSnapshots(before: SnapshotInput, after: SnapshotInput): SnapshotDiff {
  const a = index(before)
  const diff: SnapshotDiff = { added: [], removed: [], modified: [], renamed: [], moved: [], duplicates: [] }
  // Fast path: `after` is walked without building entries for unchanged items. A duplicate in `after` needs the
  // last-listing-wins order of a full index, so it restarts on the general path.
  const seen = new Set<string>()
  let clean = true
  walk(after, (item, key, parentKey) => {
    const size = seen.size
    seen.add(key)
    if (seen.size === size) {
      clean = false
      return false
    }
    const prev = a.entries.get(key)
    if (prev === undefined) {
      diff.added.push(entryOf(item, key, parentKey))
      return true
    }
    const name = item.relationshipName ?? lastSegment(item.path)
    const modified = prev.eTag !== undefined && item.eTag !== undefined && prev.eTag !== item.eTag
    const renamed = prev.name !== undefined && name !== undefined && prev.name !== name
    const moved = prev.parentKey !== undefined && parentKey !== undefined && prev.parentKey !== parentKey
    if (modified || renamed || moved) classify(diff, prev, entryOf(item, key, parentKey))
    return true
  })
  if (!clean) return diffIndexed(a, index(after))
  for (const [key, prev] of a.entries) if (!seen.has(key)) diff.removed.push(prev)
  diff.duplicates = [...new Set(a.duplicates)]
  return diff
}

function classify(diff: SnapshotDiff, prev: SnapshotEntry, next: SnapshotEntry): void {
  const pair = { key: next.key, before: prev, after: next }
  if (eTagChanged(prev, next)) diff.modified.push(pair)
  const renamed = nameChanged(prev, next)
  if (parentChanged(prev, next)) diff.moved.push({ ...pair, renamed })
  else if (renamed) diff.renamed.push(pair)
}

function diffIndexed(a: Indexed, b: Indexed): SnapshotDiff {
  const diff: SnapshotDiff = {
    added: [],
    removed: [],
    modified: [],
    renamed: [],
    moved: [],
    duplicates: [...new Set([...a.duplicates, ...b.duplicates])],
  }
  for (const [key, next] of b.entries) {
    const prev = a.entries.get(key)
    if (prev === undefined) diff.added.push(next)
    else classify(diff, prev, next)
  }
  for (const [key, prev] of a.entries) if (!b.entries.has(key)) diff.removed.push(prev)
  return diff
}

/**
 * What {@link reconcileSnapshots} says about one item: `take-local` (send the local state, a deletion included,
 * to the server), `take-remote` (apply the server's state locally), `unchanged` (nothing to transfer: no side
 * changed it, or both made the same change), or `conflict`.
 *
 * @example
 * ```ts
 * const a: ReconcileAction = 'take-remote'
 * ```
 */
export type ReconcileAction = 'take-local' | 'take-remote' | 'unchanged' | 'conflict'

/**
 * Why two sides cannot both be taken:
 * - `both-modified`: both changed the item (ETag, name or parent) and the results differ;
 * - `modified-vs-deleted`: one side changed it, the other deleted it (or deleted a folder above it);
 * - `both-created-same-path`: each side created a different item with the same name (compared case-insensitively,
 *   as SharePoint and Windows do) in the same folder;
 * - `moved-into-deleted-folder`: one side moved (or created) the item into a folder the other side deleted.
 *
 * @example
 * ```ts
 * const k: SnapshotConflictKind = 'modified-vs-deleted'
 * ```
 */
export type SnapshotConflictKind =
  | 'both-modified'
  | 'modified-vs-deleted'
  | 'both-created-same-path'
  | 'moved-into-deleted-folder'

/**
 * The decision for one item. For a conflict, `prefer` is the side the rules suggest keeping:
 * - `modified-vs-deleted`, `moved-into-deleted-folder`: the side that kept the item (no data is lost);
 * - `both-modified`: the side with the later `DateModified`;
 * - tie rule: when the dates are equal, missing or not xs:dateTimes, and always for `both-created-same-path`
 *   (the remote item keeps the name, the local one should be renamed), `prefer` is `remote`, because the server's
 *   state is what every other client already sees.
 *
 * @example
 * ```ts
 * const d: ReconcileDecision = { key: 'ab…', action: 'conflict', conflict: 'both-modified', prefer: 'remote' }
 * ```
 */
export interface ReconcileDecision {
  /** The item's key (lower-case ResourceID). */
  key: string
  /** What to do. */
  action: ReconcileAction
  /** The conflict kind, when `action` is `conflict`. */
  conflict?: SnapshotConflictKind
  /** The suggested side, when `action` is `conflict`. */
  prefer?: 'local' | 'remote'
  /** For `both-created-same-path`: the key of the item created on the other side. */
  counterpart?: string
  /** The item in the base snapshot. */
  base?: SnapshotEntry
  /** The item in the local snapshot. */
  local?: SnapshotEntry
  /** The item in the remote snapshot. */
  remote?: SnapshotEntry
}

function sameState(a: SnapshotEntry | undefined, b: SnapshotEntry | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  // The same leniency as diffSnapshots: a field missing on either side is not a difference.
  return !eTagChanged(a, b) && !nameChanged(a, b) && !parentChanged(a, b) && a.kind === b.kind
}

function laterSide(local: SnapshotEntry, remote: SnapshotEntry): 'local' | 'remote' {
  const l = local.item.dateModified
  const r = remote.item.dateModified
  if (typeof l !== 'string' || typeof r !== 'string') return 'remote'
  if (parseDateTime(l) === undefined || parseDateTime(r) === undefined) return 'remote'
  return compareDateTime(l, r) > 0 ? 'local' : 'remote'
}

function pathKey(entry: SnapshotEntry): string | undefined {
  if (entry.parentKey === undefined || entry.name === undefined) return undefined
  return `${entry.parentKey}/${entry.name.toLowerCase()}`
}

/**
 * Three-way merge of snapshots, per item (by ResourceID): compares each side with the base on ETag, name and
 * parent (as {@link diffSnapshots} does: a field missing on either side is no difference), and decides what to
 * transfer. Deterministic, and symmetric: swapping `local` and `remote` swaps
 * `take-local` and `take-remote` (and `prefer`), except for the tie rule of {@link ReconcileDecision}, which
 * always prefers `remote`. Decisions come in the order base, then local, then remote items are first met.
 * Like {@link diffSnapshots}, it walks any depth without recursion.
 *
 * @example
 * ```ts
 * for (const d of reconcileSnapshots(base, local, remote)) {
 *   if (d.action === 'conflict') console.log(d.key, d.conflict, 'keep', d.prefer)
 * }
 * ```
 */
export function reconcileSnapshots(
  base: SnapshotInput,
  local: SnapshotInput,
  remote: SnapshotInput,
): ReconcileDecision[] {
  const b = index(base).entries
  const l = index(local).entries
  const r = index(remote).entries

  const keys = new Set<string>(b.keys())
  for (const k of l.keys()) keys.add(k)
  for (const k of r.keys()) keys.add(k)

  // Creations on each side, by parent and case-folded name, to find both-created-same-path.
  const createdAt = (side: Map<string, SnapshotEntry>) => {
    const byPath = new Map<string, string[]>()
    for (const [k, e] of side) {
      if (b.has(k)) continue
      const p = pathKey(e)
      if (p === undefined) continue
      const list = byPath.get(p)
      if (list === undefined) byPath.set(p, [k])
      else list.push(k)
    }
    return byPath
  }
  const localCreated = createdAt(l)
  const remoteCreated = createdAt(r)

  const decisions: ReconcileDecision[] = []
  for (const key of keys) {
    const be = b.get(key)
    const le = l.get(key)
    const re = r.get(key)
    const decision: ReconcileDecision = { key, action: 'unchanged' }
    if (be !== undefined) decision.base = be
    if (le !== undefined) decision.local = le
    if (re !== undefined) decision.remote = re
    const localChanged = !sameState(be, le)
    const remoteChanged = !sameState(be, re)

    if (localChanged && remoteChanged) {
      if (sameState(le, re)) {
        decision.action = 'unchanged'
      } else if (le === undefined || re === undefined) {
        decision.action = 'conflict'
        decision.conflict = 'modified-vs-deleted'
        decision.prefer = le === undefined ? 'remote' : 'local'
      } else {
        decision.action = 'conflict'
        decision.conflict = 'both-modified'
        decision.prefer = laterSide(le, re)
      }
    } else if (localChanged || remoteChanged) {
      const side = localChanged ? 'local' : 'remote'
      const mine = localChanged ? le : re
      const others = localChanged ? r : l
      const otherCreated = localChanged ? remoteCreated : localCreated
      decision.action = localChanged ? 'take-local' : 'take-remote'
      if (mine !== undefined && mine.parentKey !== undefined && mine.parentKey !== be?.parentKey) {
        const target = mine.parentKey
        // The new parent existed in the base and the other side no longer has it: it deleted that folder.
        if (b.has(target) && !others.has(target)) {
          decision.action = 'conflict'
          decision.conflict = 'moved-into-deleted-folder'
          decision.prefer = side
        }
      }
      if (decision.action !== 'conflict' && mine !== undefined && be === undefined) {
        const p = pathKey(mine)
        const rivals = p === undefined ? undefined : otherCreated.get(p)?.filter((k) => k !== key)
        if (rivals !== undefined && rivals.length > 0) {
          decision.action = 'conflict'
          decision.conflict = 'both-created-same-path'
          decision.prefer = 'remote'
          decision.counterpart = [...rivals].sort()[0]!
        }
      }
    }
    decisions.push(decision)
  }
  holdBackDeletedAncestors(decisions, b, l, r)
  return decisions
}

// A folder deleted on one side while the other side changed or moved something into it must not be deleted
// blindly: the folder becomes a modified-vs-deleted conflict that prefers the side that kept it.
function holdBackDeletedAncestors(
  decisions: ReconcileDecision[],
  b: Map<string, SnapshotEntry>,
  l: Map<string, SnapshotEntry>,
  r: Map<string, SnapshotEntry>,
): void {
  const byKey = new Map<string, ReconcileDecision>()
  for (const d of decisions) byKey.set(d.key, d)
  const seen = new Set<string>()
  for (const d of decisions) {
    if (d.action !== 'conflict' || d.prefer === undefined) continue
    if (d.conflict !== 'modified-vs-deleted' && d.conflict !== 'moved-into-deleted-folder') continue
    const keeper = d.prefer
    const keep = keeper === 'local' ? l : r
    const drop = keeper === 'local' ? r : l
    let parent = keep.get(d.key)?.parentKey ?? b.get(d.key)?.parentKey
    while (parent !== undefined && !seen.has(`${keeper}/${parent}`)) {
      seen.add(`${keeper}/${parent}`)
      const ancestor = byKey.get(parent)
      if (ancestor === undefined || !b.has(parent) || drop.has(parent)) break
      if (ancestor.action === (keeper === 'local' ? 'take-remote' : 'take-local')) {
        ancestor.action = 'conflict'
        ancestor.conflict = 'modified-vs-deleted'
        ancestor.prefer = keeper
      }
      parent = keep.get(parent)?.parentKey ?? b.get(parent)?.parentKey
    }
  }
}
