// The rules validateSyncFeed applies across a feed's entries, fed one entry at a time, so a streamed feed is checked
// in bounded memory with the in-memory result (sync §2.2, §4.3–§4.4, core §13.4).
import type { SyncEntry, SyncFeed, SyncState } from './model'
import type { SyncFeedRole } from './roles'
import { AgainstDigest, type LocatedState, TickOrder } from './validate-digest'
import { checkEntry } from './validate-entry'
import { elementName, Issues, type SDataIssue, UUID } from './validate-issues'

/** A located state that keeps only what the rules read: the entry's position, its endpoint and tick. */
class EntryState implements LocatedState {
  constructor(
    private readonly position: number,
    readonly state: SyncState,
  ) {}

  get path(): string {
    return `/feed/entry[${this.position}]/sync:syncState`
  }
}

/**
 * The entry rules of {@link validateSyncFeed}, one entry at a time: each entry's own checks (for every candidate
 * role, as the role may be known only at the end), tick order per endpoint, repeated uuids, and ticks against the
 * digest. What it keeps per entry: its tick (and for repeated uuids its uuid), not the entry; the issues found.
 * `finish` gives the issues in the order `validateSyncFeed` lists them.
 *
 * @example
 * ```ts
 * const rules = new FeedEntryRules(['source'], head.digest)
 * for (const entry of entries) rules.add(entry)
 * rules.finish('source', end.digest) // SDataIssue[]
 * ```
 */
export class FeedEntryRules {
  /** Entries given so far. */
  count = 0
  private readonly own: Map<SyncFeedRole, Issues>
  private readonly ticks = new TickOrder()
  private readonly tickIssues = new Issues()
  private readonly uuids = new Map<string, number>()
  private readonly uuidIssues = new Issues()
  private readonly digestIssues = new Issues()
  private readonly against: AgainstDigest | undefined
  /** The states to check against a digest not known up front. */
  private readonly later: EntryState[] | undefined
  private readonly endpoints = new Map<string, string>()

  /** `roles`: the roles to check entries for; `digest`: the feed's digest when known before the entries. */
  constructor(roles: readonly SyncFeedRole[], digest: SyncFeed['digest'] | null) {
    this.own = new Map(roles.map((r) => [r, new Issues()]))
    const usable = digest !== null && typeof digest === 'object' && Array.isArray(digest.entries)
    this.against = usable ? new AgainstDigest(digest) : undefined
    this.later = usable ? undefined : []
  }

  /** Checks the next entry. */
  add(entry: SyncEntry): void {
    const index = this.count++
    const base = `/feed/entry[${index + 1}]`
    if (entry === null || typeof entry !== 'object') {
      for (const issues of this.own.values()) issues.error(base, 'the entry is not an object')
      return
    }
    for (const [role, issues] of this.own) checkEntry(issues, base, entry, role)
    const state = entry.syncState
    if (state !== null && typeof state === 'object') {
      // One copy of each endpoint string, however many entries name it.
      const endpoint = typeof state.endpoint === 'string' ? this.intern(state.endpoint) : state.endpoint
      // The rules read only the endpoint and tick: the stamp is not kept.
      const located = new EntryState(index + 1, { endpoint, tick: state.tick } as SyncState)
      this.ticks.add(this.tickIssues, located)
      if (this.against !== undefined) this.against.add(this.digestIssues, located)
      else this.later!.push(located)
    }
    this.uuid(entry, index)
  }

  /** The issues, as `validateSyncFeed` orders them after the feed's own: entries, ticks, uuids, digest. */
  finish(role: SyncFeedRole, digest: SyncFeed['digest'] | null): SDataIssue[] {
    const own = this.own.get(role)
    if (own === undefined) throw new RangeError(`role ${role} was not checked`)
    if (this.later !== undefined && digest !== null && typeof digest === 'object' && Array.isArray(digest.entries)) {
      const against = new AgainstDigest(digest)
      for (const located of this.later) against.add(this.digestIssues, located)
    }
    return [...own.list, ...this.tickIssues.list, ...this.uuidIssues.list, ...this.digestIssues.list]
  }

  private intern(endpoint: string): string {
    const known = this.endpoints.get(endpoint)
    if (known !== undefined) return known
    this.endpoints.set(endpoint, endpoint)
    return endpoint
  }

  private uuid(entry: SyncEntry, index: number): void {
    const uuid = entry.payload?.uuid
    if (typeof uuid !== 'string' || !UUID.test(uuid)) return
    // UUIDs compare case-insensitively (sdata.xsd uuid--type; the spec mixes cases).
    const key = uuid.toLowerCase()
    const first = this.uuids.get(key)
    if (first === undefined) this.uuids.set(key, index)
    else {
      const element = entry.payload!.element
      const name = element !== null && typeof element === 'object' ? elementName(element) : '*'
      this.uuidIssues.warning(
        `/feed/entry[${index + 1}]/sdata:payload/${name}/@sdata:uuid`,
        `sdata:uuid ${uuid} appears again (first in entry[${first + 1}]); a sync feed carries each resource once`,
      )
    }
  }
}
