// `syncwire convert` on files over --max-size: a sync feed to its JSON envelope entry by entry, and a feed envelope
// back to XML in chunks; the text is what the in-memory path writes (SData JSON mapping, `$resources` in place).

import { wholeInputIssue } from '../common/issues'
import { encodeSyncFeedStream } from '../sdata/encode-stream'
import { SyncFeedJson } from '../sdata/index'
import type { SyncEntry, SyncFeed } from '../sdata/model'
import type { Issue } from '../xml/issue'
import type { ParseOptions } from '../xml/options'
import { feedEvents } from './large'
import type { Io } from './shared'

/** Output is handed to `io.out` in pieces of about this many characters. */
const PIECE = 1 << 16

/**
 * Collects output text and hands it on in pieces, so neither one huge string nor many tiny writes are made.
 *
 * @example
 * ```ts
 * const out = new Output(io)
 * out.write('{')
 * out.flush()
 * ```
 */
export class Output {
  private parts: string[] = []
  private size = 0

  constructor(private readonly io: Io) {}

  write(text: string): void {
    this.parts.push(text)
    this.size += text.length
    if (this.size >= PIECE) this.flush()
  }

  flush(): void {
    if (this.size === 0) return
    this.io.out(this.parts.join(''))
    this.parts = []
    this.size = 0
  }
}

const MARK = '\u0000syncwire-resources'

/**
 * Writes the `convert --to json` envelope of a feed streamed from `file`, entry by entry: text equal to
 * `JSON.stringify({ $syncwire, kind: 'feed', value: SyncFeedJson.encode(feed) }, null, 2)` plus a new line. The
 * file is read twice: first for the feed's own members (the envelope writes them before `$resources`, while a
 * feed may carry them after its entries), then for the entries; one entry is held at a time.
 *
 * @example
 * ```ts
 * const issues = await feedToJson('big-feed.xml', ENVELOPE_VERSION, io)
 * ```
 */
export async function feedToJson(
  file: string,
  version: string,
  io: Io,
  parse?: ParseOptions,
): Promise<Issue[] | undefined> {
  let head: SyncFeed | undefined
  for await (const event of feedEvents(file, parse)) {
    if (event.type === 'end') head = event.feed
    else if (event.type === 'error') return event.issues
  }
  if (head === undefined) return [wholeInputIssue('the feed ended early', 'incomplete')]
  const value = SyncFeedJson.encode(head) as unknown as Record<string, unknown>
  value.$resources = MARK
  const text = `${JSON.stringify({ $syncwire: version, kind: 'feed', value }, null, 2)}\n`
  const mark = `${JSON.stringify(MARK)}`
  const at = text.indexOf(mark)
  const lineStart = text.lastIndexOf('\n', at) + 1
  const indent = ' '.repeat(text.slice(lineStart).search(/\S/) + 2)
  const out = new Output(io)
  out.write(text.slice(0, at))
  out.write('[')
  let n = 0
  for await (const event of feedEvents(file, parse)) {
    if (event.type === 'entry') {
      const json = (SyncFeedJson.encode({ ...head, entries: [event.entry] }) as { $resources: unknown[] }).$resources[0]
      out.write(`${n++ === 0 ? '\n' : ',\n'}${indent}${JSON.stringify(json, null, 2).replaceAll('\n', `\n${indent}`)}`)
    } else if (event.type === 'error') {
      out.flush()
      return event.issues
    }
  }
  out.write(n === 0 ? ']' : `\n${indent.slice(2)}]`)
  out.write(text.slice(at + mark.length))
  out.flush()
  return undefined
}

/**
 * Writes a decoded feed as XML in chunks (`encodeSyncFeedStream`, the same bytes as `SyncFeedXml.encode`) plus a
 * new line, so the whole text is never one string.
 *
 * @example
 * ```ts
 * await feedToXml(feed, io)
 * ```
 */
export async function feedToXml(feed: SyncFeed, io: Io): Promise<void> {
  const out = new Output(io)
  const entries: SyncEntry[] = feed.entries
  let last = ''
  for await (const chunk of encodeSyncFeedStream({ ...feed, entries: [] }, entries)) {
    out.write(chunk)
    last = chunk
  }
  if (!last.endsWith('\n')) out.write('\n')
  out.flush()
}
