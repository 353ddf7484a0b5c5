// Checks the settled rounds of ./timing.mjs against each side's steady state, on the FILESYNC listing or the SData
// feed of the benches (10,000 items or entries), our decode against htmlparser2's SAX pass:
// `node --expose-gc bench/timing-check.mjs [filesync|sdata] [rounds]` times both sides in one process with the method
// before (a forced full collection, then one timed run), with a full collection and two runs not timed before a block
// of three, and with the settled rounds' default (a minor collection, one run not timed, a block of three), and gives
// the collectors' pauses that fell in each side's timed runs; `… steady <decode|sax> [runs]` times one side alone,
// run after run in a process of its own with no forced collection (after five runs not timed): what a program that
// only decodes pays per run, its own garbage's collection included. A method is fair when its figures for each side
// come near that side's steady figures.
import { constants, PerformanceObserver } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { FileSyncXml } from '../dist/filesync/index.js'
import { SyncFeedXml } from '../dist/sdata/index.js'
import { saxPass } from './ceilings.mjs'
import { makeChangesListing } from './changes-listing.mjs'
import { makeFeed } from './sdata-feed.mjs'
import { formatStats as fmt, loadAverage, ratios, settledRounds, stats } from './timing.mjs'

const [doc = 'filesync', what = '9', side = 'decode', runsArg = '12'] = process.argv.slice(2)
const codec = doc === 'filesync' ? FileSyncXml : SyncFeedXml
const text = codec.encode(doc === 'filesync' ? makeChangesListing(10_000) : makeFeed(10_000))
const sides = { decode: () => codec.decode(text), sax: () => saxPass(text) }
// Every collection's pause (main thread), to tell which side's timed runs the scavenges and mark-compacts fell in.
const pauses = []
new PerformanceObserver((list) => pauses.push(...list.getEntries())).observe({ entryTypes: ['gc'] })
const within = (windows, kind) =>
  pauses
    .filter((g) => g.detail.kind === kind && windows.some(([a, b]) => g.startTime >= a && g.startTime < b))
    .reduce((sum, g) => sum + g.duration, 0)
const { NODE_PERFORMANCE_GC_MAJOR: MAJOR, NODE_PERFORMANCE_GC_MINOR: MINOR } = constants

if (what === 'steady') {
  const fn = sides[side]
  for (let i = 0; i < 5; i++) fn()
  const wall = []
  const cpu = []
  const t00 = performance.now()
  for (let i = 0; i < Number(runsArg); i++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    fn()
    wall.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
  }
  const windows = [[t00, performance.now()]]
  await sleep(50)
  const mean = (xs) => xs.reduce((a, x) => a + x, 0) / xs.length
  const gc = { minorMs: within(windows, MINOR) / wall.length, majorMs: within(windows, MAJOR) / wall.length }
  console.log(
    JSON.stringify({ doc, side, runs: wall.length, wall: mean(wall), cpu: mean(cpu), ...gc, load: loadAverage(1) }),
  )
} else {
  const rounds = Number(what)
  const methods = [
    ['before: gc, 1 timed run', { settle: 0, block: 1 }],
    ['full gc, 2 settle runs, block of 3', { settle: 2, block: 3 }],
    ['minor gc, 1 settle run, block of 3', { settle: 1, block: 3, collect: 'minor' }],
  ]
  console.log(`${doc}, ${rounds} rounds each, load average ${loadAverage(1)}\n`)
  console.log(
    '| method | decode ÷ SAX, wall | decode ÷ SAX, CPU | ms decode / SAX, wall | ms decode / SAX, CPU | scavenge / mark-compact pause ms per timed run, decode; SAX |',
  )
  console.log('|---|---:|---:|---:|---:|---:|')
  for (const [name, opts] of methods) {
    const [d, s] = settledRounds([sides.decode, sides.sax], { rounds, ...opts })
    const ms = (k) => `${stats(d[k]).median.toFixed(0)} / ${stats(s[k]).median.toFixed(0)}`
    await sleep(50)
    const runs = rounds * (opts.block ?? 1)
    const gc = (t) =>
      `${(within(t.windows, MINOR) / runs).toFixed(0)} / ${(within(t.windows, MAJOR) / runs).toFixed(0)}`
    console.log(
      `| ${name} | ${fmt(ratios(d.wall, s.wall))} | ${fmt(ratios(d.cpu, s.cpu))} | ${ms('wall')} | ${ms('cpu')} | ${gc(d)}; ${gc(s)} |`,
    )
  }
  console.log(`\nload average ${loadAverage(1)}`)
}
