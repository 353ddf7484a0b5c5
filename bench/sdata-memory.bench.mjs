// Peak memory of an in-memory SData decode (issue 16: at most 8 bytes of peak RSS per input byte, payloads kept
// whole): a generated ~30 MB sync feed decoded by SyncFeedXml in a child process of its own, 3 processes. Runs
// against dist/ (build first); prints a markdown table; exits 1 when the goal is missed.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { syncFeedXml } from '../dist/sdata/index.js'
import { stats } from './ceilings.mjs'
import { makeFeed } from './sdata-feed.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const ENTRIES = Number(process.env.BENCH_MEMORY_ENTRIES ?? 26_000)
const RUNS = Number(process.env.BENCH_MEMORY_RUNS ?? 3)

const dir = mkdtempSync(join(tmpdir(), 'syncwire-sdata-'))
let failed = false
try {
  const file = join(dir, 'feed.xml')
  writeFileSync(file, syncFeedXml(undefined, { parse: { maxLength: 1e9 } }).encode(makeFeed(ENTRIES)))
  const runs = []
  for (let i = 0; i < RUNS; i++) {
    const child = spawnSync(process.execPath, ['--expose-gc', join(here, 'sdata-memory.mjs'), file], {
      encoding: 'utf8',
    })
    if (child.status !== 0) throw new Error(child.stderr)
    runs.push(JSON.parse(child.stdout))
  }
  const s = (x) => `${x.median.toFixed(2)} (${x.min.toFixed(2)}–${x.max.toFixed(2)})`
  const peak = stats(runs.map((r) => r.peakPerByte))
  const kept = stats(runs.map((r) => r.keptPerByte))
  const ms = stats(runs.map((r) => r.ms))
  failed = peak.median > 8
  console.log(
    `Peak memory of one in-memory decode of a ${(runs[0].bytes / 1e6).toFixed(1)} MB SData feed (${ENTRIES.toLocaleString('en')} entries with payloads), median of ${RUNS} processes (spread)\n`,
  )
  console.log(
    '| decode | time ms | peak RSS above the start, bytes per input byte (≤ 8) | value kept, bytes per input byte |',
  )
  console.log('|---|---:|---:|---:|')
  console.log(`| SyncFeedXml.decode | ${ms.median.toFixed(0)} | ${s(peak)} | ${s(kept)} |`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
