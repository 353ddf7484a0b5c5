// The kit's named value types, read and written one by one through syncwire/codec: each reads XML text leniently and
// a JSON member by its own rules, writes the canonical text, and says what it expected and what it found.
import fc from 'fast-check'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  BooleanValue,
  codecValue,
  DecimalValue,
  IntegerValue,
  isValueProblem,
  NonNegativeInteger,
  NonNegativeIntegerValue,
  StampValue,
  TextValue,
  type ValueType,
} from '../../src/codec/index'

const problem = (message: string) => ({ problem: message })

describe('isValueProblem', () => {
  it('is true only for an object whose problem is a string', () => {
    expect(isValueProblem({ problem: 'must be a string' })).toBe(true)
    expect(isValueProblem({ problem: 5 })).toBe(false)
    expect(isValueProblem({})).toBe(false)
    expect(isValueProblem(null)).toBe(false)
    expect(isValueProblem('must be a string')).toBe(false)
    expect(isValueProblem(0)).toBe(false)
  })
})

describe('TextValue', () => {
  it('keeps text exactly, and refuses a JSON member that is not a string', () => {
    expect(TextValue.read(' a \n')).toBe(' a \n')
    expect(TextValue.write(' a ')).toBe(' a ')
    expect(TextValue.readJson(' a ')).toBe(' a ')
    expect(TextValue.readJson(5)).toEqual(problem('must be a string'))
    expect(TextValue.readJson(null)).toEqual(problem('must be a string'))
    expect(TextValue.writeJson('x')).toBe('x')
    expect([TextValue.name, TextValue.jsType]).toEqual(['text', 'string'])
  })
})

describe('the integer value types', () => {
  it('read decimal digits with XML white space around, and say which integer they expected', () => {
    expect(NonNegativeIntegerValue.read(' 007\n')).toBe(7)
    expect(NonNegativeIntegerValue.read('-1')).toEqual(problem('expected a non-negative integer, found "-1"'))
    expect(NonNegativeIntegerValue.read(' x ')).toEqual(problem('expected a non-negative integer, found "x"'))
    expect(NonNegativeIntegerValue.read('9007199254740992')).toEqual(
      problem('expected a non-negative safe integer (at most 2^53 - 1), found "9007199254740992"'),
    )
    expect(IntegerValue.read(' -2 ')).toBe(-2)
    expect(IntegerValue.read('2.0')).toEqual(problem('expected an integer, found "2.0"'))
    expect(IntegerValue.read('-9007199254740992')).toEqual(
      problem('expected a safe integer (magnitude at most 2^53 - 1), found "-9007199254740992"'),
    )
    expect([NonNegativeIntegerValue.name, IntegerValue.name]).toEqual(['non-negative integer', 'integer'])
    expect([NonNegativeIntegerValue.jsType, IntegerValue.jsType]).toEqual(['number', 'number'])
  })

  it('cut a long text they could not read to 60 characters in the message', () => {
    const long = 'x'.repeat(70)
    expect(IntegerValue.read(long)).toEqual(problem(`expected an integer, found "${'x'.repeat(57)}..."`))
    const fits = 'y'.repeat(60)
    expect(IntegerValue.read(fits)).toEqual(problem(`expected an integer, found "${fits}"`))
  })

  it('write -0 as 0, and read a JSON number only when it is a safe integer of their range', () => {
    expect(IntegerValue.write(-0)).toBe('0')
    expect(NonNegativeIntegerValue.write(42)).toBe('42')
    expect(Object.is(NonNegativeIntegerValue.readJson(-0), 0)).toBe(true)
    expect(NonNegativeIntegerValue.readJson(3)).toBe(3)
    for (const bad of [-1, 1.5, 2 ** 53, '3', null, Number.NaN]) {
      expect(NonNegativeIntegerValue.readJson(bad)).toEqual(problem('must be a non-negative safe integer'))
    }
    expect(IntegerValue.readJson(-3)).toBe(-3)
    for (const bad of [1.5, -(2 ** 53), '-3', true]) {
      expect(IntegerValue.readJson(bad)).toEqual(problem('must be a safe integer'))
    }
    expect(IntegerValue.writeJson(-3)).toBe(-3)
  })

  it('read back what they write, in XML and in JSON', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(IntegerValue.read(IntegerValue.write(n))).toBe(n === 0 ? 0 : n)
        expect(IntegerValue.readJson(IntegerValue.writeJson(n))).toBe(n === 0 ? 0 : n)
      }),
      { numRuns: 50 },
    )
  })
})

describe('StampValue', () => {
  it('reads an xs:dateTime trimmed, and says why another text is not one', () => {
    expect(StampValue.read(' 2008-10-30T14:55:43Z\n')).toBe('2008-10-30T14:55:43Z')
    expect(StampValue.read('2008-10-30T14:55:43')).toBe('2008-10-30T14:55:43')
    const r = StampValue.read(' never ')
    expect(isValueProblem(r) && r.problem).toMatch(/^expected an xs:dateTime stamp, found "never" \(.+\)$/)
    expect(StampValue.write('2008-10-30T14:55:43Z' as never)).toBe('2008-10-30T14:55:43Z')
    expect([StampValue.name, StampValue.jsType]).toEqual(['stamp', 'string'])
  })

  it('reads a JSON stamp as written, or a .NET /Date(ms)/ value as its lexical form', () => {
    expect(StampValue.readJson('2008-10-30T14:55:43+01:00')).toBe('2008-10-30T14:55:43+01:00')
    expect(StampValue.readJson('/Date(1371283200000)/')).toBe('2013-06-15T08:00:00Z')
    expect(StampValue.readJson('/Date(1371283200123)/')).toBe('2013-06-15T08:00:00.123Z')
    expect(StampValue.readJson('\\/Date(0)\\/')).toBe('1970-01-01T00:00:00Z')
    // An offset gives the local time at that offset, with the offset written.
    expect(StampValue.readJson('/Date(1371283200000+0200)/')).toBe('2013-06-15T10:00:00+02:00')
    expect(StampValue.readJson('/Date(1371283200000-0130)/')).toBe('2013-06-15T06:30:00-01:30')
    expect(StampValue.readJson('/Date(-1000)/')).toBe('1969-12-31T23:59:59Z')
    expect(StampValue.writeJson('2013-06-15T08:00:00Z' as never)).toBe('2013-06-15T08:00:00Z')
  })

  it('refuses a JSON member that is neither, saying why, and a .NET date outside years 1 to 9999', () => {
    expect(StampValue.readJson(1371283200000)).toEqual(problem('must be a string'))
    const never = StampValue.readJson('never')
    expect(isValueProblem(never) && never.problem).toMatch(/^"never" is not an xs:dateTime: .+$/)
    // 253402300800000 ms is 10000-01-01T00:00:00Z; -62135596800001 ms is one ms before 0001-01-01.
    for (const text of ['/Date(253402300800000)/', '/Date(-62135596800001)/', '/Date(1e3)/', '/Date(1)']) {
      const r = StampValue.readJson(text)
      expect(isValueProblem(r) && r.problem).toMatch(
        new RegExp(`^${JSON.stringify(text).replace(/[()\\/]/g, '\\$&')} is not an xs:dateTime: .+$`),
      )
    }
    expect(StampValue.readJson('/Date(253402300799999)/')).toBe('9999-12-31T23:59:59.999Z')
    expect(StampValue.readJson('/Date(-62135596800000)/')).toBe('0001-01-01T00:00:00Z')
  })
})

describe('DecimalValue', () => {
  it('reads an xs:decimal lexically, white space around collapsed', () => {
    for (const [text, read] of [
      [' 12.50 ', '12.50'],
      ['.5', '.5'],
      ['5.', '5.'],
      ['+1', '+1'],
      ['-0.0', '-0.0'],
    ]) {
      expect(DecimalValue.read(text!)).toBe(read)
    }
    for (const text of ['1e3', '', '.', '1.2.3', 'NaN']) {
      expect(DecimalValue.read(` ${text} `)).toEqual(
        problem(`expected a decimal number, found ${JSON.stringify(text)}`),
      )
    }
    expect(DecimalValue.write('12.50')).toBe('12.50')
    expect([DecimalValue.name, DecimalValue.jsType]).toEqual(['decimal', 'string'])
  })

  it('reads a finite JSON number or a decimal string, and writes a number only when it prints back the same', () => {
    expect(DecimalValue.readJson(12.5)).toBe('12.5')
    expect(DecimalValue.readJson('12.0')).toBe('12.0')
    for (const bad of [Number.POSITIVE_INFINITY, Number.NaN, '1e3', 'abc', true, null]) {
      expect(DecimalValue.readJson(bad)).toEqual(problem('must be a decimal number'))
    }
    expect(DecimalValue.writeJson('12.5')).toBe(12.5)
    expect(DecimalValue.writeJson('12.0')).toBe('12.0')
    expect(DecimalValue.writeJson('012')).toBe('012')
    expect(DecimalValue.writeJson('-3')).toBe(-3)
  })
})

describe('BooleanValue', () => {
  it('reads true, false, 1 and 0 in any case, writes true and false, and reads only a JSON boolean', () => {
    expect(BooleanValue.read('True')).toBe(true)
    expect(BooleanValue.read(' 0 ')).toBe(false)
    expect(BooleanValue.read('FALSE')).toBe(false)
    expect(BooleanValue.read('yes')).toEqual(problem('expected a boolean (true, false, 1 or 0), found "yes"'))
    expect([BooleanValue.write(true), BooleanValue.write(false)]).toEqual(['true', 'false'])
    expect(BooleanValue.readJson(false)).toBe(false)
    expect(BooleanValue.readJson('true')).toEqual(problem('must be a boolean'))
    expect(BooleanValue.readJson(1)).toEqual(problem('must be a boolean'))
    expect(BooleanValue.writeJson(true)).toBe(true)
    expect([BooleanValue.name, BooleanValue.jsType]).toEqual(['boolean', 'boolean'])
  })
})

describe('codecValue', () => {
  it("reads and writes XML text through the codec, its first error's message as the problem", () => {
    const Count = codecValue('count', 'number', NonNegativeInteger)
    expect([Count.name, Count.jsType, Count.codec]).toEqual(['count', 'number', NonNegativeInteger])
    expect(Count.read('12')).toBe(12)
    expect(Count.read('x')).toEqual(problem('expected a non-negative safe integer, found "x"'))
    expect(Count.write(12)).toBe('12')
  })

  it('names the codec when its error has no message', () => {
    const isKind = (u: unknown): u is 'a' | 'b' => u === 'a' || u === 'b'
    const KindCodec = new t.Type<'a' | 'b', string, string>(
      'Kind',
      isKind,
      (s, c) => (isKind(s) ? t.success(s) : t.failure(s, c)),
      (k) => k,
    )
    const Kind = codecValue('kind', 'string', KindCodec)
    expect(Kind.read('a')).toBe('a')
    expect(Kind.read('c')).toEqual(problem('expected Kind'))
  })

  it('reads and writes a JSON member as the same text unless told otherwise', () => {
    const Count = codecValue('count', 'number', NonNegativeInteger)
    expect(Count.readJson('12')).toBe(12)
    expect(Count.readJson('x')).toEqual(problem('expected a non-negative safe integer, found "x"'))
    expect(Count.readJson(12)).toEqual(problem('must be a string'))
    expect(Count.writeJson(12)).toBe('12')

    const json: Pick<ValueType<number>, 'readJson' | 'writeJson'> = {
      readJson: NonNegativeIntegerValue.readJson,
      writeJson: NonNegativeIntegerValue.writeJson,
    }
    const Native = codecValue('count', 'number', NonNegativeInteger, json)
    expect(Native.readJson(12)).toBe(12)
    expect(Native.readJson('12')).toEqual(problem('must be a non-negative safe integer'))
    expect(Native.writeJson(12)).toBe(12)
    expect(Native.read('12')).toBe(12)
  })
})
