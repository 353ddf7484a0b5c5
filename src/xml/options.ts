// The parser's error shape and its limits (on by default, set by the caller), shared by parseXml and the byte decoder.
// Implements XML 1.0 (fifth edition) §1.2 (a fatal error ends processing) with limits against hostile input.
import type { Issue } from './issue'

/**
 * A reason the input is not a well-formed, namespace-well-formed XML document, cannot be decoded, or exceeds a limit:
 * an {@link Issue} of severity `error` with code `not-well-formed`, `undecodable` or `limit`, no steps, and
 * `line:column` as its path. `line` and `column` (1-based; the column counts UTF-16 code units, a BOM not included)
 * point at the fault when the text is at fault at a place; they are absent (and the path is `''`) for whole-input
 * faults such as the length limit. `offset` is the byte offset of the fault when bytes could not be decoded.
 *
 * @deprecated Use {@link Issue}, the one problem type; `XmlError` is the same type under its old name.
 *
 * @example
 * ```ts
 * const error: XmlError = {
 *   severity: 'error', code: 'not-well-formed', path: '3:9', steps: [], message: 'undefined entity &nbsp;', line: 3, column: 9,
 * }
 * ```
 */
export type XmlError = Issue

/**
 * Limits for `parseXml` (and every document codec, through its `parse` option); each is on by default
 * ({@link DEFAULT_LIMITS}) and can be raised or lowered (`Infinity` turns one off; a value that is not a number
 * falls back to the default).
 *
 * @example
 * ```ts
 * const options: ParseOptions = { maxDepth: 64, maxLength: 1024 * 1024 }
 * ```
 */
export interface ParseOptions {
  /** Deepest element nesting allowed; the root is at depth 1. */
  maxDepth?: number
  /**
   * Longest input allowed, checked before anything else: in UTF-16 code units for text; for bytes, on the byte
   * length before decoding (so an oversized buffer is never decoded) and again on the decoded text.
   */
  maxLength?: number
  /** Most attributes (namespace declarations included) allowed on one element. */
  maxAttributes?: number
  /** Longest element, attribute, PI target or entity name allowed, in UTF-16 code units. */
  maxNameLength?: number
  /**
   * Record where each element's start tag is (1-based line and column of its `<`), for `elementPosition` and for
   * the `line`/`column` of decode issues. The streaming readers (`streamSyncFeed`, `streamFileSync`) record them
   * piece by piece in the whole document and hand each event's element with them. Off by default: the default
   * parse does no extra work.
   */
  positions?: boolean
}

/**
 * The default limits of `parseXml`: depth 256, 32 MiB of input, 256 attributes per element, names of 1024 units.
 *
 * @example
 * ```ts
 * parseXml(hugeText, { maxLength: 4 * DEFAULT_LIMITS.maxLength })
 * ```
 */
export const DEFAULT_LIMITS: Readonly<Required<Omit<ParseOptions, 'positions'>>> = Object.freeze({
  maxDepth: 256,
  maxLength: 33_554_432,
  maxAttributes: 256,
  maxNameLength: 1024,
})

/** The limits in force: every one a number. */
export type Limits = Required<Omit<ParseOptions, 'positions'>>

// A limit that is not a number (NaN, undefined, a string from untyped callers) must not switch the check off.
function limit(value: unknown, fallback: number): number {
  return typeof value === 'number' && !Number.isNaN(value) ? value : fallback
}

/** The caller's options completed with the defaults. */
export function resolveLimits(options: ParseOptions | undefined): Limits {
  return {
    maxDepth: limit(options?.maxDepth, DEFAULT_LIMITS.maxDepth),
    maxLength: limit(options?.maxLength, DEFAULT_LIMITS.maxLength),
    maxAttributes: limit(options?.maxAttributes, DEFAULT_LIMITS.maxAttributes),
    maxNameLength: limit(options?.maxNameLength, DEFAULT_LIMITS.maxNameLength),
  }
}
