// Test helper, not a test file: UTF-8 text to bytes and back with the platform's TextEncoder/TextDecoder, so the
// tests' bytes do not come from the library's own UTF-8 code; and UTF-8 bytes made malformed at one place.

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { ignoreBOM: true })

/** The UTF-8 bytes of `text` (a lone surrogate becomes U+FFFD). */
export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text)
}

/** The text of UTF-8 `bytes` (a BOM is kept; a malformed sequence becomes U+FFFD). */
export function utf8Decode(bytes: Uint8Array): string {
  return decoder.decode(bytes)
}

/**
 * One way to make UTF-8 bytes invalid at a character's start (or at their end): the byte replaced by 0xFF or by a
 * lone continuation byte, or a multi-byte character's lead (and any continuation bytes but its last) put before it.
 * `at` is a fraction of the character starts; the last place is the end of the bytes, where an inserted lead is a
 * character cut off by the end of the input.
 */
export type Corruption = { kind: 'ff' | 'continuation' | 'truncated'; byte: number; lead: number[]; at: number }

/** Applies a {@link Corruption} to valid UTF-8 `bytes`: a copy, malformed from the byte the corruption chose. */
export function corrupt(bytes: Uint8Array, c: Corruption): Uint8Array {
  const starts: number[] = []
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! < 0x80 || bytes[i]! >= 0xc0) starts.push(i)
  starts.push(bytes.length)
  const edit = c.kind === 'truncated' ? starts : starts.slice(0, -1)
  const p = edit[Math.min(edit.length - 1, Math.floor(c.at * edit.length))]!
  if (c.kind === 'truncated') return Uint8Array.from([...bytes.subarray(0, p), ...c.lead, ...bytes.subarray(p)])
  const out = bytes.slice()
  out[p] = c.kind === 'ff' ? 0xff : c.byte
  return out
}
