// Internal UTF-8 and ASCII helpers over Uint8Array, so the HTTP helpers need neither TextEncoder nor a Node Buffer
// Implements the UTF-8 encoding form of RFC 3629 (malformed input decodes to U+FFFD, as the WHATWG decoder does).

/** Encodes a string as UTF-8; lone surrogates become U+FFFD. */
export function utf8Encode(text: string): Uint8Array {
  const out: number[] = []
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00)
        i++
      } else {
        c = 0xfffd
      }
    }
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f))
  }
  return Uint8Array.from(out)
}

/** Decodes UTF-8; each maximal malformed subsequence becomes one U+FFFD. */
export function utf8Decode(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let out = ''
  const codes: number[] = []
  const flush = () => {
    out += String.fromCharCode(...codes)
    codes.length = 0
  }
  let i = start
  while (i < end) {
    const b = bytes[i]!
    let need = 0
    let cp = 0
    let lower = 0x80
    let upper = 0xbf
    if (b < 0x80) {
      codes.push(b)
      i++
    } else {
      if (b >= 0xc2 && b <= 0xdf) {
        need = 1
        cp = b & 0x1f
      } else if (b >= 0xe0 && b <= 0xef) {
        need = 2
        cp = b & 0x0f
        if (b === 0xe0) lower = 0xa0
        if (b === 0xed) upper = 0x9f
      } else if (b >= 0xf0 && b <= 0xf4) {
        need = 3
        cp = b & 0x07
        if (b === 0xf0) lower = 0x90
        if (b === 0xf4) upper = 0x8f
      }
      i++
      if (need === 0) {
        codes.push(0xfffd)
      } else {
        let ok = true
        for (let k = 0; k < need; k++) {
          const n = i < end ? bytes[i]! : -1
          if (n < lower || n > upper) {
            ok = false
            break
          }
          lower = 0x80
          upper = 0xbf
          cp = (cp << 6) | (n & 0x3f)
          i++
        }
        if (!ok) codes.push(0xfffd)
        else if (cp >= 0x10000) codes.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff))
        else codes.push(cp)
      }
    }
    if (codes.length >= 8192) flush()
  }
  flush()
  return out
}

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
