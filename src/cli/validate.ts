// `syncwire validate`: decode each document by its kind, run the validator, print one line per problem.
// `syncwire validate`: exit 0 valid, 1 invalid, 2 usage or unreadable.
import { reportErrors } from '../codec/report'
import { wholeInputIssue } from '../common/issues'
import { SYNC_ENTRY_ROLES, type SyncEntryRole, type SyncFeed, type SyncFeedRole } from '../sdata/index'
import { checkFeedMembers } from '../sdata/validate'
import { Issues, PATH_NAMESPACES } from '../sdata/validate-issues'
import { FeedEntryRules } from '../sdata/validate-stream'
import type { Issue } from '../xml/issue'
import type { ParseOptions } from '../xml/options'
import { parseXml } from '../xml/parse'
import { elementAtSteps, elementPosition, placeIssues } from '../xml/positions'
import { checkFileSyncStream } from './filesync-large'
import { InputError, MAX_SIZE_OPTION, parseMaxSize, parseOptionsFor, readInput } from './io'
import { detectKind, isResultEntry, KIND_SPECS, KINDS, type Kind } from './kinds'
import { feedEvents, isLarge, type StreamableKind, sniffKind } from './large'
import { type Io, paint, parse, showPath, UsageError } from './shared'
import { FeedSummary, summarize } from './summary'

/**
 * `syncwire validate --help`.
 *
 * @example
 * ```ts
 * io.out(VALIDATE_HELP)
 * ```
 */
export const VALIDATE_HELP = `Usage: syncwire validate [options] <file|->...

Decodes each document, then checks it against the spec. The kind is detected from the root element
(namespace + name): ${KINDS.join(', ')}.

Prints one line per problem:  file:line:col path severity message
With --summary, each file's problems are followed by one line saying what it holds and whether it is valid:
  file: SData digest — 3 endpoints (origin http://…); valid
Exit code: 0 valid (warnings allowed), 1 errors found, 2 usage error or unreadable input.

Options:
  --kind <kind>   treat every input as this kind instead of detecting it
  --role <role>   feeds: ${KIND_SPECS.feed.roles!.join(' | ')}; entries also: ${KIND_SPECS.entry.roles!.filter((r) => !KIND_SPECS.feed.roles!.includes(r)).join(' | ')}
                  (default: result when the entries carry http:httpStatus; an entry holding only a digest
                  is a digest entry; else source)
  --strict        warnings fail too
  --summary       after each file's problems, one line: what the document holds, and its verdict
  --json          print a JSON report instead of lines (with --summary, each file gets a "summary" string)
  --max-size <n>  largest input file: bytes, or with KB, MB or GB (default 32MB)
  -h, --help      show this help

Examples:
  syncwire validate captures/*.xml
  syncwire validate --summary --role result result-feed.xml
  curl -s "$FEED_URL" | syncwire validate --strict -

  (captures/*.xml and result-feed.xml stand for your own files; $FEED_URL for an SData feed's URL)
`

/**
 * One problem as printed: where in the file (line, column), the XML path, severity, message.
 *
 * @example
 * ```ts
 * const p: LocatedProblem = { line: 3, column: 5, path: '/digest/digestEntry[1]/tick', severity: 'error', message: '…' }
 * ```
 */
export interface LocatedProblem {
  line: number
  column: number
  path: string
  severity: 'error' | 'warning'
  message: string
}

interface FileReport {
  file: string
  kind?: Kind
  valid: boolean
  problems: LocatedProblem[]
  error?: string
  summary?: string
}

function check(
  file: string,
  text: string,
  kindFlag: Kind | undefined,
  role: SyncEntryRole | undefined,
  limit: number,
): { kind?: Kind; problems: LocatedProblem[]; summary: string } {
  // With positions: every problem is then placed at the element it names, from the parse itself.
  const parsed = parseXml(text, { ...parseOptionsFor(limit), positions: true })
  if (parsed._tag === 'Left') return notWellFormed(parsed.left)
  const root = parsed.right.root
  const kind = kindFlag ?? detectKind(root)
  if (kind === undefined) {
    const name = root.namespace === null ? root.localName : `{${root.namespace}}${root.localName}`
    return {
      summary: `unknown document kind (root element ${name})`,
      problems: [
        {
          line: 1,
          column: 1,
          path: `/${root.localName}`,
          severity: 'error',
          message: `unknown document kind: root element ${name}; use --kind (${KINDS.join(', ')})`,
        },
      ],
    }
  }
  const spec = KIND_SPECS[kind]
  checkRole(file, kind, role)
  const located = (p: Issue): LocatedProblem => {
    const element = p.line === undefined ? elementAtSteps(root, p.steps, PATH_NAMESPACES) : undefined
    const at = p.line === undefined ? element && elementPosition(element) : { line: p.line, column: p.column ?? 1 }
    return { line: at?.line ?? 1, column: at?.column ?? 1, path: p.path, severity: p.severity, message: p.message }
  }
  const decoded = spec.xmlWith({ parse: parseOptionsFor(limit) }).decode(text)
  if (decoded._tag === 'Left') {
    return {
      kind,
      summary: `${spec.title} that could not be decoded`,
      problems: reportErrors(decoded.left).map(located),
    }
  }
  const issues: Issue[] = spec.validate(decoded.right, role)
  return { kind, summary: summarize(kind, decoded.right), problems: issues.map(located) }
}

/** A document that is not well-formed XML: each fault of its text at its own line:column. */
function notWellFormed(faults: Issue[]): { problems: LocatedProblem[]; summary: string } {
  return {
    summary: 'not well-formed XML',
    problems: faults.map((e) => ({
      line: e.line ?? 1,
      column: e.column ?? 1,
      path: '',
      severity: 'error',
      message: `not well-formed XML: ${e.message}`,
    })),
  }
}

function checkRole(file: string, kind: Kind, role: SyncEntryRole | undefined): void {
  const spec = KIND_SPECS[kind]
  if (role !== undefined && spec.roles !== undefined && !spec.roles.includes(role)) {
    throw new UsageError(
      `--role ${role} does not apply to ${file}, a ${spec.title} (its roles: ${spec.roles.join(', ')})`,
    )
  }
}

/**
 * A file over the size limit, streamed: the same checks with the same results, entry by entry (or item by item),
 * keeping counts and the issues found, not the entries or items. The stream is read with positions, so every
 * problem comes placed where the in-memory path places it: a fault of the text at its own `line:column`, any
 * other problem at the element its path names, found while the entry (or item) it is in was read.
 */
async function checkLarge(
  file: string,
  kind: StreamableKind,
  role: SyncEntryRole | undefined,
  limit: number,
): Promise<{ kind?: Kind; problems: LocatedProblem[]; summary: string }> {
  checkRole(file, kind, role)
  const spec = KIND_SPECS[kind]
  const parse = { ...parseOptionsFor(limit), positions: true }
  const read =
    kind === 'feed'
      ? await checkFeedStream(file, role as SyncFeedRole | undefined, parse)
      : await checkFileSyncStream(file, parse)
  // A fault of the text has its line and column and no steps; every other problem is placed by its steps. A
  // malformed byte is placed too, but it is no fault of the XML.
  const inText = (p: Issue) => p.line !== undefined && p.column !== undefined && p.steps.length === 0
  const notXml = (p: Issue) => inText(p) && p.code !== 'undecodable'
  const place = (p: Issue) => ({ line: p.line ?? 1, column: p.column ?? 1 })
  if ('issues' in read) {
    const wellFormed = !read.issues.some(notXml)
    return {
      ...(wellFormed ? { kind } : {}),
      summary: wellFormed ? `${spec.title} that could not be decoded` : 'not well-formed XML',
      problems: read.issues.map((p) => ({
        ...place(p),
        path: inText(p) ? '' : p.path,
        severity: 'error',
        message: notXml(p) ? `not well-formed XML: ${p.message}` : p.message,
      })),
    }
  }
  return {
    kind,
    summary: read.summary,
    problems: read.found.map((p) => ({ ...place(p), path: p.path, severity: p.severity, message: p.message })),
  }
}

/**
 * A sync feed checked as it streams by: `validateSyncFeed`'s entry rules one entry at a time, the feed's own members
 * at the end, and the summary's counts; with `parse.positions`, each problem placed as it is found. Without `--role`, the in-memory path checks a feed as a result feed when
 * any entry is a result: the first entry decides the role for the pass, and a feed whose first result entry comes
 * later is read a second time as a result feed (the issues per entry of the wrong role are not kept meanwhile).
 */
async function checkFeedStream(
  file: string,
  role: SyncFeedRole | undefined,
  parse: ParseOptions,
): Promise<{ found: Issue[]; summary: string } | { issues: Issue[] }> {
  let head: SyncFeed | undefined
  let rules: FeedEntryRules | undefined
  let chosen = role
  let mixed = false
  const summary = new FeedSummary()
  for await (const event of feedEvents(file, parse)) {
    if (event.type === 'head') head = event.feed
    else if (event.type === 'entry') {
      const result = isResultEntry(event.entry)
      chosen ??= result ? 'result' : 'source'
      if (result && chosen === 'source' && role === undefined) mixed = true
      rules ??= new FeedEntryRules([chosen], head?.digest)
      rules.add(event.entry, event.element)
      summary.add(event.entry)
    } else if (event.type === 'end') {
      if (mixed) return checkFeedStream(file, 'result', parse)
      chosen ??= 'source'
      rules ??= new FeedEntryRules([chosen], event.feed.digest)
      const issues = new Issues()
      checkFeedMembers(issues, event.feed, chosen, rules.count)
      if (event.element !== undefined) placeIssues(issues.list, event.element, 1, PATH_NAMESPACES)
      return { found: [...issues.list, ...rules.finish(chosen, event.feed.digest)], summary: summary.text(event.feed) }
    } else return { issues: event.issues }
  }
  return { issues: [wholeInputIssue('the feed ended early', 'incomplete')] }
}

/** `valid`, `valid (2 warnings)`, `invalid (1 error, 3 warnings)`: the end of a --summary line. */
function verdict(io: Io, report: FileReport, strict: boolean): string {
  const errors = report.problems.filter((p) => p.severity === 'error').length
  const warnings = report.problems.length - errors
  const counts = [
    ...(errors > 0 ? [`${errors} error${errors === 1 ? '' : 's'}`] : []),
    ...(warnings > 0 ? [`${warnings} warning${warnings === 1 ? '' : 's'}`] : []),
    ...(strict && errors === 0 && warnings > 0 ? ['--strict'] : []),
  ]
  const word = paint(io, report.valid ? 'green' : 'red', report.valid ? 'valid' : 'invalid')
  return counts.length === 0 ? word : `${word} (${counts.join(', ')})`
}

function report(
  file: string,
  kind: Kind | undefined,
  unsorted: LocatedProblem[],
  summary: string,
  strict: boolean,
  withSummary: boolean,
): FileReport {
  // Reading order: the file from top to bottom (sort is stable, so one element's problems keep their order).
  const problems = unsorted.sort((a, b) => a.line - b.line || a.column - b.column)
  const failing = problems.filter((p) => p.severity === 'error' || strict)
  return {
    file: file === '-' ? '<stdin>' : file,
    ...(kind ? { kind } : {}),
    valid: failing.length === 0,
    problems,
    ...(withSummary ? { summary } : {}),
  }
}

/**
 * Runs `syncwire validate` with the arguments after the command name; returns the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await runValidate(['feed.xml', '--strict'], io)
 * ```
 */
export async function runValidate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    kind: { type: 'string' },
    role: { type: 'string' },
    strict: { type: 'boolean' },
    summary: { type: 'boolean' },
    json: { type: 'boolean' },
    ...MAX_SIZE_OPTION,
  })
  if (values.help) {
    io.out(VALIDATE_HELP)
    return 0
  }
  const limit = parseMaxSize(values['max-size'])
  const kind = values.kind as Kind | undefined
  if (kind !== undefined && !KINDS.includes(kind))
    throw new UsageError(`unknown --kind '${kind}' (one of ${KINDS.join(', ')})`)
  const role = values.role as SyncEntryRole | undefined
  if (role !== undefined && !SYNC_ENTRY_ROLES.includes(role)) {
    throw new UsageError(`unknown --role '${role}' (one of ${SYNC_ENTRY_ROLES.join(', ')})`)
  }
  if (positionals.length === 0) throw new UsageError('no file given (use - for stdin)')
  if (positionals.filter((p) => p === '-').length > 1) throw new UsageError('stdin (-) can be read only once')

  const reports: FileReport[] = []
  for (const file of positionals) {
    const large = isLarge(file, limit) ? (kind ?? sniffKind(file)) : undefined
    if (large === 'feed' || large === 'filesync') {
      const { kind: found, problems: unsorted, summary } = await checkLarge(file, large, role, limit)
      reports.push(report(file, found, unsorted, summary, values.strict === true, values.summary === true))
      continue
    }
    let text: string
    try {
      text = readInput(file, limit).text
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      if (error.fault !== undefined) {
        // A refused encoding declaration is a fault of the text at its place: invalid XML, as the streamed path says.
        const { problems, summary } = notWellFormed([error.fault])
        reports.push(report(file, undefined, problems, summary, values.strict === true, values.summary === true))
        continue
      }
      reports.push({
        file: file === '-' ? '<stdin>' : file,
        valid: false,
        problems: [],
        error: error.message,
        ...(values.summary ? { summary: `unreadable: ${error.message}` } : {}),
      })
      continue
    }
    const { kind: found, problems: unsorted, summary } = check(file === '-' ? '<stdin>' : file, text, kind, role, limit)
    reports.push(report(file, found, unsorted, summary, values.strict === true, values.summary === true))
  }

  const unreadable = reports.filter((r) => r.error !== undefined).length
  const invalid = reports.filter((r) => r.error === undefined && !r.valid).length
  const code = unreadable > 0 ? 2 : invalid > 0 ? 1 : 0
  if (values.json) {
    io.out(`${JSON.stringify({ valid: code === 0, strict: values.strict === true, files: reports }, null, 2)}\n`)
    return code
  }
  for (const r of reports) {
    if (r.error !== undefined) {
      io.err(`syncwire validate: ${r.file}: ${r.error}\n`)
      continue
    }
    for (const p of r.problems) {
      const severity = paint(io, p.severity === 'error' ? 'red' : 'yellow', p.severity)
      io.out(`${r.file}:${p.line}:${p.column} ${showPath(p.path)} ${severity} ${p.message}\n`)
    }
    if (r.summary !== undefined) io.out(`${r.file}: ${r.summary}; ${verdict(io, r, values.strict === true)}\n`)
  }
  const ok = reports.length - invalid - unreadable
  const summary = `${reports.length} file${reports.length === 1 ? '' : 's'}: ${ok} valid, ${invalid} invalid${unreadable > 0 ? `, ${unreadable} unreadable` : ''}`
  io.err(`${summary}\n`)
  return code
}
