// Reading CLI inputs too large to hold as text: a sync feed streamed from disk event by event, or a FILESYNC document
// streamed and rebuilt into its value, with a progress line (bytes, entries, rate) on stderr when it is a terminal.
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs'
import type { FileSyncDocument } from '../filesync/model'
import { type FileSyncEvent, rebuildFileSync, streamFileSync } from '../filesync/stream'
import { ATOM_NS } from '../sdata/namespaces'
import { type SyncFeedEvent, streamSyncFeed } from '../sdata/stream'
import type { ParseOptions } from '../xml/options'
import type { StreamIssue } from '../xml/stream'

/**
 * The kinds the CLI can stream: an Atom sync feed, or a FILESYNC document.
 *
 * @example
 * ```ts
 * const kind: StreamableKind = 'feed'
 * ```
 */
export type StreamableKind = 'feed' | 'filesync'

/**
 * Whether `file` is a regular file over `limit` bytes (stdin and other inputs are read as before).
 *
 * @example
 * ```ts
 * if (isLarge('feed.xml', MAX_INPUT_BYTES)) for await (const event of feedEvents('feed.xml')) use(event)
 * ```
 */
export function isLarge(file: string, limit: number): boolean {
  if (file === '-') return false
  try {
    const stat = statSync(file)
    return stat.isFile() && stat.size > limit
  } catch {
    return false
  }
}

const PROLOG =
  /^\uFEFF?(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)([^>]*)>/

/**
 * The streamable kind of a file, from its first 64 KiB: a `feed` in the Atom namespace, or an unprefixed `Folder`
 * or `Items` root; `undefined` for anything else (which then takes the in-memory path).
 *
 * @example
 * ```ts
 * sniffKind('feed.xml') // 'feed'
 * ```
 */
export function sniffKind(file: string): StreamableKind | undefined {
  let fd: number | undefined
  try {
    fd = openSync(file, 'r')
    const head = Buffer.alloc(1 << 16)
    const n = readSync(fd, head, 0, head.length, 0)
    const m = PROLOG.exec(head.subarray(0, n).toString('utf8'))
    if (m === null) return undefined
    const [, prefix, local, rest] = m
    if (prefix === undefined && (local === 'Folder' || local === 'Items')) return 'filesync'
    const declared = new RegExp(`xmlns${prefix === undefined ? '' : `:${prefix}`}\\s*=\\s*["']([^"']*)["']`).exec(rest!)
    return local === 'feed' && declared?.[1] === ATOM_NS ? 'feed' : undefined
  } catch {
    return undefined
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`
}

/** A progress line on stderr (bytes, items, rate), redrawn a few times a second; nothing when stderr is no TTY. */
class Meter {
  private bytes = 0
  private items = 0
  private last = 0
  private readonly start = Date.now()
  private readonly on = process.stderr.isTTY === true

  constructor(
    private readonly name: string,
    private readonly total: number,
    private readonly noun: string,
  ) {}

  read(n: number): void {
    this.bytes += n
    this.tick()
  }

  item(): void {
    this.items++
    if ((this.items & 1023) === 0) this.tick()
  }

  done(): void {
    if (this.on && this.last !== 0) process.stderr.write('\r\x1b[K')
  }

  private tick(): void {
    if (!this.on) return
    const now = Date.now()
    if (now - this.last < 250) return
    this.last = now
    const rate = this.bytes / Math.max(0.001, (now - this.start) / 1000)
    process.stderr.write(
      `\r\x1b[K${this.name}: ${megabytes(this.bytes)} of ${megabytes(this.total)}, ` +
        `${this.items.toLocaleString('en')} ${this.noun}, ${megabytes(rate)}/s`,
    )
  }
}

async function* chunksOf(file: string, meter: Meter): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 })) {
    meter.read((chunk as Buffer).length)
    yield chunk as Buffer
  }
}

/**
 * The events of a sync feed streamed from `file` (as `streamSyncFeed` gives them), one at a time: nothing of the
 * feed is held but the entry being read. Progress goes to stderr when it is a terminal.
 *
 * @example
 * ```ts
 * for await (const event of feedEvents('big-feed.xml')) if (event.type === 'entry') count++
 * ```
 */
export async function* feedEvents(file: string, parse?: ParseOptions): AsyncGenerator<SyncFeedEvent> {
  const meter = new Meter(file, statSync(file).size, 'entries')
  try {
    for await (const event of streamSyncFeed(chunksOf(file, meter), { parse })) {
      if (event.type === 'entry') meter.item()
      yield event
    }
  } finally {
    meter.done()
  }
}

/**
 * What a streamed read of a FILESYNC document gives: the value, or the issues that ended the stream (paths, or
 * `line:column`).
 *
 * @example
 * ```ts
 * const r = await readLargeFileSync('listing.xml')
 * if ('issues' in r) report(r.issues)
 * ```
 */
export type LargeRead = { kind: 'filesync'; value: FileSyncDocument } | { issues: StreamIssue[] }

/**
 * Streams a FILESYNC document from disk and rebuilds its value: deep-equal to what the in-memory decode of the
 * whole text gives, without the text or its tree ever being held (`parse`, the parser's limits, apply to each
 * item). Reports progress on stderr when it is a terminal.
 *
 * @example
 * ```ts
 * const r = await readLargeFileSync('big-listing.xml')
 * ```
 */
export async function readLargeFileSync(file: string, parse?: ParseOptions): Promise<LargeRead> {
  const meter = new Meter(file, statSync(file).size, 'items')
  const events: FileSyncEvent[] = []
  try {
    for await (const event of streamFileSync(chunksOf(file, meter), { parse })) {
      meter.item()
      if (event.type === 'error') return { issues: event.issues }
      events.push(event)
    }
  } finally {
    meter.done()
  }
  const value = rebuildFileSync(events)
  return value === undefined
    ? { issues: [{ path: '', message: 'the document ended early' }] }
    : { kind: 'filesync', value }
}
