// What the CLI's commands share: output channels with optional colour, usage errors, argument parsing.
// Node only (docs/decisions.md#p1); colour follows the NO_COLOR convention (https://no-color.org) and needs a TTY.
import { type ParseArgsConfig, parseArgs } from 'node:util'

/**
 * Where a command writes, and whether it may use colour.
 *
 * @example
 * ```ts
 * io.out('ok\n')
 * ```
 */
export interface Io {
  /** Writes to stdout. */
  out(text: string): void
  /** Writes to stderr. */
  err(text: string): void
  /** Whether stdout may carry ANSI colour. */
  color: boolean
}

/**
 * A mistake in the command line: printed as one line with a pointer to `--help`, exit code 2.
 *
 * @example
 * ```ts
 * throw new UsageError('missing --target-digest')
 * ```
 */
export class UsageError extends Error {}

/**
 * Whether output may be coloured: only on a terminal, and never when `NO_COLOR` is set to a non-empty value.
 *
 * @example
 * ```ts
 * colorEnabled(process.stdout.isTTY, process.env)
 * ```
 */
export function colorEnabled(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>): boolean {
  return isTTY === true && (env.NO_COLOR ?? '') === ''
}

const CODES = { red: 31, yellow: 33, green: 32, bold: 1, dim: 2, cyan: 36 } as const

/**
 * Wraps text in an ANSI style when colour is on.
 *
 * @example
 * ```ts
 * paint(io, 'red', 'error')
 * ```
 */
export function paint(io: Io, style: keyof typeof CODES, text: string): string {
  return io.color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text
}

/**
 * Parses a command's arguments strictly; unknown options and missing values become a {@link UsageError}.
 *
 * @example
 * ```ts
 * const { values, positionals } = parse(args, { json: { type: 'boolean' } })
 * ```
 */
export function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    const message = String((error as Error).message ?? error)
      .split('\n')[0]!
      .replace(/^Unknown/, 'unknown')
      .replace(/\. To specify a positional argument.*$/, '')
    throw new UsageError(message)
  }
}

/**
 * An XML/JSON path or position for humans: the path as is, `-` when there is none.
 *
 * @example
 * ```ts
 * showPath('') // '-'
 * ```
 */
export function showPath(path: string): string {
  return path === '' ? '-' : path
}
