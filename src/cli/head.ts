// The start of an input file as text, decoded as the library decodes the whole file: what the CLI reads to choose
// between streaming a file over the size limit and reading it whole. XML 1.0 §4.3.3 and Appendix F.1 (sniffEncoding).
import { closeSync, openSync, readSync } from 'node:fs'
import { SNIFF_BYTES, sniffEncoding } from '../xml/encoding'
import type { Issue } from '../xml/issue'
import { decodeSingleByte, singleByteEncoding } from '../xml/single-byte'

/** How many bytes of a file {@link headOf} reads: enough for a prolog, a root start tag and its namespaces. */
const HEAD_BYTES = 1 << 16

/**
 * The first bytes of `file` (at most {@link HEAD_BYTES}), or `undefined` when it cannot be opened or read.
 *
 * @example
 * ```ts
 * const bytes = headBytes('feed.xml', 1024)
 * ```
 */
export function headBytes(file: string, size = HEAD_BYTES): Uint8Array | undefined {
  let fd: number | undefined
  try {
    fd = openSync(file, 'r')
    const head = Buffer.alloc(size)
    return head.subarray(0, readSync(fd, head, 0, head.length, 0))
  } catch {
    return undefined
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/**
 * Why the start of `bytes` cannot be decoded, by the library's detection (`sniffEncoding`: a byte-order mark, the
 * XML declaration's `encoding`, UTF-8): a refused declaration (with its place), UTF-16 without a mark, UTF-32 or
 * EBCDIC; `undefined` when an encoding is found.
 *
 * @example
 * ```ts
 * encodingFault(Uint8Array.of(0x3c, 0x00, 0x61, 0x00)) // the bytes look like UTF-16 without a byte-order mark …
 * ```
 */
export function encodingFault(bytes: Uint8Array): Issue | undefined {
  const sniffed = sniffEncoding(bytes.subarray(0, SNIFF_BYTES))
  return sniffed._tag === 'Left' ? sniffed.left[0] : undefined
}

/**
 * The start of `file` as text, in the encoding the library detects for the whole file (so a UTF-16 document with
 * its byte-order mark reads as its characters, not as UTF-8), without the mark; a character cut off at the end is
 * left out, and bytes that are not valid in the encoding become U+FFFD (reading the file whole finds them).
 * `undefined` when the file cannot be read or its encoding is refused (see {@link encodingFault}).
 *
 * @example
 * ```ts
 * /<feed\b/.test(headOf('feed.xml') ?? '')
 * ```
 */
export function headOf(file: string): string | undefined {
  const bytes = headBytes(file)
  if (bytes === undefined) return undefined
  const sniffed = sniffEncoding(bytes.subarray(0, SNIFF_BYTES))
  if (sniffed._tag === 'Left') return undefined
  const { encoding, bomLength } = sniffed.right
  const body = bytes.subarray(bomLength)
  const single = singleByteEncoding(encoding)
  if (single !== undefined) return decodeSingleByte(body, single)
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(body, { stream: true })
}
