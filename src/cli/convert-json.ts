// `syncwire convert --to xml` of a JSON envelope over --max-size: read as it streams (the feed's `$resources`, a
// listing's top-level items, one at a time), checked whole before the first byte is written, then written in chunks.
import { statSync } from 'node:fs'
import { reportErrors } from '../codec/report'
import { type Issue, type PathStep, underSteps } from '../common/issues'
import { type JsonStep, type JsonStreamEvent, JsonStreamReader } from '../common/json-stream'
import { encodeFileSyncStream } from '../filesync/encode-stream'
import type { FileSyncDocument, Item } from '../filesync/model'
import { itemName } from '../filesync/validate'
import { encodeSyncFeedStream } from '../sdata/encode-stream'
import { SyncFeedJson } from '../sdata/index'
import { reportJsonErrors } from '../sdata/json/report'
import { decodeResource, streamSyncFeedJson } from '../sdata/json/stream'
import type { SyncEntry, SyncFeed } from '../sdata/model'
import { type ParseOptions, resolveLimits } from '../xml/options'
import { sourceIssue, sourceText } from '../xml/source'
import { Output } from './convert-large'
import { headOf } from './head'
import { KIND_SPECS } from './kinds'
import { chunksOf, Meter } from './large'
import type { Io } from './shared'

/** The arrays of an envelope that stream: a feed's entries, a listing's top-level items (either root). */
const STREAMED: Record<StreamedKind, readonly string[]> = {
  feed: ['value/$resources'],
  filesync: ['value/items', 'value/folder/items'],
}

type StreamedKind = 'feed' | 'filesync'

// The start of an envelope as `convert --to json` writes it: the tag and the kind before the value.
const ENVELOPE_START = /^\s*\{\s*"\$syncwire"\s*:\s*"([^"\\]*)"\s*,\s*"kind"\s*:\s*"(feed|filesync)"\s*,\s*"value"\s*:/

/**
 * The kind of an envelope whose first 64 KiB (decoded as the whole file is, {@link headOf}) start as `convert --to
 * json` writes them, for `version`.
 */
function sniffEnvelope(file: string, version: string): StreamedKind | undefined {
  const m = ENVELOPE_START.exec(headOf(file) ?? '')
  return m !== null && m[1] === version ? (m[2] as StreamedKind) : undefined
}

/** The problems `convert` prints. */
type Problems = Issue[]

/** The envelope's `value` member, above the document's own steps. */
const VALUE: PathStep[] = [{ kind: 'member', name: 'value' }]

/** The file's JSON events (`error` last), one chunk's worth at a time. */
async function* jsonEvents(
  file: string,
  kind: StreamedKind,
  parse: ParseOptions | undefined,
): AsyncGenerator<JsonStreamEvent> {
  const limits = resolveLimits(parse)
  const events: JsonStreamEvent[] = []
  const streams = (path: readonly JsonStep[]) => STREAMED[kind].includes(path.join('/'))
  const meter = new Meter(file, statSync(file).size, kind === 'feed' ? 'entries' : 'items')
  const reader = new JsonStreamReader({ streams, maxLength: limits.maxLength, maxDepth: limits.maxDepth }, (e) => {
    if (e.type === 'element') meter.item()
    events.push(e)
  })
  try {
    for await (const text of sourceText(chunksOf(file, meter))) {
      reader.push(text)
      yield* events.splice(0)
      if (reader.failed) return
    }
    reader.end()
    yield* events.splice(0)
  } catch (error) {
    // Bytes that are not text (or a file that cannot be read on): the source's fault, as the XML readers give it.
    yield* events.splice(0)
    yield { type: 'error', issue: sourceIssue(error) }
  } finally {
    meter.done()
  }
}

/** FILESYNC JSON of one item back to its value, as the in-memory path checks a whole document (FILESYNC XML paths). */
function fileSyncItem(json: unknown): { item: Item } | { problems: Problems } {
  const r = KIND_SPECS.filesync.json.decode({ root: 'Items', items: [json] })
  if (r._tag === 'Left') return { problems: reportErrors(r.left) }
  return { item: (r.right as FileSyncDocument & { root: 'Items' }).items[0]! }
}

/**
 * Writes the XML of a large `feed` or `filesync` envelope (`convert --to xml`): the same text as the in-memory
 * path, holding one entry (or one top-level item, with its nested items) at a time. The file is read once to check
 * it all (JSON, envelope, every entry or item), so nothing is written for input that fails; then once more to write
 * (a feed: twice, once for the namespaces the entries use). `undefined` when the file does not start as
 * `convert --to json` writes an envelope of a feed or listing (`$syncwire`, then `kind`, then `value`): it is read
 * whole then. Else the problems (paths as the in-memory path prints them), or `[]` when written.
 *
 * @example
 * ```ts
 * const problems = await jsonToXml('big-feed.json', ENVELOPE_VERSION, io)
 * ```
 */
export async function jsonToXml(
  file: string,
  version: string,
  io: Io,
  parse?: ParseOptions,
): Promise<Problems | undefined> {
  const kind = sniffEnvelope(file, version)
  if (kind === undefined) return undefined
  // Top-level FILESYNC items are named by their place among same-named siblings, as the whole document's paths are.
  const counts = new Map<string, number>()
  let envelope: unknown
  for await (const e of jsonEvents(file, kind, parse)) {
    if (e.type === 'error') return [e.issue]
    if (e.type === 'end') envelope = e.value
    if (e.type !== 'element') continue
    if (e.path[1] === '$resources') {
      const r = decodeResource(SyncFeedJson, e.value, e.path[2] as number, ['value'])
      if ('issues' in r) return r.issues
      continue
    }
    const r = fileSyncItem(e.value)
    const name = 'item' in r ? itemName(r.item) : topItemStep(r.problems[0])?.name
    const n = (counts.get(name ?? '') ?? 0) + 1
    counts.set(name ?? '', n)
    if ('problems' in r) {
      const base: PathStep[] =
        e.path[1] === 'folder'
          ? [...VALUE, { kind: 'element', name: 'Folder' }, { kind: 'element', name: 'Items' }]
          : [...VALUE, { kind: 'element', name: 'Items' }]
      return r.problems.map((p) => {
        const top = topItemStep(p)
        if (top === undefined) return p
        return underSteps({ ...p, steps: [{ ...top, position: n }, ...p.steps.slice(2)] }, base)
      })
    }
  }
  // A member repeated later (JSON keeps the last) may say otherwise: then the whole-text path decides.
  const e = envelope as { $syncwire?: unknown; kind?: unknown; value?: unknown }
  if (e.$syncwire !== version || e.kind !== kind) return undefined
  if (kind === 'feed') {
    const head = SyncFeedJson.decode(e.value)
    if (head._tag === 'Left') return reportJsonErrors(head.left).map((p) => underSteps(p, VALUE, 'json'))
    await writeChunks(
      io,
      encodeSyncFeedStream(head.right as SyncFeed, () => feedEntries(file, parse)),
    )
    return []
  }
  {
    const head = KIND_SPECS.filesync.json.decode(e.value)
    if (head._tag === 'Left') return reportErrors(head.left).map((p) => underSteps(p, VALUE))
    await writeChunks(io, encodeFileSyncStream(head.right as FileSyncDocument, fileSyncItems(file, parse)))
    return []
  }
}

async function writeChunks(io: Io, chunks: AsyncIterable<string>): Promise<void> {
  const out = new Output(io)
  let last = ''
  for await (const chunk of chunks) {
    out.write(chunk)
    last = chunk
  }
  if (!last.endsWith('\n')) out.write('\n')
  out.flush()
}

/** The entries of the envelope's feed, read again (they were checked). */
async function* feedEntries(file: string, parse: ParseOptions | undefined): AsyncGenerator<SyncEntry> {
  const meter = new Meter(file, statSync(file).size, 'entries')
  try {
    for await (const event of streamSyncFeedJson(chunksOf(file, meter), { parse, at: ['value'] })) {
      if (event.type === 'entry') {
        meter.item()
        yield event.entry
      } else if (event.type === 'error')
        throw new Error(`${file} changed while it was read: ${issuesText(event.issues)}`)
    }
  } finally {
    meter.done()
  }
}

/** The top-level items of the envelope's listing, read again (they were checked). */
async function* fileSyncItems(file: string, parse: ParseOptions | undefined): AsyncGenerator<Item> {
  for await (const e of jsonEvents(file, 'filesync', parse)) {
    if (e.type === 'error') throw new Error(`${file} changed while it was read: ${issuesText([e.issue])}`)
    if (e.type !== 'element') continue
    const r = fileSyncItem(e.value)
    if ('problems' in r) throw new Error(`${file} changed while it was read: ${issuesText(r.problems)}`)
    yield r.item
  }
}

/** The step of the top-level item an issue of a one-item `Items` document is in (`/Items/Folder[1]/…`). */
function topItemStep(issue: Issue | undefined): (PathStep & { kind: 'element' }) | undefined {
  const [items, item] = issue?.steps ?? []
  return items?.kind === 'element' && items.name === 'Items' && item?.kind === 'element' ? item : undefined
}

function issuesText(issues: Issue[]): string {
  return issues.map((i) => `${i.path} ${i.message}`).join('; ')
}
