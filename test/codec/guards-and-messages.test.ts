import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  attribute,
  Binary,
  base64ToBytes,
  children,
  compareHex,
  DateTimeCodec,
  DotNetBoolean,
  element,
  FileSyncInt,
  formBoolean,
  fromXml,
  Guid,
  guidEquals,
  HexString,
  NonNegativeInteger,
  Null,
  orNull,
  qname,
  record,
  reportErrors,
  SafeInteger,
  StampCodec,
  Uuid,
  uuidEquals,
  XsBoolean,
  xmlNamespace,
} from '../../src/codec/index'
import { base64Reason, describedAs } from '../support/decode'
import { decodeIssue } from '../support/issues'

// Raised from mutation testing (issue 7): the `is` guards, the exact messages for non-strings and long inputs (cut at
// a fixed length), and the boundaries each primitive checks were not asserted anywhere.

// io-ts decoders take their input type; these tests feed them anything, as a caller holding `unknown` would.
const message = (codec: { decode: (u: never) => E.Either<t.Errors, unknown> }, u: unknown): string | undefined => {
  const r = codec.decode(u as never)
  return E.isLeft(r) ? r.left[0]!.message : undefined
}

const s40 = 'x'.repeat(40)
const s41 = 'y'.repeat(41)
const cut = (s: string, keep: number) => JSON.stringify(`${s.slice(0, keep)}...`)

describe('codec guards: is() accepts exactly the decoded values', () => {
  it.each([
    ['NonNegativeInteger', NonNegativeInteger, [0, 7, Number.MAX_SAFE_INTEGER], [-1, 1.5, 2 ** 53, '5', null]],
    ['FileSyncInt', FileSyncInt, [0, 2147483647], [-1, 2147483648, 0.5, '1', null]],
    ['SafeInteger', SafeInteger, [-5, 0, Number.MAX_SAFE_INTEGER], [2 ** 53, 0.5, '1', null]],
    ['XsBoolean', XsBoolean, [true, false], ['true', 1, null]],
    [
      'DotNetBoolean',
      DotNetBoolean,
      [{ value: true }, { value: false, lexical: '0' }],
      [true, null, { value: 'true' }, {}],
    ],
    ['DateTimeCodec', DateTimeCodec, ['2025-11-07T22:06:33.1234567Z'], ['2025-11-07T22:06:33.12345678Z', 'x', 5, null]],
    ['StampCodec', StampCodec, ['2025-11-07T22:06:33.12345678Z', '2013-06-15T08:00:00'], ['2025-02-30T00:00:00Z', 5]],
    ['Guid', Guid, ['0123456789abcdef0123456789ABCDEF'], ['0123456789abcdef0123456789ABCDE', 5, null]],
    ['Uuid', Uuid, ['01234567-89ab-cdef-0123-456789ABCDEF'], ['0123456789abcdef0123456789ABCDEF', 5]],
    ['HexString', HexString, ['0aF9'], ['0g', 5, null]],
    ['Null', Null, [null], ['', undefined, 0]],
    ['orNull(FileSyncInt)', orNull(FileSyncInt), [null, 5], ['', -1, '5']],
    ['Binary', Binary, [Uint8Array.of(1)], [[1], 'AQ==']],
  ] as const)('%s', (_, codec, good, bad) => {
    for (const u of good) expect((codec as t.Type<unknown>).is(u)).toBe(true)
    for (const u of bad) expect((codec as t.Type<unknown>).is(u)).toBe(false)
  })
})

describe('codec messages: non-strings, and long inputs cut to a fixed length', () => {
  it('integers', () => {
    expect(message(NonNegativeInteger, 5)).toBe('expected a non-negative safe integer, found a number')
    expect(message(NonNegativeInteger, s40)).toBe(`expected a non-negative safe integer, found ${JSON.stringify(s40)}`)
    expect(message(NonNegativeInteger, s41)).toBe(`expected a non-negative safe integer, found ${cut(s41, 37)}`)
    expect(message(FileSyncInt, null)).toBe('expected an Int (0..2147483647), found a object')
    expect(message(FileSyncInt, '-1')).toBe('expected an Int (0..2147483647), found "-1"')
    expect(message(FileSyncInt, '2147483648')).toBe('expected an Int (0..2147483647), found "2147483648" (too large)')
    expect(FileSyncInt.decode('2147483647')).toEqual(E.right(2147483647))
    expect(message(SafeInteger, true)).toBe('expected a safe integer, found a boolean')
    expect(message(SafeInteger, '1.5')).toBe('expected a safe integer, found "1.5"')
    expect(message(SafeInteger, '-9007199254740992')).toBe(
      'expected a safe integer, found "-9007199254740992" (beyond ±(2^53-1))',
    )
    expect(SafeInteger.decode('-9007199254740991')).toEqual(E.right(-Number.MAX_SAFE_INTEGER))
    expect(SafeInteger.encode(-0)).toBe('0')
  })

  it('booleans', () => {
    expect(message(XsBoolean, 1)).toBe('expected a boolean (true, false, 1 or 0, in any letter case), found a number')
    expect(message(XsBoolean, s41)).toBe(
      `expected a boolean (true, false, 1 or 0, in any letter case), found ${cut(s41, 37)}`,
    )
    expect(message(XsBoolean, s40)).toBe(
      `expected a boolean (true, false, 1 or 0, in any letter case), found ${JSON.stringify(s40)}`,
    )
    expect(message(DotNetBoolean, 'yes')).toBe(
      'expected a boolean (true, false, 1 or 0, in any letter case), found "yes"',
    )
    expect(DotNetBoolean.name).toBe('a boolean (written True/False)')
    expect(formBoolean().encode({ value: true })).toBe('True')
    expect(formBoolean().encode({ value: false })).toBe('False')
    expect(formBoolean('1', '0').name).toBe('a boolean (written 1/0)')
    expect(DotNetBoolean.encode({ value: true, lexical: 'false' })).toBe('True')
    expect(DotNetBoolean.encode({ value: false, lexical: '0' })).toBe('0')
  })

  it('dates and stamps', () => {
    expect(message(DateTimeCodec, 5)).toBe('expected an xs:dateTime, found a number')
    expect(message(DateTimeCodec, '2025-11-07T22:06:33.12345678Z')).toBe(
      'expected an xs:dateTime, found "2025-11-07T22:06:33.12345678Z" (more than 7 fraction digits)',
    )
    expect(DateTimeCodec.decode('2025-11-07T22:06:33.1234567Z')).toEqual(E.right('2025-11-07T22:06:33.1234567Z'))
    expect(message(DateTimeCodec, `2025-11-07T22:06:33Z${'0'.repeat(30)}`)).toMatch(
      /^expected an xs:dateTime, found "2025-11-07T22:06:33Z0{17}\.\.\." \(/,
    )
    expect(message(StampCodec, null)).toBe('expected a stamp (xs:dateTime), found a object')
    expect(message(StampCodec, 'x')).toMatch(/^expected a stamp \(xs:dateTime\), found "x" \(/)
  })

  it('GUIDs, UUIDs and hex', () => {
    expect(message(Guid, 5)).toBe('expected a GUID (32 hex digits), found a number')
    expect(message(Uuid, undefined)).toBe('expected a UUID (8-4-4-4-12 hex digits), found a undefined')
    const s48 = 'g'.repeat(48)
    const s49 = 'h'.repeat(49)
    expect(message(Guid, s48)).toBe(`expected a GUID (32 hex digits), found ${JSON.stringify(s48)}`)
    expect(message(Guid, s49)).toBe(`expected a GUID (32 hex digits), found ${cut(s49, 45)}`)
    expect(message(Uuid, s49)).toBe(`expected a UUID (8-4-4-4-12 hex digits), found ${cut(s49, 45)}`)
    expect(Guid.decode('0123456789abcdef0123456789ABCDEF')).toEqual(E.right('0123456789abcdef0123456789ABCDEF'))
    expect(message(HexString, 'xyz')).toBe('expected a hex string (0-9, A-F), found "xyz"')
    expect(message(HexString, 7)).toBe('expected a hex string (0-9, A-F), found a number')
    expect(message(HexString, s40)).toBe(`expected a hex string (0-9, A-F), found ${JSON.stringify(s40)}`)
    expect(message(HexString, s41)).toBe(`expected a hex string (0-9, A-F), found ${cut(s41, 37)}`)
    expect(HexString.decode('00aF')).toEqual(E.right('00aF'))
  })

  it('Null and orNull', () => {
    expect(message(Null, 'a')).toBe('expected Null (the empty string), found "a"')
    expect(message(Null, 0)).toBe('expected Null (the empty string), found a number')
    expect(message(Null, s40)).toBe(`expected Null (the empty string), found ${JSON.stringify(s40)}`)
    expect(message(Null, s41)).toBe(`expected Null (the empty string), found ${cut(s41, 37)}`)
    expect(orNull(FileSyncInt).name).toBe('an Int (0..2147483647) or Null')
  })

  it('describeValue', () => {
    expect(describedAs(undefined)).toBe('none')
    expect(describedAs(null)).toBe('null')
    expect(describedAs(true)).toBe('true')
    expect(describedAs(10n)).toBe('10')
    expect(describedAs(1.5)).toBe('1.5')
    expect(describedAs([1, 2])).toBe('an array of 2')
    expect(describedAs({})).toBe('a object')
    expect(describedAs(() => 0)).toBe('a function')
    expect(describedAs('z'.repeat(80))).toBe(JSON.stringify('z'.repeat(80)))
    expect(describedAs('z'.repeat(81))).toBe(cut('z'.repeat(81), 77))
    const el = { type: 'element', namespace: null, localName: 'x', prefix: 'p', attributes: [], children: [] }
    expect(describedAs(el)).toBe('element <p:x>')
    expect(describedAs({ ...el, prefix: null })).toBe('element <x>')
  })
})

describe('codec boundaries: base64 and hex ordering', () => {
  it('base64: canonical padding bits, characters past ASCII, several groups', () => {
    expect(base64Reason('AB==')).toBe('non-zero padding bits (not the canonical encoding)')
    expect(base64Reason('AA==')).toBeUndefined()
    // Before `==` all four low bits are unused, not only the two that are unused before `=`.
    expect(base64Reason('AE==')).toBe('non-zero padding bits (not the canonical encoding)')
    expect(base64Reason('AI==')).toBe('non-zero padding bits (not the canonical encoding)')
    expect(base64Reason('AQ==')).toBeUndefined()
    expect(base64Reason('AAB=')).toBe('non-zero padding bits (not the canonical encoding)')
    expect(base64Reason('AAC=')).toBe('non-zero padding bits (not the canonical encoding)')
    expect(base64Reason('AAE=')).toBeUndefined()
    expect(base64Reason('AAQ=')).toBeUndefined()
    expect(base64Reason('A\u0080AA')).toBe('character "\u0080" at offset 1 is not in the base64 alphabet')
    expect(base64Reason('A\u0141AA')).toBe('character "\u0141" at offset 1 is not in the base64 alphabet')
    expect(base64ToBytes('AB==')).toBeUndefined()
    expect(base64ToBytes('AQIDBAUG')).toEqual(Uint8Array.of(1, 2, 3, 4, 5, 6))
    expect(base64ToBytes('AQIDBAU=')).toEqual(Uint8Array.of(1, 2, 3, 4, 5))
    expect(base64ToBytes('AQIDBA==')).toEqual(Uint8Array.of(1, 2, 3, 4))
    expect(base64ToBytes('')).toEqual(new Uint8Array(0))
    expect(message(Binary, 5)).toBe('expected base64 binary, found a number')
    expect(message(Binary, 'A'.repeat(41))).toBe(
      `expected base64 binary, found ${cut('A'.repeat(41), 37)} (length 41 is not a multiple of 4)`,
    )
    expect(message(Binary, 'A'.repeat(39))).toBe(
      `expected base64 binary, found ${JSON.stringify('A'.repeat(39))} (length 39 is not a multiple of 4)`,
    )
  })

  it('compareHex: leading zeros, case, length, and order', () => {
    expect(compareHex('000', '0')).toBe(0)
    expect(compareHex('0', '00')).toBe(0)
    expect(compareHex('00ff', 'FF')).toBe(0)
    expect(compareHex('ab', 'AB')).toBe(0)
    expect(compareHex('ff', '100')).toBe(-1)
    expect(compareHex('100', 'ff')).toBe(1)
    expect(compareHex('0a', '0b')).toBe(-1)
    expect(compareHex('b', 'A')).toBe(1)
    expect(compareHex('10', '10')).toBe(0)
  })

  it('guidEquals and uuidEquals ignore case only', () => {
    expect(guidEquals('ABCDEF', 'abcdef')).toBe(true)
    expect(guidEquals('ABCDEF', 'abcdeF0')).toBe(false)
    expect(guidEquals('ABCDEF', 'abcdee')).toBe(false)
    expect(uuidEquals('01234567-89AB-cdef-0123-456789abcdef', '01234567-89ab-CDEF-0123-456789ABCDEF')).toBe(true)
    expect(uuidEquals('a', 'b')).toBe(false)
    expect(uuidEquals('a', 'aa')).toBe(false)
  })
})

describe('reportErrors: attribute paths, prefixes and fallback messages', () => {
  const x = xmlNamespace('urn:x', 'x')
  const Doc = fromXml(
    element(
      qname(null, 'r'),
      record({
        flag: attribute(x('flag'), XsBoolean),
        items: children(qname(null, 'i'), record({ n: attribute(qname(null, 'n'), NonNegativeInteger) })),
      }),
    ),
    {},
    'Doc',
  )
  const issuesOf = (text: string) => {
    const r = Doc.decode(text)
    return E.isLeft(r) ? reportErrors(r.left) : []
  }

  it('a namespaced attribute shows the codec prefix, not the document one; plain attributes show none', () => {
    expect(issuesOf('<r xmlns:y="urn:x" y:flag="maybe"><i n="1"/><i n="-1"/></r>')).toEqual([
      decodeIssue(
        'bad-value',
        '/r/@x:flag',
        'expected a boolean (true, false, 1 or 0, in any letter case), found "maybe"',
      ),
      decodeIssue('bad-value', '/r/i[2]/@n', 'expected a non-negative safe integer, found "-1"'),
    ])
  })

  it('a missing namespaced attribute is named as the codec writes it', () => {
    expect(issuesOf('<r><i n="1"/></r>')).toEqual([
      decodeIssue('missing', '/r/@x:flag', expect.stringMatching(/x:flag/)),
    ])
  })

  it('an error without a message says what was expected, from the innermost named type', () => {
    const r = t.string.decode(5)
    expect(E.isLeft(r) && reportErrors(r.left)).toEqual([decodeIssue('unexpected', '', 'expected string, found 5')])
    const nested = t.type({ a: t.array(t.number) }).decode({ a: [1, 'b'] })
    expect(E.isLeft(nested) && reportErrors(nested.left)).toEqual([
      decodeIssue('bad-value', '', 'expected number, found "b"'),
    ])
  })
})
