// The inputs and outputs of `syncwire conflicts`: the target's digest (XML or JSON), its states, the feed pages.
// sdata-sync §4.2 (digest), §4.3 (syncState) and §5.1 ($syncDigest entry); the SData JSON mapping for JSON digests.
import { writeFileSync } from 'node:fs'
import { reportErrors } from '../codec/report'
import { stampToEpochMs } from '../common/stamp'
import { type TargetState, TargetStateStore, uuidKey } from '../conflict/index'
import { DigestJson, digestXml, reportJsonErrors, SyncEntryJson, syncEntryXml, syncFeedXml } from '../sdata/index'
import type { Digest, Stamp, SyncFeed } from '../sdata/model'
import type { Issue } from '../xml/issue'
import { parseXml } from '../xml/parse'
import { ENVELOPE_VERSION } from './convert'
import { InputError, MAX_INPUT_BYTES, parseOptionsFor, readInput, undecodable } from './io'
import { readJson } from './json-fault'
import { detectKind } from './kinds'
import { showPath } from './shared'

/**
 * A failure that ends `syncwire conflicts`: `code` is the exit code, `message` one line per problem.
 *
 * @example
 * ```ts
 * throw new Fatal(1, 'digest.xml: not well-formed XML')
 * ```
 */
export class Fatal extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message)
  }
}

// `limit` is `--max-size`: the largest input in bytes, and with it the parser's length limit (parseOptionsFor).
function read(file: string, limit: number): string {
  try {
    return readInput(file, limit).text
  } catch (error) {
    const name = file === '-' ? '<stdin>' : file
    // A refused encoding declaration is invalid XML at its place (exit 1), as the streamed path reports it.
    if (error instanceof InputError && error.fault !== undefined) throw new Fatal(1, problemsLine(name, [error.fault]))
    if (error instanceof InputError) throw new Fatal(2, `${name}: ${error.message}`)
    throw error
  }
}

/**
 * The issues of an input as lines `file: path message` (the form every input error of `conflicts` takes).
 *
 * @example
 * ```ts
 * throw new Fatal(1, problemsLine('page-1.xml', issues))
 * ```
 */
export function problemsLine(file: string, problems: Array<{ path: string; message: string }>): string {
  return problems.map((p) => `${file}: ${showPath(p.path)} ${p.message}`).join('\n')
}

/**
 * The failure of a feed page streamed: invalid (exit 1, its issues as lines), or unreadable (exit 2) when its bytes
 * are not text, as reading it whole says.
 *
 * @example
 * ```ts
 * if (event.type === 'error') throw streamFailure('page-1.xml', event.issues)
 * ```
 */
export function streamFailure(file: string, issues: Issue[]): Fatal {
  const unreadable = undecodable(issues)
  return unreadable === undefined
    ? new Fatal(1, problemsLine(file, issues))
    : new Fatal(2, `${file}: ${unreadable.message}`)
}

const looksJson = (text: string): boolean => /^\uFEFF?\s*[{[]/.test(text)

function parseJson(file: string, text: string): unknown {
  // A fault is placed as every other input's is: its JSON Pointer and line:column.
  const json = readJson(text)
  if ('value' in json) return json.value
  throw new Fatal(1, 'fault' in json ? problemsLine(file, [json.fault]) : `${file}: ${json.error}`)
}

const isObject = (u: unknown): u is Record<string, unknown> => u !== null && typeof u === 'object' && !Array.isArray(u)

/**
 * The SData JSON form of a digest (`{ origin, digestEntry: [...] }`) through `DigestJson`; `at` prefixes paths, and
 * `rename` turns the codec's member names back into the ones the input used.
 */
function decodeDigestJson(file: string, json: unknown, at: string, rename = (path: string) => path): Digest {
  const decoded = DigestJson.decode(json)
  if (decoded._tag === 'Left') {
    const problems = reportJsonErrors(decoded.left).map((p) => ({ path: `${at}${rename(p.path)}`, message: p.message }))
    throw new Fatal(1, problemsLine(file, problems))
  }
  return decoded.right
}

/**
 * A digest value as this tool writes it (`--json`'s `digest`, `--digest-out x.json`): `{ origin, entries: [...] }`.
 * It is checked by the SData JSON codec, which it maps to by renaming `entries` to `digestEntry` (DigestJson.encode).
 */
function decodeDigestValue(file: string, value: Record<string, unknown>, at: string): Digest {
  let json: unknown
  try {
    json = DigestJson.encode(value as unknown as Digest)
  } catch {
    throw new Fatal(1, `${file}: ${at || '/'} is not a digest value: expected { "origin": "…", "entries": [ … ] }`)
  }
  return decodeDigestJson(file, json, at, (path) => path.replace(/^\/digestEntry(?=\/|$)/, '/entries'))
}

function digestFromJson(file: string, json: unknown): Digest {
  if (isObject(json)) {
    if (json.$syncwire !== undefined) {
      // `syncwire convert --to json` of a digest or of a $syncDigest entry.
      if (json.$syncwire === ENVELOPE_VERSION && json.kind === 'digest')
        return decodeDigestJson(file, json.value, '/value')
      if (json.$syncwire === ENVELOPE_VERSION && json.kind === 'entry') {
        const entry = SyncEntryJson.decode(json.value)
        if (entry._tag === 'Left') {
          const problems = reportJsonErrors(entry.left).map((p) => ({ path: `/value${p.path}`, message: p.message }))
          throw new Fatal(1, problemsLine(file, problems))
        }
        if (entry.right.digest !== undefined) return entry.right.digest
      }
    } else if (Array.isArray(json.digestEntry)) return decodeDigestJson(file, json, '')
    else if (Array.isArray(json.entries)) return decodeDigestValue(file, json, '')
    else if (isObject(json.digest)) return decodeDigestValue(file, json.digest, '/digest')
  }
  throw new Fatal(
    1,
    `${file}: expected a digest: { "origin", "entries" } (as --json and --digest-out write it), the SData JSON form { "origin", "digestEntry" }, an object with such a "digest", or a syncwire convert envelope of a digest or $syncDigest entry`,
  )
}

/**
 * The target's digest from `--target-digest`: XML (a `sync:digest` document or a `$syncDigest` entry) or JSON (the
 * `digest` of `--json`, a digest value as `--digest-out x.json` writes it, the SData JSON form, or a `syncwire
 * convert` envelope). `limit` is `--max-size` (bytes, default 32 MiB), which also raises the parser's length limit.
 *
 * @example
 * ```ts
 * const digest = readDigest('digest.json')
 * ```
 */
export function readDigest(file: string, limit = MAX_INPUT_BYTES): Digest {
  const text = read(file, limit)
  if (looksJson(text)) return digestFromJson(file, parseJson(file, text))
  const parse = parseOptionsFor(limit)
  const parsed = parseXml(text, parse)
  // A parse error's path is its line:column, as for the feed pages.
  if (parsed._tag === 'Left') throw new Fatal(1, problemsLine(file, parsed.left))
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

/**
 * One feed page, decoded; `limit` is `--max-size` (bytes, default 32 MiB).
 *
 * @example
 * ```ts
 * const feed = readFeed('page-1.xml')
 * ```
 */
export function readFeed(file: string, limit = MAX_INPUT_BYTES): SyncFeed {
  return decodeFeed(file, read(file, limit), limit)
}

// The pages' and the target's states are read, never their payloads: those are built only if something reads them.
function decodeFeed(file: string, text: string, limit: number): SyncFeed {
  const f = syncFeedXml(undefined, { parse: parseOptionsFor(limit), payloads: 'on-access' }).decode(text)
  if (f._tag === 'Left') throw new Fatal(1, problemsLine(file, reportErrors(f.left)))
  return f.right
}

function stateFromJson(file: string, uuid: string, u: unknown): TargetState {
  const o = u as Record<string, unknown>
  const where = `${file}: states["${uuid}"]`
  if (!isObject(o)) throw new Fatal(1, `${where} is not an object`)
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

/**
 * What the target holds, from `--target-states` (JSON `{ "states": { uuid: state } }` or the bare map, or a feed
 * whose entries carry the target's uuids and syncStates); an empty store without a file. Uuids are keyed as
 * `processFeed` keys them (case-insensitively), so two JSON keys that differ only in case are refused. `limit` is
 * `--max-size` (bytes, default 32 MiB).
 *
 * @example
 * ```ts
 * const store = readStates('states.json')
 * ```
 */
export function readStates(file: string | undefined, limit = MAX_INPUT_BYTES): TargetStateStore {
  const store = new TargetStateStore()
  if (file === undefined) return store
  const text = read(file, limit)
  if (!looksJson(text)) {
    for (const entry of decodeFeed(file, text, limit).entries) {
      const uuid = entry.payload?.uuid
      if (uuid === undefined || entry.syncState === undefined) continue
      store.set(uuid, { ...entry.syncState, ...(entry.payload?.isDeleted ? { deleted: true } : {}) })
    }
    return store
  }
  const top = parseJson(file, text)
  if (!isObject(top)) throw new Fatal(1, `${file}: expected a JSON object`)
  const map = isObject(top.states) ? top.states : top
  const spelled = new Map<string, string>()
  for (const [uuid, value] of Object.entries(map)) {
    if (uuid.startsWith('$')) continue
    const first = spelled.get(uuidKey(uuid))
    if (first !== undefined) {
      throw new Fatal(
        1,
        `${file}: states["${first}"] and states["${uuid}"] name the same resource (uuids compare case-insensitively)`,
      )
    }
    spelled.set(uuidKey(uuid), uuid)
    store.set(uuid, stateFromJson(file, uuid, value))
  }
  return store
}

/**
 * Writes an output file (`--digest-out`, `--states-out`); an error is one line and exit code 2.
 *
 * @example
 * ```ts
 * writeOutput('digest.xml', xml)
 * ```
 */
export function writeOutput(file: string, text: string): void {
  try {
    writeFileSync(file, text)
  } catch (error) {
    const code = (error as { code?: string }).code
    throw new Fatal(2, `${file}: cannot write${code === undefined ? '' : ` (${code})`}`)
  }
}
