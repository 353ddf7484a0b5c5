// Snapshot reconciliation for FILESYNC folder listings: how to merge a local and a remote side of one base.
// Over MS-FILESYNC listings (docs/decisions.md#f5 on ids and ETags); indexing and diffs live in snapshot-diff.
import { compareDateTime, dateTimeFractionDigits } from '../common/datetime'

import { changed, index, type SnapshotEntry, type SnapshotInput } from './snapshot-diff'

export type { SnapshotDiff, SnapshotEntry, SnapshotInput, SnapshotMove, SnapshotPair } from './snapshot-diff'
export { diffSnapshots, snapshotEntries } from './snapshot-diff'

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
  return !changed(a.eTag, b.eTag) && !changed(a.name, b.name) && !changed(a.parentKey, b.parentKey) && a.kind === b.kind
}

function laterSide(local: SnapshotEntry, remote: SnapshotEntry): 'local' | 'remote' {
  const l = local.item.dateModified
  const r = remote.item.dateModified
  if (typeof l !== 'string' || typeof r !== 'string') return 'remote'
  if (dateTimeFractionDigits(l) < 0 || dateTimeFractionDigits(r) < 0) return 'remote'
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
