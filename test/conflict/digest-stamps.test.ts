import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareStamps, type Digest, processFeed, type Stamp } from '../../src/conflict/index'

// The stamp a page leaves in the target's digest, against a reference that orders every stamp with the full
// xs:dateTime reader: each entry that raises its endpoint's tick makes the stamp the later of the two (the held
// one on a tie, so the spelling kept is the earlier). Plain UTC stamps of different lengths (trailing zeros cut,
// no fraction, a fraction that begins the other's) are ordered without parsing (stamps.ts orderPlain); other
// forms by the reader.

const E = 'http://h/a'
const seconds = ['2025-06-01T12:00:00', '2025-06-01T12:00:01', '2025-06-01T11:59:59']
const fraction = fc.oneof(
  fc.constantFrom('', '.0', '.00', '.5', '.50', '.5000000', '.05', '.49', '.51', '.9', '.0000001'),
  fc.stringMatching(/^\.[05]{1,8}$/),
)
/** Mostly plain UTC stamps of every length near one instant, sometimes an offset or no zone. */
const stamp: fc.Arbitrary<Stamp> = fc
  .tuple(fc.constantFrom(...seconds), fraction, fc.constantFrom('Z', 'Z', 'Z', 'Z', '+00:00', '-01:00', ''))
  .map(([s, f, z]) => `${s}${f}${z}` as Stamp)

function reference(start: Stamp, tick: number, entries: ReadonlyArray<{ tick: number; stamp: Stamp }>): Stamp {
  let held = start
  let at = tick
  for (const e of entries) {
    if (e.tick + 1 <= at) continue
    at = e.tick + 1
    if (compareStamps(e.stamp, held) > 0) held = e.stamp
  }
  return held
}

describe('processFeed: the digest stamp of an endpoint = the latest stamp it incorporated (full reader)', () => {
  it('with plain stamps of different lengths, offsets and unzoned stamps mixed', () => {
    fc.assert(
      fc.property(
        stamp,
        fc.array(fc.record({ step: fc.integer({ min: -1, max: 2 }), stamp }), { minLength: 1, maxLength: 40 }),
        (start, steps) => {
          let tick = 10
          const entries = steps.map(({ step, stamp: s }, i) => {
            tick += step
            return { syncState: { endpoint: E, tick, stamp: s }, payload: { uuid: `u-${i}` } }
          })
          const targetDigest: Digest = { entries: [{ endpoint: E, tick: 10, stamp: start, conflictPriority: 1 }] }
          const result = processFeed({
            targetDigest,
            feed: { syncMode: 'catchUp', entries },
            lookup: () => undefined,
            lastPage: false,
          })
          if (result._tag !== 'Right') throw new Error('a catch-up page is never refused')
          const expected = reference(
            start,
            10,
            entries.map((e) => e.syncState),
          )
          expect(result.right.digest.entries.map((e) => e.stamp)).toEqual([expected])
        },
      ),
      { numRuns: 1500 },
    )
  })

  it('keeps the earlier spelling of one instant, and takes a longer fraction that is later', () => {
    const run = (start: string, stamps: string[]) => {
      const result = processFeed({
        targetDigest: { entries: [{ endpoint: E, tick: 1, stamp: start as Stamp, conflictPriority: 1 }] },
        feed: {
          entries: stamps.map((s, i) => ({
            syncState: { endpoint: E, tick: 1 + i, stamp: s as Stamp },
            payload: { uuid: `u-${i}` },
          })),
        },
        lookup: () => undefined,
        lastPage: false,
      })
      return result._tag === 'Right' ? result.right.digest.entries[0]!.stamp : undefined
    }
    expect(run('2025-06-01T12:00:07.5Z', ['2025-06-01T12:00:07.5000000Z'])).toBe('2025-06-01T12:00:07.5Z')
    expect(run('2025-06-01T12:00:07.5Z', ['2025-06-01T12:00:07.5000001Z'])).toBe('2025-06-01T12:00:07.5000001Z')
    expect(run('2025-06-01T12:00:07Z', ['2025-06-01T12:00:07.0Z', '2025-06-01T12:00:06.9999Z'])).toBe(
      '2025-06-01T12:00:07Z',
    )
    expect(run('2025-06-01T12:00:07.9Z', ['2025-06-01T12:00:08Z'])).toBe('2025-06-01T12:00:08Z')
    expect(run('2025-06-01T12:00:08Z', ['2025-06-01T12:00:07.9Z'])).toBe('2025-06-01T12:00:08Z')
  })
})
