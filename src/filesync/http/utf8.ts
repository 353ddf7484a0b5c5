// Byte helpers over Uint8Array for the multipart framing (multipart.ts, upload.ts): concatenation and search, the CRLF
// and the boundary syntax (text goes through the platform's TextEncoder and TextDecoder).

/** CR LF, which ends header lines and precedes each delimiter. */
export const CRLF = /*#__PURE__*/ Uint8Array.of(13, 10)

/** A boundary (RFC 2046 §5.1.1): 1 to 70 characters from bchars, not ending in a space. */
export const BCHARS = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/

/** Concatenates byte arrays. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  let size = 0
  for (const c of chunks) size += c.length
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

/** Index of `needle` in `haystack` at or after `from`, or -1. */
export function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0]
  if (first === undefined) return from <= haystack.length ? from : -1
  const last = haystack.length - needle.length
  for (let i = haystack.indexOf(first, from); i !== -1 && i <= last; i = haystack.indexOf(first, i + 1)) {
    let k = 1
    while (k < needle.length && haystack[i + k] === needle[k]) k++
    if (k === needle.length) return i
  }
  return -1
}
