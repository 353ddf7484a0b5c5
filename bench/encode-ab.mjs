// Encode speed of two builds side by side, in one process on the same values, against fast-xml-parser's XMLBuilder:
// `node --expose-gc bench/encode-ab.mjs <distA> <distB> [rounds]` (each a built dist/ folder, e.g. one of main and
// one of a branch). Cases: the FILESYNC changes listing of bench/filesync.bench.mjs and the SData feed of
// bench/sdata.bench.mjs (10,000 items or entries; BENCH_ITEMS to change). Both builds must write the same text
// (checked first). CPU time (process.cpuUsage) and wall-clock time of each side in the settled rounds of ./timing.mjs
// (a minor collection and one run not timed, then a block of three timed), order alternating round by round; prints
// the median per-round ratios with their spread (min–max) and each side's median time, a row for each clock.
// With BENCH_FLAT=1 every side also reads one character of its result, which flattens the rope (as writing it out
// would); the benches do not.
import { createRequire } from 'node:module'
import { makeChangesListing } from './changes-listing.mjs'
import { makeFeed } from './sdata-feed.mjs'
import {
  formatStats as fmt,
  importFrom,
  loadAverage,
  METHOD,
  ratios,
  settledRounds,
  stats,
  twoBuilds,
} from './timing.mjs'

const { XMLBuilder, XMLParser } = createRequire(import.meta.url)('fast-xml-parser')

const { dirA, dirB, rounds: ROUNDS } = twoBuilds('encode-ab.mjs', 15)
const N = Number(process.env.BENCH_ITEMS ?? 10_000)
const flat = process.env.BENCH_FLAT === '1' ? (s) => s.charCodeAt(s.length >> 1) : (s) => s
const load = () => loadAverage(1)

async function build(dir) {
  return { filesync: await importFrom(dir, 'filesync/index.js'), sdata: await importFrom(dir, 'sdata/index.js') }
}
const A = await build(dirA)
const B = await build(dirB)

// fast-xml-parser's tree of the same text, as the benches build it.
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false, trimValues: false })
const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false })

function compare(title, encodeA, encodeB) {
  const text = encodeA()
  if (encodeB() !== text) throw new Error(`${title}: the two builds write different text`)
  const tree = parser.parse(text)
  const fns = { fxp: () => flat(builder.build(tree)), a: () => flat(encodeA()), b: () => flat(encodeB()) }
  const names = Object.keys(fns)
  const sides = settledRounds(Object.values(fns), { rounds: ROUNDS })
  for (const clock of ['cpu', 'wall']) {
    const times = Object.fromEntries(names.map((name, k) => [name, sides[k][clock]]))
    const ratio = (x, y) => fmt(ratios(times[x], times[y]))
    const ms = (x) => stats(times[x]).median.toFixed(0)
    console.log(
      `| ${title}, ${clock === 'cpu' ? 'CPU' : 'wall clock'} | ${ratio('a', 'fxp')} | ${ratio('b', 'fxp')} | ${ratio('b', 'a')} | ${ms('a')} / ${ms('b')} / ${ms('fxp')} |`,
    )
  }
}

console.log(`${ROUNDS} ${METHOD}; ${N} items/entries, load average ${load()} at ${new Date().toISOString()}\n`)
console.log('| encode | A ÷ XMLBuilder | B ÷ XMLBuilder | B ÷ A | ms A / B / XMLBuilder (median) |')
console.log('|---|---:|---:|---:|---:|')
const listing = makeChangesListing(N)
compare(
  'FILESYNC',
  () => A.filesync.FileSyncXml.encode(listing),
  () => B.filesync.FileSyncXml.encode(listing),
)
const feed = makeFeed(N)
compare(
  'SData',
  () => A.sdata.SyncFeedXml.encode(feed),
  () => B.sdata.SyncFeedXml.encode(feed),
)
console.log(`\nload average ${load()} at ${new Date().toISOString()}`)
