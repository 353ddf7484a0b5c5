// Incremental, fatal decoding of XML bytes that arrive in chunks, with the one encoding detector of encoding.ts.
// Implements XML 1.0 (fifth edition) §4.3.3 and Appendix F.1 for streams: the BOM, then the declaration, then UTF-8.

import { either as E } from 'fp-ts'
import {
  byteFaultIssue,
  characterStart,
  concat,
  cutOff,
  decodes,
  FAULT_BYTES,
  malformedOffset,
  resumeFrom,
  STATEFUL,
  textBefore,
} from './byte-fault'
import { prologOf, SNIFF_BYTES, sniffEncoding } from './encoding'
import type { Issue } from './issue'
import { advance } from './position'
import { decodeSingleByte, singleByteEncoding } from './single-byte'

// The WHATWG TextDecoder of every runtime syncwire supports, declared here: the library compiles without DOM types.
declare const TextDecoder: new (
  label: string,
  options: { fatal: boolean; ignoreBOM: boolean },
) => { decode(input?: Uint8Array, options?: { stream: boolean }): string }

/**
 * Bytes that are not text in their encoding, or an encoding that cannot be detected. `issue` is the one
 * `decodeBytes` gives for the whole input: the detector's own (a fault of the declaration at its place), or the
 * malformed byte's (its byte offset, line and column).
 */
export class ByteFault {
  constructor(
    readonly message: string,
    readonly issue?: Issue,
  ) {}
}

/** Bytes in, text out; `end` flushes (and fails on a character the input cut off). */
export interface ByteDecoding {
  push(bytes: Uint8Array): string
  end(): string
  /** Whether a fault was found whose {@link ByteFault} waits for the bytes after it (`end` then throws it). */
  readonly failing: boolean
}

const XML_DECL_START = '<?xml'
// A declaration closed by `?>` outside quotes: the sniffer's reading of it cannot change with more bytes.
const CLOSED_DECLARATION = /^<\?xml(?:[^"'?]|\?(?!>)|"[^"]*"|'[^']*')*\?>/

/**
 * Whether {@link sniffEncoding} on `head` gives what it would give on the first {@link SNIFF_BYTES} bytes: the
 * BOM and UCS-4 patterns are in view (4 bytes), and the text after the BOM either cannot start a declaration or
 * holds one that is closed.
 */
function settled(head: Uint8Array): boolean {
  return head.length >= SNIFF_BYTES || (head.length >= 4 && prologSettled(prologOf(head).prolog))
}

/** Whether text after a BOM either cannot start a declaration or holds one that is closed (so more cannot change it). */
export function prologSettled(prolog: string): boolean {
  if (prolog.length <= XML_DECL_START.length) return !XML_DECL_START.startsWith(prolog)
  if (!/^<\?xml[ \t\r\n]/.test(prolog)) return true
  return CLOSED_DECLARATION.test(prolog)
}

/**
 * How many bytes at the end of `bytes` start a character that the next chunk may complete (UTF-8, UTF-16). Bytes
 * that no more bytes can make valid (`FF`, `E0 80`) are not held: the decode finds their fault now.
 */
function openTail(bytes: Uint8Array, encoding: string): number {
  if (encoding === 'utf-8') {
    for (let back = 1; back <= Math.min(3, bytes.length); back++) {
      const b = bytes[bytes.length - back]!
      if (b < 0x80) return 0
      if (b >= 0xc0) {
        const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2
        return need > back && cutOff(bytes.subarray(bytes.length - back), encoding) ? back : 0
      }
    }
    return 0
  }
  const odd = bytes.length & 1
  const end = bytes.length - odd
  if (end < 2) return odd
  const unit =
    encoding === 'utf-16le' ? bytes[end - 2]! | (bytes[end - 1]! << 8) : (bytes[end - 2]! << 8) | bytes[end - 1]!
  return odd + (unit >= 0xd800 && unit <= 0xdbff ? 2 : 0)
}

/**
 * How many bytes at the end of `bytes` start a character that the next chunk may complete, in an encoding whose
 * decoder holds nothing else between chunks (Shift_JIS, EUC-JP, GB18030, Big5, …). `lenient` (not fatal) has just
 * read `bytes` in streaming mode, with no fault; it is flushed here, so it starts the next chunk with nothing held.
 */
function heldTail(bytes: Uint8Array, lenient: { decode(input?: Uint8Array): string }, encoding: string): number {
  if (lenient.decode() === '') return 0 // it held nothing (else U+FFFD for what it held)
  // A character is at most 4 bytes; the held ones are a tail that is only a character's start. One such tail is it.
  const starts = [1, 2, 3].filter((k) => k <= bytes.length && cutOff(bytes.subarray(bytes.length - k), encoding))
  if (starts.length === 1) return starts[0]!
  // Several (GB18030's 81 30 81 30 81 ends with a held 81, and 81 30 81 would be a start too): the held tail is the
  // shortest after which the bytes before it decode whole.
  return bytes.length - characterStart(bytes, encoding, bytes.length)
}

/**
 * Decodes a byte stream as `decodeBytes` decodes the whole: the first bytes (up to `SNIFF_BYTES`, or fewer once
 * the BOM and declaration are settled) go through `sniffEncoding`, then every chunk is decoded fatally in the
 * detected encoding, a character cut between chunks completed by the next. A leading BOM is given as U+FEFF, as
 * `decodeBytes` keeps it (the readers drop one U+FEFF, whole or streamed).
 *
 * Throws a {@link ByteFault} at the first malformed byte. It carries the issue `decodeBytes` gives for the whole
 * input, however the bytes are cut: the byte offset, the line and column where the text before the byte ends
 * (counted over every chunk), and the bytes from it on. So the fault is thrown once {@link FAULT_BYTES} bytes from
 * it have arrived, or at the end; the text before it in its chunk is not given. Only the bytes of a character cut
 * by a chunk's end are held between chunks; in ISO-2022-JP, whose state is more than that, also its last escape
 * sequence and a few bytes after it (`resumeFrom`), in which a new decoder finds the fault again with its chunk.
 */
export function byteDecoding(): ByteDecoding {
  let head: Uint8Array | undefined = new Uint8Array(0)
  let decode: ((bytes: Uint8Array, last: boolean) => string) | undefined
  let offset = 0 // bytes of the input before `pending`
  let pending: Uint8Array = new Uint8Array(0)
  // Where the text given so far ends, as `lineAndColumn` counts in the whole text (a CRLF cut between two chunks
  // ends one line: `cr` says the text so far ends with CR).
  let position = { line: 1, column: 1 }
  let cr = false
  const pass = (text: string): void => {
    if (text.length === 0) return
    position = advance(position, cr && text.charCodeAt(0) === 10 ? text.slice(1) : text)
    cr = text.charCodeAt(text.length - 1) === 13
  }
  let name = '' // the encoding found
  // The first fault: where it is, where the text before it ends, and the bytes from it on (up to FAULT_BYTES).
  let fault: { offset: number; at: { line: number; column: number }; rest: Uint8Array } | undefined

  // Takes in the bytes after the fault until its issue can be told, then throws it.
  const report = (chunk: Uint8Array, last: boolean): string => {
    const f = fault!
    f.rest = concat(f.rest, chunk).slice(0, FAULT_BYTES)
    if (!last && f.rest.length < FAULT_BYTES) return ''
    const issue = byteFaultIssue(name, f.offset, f.rest, f.at)
    throw new ByteFault(issue.message, issue)
  }
  // A fault at `at` in `bytes`, whose text up to it is `before`.
  const fail = (bytes: Uint8Array, at: number, before: string, last: boolean): string => {
    pass(before)
    fault = { offset: offset + at, at: position, rest: new Uint8Array(0) }
    return report(bytes.subarray(at), last)
  }

  const start = (bytes: Uint8Array): void => {
    const sniffed = sniffEncoding(bytes.subarray(0, SNIFF_BYTES))
    if (E.isLeft(sniffed)) throw new ByteFault(sniffed.left[0]!.message, sniffed.left[0])
    const { encoding, bomLength } = sniffed.right
    name = encoding
    offset = bomLength
    const single = singleByteEncoding(encoding)
    if (single !== undefined) {
      decode = (chunk, last) => {
        const at = malformedOffset(chunk, single)
        if (at !== undefined) return fail(chunk, at, decodeSingleByte(chunk.subarray(0, at), single), last)
        offset += chunk.length
        const text = decodeSingleByte(chunk, single)
        pass(text)
        return text
      }
    } else if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') {
      const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true })
      decode = (chunk, last) => {
        const bytes = concat(pending, chunk)
        const whole = bytes.subarray(0, bytes.length - (last ? 0 : openTail(bytes, encoding)))
        let text: string
        try {
          text = decoder.decode(whole)
        } catch {
          // Decoded once; only bytes that fail are read again, to find the first malformed one.
          const at = malformedOffset(whole, encoding) ?? 0
          return fail(bytes, at, decoder.decode(whole.subarray(0, at)), last)
        }
        offset += whole.length
        pending = bytes.slice(whole.length)
        pass(text)
        return text
      }
    } else {
      // The decoder holds only the bytes of a character not yet complete: each chunk, after them, is decoded from a
      // clean state. Leniently, as neither a fault nor a held character then throws (a throw costs more than the
      // decode of a small chunk): a U+FFFD in the text is a fault only when the fatal decode fails too. ISO-2022-JP
      // holds more, its escape sequences' state: the bytes a new decoder reads into it (`resumeFrom`), whose text
      // was given already.
      const lenient = new TextDecoder(encoding, { fatal: false, ignoreBOM: true })
      decode = (chunk, last) => {
        const bytes = concat(pending, chunk)
        const given = encoding === STATEFUL ? textBefore(pending, pending.length, encoding).length : 0
        const text = lenient.decode(bytes, { stream: !last }).slice(given)
        if (text.includes('\uFFFD') && !decodes(bytes, encoding, !last)) {
          const at = malformedOffset(bytes, encoding) ?? bytes.length
          return fail(bytes, at, textBefore(bytes, at, encoding).slice(given), last)
        }
        // heldTail flushes the decoder, and so does ISO-2022-JP here: the next chunk starts from a clean state.
        const held = last
          ? bytes.subarray(0, 0)
          : encoding === STATEFUL
            ? // biome-ignore lint/complexity/noCommaOperator: the flush in the expression keeps the bundle smaller
              (lenient.decode(), resumeFrom(bytes))
            : bytes.slice(bytes.length - heldTail(bytes, lenient, encoding))
        offset += bytes.length - held.length
        pending = held
        pass(text)
        return text
      }
    }
  }

  const push = (chunk: Uint8Array, last: boolean): string => {
    if (head !== undefined) {
      head = concat(head, chunk)
      if (!last && !settled(head)) return ''
      const bytes = head
      head = undefined
      start(bytes)
      chunk = bytes.subarray(offset)
      // A mark (`offset` is its length) is given as U+FEFF, as decodeBytes keeps it: the readers drop one U+FEFF.
      if (offset > 0) return `\uFEFF${decode!(chunk, last)}`
    }
    return fault === undefined ? decode!(chunk, last) : report(chunk, last)
  }
  return {
    push: (chunk) => push(chunk, false),
    end: () => push(new Uint8Array(0), true),
    get failing() {
      return fault !== undefined
    },
  }
}
