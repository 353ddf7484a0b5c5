// Building blocks shared by the arbitraries of both protocols: XML 1.0 characters and the fields of a lexical dateTime.
// Implements XML 1.0 §2.2 (Char) and XML Schema xs:dateTime's lexical form, as the FILESYNC and SData arbitraries use them.
import fc from 'fast-check'

// XML 1.0 Char, weighted towards the characters escaping must handle.
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]$/u

/** One XML 1.0 character, weighted towards `specials` (the characters escaping and parsing must handle). */
export function xmlCharArb(specials: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...specials) },
    { weight: 5, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => XML_CHAR.test(c)) },
  )
}

/** A two-digit number from `min` to `max`, zero-padded. */
export const two = (min: number, max: number): fc.Arbitrary<string> =>
  fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'))

/** Year, month, day, hour, minute and second of a lexical dateTime, zero-padded (days up to 28, valid in any month). */
export function dateTimeFields(): [
  fc.Arbitrary<string>,
  fc.Arbitrary<string>,
  fc.Arbitrary<string>,
  fc.Arbitrary<string>,
  fc.Arbitrary<string>,
  fc.Arbitrary<string>,
] {
  return [
    fc.integer({ min: 1, max: 9999 }).map((n) => String(n).padStart(4, '0')),
    two(1, 12),
    two(1, 28),
    two(0, 23),
    two(0, 59),
    two(0, 59),
  ]
}
