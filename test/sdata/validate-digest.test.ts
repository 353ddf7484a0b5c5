// validateDigest and the digest rules validateSyncFeed applies across entries (tick order per endpoint, ticks against
// the feed's digest): the exact issues of crafted values, and none for their valid neighbours.
import { describe, expect, it } from 'vitest'
import type { Digest, DigestEntry, Stamp, SyncEntry, SyncFeed, Tracking } from '../../src/sdata/index'
import {
  syncEntry,
  syncFeed,
  validateDigest,
  validateSyncEntry,
  validateSyncFeed,
  validateTracking,
} from '../../src/sdata/index'
import type { XmlElement } from '../../src/xml/index'
import { rule } from '../support/issues'

const A = 'http://e/a'
const B = 'http://e/b'
const STAMP = '2008-10-30T17:23:08Z' as Stamp
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

const dEntry = (endpoint: string, tick = 5): DigestEntry => ({ endpoint, tick, stamp: STAMP, conflictPriority: 1 })
const error = (path: string, message: string) => rule('error', path, message)
const warning = (path: string, message: string) => rule('warning', path, message)
const R: XmlElement = {
  type: 'element',
  namespace: 'urn:c',
  localName: 'r',
  prefix: null,
  attributes: [],
  children: [],
}
/** A source entry at (endpoint, tick) whose resource has uuid number `n`. */
const entry = (endpoint: string, tick: number, n: number): SyncEntry =>
  syncEntry({ syncState: { endpoint, tick, stamp: STAMP }, payload: { uuid: uuid(n), isDeleted: false, element: R } })
const feedOf = (digest: Digest, ...entries: SyncEntry[]): SyncFeed => syncFeed({ syncMode: 'catchUp', digest, entries })

describe('validateDigest', () => {
  it('a digest that is not an object', () => {
    for (const bad of [null, 5, 'x']) {
      expect(validateDigest(bad as unknown as Digest)).toEqual([error('/digest', 'the digest is not an object')])
    }
    expect(validateDigest(null as unknown as Digest, { path: '/d' })).toEqual([
      error('/d', 'the digest is not an object'),
    ])
  })
  it('no origin is a warning', () => {
    expect(validateDigest({ entries: [dEntry(A)] })).toEqual([
      warning('/digest/origin', 'the digest has no origin (sdatasync.xsd requires one; sync §5.8 omits it)'),
    ])
  })
  it('an origin that is not a string', () => {
    expect(validateDigest({ origin: 5 as never, entries: [dEntry(A)] })).toEqual([
      error('/digest/origin', 'origin 5 is empty or not a string'),
    ])
  })
  it("the origin's own entry may be anywhere in the digest", () => {
    expect(validateDigest({ origin: B, entries: [dEntry(A), dEntry(B)] })).toEqual([])
    expect(validateDigest({ origin: B, entries: [dEntry(A)] })).toEqual([
      warning('/digest/origin', `the origin "${B}" has no digestEntry of its own`),
    ])
  })
  it('case variants all point at the first spelling; an exact repeat of a variant is a duplicate of that variant', () => {
    const upper = 'http://e/ABC'
    const lower = 'http://e/abc'
    const mixed = 'http://e/Abc'
    expect(
      validateDigest({
        origin: upper,
        entries: [dEntry(upper, 1), dEntry(lower, 2), dEntry(mixed, 3), dEntry(lower, 4)],
      }),
    ).toEqual([
      warning(
        '/digest/digestEntry[2]/endpoint',
        `endpoint "${lower}" differs only in letter case from digestEntry[1]'s`,
      ),
      warning(
        '/digest/digestEntry[3]/endpoint',
        `endpoint "${mixed}" differs only in letter case from digestEntry[1]'s`,
      ),
      error('/digest/digestEntry[4]/endpoint', `duplicate endpoint "${lower}", first in digestEntry[2]`),
    ])
  })
  it('a duplicate with the same tick names the pair, with another tick the endpoint', () => {
    expect(validateDigest({ origin: A, entries: [dEntry(A, 3), dEntry(A, 3), dEntry(A, 4)] })).toEqual([
      error('/digest/digestEntry[2]/endpoint', `duplicate (endpoint, tick) pair (3) "${A}", first in digestEntry[1]`),
      error('/digest/digestEntry[3]/endpoint', `duplicate endpoint "${A}", first in digestEntry[1]`),
    ])
  })
  it('an endpoint that is not a string is not compared with the others', () => {
    const entries = [dEntry(A), { ...dEntry(A), endpoint: 5 as never }, { ...dEntry(A), endpoint: 5 as never }]
    expect(validateDigest({ origin: A, entries })).toEqual([
      error('/digest/digestEntry[2]/endpoint', 'endpoint 5 is empty or not a string'),
      error('/digest/digestEntry[3]/endpoint', 'endpoint 5 is empty or not a string'),
    ])
  })
})

describe('values that throw while inspected', () => {
  const throwing = (what: unknown) =>
    new Proxy(
      {},
      {
        get() {
          throw what
        },
      },
    )
  it('every validator answers with one issue at its root, an Error by its message', () => {
    const boom = throwing(new Error('boom'))
    const message = 'the value could not be inspected: boom'
    expect(validateDigest(boom as Digest)).toEqual([error('/digest', message)])
    expect(validateDigest(boom as Digest, { path: '/x' })).toEqual([error('/x', message)])
    expect(validateSyncFeed(boom as SyncFeed)).toEqual([error('/feed', message)])
    expect(validateSyncEntry(boom as SyncEntry)).toEqual([error('/entry', message)])
    expect(validateTracking(boom as Tracking)).toEqual([error('/tracking', message)])
  })
  it('anything else thrown, as a string', () => {
    const message = 'the value could not be inspected: 42'
    const boom = throwing(42)
    expect(validateDigest(boom as Digest)).toEqual([error('/digest', message)])
    expect(validateSyncFeed(boom as SyncFeed)).toEqual([error('/feed', message)])
    expect(validateSyncEntry(boom as SyncEntry)).toEqual([error('/entry', message)])
    expect(validateTracking(boom as Tracking)).toEqual([error('/tracking', message)])
  })
})

describe("a feed's entries: tick order per endpoint", () => {
  const feed = (...entries: SyncEntry[]) => feedOf({ origin: A, entries: [dEntry(A, 100), dEntry(B, 100)] }, ...entries)
  const state = (n: number) => `/feed/entry[${n}]/sync:syncState`
  it('each tick is compared with the highest so far', () => {
    expect(validateSyncFeed(feed(entry(A, 5, 1), entry(A, 3, 2), entry(A, 4, 3)))).toEqual([
      error(`${state(2)}/tick`, `tick 3 of "${A}" does not increase (5 at ${state(1)})`),
      error(`${state(3)}/tick`, `tick 4 of "${A}" does not increase (5 at ${state(1)})`),
    ])
  })
  it('a repeated tick is a duplicate of its first occurrence, even below the highest', () => {
    expect(validateSyncFeed(feed(entry(A, 5, 1), entry(A, 3, 2), entry(A, 3, 3), entry(A, 5, 4)))).toEqual([
      error(`${state(2)}/tick`, `tick 3 of "${A}" does not increase (5 at ${state(1)})`),
      error(`${state(3)}/tick`, `duplicate (endpoint, tick) pair ("${A}", 3), first at ${state(2)}`),
      error(`${state(4)}/tick`, `duplicate (endpoint, tick) pair ("${A}", 5), first at ${state(1)}`),
    ])
  })
  it('the highest tick moves on as ticks increase', () => {
    expect(validateSyncFeed(feed(entry(A, 1, 1), entry(A, 7, 2), entry(B, 2, 3), entry(A, 6, 4)))).toEqual([
      error(`${state(4)}/tick`, `tick 6 of "${A}" does not increase (7 at ${state(2)})`),
    ])
  })
  it('states with a bad endpoint or tick are left out of the order', () => {
    const bad = { ...entry(A, 9, 2), syncState: { endpoint: A, tick: 'x', stamp: STAMP } as never }
    const issues = validateSyncFeed(feed(entry(A, 5, 1), bad, entry(A, 6, 3)))
    expect(issues).toEqual([error(`${state(2)}/tick`, 'tick "x" is not a non-negative safe integer')])
  })
})

describe("a feed's entries against its digest", () => {
  const feed = feedOf
  const C = 'http://e/c'
  it('an endpoint the digest lacks is reported once', () => {
    expect(
      validateSyncFeed(feed({ origin: A, entries: [dEntry(A)] }, entry(B, 1, 1), entry(C, 1, 2), entry(B, 2, 3))),
    ).toEqual([
      warning('/feed/entry[1]/sync:syncState/endpoint', `endpoint "${B}" is not in the feed's digest`),
      warning('/feed/entry[2]/sync:syncState/endpoint', `endpoint "${C}" is not in the feed's digest`),
    ])
  })
  it("a repeated endpoint in the digest: its first entry's tick counts", () => {
    const digest = { origin: A, entries: [dEntry(A, 3), dEntry(A, 10)] }
    const issues = validateSyncFeed(feed(digest, entry(A, 5, 1))).filter((i) => i.path.startsWith('/feed/entry'))
    expect(issues).toEqual([
      error('/feed/entry[1]/sync:syncState/tick', "tick 5 is past the digest's tick 3 for this endpoint"),
    ])
  })
  it('a tick just below the digest tick is fine', () => {
    expect(validateSyncFeed(feed({ origin: A, entries: [dEntry(A, 6)] }, entry(A, 5, 1)))).toEqual([])
  })
  it('digest entries that are not objects are skipped', () => {
    const digest = { origin: A, entries: [null, dEntry(A, 6)] } as unknown as Digest
    const issues = validateSyncFeed(feed(digest, entry(A, 5, 1))).filter((i) => i.path.startsWith('/feed/entry'))
    expect(issues).toEqual([])
  })
  it('a digest whose entries are not an array is not compared with', () => {
    const digest = { origin: A, entries: 'x' } as unknown as Digest
    const issues = validateSyncFeed(feed(digest, entry(A, 5, 1))).filter((i) => i.path.startsWith('/feed/entry'))
    expect(issues).toEqual([])
  })
})

describe("a feed's entries: repeated uuids", () => {
  const at = (n: number, uuid: string, element: unknown): SyncEntry =>
    syncEntry({
      syncState: { endpoint: A, tick: n, stamp: STAMP },
      payload: { uuid, isDeleted: false, element: element as XmlElement },
    })
  const feed = (...entries: SyncEntry[]) => feedOf({ origin: A, entries: [dEntry(A, 100)] }, ...entries)
  const r = { type: 'element', namespace: 'urn:c', localName: 'r', prefix: 'c', attributes: [], children: [] }
  it('the repeat is located at its resource element, or at * when it has none', () => {
    const again = (n: number, first: number, name: string) =>
      warning(
        `/feed/entry[${n}]/sdata:payload/${name}/@sdata:uuid`,
        `sdata:uuid ${uuid(1)} appears again (first in entry[${first}]); a sync feed carries each resource once`,
      )
    expect(
      validateSyncFeed(feed(at(1, uuid(1), r), at(2, uuid(2), r), at(3, uuid(1), r), at(4, uuid(1), null))),
    ).toEqual([error('/feed/entry[4]/sdata:payload/*', 'not an XML element'), again(3, 1, 'c:r'), again(4, 1, '*')])
  })
  it('uuids that are not UUIDs are not compared', () => {
    expect(validateSyncFeed(feed(at(1, 'x', r), at(2, 'x', r))).map((i) => i.message)).toEqual([
      'sdata:uuid "x" is not a UUID',
      'sdata:uuid "x" is not a UUID',
    ])
  })
})
