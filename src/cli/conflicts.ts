// `syncwire conflicts`: run the target side of a sync (processFeed) over feed pages and show every decision.
// sdata-sync §5.4–§5.5 and §5.8: an immediate-mode page whose first entry from an endpoint skips ticks is refused (docs/decisions.md#s10).

import type { DecisionReason, TargetState } from '../conflict/index'
import { DigestXml } from '../sdata/documents'
import type { Digest, SyncFeed } from '../sdata/model'
import { parseXml } from '../xml/parse'
import { serializeXml } from '../xml/serialize'
import type { XmlElement, XmlNode } from '../xml/types'
import { decidePage, decideStreamedPage, type PageResult } from './conflicts-page'
import { MAX_SIZE_OPTION, parseMaxSize, parseOptionsFor } from './io'
import { isLarge, sniffKind } from './large'
import { type Io, paint, parse, UsageError } from './shared'
import { Fatal, readDigest, readFeed, readStates, writeOutput } from './sync-inputs'

/**
 * `syncwire conflicts --help`.
 *
 * @example
 * ```ts
 * io.out(CONFLICTS_HELP)
 * ```
 */
export const CONFLICTS_HELP = `Usage: syncwire conflicts --target-digest <file> [--target-states <file>] [--last-page]
                         [--json] [--digest-out <file>] [--states-out <file>] [--max-size <size>]
                         <feed>...

Plays the target's side of an SData sync: each feed page (in the order given) goes through processFeed,
which decides per entry whether the target applies or ignores the incoming version, and whether both
sides changed it (a conflict). Prints a table per page and the target's new digest (endpoint, tick,
priority); the digest itself, to pass to the next run, goes to --digest-out (or is part of --json).

  --target-digest <file>  the target's digest before the first page. XML: a sync:digest document or a
                          $syncDigest entry. JSON: the "digest" of --json output (that whole output
                          works too), a digest as --digest-out writes it { "origin", "entries": [...] },
                          the SData JSON form { "origin", "digestEntry": [...] }, or the output of
                          syncwire convert --to json for a digest or a $syncDigest entry
  --target-states <file>  what the target holds (without it, the target holds nothing), either JSON:
                            { "states": { "<uuid>": { "endpoint": "<url>", "tick": 3,
                                          "stamp": "2008-10-30T14:52:03Z", "deleted": false } } }
                          (the bare uuid map works too, and so do --json output and --states-out files),
                          or a sync feed whose entries carry the target's sdata:uuid, sync:syncState and
                          sdata:isDeleted. Uuids compare case-insensitively, as in processFeed.
  --last-page             the last page given is the feed's last page: in catchUp mode the source digest
                          is then merged into the target's (sdata-sync §5.5)
  --json                  print the decisions, the digest and the states as one JSON document
  --max-size <size>       largest input file: bytes, or with KB, MB or GB (default 32MB)
  --digest-out <file>     write the new digest to <file>: JSON when the name ends in .json (the value
                          --json prints as "digest"), else XML (a sync:digest document). Either form is
                          read back by --target-digest. Written only when every page was processed.
  --states-out <file>     write what the target holds afterwards to <file>, as JSON { "states": … }
                          (read back by --target-states)
  -h, --help              show this help

Exit code: 0 done, 1 a page does not decode or has a gap in immediate mode, 2 usage error, unreadable
input or an output file that cannot be written.

Examples:
  syncwire conflicts --target-digest digest.xml --target-states states.json --last-page \\
    page-1.xml page-2.xml

  Page by page: each run reads the digest and states the run before wrote, and overwrites them:
  syncwire conflicts --target-digest digest.xml --target-states states.json \\
    --digest-out digest.xml --states-out states.json page-1.xml
  syncwire conflicts --target-digest digest.xml --target-states states.json \\
    --digest-out digest.xml --states-out states.json --last-page page-2.xml

  The file names stand for your own files:
  digest.xml    the target's digest, e.g. the response of GET …/$syncDigest at the target
  states.json   what the target holds, in the --target-states form above
  page-1.xml …  the pages of the sync feed the source sent, in order (e.g. the responses of
                GET …/$syncSource, following each page's "next" link)
`

/**
 * A one-line reason for each decision rule, for the table's readers.
 *
 * @example
 * ```ts
 * REASON_TEXT['priority'] // 'concurrent changes: the endpoint with the better (lower) conflict priority wins'
 * ```
 */
export const REASON_TEXT: Readonly<Record<DecisionReason, string>> = {
  'new-resource': 'the target has never held this resource',
  'same-endpoint-newer': 'both versions come from the same endpoint; the incoming tick is newer',
  'same-endpoint-stale': 'both versions come from the same endpoint; the target already has this tick or a later one',
  'source-has-seen-target': "the source's digest already covers the target's version: the source edited on top of it",
  'target-has-seen-source': "the target's digest already covers the incoming version: nothing new",
  priority: 'concurrent changes: the endpoint with the better (lower) conflict priority wins',
  stamp: 'concurrent changes, equal priorities: the later stamp wins',
  'tie-break': 'concurrent changes, equal priorities and stamps: the endpoint key decides',
}

/**
 * Indents element-only content so a digest reads as a block; the whitespace added is dropped again on reading
 * (whitespace-only text between elements is not kept), so the document's value is unchanged.
 *
 * @example
 * ```ts
 * indentXml(DigestXml.encode(digest))
 * ```
 */
export function indentXml(xml: string): string {
  const parsed = parseXml(xml)
  if (parsed._tag === 'Left') return xml
  const indent = (e: XmlElement, depth: number): XmlElement => {
    if (e.children.length === 0 || e.children.some((c) => c.type === 'text')) return e
    const pad = `\n${'  '.repeat(depth + 1)}`
    const children: XmlNode[] = []
    for (const c of e.children) children.push({ type: 'text', value: pad }, indent(c as XmlElement, depth + 1))
    children.push({ type: 'text', value: `\n${'  '.repeat(depth)}` })
    return { ...e, children }
  }
  return serializeXml({ root: indent(parsed.right.root, 0) }).replace('?><', '?>\n<')
}

/**
 * Short names for endpoint URLs in the table: what differs between them once the common leading and trailing
 * path segments are dropped (`…/crm/accounts/…` and `…/erp/accounts/…` become `crm` and `erp`); the URLs themselves
 * when that leaves a name empty or ambiguous.
 *
 * @example
 * ```ts
 * shortNames(['http://x/sdata/crm/-/a', 'http://x/sdata/erp/-/a']).get('http://x/sdata/crm/-/a') // 'crm'
 * ```
 */
export function shortNames(urls: Iterable<string>): Map<string, string> {
  const list = [...new Set(urls)]
  const names = new Map(list.map((u) => [u, u]))
  if (list.length < 2) return names
  const parts = list.map((u) => u.split('/'))
  let head = 0
  while (parts.every((p) => head < p.length - 1 && p[head] === parts[0]![head])) head++
  let tail = 0
  while (
    parts.every((p) => tail < p.length - head - 1 && p[p.length - 1 - tail] === parts[0]![parts[0]!.length - 1 - tail])
  )
    tail++
  const short = parts.map((p) => p.slice(head, p.length - tail).join('/'))
  if (short.some((s) => s === '') || new Set(short).size !== short.length) return names
  for (let i = 0; i < list.length; i++) names.set(list[i]!, short[i]!)
  return names
}

function shortState(s: TargetState | undefined, names: Map<string, string>): string {
  if (s === undefined) return '(none)'
  return `${names.get(s.endpoint) ?? s.endpoint} #${s.tick}${s.deleted ? ' (deleted)' : ''}`
}

// Colour codes take no room on screen, so widths count only the visible characters.
const visible = (cell: string): number => cell.replace(/\u001b\[\d+m/g, '').length

function table(rows: string[][], io: Io): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => visible(r[c]!))))
  return rows
    .map((r, i) => {
      const line = r
        .map((cell, c) => (c === r.length - 1 ? cell : cell + ' '.repeat(widths[c]! - visible(cell))))
        .join('  ')
      return i === 0 ? paint(io, 'bold', line) : line
    })
    .join('\n')
}

/** The digest as rows for people: endpoint (short name), tick, priority, stamp, in the digest's order. */
function digestTable(digest: Digest, names: Map<string, string>, io: Io): string {
  const rows = [['endpoint', 'tick', 'priority', 'stamp']]
  for (const e of digest.entries) {
    rows.push([names.get(e.endpoint) ?? e.endpoint, String(e.tick), String(e.conflictPriority), e.stamp])
  }
  return table(rows, io)
}

/**
 * Runs `syncwire conflicts` with the arguments after the command name; returns the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await runConflicts(['--target-digest', 'digest.xml', 'page-1.xml'], io)
 * ```
 */
export async function runConflicts(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    'target-digest': { type: 'string' },
    'target-states': { type: 'string' },
    'last-page': { type: 'boolean' },
    json: { type: 'boolean' },
    ...MAX_SIZE_OPTION,
    'digest-out': { type: 'string' },
    'states-out': { type: 'string' },
  })
  if (values.help) {
    io.out(CONFLICTS_HELP)
    return 0
  }
  const limit = parseMaxSize(values['max-size'])
  if (values['target-digest'] === undefined) throw new UsageError('missing --target-digest <file>')
  if (positionals.length === 0) throw new UsageError('no feed page given')
  for (const flag of ['digest-out', 'states-out'] as const) {
    if (values[flag] === '' || values[flag] === '-') {
      throw new UsageError(`--${flag} needs a file name (stdout is for the table, or for --json)`)
    }
  }
  try {
    let digest = readDigest(values['target-digest'], limit)
    const states = readStates(values['target-states'], limit)
    // Pages within the size limit are read (and their errors reported) first, as before; larger ones stream.
    const parseOptions = parseOptionsFor(limit)
    const pages: Array<{ file: string; feed?: SyncFeed }> = []
    for (const file of positionals) {
      const streamed = isLarge(file, limit) && sniffKind(file) === 'feed'
      pages.push(streamed ? { file } : { file, feed: readFeed(file, limit) })
    }
    const results: PageResult[] = []
    for (let p = 0; p < pages.length; p++) {
      const { file, feed } = pages[p]!
      const lastPage = values['last-page'] === true && p === pages.length - 1
      const outcome =
        feed === undefined
          ? await decideStreamedPage(file, digest, states, lastPage, parseOptions)
          : decidePage(file, feed, digest, states, lastPage)
      if ('gap' in outcome) {
        const g = outcome.gap
        const message =
          `${file}: gap in immediate mode: entry ${g.index + 1} from ${g.endpoint} has tick ${g.entryTick}, ` +
          `but the target's digest expects tick ${g.digestTick} next (ticks ${g.digestTick}..${g.entryTick - 1} are missing); page refused`
        if (values.json) {
          io.out(`${JSON.stringify({ error: { file, kind: 'gap', ...g }, pages: results }, null, 2)}\n`)
        }
        io.err(`syncwire conflicts: ${message}\n`)
        return 1
      }
      digest = outcome.digest
      results.push(outcome.page)
    }
    const held = Object.fromEntries(states.entries())
    const digestOut = values['digest-out']
    if (digestOut !== undefined) {
      const json = digestOut.toLowerCase().endsWith('.json')
      writeOutput(digestOut, json ? `${JSON.stringify(digest, null, 2)}\n` : `${indentXml(DigestXml.encode(digest))}\n`)
    }
    if (values['states-out'] !== undefined) {
      writeOutput(values['states-out'], `${JSON.stringify({ states: held }, null, 2)}\n`)
    }
    if (values.json) {
      io.out(`${JSON.stringify({ pages: results, digest, states: held }, null, 2)}\n`)
      return 0
    }
    const endpoints = results.flatMap((p) =>
      p.decisions.flatMap((d) => [d.source.endpoint, ...(d.target ? [d.target.endpoint] : [])]),
    )
    const names = shortNames([...endpoints, ...digest.entries.map((e) => e.endpoint)])
    const renamed = [...names].filter(([url, name]) => url !== name)
    if (renamed.length > 0) {
      io.out(
        `${paint(io, 'cyan', '== endpoints')}\n${renamed.map(([url, name]) => `  ${name.padEnd(12)} ${url}`).join('\n')}\n\n`,
      )
    }
    for (const page of results) {
      io.out(
        `${paint(io, 'cyan', `== ${page.file}`)} (${page.syncMode}, ${page.decisions.length} decision${page.decisions.length === 1 ? '' : 's'})\n`,
      )
      const rows = [['uuid', 'source (endpoint #tick)', 'target state', 'action', 'conflict', 'reason']]
      for (const d of page.decisions) {
        rows.push([
          d.uuid,
          `${names.get(d.source.endpoint) ?? d.source.endpoint} #${d.source.tick}${d.deleted ? ' (delete)' : ''}`,
          shortState(d.target ?? undefined, names),
          d.action,
          d.conflict ? paint(io, 'yellow', 'yes') : 'no',
          d.reason,
        ])
      }
      io.out(`${table(rows, io)}\n`)
      for (const r of page.rejected) io.out(`  entry ${r.index + 1} skipped: ${r.problem}\n`)
      io.out(page.merged ? "  the source digest was merged into the target's (last page of a catch-up feed)\n\n" : '\n')
    }
    io.out(
      `${paint(io, 'cyan', '== new target digest')}${digestOut === undefined ? '' : ` (written to ${digestOut})`}\n`,
    )
    io.out(`${digestTable(digest, names, io)}\n`)
    return 0
  } catch (error) {
    if (error instanceof Fatal) {
      for (const line of error.message.split('\n')) io.err(`syncwire conflicts: ${line}\n`)
      return error.code
    }
    throw error
  }
}
