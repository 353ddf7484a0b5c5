// The versions a page did not incorporate and the cap they put on the target's digest: sdata-sync §2.4 (a digest
// tick is the next tick not yet incorporated) applied to §5.5's per-entry update, docs/decisions.md#s9.
import type { Digest, SyncState } from '../common/sync'
import { keyFunction } from './digest'
import type { ProcessFeedOptions } from './types'

/**
 * The lowest tick per endpoint of the versions the target did not incorporate: entries that failed or were rejected
 * on this page, and those held back by earlier pages of the same pass. A digest tick promises that every change of
 * its endpoint below it is incorporated, so an endpoint's tick may not pass such a version, however far later
 * entries of the endpoint advanced it: else no later pass would send the version again. Internal.
 */
export class HeldBack {
  private readonly lowest = new Map<string, number>()
  private readonly own: string | undefined

  /**
   * `self` is the target's own endpoint, never capped: its tick is the target's own clock (the next tick of its
   * own changes, which `restampConflicts` hands out), and lowering it would hand out a tick twice.
   */
  constructor(
    private readonly key: (endpoint: string) => string,
    earlier: readonly SyncState[] | undefined,
    self: string | undefined,
  ) {
    this.own = self === undefined ? undefined : key(self)
    if (earlier !== undefined) for (const s of earlier) this.add(s)
  }

  /** Whether any version is held back. */
  get any(): boolean {
    return this.lowest.size > 0
  }

  /** Records a version the target did not incorporate. */
  add(state: SyncState): void {
    const k = this.key(state.endpoint)
    if (k === this.own) return
    const cur = this.lowest.get(k)
    if (cur === undefined || state.tick < cur) this.lowest.set(k, state.tick)
  }

  /**
   * `digest` with each endpoint's tick capped at its lowest held-back tick, but never below its tick in `before`
   * (the digest before the page: a version already incorporated then stays so).
   */
  cap(digest: Digest, before: Digest): Digest {
    if (this.lowest.size === 0) return digest
    let floors: Map<string, number> | undefined
    let changed = false
    const entries = digest.entries.map((e) => {
      const k = this.key(e.endpoint)
      const cap = this.lowest.get(k)
      if (cap === undefined || e.tick <= cap) return e
      floors ??= this.floors(before)
      const tick = Math.max(floors.get(k) ?? 0, cap)
      if (tick === e.tick) return e
      changed = true
      return { ...e, tick }
    })
    return changed ? { ...digest, entries } : digest
  }

  // Each endpoint's tick before the page: the highest, should the digest list an endpoint twice.
  private floors(before: Digest): Map<string, number> {
    const floors = new Map<string, number>()
    for (const b of before.entries) {
      const k = this.key(b.endpoint)
      floors.set(k, Math.max(floors.get(k) ?? b.tick, b.tick))
    }
    return floors
  }
}

/**
 * The held-back versions a page starts with (those of earlier pages of the pass) and the input its pass runs on:
 * when any are held back the run has failures, so even its last page must not merge the source digest. Internal;
 * `processFeed` and both forms of `processFeedStream` start this way.
 */
export function startHeld<I extends { heldBack?: readonly SyncState[]; self?: string; lastPage: boolean }>(
  input: I,
  options: ProcessFeedOptions | undefined,
): { held: HeldBack; passInput: I } {
  const held = new HeldBack(keyFunction(options), input.heldBack, input.self ?? options?.self)
  return { held, passInput: held.any && input.lastPage ? { ...input, lastPage: false } : input }
}
