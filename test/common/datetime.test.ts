import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { reportErrors, StampCodec, StampValue } from '../../src/codec/index'
import { compareDateTime, DateTimeCodec, dateTimeToEpochMs, isStamp, nextStamp, type Stamp } from '../../src/index'
import { utcDateTime } from '../support/datetime'
import { referenceCompare, referenceEpochMs, referenceParse, referenceSuccessor } from '../support/datetime-reference'

// The xs:dateTime reader seen through the public functions: DateTimeCodec's message gives the problem,
// dateTimeToEpochMs the instant (NaN when the text is no xs:dateTime, with the assumed offset for text without a
// zone), and nextStamp the successor (the next 100 ns tick after the latest stamp of a digest).

/** The problem DateTimeCodec names for `text` (the reason in parentheses), or undefined when it accepts it. */
function problemOf(text: string): string | undefined {
  const r = DateTimeCodec.decode(text)
  if (E.isRight(r)) return undefined
  const m = /^expected an xs:dateTime, found "(?:[^"\\]|\\.)*" \((.*)\)$/s.exec(reportErrors(r.left)[0]!.message)
  if (!m) throw new Error(`unexpected message: ${reportErrors(r.left)[0]!.message}`)
  return m[1]
}

const EARLIEST = '0001-01-01T00:00:00Z' as Stamp

/** The stamp nextStamp gives after a digest holding only `text`, when the clock is earlier than everything. */
function successorOf(text: string): string | undefined {
  const digest = { entries: [{ endpoint: 'http://e/', tick: 1, stamp: text as Stamp, conflictPriority: 1 }] }
  const next = nextStamp(digest, EARLIEST)
  return next === EARLIEST ? undefined : next
}

// Instants between years 0001 and 9999, in ms.
const MIN_MS = -62135596800000
const MAX_MS = 253402300799999
const arbMs = fc.integer({ min: MIN_MS, max: MAX_MS })

describe('xs:dateTime lexical form', () => {
  // The form as the spec's grammar reads, written as a regular expression (ASCII digits: no `u` flag).
  const FORM = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/
  const NOT_OF_THE_FORM = 'not of the form YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]'

  it.each([
    '2025-01-01T00:00:00Z ',
    '2025-01-01T00:00:00ZZ',
    '2025-01-01T00:00:00Z0',
    '2025-01-01T00:00:00+01:0',
    '2025-01-01T00:00:00+01:000',
    '2025-01-01T00:00:00+0100',
    '2025-01-01T00:00:00+01-00',
    '2025-01-01T00:00:00*01:00',
    '2025-01-01T00:00:00.5+1:00',
    '2025-01-01 00:00:00Z',
    '2025/01-01T00:00:00Z',
    '2025-1-01T00:00:00Z',
    '2025-01-01T00:00:0Z',
    '2025-01-01T00:00',
    '\uFF12025-01-01T00:00:00Z',
    '2025-01-01T00:00:00.1.2Z',
    '2025-01-01T00:00:00.',
    '2025-01-01T00:00:00z',
  ])('rejects %j as not of the form', (text) => {
    expect(problemOf(text)).toBe(NOT_OF_THE_FORM)
    expect(dateTimeToEpochMs(text)).toBeNaN()
  })

  it('reads the form exactly as its regular expression does', () => {
    // Valid values with one character changed, dropped or added: near misses of every part of the form.
    const chars = fc.constantFrom(...'0123456789-+:.TZz /\u0660')
    const edited = fc
      .tuple(
        fc.constantFrom('2024-02-29T23:59:59.1234567+14:00', '2025-11-07T22:06:33Z', '2013-06-15T08:00:00'),
        fc.nat(),
        chars,
        fc.constantFrom('set', 'drop', 'add'),
      )
      .map(([text, at, c, how]) => {
        const k = at % (text.length + 1)
        if (how === 'drop') return text.slice(0, k) + text.slice(k + 1)
        if (how === 'add') return text.slice(0, k) + c + text.slice(k)
        return text.slice(0, k) + c + text.slice(k + 1)
      })
    fc.assert(
      fc.property(edited, (text) => {
        expect(problemOf(text) === NOT_OF_THE_FORM).toBe(!FORM.test(text))
      }),
      { numRuns: 2000 },
    )
  })
  it.each([
    '2025-11-07T22:06:33.0000000Z',
    '2017-01-05T09:23:42.929Z',
    '2013-06-15T08:00:00',
    '2008-03-31T13:46:45+00:00',
    '0001-01-01T00:00:00+00:00',
    '2024-02-29T23:59:59.123456789-14:00',
    '2024-12-31T24:00:00Z',
  ])('accepts %s', (text) => {
    expect(Number.isFinite(dateTimeToEpochMs(text))).toBe(true)
    // DateTimeCodec also accepts it, unless it has more than the 7 fraction digits the codec allows.
    expect(problemOf(text)).toBe(/\.\d{8,}/.test(text) ? 'more than 7 fraction digits' : undefined)
  })

  it.each([
    ['2025-02-30T25:61:61Z', 'day 30 does not exist in 2025-02'],
    ['+275760-09-13', 'not of the form YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]'],
    ['2023-02-29T00:00:00Z', 'day 29 does not exist in 2023-02'],
    ['2025-01-01T24:00:01Z', '24 is allowed only as 24:00:00'],
    ['2025-01-01T23:60:00Z', 'minute 60 is out of range'],
    ['2025-01-01T23:00:60Z', 'second 60 is out of range'],
    ['2025-01-01T23:00:00+14:01', 'zone +14:01 is out of range'],
    ['0000-01-01T00:00:00Z', 'year 0000 is not allowed'],
    ['2025-13-01T00:00:00Z', 'month 13 is out of range'],
    [' 2025-01-01T00:00:00Z', 'not of the form YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]'],
    ['2025-01-01T00:00:00.Z', 'not of the form YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]'],
    ['1900-02-29T00:00:00Z', 'day 29 does not exist in 1900-02'],
    ['2100-02-29T00:00:00Z', 'day 29 does not exist in 2100-02'],
    ['2001-02-29T00:00:00Z', 'day 29 does not exist in 2001-02'],
    ['2025-04-31T00:00:00Z', 'day 31 does not exist in 2025-04'],
    ['2025-01-01T24:01:00Z', '24 is allowed only as 24:00:00'],
    ['2025-01-01T24:00:00.5Z', '24 is allowed only as 24:00:00'],
    ['2025-01-01T25:00:00Z', 'hour 25 is out of range'],
    ['2025-01-01T00:00:00+01:60', 'zone +01:60 is out of range'],
    ['2025-01-01T00:00:00-15:00', 'zone -15:00 is out of range'],
    ['2025-00-01T00:00:00Z', 'month 00 is out of range'],
    ['2025-01-00T00:00:00Z', 'day 00 does not exist in 2025-01'],
  ])('rejects %s: %s', (text, problem) => {
    expect(problemOf(text)).toBe(problem)
    expect(dateTimeToEpochMs(text)).toBeNaN()
  })

  it('keeps the zone apart from its absence', () => {
    // Only text without a zone moves with the assumed offset; Z is offset 0 and -05:30 is -330 minutes.
    const eight = Date.UTC(2013, 5, 15, 8)
    for (const assumed of [0, 60, -90]) {
      expect(dateTimeToEpochMs('2013-06-15T08:00:00', assumed)).toBe(eight - assumed * 60_000)
      expect(dateTimeToEpochMs('2013-06-15T08:00:00Z', assumed)).toBe(eight)
      expect(dateTimeToEpochMs('2013-06-15T08:00:00-05:30', assumed)).toBe(eight + 330 * 60_000)
    }
  })
})

describe('xs:dateTime bounds', () => {
  it('leap years: every 4th year, not every 100th, again every 400th', () => {
    for (const year of ['2000', '2004', '2400', '1600']) {
      expect(problemOf(`${year}-02-29T00:00:00Z`)).toBeUndefined()
    }
    expect(dateTimeToEpochMs('2000-02-29T00:00:00Z')).toBe(Date.UTC(2000, 1, 29))
  })

  it('24:00:00 with a fraction of zeros is the end of the day', () => {
    expect(dateTimeToEpochMs('2024-12-31T24:00:00.000Z')).toBe(Date.UTC(2025, 0, 1))
  })

  it('zones reach ±14:00; minutes of an offset count', () => {
    expect(dateTimeToEpochMs('2025-01-01T00:00:00+14:00')).toBe(Date.UTC(2024, 11, 31, 10))
    expect(dateTimeToEpochMs('2025-01-01T00:00:00-14:00')).toBe(Date.UTC(2025, 0, 1, 14))
    expect(dateTimeToEpochMs('2025-01-01T00:00:00+01:59')).toBe(Date.UTC(2024, 11, 31, 22, 1))
  })

  it('text longer than 64 characters is refused before it is read', () => {
    const at = (digits: number) => `2025-01-01T00:00:00.${'1'.repeat(digits)}Z`
    expect(at(43)).toHaveLength(64)
    expect(dateTimeToEpochMs(at(43))).toBe(Date.UTC(2025, 0, 1) + 111)
    expect(dateTimeToEpochMs(at(44))).toBeNaN()
    expect(problemOf(at(44))).toBe('too long for an xs:dateTime')
  })
})

describe('ordering and instants', () => {
  it('agrees with Date for ms-precision UTC values (law: epochMs ∘ format = id)', () => {
    fc.assert(
      fc.property(arbMs, (ms) => {
        const text = utcDateTime(ms, 3)
        expect(dateTimeToEpochMs(text)).toBe(ms)
        if (ms >= 0) expect(text).toBe(new Date(ms).toISOString())
      }),
    )
  })

  it('orders as the instants do (law: compare = compare of epoch ms)', () => {
    fc.assert(
      fc.property(arbMs, arbMs, (a, b) => {
        const expected = a === b ? 0 : a < b ? -1 : 1
        expect(compareDateTime(utcDateTime(a), utcDateTime(b))).toBe(expected)
      }),
    )
  })

  it('compares at full precision, beyond ms', () => {
    expect(compareDateTime('2008-10-30T14:52:03.2810001Z', '2008-10-30T14:52:03.281Z')).toBe(1)
    expect(compareDateTime('2008-10-30T14:52:03.281Z', '2008-10-30T14:52:03.2810000Z')).toBe(0)
    expect(compareDateTime('2008-10-30T14:52:03Z', '2008-10-30T16:52:03+02:00')).toBe(0)
    expect(compareDateTime('2008-10-30T14:52:03.000000001Z', '2008-10-30T14:52:03Z')).toBe(1)
  })

  it('reads a value without zone at the assumed offset', () => {
    expect(compareDateTime('2013-06-15T08:00:00', '2013-06-15T08:00:00Z')).toBe(0)
    expect(compareDateTime('2013-06-15T08:00:00', '2013-06-15T06:00:00Z', 120)).toBe(0)
    expect(dateTimeToEpochMs('2013-06-15T08:00:00', 60)).toBe(Date.UTC(2013, 5, 15, 7))
  })

  it('treats 24:00:00 as the start of the next day', () => {
    expect(compareDateTime('2024-12-31T24:00:00Z', '2025-01-01T00:00:00Z')).toBe(0)
  })

  it('is a total order: invalid text sorts after every valid value', () => {
    expect(compareDateTime('garbage', '9999-12-31T23:59:59Z')).toBe(1)
    expect(compareDateTime('9999-12-31T23:59:59Z', 'garbage')).toBe(-1)
    expect(compareDateTime('a', 'b')).toBe(-1)
    expect(compareDateTime('a', 'a')).toBe(0)
    // Whatever the text: '0' and '+' sort before '2' as strings, and still after every valid value.
    expect(compareDateTime('0', '2008-10-30T14:52:03Z')).toBe(1)
    expect(compareDateTime('2008-10-30T14:52:03Z', '+')).toBe(-1)
    expect(compareDateTime('b', 'a')).toBe(1)
  })

  it('is antisymmetric and transitive on generated values', () => {
    const arbText = arbMs.chain((ms) =>
      fc.tuple(fc.constant(ms), fc.integer({ min: 0, max: 7 })).map(([m, d]) => utcDateTime(m, d)),
    )
    fc.assert(
      fc.property(arbText, arbText, arbText, (a, b, c) => {
        expect(compareDateTime(a, b)).toBe(-compareDateTime(b, a) || 0)
        if (compareDateTime(a, b) <= 0 && compareDateTime(b, c) <= 0)
          expect(compareDateTime(a, c)).toBeLessThanOrEqual(0)
      }),
    )
  })
})

describe('the successor stamp (nextStamp after a digest)', () => {
  it('is the next 100 ns tick (law: text < successor(text))', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_MS, max: MAX_MS - 1 }), fc.integer({ min: 0, max: 7 }), (ms, digits) => {
        const text = utcDateTime(ms, digits)
        const next = successorOf(text)!
        expect(compareDateTime(text, next)).toBe(-1)
        expect(next).toMatch(/\.\d{7}Z$/)
      }),
    )
  })

  it('carries into the next second, and respects zones and extra digits', () => {
    expect(successorOf('2008-10-30T14:52:03.9999999Z')).toBe('2008-10-30T14:52:04.0000000Z')
    expect(successorOf('2008-10-30T14:52:03+01:00')).toBe('2008-10-30T13:52:03.0000001Z')
    expect(successorOf('2008-10-30T14:52:03.00000005Z')).toBe('2008-10-30T14:52:03.0000001Z')
    expect(successorOf('9999-12-31T23:59:59.9999999Z')).toBeUndefined()
    expect(successorOf('nope')).toBeUndefined()
  })

  it('works across months and years, February and leap days included', () => {
    expect(successorOf('2008-02-15T00:00:00Z')).toBe('2008-02-15T00:00:00.0000001Z')
    expect(successorOf('2008-02-29T23:59:59.9999999Z')).toBe('2008-03-01T00:00:00.0000000Z')
    expect(successorOf('2007-12-31T23:59:59.9999999Z')).toBe('2008-01-01T00:00:00.0000000Z')
    expect(successorOf('1999-01-31T23:59:59.9999999Z')).toBe('1999-02-01T00:00:00.0000000Z')
  })

  it('ignores stamps that are not xs:dateTime values, in the digest and as now', () => {
    const entry = (stamp: string) => ({ endpoint: 'http://e/', tick: 1, stamp: stamp as Stamp, conflictPriority: 1 })
    const digest = { entries: [entry('9999-99-99T99:99:99Z'), entry('2008-10-30T14:52:03Z'), entry('zzz')] }
    expect(nextStamp(digest, EARLIEST)).toBe('2008-10-30T14:52:03.0000001Z')
    expect(nextStamp(digest, 'later' as Stamp)).toBe('2008-10-30T14:52:03.0000001Z')
    expect(nextStamp(digest, '2030-01-01T00:00:00Z' as Stamp)).toBe('2030-01-01T00:00:00Z')
    expect(nextStamp({ entries: [entry('zzz')] }, 'later' as Stamp)).toBe('later')
  })
})

// Texts near the form: each field drawn around its range (and past it), the fraction and the zone optional, then
// maybe one character replaced, inserted or removed, so that every check of the reader is hit from both sides.
const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'))
/** The text of drawn fields: year, month, day, hour, minute, second, fraction (optional) and zone. */
const joinFields = ([y, mo, d, h, mi, s, f, z]: readonly [
  string,
  string,
  string,
  string,
  string,
  string,
  string | undefined,
  string,
]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${f === undefined ? '' : `.${f}`}${z}`
/** The text itself (`weight` times out of `weight + 1`), else with one of `chars` put in, or in place of a character. */
const nearMisses = (weight: number, chars: string[]) => (text: string) =>
  fc.oneof(
    { weight, arbitrary: fc.constant(text) },
    fc
      .tuple(fc.nat(text.length), fc.constantFrom(...chars), fc.nat(1))
      .map(([at, c, drop]) => text.slice(0, at) + c + text.slice(at + drop)),
  )
const arbNear = fc
  .tuple(
    fc.constantFrom('0000', '0001', '1900', '2000', '2024', '2025', '9999'),
    two(19),
    two(39),
    two(29),
    two(69),
    two(69),
    fc.option(fc.stringMatching(/^[0-9]{0,10}$/), { nil: undefined }),
    fc
      .constantFrom('', 'Z', '+', '-')
      .chain((z) =>
        z === '+' || z === '-' ? fc.tuple(two(19), two(69)).map(([h, m]) => `${z}${h}:${m}`) : fc.constant(z),
      ),
  )
  .map(joinFields)
  .chain(nearMisses(3, ['', '0', '9', '-', ':', 'T', '.', 'Z', '+', ' ', 'x', '٣']))

describe('the one-pass reader agrees with the regular-expression definition', () => {
  it('finds the same problem, or none, in texts near the form', () => {
    fc.assert(
      fc.property(arbNear, (text) => {
        const ref = referenceParse(text)
        const expected =
          typeof ref === 'string' ? ref : ref.fraction.length > 7 ? 'more than 7 fraction digits' : undefined
        expect(problemOf(text)).toBe(expected)
      }),
      { numRuns: 3000 },
    )
  })

  it('gives the same instant, order and next tick', () => {
    const offset = fc.constantFrom(0, 90, -330)
    fc.assert(
      fc.property(arbNear, arbNear, offset, (a, b, assumed) => {
        expect(dateTimeToEpochMs(a, assumed)).toBe(referenceEpochMs(a, assumed))
        expect(compareDateTime(a, b, assumed)).toBe(referenceCompare(a, b, assumed))
        expect(compareDateTime(a, a, assumed)).toBe(0)
        const p = referenceParse(a)
        // Year 0001 is left out: a successor there may fall on the clock's own start, which nextStamp keeps.
        if (typeof p !== 'string' && p.year > 1) expect(successorOf(a)).toBe(referenceSuccessor(a))
      }),
      { numRuns: 3000 },
    )
  })

  it('compares equal instants written apart: trailing zeros, zones, the end of a day', () => {
    const same = [
      ['2025-01-01T00:00:00.5Z', '2025-01-01T00:00:00.500000000Z'],
      ['2025-01-01T01:00:00+01:00', '2025-01-01T00:00:00Z'],
      ['2024-12-31T24:00:00.000Z', '2025-01-01T00:00:00Z'],
    ]
    for (const [a, b] of same) expect(compareDateTime(a!, b!)).toBe(referenceCompare(a!, b!))
    expect(compareDateTime('2025-01-01T00:00:00.05Z', '2025-01-01T00:00:00.5Z')).toBe(-1)
  })
})

// Values of the form nearly every document has (fields drawn across and just past their ranges, days 28–32 of every
// month, leap years, hours to 25, zones to ±15:61, fractions long enough to pass 64 characters) and near misses of
// it: the stamp readers (StampValue, StampCodec, which trim and allocate nothing on the way) must give the verdict of
// the full reader (isStamp, dateTimeToEpochMs, DateTimeCodec) and of the regular-expression definition.
const arbPlain = fc
  .tuple(
    fc.oneof(
      fc.constantFrom('0000', '0001', '1900', '2000', '2023', '2024', '2100', '9999'),
      fc.stringMatching(/^[0-9]{4}$/),
    ),
    fc.oneof(two(13), fc.constantFrom('02', '04', '12')),
    fc.oneof(two(32), fc.integer({ min: 27, max: 32 }).map(String)),
    two(25),
    two(61),
    two(61),
    fc.option(
      fc.oneof(
        fc.stringMatching(/^[0-9]{0,10}$/),
        // Around 64 characters in all.
        fc.integer({ min: 36, max: 46 }).map((n) => '1234567890'.repeat(5).slice(0, n)),
      ),
      { nil: undefined },
    ),
    fc.oneof(
      fc.constantFrom('', 'Z', '+14:00', '-14:00', '+13:59', '+14:01', '-00:00'),
      fc.tuple(fc.constantFrom('+', '-'), two(15), two(61)).map(([z, h, m]) => `${z}${h}:${m}`),
    ),
  )
  .map(joinFields)
  .chain(nearMisses(4, ['', '0', '3', '9', '-', ':', 'T', '.', 'Z', '+', ' ', '٣']))

describe('the stamp readers agree with the full reader on the common form and near misses', () => {
  it('gives the same verdict, problem and fraction limit for values of the common form and near misses', () => {
    fc.assert(
      fc.property(arbPlain, (text) => {
        const ref = referenceParse(text)
        const valid = typeof ref !== 'string'
        expect(isStamp(text)).toBe(valid)
        expect(Number.isNaN(dateTimeToEpochMs(text))).toBe(!valid)
        // The lenient readers take white space around (the near misses put a space anywhere).
        const trimmed = text.trim()
        const lenient = referenceParse(trimmed)
        const read = StampValue.read(text)
        expect(read).toEqual(
          typeof lenient !== 'string' ? trimmed : { problem: expect.stringContaining(`(${lenient})`) },
        )
        expect(E.isRight(StampCodec.decode(text))).toBe(typeof lenient !== 'string')
        expect(problemOf(text)).toBe(
          valid ? (ref.fraction.length > 7 ? 'more than 7 fraction digits' : undefined) : ref,
        )
      }),
      { numRuns: 5000 },
    )
  })

  it('reads the common form with white space around, as every lenient reader does', () => {
    for (const text of ['2008-10-30T14:55:03Z', '2024-02-28T23:59:59.1234567+13:59', '2025-12-31T00:00:00']) {
      expect(StampValue.read(` \n${text}\t`)).toBe(text)
      expect(problemOf(text)).toBeUndefined()
      // The strict checks take none.
      for (const spaced of [` ${text}`, `${text}\n`]) {
        expect(isStamp(spaced)).toBe(false)
        expect(problemOf(spaced)).toBe('not of the form YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]')
      }
    }
    expect(StampValue.read('2025-02-29T00:00:00Z')).toEqual({ problem: expect.stringContaining('does not exist') })
  })
})
