// `syncwire convert`: a document to its typed JSON value in an envelope that names the kind, and back.
// `syncwire convert`; SData kinds use the SData JSON mapping (SyncFeedJson, DigestJson, …).
import { reportErrors } from '../codec/report'
import { reportJsonErrors } from '../sdata/json/report'
import type { SyncFeed } from '../sdata/model'
import type { Issue } from '../xml/issue'
import { parseXml } from '../xml/parse'
import { jsonToXml } from './convert-json'
import { feedToJson, feedToXml } from './convert-large'
import { fileSyncToJson } from './filesync-large'
import { InputError, MAX_SIZE_OPTION, parseMaxSize, parseOptionsFor, readInput, undecodable } from './io'
import { readJson } from './json-fault'
import { detectKind, KIND_SPECS, KINDS, type Kind } from './kinds'
import { isLarge, sniffKind } from './large'
import { type Io, parse, showPath, UsageError } from './shared'

/**
 * The envelope format tag of `convert --to json`.
 *
 * @example
 * ```ts
 * JSON.parse(out).$syncwire === ENVELOPE_VERSION
 * ```
 */
export const ENVELOPE_VERSION = 'syncwire-document/1'

/**
 * `syncwire convert --help`.
 *
 * @example
 * ```ts
 * io.out(CONVERT_HELP)
 * ```
 */
export const CONVERT_HELP = `Usage: syncwire convert <file|-> --to json|xml [--kind <kind>]

Converts a document to its typed JSON value, or such a JSON value back to XML. The JSON is an envelope
that records the kind, so the way back needs no flags:

  { "$syncwire": "${ENVELOPE_VERSION}", "kind": "feed", "value": { … } }

SData kinds use the SData JSON mapping ($id, $updated, $syncState, $resource …); FILESYNC documents use
the decoded value as is (byte fields as { "$hex": "…" }). XML → JSON → XML gives a document that decodes
to the same value (the XML is written in the spec's form, so the bytes may differ).
Exit code: 0 converted, 1 the input does not decode, 2 usage error or unreadable input.

Options:
  --to <format>   json | xml (required)
  --kind <kind>   XML input only: ${KINDS.join(', ')} (default: detected from the root element)
  --max-size <n>  largest input file: bytes, or with KB, MB or GB (default 32MB)
  -h, --help      show this help

Examples:
  syncwire convert page-1.xml --to json > page-1.json
  syncwire convert page-1.json --to xml

  (page-1.xml stands for your own document, e.g. a saved sync feed page)
`

// The largest JSON envelope `--to xml` reads whole when no --max-size is given (an envelope of a feed or listing in
// the form `--to json` writes streams instead): the envelope of a feed streamed to JSON is larger than its XML.
const JSON_LIMIT = 1024 * 1024 * 1024

function fail(io: Io, file: string, problems: Array<{ path: string; message: string }>): number {
  for (const p of problems) io.err(`syncwire convert: ${file}: ${showPath(p.path)} ${p.message}\n`)
  return 1
}

/** The problems of a file streamed: one whose bytes are not text is unreadable (exit 2), as it is read whole. */
function failStreamed(io: Io, file: string, issues: Issue[]): number {
  const unreadable = undecodable(issues)
  if (unreadable === undefined) return fail(io, file, issues)
  io.err(`syncwire convert: ${file}: ${unreadable.message}\n`)
  return 2
}

/**
 * Runs `syncwire convert` with the arguments after the command name; returns the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await runConvert(['feed.xml', '--to', 'json'], io)
 * ```
 */
export async function runConvert(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { to: { type: 'string' }, kind: { type: 'string' }, ...MAX_SIZE_OPTION })
  if (values.help) {
    io.out(CONVERT_HELP)
    return 0
  }
  const limit = parseMaxSize(values['max-size'])
  if (values.to !== 'json' && values.to !== 'xml') {
    throw new UsageError(
      values.to === undefined ? 'missing --to json|xml' : `unknown --to '${values.to}' (json or xml)`,
    )
  }
  const kindFlag = values.kind as Kind | undefined
  if (kindFlag !== undefined && !KINDS.includes(kindFlag)) {
    throw new UsageError(`unknown --kind '${kindFlag}' (one of ${KINDS.join(', ')})`)
  }
  if (positionals.length !== 1)
    throw new UsageError(positionals.length === 0 ? 'no file given' : 'convert takes one file')
  const file = positionals[0]!
  const name = file === '-' ? '<stdin>' : file
  const large = isLarge(file, limit)
  const streamable = large && values.to === 'json' ? (kindFlag ?? sniffKind(file)) : undefined
  if (streamable === 'feed') {
    const issues = await feedToJson(file, ENVELOPE_VERSION, io, parseOptionsFor(limit))
    return issues === undefined ? 0 : failStreamed(io, name, issues)
  }
  if (streamable === 'filesync') {
    const issues = await fileSyncToJson(file, ENVELOPE_VERSION, io, parseOptionsFor(limit))
    return issues === undefined ? 0 : failStreamed(io, name, issues)
  }
  if (large && values.to === 'xml') {
    const problems = await jsonToXml(file, ENVELOPE_VERSION, io, parseOptionsFor(limit))
    if (problems !== undefined) return problems.length === 0 ? 0 : failStreamed(io, name, problems)
  }
  let text: string
  try {
    // Other large JSON (other kinds, envelopes not in convert's own form) is parsed whole: without --max-size it
    // is read whole up to JSON_LIMIT.
    const jsonLimit = values['max-size'] === undefined ? JSON_LIMIT : limit
    text = readInput(file, large && values.to === 'xml' ? jsonLimit : limit).text
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    // A refused encoding declaration is invalid XML at its place, as the streamed path reports it.
    if (error.fault !== undefined) return fail(io, name, [{ path: error.fault.path, message: error.fault.message }])
    io.err(`syncwire convert: ${file === '-' ? '<stdin>' : file}: ${error.message}\n`)
    return 2
  }
  const looksJson = /^\uFEFF?\s*[{[]/.test(text)

  if (values.to === 'json') {
    if (looksJson) throw new UsageError(`${name} is JSON already; use --to xml`)
    const parsed = parseXml(text, parseOptionsFor(limit))
    if (parsed._tag === 'Left') {
      return fail(
        io,
        name,
        parsed.left.map((e) => ({
          path: e.line === undefined ? '' : `${e.line}:${e.column ?? 1}`,
          message: e.message,
        })),
      )
    }
    const kind = kindFlag ?? detectKind(parsed.right.root)
    if (kind === undefined) {
      return fail(io, name, [{ path: `/${parsed.right.root.localName}`, message: 'unknown document kind; use --kind' }])
    }
    const spec = KIND_SPECS[kind]
    const decoded = spec.xmlWith({ parse: parseOptionsFor(limit) }).decode(text)
    if (decoded._tag === 'Left') return fail(io, name, reportErrors(decoded.left))
    writeEnvelope(io, kind, decoded.right)
    return 0
  }

  if (!looksJson) throw new UsageError(`${name} is not JSON; use --to json for XML input`)
  // A fault is placed as the streamed path places it: its JSON Pointer and line:column.
  const json = readJson(text)
  if (!('value' in json)) return fail(io, name, ['fault' in json ? json.fault : { path: '', message: json.error }])
  const e = json.value as { $syncwire?: unknown; kind?: unknown; value?: unknown }
  if (e === null || typeof e !== 'object' || e.$syncwire !== ENVELOPE_VERSION) {
    return fail(io, name, [
      { path: '$', message: `not a syncwire envelope (expected "$syncwire": "${ENVELOPE_VERSION}")` },
    ])
  }
  if (typeof e.kind !== 'string' || !KINDS.includes(e.kind as Kind)) {
    return fail(io, name, [
      { path: '$.kind', message: `unknown kind ${JSON.stringify(e.kind)} (one of ${KINDS.join(', ')})` },
    ])
  }
  const spec = KIND_SPECS[e.kind as Kind]
  const decoded = spec.json.decode(e.value)
  if (decoded._tag === 'Left') {
    const problems = e.kind === 'filesync' ? reportErrors(decoded.left) : reportJsonErrors(decoded.left)
    return fail(
      io,
      name,
      problems.map((p) => ({
        path: p.path.startsWith('$')
          ? p.path.replace(/^\$/, '$.value')
          : p.path.startsWith('/')
            ? `/value${p.path}`
            : p.path,
        message: p.message,
      })),
    )
  }
  // A large feed goes out in chunks, the same text without ever being one string.
  if (large && e.kind === 'feed') {
    await feedToXml(decoded.right as SyncFeed, io)
    return 0
  }
  const xml = spec.xml.encode(decoded.right)
  io.out(xml.endsWith('\n') ? xml : `${xml}\n`)
  return 0
}

function writeEnvelope(io: Io, kind: Kind, value: unknown): void {
  const spec = KIND_SPECS[kind]
  io.out(`${JSON.stringify({ $syncwire: ENVELOPE_VERSION, kind, value: spec.json.encode(value as never) }, null, 2)}\n`)
}
