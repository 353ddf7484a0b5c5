// Peak memory of the built CLI on files over --max-size: a ~256 MB FILESYNC listing (nested folders, valid) and a
// ~64 MB SData feed (~256 MB as JSON) are written to a temp directory; each command runs in its own child process whose peak RSS is
// recorded (`process.resourceUsage().maxRSS`): validate and convert --to json of the listing, convert --to xml of
// its JSON back (compared byte for byte with the listing), and the feed to JSON and back. Goal: under 200 MB each.
// Alone: `npx tsup && node bench/run.mjs cli-memory` (BENCH_RSS_MB, BENCH_FEED_MB set the sizes). Runs against dist/.
import { spawnSync } from 'node:child_process'
import { closeSync, createWriteStream, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { encodeFileSyncStream } from '../dist/filesync/index.js'
import { writeFeed } from './feed-file.mjs'

const MB = Number(process.env.BENCH_RSS_MB ?? 256)
// The feed's SData JSON is about four times its XML: a 64 MB feed gives about 256 MB of JSON.
const FEED_MB = Number(process.env.BENCH_FEED_MB ?? Math.ceil(MB / 4))
// Files under the default --max-size (32 MB) are read whole: a small smoke run lowers it so they stream.
const LIMIT = Math.min(MB, FEED_MB) < 40 ? ['--max-size', '1MB'] : []
const here = dirname(fileURLToPath(import.meta.url))
const cliPath = join(here, '..', 'dist', 'cli', 'index.js')

/** A listing of about `mb` MiB: top-level folders of 40 documents and 2 subfolders of 10 documents each. */
async function writeListing(file, mb) {
  let n = 0
  const document = () => {
    const i = n++
    return {
      kind: 'Document',
      resourceId: i.toString(16).padStart(32, '0'),
      parentResourceId: 'f'.repeat(32),
      eTag: `"{${i}},1"`,
      relationshipName: `report ${i} é & <draft>.docx`,
      dateModified: '2025-11-20T22:06:41.0000000Z',
      documentStreams: [{ documentStreamName: 'Binary', dataSize: i * 4099, preAuthUrl: `https://x.example/${i}` }],
    }
  }
  const folder = (documents, subfolders) => ({
    kind: 'Folder',
    resourceId: (n++).toString(16).padStart(32, '0'),
    relationshipName: `folder ${n}`,
    items: [...Array.from({ length: subfolders }, () => folder(10, 0)), ...Array.from({ length: documents }, document)],
  })
  const out = createWriteStream(file)
  let bytes = 0
  const limit = mb * 1024 * 1024
  async function* items() {
    while (bytes < limit) yield folder(40, 2)
  }
  const head = { root: 'Folder', folder: { kind: 'Folder', resourceId: 'e'.repeat(32), items: [] } }
  for await (const chunk of encodeFileSyncStream(head, items())) {
    bytes += Buffer.byteLength(chunk)
    if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve))
  }
  // A last new line, as `convert --to xml` writes one.
  await new Promise((resolve) => out.end('\n', resolve))
  return n
}

/** Runs the CLI with `args` in a child, stdout to `stdoutFile` (or kept), and returns time, peak RSS, output. */
function run(args, stdoutFile) {
  const fd = stdoutFile === undefined ? 'pipe' : openSync(stdoutFile, 'w')
  const t0 = performance.now()
  const r = spawnSync(process.execPath, ['--import', join(here, 'rss-on-exit.mjs'), cliPath, ...args, ...LIMIT], {
    encoding: 'utf8',
    stdio: ['ignore', fd, 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 1 << 26,
  })
  const ms = performance.now() - t0
  if (typeof fd === 'number') closeSync(fd)
  const cpu = r.status === 0 ? undefined : r.stderr.slice(0, 2000)
  return {
    ms,
    code: r.status,
    rss: Number(/peak-rss-mb ([\d.]+)/.exec(r.stderr)?.[1]),
    out: r.stdout ?? '',
    error: cpu,
  }
}

/** Whether two files hold the same bytes, read in pieces. */
function sameBytes(a, b) {
  if (statSync(a).size !== statSync(b).size) return false
  const [fa, fb] = [openSync(a, 'r'), openSync(b, 'r')]
  const [ba, bb] = [Buffer.alloc(1 << 20), Buffer.alloc(1 << 20)]
  try {
    for (let at = 0; ; at += ba.length) {
      const n = readSync(fa, ba, 0, ba.length, at)
      if (n === 0) return true
      readSync(fb, bb, 0, bb.length, at)
      if (!ba.subarray(0, n).equals(bb.subarray(0, n))) return false
    }
  } finally {
    closeSync(fa)
    closeSync(fb)
  }
}

const mib = (file) => `${(statSync(file).size / 1048576).toFixed(0)} MiB`
let failed = false
const rows = []
const dir = mkdtempSync(join(tmpdir(), 'syncwire-cli-memory-'))
const record = (name, r, result) => {
  if (r.code !== 0 || !(r.rss < 200)) failed = true
  if (r.error !== undefined) console.error(name, r.error)
  rows.push(`| ${name} | ${(r.ms / 1000).toFixed(1)} s | ${r.rss.toFixed(0)} MB | ${result} |`)
}
try {
  const listing = join(dir, 'listing.xml')
  const items = await writeListing(listing, MB)
  const validate = run(['validate', '--summary', listing])
  record(
    `\`validate --summary\` listing (${mib(listing)}, ${items} items)`,
    validate,
    validate.out.trim().split('\n').at(-1)?.replace(listing, 'listing.xml'),
  )
  const json = join(dir, 'listing.json')
  record(`\`convert --to json\` listing`, run(['convert', listing, '--to', 'json'], json), `${mib(json)} of JSON`)
  const back = join(dir, 'back.xml')
  const xml = run(['convert', json, '--to', 'xml'], back)
  const same = sameBytes(back, listing)
  if (!same) failed = true
  record('`convert --to xml` of that JSON', xml, same ? 'the listing, byte for byte' : 'NOT the listing')
  rmSync(json)
  rmSync(back)
  rmSync(listing)

  const feed = join(dir, 'feed.xml')
  const entries = await writeFeed(feed, FEED_MB)
  const feedJson = join(dir, 'feed.json')
  record(
    `\`convert --to json\` feed (${mib(feed)}, ${entries} entries)`,
    run(['convert', feed, '--to', 'json'], feedJson),
    `${mib(feedJson)} of JSON`,
  )
  const feedBack = join(dir, 'feed-back.xml')
  record(
    '`convert --to xml` of that JSON',
    run(['convert', feedJson, '--to', 'xml'], feedBack),
    `${mib(feedBack)} of XML`,
  )
  rmSync(feedJson)
  const again = run(['validate', '--summary', feedBack])
  record(
    '`validate --summary` of that XML',
    again,
    again.out.trim().split('\n').at(-1)?.replace(feedBack, 'feed-back.xml'),
  )

  console.log('| the built CLI, each run its own process | time | peak RSS (< 200 MB) | result |')
  console.log('|---|---:|---:|---|')
  for (const row of rows) console.log(row)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
