// The `syncwire` command: validate, conflicts and convert over files, with one-line errors and exit codes.
// The command line; the only module with I/O (Node only, built to dist/cli/index.js).
import { createRequire } from 'node:module'
import { CONFLICTS_HELP, runConflicts } from './conflicts'
import { CONVERT_HELP, runConvert } from './convert'
import { colorEnabled, type Io, UsageError } from './shared'
import { runValidate, VALIDATE_HELP } from './validate'

const HELP = `Usage: syncwire <command> [options]

Typed codecs for MS-FILESYNC and SData sync XML, and the SData conflict logic, from the command line.

Commands:
  validate <file|->...      decode and check documents; one line per problem (file:line:col path severity message)
  conflicts <feed>...       run the target side of an SData sync over feed pages: decisions and the new digest
  convert <file> --to json|xml
                            a document to its typed JSON value and back

Options:
  -h, --help                show help (also: syncwire <command> --help)
  -v, --version             show the version

Examples:
  syncwire validate capture.xml
  syncwire conflicts --target-digest digest.xml --last-page page-1.xml page-2.xml
  syncwire convert feed.xml --to json
`

const COMMANDS: Record<string, { run: (args: string[], io: Io) => number; help: string }> = {
  validate: { run: runValidate, help: VALIDATE_HELP },
  conflicts: { run: runConflicts, help: CONFLICTS_HELP },
  convert: { run: runConvert, help: CONVERT_HELP },
}

function version(): string {
  try {
    // dist/cli/index.js → the package root; read at run time so the bundle need not embed package.json.
    return String(createRequire(import.meta.url)('../../package.json').version)
  } catch {
    return 'unknown'
  }
}

function makeIo(): Io {
  const write = (stream: NodeJS.WriteStream) => (text: string) => {
    stream.write(text)
  }
  return {
    out: write(process.stdout),
    err: write(process.stderr),
    color: colorEnabled(process.stdout.isTTY, process.env),
  }
}

/**
 * Runs the CLI with `argv` (without node and the script); returns the exit code. Never throws: an unexpected
 * failure is one line on stderr and exit code 2.
 *
 * @example
 * ```ts
 * process.exitCode = main(['validate', 'feed.xml'], io)
 * ```
 */
export function main(argv: string[], io: Io): number {
  const [command, ...rest] = argv
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      if (command === 'help' && rest[0] !== undefined && COMMANDS[rest[0]] !== undefined)
        io.out(COMMANDS[rest[0]]!.help)
      else io.out(HELP)
      return command === undefined ? 2 : 0
    }
    if (command === '-v' || command === '--version') {
      io.out(`${version()}\n`)
      return 0
    }
    const spec = COMMANDS[command]
    if (spec === undefined) {
      const what = command.startsWith('-') ? `unknown option '${command}'` : `unknown command '${command}'`
      throw new UsageError(`${what} (commands: ${Object.keys(COMMANDS).join(', ')})`)
    }
    try {
      return spec.run(rest, io)
    } catch (error) {
      if (error instanceof UsageError) {
        io.err(`syncwire ${command}: ${error.message} (see syncwire ${command} --help)\n`)
        return 2
      }
      throw error
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`syncwire: ${error.message} (see syncwire --help)\n`)
      return 2
    }
    const message = String((error as Error)?.message ?? error).split('\n')[0]
    io.err(`syncwire: internal error: ${message}\n`)
    return 2
  }
}

// A reader that closes the pipe early (`syncwire … | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
})
process.exitCode = main(process.argv.slice(2), makeIo())
