// Source-side change selection: what the source sends so that the target catches up with it.
// Implements sdata-sync §2.5 (change selection with digest) and §4.4 (ascending ticks per endpoint), docs/decisions.md#s9.
import type { Digest, SyncState } from '../common/sync'
import { DigestIndex, keyFunction } from './digest'
import type { ConflictOptions } from './types'

/**
 * The resources the source must send to a target whose digest is `targetDigest` (§2.5): those whose
 * syncState (E, t) the target has not incorporated, that is `t >= targetDigest[E].tick`, and every resource of an
 * endpoint the target digest does not know. Include tombstones in `resources`, so that deletes travel too.
 *
 * The result is sorted by ascending tick (stably), so each endpoint's entries come in ascending tick order, as
 * §4.4 requires and as an interrupted pass needs to resume.
 *
 * @example
 * ```ts
 * // §2.5, N1 → N2 with N2's digest (N1 5)(N2 8)(N3 8): N1's resources with tick ≥ 5 and N3's with tick ≥ 8
 * selectChanges(n2Digest, n1Resources)
 * ```
 */
export function selectChanges<R extends { syncState: SyncState }>(
  targetDigest: Digest,
  resources: Iterable<R>,
  options?: ConflictOptions,
): R[] {
  const key = keyFunction(options)
  const known = new DigestIndex(key, options?.assumeOffsetMinutes ?? 0, targetDigest).byKey
  const out: R[] = []
  for (const r of resources) {
    const entry = known.get(key(r.syncState.endpoint))
    if (entry === undefined || r.syncState.tick >= entry.tick) out.push(r)
  }
  return out.sort((a, b) => a.syncState.tick - b.syncState.tick)
}
