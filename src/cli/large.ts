// Reading CLI inputs too large to hold as text: a sync feed streamed from disk event by event, or a FILESYNC document
// streamed item by item, with a progress line (bytes, entries, rate) on stderr when it is a terminal.
import { createReadStream, statSync } from 'node:fs'
import { type FileSyncEvent, streamFileSync } from '../filesync/stream'
import { ATOM_NS } from '../sdata/namespaces'
import { type SyncFeedEvent, streamSyncFeed } from '../sdata/stream'
import type { ParseOptions } from '../xml/options'
import { headOf } from './head'

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
  /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)([^>]*)>/

/**
 * The root element of a file, from its first 64 KiB decoded in the file's own encoding ({@link headOf}): its prefix,
 * local name and the rest of its start tag; `undefined` when no start tag is found there.
 */
function rootOf(file: string): { prefix: string | undefined; local: string; rest: string } | undefined {
  const head = headOf(file)
  const m = head === undefined ? null : PROLOG.exec(head)
  return m === null ? undefined : { prefix: m[1], local: m[2]!, rest: m[3]! }
}

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
  const root = rootOf(file)
  if (root === undefined) return undefined
  const { prefix, local, rest } = root
  if (prefix === undefined && (local === 'Folder' || local === 'Items')) return 'filesync'
  const declared = new RegExp(`xmlns${prefix === undefined ? '' : `:${prefix}`}\\s*=\\s*["']([^"']*)["']`).exec(rest)
  return local === 'feed' && declared?.[1] === ATOM_NS ? 'feed' : undefined
}

/**
 * The root of a FILESYNC document as its first 64 KiB show it: `Items` for an unprefixed `Items` root, else
 * `Folder` (the stream's `end` event says for sure; a caller that guessed wrong reads the file again).
 *
 * @example
 * ```ts
 * sniffFileSyncRoot('listing.xml') // 'Folder'
 * ```
 */
export function sniffFileSyncRoot(file: string): 'Folder' | 'Items' {
  const root = rootOf(file)
  return root?.prefix === undefined && root?.local === 'Items' ? 'Items' : 'Folder'
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`
}

/**
 * A progress line on stderr (bytes, items, rate), redrawn a few times a second; nothing when stderr is no TTY.
 *
 * @example
 * ```ts
 * const meter = new Meter('feed.json', statSync('feed.json').size, 'entries')
 * for await (const chunk of chunksOf('feed.json', meter)) use(chunk)
 * meter.done()
 * ```
 */
export class Meter {
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

/**
 * The bytes of `file` in 64 KiB chunks, counted by `meter`.
 *
 * @example
 * ```ts
 * for await (const chunk of chunksOf('feed.xml', meter)) decoder.push(chunk)
 * ```
 */
export async function* chunksOf(file: string, meter: Meter): AsyncGenerator<Uint8Array> {
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
export function feedEvents(file: string, parse?: ParseOptions): AsyncGenerator<SyncFeedEvent> {
  return metered(file, 'entries', 'entry', (chunks) => streamSyncFeed(chunks, { parse }))
}

/**
 * The events of a FILESYNC document streamed from `file` (as `streamFileSync` gives them), one at a time: nothing
 * of the document is held but the item being read. Progress goes to stderr when it is a terminal.
 *
 * @example
 * ```ts
 * for await (const event of fileSyncEvents('big-listing.xml')) if (event.type === 'item') count++
 * ```
 */
export function fileSyncEvents(file: string, parse?: ParseOptions): AsyncGenerator<FileSyncEvent> {
  return metered(file, 'items', 'item', (chunks) => streamFileSync(chunks, { parse }))
}

/** The events `read` gives for `file`'s chunks, counting those of `itemType` for the progress line. */
async function* metered<E extends { type: string }>(
  file: string,
  unit: string,
  itemType: E['type'],
  read: (chunks: ReturnType<typeof chunksOf>) => AsyncIterable<E>,
): AsyncGenerator<E> {
  const meter = new Meter(file, statSync(file).size, unit)
  try {
    for await (const event of read(chunksOf(file, meter))) {
      if (event.type === itemType) meter.item()
      yield event
    }
  } finally {
    meter.done()
  }
}
