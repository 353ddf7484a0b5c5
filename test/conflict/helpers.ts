// Small builders shared by the conflict tests: digests and states from the compact rows of the spec tables.
// Not a test file; the spec-table fixtures live in fixtures/conflict/sdata-*.json.
import type { Digest, DigestEntry, Stamp, SyncState } from '../../src/conflict/index'

/** A stamp from its lexical text. */
export const stamp = (text: string): Stamp => text as Stamp

/** A digest from (endpoint, tick, priority) rows sharing one stamp. */
export function digestOf(rows: ReadonlyArray<readonly [string, number, number]>, at: string): Digest {
  return {
    entries: rows.map(([endpoint, tick, conflictPriority]) => ({ endpoint, tick, stamp: stamp(at), conflictPriority })),
  }
}

/** A digest from (endpoint, tick, stamp, priority) rows. */
export function digestOfStamped(rows: ReadonlyArray<readonly [string, number, string, number]>): Digest {
  return {
    entries: rows.map(([endpoint, tick, at, conflictPriority]) => ({
      endpoint,
      tick,
      stamp: stamp(at),
      conflictPriority,
    })),
  }
}

/** A syncState. */
export function stateOf(endpoint: string, tick: number, at: string): SyncState {
  return { endpoint, tick, stamp: stamp(at) }
}

/** The ticks of a digest by endpoint. */
export function ticks(digest: Digest): Record<string, number> {
  return Object.fromEntries(digest.entries.map((e) => [e.endpoint, e.tick]))
}

/** A digest's (endpoint, tick, priority) rows, sorted by endpoint. */
export function rows(digest: Digest): Array<[string, number, number]> {
  return digest.entries
    .map((e: DigestEntry): [string, number, number] => [e.endpoint, e.tick, e.conflictPriority])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
}
