// The one issue of a byte that is not text in its encoding, and where the first such byte is, whether the bytes
// are decoded whole or streamed.
// Serves XML 1.0 (fifth edition) §4.3.3: a fatal error for bytes that are not valid in the entity's encoding.
import { type Issue, xmlIssue } from './issue'
import { decodeSingleByte, isSingleByte, singleByteEncoding, singleByteFault } from './single-byte'

// The WHATWG TextDecoder of every runtime syncwire supports, declared here: the library compiles without DOM types.
declare const TextDecoder: new (
  label: string,
  options?: { fatal: boolean; ignoreBOM: boolean },
) => { readonly encoding: string; decode(input?: Uint8Array, options?: { stream: boolean }): string }

// IANA aliases (XML 1.0 §4.3.3 names encodings by the IANA registry) that the WHATWG labels behind TextDecoder lack,
// each with the label it stands for.
const IANA_ONLY: ReadonlyMap<string, string> = new Map([
  ['csutf8', 'utf-8'],
  ['csutf16', 'utf-16'],
  ['csutf16le', 'utf-16le'],
  ['csutf16be', 'utf-16be'],
  ['cswindows1252', 'windows-1252'],
  ['cswindows31j', 'windows-31j'],
  ['extended_unix_code_packed_format_for_japanese', 'euc-jp'],
])

/** An encoding label in lower case, an IANA-only alias replaced by the label it stands for. */
export function ianaLabel(label: string): string {
  const lower = label.toLowerCase()
  return IANA_ONLY.get(lower) ?? lower
}

/**
 * The decoder's name for an encoding label, or `undefined` when neither syncwire nor `TextDecoder` knows it. GBK
 * (`gb2312`, `x-gbk`, …) is `gb18030`: the WHATWG Encoding Standard decodes GBK with its gb18030 decoder, and Node's
 * own `gbk` decoder differs from it (no four-byte forms, `FF` read, 101 characters mapped elsewhere) where Node's
 * `gb18030` does not.
 */
export function decoderName(label: string): string | undefined {
  label = ianaLabel(label)
  const single = singleByteEncoding(label)
  if (single !== undefined) return single
  try {
    const name = new TextDecoder(label).encoding
    return name === 'gbk' ? 'gb18030' : name
  } catch {
    return undefined
  }
}

/**
 * Whether an encoding `label` (an XML declaration's, a MIME `charset`) names `encoding` (a decoder name): the same
 * decoder, or UTF-16 without a byte order for either UTF-16 (a byte-order mark then tells which).
 */
export function namesEncoding(label: string, encoding: string): boolean {
  const explicit = ianaLabel(label)
  const name = decoderName(label)
  return name === encoding || (isUtf16(encoding) && isUtf16(name) && explicit !== 'utf-16le' && explicit !== 'utf-16be')
}

/**
 * How many bytes from a fault on {@link byteFaultIssue} needs (fewer only when the input ends first): its message
 * shows them, and they tell a malformed character from one the end of the input cut off.
 */
export const FAULT_BYTES = 4

// The lenient decoder `cutOff` keeps per encoding, flushed after each use.
const PROBES = new Map<string, { decode(input?: Uint8Array, options?: { stream: boolean }): string }>()

/**
 * Whether `rest` (the bytes from a fault to the input's end, or the last bytes of a chunk) is only the start of a
 * character, which more bytes could complete: fewer than {@link FAULT_BYTES} (no character has more; an ISO-2022-JP
 * escape sequence and a character's first byte, which a stream shows only so many of, are not one).
 */
export function cutOff(rest: Uint8Array, encoding: string): boolean {
  if (rest.length === 0) return true
  if (isSingleByte(encoding) || rest.length >= FAULT_BYTES) return false
  // A lenient decoder, kept per encoding: a fault gives U+FFFD (so not ''), not a throw, which costs more than the
  // decode; flushed after each use, it starts the next with nothing held.
  const probe = PROBES.get(encoding) ?? new TextDecoder(encoding, { fatal: false, ignoreBOM: true })
  PROBES.set(encoding, probe)
  const text = probe.decode(rest, { stream: true })
  probe.decode()
  return text === ''
}

/**
 * The text of the bytes before a fault at `at` (from a character's start): the bytes of a character the fault cut
 * short are not text.
 */
export function textBefore(bytes: Uint8Array, at: number, encoding: string): string {
  const prefix = bytes.subarray(0, at)
  return isSingleByte(encoding)
    ? decodeSingleByte(prefix, encoding)
    : new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(prefix, { stream: true })
}

function hexBytes(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ')
}

/**
 * The `undecodable` issue of the first character at fault, at byte `offset` of the whole input (its first byte, as
 * `malformedOffset` gives it), with the line and column that the text before it ends at (`lineAndColumn` of that
 * text). `rest` holds the bytes from the fault on:
 * the input's end, or at least {@link FAULT_BYTES} of them (UTF-8 and UTF-16 need no more to tell a cut-off
 * character; a decode in one piece passes them all).
 */
export function byteFaultIssue(
  encoding: string,
  offset: number,
  rest: Uint8Array,
  at: { line: number; column: number },
): Issue {
  const label = encoding.toUpperCase()
  const message = cutOff(rest, encoding)
    ? `the input ends inside a ${label} character (byte offset ${offset})`
    : `malformed ${label} at byte offset ${offset} (bytes ${hexBytes(rest.subarray(0, FAULT_BYTES))})`
  return xmlIssue(message, { line: at.line, column: at.column, offset })
}

/** `a` then `b` (`b` itself when `a` is empty). */
export function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}

/**
 * The one encoding `TextDecoder` knows whose state is more than a character's first bytes: its escape sequences
 * switch what the bytes after them mean, for as long as the input goes on.
 */
export const STATEFUL = 'iso-2022-jp'

/**
 * ISO-2022-JP: a few bytes that a new decoder reads into the state `bytes` (read without a fault) leave it in: the
 * last escape sequence (ESC, bytes 20–2F, a final byte), then the last line break after it (which ends a two-byte
 * run in some decoders), then the last 4 or 5 bytes, the count's parity kept (characters of two bytes, a first one
 * held). An escape sequence the end cuts follows what came before it. At most 13 bytes.
 */
export function resumeFrom(bytes: Uint8Array): Uint8Array {
  const esc = bytes.lastIndexOf(0x1b)
  let end = esc + 1
  while (esc >= 0 && end < bytes.length && bytes[end]! >= 0x20 && bytes[end]! < 0x30) end++
  if (esc >= 0 && end++ >= bytes.length) return concat(resumeFrom(bytes.subarray(0, esc)), bytes.subarray(esc))
  const rest = Math.max(bytes.lastIndexOf(10) + 1, bytes.lastIndexOf(13) + 1, end)
  const from = Math.max(rest, bytes.length - 4 - ((bytes.length - rest) & 1))
  const head = bytes.subarray(Math.max(esc, 0), end)
  return concat(concat(head, bytes.subarray(rest > end ? rest - 1 : rest, rest)), bytes.subarray(from))
}

/** Whether `name` is one of the two UTF-16 decoder names. */
export const isUtf16 = (name: string | undefined): boolean => name === 'utf-16le' || name === 'utf-16be'

/** Start of the first ill-formed UTF-8 sequence (RFC 3629 §4: no overlongs, surrogates or code points past U+10FFFF). */
function utf8Fault(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!
    if (lead < 0x80) {
      i++
      continue
    }
    // Continuation count and the allowed range of the first continuation byte, by lead byte.
    const [count, low, high] =
      lead < 0xc2
        ? [0, 0, 0]
        : lead < 0xe0
          ? [1, 0x80, 0xbf]
          : lead < 0xf0
            ? [2, lead === 0xe0 ? 0xa0 : 0x80, lead === 0xed ? 0x9f : 0xbf]
            : lead < 0xf5
              ? [3, lead === 0xf0 ? 0x90 : 0x80, lead === 0xf4 ? 0x8f : 0xbf]
              : [0, 0, 0]
    if (count === 0) return i
    const first = bytes[i + 1] ?? -1
    if (first < low || first > high) return i
    for (let k = 2; k <= count; k++) {
      const next = bytes[i + k] ?? -1
      if (next < 0x80 || next > 0xbf) return i
    }
    i += count + 1
  }
  return bytes.length
}

/** Start of the first ill-formed UTF-16 code unit (a lone surrogate), or the odd last byte. */
function utf16Fault(bytes: Uint8Array, littleEndian: boolean): number {
  const unit = (i: number) => (littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!)
  const end = bytes.length & ~1
  for (let i = 0; i < end; i += 2) {
    const u = unit(i)
    if (u < 0xd800 || u > 0xdfff) continue
    // A lone low surrogate, or a high one at the end or before anything but a low one.
    if (u > 0xdbff || i + 2 >= end) return i
    const v = unit(i + 2)
    if (v < 0xdc00 || v > 0xdfff) return i
    i += 2
  }
  return end
}

/** Whether a fatal decode of all of `bytes` succeeds (in streaming mode: but for a character they end inside). */
export function decodes(bytes: Uint8Array, encoding: string, stream = false): boolean {
  try {
    new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes, { stream })
    return true
  } catch {
    return false
  }
}

/**
 * The first byte of the character a fatal decode stops at. The decoder (streaming) fails on the byte that shows a
 * fault: the smallest prefix that fails ends with it. If none does, the input ends inside a character. Either way
 * the character starts at {@link characterStart} of that place.
 */
function streamFault(bytes: Uint8Array, encoding: string): number {
  const fails = (n: number, stream = true): boolean => !decodes(bytes.subarray(0, n), encoding, stream)
  let lo = 1
  let hi = bytes.length
  if (!fails(hi)) lo = hi + 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (fails(mid)) hi = mid
    else lo = mid + 1
  }
  return characterStart(bytes, encoding, lo - 1)
}

/**
 * Where the character that byte `stop` (or the end, at `bytes.length`) falls in starts: after the longest prefix up
 * to `stop` that decodes whole (the bytes after it are a character's start, at most 3, in a decoder that held them).
 */
export function characterStart(bytes: Uint8Array, encoding: string, stop: number): number {
  let start = stop
  while (start > 0 && start > stop - 3 && !decodes(bytes.subarray(0, start), encoding)) start--
  return start
}

/**
 * The byte offset of the first fault of `bytes` in the encoding `label` names, or `undefined` when they decode.
 * `label` is a `SniffedEncoding` name or any label a declaration may give, read as `sniffEncoding` reads it (in any
 * case: `US-ASCII` and `ascii` are syncwire's US-ASCII, not the windows-1252 `TextDecoder` reads them as; `GBK` the
 * gb18030 decoder). In every encoding it is the offset of the first byte of the first character that cannot be
 * decoded: a byte no character starts with; a lead byte whose next byte cannot follow it (the lead, not that next byte:
 * `E9 3C` in UTF-8, `93 3C` in Shift_JIS); the lead byte of a character the end of the input cuts off (`E2 82` at the
 * end in UTF-8, `93` in Shift_JIS); the first byte of a lone UTF-16 surrogate or of an odd last byte. Which bytes
 * start or complete a character in the encodings other than UTF-8, UTF-16 and the single-byte ones is what the
 * runtime's `TextDecoder` reads. For error paths only: it is slower than decoding for encodings other than UTF-8,
 * US-ASCII and ISO-8859-1.
 *
 * @example
 * ```ts
 * malformedOffset(Uint8Array.of(0x3c, 0x61, 0xc3, 0x28), 'utf-8') // 2
 * ```
 */
export function malformedOffset(bytes: Uint8Array, label: string): number | undefined {
  const encoding = decoderName(label) ?? label
  if (isSingleByte(encoding)) return singleByteFault(bytes, encoding)
  if (decodes(bytes, encoding)) return undefined
  if (encoding === 'utf-8') return utf8Fault(bytes)
  if (isUtf16(encoding)) return utf16Fault(bytes, encoding === 'utf-16le')
  return streamFault(bytes, encoding)
}
