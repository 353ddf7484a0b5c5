import { makeChangesListing } from './changes-listing.mjs'
import { makeFeed } from './sdata-feed.mjs'
import { formatStats as fmt, importFrom, loadAverage, METHOD, ratios, settledCpu, stats, twoBuilds } from './timing.mjs'

const { dirA, dirB, rounds: ROUNDS } = twoBuilds('validate-ab.mjs', 15)
const load = () => loadAverage()
const A = await importFrom(dirA, 'index.js')
const B = await importFrom(dirB, 'index.js')

const ENTRIES = 30_000
const valid = makeFeed(ENTRIES)
const warned = makeFeed(ENTRIES)
for (const entry of warned.entries) {
  entry.updated = entry.updated.replace(/Z$/, '')
  entry.syncState.stamp = entry.syncState.stamp.replace(/Z$/, '')
}
const listing = makeChangesListing(100_000)

const cases = [
  ['SData feed, 30,000 entries, valid', (lib) => lib.validateSyncFeed(valid).length],
  [
    'SData feed, 30,000 entries, 60,000 warnings (steps read)',
    (lib) => {
      let n = 0
      for (const issue of lib.validateSyncFeed(warned)) n += issue.steps.length + issue.path.length
      return n
    },
  ],
  ['FILESYNC changes listing, 100,000 items', (lib) => lib.validateFileSync(listing).length],
]

console.log(`Node ${process.version}; ${ROUNDS} ${METHOD}, order alternating; load average ${load()} before\n`)
console.log('| case | A ms (median) | B ms (median) | B ÷ A median (min–max) |')
console.log('| --- | ---: | ---: | ---: |')
for (const [name, run] of cases) {
  const a = run(A)
  const b = run(B)
  if (a !== b) throw new Error(`${name}: the sides disagree (${a} vs ${b})`)
  const times = settledCpu({ a: () => run(A), b: () => run(B) }, { rounds: ROUNDS })
  const ms = (side) => stats(times[side]).median.toFixed(0)
  console.log(`| ${name} | ${ms('a')} | ${ms('b')} | ${fmt(ratios(times.b, times.a))} |`)
}
console.log(`\nload average ${load()} after`)
