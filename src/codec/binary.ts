// The MS-FILESYNC `Binary` type: RFC 4648 base64 text ↔ bytes, strict, with no Node Buffer and no atob.
// Implements MS-FILESYNC §2.2 (Binary), RFC 4648 §4 and docs/decisions.md#f9.
import * as t from 'io-ts'
import { foundValue } from './lexical'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const VALUE = new Int16Array(128).fill(-1)
const PAD = 61 // =
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i

function sextet(s: string, i: number): number {
  const code = s.charCodeAt(i)
  return code < 128 ? VALUE[code]! : -1
}

/**
 * Why `s` is not strict base64, or `undefined`: the standard alphabet only (no URL-safe `-`/`_`), no whitespace or
 * line breaks, length a multiple of 4, `=` padding only at the end, and the unused low bits of the last character
 * zero (RFC 4648 §3.5) — so every accepted text is the one encoding of its bytes and re-encodes byte-exact.
 *
 * @example
 * ```ts
 * base64Problem('QQ==') // undefined
 * base64Problem('QR==') // 'non-zero padding bits (not the canonical encoding)'
 * ```
 */
export function base64Problem(s: string): string | undefined {
  if (s.length % 4 !== 0) return `length ${s.length} is not a multiple of 4`
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0
  const end = s.length - pad
  for (let i = 0; i < end; i++) {
    if (sextet(s, i) < 0) return `character ${JSON.stringify(s[i])} at offset ${i} is not in the base64 alphabet`
  }
  // Before `==` the last character carries 4 unused low bits, before `=` 2; they must be zero.
  if (pad > 0 && (sextet(s, end - 1) & (pad === 2 ? 0x0f : 0x03)) !== 0) {
    return 'non-zero padding bits (not the canonical encoding)'
  }
  return undefined
}

/**
 * Decodes strict base64 (standard alphabet, no whitespace, `=` only at the end, zero unused bits) to bytes, or
 * `undefined` when it is not strict base64.
 *
 * @example
 * ```ts
 * base64ToBytes('AQID') // Uint8Array [1, 2, 3]
 * ```
 */
export function base64ToBytes(s: string): Uint8Array | undefined {
  // One pass: every sextet read is checked (any character outside the alphabet makes `bad` negative) and decoded.
  const len = s.length
  if (len % 4 !== 0) return undefined
  const pad = len > 0 && s.charCodeAt(len - 1) === PAD ? (s.charCodeAt(len - 2) === PAD ? 2 : 1) : 0
  const bytes = new Uint8Array((len / 4) * 3 - pad)
  const whole = len - (pad > 0 ? 4 : 0)
  let bad = 0
  let j = 0
  let i = 0
  for (; i < whole; i += 4) {
    const a = sextet(s, i)
    const b = sextet(s, i + 1)
    const c = sextet(s, i + 2)
    const d = sextet(s, i + 3)
    bad |= a | b | c | d
    const n = (a << 18) | (b << 12) | (c << 6) | d
    bytes[j] = n >> 16
    bytes[j + 1] = n >> 8
    bytes[j + 2] = n
    j += 3
  }
  if (pad > 0) {
    // The last group: two sextets before `==`, three before `=`; the unused low bits of the last one are zero.
    const a = sextet(s, i)
    const b = sextet(s, i + 1)
    const c = pad === 1 ? sextet(s, i + 2) : 0
    if ((a | b | c) < 0 || ((pad === 2 ? b : c) & (pad === 2 ? 0x0f : 0x03)) !== 0) return undefined
    bytes[j] = (a << 2) | (b >> 4)
    if (pad === 1) bytes[j + 1] = (b << 4) | (c >> 2)
  }
  return bad < 0 ? undefined : bytes
}

/**
 * Encodes bytes as padded base64 (RFC 4648 §4).
 *
 * @example
 * ```ts
 * bytesToBase64(new Uint8Array([1, 2, 3])) // 'AQID'
 * ```
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i]! << 16
    out += `${ALPHABET[n >> 18]!}${ALPHABET[(n >> 12) & 63]!}==`
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8)
    out += `${ALPHABET[n >> 18]!}${ALPHABET[(n >> 12) & 63]!}${ALPHABET[(n >> 6) & 63]!}=`
  }
  return out
}

/**
 * `Binary`: strict RFC 4648 base64 ↔ `Uint8Array` (standard alphabet only, no whitespace, `=` padding only at the
 * end, the unused bits zero: so each text is the one encoding of its bytes). The empty text is zero bytes. Because only canonical text is accepted, encode ∘ decode gives back the text read.
 *
 * @example
 * ```ts
 * Binary.decode('/OZdjS353Y0rw461Bmv7HobCfeg=') // right(Uint8Array(20))
 * Binary.decode('AQ I=') // left
 * ```
 */
export const Binary: t.Type<Uint8Array, string, string> = new t.Type<Uint8Array, string, string>(
  'base64 binary',
  (u): u is Uint8Array => u instanceof Uint8Array,
  (s, c) => {
    if (typeof s !== 'string') return t.failure(s, c, `expected base64 binary, found a ${typeof s}`)
    const bytes = base64ToBytes(s)
    if (bytes !== undefined) return t.success(bytes)
    return t.failure(s, c, `expected base64 binary, found ${foundValue(s)} (${base64Problem(s)})`)
  },
  bytesToBase64,
)
