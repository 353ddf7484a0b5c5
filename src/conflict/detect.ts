// Conflict detection and resolution for one incoming version on the target, exactly in the order of §5.4.
// Implements sdata-sync §5.4 with docs/decisions.md#s6 (order, strict >), #s7 (resolution), #s8 (endpoints) and #s12 (tombstones).
import type { Digest, DigestEntry, SyncState } from '../common/sync'
import { DigestIndex, keyFunction } from './digest'
import { orderStamps } from './stamps'
import type { ConflictOptions, Decision, DecisionReason, TargetState } from './types'

/**
 * One endpoint's records in the digests of the two sides, the source's and the target's (either may be missing):
 * what a decision reads of the digests for the endpoint of each version. Internal.
 */
export interface Ends {
  readonly source: DigestEntry | undefined
  readonly target: DigestEntry | undefined
}

/** The records of an endpoint neither digest has (and what is passed when a rule needs no records). */
export const NO_ENDS: Ends = Object.freeze({ source: undefined, target: undefined })

// Decisions are frozen values shared between entries, so a feed of a million entries allocates none of them.
const decision = (action: 'apply' | 'ignore', conflict: boolean, reason: DecisionReason): Decision =>
  Object.freeze({ action, conflict, reason })
const NEW_RESOURCE = decision('apply', false, 'new-resource')
const SAME_NEWER = decision('apply', false, 'same-endpoint-newer')
const SAME_STALE = decision('ignore', false, 'same-endpoint-stale')
const SOURCE_SEEN = decision('apply', false, 'source-has-seen-target')
const TARGET_SEEN = decision('ignore', false, 'target-has-seen-source')
const PRIORITY = [decision('apply', true, 'priority'), decision('ignore', true, 'priority')] as const
const STAMP = [decision('apply', true, 'stamp'), decision('ignore', true, 'stamp')] as const
const TIE_BREAK = [decision('apply', true, 'tie-break'), decision('ignore', true, 'tie-break')] as const

/**
 * The §5.4 procedure over digests already indexed by endpoint key: `sourceEnds` are the records of the incoming
 * version's endpoint (key `sourceKey`), `targetEnds` those of the stored version's (read only when there is one and
 * its key differs).
 */
export function decide(
  source: SyncState,
  sourceKey: string,
  sourceEnds: Ends,
  target: TargetState | undefined,
  targetKey: string,
  targetEnds: Ends,
  offset: number,
): Decision {
  if (target === undefined) return NEW_RESOURCE
  if (sourceKey === targetKey) {
    return source.tick > target.tick ? SAME_NEWER : SAME_STALE
  }
  // Strict `>` in rules 2 and 3: a digest tick is the next tick not yet seen (§2.4, HistoryOfChanges 2014-10-22).
  const seenBySource = targetEnds.source
  if (seenBySource !== undefined && seenBySource.tick > target.tick) {
    return SOURCE_SEEN
  }
  const seenByTarget = sourceEnds.target
  if (seenByTarget !== undefined && seenByTarget.tick > source.tick) {
    return TARGET_SEEN
  }
  // Rule 4: each version is ranked by the priority of its own last-modifying endpoint, taken from the digest of
  // the side that holds it; an endpoint with no digest entry has no priority and loses to one that has.
  const sourcePriority = sourceEnds.source?.conflictPriority
  const targetPriority = targetEnds.target?.conflictPriority
  if (sourcePriority !== targetPriority) {
    const sourceWins = targetPriority === undefined || (sourcePriority !== undefined && sourcePriority < targetPriority)
    return PRIORITY[sourceWins ? 0 : 1]
  }
  const byStamp = orderStamps(source.stamp, target.stamp, offset)
  if (byStamp !== 0) return STAMP[byStamp > 0 ? 0 : 1]
  // Neither §5.4 nor §2.3 fixes this case; a rule that looks at the versions only (not at which side is the
  // target) makes both endpoints of a conflict pick the same winner, which "target keeps" would not.
  return TIE_BREAK[sourceKey < targetKey ? 0 : 1]
}

/**
 * Decides what the target does with one incoming version, following sync §5.4 in its order (docs/decisions.md#s6):
 *
 * 1. same last-modifying endpoint: apply iff the incoming tick is higher (`same-endpoint-newer` / `-stale`);
 * 2. the source digest has seen the target's version (its tick for the target's endpoint is strictly greater
 *    than the target's tick): apply (`source-has-seen-target`);
 * 3. the target digest has seen the incoming version (strictly greater): ignore (`target-has-seen-source`);
 * 4. otherwise a conflict (`conflict: true`), resolved (docs/decisions.md#s7) by the lower conflictPriority of the two
 *    last-modifying endpoints, each from the digest of the side that holds that version (`priority`); an
 *    endpoint missing from that digest has no priority and loses to any that has one; then the later stamp
 *    (`stamp`, unzoned stamps read at `assumeOffsetMinutes`); then the version whose endpoint key is smaller in
 *    code-unit order (`tie-break`). This last rule is symmetric, so the two endpoints of a conflict agree.
 *
 * With no target state the version is new (`new-resource`). A tombstone (`deleted: true`) goes through the
 * same rules (docs/decisions.md#s12), so a stale update never resurrects a deleted resource; an incoming delete is just
 * a version whose payload says `isDeleted`.
 *
 * §2.6's case e disagrees. Syncing N1 → N2, N1 holds (N3 8) with digest (N1 6 1)(N2 7 2)(N3 9 3) and N2 holds
 * (N2 7) with digest (N1 5 1)(N2 8 2)(N3 8 3): neither digest has seen the other version, a conflict. §2.6 says
 * N1's side wins because N1 has the lowest priority among the nodes whose ticks differ (the §2.3
 * full-vector-clock rule). §5.4, the normative "MUST conform" rule, compares only N3 (priority 3) and N2
 * (priority 2), so the target's version wins and the update is ignored. syncwire follows §5.4.
 *
 * Endpoints are compared through `options.endpointKey` (exact strings by default, docs/decisions.md#s8).
 *
 * @example
 * ```ts
 * // §2.6 case c: conflict, N1 (priority 1) beats N2 (priority 2)
 * detectConflict({ source: { endpoint: 'N1', tick: 5, stamp }, target: { endpoint: 'N2', tick: 7, stamp },
 *   sourceDigest: n1Digest, targetDigest: n2Digest })
 * // { action: 'apply', conflict: true, reason: 'priority' }
 * ```
 */
export function detectConflict(
  input: { source: SyncState; target?: TargetState; sourceDigest: Digest; targetDigest: Digest },
  options?: ConflictOptions,
): Decision {
  const key = keyFunction(options)
  const offset = options?.assumeOffsetMinutes ?? 0
  const target = input.target
  const inSource = new DigestIndex(key, offset, input.sourceDigest).byKey
  const inTarget = new DigestIndex(key, offset, input.targetDigest).byKey
  const ends = (k: string): Ends => ({ source: inSource.get(k), target: inTarget.get(k) })
  const sourceKey = key(input.source.endpoint)
  const targetKey = target === undefined ? '' : key(target.endpoint)
  return decide(
    input.source,
    sourceKey,
    ends(sourceKey),
    target,
    targetKey,
    target === undefined ? NO_ENDS : ends(targetKey),
    offset,
  )
}
