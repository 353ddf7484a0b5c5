// Test helper, not a test file: UTF-8 text to bytes and back with the platform's TextEncoder/TextDecoder, so the
// tests' bytes do not come from the library's own UTF-8 code.

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
