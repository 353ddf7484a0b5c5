// Reading the CLI's inputs (files and stdin) as bytes decoded like the library decodes them, with one-line errors.
// Node only (docs/decisions.md#p1); the default size limit is the XML layer's (DEFAULT_LIMITS), `--max-size` changes it.
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs'
import { decodeBytes, SNIFF_BYTES } from '../xml/encoding'
import type { Issue } from '../xml/issue'
import type { ParseOptions } from '../xml/options'
import { encodingFault, headBytes } from './head'
import { UsageError } from './shared'

/**
 * The largest input accepted, in bytes: 32 MiB, the XML layer's default `maxLength` (UTF-8 never has fewer bytes
 * than UTF-16 units, so a file within it is within the parser's limit too).
 *
 * @example
 * ```ts
 * if (size > MAX_INPUT_BYTES) refuse()
 * ```
 */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024

/**
 * The `--max-size` option of every command that reads files, for `parseArgs`.
 *
 * @example
 * ```ts
 * parse(args, { json: { type: 'boolean' }, ...MAX_SIZE_OPTION })
 * ```
 */
export const MAX_SIZE_OPTION = { 'max-size': { type: 'string' } } as const

/**
 * Reads `--max-size`: a number of bytes, or a number with a unit `KB`, `MB`, `GB` (powers of 1024; case and a
 * trailing `iB` do not matter); absent means {@link MAX_INPUT_BYTES}. Anything else is a usage error.
 *
 * @example
 * ```ts
 * parseMaxSize('64MB') // 67108864
 * ```
 */
export function parseMaxSize(value: string | undefined): number {
  if (value === undefined) return MAX_INPUT_BYTES
  const m = /^([0-9]+(?:\.[0-9]+)?)\s*(?:([kmg])(?:i?b)?|b)?$/i.exec(value.trim())
  const scale = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as const
  const bytes = m === null ? Number.NaN : Number(m[1]) * (m[2] ? scale[m[2].toLowerCase() as 'k' | 'm' | 'g'] : 1)
  if (!Number.isSafeInteger(Math.floor(bytes)) || bytes < 1) {
    throw new UsageError(`--max-size '${value}' is not a size (bytes, or a number with KB, MB or GB)`)
  }
  return Math.floor(bytes)
}

/**
 * The parser limits that go with an input limit: decoded text has no more UTF-16 units than its file has bytes,
 * so the parser's length limit follows the byte limit; the other limits keep their defaults.
 *
 * @example
 * ```ts
 * parseXml(text, parseOptionsFor(parseMaxSize('64MB')))
 * ```
 */
export function parseOptionsFor(limit: number): ParseOptions {
  return { maxLength: limit }
}

/**
 * Why an input cannot be used; `message` is the one line the CLI prints after the file name. `fault` is set when
 * the bytes were refused for a fault of the text at a known place (an encoding declaration the mark contradicts,
 * an unknown or malformed encoding name, UTF-16 declared without a mark): the `not-well-formed` issue the parser
 * gives, with its line and column, which a command reports as the invalid XML it is.
 *
 * @example
 * ```ts
 * throw new InputError('no such file')
 * ```
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly fault?: Issue,
  ) {
    super(message)
  }
}

/**
 * One input read as text; `name` is the file as given, or `<stdin>` for `-`.
 *
 * @example
 * ```ts
 * const input: Input = { name: 'feed.xml', text: '<feed/>' }
 * ```
 */
export interface Input {
  /** How the CLI names it in messages. */
  name: string
  /** The decoded text (a leading BOM stays as U+FEFF, which the parser accepts). */
  text: string
}

function describeErrno(error: unknown): string {
  const code = (error as { code?: string }).code
  switch (code) {
    case 'ENOENT':
      return 'no such file'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'is a directory, not a file'
    case 'ENOTDIR':
      return 'a part of the path is not a directory'
    case 'ELOOP':
      return 'too many symbolic links'
    default:
      return code === undefined ? String((error as Error)?.message ?? error) : `cannot read (${code})`
  }
}

/** Bytes refused as text: a fault of the text at a known place is the `not-well-formed` issue it is. */
function refused(e: Issue): InputError {
  const placed = e.code === 'not-well-formed' && e.line !== undefined
  return new InputError(
    e.line === undefined ? e.message : `${e.line}:${e.column ?? 1}: ${e.message}`,
    placed ? e : undefined,
  )
}

/**
 * The input error of a file streamed whose bytes turned out not to be text (an `undecodable` issue of the stream):
 * the error reading it whole gives, so that either way the file is unreadable (exit 2), not invalid.
 *
 * @example
 * ```ts
 * const unreadable = undecodable(event.issues)
 * if (unreadable !== undefined) io.err(`${file}: ${unreadable.message}\n`)
 * ```
 */
export function undecodable(issues: readonly Issue[]): InputError | undefined {
  const e = issues.find((i) => i.code === 'undecodable')
  return e === undefined ? undefined : refused(e)
}

// The library's detection: a BOM, else the XML declaration's encoding, else UTF-8 (so JSON is read as UTF-8).
function decode(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new InputError('empty file')
  const decoded = decodeBytes(bytes, { maxLength: Infinity })
  if (decoded._tag === 'Left') throw refused(decoded.left[0]!)
  const text = decoded.right
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new InputError('empty file (only whitespace)')
  return text
}

function readAll(fd: number, limit: number): Uint8Array {
  const chunks: Buffer[] = []
  let total = 0
  const chunk = Buffer.allocUnsafe(1 << 16)
  for (;;) {
    let n: number
    try {
      n = readSync(fd, chunk, 0, chunk.length, null)
    } catch (error) {
      const code = (error as { code?: string }).code
      if (code === 'EAGAIN') continue
      if (code === 'EOF') break
      throw error
    }
    if (n === 0) break
    total += n
    if (total > limit) throw new InputError(`input is over the ${limit}-byte limit`)
    chunks.push(Buffer.from(chunk.subarray(0, n)))
  }
  return Buffer.concat(chunks, total)
}

/**
 * Reads a file (or stdin for `-`) as bytes and decodes them as `parseXml` does (a BOM, else the XML declaration's
 * `encoding`, else UTF-8; fatally), so UTF-16 and ISO-8859-1 documents read as text. The size is checked with
 * `stat` before the file is read, so a huge file costs one read of its first kilobyte (its encoding refused is the
 * error then, as at any size); directories, empty files and bytes that are not valid in their encoding (named
 * with line:column and byte offset) are refused. Throws only {@link InputError}, whose message is one line.
 *
 * @example
 * ```ts
 * const { name, text } = readInput('feed.xml')
 * ```
 */
export function readInput(file: string, limit = MAX_INPUT_BYTES): Input {
  if (file === '-') {
    let bytes: Uint8Array
    try {
      bytes = readAll(0, limit)
    } catch (error) {
      if (error instanceof InputError) throw error
      throw new InputError(`cannot read stdin: ${describeErrno(error)}`)
    }
    if (bytes.length === 0) throw new InputError('empty input on stdin')
    return { name: '<stdin>', text: decode(bytes) }
  }
  let fd: number | undefined
  try {
    const stat = statSync(file)
    if (stat.isDirectory()) throw new InputError('is a directory, not a file')
    if (stat.isFile() && stat.size > limit) {
      // Bytes whose encoding is refused are refused at any size: a larger limit would not help.
      const fault = encodingFault(headBytes(file, SNIFF_BYTES) ?? new Uint8Array(0))
      if (fault !== undefined) throw refused(fault)
      throw new InputError(`file is ${stat.size} bytes, over the ${limit}-byte limit`)
    }
    fd = openSync(file, 'r')
    // A FIFO or device has no size up front: the read itself stops at the limit.
    if (fstatSync(fd).isFile() && fstatSync(fd).size > limit)
      throw new InputError(`file is over the ${limit}-byte limit`)
    return { name: file, text: decode(readAll(fd, limit)) }
  } catch (error) {
    if (error instanceof InputError) throw error
    throw new InputError(describeErrno(error))
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
