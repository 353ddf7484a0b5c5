// fast-check arbitraries for the conflict laws: endpoints from a small set (so they collide), stamps in every
// lexical form the order must treat alike (Z with 0–7 fraction digits, numeric offsets, no zone). Not a test file.
import fc from 'fast-check'
import type { Digest, DigestEntry, Stamp, SyncState } from '../../src/conflict/index'
import { utcDateTime } from '../support/datetime'

export const ENDPOINTS = ['http://h/a', 'http://h/b', 'http://h/c', 'http://h/d', 'http://h/e']

export const endpoint = fc.constantFrom(...ENDPOINTS)

const BASE = Date.UTC(2024, 0, 1)

function withOffset(ms: number, minutes: number, digits: number): string {
  const local = utcDateTime(ms + minutes * 60_000, digits).slice(0, -1)
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

/** A stamp within a few seconds of a fixed instant, so that equal and near-equal instants are common. */
export const stamp: fc.Arbitrary<Stamp> = fc
  .tuple(
    fc.integer({ min: 0, max: 4000 }),
    fc.integer({ min: 0, max: 7 }),
    fc.constantFrom<'Z' | 'offset' | 'none'>('Z', 'Z', 'offset', 'none'),
    fc.constantFrom(-300, 0, 90, 600),
  )
  .map(([ms, digits, zone, minutes]) => {
    const at = BASE + ms
    if (zone === 'Z') return utcDateTime(at, digits) as Stamp
    if (zone === 'none') return utcDateTime(at, digits).slice(0, -1) as Stamp
    return withOffset(at, minutes, digits) as Stamp
  })

export const digestEntry: fc.Arbitrary<DigestEntry> = fc.record({
  endpoint,
  tick: fc.integer({ min: 0, max: 12 }),
  stamp,
  conflictPriority: fc.integer({ min: 1, max: 9 }),
})

/** A digest with distinct endpoints. */
export const digest: fc.Arbitrary<Digest> = fc
  .uniqueArray(digestEntry, { selector: (e) => e.endpoint, maxLength: ENDPOINTS.length })
  .map((entries) => ({ entries }))

export const syncState: fc.Arbitrary<SyncState> = fc.record({
  endpoint,
  tick: fc.integer({ min: 0, max: 12 }),
  stamp,
})
