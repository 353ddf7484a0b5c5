// Encoding detection and fatal decoding of XML bytes: the byte-order mark decides, then the declaration, then UTF-8.
// Implements XML 1.0 (fifth edition) §4.3.3 (character encoding in entities) and Appendix F.1 (detection without a label).
import { either as E } from 'fp-ts'
import { byteFaultIssue, decoderName, isUtf16, malformedOffset, namesEncoding, textBefore } from './byte-fault'
import { type Issue, xmlIssue } from './issue'
import { resolveLimits } from './options'
import { lineAndColumn } from './position'
import { decodeSingleByte, isSingleByte, singleByteFault } from './single-byte'

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
    if (declared !== undefined && !namesEncoding(declared, bomName)) {
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
  if (bytes === undefined) {
    return E.left([
      xmlIssue(`expected bytes (a Uint8Array or ArrayBuffer), found ${describe(input)}`, {}, 'unexpected'),
    ])
  }
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
