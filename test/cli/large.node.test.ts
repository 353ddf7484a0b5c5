// The CLI on a generated SData feed over the 32 MiB default input limit: validate, convert (XML → JSON → XML, the
// XML byte-identical) and conflicts stream it instead of refusing it; stderr is no TTY here, so no progress line.
import { spawnSync } from 'node:child_process'
import {
  closeSync,
  createWriteStream,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DigestXml,
  encodeSyncFeedStream,
  reportErrors,
  type Stamp,
  type SyncEntry,
  SyncEntryXml,
  type SyncFeed,
} from '../../src/sdata/index'
import { DEFAULT_LIMITS } from '../../src/xml/index'
import { CLI, ensureBuilt, ROOT } from './helpers'

const ENDPOINT = 'http://example.com/sdata/app/-/accounts'
const ENTRIES = 5000
// Long payload text keeps the entry count (and so the time) low for the size.
const FILLER = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit &amp; more. '.repeat(120)

let dir: string
let feedFile: string

function entry(i: number): SyncEntry {
  const uuid = `c4411795-9943-4cf4-8705-${String(i).padStart(12, '0')}`
  const xml =
    `<entry xmlns="http://www.w3.org/2005/Atom" xmlns:sdata="http://schemas.sage.com/sdata/2008/1" xmlns:sync="http://schemas.sage.com/sdata/sync/2008/1">` +
    `<id>${ENDPOINT}('${uuid}')</id><title>Account ${i}</title>` +
    `<sync:syncState><sync:endpoint>${ENDPOINT}</sync:endpoint><sync:tick>${i + 1}</sync:tick><sync:stamp>2026-01-01T00:00:00Z</sync:stamp></sync:syncState>` +
    `<sdata:payload><account xmlns="http://schemas.sage.com/myContract" sdata:uuid="${uuid}"><name>Account ${i}</name><notes>${FILLER}</notes></account></sdata:payload></entry>`
  const decoded = SyncEntryXml.decode(xml)
  if (decoded._tag === 'Left') throw new Error(`bad test entry: ${JSON.stringify(reportErrors(decoded.left))}`)
  return decoded.right
}

const head: SyncFeed = {
  links: [],
  diagnoses: [],
  entries: [],
  extensions: [],
  syncMode: 'catchUp',
  digest: {
    origin: ENDPOINT,
    entries: [{ endpoint: ENDPOINT, tick: ENTRIES + 1, stamp: '2026-01-01T00:00:00Z' as Stamp, conflictPriority: 1 }],
  },
}

function* entries(): Generator<SyncEntry> {
  for (let i = 0; i < ENTRIES; i++) yield entry(i)
}

/** Runs the built CLI with stdout into `out` (a file: the outputs are tens of MB). */
function run(args: string[], out: string): { code: number; stderr: string } {
  const fd = openSync(out, 'w')
  try {
    const r = spawnSync(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '' },
    })
    return { code: r.status ?? -1, stderr: r.stderr }
  } finally {
    closeSync(fd)
  }
}

beforeAll(async () => {
  ensureBuilt()
  dir = mkdtempSync(join(tmpdir(), 'syncwire-large-'))
  feedFile = join(dir, 'feed.xml')
  // The namespaces the entries use declared on the root: the text is then exactly what `encode` writes.
  const chunks = encodeSyncFeedStream(head, entries(), { declare: ['', 'sdata', 'sync'] })
  await pipeline(Readable.from(chunks), createWriteStream(feedFile))
}, 120_000)

afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
})

describe('the CLI on a feed over the default size limit', () => {
  it('is really over the limit', () => {
    // The CLI's default --max-size is the XML layer's default maxLength ("default 32MB" in its help).
    expect(statSync(feedFile).size).toBeGreaterThan(DEFAULT_LIMITS.maxLength)
  })

  it('validates it by streaming, with the in-memory summary and no progress line off a terminal', () => {
    const r = run(['validate', '--summary', feedFile], join(dir, 'validate.txt'))
    expect(r.stderr).toBe('1 file: 1 valid, 0 invalid\n')
    expect(r.code).toBe(0)
    const out = readFileSync(join(dir, 'validate.txt'), 'utf8')
    expect(out).toContain(`${ENTRIES.toLocaleString('en')} entries`)
    expect(out.trimEnd().endsWith('valid')).toBe(true)
  }, 120_000)

  it('converts it to JSON and back to the same bytes', () => {
    const json = join(dir, 'feed.json')
    const back = join(dir, 'back.xml')
    const toJson = run(['convert', feedFile, '--to', 'json'], json)
    expect(toJson.stderr).toBe('')
    expect(toJson.code).toBe(0)
    const envelope = JSON.parse(readFileSync(json, 'utf8'))
    expect(envelope.kind).toBe('feed')
    const toXml = run(['convert', json, '--to', 'xml'], back)
    expect(toXml.stderr).toBe('')
    expect(toXml.code).toBe(0)
    // The feed was written by the same writer as `encode`, so the round trip gives it back byte for byte.
    expect(readFileSync(back).equals(Buffer.concat([readFileSync(feedFile), Buffer.from('\n')]))).toBe(true)
  }, 240_000)

  it('runs conflicts over it: every entry applied, the digest advanced', () => {
    const digestFile = join(dir, 'target-digest.xml')
    writeFileSync(
      digestFile,
      DigestXml.encode({
        entries: [
          { endpoint: 'http://target/accounts', tick: 1, stamp: '2026-01-01T00:00:00Z' as Stamp, conflictPriority: 2 },
        ],
      }),
    )
    const out = join(dir, 'conflicts.json')
    const r = run(['conflicts', '--json', '--last-page', '--target-digest', digestFile, feedFile], out)
    expect(r.code).toBe(0)
    const result = JSON.parse(readFileSync(out, 'utf8'))
    expect(result.pages[0].decisions).toHaveLength(ENTRIES)
    expect(result.pages[0].decisions.every((d: { action: string }) => d.action === 'apply')).toBe(true)
    expect(result.digest.entries).toContainEqual(expect.objectContaining({ endpoint: ENDPOINT, tick: ENTRIES + 1 }))
  }, 120_000)
})
