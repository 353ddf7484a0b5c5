// The hybrid logical clock that stamps local changes, so that stamps never contradict causality.
// Implements docs/decisions.md#s13 (stamps and convergence) over sdata-sync §4.3's `stamp`.
import { parseDateTime, successorDateTime } from '../common/datetime'
import type { Digest, Stamp } from '../common/sync'
import { orderStamps } from './stamps'
import type { ConflictOptions } from './types'

/**
 * The stamp for a local change made now: `now`, unless the digest holds a stamp at or after it, in which case
 * the smallest 7-fraction-digit UTC instant strictly after the latest stamp of the digest. A change stamped so
 * is later than every change its endpoint has incorporated (the digests of `processFeed` and `advanceDigest`
 * keep a stamp ≥ every stamp they took in), even when the endpoint's clock is behind: with equal priorities,
 * "the later stamp wins" then never lets an older edit beat one made on top of it.
 *
 * Stamps that are not valid xs:dateTime values are ignored; an invalid `now` yields the successor (or `now` when
 * the digest has no valid stamp). Unzoned stamps are read at `options.assumeOffsetMinutes`.
 *
 * @example
 * ```ts
 * nextStamp({ entries: [{ endpoint, tick: 3, stamp: '2030-01-01T00:00:00Z', conflictPriority: 1 }] }, '2025-01-01T00:00:00Z')
 * // '2030-01-01T00:00:00.0000001Z': the clock is behind what the endpoint has seen
 * ```
 */
export function nextStamp(digest: Digest, now: Stamp, options?: ConflictOptions): Stamp {
  const offset = options?.assumeOffsetMinutes ?? 0
  let latest: Stamp | undefined
  for (const e of digest.entries) {
    if (parseDateTime(e.stamp) !== undefined && (latest === undefined || orderStamps(e.stamp, latest, offset) > 0)) {
      latest = e.stamp
    }
  }
  const after = latest === undefined ? undefined : (successorDateTime(latest, offset) as Stamp | undefined)
  if (after === undefined) return now
  if (parseDateTime(now) === undefined) return after
  return orderStamps(now, after, offset) >= 0 ? now : after
}
