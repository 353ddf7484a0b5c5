// The one issue of a byte that is not text in its encoding, whether the bytes are decoded whole or streamed.
// Serves XML 1.0 (fifth edition) §4.3.3: a fatal error for bytes that are not valid in the entity's encoding.
import { type Issue, xmlIssue } from './issue'
import { decodeSingleByte, isSingleByte } from './single-byte'

// The WHATWG TextDecoder of every runtime syncwire supports, declared here: the library compiles without DOM types.
declare const TextDecoder: new (
  label: string,
  options: { fatal: boolean; ignoreBOM: boolean },
) => { decode(input?: Uint8Array, options?: { stream: boolean }): string }

/**
 * How many bytes from a fault on {@link byteFaultIssue} needs (fewer only when the input ends first): its message
 * shows them, and they tell a malformed character from one the end of the input cut off.
 */
export const FAULT_BYTES = 4

// The lenient decoder `cutOff` keeps per encoding, flushed after each use.
const PROBES = new Map<string, { decode(input?: Uint8Array, options?: { stream: boolean }): string }>()

/**
 * Whether `rest` (the bytes from a fault to the input's end, or the last bytes of a chunk) is only the start of a
 * character, which more bytes could complete.
 */
export function cutOff(rest: Uint8Array, encoding: string): boolean {
  if (rest.length === 0) return true
  if (isSingleByte(encoding)) return false
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
