// Peak memory of streaming a large SData feed from disk: a ~256 MB feed (unique uuids, increasing ticks, so it is
// valid) is written to a temp file, then streamed by streamSyncFeed and by `syncwire validate` (above --max-size),
// each in its own child process, whose peak RSS is recorded. Goal: under 200 MB. Runs against dist/.
// Alone: `npx tsup && node bench/run.mjs stream-memory` (BENCH_RSS_MB sets the size).
import { spawnSync } from 'node:child_process'
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const RSS_MB = Number(process.env.BENCH_RSS_MB ?? 256)
const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')

const CONTRACT = 'http://schemas.sage.com/myContract'
const endpoint = (n) => `http://www.example.com/sdata/myApp${n % 3}/myContract/-/accounts`
const stamp = (n) => `2008-10-${String(1 + (n % 28)).padStart(2, '0')}T14:${String(n % 60).padStart(2, '0')}:03Z`

// One entry with a ~0.5 KB payload; entry i has tick i + 1 at its endpoint and its own uuid.
function entry(i) {
  const uuid = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`
  const lines = [0, 1]
    .map(
      (k) =>
        `<orderLine><product>P-${(i * 7 + k) % 5000}</product><orderQty>${1 + ((i + k) % 9)}</orderQty></orderLine>`,
    )
    .join('')
  return (
    `<entry><id>http://www.example.com/sdata/myApp1/myContract/-/accounts('${i}')</id><title>Account ${i}</title>` +
    `<updated>${stamp(i)}</updated><sync:syncState><sync:endpoint>${endpoint(i)}</sync:endpoint>` +
    `<sync:tick>${i + 1}</sync:tick><sync:stamp>${stamp(i)}</sync:stamp></sync:syncState><sdata:payload>` +
    `<account xmlns="${CONTRACT}" sdata:uuid="${uuid}"><name>Natural Goods Ltd. &amp; Partners &lt;${i}&gt; — é€</name>` +
    `<creditLimit>${1000 + (i % 97) * 250}</creditLimit><postalAddress><street>${i} High Street</street>` +
    `<town>Newcastle</town></postalAddress><orderLines>${lines}</orderLines></account></sdata:payload></entry>\n`
  )
}

async function writeFeed(file) {
  const out = createWriteStream(file)
  const write = (s) => new Promise((resolve) => (out.write(s) ? resolve() : out.once('drain', resolve)))
  await write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" ' +
      'xmlns:sdata="http://schemas.sage.com/sdata/2008/1" xmlns:sync="http://schemas.sage.com/sdata/sync/2008/1">\n' +
      '<id>urn:feed</id><title>Accounts</title><sync:syncMode>catchUp</sync:syncMode>\n',
  )
  let n = 0
  let bytes = 0
  const limit = RSS_MB * 1024 * 1024
  while (bytes < limit) {
    let block = ''
    for (let k = 0; k < 1000; k++) block += entry(n++)
    bytes += Buffer.byteLength(block)
    await write(block)
  }
  // The digest after the entries: its ticks are the next ones per endpoint (the feed is then valid).
  const digest = [0, 1, 2]
    .map((e) => {
      let last = 0
      for (let i = e; i < n; i += 3) last = i + 1
      return `<sync:digestEntry><sync:endpoint>${endpoint(e)}</sync:endpoint><sync:tick>${last + 1}</sync:tick><sync:stamp>2008-10-31T00:00:00Z</sync:stamp><sync:conflictPriority>1</sync:conflictPriority></sync:digestEntry>`
    })
    .join('')
  await write(`<sync:digest><sync:origin>${endpoint(1)}</sync:origin>${digest}</sync:digest>\n</feed>\n`)
  await new Promise((resolve) => out.end(resolve))
  return n
}

let failed = false
const dir = mkdtempSync(join(tmpdir(), 'syncwire-memory-'))
try {
  const file = join(dir, 'feed.xml')
  const entries = await writeFeed(file)
  const size = statSync(file).size
  const rows = []

  const lib = spawnSync(process.execPath, [join(here, 'stream-rss.mjs'), file], { encoding: 'utf8' })
  if (lib.status !== 0) throw new Error(lib.stderr)
  const r = JSON.parse(lib.stdout)
  if (r.entries !== entries) failed = true
  rows.push(['`streamSyncFeed(createReadStream(file))`, every event read', r.ms, r.peakRssMb, `${r.entries} entries`])

  const t0 = performance.now()
  const cli = spawnSync(
    process.execPath,
    ['--import', join(here, 'rss-on-exit.mjs'), join(root, 'dist', 'cli', 'index.js'), 'validate', '--summary', file],
    { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  )
  const ms = performance.now() - t0
  const peak = Number(/peak-rss-mb ([\d.]+)/.exec(cli.stderr)?.[1])
  if (cli.status !== 0 || !Number.isFinite(peak)) {
    failed = true
    console.error(cli.stdout.slice(0, 2000), cli.stderr.slice(0, 2000))
  }
  rows.push([
    '`syncwire validate --summary file` (streams: over --max-size)',
    ms,
    peak,
    cli.stdout.trim().split('\n').at(-1),
  ])

  console.log(
    `| streamed from disk (${(size / 1048576).toFixed(0)} MiB, ${entries} entries) | time | peak RSS (< 200 MB) | result |`,
  )
  console.log('|---|---:|---:|---|')
  for (const [name, time, rss, result] of rows) {
    if (!(rss < 200)) failed = true
    console.log(
      `| ${name} | ${(time / 1000).toFixed(1)} s | ${rss.toFixed(0)} MB | ${result.replace(file, 'feed.xml')} |`,
    )
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
