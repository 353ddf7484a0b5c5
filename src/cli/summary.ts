// `syncwire validate --summary`: one line per document saying what it holds, built from the decoded value.
// Covers the CLI's kinds (MS-FILESYNC §2.2 Folder/Items; sdata-sync §4.2–§4.4 and §5; core §3.10–§3.11).
import type { DocumentItem, FileSyncDocument, FolderItem, Item } from '../filesync/model'
import type { DiagnosesDocument, Diagnosis, Digest, SyncEntry, SyncFeed, SyncState, Tracking } from '../sdata/model'
import { isResultEntry, type Kind } from './kinds'

/** Names listed before `…`: enough to recognise a small change, short enough to keep one line per file. */
const MAX_NAMES = 3
/** Longest name or URL shown whole; longer ones are cut with `…`. */
const MAX_TEXT = 60

/** One line on a terminal: control and format characters (newlines, ANSI escapes, bidi overrides) become `�`. */
function clean(text: string, max = MAX_TEXT): string {
  const safe = text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '\uFFFD')
  const chars = Array.from(safe)
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : safe
}

/** `4532` → `4,532`, independent of the machine's locale. */
function grouped(n: number): string {
  const [whole, fraction] = String(n).split('.')
  const digits = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return fraction === undefined ? digits : `${digits}.${fraction}`
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${grouped(n)} ${n === 1 ? one : many}`
}

function list(names: readonly string[]): string {
  const shown = names.slice(0, MAX_NAMES).map((n) => clean(n, 40))
  return names.length > MAX_NAMES ? `${shown.join(', ')}, …` : shown.join(', ')
}

// --- MS-FILESYNC --------------------------------------------------------------------------------------------------

/** Every item below the given ones, depth first: a change listing may nest items in folders or list them flat. */
function flatten(items: readonly Item[] | undefined, into: Item[] = []): Item[] {
  for (const item of items ?? []) {
    into.push(item)
    if (item.kind === 'Folder') flatten(item.items, into)
  }
  return into
}

function itemName(item: Item): string {
  if (item.kind === 'Unknown') return `<${item.element.localName}>`
  const fromPath = item.path
    ?.split('/')
    .filter((s) => s !== '')
    .at(-1)
  return item.relationshipName ?? fromPath ?? item.resourceId ?? item.referenceId ?? '(unnamed)'
}

function documentBytes(item: DocumentItem): number | undefined {
  const sizes = (item.documentStreams ?? []).map((s) => s.dataSize).filter((n): n is number => typeof n === 'number')
  return sizes.length === 0 ? undefined : sizes.reduce((a, b) => a + b, 0)
}

/** `a` before `b` in document order (pre-order): index paths compared lexicographically, a prefix first. */
function before(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]!
  return a.length < b.length
}

/**
 * `1 Folder, 2 Documents (a, b, c; 9,064 bytes in all)`: counts by kind, the first names in document order, the
 * stream bytes; items may come in any order, each with its index path (a folder's children before it, as streamed).
 */
class ItemTally {
  private folders = 0
  private documents = 0
  private others = 0
  private sized = 0
  private bytes = 0
  /** The names of the first items in document order, at most one more than are shown. */
  private readonly first: Array<{ path: readonly number[]; name: string }> = []
  /** The document-order index path of the first item counted. */
  start: readonly number[] | undefined

  add(item: Item, path: readonly number[]): void {
    if (item.kind === 'Folder') this.folders++
    else if (item.kind === 'Document') {
      this.documents++
      const n = documentBytes(item)
      if (n !== undefined) {
        this.sized++
        this.bytes += n
      }
    } else this.others++
    if (this.start === undefined || before(path, this.start)) this.start = path
    const at = this.first.findIndex((f) => before(path, f.path))
    if (at >= 0) this.first.splice(at, 0, { path, name: itemName(item) })
    else this.first.push({ path, name: itemName(item) })
    if (this.first.length > MAX_NAMES + 1) this.first.pop()
  }

  text(): string {
    const n = this.folders + this.documents + this.others
    if (n === 0) return 'no items'
    const counts = [
      ...(this.folders > 0 ? [plural(this.folders, 'Folder')] : []),
      ...(this.documents > 0 ? [plural(this.documents, 'Document')] : []),
      ...(this.others > 0 ? [plural(this.others, 'other element')] : []),
    ]
    const bytes =
      this.sized === 0
        ? ''
        : this.documents === 1
          ? `, ${plural(this.bytes, 'byte')}`
          : `; ${plural(this.bytes, 'byte')} in all`
    // `first` holds one name more than is shown exactly when there are more items than that: list adds the `…`.
    const names = this.first.map((f) => f.name)
    return `${counts.join(', ')} (${list(names)}${bytes})`
  }
}

function describeItems(items: readonly Item[]): string {
  const tally = new ItemTally()
  for (const [i, item] of items.entries()) tally.add(item, [i])
  return tally.text()
}

function folderLine(folder: FolderItem, items: string): string {
  const name = folder.path ?? folder.relationshipName ?? folder.resourceId ?? '(unnamed)'
  const quota = folder.quotaState === undefined ? '' : `, quota ${clean(folder.quotaState)}`
  return `FILESYNC Folder ${clean(name)} — ${items}${quota}`
}

function summarizeFolder(folder: FolderItem): string {
  return folderLine(folder, describeItems(flatten(folder.items)))
}

/** Root `Items` are a write request (items carry WriteMode) or its response (WriteStatus): grouped by that value. */
function summarizeItems(items: readonly Item[]): string {
  const all = new FileSyncSummary()
  for (const [i, item] of flatten(items).entries()) all.add(item, [i])
  return all.text({ root: 'Items', items: [] })
}

/**
 * The `--summary` line of a FILESYNC document whose items stream by one at a time, in any order, each with its
 * index path (as `streamFileSync` gives them): the same line as for the whole document, holding counts and the
 * first few names, not the items.
 *
 * @example
 * ```ts
 * const summary = new FileSyncSummary()
 * for await (const e of streamFileSync(source)) if (e.type === 'item') summary.add(e.item, e.path); else if (e.type === 'end') line = summary.text(e.document)
 * ```
 */
export class FileSyncSummary {
  private readonly all = new ItemTally()
  private request = false
  private response = false
  /** Items by WriteMode (a request) and by WriteStatus (a response): which one is shown is known at the end. */
  private readonly byMode = new Map<string, ItemTally>()
  private readonly byStatus = new Map<string, ItemTally>()

  /** Counts an item (a folder's `items` is not read). */
  add(item: Item, path: readonly number[]): void {
    this.all.add(item, path)
    const fields = item.kind === 'Unknown' ? undefined : item
    if (fields?.writeMode !== undefined) this.request = true
    if (fields?.writeStatus !== undefined) this.response = true
    for (const [groups, key] of [
      [this.byMode, fields?.writeMode ?? 'no WriteMode'],
      [this.byStatus, fields?.writeStatus ?? 'no WriteStatus'],
    ] as const) {
      let tally = groups.get(key)
      if (tally === undefined) {
        tally = new ItemTally()
        groups.set(key, tally)
      }
      tally.add(item, path)
    }
  }

  /** The line, with the root from `document` (its items are not read). */
  text(document: FileSyncDocument): string {
    if (document.root === 'Folder') return folderLine(document.folder, this.all.text())
    if (!this.request && !this.response) return `FILESYNC Items — ${this.all.text()}`
    const groups = [...(this.request ? this.byMode : this.byStatus)].sort(([, a], [, b]) =>
      before(a.start!, b.start!) ? -1 : 1,
    )
    const parts = groups.map(([key, group]) => `${clean(key, 30)}: ${group.text()}`)
    return `FILESYNC write ${this.request ? 'request' : 'response'} (Items) — ${parts.join('; ')}`
  }
}

// --- SData --------------------------------------------------------------------------------------------------------

function describeDigest(digest: Digest): string {
  const origin = digest.origin === undefined ? '' : ` (origin ${clean(digest.origin)})`
  return `${plural(digest.entries.length, 'endpoint')}${origin}`
}

function describeState(state: SyncState): string {
  return `tick ${state.tick} from ${clean(state.endpoint)}`
}

/** Counts values in order of first appearance. */
function count(values: readonly string[], into = new Map<string, number>()): Map<string, number> {
  for (const v of values) into.set(v, (into.get(v) ?? 0) + 1)
  return into
}

/** `201 ×2, 412`, in order of first appearance. */
function tally(counts: ReadonlyMap<string, number>): string {
  return [...counts].map(([v, n]) => (n === 1 ? clean(v, 30) : `${clean(v, 30)} ×${n}`)).join(', ')
}

/** What the summary says of a list of diagnoses: how many, their severities, the first message. */
class DiagnosisCount {
  n = 0
  readonly severities = new Map<string, number>()
  first: string | undefined

  add(diagnoses: readonly Diagnosis[]): this {
    this.n += diagnoses.length
    count(
      diagnoses.map((d) => d.severity ?? 'no severity'),
      this.severities,
    )
    this.first ??= diagnoses.find((d) => d.message !== undefined)?.message
    return this
  }

  text(): string {
    const message = this.first === undefined ? '' : `: "${clean(this.first.trim().replace(/\s+/g, ' '), 50)}"`
    return `${plural(this.n, 'diagnosis', 'diagnoses')} (${tally(this.severities)})${message}`
  }
}

function describeDiagnoses(diagnoses: readonly Diagnosis[]): string {
  return new DiagnosisCount().add(diagnoses).text()
}

/**
 * The `--summary` line of a feed built one entry at a time (a streamed feed): it keeps counts, the endpoints and
 * the HTTP statuses, not the entries. `summarize('feed', feed)` is this over the feed's entries.
 *
 * @example
 * ```ts
 * const summary = new FeedSummary()
 * for (const entry of entries) summary.add(entry)
 * summary.text(end.feed) // 'SData sync feed (catchUp) — 4,532 entries from 2 endpoints, …'
 * ```
 */
export class FeedSummary {
  private entries = 0
  private states = 0
  private deleted = 0
  private results = false
  private readonly endpoints = new Set<string>()
  private readonly statuses = new Map<string, number>()
  private readonly diagnoses = new DiagnosisCount()

  /** Counts the next entry. */
  add(entry: SyncEntry): void {
    this.entries++
    if (entry.syncState !== undefined) {
      this.states++
      this.endpoints.add(entry.syncState.endpoint)
    }
    if (entry.payload?.isDeleted === true) this.deleted++
    if (entry.http?.status !== undefined) count([String(entry.http.status)], this.statuses)
    if (isResultEntry(entry)) this.results = true
    this.diagnoses.add(entry.diagnoses)
  }

  /** The line, with the feed's own members from `feed` (its entries are not read). */
  text(feed: SyncFeed): string {
    const n = this.entries
    const sync = feed.syncMode !== undefined || feed.digest !== undefined || this.states > 0
    const title = `SData ${sync ? 'sync ' : ''}feed${feed.syncMode === undefined ? '' : ` (${clean(feed.syncMode)})`}`
    const total = feed.opensearch?.totalResults
    const of = total !== undefined && total > n ? ` (of ${grouped(total)})` : ''
    const endpoints = this.endpoints.size
    const parts = [
      `${n === 0 ? 'no entries' : plural(n, 'entry', 'entries')}${of}${endpoints > 0 ? ` from ${plural(endpoints, 'endpoint')}` : ''}`,
    ]
    if (this.deleted > 0) parts.push(`${grouped(this.deleted)} deleted`)
    if (this.statuses.size > 0) parts.push(`HTTP ${tally(this.statuses)}`)
    // A feed without results is what a source sends, and its digest is the source's (sync §4.4); in a result feed
    // (§5.3) it is not said whose it is.
    if (feed.digest !== undefined) {
      parts.push(`${this.results ? '' : 'source '}digest of ${plural(feed.digest.entries.length, 'endpoint')}`)
    }
    // The feed's own diagnoses come first, then the entries', as they are listed.
    const all = new DiagnosisCount().add(feed.diagnoses)
    all.n += this.diagnoses.n
    for (const [v, k] of this.diagnoses.severities) all.severities.set(v, (all.severities.get(v) ?? 0) + k)
    all.first ??= this.diagnoses.first
    if (all.n > 0) parts.push(all.text())
    return `${title} — ${parts.join(', ')}`
  }
}

function summarizeFeed(feed: SyncFeed): string {
  const summary = new FeedSummary()
  for (const entry of feed.entries) summary.add(entry)
  return summary.text(feed)
}

function summarizeEntry(entry: SyncEntry): string {
  const sync = entry.syncState !== undefined || entry.digest !== undefined
  const parts: string[] = []
  const payload = entry.payload
  if (payload !== undefined) {
    const id = payload.uuid ?? payload.key
    parts.push(
      `${clean(payload.element.localName, 40)}${id === undefined ? '' : ` ${clean(id, 40)}`}${payload.isDeleted ? ' (deleted)' : ''}`,
    )
  }
  if (entry.syncState !== undefined) parts.push(describeState(entry.syncState))
  if (entry.digest !== undefined) parts.push(`digest of ${describeDigest(entry.digest)}`)
  if (entry.http?.status !== undefined) {
    const method = entry.http.method === undefined ? '' : ` (${clean(entry.http.method, 10)})`
    parts.push(`HTTP ${entry.http.status}${method}`)
  }
  if (entry.diagnoses.length > 0) parts.push(describeDiagnoses(entry.diagnoses))
  return `SData ${sync ? 'sync ' : ''}entry — ${parts.length === 0 ? 'no payload' : parts.join(', ')}`
}

function summarizeTracking(tracking: Tracking): string {
  const parts = [
    ...(tracking.phase === undefined ? [] : [`phase ${clean(tracking.phase, 40)}`]),
    ...(tracking.phaseDetail === undefined ? [] : [`"${clean(tracking.phaseDetail, 40)}"`]),
    ...(tracking.progress === undefined ? [] : [`progress ${clean(tracking.progress, 20)}`]),
    ...(tracking.elapsedSeconds === undefined ? [] : [`${tracking.elapsedSeconds} s elapsed`]),
    ...(tracking.remainingSeconds === undefined ? [] : [`${tracking.remainingSeconds} s remaining`]),
    ...(tracking.pollingMillis === undefined ? [] : [`poll every ${tracking.pollingMillis} ms`]),
  ]
  return `SData tracking — ${parts.length === 0 ? 'no progress reported' : parts.join(', ')}`
}

/**
 * What a decoded document holds, in one line without a line break (names and URLs cut with `…`, control
 * characters replaced): the part of `validate --summary` between the file name and the verdict.
 *
 * @example
 * ```ts
 * summarize('digest', digest) // 'SData digest — 3 endpoints (origin http://www.example.com/sdata/…)'
 * ```
 */
export function summarize(kind: Kind, value: unknown): string {
  switch (kind) {
    case 'filesync': {
      const doc = value as FileSyncDocument
      return doc.root === 'Folder' ? summarizeFolder(doc.folder) : summarizeItems(doc.items)
    }
    case 'feed':
      return summarizeFeed(value as SyncFeed)
    case 'entry':
      return summarizeEntry(value as SyncEntry)
    case 'digest':
      return `SData digest — ${describeDigest(value as Digest)}`
    case 'sync-state':
      return `SData syncState — ${describeState(value as SyncState)}`
    case 'diagnoses': {
      const doc = value as DiagnosesDocument
      const title = doc.root === 'diagnosis' ? 'SData diagnosis' : 'SData diagnoses'
      return `${title} — ${doc.diagnoses.length === 0 ? 'none' : describeDiagnoses(doc.diagnoses)}`
    }
    case 'tracking':
      return summarizeTracking(value as Tracking)
  }
}
