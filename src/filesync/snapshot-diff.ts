// Snapshot indexing and comparison for FILESYNC folder listings: entries by ResourceID, and what changed between two.
// Over MS-FILESYNC listings, nested or flat `Items` (docs/decisions.md#f5 on ids and ETags).
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

export interface Indexed {
  entries: Map<string, SnapshotEntry>
  duplicates: string[]
}

export function rootItems(input: SnapshotInput): readonly Item[] {
  if (Array.isArray(input)) return input
  const value = input as FileSyncDocument | FolderItem
  if ('root' in value) return value.root === 'Folder' ? [value.folder] : value.items
  return [value]
}

export function lastSegment(path: string | undefined): string | undefined {
  if (path === undefined) return undefined
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path
  const slash = trimmed.lastIndexOf('/')
  return slash < 0 ? trimmed : trimmed.slice(slash + 1)
}

export type Listed = FolderItem | DocumentItem

// Visits every Folder and Document with a ResourceID, depth-first with an explicit stack (no recursion, so any
// depth works), with its lower-cased key and its parent's key. `visit` returns false to stop the walk.
export function walk(
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

export function entryOf(item: Listed, key: string, parentKey: string | undefined): SnapshotEntry {
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

export function index(input: SnapshotInput): Indexed {
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

/**
 * Whether a compared field (ETag, name, parent key) changed: a value missing on either side (a listing without
 * ETags) is never a change. The one rule every snapshot comparison uses.
 */
export function changed(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a !== b
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
    if (changed(prev.eTag, item.eTag) || changed(prev.name, name) || changed(prev.parentKey, parentKey)) {
      classify(diff, prev, entryOf(item, key, parentKey))
    }
    return true
  })
  if (!clean) return diffIndexed(a, index(after))
  for (const [key, prev] of a.entries) if (!seen.has(key)) diff.removed.push(prev)
  diff.duplicates = [...new Set(a.duplicates)]
  return diff
}

export function classify(diff: SnapshotDiff, prev: SnapshotEntry, next: SnapshotEntry): void {
  const pair = { key: next.key, before: prev, after: next }
  if (changed(prev.eTag, next.eTag)) diff.modified.push(pair)
  const renamed = changed(prev.name, next.name)
  if (changed(prev.parentKey, next.parentKey)) diff.moved.push({ ...pair, renamed })
  else if (renamed) diff.renamed.push(pair)
}

export function diffIndexed(a: Indexed, b: Indexed): SnapshotDiff {
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
