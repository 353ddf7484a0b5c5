// Encoding detection and fatal decoding of XML bytes: the byte-order mark decides, then the declaration, then UTF-8.
// Implements XML 1.0 (fifth edition) §4.3.3 (character encoding in entities) and Appendix F.1 (detection without a label).
import { either as E } from 'fp-ts'
import { byteFaultIssue, textBefore } from './byte-fault'
import { type Issue, xmlIssue } from './issue'
import { resolveLimits } from './options'
import { lineAndColumn } from './position'
import { decodeSingleByte, isSingleByte, singleByteEncoding, singleByteFault } from './single-byte'

// The WHATWG TextDecoder of every runtime syncwire supports, declared here: the library compiles without DOM or Node types.
declare const TextDecoder: new (
  label?: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => { readonly encoding: string; decode(input?: Uint8Array, options?: { stream?: boolean }): string }

/**
 * What `parseXml` and every document codec decode: XML text, or its bytes in any encoding the runtime's
 * `TextDecoder` knows (plus exact ISO-8859-1 and US-ASCII).
 *
 * @example
 * ```ts
 * const input: XmlInput = new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?><a/>')
 * ```
 */
export type XmlInput = string | Uint8Array | ArrayBuffer

/**
 * How many leading bytes {@link sniffEncoding} looks at: pass at least this many (or the whole input when it is
 * shorter), so the BOM and the XML declaration's `encoding` are in view.
 *
 * @example
 * ```ts
 * const sniffed = sniffEncoding(firstChunk.subarray(0, SNIFF_BYTES))
 * ```
 */
export const SNIFF_BYTES = 1024

/**
 * The outcome of {@link sniffEncoding}.
 *
 * @example
 * ```ts
 * const s: SniffedEncoding = { encoding: 'utf-16le', bomLength: 2, declared: 'UTF-16' }
 * ```
 */
export interface SniffedEncoding {
  /**
   * The encoding to decode with, as `TextDecoder` names it (`'utf-8'`, `'utf-16le'`, `'utf-16be'`,
   * `'shift_jis'`, …), or `'iso-8859-1'`, `'us-ascii'` or `'windows-1252'`, which syncwire decodes exactly itself
   * (WHATWG's `TextDecoder` reads all three labels as windows-1252, and Node 20 decodes that as ISO-8859-1; the
   * two differ in bytes 0x80–0x9F).
   */
  encoding: string
  /** Length of the byte-order mark in bytes: 3 (UTF-8), 2 (UTF-16) or 0. */
  bomLength: number
  /** The `encoding` of the XML declaration, as written, when there is one. */
  declared?: string
}

/**
 * The syntax of an encoding name in the XML declaration (XML 1.0 §4.3.3, production [81] EncName).
 *
 * @example
 * ```ts
 * ENCODING_NAME.test('ISO-8859-1') // true
 * ```
 */
export const ENCODING_NAME: RegExp = /^[A-Za-z][A-Za-z0-9._-]*$/

// version first, then encoding (XML 1.0 §2.8 [23] XMLDecl, [80] EncodingDecl); white space is S ([3]).
const DECLARED =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"[^"]*"|'[^']*')[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"([^"]*)"|'([^']*)')/

/** The decoder's name for an encoding label, or `undefined` when neither syncwire nor `TextDecoder` knows it. */
function decoderName(label: string): string | undefined {
  const single = singleByteEncoding(label)
  if (single !== undefined) return single
  try {
    return new TextDecoder(label).encoding
  } catch {
    return undefined
  }
}

const isUtf16 = (name: string | undefined): boolean => name === 'utf-16le' || name === 'utf-16be'

/** The declaration's `encoding` value in `text` (which starts where the declaration would) and its 1-based column. */
function declaredIn(text: string): { value: string; column: number } | undefined {
  const m = DECLARED.exec(text)
  if (m === null) return undefined
  const value = m[1] ?? m[2] ?? ''
  return { value, column: m[0].length - value.length }
}

const fail = (message: string, at?: { line: number; column: number }): E.Either<Issue[], never> =>
  E.left([xmlIssue(message, at)])

function startsWith(head: Uint8Array, bytes: readonly number[]): boolean {
  return head.length >= bytes.length && bytes.every((b, i) => head[i] === b)
}

const UCS4 = [
  [0, 0, 0xfe, 0xff],
  [0xff, 0xfe, 0, 0],
  [0, 0, 0, 0x3c],
  [0x3c, 0, 0, 0],
  [0, 0, 0x3c, 0],
  [0, 0x3c, 0, 0],
] as const

/**
 * The byte-order mark at the start of `head` (its decoder name and length) and the text after it up to
 * {@link SNIFF_BYTES}, as the declaration is read from: UTF-16 after a UTF-16 mark (a second U+FEFF dropped too),
 * else ISO-8859-1, whose characters are the bytes (a declaration is ASCII in every other encoding). The sniffer and
 * the stream's check that the head is settled both read it here, so that they read the same declaration.
 */
export function prologOf(head: Uint8Array): { bomName?: string; bomLength: number; prolog: string } {
  let bomName: string | undefined
  let bomLength = 0
  if (startsWith(head, [0xef, 0xbb, 0xbf])) [bomName, bomLength] = ['utf-8', 3]
  else if (startsWith(head, [0xff, 0xfe])) [bomName, bomLength] = ['utf-16le', 2]
  else if (startsWith(head, [0xfe, 0xff])) [bomName, bomLength] = ['utf-16be', 2]
  const body = head.subarray(bomLength, SNIFF_BYTES)
  const prolog = isUtf16(bomName)
    ? new TextDecoder(bomName).decode(body.subarray(0, body.length & ~1))
    : decodeSingleByte(body, 'iso-8859-1')
  return { bomName, bomLength, prolog }
}

/**
 * Detects the encoding of XML bytes from their start (XML 1.0 Appendix F.1): a byte-order mark decides first
 * (EF BB BF UTF-8, FF FE UTF-16LE, FE FF UTF-16BE); without one, the XML declaration's `encoding` (any label
 * `TextDecoder` knows, ISO-8859-1 and US-ASCII exactly); with neither, UTF-8. Errors (a `Left`, never a throw):
 * an encoding nobody here knows, a BOM that contradicts the declaration, UTF-16 without a BOM (declared, or bytes
 * like `3C 00 3F 00`), and UTF-32/UCS-4 or EBCDIC byte patterns, which are not supported.
 *
 * @param head The first {@link SNIFF_BYTES} bytes of the input (or all of it, when shorter).
 *
 * @example
 * ```ts
 * sniffEncoding(Uint8Array.of(0xff, 0xfe, 0x3c, 0x00)) // right: { encoding: 'utf-16le', bomLength: 2 }
 * ```
 */
export function sniffEncoding(head: Uint8Array): E.Either<Issue[], SniffedEncoding> {
  if (UCS4.some((pattern) => startsWith(head, pattern))) {
    return fail('unsupported encoding: the bytes look like UTF-32 (UCS-4); use UTF-8 or UTF-16')
  }
  if (startsWith(head, [0x4c, 0x6f, 0xa7, 0x94])) {
    return fail('unsupported encoding: the bytes look like EBCDIC; use UTF-8 or UTF-16')
  }
  const { bomName, bomLength, prolog } = prologOf(head)
  const declaration = declaredIn(prolog)
  const at = declaration && { line: 1, column: declaration.column }
  if (declaration !== undefined && !ENCODING_NAME.test(declaration.value)) {
    return fail(`malformed encoding name "${declaration.value}"`, at)
  }
  const declared = declaration?.value
  const name = declared === undefined ? undefined : decoderName(declared)
  if (declared !== undefined && name === undefined) {
    return fail(`unsupported encoding "${declared}": this runtime's TextDecoder does not know it`, at)
  }
  const found = declared === undefined ? {} : { declared }
  if (bomName !== undefined) {
    // A UTF-16 label names no byte order or the BOM's own; UTF-16BE with an LE mark (or the reverse) contradicts it.
    const explicit = declared?.toLowerCase()
    const agrees =
      name === undefined ||
      name === bomName ||
      (isUtf16(bomName) && isUtf16(name) && explicit !== 'utf-16le' && explicit !== 'utf-16be')
    if (!agrees) {
      const mark = bomName === 'utf-8' ? 'UTF-8' : bomName === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'
      return fail(`the byte-order mark says ${mark} but the XML declaration says encoding="${declared}"`, at)
    }
    return E.right({ encoding: bomName, bomLength, ...found })
  }
  if (head.length >= 2 && (head[0] === 0) !== (head[1] === 0)) {
    const nul = head[0] === 0 ? 0 : 1
    return fail(
      `the bytes look like UTF-16 without a byte-order mark (a NUL byte at offset ${nul}); UTF-16 needs a BOM (FF FE or FE FF)`,
    )
  }
  if (isUtf16(name)) {
    return fail(
      `the XML declaration says encoding="${declared}" but UTF-16 needs a byte-order mark, and there is none`,
      at,
    )
  }
  return E.right({ encoding: name ?? 'utf-8', bomLength: 0, ...found })
}

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
 * The byte offset of the first fault of `bytes` in `encoding` (a {@link SniffedEncoding} name), or `undefined` when
 * they decode. In every encoding it is the offset of the first byte of the first character that cannot be decoded:
 * a byte no character starts with; a lead byte whose next byte cannot follow it (the lead, not that next byte:
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
export function malformedOffset(bytes: Uint8Array, encoding: string): number | undefined {
  if (isSingleByte(encoding)) return singleByteFault(bytes, encoding)
  if (decodes(bytes, encoding)) return undefined
  if (encoding === 'utf-8') return utf8Fault(bytes)
  if (isUtf16(encoding)) return utf16Fault(bytes, encoding === 'utf-16le')
  return streamFault(bytes, encoding)
}

function decodeError(bytes: Uint8Array, encoding: string, offset: number): Issue {
  const text = textBefore(bytes, offset, encoding)
  return byteFaultIssue(encoding, offset, bytes.subarray(offset), lineAndColumn(text, Infinity))
}

/**
 * Decodes XML bytes to text after {@link sniffEncoding}, fatally: a byte that is not valid in the detected encoding
 * gives a `Left` whose error names its byte `offset` (and its line and column), never U+FFFD. A leading BOM stays
 * in the text as U+FEFF, which `parseXml` skips. `maxLength` (default 32 MiB, as `parseXml`'s) is checked on the
 * byte length before anything is decoded. Never throws.
 *
 * @example
 * ```ts
 * decodeBytes(Uint8Array.of(0xfe, 0xff, 0x00, 0x3c, 0x00, 0x61, 0x00, 0x2f, 0x00, 0x3e)) // right: '\uFEFF<a/>'
 * ```
 */
export function decodeBytes(
  input: Uint8Array | ArrayBuffer,
  options?: { maxLength?: number },
): E.Either<Issue[], string> {
  const bytes = asBytes(input)
  if (bytes === undefined) return fail(`expected bytes (a Uint8Array or ArrayBuffer), found ${describe(input)}`)
  const { maxLength } = resolveLimits(options)
  if (bytes.length > maxLength) {
    return fail(`the input is ${bytes.length} bytes long, more than maxLength (${maxLength})`)
  }
  const sniffed = sniffEncoding(bytes.subarray(0, SNIFF_BYTES))
  if (E.isLeft(sniffed)) return sniffed
  const { encoding } = sniffed.right
  if (isSingleByte(encoding)) {
    const offset = singleByteFault(bytes, encoding)
    return offset === undefined
      ? E.right(decodeSingleByte(bytes, encoding))
      : E.left([decodeError(bytes, encoding, offset)])
  }
  try {
    return E.right(new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes))
  } catch {
    return E.left([decodeError(bytes, encoding, malformedOffset(bytes, encoding) ?? bytes.length)])
  }
}

/** The bytes of a `Uint8Array`, another `ArrayBuffer` view or an `ArrayBuffer` (from any realm), else `undefined`. */
function asBytes(input: unknown): Uint8Array | undefined {
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
  if (Object.prototype.toString.call(input) === '[object ArrayBuffer]') return new Uint8Array(input as ArrayBuffer)
  return undefined
}

function describe(input: unknown): string {
  return input === null ? 'null' : Array.isArray(input) ? 'an array' : `a ${typeof input}`
}

/**
 * Whether a value is something `parseXml` reads: a string, a `Uint8Array` (or other `ArrayBuffer` view) or an
 * `ArrayBuffer`, from any realm.
 *
 * @example
 * ```ts
 * isXmlInput(new Uint8Array(0)) // true
 * isXmlInput(42) // false
 * ```
 */
export function isXmlInput(input: unknown): input is XmlInput {
  return typeof input === 'string' || asBytes(input) !== undefined
}

/**
 * A string starting with U+FEFF says UTF-8 or UTF-16; a declaration naming another encoding (within the first
 * {@link SNIFF_BYTES} characters) contradicts it: a fault at its `encoding`, in memory and streamed alike.
 */
export function checkText(text: string): Issue | undefined {
  if (text.charCodeAt(0) !== 0xfeff) return undefined
  const declaration = declaredIn(text.slice(1, SNIFF_BYTES))
  if (declaration === undefined) return undefined
  const name = decoderName(declaration.value)
  if (name === 'utf-8' || isUtf16(name)) return undefined
  return xmlIssue(
    `the text starts with a byte-order mark (U+FEFF), which only UTF-8 and UTF-16 have, but the XML declaration says encoding="${declaration.value}"`,
    { line: 1, column: declaration.column },
  )
}

/**
 * The text `parseXml` parses: a string as it is (after the BOM/declaration check), bytes decoded by
 * {@link decodeBytes} with the caller's `maxLength`; anything else is an error.
 */
export function inputText(input: unknown, maxLength: number): E.Either<Issue[], string> {
  if (typeof input === 'string') {
    const contradiction = checkText(input)
    return contradiction === undefined ? E.right(input) : E.left([contradiction])
  }
  const bytes = asBytes(input)
  if (bytes === undefined) {
    return E.left([
      xmlIssue(
        `expected XML text or bytes (a string, Uint8Array or ArrayBuffer), found ${describe(input)}`,
        undefined,
        'unexpected',
      ),
    ])
  }
  return decodeBytes(bytes, { maxLength })
}
