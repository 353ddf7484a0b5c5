// Exact decoders for the single-byte encodings XML documents declare most: ISO-8859-1, US-ASCII and windows-1252.
// Implements ISO/IEC 8859-1, ANSI X3.4 (US-ASCII) and the WHATWG Encoding Standard's windows-1252 index.

/** The single-byte encodings syncwire decodes itself. */
export type SingleByteEncoding = 'iso-8859-1' | 'us-ascii' | 'windows-1252'

// WHATWG's TextDecoder reads all three names as windows-1252, and some runtimes (Node 20) decode windows-1252 as
// ISO-8859-1: decoding them here gives each what its name says, the same in every runtime.
const LABELS: ReadonlyMap<string, SingleByteEncoding> = new Map([
  // US-ASCII's IANA name and aliases, and WHATWG's `ascii`.
  ...[
    'us-ascii',
    'ascii',
    'ansi_x3.4-1968',
    'ansi_x3.4-1986',
    'iso_646.irv:1991',
    'iso646-us',
    'iso-ir-6',
    'csascii',
    'us',
    'ibm367',
    'cp367',
  ].map((l) => [l, 'us-ascii'] as const),
  ...['iso-8859-1', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'latin1', 'l1', 'iso-ir-100'].map(
    (l) => [l, 'iso-8859-1'] as const,
  ),
  ...['csisolatin1', 'ibm819', 'cp819'].map((l) => [l, 'iso-8859-1'] as const),
  ...['windows-1252', 'cp1252', 'x-cp1252'].map((l) => [l, 'windows-1252'] as const),
])

// windows-1252 bytes 0x80–0x9F (the WHATWG index; five bytes there stay C1 controls, as in ISO-8859-1).
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178'

/** Whether a decoder name (as `sniffEncoding` gives it) is one of the single-byte encodings syncwire decodes itself. */
export const isSingleByte = (name: string): name is SingleByteEncoding =>
  name === 'iso-8859-1' || name === 'us-ascii' || name === 'windows-1252'

/** The single-byte encoding an (ASCII case-insensitive) label names, or `undefined`. */
export function singleByteEncoding(label: string): SingleByteEncoding | undefined {
  return LABELS.get(label.toLowerCase())
}

/** Offset of the first byte that is not valid in `encoding` (only US-ASCII has any: 0x80–0xFF), else `undefined`. */
export function singleByteFault(bytes: Uint8Array, encoding: SingleByteEncoding): number | undefined {
  if (encoding !== 'us-ascii') return undefined
  const i = bytes.findIndex((b) => b >= 0x80)
  return i < 0 ? undefined : i
}

/** Decodes bytes one character per byte (US-ASCII bytes must have been checked with {@link singleByteFault}). */
export function decodeSingleByte(bytes: Uint8Array, encoding: SingleByteEncoding): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[])
  }
  return encoding === 'windows-1252'
    ? out.replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!)
    : out
}
