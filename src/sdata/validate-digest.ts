// Validation of SData sync digests: digest entries, tick order of located states, states against a digest.
// Implements sync §4.2–§4.4 (digest and tick rules) and docs/decisions.md#s2.
import { StepPath } from '../common/issue-list'
import type { Issue, PathStep } from '../common/issues'
import { thrownMessage } from '../xml/issue'
import type { Digest, SyncState } from './model'
import {
  checkEndpoint,
  checkKeptAttributes,
  checkKeptExtensions,
  checkStateFields,
  describe,
  Issues,
} from './validate-issues'

/**
 * Options of {@link validateDigest}.
 *
 * @example
 * ```ts
 * const options: ValidateDigestOptions = {
 *   path: [{ kind: 'element', name: 'entry' }, { kind: 'element', name: 'sdata:payload' }, { kind: 'element', name: 'sync:digest' }],
 * }
 * ```
 */
export interface ValidateDigestOptions {
  /**
   * Where the digest element is, prefixed to every issue: its steps, or its XML path as text
   * (`'/entry/sdata:payload/sync:digest'`, kept as given in each issue's `path`); `/digest` when absent.
   */
  path?: string | readonly PathStep[]
}

const DIGEST: readonly PathStep[] = [{ kind: 'element', name: 'digest' }]

export function checkDigest(issues: Issues, base: StepPath, digest: Digest): void {
  if (digest === null || typeof digest !== 'object') {
    issues.error(base, 'the digest is not an object')
    return
  }
  const origin = base.element('origin')
  if (digest.origin === undefined) {
    issues.warning(origin, 'the digest has no origin (sdatasync.xsd requires one; sync §5.8 omits it)')
  } else checkEndpoint(issues, origin, digest.origin, 'origin')
  const entries = Array.isArray(digest.entries) ? digest.entries : []
  if (!Array.isArray(digest.entries)) issues.error(base, 'the digest entries are not an array')
  if (entries.length === 0) issues.error(base, 'the digest has no digestEntry (sync §4.2 requires at least one)')
  const seenEndpoints = new Map<string, number>()
  const seenFolded = new Map<string, number>()
  checkKeptExtensions(issues, base, digest)
  checkKeptAttributes(issues, base, digest)
  entries.forEach((entry, index) => {
    const path = base.element('digestEntry', index + 1)
    if (!checkStateFields(issues, path, entry, 'digestEntry')) return
    checkKeptExtensions(issues, path, entry)
    checkKeptAttributes(issues, path, entry)
    const priority = entry.conflictPriority
    if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 1 || priority > 9) {
      const absent = priority === 0 ? ' (absent or zero)' : ''
      issues.error(
        path.element('conflictPriority'),
        `conflictPriority ${describe(priority)}${absent} is not an integer in 1..9`,
      )
    }
    if (typeof entry.endpoint === 'string') {
      const first = seenEndpoints.get(entry.endpoint)
      const folded = entry.endpoint.toLowerCase()
      const sameButCase = seenFolded.get(folded)
      if (first === undefined) {
        seenEndpoints.set(entry.endpoint, index)
        if (sameButCase !== undefined) {
          // docs/decisions.md#s8 compares endpoints exactly; Sage's reference adapter folds case, so these would merge there.
          issues.warning(
            path.element('endpoint'),
            `endpoint ${JSON.stringify(entry.endpoint)} differs only in letter case from digestEntry[${sameButCase + 1}]'s`,
          )
        } else seenFolded.set(folded, index)
      } else {
        const other = entries[first]
        const pair =
          other !== undefined && other.tick === entry.tick ? `(endpoint, tick) pair (${entry.tick})` : 'endpoint'
        issues.error(
          path.element('endpoint'),
          `duplicate ${pair} ${JSON.stringify(entry.endpoint)}, first in digestEntry[${first + 1}]`,
        )
      }
    }
  })
  if (typeof digest.origin === 'string' && entries.length > 0 && !seenEndpoints.has(digest.origin)) {
    // sync §4.2: a provider's digest holds an entry for every endpoint it records, its own among them.
    issues.warning(origin, `the origin ${JSON.stringify(digest.origin)} has no digestEntry of its own`)
  }
}

/**
 * Checks a digest (sync §4.2, docs/decisions.md#s11): at least one entry, unique endpoints and (endpoint, tick) pairs,
 * ticks that are non-negative safe integers, stamps that are xs:dateTime, priorities in 1..9, an origin.
 * Lenient forms that decoding accepted (tick 0, no origin, a stamp with no zone) come back as warnings.
 *
 * @example
 * ```ts
 * const issues = validateDigest({ entries: [{ endpoint: 'http://x/a', tick: 0, stamp: '2008-10-30T17:23:08' as Stamp, conflictPriority: 1 }] })
 * // warnings: no origin, tick 0, stamp without zone
 * ```
 */
export function validateDigest(digest: Digest, options: ValidateDigestOptions = {}): Issue[] {
  const issues = new Issues()
  const given = options.path ?? DIGEST
  const path = typeof given === 'string' ? StepPath.fromText(given) : StepPath.of(given)
  try {
    checkDigest(issues, path, digest)
  } catch (cause) {
    issues.error(path, `the value could not be inspected: ${thrownMessage(cause)}`)
  }
  return issues.list
}

/**
 * A located syncState, for the tick-order checks shared with `checkPageSequence`.
 *
 * @example
 * ```ts
 * const located: LocatedState = { at: rootAt('feed').element('entry', 1).element('sync:syncState'), state, page: 0 }
 * ```
 */
export interface LocatedState {
  /** Where the entry's syncState is. */
  at: StepPath
  /** The state. */
  state: SyncState
  /** The page it is on, when checking a sequence of pages. */
  page?: number
}

/**
 * Reports entries whose tick does not strictly increase per endpoint (sync §2.2, §4.4) and duplicate
 * (endpoint, tick) pairs. With `crossPageOnly`, only clashes between states on different pages are reported.
 *
 * @example
 * ```ts
 * const issues = checkTickOrder([{ at: rootAt('feed').element('entry', 1).element('sync:syncState'), state }])
 * ```
 */
export function checkTickOrder(states: readonly LocatedState[], crossPageOnly = false): Issue[] {
  const issues = new Issues()
  const order = new TickOrder((id) => states[id]!, crossPageOnly)
  for (let id = 0; id < states.length; id++) order.add(issues, states[id]!, id)
  return issues.list
}

/**
 * {@link checkTickOrder} fed one state at a time (a streamed feed). Each state comes with a number `id`, and
 * `where(id)` gives back the location (and page) of an earlier one for messages, so what it keeps is small: per
 * endpoint, the highest tick so far and every tick seen, each with its id.
 *
 * @example
 * ```ts
 * const order = new TickOrder((id) => ({ at: statePath(id) }))
 * order.add(issues, { at: statePath(1), state }, 1)
 * ```
 */
export class TickOrder {
  private readonly last = new Map<string, { tick: number; id: number }>()
  private readonly seen = new Map<string, Map<number, number>>()

  constructor(
    private readonly where: (id: number) => Pick<LocatedState, 'at' | 'page'>,
    private readonly crossPageOnly = false,
  ) {}

  /** Checks one state against those before it, reporting into `issues`. */
  add(issues: Issues, located: LocatedState, id: number): void {
    const { endpoint, tick } = located.state
    if (typeof endpoint !== 'string' || typeof tick !== 'number') return
    let ticks = this.seen.get(endpoint)
    if (ticks === undefined) {
      ticks = new Map()
      this.seen.set(endpoint, ticks)
    }
    const previous = this.last.get(endpoint)
    const duplicate = ticks.get(tick)
    const report = (other: number) => !this.crossPageOnly || this.where(other).page !== located.page
    if (duplicate !== undefined) {
      if (report(duplicate)) {
        issues.error(
          located.at.element('tick'),
          `duplicate (endpoint, tick) pair (${JSON.stringify(endpoint)}, ${tick}), first at ${this.where(duplicate).at.path}`,
        )
      }
    } else if (previous !== undefined && previous.tick >= tick && report(previous.id)) {
      issues.error(
        located.at.element('tick'),
        `tick ${tick} of ${JSON.stringify(endpoint)} does not increase (${previous.tick} at ${this.where(previous.id).at.path})`,
      )
    }
    if (duplicate === undefined) ticks.set(tick, id)
    if (previous === undefined || previous.tick < tick) this.last.set(endpoint, { tick, id })
  }
}

/**
 * The states of a feed checked against its digest, one at a time: an entry tick past (or at) the digest's tick for
 * its endpoint, and an endpoint the digest lacks (once per endpoint).
 *
 * @example
 * ```ts
 * const against = new AgainstDigest(feed.digest)
 * against.add(issues, { at: rootAt('feed').element('entry', 1).element('sync:syncState'), state })
 * ```
 */
export class AgainstDigest {
  private readonly ticks = new Map<string, number>()
  private readonly missing = new Set<string>()

  constructor(digest: Digest) {
    for (const entry of digest.entries) {
      if (entry !== null && typeof entry === 'object' && !this.ticks.has(entry.endpoint))
        this.ticks.set(entry.endpoint, entry.tick)
    }
  }

  /** Checks one state, reporting into `issues`. */
  add(issues: Issues, { at, state }: LocatedState): void {
    const digestTick = this.ticks.get(state.endpoint)
    if (digestTick === undefined) {
      if (!this.missing.has(state.endpoint)) {
        this.missing.add(state.endpoint)
        issues.warning(at.element('endpoint'), `endpoint ${JSON.stringify(state.endpoint)} is not in the feed's digest`)
      }
    } else if (state.tick > digestTick) {
      issues.error(at.element('tick'), `tick ${state.tick} is past the digest's tick ${digestTick} for this endpoint`)
    } else if (state.tick === digestTick) {
      // sync §4.3 allows "less than or equal"; the next-tick convention (§2.2) means strictly less.
      issues.warning(
        at.element('tick'),
        `tick ${state.tick} equals the digest's tick; a digest tick is the next one not yet used`,
      )
    }
  }
}
