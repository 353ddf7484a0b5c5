// The digest algebra: per-endpoint comparison, merge by max, and the per-entry advance of the target digest.
// Implements sdata-sync §2.4 (next-tick semantics), §5.5 (digest updates) and docs/decisions.md#s9.
import type { Digest, DigestEntry, Stamp, SyncState } from '../common/sync'
import { isPlainUtc, orderPlain, orderStamps } from './stamps'
import type { ConflictOptions, DigestRelation } from './types'

/** The priority of an endpoint added to a digest when the source digest does not know it either (docs/decisions.md#s9). */
export const UNKNOWN_PRIORITY = 9

const identity = (endpoint: string): string => endpoint

/** The endpoint normaliser of a set of options. */
export function keyFunction(options: ConflictOptions | undefined): (endpoint: string) => string {
  return options?.endpointKey ?? identity
}

// The total order behind mergeDigests: a higher tick knows more; at equal ticks the later stamp is the more
// recent record of that endpoint (its priority is "the most recent", §2.3); the rest only makes the order total,
// so that merging is commutative even for records that differ in their spelling.
function entryOrder(a: DigestEntry, b: DigestEntry, offset: number): number {
  if (a.tick !== b.tick) return a.tick < b.tick ? -1 : 1
  const s = orderStamps(a.stamp, b.stamp, offset)
  if (s !== 0) return s
  if (a.stamp !== b.stamp) return a.stamp < b.stamp ? -1 : 1
  if (a.conflictPriority !== b.conflictPriority) return a.conflictPriority > b.conflictPriority ? -1 : 1
  if (a.endpoint !== b.endpoint) return a.endpoint > b.endpoint ? -1 : 1
  return 0
}

/** The later of two stamps (the first when they denote the same instant). */
export function laterStamp(a: Stamp, b: Stamp, offset: number): Stamp {
  return orderStamps(a, b, offset) < 0 ? b : a
}

/** A working digest entry; `plain` caches `isPlainUtc(stamp)` (undefined until known). */
interface Slot extends DigestEntry {
  plain: boolean | undefined
}

/**
 * A mutable digest indexed by endpoint key, for a page's worth of updates; the input digests are never mutated.
 */
export class DigestIndex {
  readonly byKey = new Map<string, Slot>()

  constructor(
    readonly key: (endpoint: string) => string,
    readonly offset: number,
    digest?: Digest,
  ) {
    if (digest !== undefined) for (const e of digest.entries) this.join(e)
  }

  get(endpoint: string): DigestEntry | undefined {
    return this.byKey.get(this.key(endpoint))
  }

  /** Joins one record: keeps the greater of it and the current one. */
  join(e: DigestEntry): void {
    const k = this.key(e.endpoint)
    const cur = this.byKey.get(k)
    if (cur === undefined || entryOrder(cur, e, this.offset) < 0) {
      this.byKey.set(k, slotOf(e))
    }
  }

  /**
   * Records that the version `state` is incorporated: the tick becomes max(tick, state.tick + 1). When the tick
   * rises its stamp becomes the later of the two, so the digest's stamps stay ≥ every stamp incorporated
   * (what `nextStamp` relies on). A new endpoint takes its priority and stamp from the source digest, else 9.
   */
  advance(state: SyncState, source: DigestIndex | undefined, stateKey = this.key(state.endpoint)): void {
    const cur = this.byKey.get(stateKey)
    if (cur !== undefined) {
      this.raise(cur, state)
      return
    }
    const known = source?.byKey.get(stateKey)
    this.byKey.set(stateKey, {
      endpoint: state.endpoint,
      tick: state.tick + 1,
      stamp: known === undefined ? state.stamp : laterStamp(known.stamp, state.stamp, this.offset),
      conflictPriority: known === undefined ? UNKNOWN_PRIORITY : known.conflictPriority,
      plain: undefined,
    })
  }

  /**
   * `advance` for an endpoint this digest already has, given its record (a value of `byKey`, updated in place):
   * for a caller that keeps the records of the endpoints it meets and so saves the lookup.
   */
  raise(cur: DigestEntry, state: SyncState): void {
    const next = state.tick + 1
    if (cur.tick >= next) return
    cur.tick = next
    const stamp = state.stamp
    const slot = cur as Slot
    const held = slot.stamp
    // The hot path of a large feed: the current stamp was checked when it was set, so only the new one is.
    if (slot.plain === undefined) slot.plain = isPlainUtc(held)
    if (slot.plain) {
      if (isPlainUtc(stamp)) {
        // Of one length, code-unit order is instant order (see orderPlain, which also orders other lengths).
        if (stamp.length === held.length ? stamp > held : orderPlain(stamp, held) > 0) slot.stamp = stamp
        return
      }
    } else if (stamp === held) return
    if (orderStamps(stamp, held, this.offset) > 0) {
      slot.stamp = stamp
      slot.plain = undefined
    }
  }

  /**
   * Hands out the next tick of the own endpoint `self` for a local change stamped `stamp` (docs/decisions.md#s13's
   * re-stamping): returns it and moves the digest past it. Tick 0 is what SIF drops on the wire, so the first
   * tick handed out is 1; an own endpoint missing from the digest is added (priority from the source, else 9).
   */
  claimTick(self: string, stamp: Stamp, source: DigestIndex | undefined): number {
    const k = this.key(self)
    const own = this.byKey.get(k)
    const tick = Math.max(own?.tick ?? 1, 1)
    if (own === undefined) {
      const known = source?.byKey.get(k)
      this.byKey.set(k, {
        endpoint: self,
        tick: tick + 1,
        stamp,
        conflictPriority: known?.conflictPriority ?? UNKNOWN_PRIORITY,
        plain: undefined,
      })
    } else {
      own.tick = tick + 1
      if (orderStamps(stamp, own.stamp, this.offset) > 0) {
        own.stamp = stamp
        own.plain = undefined
      }
    }
    return tick
  }

  /** The digest, with `base`'s origin, extensions and attributes (kept as decoded). */
  toDigest(base: Digest, origin = base.origin): Digest {
    const out: Digest = { entries: [...this.byKey.values()].map(copyEntry) }
    if (origin !== undefined) out.origin = origin
    if (base.extensions !== undefined) out.extensions = base.extensions
    if (base.attributes !== undefined) out.attributes = base.attributes
    return out
  }
}

// A working record: the fields of a plain one, `plain` unknown, always in this order (one shape for the hot path).
function slotOf(e: DigestEntry): Slot {
  const slot: Slot = {
    endpoint: e.endpoint,
    tick: e.tick,
    stamp: e.stamp,
    conflictPriority: e.conflictPriority,
    plain: undefined,
  }
  if (e.extensions !== undefined) slot.extensions = e.extensions
  if (e.attributes !== undefined) slot.attributes = e.attributes
  return slot
}

// A plain record (no working fields), keeping the foreign children and attributes a decoded entry carries.
function copyEntry(e: DigestEntry): DigestEntry {
  const copy: DigestEntry = { endpoint: e.endpoint, tick: e.tick, stamp: e.stamp, conflictPriority: e.conflictPriority }
  if (e.extensions !== undefined) copy.extensions = e.extensions
  if (e.attributes !== undefined) copy.attributes = e.attributes
  return copy
}

/**
 * Compares two digests endpoint by endpoint (by tick): which one has incorporated more changes from each
 * endpoint. Endpoints of `a` come first, in its order, then those only `b` knows.
 *
 * @example
 * ```ts
 * compareDigests(n1Digest, n2Digest)
 * // [{ endpoint: 'N1', relation: 'a-ahead' }, { endpoint: 'N2', relation: 'b-ahead' }, { endpoint: 'N3', relation: 'a-ahead' }]
 * ```
 */
export function compareDigests(a: Digest, b: Digest, options?: ConflictOptions): DigestRelation[] {
  const key = keyFunction(options)
  const offset = options?.assumeOffsetMinutes ?? 0
  const ia = new DigestIndex(key, offset, a)
  const ib = new DigestIndex(key, offset, b)
  const out: DigestRelation[] = []
  for (const [k, ea] of ia.byKey) {
    const eb = ib.byKey.get(k)
    const relation =
      eb === undefined ? 'only-a' : ea.tick === eb.tick ? 'equal' : ea.tick > eb.tick ? 'a-ahead' : 'b-ahead'
    out.push({ endpoint: ea.endpoint, relation })
  }
  for (const [k, eb] of ib.byKey) if (!ia.byKey.has(k)) out.push({ endpoint: eb.endpoint, relation: 'only-b' })
  return out
}

/**
 * Merges two digests by max, endpoint by endpoint, adding the endpoints only one of them knows: the digest
 * of a collection that has incorporated everything both have (§5.5's end-of-feed update, docs/decisions.md#s9).
 *
 * Per endpoint the greater record wins: the higher tick; at equal ticks the later stamp (whose priority is the
 * most recent one, §2.3); then a fixed order on the remaining fields. So, seen as a map from endpoint to
 * record, merging is commutative, associative and idempotent. The result keeps `a`'s order and origin, then
 * appends the endpoints only `b` knows (foreign children of the digest are `a`'s, of each entry the winning record's);
 * duplicate endpoints within one digest collapse to their max.
 *
 * @example
 * ```ts
 * // §5.5: target (6, 11, 9) merged with source (6, 10, 10) gives (6, 11, 10)
 * mergeDigests(targetDigest, sourceDigest)
 * ```
 */
export function mergeDigests(a: Digest, b: Digest, options?: ConflictOptions): Digest {
  const index = new DigestIndex(keyFunction(options), options?.assumeOffsetMinutes ?? 0, a)
  for (const e of b.entries) index.join(e)
  return index.toDigest(a, a.origin ?? b.origin)
}

/**
 * The target digest after it incorporated one entry's version (§5.5): the tick of the entry's endpoint becomes
 * max(tick, entry tick + 1), so it never decreases. An endpoint the digest lacks is added with the
 * conflictPriority and stamp of the source digest's entry for it, else priority 9 and the entry's stamp.
 *
 * @example
 * ```ts
 * // §5.5: before (sageApp1 5, sageApp2 11, sageApp3 8); entry (sageApp1, 5) → sageApp1 6
 * advanceDigest(targetDigest, { endpoint: sageApp1, tick: 5, stamp }, sourceDigest)
 * ```
 */
export function advanceDigest(
  digest: Digest,
  syncState: SyncState,
  sourceDigest?: Digest,
  options?: ConflictOptions,
): Digest {
  const key = keyFunction(options)
  const offset = options?.assumeOffsetMinutes ?? 0
  const index = new DigestIndex(key, offset, digest)
  index.advance(syncState, sourceDigest === undefined ? undefined : new DigestIndex(key, offset, sourceDigest))
  return index.toDigest(digest)
}
