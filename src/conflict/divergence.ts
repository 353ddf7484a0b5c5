// The audit for the silent divergence that the spec's resolution rule allows with different priorities.
// Implements docs/decisions.md#s13 (`findDivergence`) over sdata-sync §5.4's detection rules.
import { DigestIndex, keyFunction } from './digest'
import { uuidKey } from './target-states'
import type { ConflictOptions, Divergence, EndpointView, TargetState } from './types'

type State = TargetState & { fingerprint?: string }

/**
 * The resources two endpoints hold in different versions although each endpoint's digest covers the other's
 * version (digest tick for its endpoint strictly greater than its tick): no catch-up pass will ever resend them,
 * so they stay different. §5.4 allows this when priorities differ (docs/decisions.md#s13's minimal case: D=1, E=2, G=3,
 * A=4); an operator can force a resend of exactly these. A resource one side lacks altogether is reported when
 * that side's digest covers the other's version.
 *
 * Versions are the same when their endpoints (by `endpointKey`) and ticks are equal, they agree on `deleted`,
 * and, where both carry a `fingerprint`, on that too. Uuids match case-insensitively. A difference that a pass
 * would still carry (a version the other digest does not cover) is not reported: it is not silent.
 *
 * @example
 * ```ts
 * findDivergence({ digest: digestAtA, states: statesAtA }, { digest: digestAtG, states: statesAtG })
 * // [{ uuid: 'x', a: { endpoint: E, tick: 1, … }, b: { endpoint: G, tick: 1, … } }]
 * ```
 */
export function findDivergence(a: EndpointView, b: EndpointView, options?: ConflictOptions): Divergence[] {
  const key = keyFunction(options)
  const offset = options?.assumeOffsetMinutes ?? 0
  const digestA = new DigestIndex(key, offset, a.digest)
  const digestB = new DigestIndex(key, offset, b.digest)
  const byUuid = new Map<string, { uuid: string; a?: State; b?: State }>()
  for (const [uuid, state] of a.states) byUuid.set(uuidKey(uuid), { uuid, a: state })
  for (const [uuid, state] of b.states) {
    const found = byUuid.get(uuidKey(uuid))
    if (found === undefined) byUuid.set(uuidKey(uuid), { uuid, b: state })
    else found.b = state
  }
  const covers = (digest: DigestIndex, s: State | undefined): boolean =>
    s === undefined || (digest.get(s.endpoint)?.tick ?? Number.NEGATIVE_INFINITY) > s.tick
  const out: Divergence[] = []
  for (const pair of byUuid.values()) {
    const sa = pair.a
    const sb = pair.b
    if (sa !== undefined && sb !== undefined && sameVersion(sa, sb, key)) continue
    if (covers(digestB, sa) && covers(digestA, sb)) out.push(pair)
  }
  return out
}

function sameVersion(a: State, b: State, key: (endpoint: string) => string): boolean {
  if (a.tick !== b.tick || (a.deleted === true) !== (b.deleted === true)) return false
  if (a.fingerprint !== undefined && b.fingerprint !== undefined && a.fingerprint !== b.fingerprint) return false
  return a.endpoint === b.endpoint || key(a.endpoint) === key(b.endpoint)
}
