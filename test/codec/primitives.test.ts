import fc from 'fast-check'
import { either as E } from 'fp-ts'
import type * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  Binary,
  bytesToBase64,
  compareDateTime,
  compareHex,
  compareStamps,
  DateTimeCodec,
  DotNetBoolean,
  dateTimeToEpochMs,
  FileSyncInt,
  formBoolean,
  Guid,
  guidEquals,
  HexString,
  NonNegativeInteger,
  Null,
  orNull,
  reportErrors,
  SafeInteger,
  StampCodec,
  stampToEpochMs,
  Uuid,
  uuidEquals,
  XsBoolean,
} from '../../src/codec/index'
import type { Stamp } from '../../src/sdata/index'
import { base64Reason, decoded } from '../support/decode'

function message<A>(codec: t.Type<A, string, string>, s: string): string {
  const r = codec.decode(s)
  if (E.isRight(r)) throw new Error(`${s} decoded`)
  return reportErrors(r.left)[0]!.message
}

const MAX = Number.MAX_SAFE_INTEGER

describe('NonNegativeInteger', () => {
  it('decode ∘ encode = id on non-negative safe integers', () => {
    fc.assert(fc.property(fc.maxSafeNat(), (n) => decoded(NonNegativeInteger, NonNegativeInteger.encode(n)) === n))
  })

  it('encode ∘ decode = id on canonical digit strings', () => {
    fc.assert(
      fc.property(fc.maxSafeNat().map(String), (s) => NonNegativeInteger.encode(decoded(NonNegativeInteger, s)) === s),
    )
  })

  it('rejects every value past 2^53-1 instead of rounding it', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 2n ** 53n, max: 10n ** 30n }), (n) =>
        E.isLeft(NonNegativeInteger.decode(n.toString())),
      ),
    )
    expect(decoded(NonNegativeInteger, String(MAX))).toBe(MAX)
    expect(message(NonNegativeInteger, '9007199254740992')).toBe(
      'expected a non-negative safe integer, found "9007199254740992" (past 2^53-1)',
    )
  })

  it('accepts exactly the strings of decimal digits, XML white space around collapsed (no sign, exponent, hex)', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('0', '1', '9', '+', '-', ' ', 'e', 'x', '.', 'a', '\t', '\n'),
          maxLength: 6,
        }),
        (s) => {
          const accepted = E.isRight(NonNegativeInteger.decode(s))
          return accepted === /^[ \t\n]*[0-9]+[ \t\n]*$/.test(s)
        },
      ),
    )
    expect(NonNegativeInteger.decode(' 1\n')).toEqual(E.right(1))
    for (const s of ['', '-1', '+1', '1 2', '1e3', '0x1F', '1.0'])
      expect(E.isLeft(NonNegativeInteger.decode(s))).toBe(true)
    expect(message(NonNegativeInteger, 'abc')).toBe('expected a non-negative safe integer, found "abc"')
  })

  it('reads leading zeros and writes the canonical form', () => {
    expect(decoded(NonNegativeInteger, '007')).toBe(7)
    expect(NonNegativeInteger.encode(7)).toBe('7')
  })
})

describe('FileSyncInt', () => {
  it('decode ∘ encode = id on 0..2147483647', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2147483647 }), (n) => decoded(FileSyncInt, FileSyncInt.encode(n)) === n),
    )
  })

  it('rejects values past 2147483647', () => {
    fc.assert(fc.property(fc.integer({ min: 2147483648, max: MAX }), (n) => E.isLeft(FileSyncInt.decode(String(n)))))
    expect(message(FileSyncInt, '2147483648')).toBe('expected an Int (0..2147483647), found "2147483648" (too large)')
  })
})

describe('the integer guards', () => {
  it('is() accepts exactly the values each codec writes', () => {
    for (const [codec, ok, bad] of [
      [NonNegativeInteger, [0, 7, MAX], [-1, 1.5, MAX + 1, '5', Number.NaN]],
      [FileSyncInt, [0, 2147483647], [-1, 2147483648, 1.5, '5']],
      [SafeInteger, [-MAX, -3, 0, MAX], [MAX + 1, 0.5, '3']],
    ] as const) {
      for (const v of ok) expect(codec.is(v)).toBe(true)
      for (const v of bad) expect(codec.is(v)).toBe(false)
    }
  })
  it('FileSyncInt names what is not digits', () => {
    expect(message(FileSyncInt, 'x1')).toBe('expected an Int (0..2147483647), found "x1"')
    expect(message(FileSyncInt, '-1')).toBe('expected an Int (0..2147483647), found "-1"')
  })
})

describe('SafeInteger', () => {
  it('decode ∘ encode = id on safe integers, negative ones included', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => decoded(SafeInteger, SafeInteger.encode(n)) === n))
  })

  it('reads a sign and rejects unsafe values', () => {
    expect(decoded(SafeInteger, '+3')).toBe(3)
    expect(Object.is(decoded(SafeInteger, '-0'), 0)).toBe(true)
    expect(E.isLeft(SafeInteger.decode('-9007199254740992'))).toBe(true)
    expect(E.isLeft(SafeInteger.decode('1.5'))).toBe(true)
  })
})

const pad = (n: number, w: number) => String(n).padStart(w, '0')
const dateTimeText = (maxFraction: number) =>
  fc
    .record({
      year: fc.integer({ min: 1, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      second: fc.integer({ min: 0, max: 59 }),
      fraction: fc.string({ unit: fc.constantFrom('0', '1', '5', '9'), maxLength: maxFraction }),
      zone: fc.constantFrom('', 'Z', '+00:00', '-05:30', '+14:00'),
    })
    .map(
      (p) =>
        `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}T${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}` +
        `${p.fraction === '' ? '' : `.${p.fraction}`}${p.zone}`,
    )

describe('DateTimeCodec', () => {
  it('encode ∘ decode = id on xs:dateTime text with 0–7 fraction digits (kept lexically)', () => {
    fc.assert(fc.property(dateTimeText(7), (s) => DateTimeCodec.encode(decoded(DateTimeCodec, s)) === s))
  })

  it('rejects more than 7 fraction digits, impossible dates and other text', () => {
    expect(message(DateTimeCodec, '2025-11-07T22:06:33.00000001Z')).toBe(
      'expected an xs:dateTime, found "2025-11-07T22:06:33.00000001Z" (more than 7 fraction digits)',
    )
    expect(message(DateTimeCodec, '2025-02-30T10:00:00Z')).toBe(
      'expected an xs:dateTime, found "2025-02-30T10:00:00Z" (day 30 does not exist in 2025-02)',
    )
    expect(E.isLeft(DateTimeCodec.decode('2025-11-07 22:06:33Z'))).toBe(true)
  })

  it('orders at full precision, consistently with epoch ms where milliseconds differ', () => {
    fc.assert(
      fc.property(dateTimeText(7), dateTimeText(7), (a, b) => {
        const c = compareDateTime(a, b)
        expect(compareDateTime(b, a)).toBe(-c)
        const ms = Math.sign(dateTimeToEpochMs(a) - dateTimeToEpochMs(b))
        if (ms !== 0) expect(c).toBe(ms)
      }),
    )
    expect(compareDateTime('2025-11-07T22:06:33.0000001Z', '2025-11-07T22:06:33Z')).toBe(1)
  })
})

describe('StampCodec', () => {
  it('encode ∘ decode = id on stamps with any number of fraction digits', () => {
    fc.assert(fc.property(dateTimeText(20), (s) => StampCodec.encode(decoded(StampCodec, s)) === s))
  })

  it('compareStamps and stampToEpochMs read a zoneless stamp as UTC unless told otherwise', () => {
    const zoneless = '2013-06-15T08:00:00' as Stamp
    const utc = '2013-06-15T08:00:00Z' as Stamp
    expect(compareStamps(zoneless, utc)).toBe(0)
    expect(compareStamps(zoneless, utc, 60)).toBe(-1)
    expect(stampToEpochMs(zoneless)).toBe(Date.UTC(2013, 5, 15, 8))
    expect(compareStamps('2008-10-30T14:52:03.28100000001Z' as Stamp, '2008-10-30T14:52:03.281Z' as Stamp)).toBe(1)
  })
})

describe('booleans', () => {
  const forms = fc.constantFrom('true', 'false', '1', '0', 'True', 'False')

  it('XsBoolean: decode ∘ encode = id, and the strict form is written', () => {
    fc.assert(fc.property(fc.boolean(), (b) => decoded(XsBoolean, XsBoolean.encode(b)) === b))
    fc.assert(fc.property(forms, (s) => ['true', 'false'].includes(XsBoolean.encode(decoded(XsBoolean, s)))))
    expect(decoded(XsBoolean, 'True')).toBe(true)
    expect(decoded(XsBoolean, '0')).toBe(false)
  })

  it('formBoolean: encode ∘ decode = id on every accepted form', () => {
    fc.assert(fc.property(forms, (s) => DotNetBoolean.encode(decoded(DotNetBoolean, s)) === s))
    const sdataLike = formBoolean('true', 'false')
    fc.assert(fc.property(forms, (s) => sdataLike.encode(decoded(sdataLike, s)) === s))
  })

  it('formBoolean: drops the default form and writes it for values built by hand', () => {
    expect(decoded(DotNetBoolean, 'False')).toStrictEqual({ value: false })
    expect(decoded(DotNetBoolean, 'true')).toStrictEqual({ value: true, lexical: 'true' })
    expect(DotNetBoolean.encode({ value: true })).toBe('True')
    expect(DotNetBoolean.encode({ value: false, lexical: 'true' })).toBe('False')
  })

  it('reads any letter case and collapses white space (the same reader as the protocol codecs), rejects the rest', () => {
    expect(XsBoolean.decode('TRUE')).toEqual(E.right(true))
    expect(XsBoolean.decode(' fAlSe\n')).toEqual(E.right(false))
    for (const s of ['yes', 't', '', '2', 'true false']) expect(E.isLeft(XsBoolean.decode(s))).toBe(true)
    expect(message(XsBoolean, 'yes')).toBe('expected a boolean (true, false, 1 or 0, in any letter case), found "yes"')
  })
})

const hexText = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: 1, maxLength: 40 })

describe('HexString', () => {
  it('encode ∘ decode = id, case preserved', () => {
    fc.assert(fc.property(hexText, (s) => HexString.encode(decoded(HexString, s)) === s))
    expect(E.isLeft(HexString.decode('0x1'))).toBe(true)
    expect(E.isLeft(HexString.decode(''))).toBe(true)
  })

  it('compareHex orders as the numbers denoted (any length, any case, leading zeros ignored)', () => {
    fc.assert(
      fc.property(hexText, hexText, (a, b) => {
        const x = BigInt(`0x${a}`)
        const y = BigInt(`0x${b}`)
        return compareHex(a, b) === (x < y ? -1 : x > y ? 1 : 0)
      }),
    )
    expect(compareHex('000FF', 'ff')).toBe(0)
    expect(compareHex('ff', '100')).toBe(-1)
  })
})

describe('Binary', () => {
  const bytes = fc.uint8Array({ maxLength: 64 })

  it('decode ∘ encode = id on bytes', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        expect(decoded(Binary, Binary.encode(b))).toEqual(b)
      }),
    )
  })

  it('writes standard padded base64 (agrees with btoa)', () => {
    fc.assert(fc.property(bytes, (b) => bytesToBase64(b) === btoa(String.fromCharCode(...b))))
  })

  it('encode ∘ decode = id on accepted text: only the canonical encoding is accepted', () => {
    const text = fc.string({ unit: fc.constantFrom(...'AQgw/+Zz09='), maxLength: 12 })
    fc.assert(
      fc.property(text, (s) => {
        const r = Binary.decode(s)
        return E.isLeft(r) || Binary.encode(r.right) === s
      }),
    )
  })

  it('decodes a real 20-byte QuickXorHash', () => {
    expect(decoded(Binary, '/OZdjS353Y0rw461Bmv7HobCfeg=').length).toBe(20)
    expect(decoded(Binary, '')).toEqual(new Uint8Array())
  })

  it('rejects whitespace, URL-safe letters, bad padding and non-canonical bits', () => {
    for (const s of ['AQ I', 'AQID\n', 'AQ-_', 'AQ=', 'A===', 'AQ=A', 'QR=='])
      expect(E.isLeft(Binary.decode(s))).toBe(true)
    expect(base64Reason('QR==')).toBe('non-zero padding bits (not the canonical encoding)')
    expect(message(Binary, 'AQ I')).toBe(
      'expected base64 binary, found "AQ I" (character " " at offset 2 is not in the base64 alphabet)',
    )
  })
})

describe('Null', () => {
  it('decode ∘ encode = id, and only the empty string is Null', () => {
    expect(decoded(Null, Null.encode(null))).toBe(null)
    fc.assert(fc.property(fc.string({ minLength: 1 }), (s) => E.isLeft(Null.decode(s))))
  })

  it('orNull: decode ∘ encode = id on values and null', () => {
    const Size = orNull(NonNegativeInteger)
    fc.assert(fc.property(fc.option(fc.maxSafeNat(), { nil: null }), (v) => decoded(Size, Size.encode(v)) === v))
  })
})

const swapCase = (s: string) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('')
const hexDigits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: n, maxLength: n })

describe('Guid and Uuid', () => {
  const guid = hexDigits(32)
  const uuid = fc
    .tuple(hexDigits(8), hexDigits(4), hexDigits(4), hexDigits(4), hexDigits(12))
    .map((parts) => parts.join('-'))

  it('encode ∘ decode = id (case preserved) and equality ignores case', () => {
    fc.assert(fc.property(guid, (g) => Guid.encode(decoded(Guid, g)) === g && guidEquals(g, swapCase(g))))
    fc.assert(fc.property(uuid, (u) => Uuid.encode(decoded(Uuid, u)) === u && uuidEquals(u, swapCase(u))))
  })

  it('tells different ids apart and rejects other forms', () => {
    expect(guidEquals('f0ce10dfa5334200b28631f7d2066eab', 'f0ce10dfa5334200b28631f7d2066eac')).toBe(false)
    expect(E.isLeft(Guid.decode('{f0ce10df-a533-4200-b286-31f7d2066eab}'))).toBe(true)
    expect(E.isLeft(Guid.decode('f0ce10dfa5334200b28631f7d2066ea'))).toBe(true)
    expect(E.isLeft(Uuid.decode('f0ce10dfa5334200b28631f7d2066eab'))).toBe(true)
    expect(decoded(Uuid, '74926A0D-D2C0-4daa-9D36-5B5F4D7B3C1E')).toBe('74926A0D-D2C0-4daa-9D36-5B5F4D7B3C1E')
  })
})
