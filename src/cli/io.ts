// Reading the CLI's inputs (files and stdin) as checked UTF-8 text, with one-line errors instead of exceptions.
// Node only (docs/decisions.md#p1); the size limit matches the XML layer's default input limit (DEFAULT_LIMITS).
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs'

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
 * Why an input cannot be used; `message` is the one line the CLI prints after the file name.
 *
 * @example
 * ```ts
 * throw new InputError('no such file')
 * ```
 */
export class InputError extends Error {}

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
  /** The decoded text (a leading BOM is left for the parser, which accepts it). */
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

function decode(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new InputError('empty file')
  const nul = bytes.indexOf(0)
  if (nul >= 0) throw new InputError(`binary input (a NUL byte at offset ${nul}); expected UTF-8 XML or JSON text`)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new InputError('binary input (not valid UTF-8); expected UTF-8 XML or JSON text')
  }
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
 * Reads a file (or stdin for `-`) as UTF-8 text. The size is checked with `stat` before anything is read, so a
 * huge file costs nothing; directories, empty files, NUL bytes and invalid UTF-8 are refused. Throws only
 * {@link InputError}, whose message is one line.
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
