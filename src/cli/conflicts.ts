// `syncwire conflicts`: run the target side of a sync (processFeed) over feed pages and show every decision.
// Implements issue 6 "syncwire conflicts" over sdata-sync §5.4–§5.5 and §5.8 (gaps in immediate mode, decision 10).

import { reportErrors } from '../codec/report'
import { stampToEpochMs } from '../common/stamp'
import { processFeed } from '../conflict/feed'
import type { DecisionReason, EntryDecision, TargetState } from '../conflict/types'
import { DigestXml, digestXml, syncEntryXml, syncFeedXml } from '../sdata/codecs'
import type { Digest, Stamp, SyncFeed } from '../sdata/model'
import { parseXml } from '../xml/parse'
import { serializeXml } from '../xml/serialize'
import type { XmlElement, XmlNode } from '../xml/types'
import { InputError, MAX_SIZE_OPTION, parseMaxSize, parseOptionsFor, readInput } from './io'
import { detectKind } from './kinds'
import { type Io, paint, parse, showPath, UsageError } from './shared'

/**
 * `syncwire conflicts --help`.
 *
 * @example
 * ```ts
 * io.out(CONFLICTS_HELP)
 * ```
 */
export const CONFLICTS_HELP = `Usage: syncwire conflicts --target-digest <file> [--target-states <file>] [--last-page] [--json] <feed>...

Plays the target's side of an SData sync: each feed page (in the order given) goes through processFeed,
which decides per entry whether the target applies or ignores the incoming version, and whether both
sides changed it (a conflict). Prints a table per page, then the target's new digest as XML.

  --target-digest <file>  the target's digest before the first page: a sync:digest document, or a
                          $syncDigest entry
  --target-states <file>  what the target holds (without it, the target holds nothing), either JSON:
                            { "states": { "<uuid>": { "endpoint": "<url>", "tick": 3,
                                          "stamp": "2008-10-30T14:52:03Z", "deleted": false } } }
                          (the bare uuid map works too), or a sync feed whose entries carry the
                          target's sdata:uuid, sync:syncState and sdata:isDeleted
  --last-page             the last page given is the feed's last page: in catchUp mode the source digest
                          is then merged into the target's (sdata-sync §5.5)
  --json                  print the decisions and the digest as JSON
  --max-size <size>       largest input file: bytes, or with KB, MB or GB (default 32MB)
  -h, --help              show this help

Exit code: 0 done, 1 a page does not decode or has a gap in immediate mode, 2 usage error or unreadable input.

Example:
  syncwire conflicts --target-digest examples/sdata/target-digest.xml \\
    --target-states examples/sdata/target-states.json --last-page \\
    examples/sdata/catch-up-page-1.xml examples/sdata/catch-up-page-2.xml
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

class Fatal extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message)
  }
}

function read(file: string, limit: number): string {
  try {
    return readInput(file, limit).text
  } catch (error) {
    if (error instanceof InputError) throw new Fatal(2, `${file === '-' ? '<stdin>' : file}: ${error.message}`)
    throw error
  }
}

function problemsLine(file: string, problems: Array<{ path: string; message: string }>): string {
  return problems.map((p) => `${file}: ${showPath(p.path)} ${p.message}`).join('\n')
}

function readDigest(file: string, limit: number): Digest {
  const text = read(file, limit)
  const parse = parseOptionsFor(limit)
  const parsed = parseXml(text, parse)
  if (parsed._tag === 'Left') throw new Fatal(1, `${file}: not well-formed XML: ${parsed.left[0]?.message}`)
  const kind = detectKind(parsed.right.root)
  if (kind === 'digest') {
    const d = digestXml({ parse }).decode(text)
    if (d._tag === 'Left') throw new Fatal(1, problemsLine(file, reportErrors(d.left)))
    return d.right
  }
  if (kind === 'entry') {
    const e = syncEntryXml(undefined, { parse }).decode(text)
    if (e._tag === 'Left') throw new Fatal(1, problemsLine(file, reportErrors(e.left)))
    if (e.right.digest !== undefined) return e.right.digest
  }
  throw new Fatal(1, `${file}: expected a sync:digest document or a $syncDigest entry with a digest`)
}

function readFeed(file: string, limit: number, text = read(file, limit)): SyncFeed {
  const f = syncFeedXml(undefined, { parse: parseOptionsFor(limit) }).decode(text)
  if (f._tag === 'Left') throw new Fatal(1, problemsLine(file, reportErrors(f.left)))
  return f.right
}

function stateFromJson(file: string, uuid: string, u: unknown): TargetState {
  const o = u as Record<string, unknown>
  const where = `${file}: states["${uuid}"]`
  if (o === null || typeof o !== 'object' || Array.isArray(o)) throw new Fatal(1, `${where} is not an object`)
  if (typeof o.endpoint !== 'string' || o.endpoint === '')
    throw new Fatal(1, `${where}.endpoint: expected a URL string`)
  if (typeof o.tick !== 'number' || !Number.isSafeInteger(o.tick) || o.tick < 0) {
    throw new Fatal(1, `${where}.tick: expected a non-negative integer`)
  }
  if (typeof o.stamp !== 'string' || !Number.isFinite(stampToEpochMs(o.stamp as Stamp))) {
    throw new Fatal(1, `${where}.stamp: expected an xs:dateTime string`)
  }
  if (o.deleted !== undefined && typeof o.deleted !== 'boolean')
    throw new Fatal(1, `${where}.deleted: expected a boolean`)
  const state: TargetState = { endpoint: o.endpoint, tick: o.tick, stamp: o.stamp as Stamp }
  if (typeof o.user === 'string') state.user = o.user
  if (o.deleted === true) state.deleted = true
  return state
}

function readStates(file: string | undefined, limit: number): Map<string, TargetState> {
  const states = new Map<string, TargetState>()
  if (file === undefined) return states
  const text = read(file, limit)
  if (/^\uFEFF?\s*</.test(text)) {
    for (const entry of readFeed(file, limit, text).entries) {
      const uuid = entry.payload?.uuid
      if (uuid === undefined || entry.syncState === undefined) continue
      states.set(uuid, { ...entry.syncState, ...(entry.payload?.isDeleted ? { deleted: true } : {}) })
    }
    return states
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new Fatal(1, `${file}: not valid JSON: ${(error as Error).message}`)
  }
  const top = json as Record<string, unknown>
  if (top === null || typeof top !== 'object' || Array.isArray(top))
    throw new Fatal(1, `${file}: expected a JSON object`)
  const map = (typeof top.states === 'object' && top.states !== null ? top.states : top) as Record<string, unknown>
  for (const [uuid, value] of Object.entries(map)) {
    if (uuid.startsWith('$')) continue
    states.set(uuid, stateFromJson(file, uuid, value))
  }
  return states
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

interface PageResult {
  file: string
  syncMode: string
  decisions: Array<{
    uuid: string
    source: { endpoint: string; tick: number; stamp: string }
    target: TargetState | null
    action: string
    conflict: boolean
    reason: DecisionReason
    deleted: boolean
  }>
  rejected: Array<{ index: number; problem: string }>
  merged: boolean
}

/**
 * Runs `syncwire conflicts` with the arguments after the command name; returns the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = runConflicts(['--target-digest', 'digest.xml', 'page-1.xml'], io)
 * ```
 */
export function runConflicts(args: string[], io: Io): number {
  const { values, positionals } = parse(args, {
    'target-digest': { type: 'string' },
    'target-states': { type: 'string' },
    'last-page': { type: 'boolean' },
    json: { type: 'boolean' },
    ...MAX_SIZE_OPTION,
  })
  if (values.help) {
    io.out(CONFLICTS_HELP)
    return 0
  }
  const limit = parseMaxSize(values['max-size'])
  if (values['target-digest'] === undefined) throw new UsageError('missing --target-digest <file>')
  if (positionals.length === 0) throw new UsageError('no feed page given')
  try {
    let digest = readDigest(values['target-digest'], limit)
    const states = readStates(values['target-states'], limit)
    const pages = positionals.map((file) => ({ file, feed: readFeed(file, limit) }))
    const results: PageResult[] = []
    for (let p = 0; p < pages.length; p++) {
      const { file, feed } = pages[p]!
      const outcome = processFeed({
        targetDigest: digest,
        feed,
        lookup: (uuid) => states.get(uuid),
        lastPage: values['last-page'] === true && p === pages.length - 1,
      })
      if (outcome._tag === 'Left') {
        const g = outcome.left
        const message =
          `${file}: gap in immediate mode: entry ${g.index + 1} from ${g.endpoint} has tick ${g.entryTick}, ` +
          `but the target's digest expects tick ${g.digestTick} next (ticks ${g.digestTick}..${g.entryTick - 1} are missing); page refused`
        if (values.json) {
          io.out(`${JSON.stringify({ error: { file, kind: 'gap', ...g }, pages: results }, null, 2)}\n`)
        }
        io.err(`syncwire conflicts: ${message}\n`)
        return 1
      }
      const page: PageResult = {
        file,
        syncMode: feed.syncMode ?? 'catchUp',
        decisions: [],
        rejected: outcome.right.rejected,
        merged: outcome.right.merged,
      }
      for (const d of outcome.right.decisions as EntryDecision[]) {
        const entry = feed.entries[d.index]!
        const source = entry.syncState!
        const deleted = entry.payload?.isDeleted === true
        page.decisions.push({
          uuid: d.uuid,
          source: { endpoint: source.endpoint, tick: source.tick, stamp: source.stamp },
          target: states.get(d.uuid) ?? null,
          action: d.decision.action,
          conflict: d.decision.conflict,
          reason: d.decision.reason,
          deleted,
        })
        if (d.decision.action === 'apply') states.set(d.uuid, { ...source, ...(deleted ? { deleted: true } : {}) })
      }
      digest = outcome.right.digest
      results.push(page)
    }
    if (values.json) {
      io.out(`${JSON.stringify({ pages: results, digest, states: Object.fromEntries(states) }, null, 2)}\n`)
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
    io.out(`${paint(io, 'cyan', '== new target digest')}\n${indentXml(DigestXml.encode(digest))}\n`)
    return 0
  } catch (error) {
    if (error instanceof Fatal) {
      for (const line of error.message.split('\n')) io.err(`syncwire conflicts: ${line}\n`)
      return error.code
    }
    throw error
  }
}
