// Validation speed of two builds side by side, in one process on the same values: `node bench/validate-ab.mjs
// <distA> <distB> [rounds]` (each a built dist/ folder, e.g. one of main and one of a branch). Cases: a valid
// generated SData feed, the same feed with zone-less stamps (two warnings an entry, their steps read), and a
// FILESYNC changes listing. CPU time (process.cpuUsage) of each side in turn, order alternating round by round;
// prints the median B ÷ A ratio with its spread, and each side's median time.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { makeChangesListing } from './changes-listing.mjs'
import { makeFeed } from './sdata-feed.mjs'
import { cpu, loadAverage, median, twoBuilds } from './timing.mjs'

const { dirA, dirB, rounds: ROUNDS } = twoBuilds('validate-ab.mjs', 15)
const load = () => loadAverage()
const A = await import(pathToFileURL(resolve(dirA, 'index.js')).href)
const B = await import(pathToFileURL(resolve(dirB, 'index.js')).href)

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

console.log(`Node ${process.version}; ${ROUNDS} rounds, order alternating; load average ${load()} before\n`)
console.log('| case | A ms (median) | B ms (median) | B ÷ A median (min–max) |')
console.log('| --- | ---: | ---: | ---: |')
for (const [name, run] of cases) {
  const a = run(A)
  const b = run(B)
  if (a !== b) throw new Error(`${name}: the sides disagree (${a} vs ${b})`)
  const ta = []
  const tb = []
  const ratios = []
  for (let i = 0; i < ROUNDS; i++) {
    globalThis.gc?.()
    let x
    let y
    if (i % 2 === 0) {
      x = cpu(() => run(A))
      globalThis.gc?.()
      y = cpu(() => run(B))
    } else {
      y = cpu(() => run(B))
      globalThis.gc?.()
      x = cpu(() => run(A))
    }
    ta.push(x)
    tb.push(y)
    ratios.push(y / x)
  }
  const r = [...ratios].sort((p, q) => p - q)
  console.log(
    `| ${name} | ${median(ta).toFixed(0)} | ${median(tb).toFixed(0)} | ${median(ratios).toFixed(2)} (${r[0].toFixed(2)}–${r[r.length - 1].toFixed(2)}) |`,
  )
}
console.log(`\nload average ${load()} after`)
