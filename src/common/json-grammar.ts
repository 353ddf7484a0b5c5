// The small pieces of JSON's grammar (RFC 8259 §4–§7) the incremental reader steps through: numbers, hex digits,
// the JSON Pointers (RFC 6901) it names places with, its scanner states, and the events and options of the reader.
import type { Issue } from './issues'

/** One step of a path into a JSON value: a member name or an array index. */
export type JsonStep = string | number

/**
 * The JSON Pointer (RFC 6901) of a path: `~` and `/` in names escaped.
 *
 * @example
 * ```ts
 * jsonPointer(['a', 0, 'b/c']) // '/a/0/b~1c'
 * ```
 */
export function jsonPointer(path: readonly JsonStep[]): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')
}

/**
 * Whether a UTF-16 code is a hex digit.
 *
 * @example
 * ```ts
 * isHex('f'.charCodeAt(0)) // true
 * ```
 */
export function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)
}

/**
 * The character at `i` of `s`, quoted, for messages.
 *
 * @example
 * ```ts
 * show('ab', 1) // '"b"'
 * ```
 */
export function show(s: string, i: number): string {
  return JSON.stringify(s[i])
}

/** The number states after which a number may end (see {@link numberStep}). */
export const NUMBER_ENDS: ReadonlySet<number> = new Set([2, 3, 5, 8])

/**
 * The state after reading `c` in a number, or -1 when `c` cannot come next. States (RFC 8259 §6): 0 before it,
 * 1 after '-', 2 after a leading 0, 3 in the integer digits, 4 after '.', 5 in the fraction, 6 after 'e', 7 after
 * the exponent's sign, 8 in the exponent digits.
 *
 * @example
 * ```ts
 * numberStep(0, '-'.charCodeAt(0)) // 1
 * ```
 */
export function numberStep(state: number, c: number): number {
  const digit = c >= 48 && c <= 57
  switch (state) {
    case 0:
      return c === 45 ? 1 : c === 48 ? 2 : digit ? 3 : -1
    case 1:
      return c === 48 ? 2 : digit ? 3 : -1
    case 2:
    case 3:
      if (state === 3 && digit) return 3
      return c === 46 ? 4 : c === 101 || c === 69 ? 6 : -1
    case 4:
    case 5:
      if (digit) return 5
      return state === 5 && (c === 101 || c === 69) ? 6 : -1
    case 6:
      return c === 43 || c === 45 ? 7 : digit ? 8 : -1
    default:
      return digit ? 8 : -1
  }
}

// States of the scanner: a value must come; after `[` (a value or `]`); after `{` (a member name or `}`); after `,`
// in an object; before `:`; after a value in a container (`,` or its closing bracket); in strings, numbers, literals.
export const VALUE = 0
export const FIRST = 1
export const KEY_FIRST = 2
export const KEY = 3
export const COLON = 4
export const AFTER = 5
export const STRING = 6
export const ESCAPE = 7
export const UNICODE = 8
export const NUMBER = 9
export const LITERAL = 10
export const DONE = 11

// Segments of text: kept for the document's rest, kept as the element being read, or dropped (commas between elements).
export const REST = 0
export const ELEMENT = 1
export const DROP = 2

export interface Container {
  array: boolean
  /** The member being read (objects, when paths are tracked). */
  key: string | undefined
  index: number
  streamed: boolean
}

/** What `JsonStreamReader` reports; `error` is the last one, and nothing follows it. */
export type JsonStreamEvent =
  /** The document so far, when the first streamed element starts (or at the end when none does): streamed arrays empty, open ones closed. */
  | { type: 'head'; value: unknown }
  /** One element of a streamed array, parsed; `path` ends with its index; `line`, `column` are where it starts. */
  | { type: 'element'; path: JsonStep[]; value: unknown; line: number; column: number }
  /** The whole document with its streamed arrays empty. */
  | { type: 'end'; value: unknown }
  /**
   * Text that is not JSON (code `not-well-formed`), that ends early (`incomplete`) or is over a limit (`limit`): the
   * issue has member and index steps (its path a JSON Pointer), its line and column, and a message that starts
   * with them (`not JSON at 12:7: …`).
   */
  | { type: 'error'; issue: Issue }

/** Which arrays stream, and the limits on what is held. */
export interface JsonStreamOptions {
  /** Whether the array at `path` (outside any streamed element) hands out its elements one by one. */
  streams(path: readonly JsonStep[]): boolean
  /** Most characters held at once: one streamed element, or the rest of the document without them. */
  maxLength: number
  /** Most arrays and objects open inside one another. */
  maxDepth: number
}
