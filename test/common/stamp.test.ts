import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { StampCodec } from '../../src/codec/index'
import { compareStamps, isStamp, stamp, stampToEpochMs } from '../../src/conflict/index'
import * as sdata from '../../src/sdata/index'
import { numRuns } from '../support/runtime'

describe('stamp', () => {
  it('makes a UTC stamp with milliseconds from a Date', () => {
    expect(stamp(new Date(Date.UTC(2026, 2, 1, 10)))).toBe('2026-03-01T10:00:00.000Z')
    expect(stamp(new Date(0))).toBe('1970-01-01T00:00:00.000Z')
  })

  it('keeps the instant of any valid Date in years 1..9999, and the stamp decodes', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const s = stamp(date)
          expect(stampToEpochMs(s)).toBe(date.getTime())
          expect(StampCodec.decode(s)).toEqual({ _tag: 'Right', right: s })
          expect(isStamp(s)).toBe(true)
        },
      ),
      { numRuns: numRuns(100) },
    )
  })

  it('orders as the dates do', () => {
    fc.assert(
      fc.property(
        fc.date({ noInvalidDate: true, min: new Date(0) }),
        fc.date({ noInvalidDate: true, min: new Date(0) }),
        (a, b) => {
          fc.pre(a.getUTCFullYear() <= 9999 && b.getUTCFullYear() <= 9999)
          expect(compareStamps(stamp(a), stamp(b))).toBe(Math.sign(a.getTime() - b.getTime()))
        },
      ),
      { numRuns: numRuns(100) },
    )
  })

  it('takes a string once it is checked, unchanged', () => {
    expect(stamp('2026-03-01T10:00:00Z')).toBe('2026-03-01T10:00:00Z')
    expect(stamp('2008-10-30T14:52:03.2810001')).toBe('2008-10-30T14:52:03.2810001')
  })

  it('throws a RangeError that says why for what is not a stamp', () => {
    expect(() => stamp('2026-02-30T10:00:00Z')).toThrow(new RangeError('not a stamp: day 30 does not exist in 2026-02'))
    expect(() => stamp('yesterday')).toThrow(RangeError)
    expect(() => stamp(new Date(Number.NaN))).toThrow(new RangeError('not a stamp: the Date is invalid'))
    expect(() => stamp(new Date('+010000-01-01T00:00:00Z'))).toThrow(RangeError)
    // A valid Date past year 9999: the message shows its ISO text, then why it is not a stamp.
    expect(() => stamp(new Date('+010000-01-01T00:00:00Z'))).toThrow(
      /^not a stamp: \+010000-01-01T00:00:00\.000Z \(.+\)$/,
    )
  })

  it('isStamp agrees with StampCodec on any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        ),
        (s) => {
          expect(isStamp(s)).toBe(StampCodec.decode(s)._tag === 'Right')
        },
      ),
      { numRuns: numRuns(200) },
    )
  })

  it('is the same function from syncwire/sdata', () => {
    expect(sdata.stamp).toBe(stamp)
    expect(sdata.isStamp).toBe(isStamp)
  })
})
