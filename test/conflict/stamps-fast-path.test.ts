import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isPlainUtc, orderStamps } from '../../src/conflict/stamps'
import { compareStamps, dateTimeToEpochMs } from '../../src/index'
import type { Stamp } from '../../src/sdata/index'
import { stamp as lawStamp } from './arbitraries'

// Raised from mutation testing (issue 7): the fast path's field checks were reached by no test, so any of them could
// be dropped unnoticed. The oracle is the full xs:dateTime reader.

const PLAIN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

/** What isPlainUtc must say: the plain UTC layout, a valid xs:dateTime, hour below 24, at most 64 characters. */
function oracle(s: string): boolean {
  return PLAIN.test(s) && s.length <= 64 && !Number.isNaN(dateTimeToEpochMs(s)) && Number(s.slice(11, 13)) < 24
}

const digits = (n: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''))
/** Plain-looking stamps with every field drawn from a range a bit wider than valid, plus edits that break the layout. */
const stamp = fc
  .tuple(
    fc.constantFrom('0000', '0001', '1900', '2000', '2024', '2025', '2100', '9999'),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 25 }),
    fc.integer({ min: 0, max: 61 }),
    fc.integer({ min: 0, max: 61 }),
    fc.option(fc.integer({ min: 0, max: 9 }).chain(digits), { nil: undefined }),
    fc.constantFrom('Z', 'Z', 'Z', '+01:00', ''),
  )
  .map(([y, mo, d, h, mi, s, f, z]) => {
    const p = (n: number) => String(n).padStart(2, '0')
    return `${y}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:${p(s)}${f === undefined ? '' : `.${f}`}${z}`
  })
const broken = fc
  .tuple(stamp, fc.nat(), fc.constantFrom('x', '-', ':', '.', 'T', 'Z', '/', '9', ''))
  .map(([s, at, c]) => {
    const i = at % s.length
    return s.slice(0, i) + c + s.slice(i + 1)
  })

describe('conflict stamps: the fast path agrees with the full reader', () => {
  it('isPlainUtc(s) = plain layout ∧ valid xs:dateTime ∧ hour < 24 ∧ length ≤ 64', () => {
    fc.assert(
      fc.property(fc.oneof(stamp, broken), (s) => {
        expect(isPlainUtc(s)).toBe(oracle(s))
      }),
      { numRuns: 2000 },
    )
  })

  it.each([
    ['2024-02-29T00:00:00Z', true],
    ['2023-02-29T00:00:00Z', false],
    ['1900-02-29T00:00:00Z', false],
    ['2000-02-29T00:00:00Z', true],
    ['2025-04-31T00:00:00Z', false],
    ['2025-12-31T23:59:59Z', true],
    ['2025-13-01T00:00:00Z', false],
    ['2025-00-01T00:00:00Z', false],
    ['2025-01-00T00:00:00Z', false],
    ['2025-01-01T24:00:00Z', false],
    ['2025-01-01T00:60:00Z', false],
    ['2025-01-01T00:00:60Z', false],
    ['0000-01-01T00:00:00Z', false],
    ['0001-01-01T00:00:00Z', true],
    ['2025-01-01T00:00:00.Z', false],
    ['2025-01-01T00:00:00.5Z', true],
    ['2025-01-01T00:00:00.5aZ', false],
    ['2025-01-01T00:00:00,5Z', false],
    ['2025-01-01T00:00:00', false],
    ['2025-01-01T00:00:00+00:00', false],
    ['2025-01-01 00:00:00Z', false],
    ['2025/01-01T00:00:00Z', false],
    ['2025-01/01T00:00:00Z', false],
    ['2025-01-01T00-00:00Z', false],
    ['2025-01-01T00:00-00Z', false],
    ['a025-01-01T00:00:00Z', false],
    ['2a25-01-01T00:00:00Z', false],
    [`2025-01-01T00:00:00.${'1'.repeat(43)}Z`, true],
    [`2025-01-01T00:00:00.${'1'.repeat(44)}Z`, false],
  ])('isPlainUtc(%j) = %s', (s, expected) => {
    expect(isPlainUtc(s)).toBe(expected)
  })

  it('orderStamps = compareStamps on every pair, at any assumed offset', () => {
    const any = fc.oneof(stamp, broken) as fc.Arbitrary<Stamp>
    fc.assert(
      fc.property(any, any, fc.constantFrom(0, 60, -330), (a, b, offset) => {
        if (Number.isNaN(dateTimeToEpochMs(a)) || Number.isNaN(dateTimeToEpochMs(b))) return
        expect(orderStamps(a, b, offset)).toBe(compareStamps(a, b, offset))
        expect(orderStamps(b, a, offset)).toBe(compareStamps(b, a, offset))
      }),
      { numRuns: 2000 },
    )
    const x = '2025-01-01T00:00:01Z' as Stamp
    const y = '2025-01-01T00:00:02Z' as Stamp
    expect([orderStamps(x, y, 0), orderStamps(y, x, 0), orderStamps(x, x, 0)]).toEqual([-1, 1, 0])
  })
})

describe('conflict stamps: the code-unit order of plain stamps', () => {
  // Two plain stamps of one length, the second drawn near the first (same date, same second, or only the fraction
  // changed), so that they differ at every position in turn. The digest advance orders such stamps by `<`.
  const plainPair = fc
    .tuple(stamp, stamp, fc.nat(), fc.constantFrom(...'0123456789'))
    .map(([a, b, at, c]) => {
      const i = at % a.length
      return [a, at % 3 === 0 ? b : a.slice(0, i) + c + a.slice(i + 1)] as const
    })
    .filter(([a, b]) => a.length === b.length && isPlainUtc(a) && isPlainUtc(b))

  it('is the instant order (compareStamps) on plain stamps of one length', () => {
    fc.assert(
      fc.property(plainPair, ([a, b]) => {
        const expected = compareStamps(a as Stamp, b as Stamp)
        expect(a < b ? -1 : a > b ? 1 : 0).toBe(expected)
        expect(orderStamps(a as Stamp, b as Stamp, 0)).toBe(expected)
      }),
      { numRuns: 100 },
    )
  })
})

describe("the fast stamp order on the conflict laws' stamps (moved from laws.test.ts)", () => {
  it('the fast stamp order agrees with compareStamps on every pair', () => {
    fc.assert(
      fc.property(lawStamp, lawStamp, fc.constantFrom(0, 60, -300), (a, b, offset) => {
        expect(orderStamps(a, b, offset)).toBe(compareStamps(a, b, offset))
      }),
      { numRuns: 300 },
    )
  })
})

describe('conflict stamps: plain stamps of different lengths, ordered without parsing', () => {
  // Pairs built to meet each case of orderPlain: a first difference in the fields, in the fraction, or none before
  // the shorter stamp's Z (a fraction that begins the other's, trailing zeros, no fraction at all).
  const fraction = fc.stringMatching(/^[0159]{0,9}$/)
  const plainPair = fc
    .tuple(
      fc.constantFrom('2025-06-01T12:00:00', '2025-06-01T12:00:01', '2025-05-31T23:59:59', '1025-06-01T12:00:00'),
      fc.constantFrom('2025-06-01T12:00:00', '2025-06-01T12:00:01', '2025-05-31T23:59:59'),
      fraction,
      fraction,
      fc.boolean(),
    )
    .map(([sa, sb, fa, fb, prefixed]) => {
      const other = prefixed ? fa + fb : fb
      const a = `${sa}${fa === '' ? '' : `.${fa}`}Z`
      const b = `${prefixed ? sa : sb}${other === '' ? '' : `.${other}`}Z`
      return [a, b] as const
    })

  it('orderStamps = compareStamps on them, both ways', () => {
    fc.assert(
      fc.property(plainPair, ([a, b]) => {
        expect(isPlainUtc(a) && isPlainUtc(b)).toBe(true)
        expect(orderStamps(a as Stamp, b as Stamp, 0)).toBe(compareStamps(a as Stamp, b as Stamp))
        expect(orderStamps(b as Stamp, a as Stamp, 0)).toBe(compareStamps(b as Stamp, a as Stamp))
      }),
      { numRuns: 3000 },
    )
  })

  it.each([
    ['2025-06-01T12:00:07.5Z', '2025-06-01T12:00:07.50Z', 0],
    ['2025-06-01T12:00:07Z', '2025-06-01T12:00:07.000Z', 0],
    ['2025-06-01T12:00:07.5Z', '2025-06-01T12:00:07.501Z', -1],
    ['2025-06-01T12:00:07Z', '2025-06-01T12:00:07.001Z', -1],
    ['2025-06-01T12:00:08Z', '2025-06-01T12:00:07.999Z', 1],
    ['2025-06-01T12:00:07.51Z', '2025-06-01T12:00:07.5Z', 1],
    ['2025-06-01T12:00:07.49Z', '2025-06-01T12:00:07.5Z', -1],
    ['2025-06-01T12:00:07.5Z', '2025-06-01T12:00:07.4999Z', 1],
    // The first code unit alone differs, with the shorter's last fraction digit matching the longer's.
    ['2025-06-01T12:00:07.5Z', '1025-06-01T12:00:07.5000001Z', 1],
  ])('orderStamps(%j, %j) = %d', (a, b, expected) => {
    expect(orderStamps(a as Stamp, b as Stamp, 0)).toBe(expected)
    expect(orderStamps(b as Stamp, a as Stamp, 0)).toBe(-expected || 0)
  })
})
