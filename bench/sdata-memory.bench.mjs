// SData's in-memory decode against the tree way (parseXml's whole tree, then the feed's element codec: the decode
// before December 2026) and htmlparser2's SAX pass (issue 16: peak memory ≤ 8 bytes per input byte with payloads
// kept whole; decode ÷ htmlparser2 ≤ 1.0). Speed: CPU time (process.cpuUsage) of each way in the settled rounds of
// ./timing.mjs (a minor collection and one run not timed, then a block of three timed) on a generated feed, ratios
// per round. Memory: a ~30 MB feed decoded in child processes of their own, the
// ways alternating, 3 processes each. Runs against dist/ (build first); prints markdown tables; exits 1 when the
// memory goal is missed.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SyncFeedElement, SyncFeedXml, syncFeedXml } from '../dist/sdata/index.js'
import { parseXml } from '../dist/xml/index.js'
import { saxPass } from './ceilings.mjs'
import { makeFeed } from './sdata-feed.mjs'
import { METHOD, ratios, formatStats as s, settledRounds, stats } from './timing.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const ENTRIES = Number(process.env.BENCH_MEMORY_ENTRIES ?? 26_000)
const RUNS = Number(process.env.BENCH_MEMORY_RUNS ?? 3)
const ROUNDS = Number(process.env.BENCH_RUNS ?? 9)
const SPEED_ENTRIES = Number(process.env.BENCH_SPEED_ENTRIES ?? 4_000)
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')

function treeDecode(text) {
  const p = parseXml(text)
  if (p._tag !== 'Right') throw new Error('the feed does not parse')
  return SyncFeedElement.decode(p.right.root)
}

// Speed: the ways in turn within each round (settled rounds), so load from other processes hits them alike.
const text = SyncFeedXml.encode(makeFeed(SPEED_ENTRIES))
if (SyncFeedXml.decode(text)._tag !== 'Right' || treeDecode(text)._tag !== 'Right') throw new Error('no decode')
const ways = [
  ['SyncFeedXml.decode (entry by entry)', () => SyncFeedXml.decode(text)],
  ['the tree way: parseXml, then SyncFeedElement', () => treeDecode(text)],
  ['htmlparser2 SAX pass (xmlMode, no tree, no checks)', () => saxPass(text)],
]
const loadBefore = load()
const times = settledRounds(
  ways.map(([, fn]) => fn),
  { rounds: ROUNDS },
).map((t) => t.cpu)
console.log(
  `SData feed of ${SPEED_ENTRIES.toLocaleString('en')} entries, ${(text.length / 1e6).toFixed(1)} M chars; CPU time, ${ROUNDS} ${METHOD} (order alternating), median (min–max); load average ${loadBefore} before, ${load()} after\n`,
)
console.log('| way | CPU ms | M chars/s | its time ÷ SyncFeedXml.decode time, per round |')
console.log('|---|---:|---:|---:|')
for (const [k, [name]] of ways.entries()) {
  const t = stats(times[k])
  const ratio = k === 0 ? '1' : s(ratios(times[k], times[0]))
  console.log(`| ${name} | ${s(t, 0)} | ${(text.length / 1e6 / (t.median / 1000)).toFixed(1)} | ${ratio} |`)
}

// Memory: each way in its own process, alternating, so one's heap does not count in the other's.
const dir = mkdtempSync(join(tmpdir(), 'syncwire-sdata-'))
let failed = false
try {
  const file = join(dir, 'feed.xml')
  writeFileSync(file, syncFeedXml(undefined, { parse: { maxLength: 1e9 } }).encode(makeFeed(ENTRIES)))
  const runs = { decode: [], tree: [] }
  const loadBefore = load()
  for (let i = 0; i < RUNS; i++) {
    for (const way of ['decode', 'tree']) {
      const child = spawnSync(process.execPath, ['--expose-gc', join(here, 'sdata-memory.mjs'), file, way], {
        encoding: 'utf8',
      })
      if (child.status !== 0) throw new Error(child.stderr)
      runs[way].push(JSON.parse(child.stdout))
    }
  }
  const of = (way) => ({
    peak: stats(runs[way].map((r) => r.peakPerByte)),
    kept: stats(runs[way].map((r) => r.keptPerByte)),
    ms: stats(runs[way].map((r) => r.ms)),
  })
  const decode = of('decode')
  failed = decode.peak.median > 8
  console.log(
    `\nPeak memory of one in-memory decode of a ${(runs.decode[0].bytes / 1e6).toFixed(1)} MB SData feed (${ENTRIES.toLocaleString('en')} entries with payloads), median of ${RUNS} processes per way, alternating (spread); load average ${loadBefore} before, ${load()} after\n`,
  )
  console.log(
    '| decode | time ms | peak RSS above the start, bytes per input byte (≤ 8) | value kept, bytes per input byte |',
  )
  console.log('|---|---:|---:|---:|')
  for (const [name, m] of [
    ['SyncFeedXml.decode', decode],
    ['the tree way (the decode before)', of('tree')],
  ]) {
    console.log(`| ${name} | ${m.ms.median.toFixed(0)} | ${s(m.peak)} | ${s(m.kept)} |`)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
