// Streaming decode of a sync feed's SData JSON form (SData 2.0 §04-0500, as SyncFeedJson writes it): the feed's
// members, then each `$resources` element as it is read, holding one element at a time however long the feed is.
import type * as t from 'io-ts'
import { type Issue, jsonSteps, underSteps } from '../../common/issues'
import type { JsonStep } from '../../common/json-grammar'
import { JsonStreamReader } from '../../common/json-stream'
import { internalIssue } from '../../xml/issue'
import { type ParseOptions, resolveLimits } from '../../xml/options'
import { sourceIssue, sourceText, type XmlSource } from '../../xml/source'
import type { SyncEntry, SyncFeed } from '../model'
import type { PayloadCodec } from '../payload'
import type { SyncFeedEvent } from '../stream'
import { syncFeedJson } from './feed'
import { reportJsonErrors } from './report'

/**
 * Options of {@link streamSyncFeedJson}.
 *
 * @example
 * ```ts
 * const options: StreamSyncFeedJsonOptions<Account> = { payload: Account, parse: { maxLength: 1 << 20 } }
 * ```
 */
export interface StreamSyncFeedJsonOptions<V = unknown> {
  /** The caller's contract codec for payload resources, as `syncFeedJson(payload)` takes it. */
  payload?: PayloadCodec<V>
  /**
   * Limits: `maxLength` bounds what the reader holds at once (one element of `$resources`, or the feed's other
   * members), `maxDepth` the arrays and objects inside one another; the other parser limits do not apply to JSON.
   */
  parse?: ParseOptions
  /**
   * Where the feed is in the document: the path of member names to it (default `[]`, the document is the feed).
   * The CLI's envelope keeps it in `value`.
   */
  at?: readonly string[]
}

/**
 * One element of a feed's `$resources`, decoded as `codec` decodes it in place: the entry, or its issues with the
 * steps of the whole feed (`prefix`, then `$resources`, `index`, …).
 *
 * @example
 * ```ts
 * decodeResource(SyncFeedJson, { $uuid: 'u1' }, 3, []) // { entry: { …, uuid: 'u1' } }
 * ```
 */
export function decodeResource<V>(
  codec: t.Decoder<unknown, SyncFeed<V>>,
  value: unknown,
  index: number,
  prefix: readonly JsonStep[],
): { entry: SyncEntry<V> } | { issues: Issue[] } {
  const r = codec.decode({ $resources: [value] })
  if (r._tag === 'Right') return { entry: r.right.entries[0]! }
  const base = jsonSteps(prefix)
  return {
    issues: reportJsonErrors(r.left).map((i) => {
      const [first, second] = i.steps
      const inOne = first?.kind === 'member' && first.name === '$resources' && second?.kind === 'index'
      const steps = inOne ? [first, { kind: 'index', index } as const, ...i.steps.slice(2)] : i.steps
      return underSteps({ ...i, steps }, base, 'json')
    }),
  }
}

/** The member at `at` of a JSON value, or `undefined`. */
function member(value: unknown, at: readonly string[]): unknown {
  let v = value
  for (const key of at) {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.hasOwn(v, key)) return undefined
    v = (v as Record<string, unknown>)[key]
  }
  return v
}

/**
 * Decodes the SData JSON form of a sync feed (what `SyncFeedJson.encode` gives, as JSON text) from a stream in
 * bounded memory, with the events of `streamSyncFeed`: `{ type: 'head', feed }` when the first element of
 * `$resources` starts (or before `end` when there is none), then `{ type: 'entry', entry }` for each element, then
 * `{ type: 'end', feed }` with every member of the feed (`entries: []`); or it ends with `{ type: 'error', issues }`.
 *
 * - Each entry equals the one `SyncFeedJson.decode(JSON.parse(text))` gives (or `syncFeedJson(payload)`); the end
 *   event's feed equals its feed without entries. `head` has the members written before `$resources`.
 * - Text that is not JSON ends the stream with one issue: the JSON Pointer where it happened (`/$resources/3/$name`)
 *   and a message that starts with its line and column (`not JSON at 12:7: expected ',' or '}', found "]"`), after
 *   the entries before it. An entry that does not decode ends it with that entry's issues (paths as in memory,
 *   `/$resources/3/$syncState/tick`). Bytes are read as UTF-8 (or UTF-16 with a byte-order mark), fatally: a
 *   malformed byte ends the stream, after the entries before it, with the issue `decodeBytes` gives for the same
 *   bytes whole (`undecodable`, path `line:column`, its byte `offset`), however they are cut into chunks.
 *   `incomplete` is only for a source that fails (what it throws) or a document cut off.
 * - JSON lets a member name repeat and keeps the last; a stream cannot take back the entries it gave, so a second
 *   `$resources` is an error.
 * - Never throws: a failing source ends with an error event.
 *
 * @example
 * ```ts
 * for await (const event of streamSyncFeedJson(createReadStream('feed.json'))) {
 *   if (event.type === 'entry') await apply(event.entry)
 *   else if (event.type === 'error') console.error(event.issues)
 * }
 * ```
 */
export async function* streamSyncFeedJson<V = unknown>(
  source: XmlSource,
  options?: StreamSyncFeedJsonOptions<V>,
): AsyncGenerator<SyncFeedEvent<V>, void, undefined> {
  const codec = syncFeedJson(options?.payload)
  const limits = resolveLimits(options?.parse)
  const at = options?.at ?? []
  const prefix = jsonSteps(at)
  const target: JsonStep[] = [...at, '$resources']
  const streams = (path: readonly JsonStep[]) =>
    path.length === target.length && path.every((step, i) => step === target[i])
  const out: Array<SyncFeedEvent<V>> = []
  let done = false
  const failWith = (issues: Issue[]) => {
    if (done) return
    done = true
    out.push({ type: 'error', issues })
  }
  const feedOf = (value: unknown): SyncFeed<V> | undefined => {
    const r = codec.decode(member(value, at))
    if (r._tag === 'Right') return r.right
    failWith(reportJsonErrors(r.left).map((i) => underSteps(i, prefix, 'json')))
    return undefined
  }
  const reader = new JsonStreamReader({ streams, maxLength: limits.maxLength, maxDepth: limits.maxDepth }, (e) => {
    if (done) return
    if (e.type === 'error') {
      failWith([e.issue])
      return
    }
    if (e.type === 'element') {
      const r = decodeResource(codec, e.value, e.path[e.path.length - 1] as number, at)
      if ('issues' in r) failWith(r.issues)
      else out.push({ type: 'entry', entry: r.entry })
      return
    }
    const feed = feedOf(e.value)
    if (feed !== undefined) out.push({ type: e.type, feed })
  })
  // What the source throws is its failure; what the reader or a payload codec throws is a bug, reported as one.
  const step = (run: () => void): void => {
    try {
      run()
    } catch (error) {
      failWith([internalIssue(error)])
    }
  }
  try {
    for await (const text of sourceText(source)) {
      step(() => reader.push(text))
      for (const event of out.splice(0)) yield event
      if (done) return
    }
    step(() => reader.end())
  } catch (error) {
    failWith([sourceIssue(error)])
  }
  for (const event of out.splice(0)) yield event
}
