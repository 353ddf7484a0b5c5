// The rules validateSyncFeed applies across a feed's entries, fed one entry at a time, so a streamed feed is checked
// in bounded memory with the in-memory result (sync §2.2, §4.3–§4.4, core §13.4).

import { Uuid } from '../codec/guid'
import type { StepPath } from '../common/issue-list'
import type { Issue } from '../common/issues'
import { elementBelow, elementPosition, placeIssues } from '../xml/positions'
import { qualifiedName } from '../xml/tree'
import type { XmlElement } from '../xml/types'
import type { SyncEntry, SyncFeed, SyncState } from './model'
import type { SyncFeedRole } from './roles'
import { AgainstDigest, type LocatedState, TickOrder } from './validate-digest'
import { checkEntry } from './validate-entry'
import { Issues, PATH_NAMESPACES, rootAt } from './validate-issues'

const FEED = rootAt('feed')
const statePath = (position: number): StepPath => FEED.element('entry', position).element('sync:syncState')
// What a check against a digest that comes last points at in an entry's state: its endpoint and its tick, as
// element steps below the state (the issue's last step names the one it concerns).
const STATE_FIELD_NAMES = ['endpoint', 'tick']
const STATE_FIELDS = STATE_FIELD_NAMES.map((name) => statePath(1).element(name).steps())
/** Numbers kept per state for a digest that comes last: endpoint number, tick, position, then line and column of each field. */
const STRIDE = 3 + 2 * STATE_FIELDS.length

/**
 * Which field of an entry's state (an index into {@link STATE_FIELD_NAMES}) an issue found against the digest
 * concerns, read from its structured location: its last step, an element below `sync:syncState`; -1 for none.
 */
function stateField(issue: Issue): number {
  const steps = issue.steps
  const last = steps[steps.length - 1]
  const state = steps[steps.length - 2]
  if (last?.kind !== 'element' || state?.kind !== 'element' || state.name !== 'sync:syncState') return -1
  return STATE_FIELD_NAMES.indexOf(last.name)
}

/**
 * A uuid as a short fresh string (two hex digits to a character): the key repeated uuids are found by. A uuid as
 * decoded may be a slice of a large piece of text, which keeping it would keep whole.
 */
function uuidKey(uuid: string): string {
  const hex = uuid.replaceAll('-', '').toLowerCase()
  let key = ''
  for (let i = 0; i < hex.length; i += 4) key += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16))
  return key
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
  private readonly ticks = new TickOrder((position) => ({ at: statePath(position) }))
  private readonly tickIssues = new Issues()
  private readonly uuids = new Map<string, number>()
  private readonly uuidIssues = new Issues()
  private readonly digestIssues = new Issues()
  private readonly against: AgainstDigest | undefined
  /** The (endpoint number, tick) of each state, to check against a digest not known up front. */
  private later: Float64Array | undefined
  private laterCount = 0
  private readonly endpoints = new Map<string, number>()
  private readonly endpointNames: string[] = []

  /** `roles`: the roles to check entries for; `digest`: the feed's digest when known before the entries. */
  constructor(roles: readonly SyncFeedRole[], digest: SyncFeed['digest'] | null) {
    this.own = new Map(roles.map((r) => [r, new Issues()]))
    const usable = digest !== null && typeof digest === 'object' && Array.isArray(digest.entries)
    this.against = usable ? new AgainstDigest(digest) : undefined
    this.later = usable ? undefined : new Float64Array(STRIDE * 64)
  }

  /**
   * Checks the next entry. With its `element` (streamed with positions), the issues found are given the `line` and
   * `column` of the element they point at, as the in-memory path places them in the whole document.
   */
  add(entry: SyncEntry, element?: XmlElement): void {
    if (element === undefined) {
      this.check(entry, undefined)
      return
    }
    const lists = [...this.own.values(), this.tickIssues, this.uuidIssues, this.digestIssues]
    const marks = lists.map((issues) => issues.list.length)
    this.check(entry, element)
    lists.forEach((issues, k) => {
      placeIssues(issues.list.slice(marks[k]), element, 2, PATH_NAMESPACES)
    })
  }

  private check(entry: SyncEntry, element: XmlElement | undefined): void {
    const index = this.count++
    const base = FEED.element('entry', index + 1)
    if (entry === null || typeof entry !== 'object') {
      for (const issues of this.own.values()) issues.error(base, 'the entry is not an object')
      return
    }
    for (const [role, issues] of this.own) checkEntry(issues, base, entry, role)
    const state = entry.syncState
    if (state !== null && typeof state === 'object') {
      const located: LocatedState = { at: base.element('sync:syncState'), state }
      this.ticks.add(this.tickIssues, located, index + 1)
      if (this.against !== undefined) this.against.add(this.digestIssues, located)
      else this.keep(state, index + 1, element)
    }
    this.uuid(entry, index, base)
  }

  /** The issues, as `validateSyncFeed` orders them after the feed's own: entries, ticks, uuids, digest. */
  finish(role: SyncFeedRole, digest: SyncFeed['digest'] | null): Issue[] {
    const own = this.own.get(role)
    if (own === undefined) throw new RangeError(`role ${role} was not checked`)
    const later = this.later
    if (later !== undefined && digest !== null && typeof digest === 'object' && Array.isArray(digest.entries)) {
      const against = new AgainstDigest(digest)
      const found = this.digestIssues.list
      for (let k = 0; k < this.laterCount; k++) {
        const at = STRIDE * k
        const [endpoint, tick, position] = [later[at]!, later[at + 1]!, later[at + 2]!]
        const state = { endpoint: this.endpointNames[endpoint]!, tick } as SyncState
        const before = found.length
        against.add(this.digestIssues, { at: statePath(position), state })
        for (let n = before; n < found.length; n++) {
          const issue = found[n]!
          const field = stateField(issue)
          if (field >= 0 && later[at + 3 + 2 * field]! > 0) {
            issue.line = later[at + 3 + 2 * field]!
            issue.column = later[at + 4 + 2 * field]!
          }
        }
      }
    }
    return [...own.list, ...this.tickIssues.list, ...this.uuidIssues.list, ...this.digestIssues.list]
  }

  /**
   * Keeps a state's endpoint (as a number), tick and position for a digest that comes at the end, and with the
   * entry's element the places of its endpoint and tick (0 when not known).
   */
  private keep(state: SyncState, position: number, element: XmlElement | undefined): void {
    if (typeof state.endpoint !== 'string' || typeof state.tick !== 'number') return
    let endpoint = this.endpoints.get(state.endpoint)
    if (endpoint === undefined) {
      endpoint = this.endpointNames.length
      this.endpointNames.push(state.endpoint)
      this.endpoints.set(state.endpoint, endpoint)
    }
    let later = this.later!
    if (STRIDE * this.laterCount + STRIDE > later.length) {
      const grown = new Float64Array(later.length * 2)
      grown.set(later)
      this.later = later = grown
    }
    const at = STRIDE * this.laterCount++
    later.set([endpoint, state.tick, position], at)
    if (element === undefined) return
    STATE_FIELDS.forEach((steps, k) => {
      const place = elementPosition(elementBelow(element, steps, 2, PATH_NAMESPACES))
      if (place !== undefined) later.set([place.line, place.column], at + 3 + 2 * k)
    })
  }

  private uuid(entry: SyncEntry, index: number, base: StepPath): void {
    const uuid = entry.payload?.uuid
    if (!Uuid.is(uuid)) return
    // UUIDs compare case-insensitively (sdata.xsd uuid--type; the spec mixes cases).
    const key = uuidKey(uuid)
    const first = this.uuids.get(key)
    if (first === undefined) this.uuids.set(key, index)
    else {
      const element = entry.payload!.element
      const name = element !== null && typeof element === 'object' ? qualifiedName(element) : '*'
      this.uuidIssues.warning(
        base.element('sdata:payload').element(name).attribute('sdata:uuid'),
        `sdata:uuid ${uuid} appears again (first in entry[${first + 1}]); a sync feed carries each resource once`,
      )
    }
  }
}
