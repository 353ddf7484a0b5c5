// The immediate-mode contiguity rule: a page whose first entry of an endpoint skips ticks is refused as a whole.
// Implements sdata-sync §3.4 and §5.8 with docs/decisions.md#s10.
import type { Digest } from '../common/sync'
import { DigestIndex, keyFunction } from './digest'
import type { FeedEntry } from './feed-pass'
import type { ConflictOptions, GapError } from './types'

/**
 * The immediate-mode gap rule (§5.8): the first entry of each endpoint in the page must not have a tick above the
 * target's digest tick for that endpoint (the next tick it expects), else changes in between are missing and the
 * page is refused. Endpoints the target's digest does not know are not checked (there is no tick to be contiguous
 * with). Fed the entries in order, it answers the first violation. Internal; `processFeed` and `processFeedStream`
 * share it.
 */
export class ContiguityCheck {
  private readonly before: DigestIndex
  private readonly checked = new Set<string>()

  constructor(targetDigest: Digest, options: ConflictOptions | undefined) {
    this.before = new DigestIndex(keyFunction(options), options?.assumeOffsetMinutes ?? 0, targetDigest)
  }

  /** The gap entry `index` opens, or `undefined`. */
  check(entry: FeedEntry, index: number): GapError | undefined {
    const state = entry.syncState
    if (state === undefined) return undefined
    const k = this.before.key(state.endpoint)
    if (this.checked.has(k)) return undefined
    this.checked.add(k)
    const known = this.before.byKey.get(k)
    if (known === undefined || state.tick <= known.tick) return undefined
    return { endpoint: state.endpoint, digestTick: known.tick, entryTick: state.tick, index }
  }
}
