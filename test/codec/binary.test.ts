// base64 as `Binary` and `base64ToBytes` read it (src/codec/binary.ts): strict canonical base64 (RFC 4648 §4, padded,
// the unused low bits of the last sextet zero), checked and decoded in one pass; refused text gets its reason.

import * as fc from 'fast-check'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { Binary, base64ToBytes, bytesToBase64 } from '../../src/codec/index'
import { base64Reason } from '../support/decode'

// The oracle: canonical padded base64 by RFC 4648 §4 and §3.5 (pad bits zero), written as one expression.
const CANONICAL = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?$/

const atobBytes = (s: string): Uint8Array => Uint8Array.from(atob(s), (c) => c.charCodeAt(0))

// Few symbols, so that padding, group lengths and pad bits all come up often; a character outside the alphabet too.
const symbols = fc.constantFrom('A', 'Q', 'g', 'B', '/', '+', '9', '=', '=', '-', ' ')
const texts = fc.array(symbols, { maxLength: 14 }).map((cs) => cs.join(''))

describe('base64ToBytes and Binary', () => {
  it('accept exactly canonical padded base64, with the bytes atob reads', () => {
    fc.assert(
      fc.property(texts, (s) => {
        const bytes = base64ToBytes(s)
        if (CANONICAL.test(s)) {
          expect(bytes).toEqual(atobBytes(s))
          expect(bytesToBase64(bytes!)).toBe(s)
          expect(E.isRight(Binary.decode(s))).toBe(true)
        } else {
          expect(bytes).toBeUndefined()
          // Refused with a reason of its own, never a blank one.
          expect(base64Reason(s)).toMatch(/^[a-z]/)
        }
      }),
      { numRuns: 3000 },
    )
  })

  it('read back any bytes they were written from', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes)
      }),
    )
  })

  it('refuse a last group whose unused bits are set, and any symbol outside the alphabet in any group', () => {
    for (const s of ['AB==', 'AAB=', 'AA-A', '-AAA', 'AAAA AAA', 'A===', '=AAA', 'AA=A'])
      expect([s, base64ToBytes(s)]).toEqual([s, undefined])
  })
})
