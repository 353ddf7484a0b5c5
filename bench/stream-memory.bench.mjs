// Peak memory of streaming a large SData feed from disk: a ~256 MB feed (unique uuids, increasing ticks, so it is
// valid) is written to a temp file, then streamed by streamSyncFeed and by `syncwire validate` (above --max-size),
// each in its own child process, whose peak RSS is recorded. Goal: under 200 MB. Runs against dist/.
// Alone: `npx tsup && node bench/run.mjs stream-memory` (BENCH_RSS_MB sets the size).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeFeed } from './feed-file.mjs'

const RSS_MB = Number(process.env.BENCH_RSS_MB ?? 256)
const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')

let failed = false
const dir = mkdtempSync(join(tmpdir(), 'syncwire-memory-'))
try {
  const file = join(dir, 'feed.xml')
  const entries = await writeFeed(file, RSS_MB)
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
