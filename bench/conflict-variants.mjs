// processFeed of several builds against each other and against the sized proxy loop, in one process (issue 16):
//   node --expose-gc bench/conflict-variants.mjs <rounds> <dist> <dist> … [sliced]
// For ablations: each dist is a `npx tsup` output directory, possibly with a check cut out by hand, so the outcomes
// are not compared (use bench/conflict-ab.mjs for two builds that must agree). All builds and the sized proxy are
// timed by `settledRounds` (bench/timing.mjs). Prints each build's median CPU ms and its ratios to the first build
// and to the sized proxy (median of the per-round ratios, spread), in CPU time (all threads) and wall-clock time.
// ENTRIES=100000 in the environment for a page of another size (1,000,000 by default).
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { scenario, sizedProxy, sliceStrings } from './conflict-scenario.mjs'
import { loadAverage, METHOD, ratios, settledRounds, stats } from './timing.mjs'

const args = process.argv.slice(2)
const sliced = args.at(-1) === 'sliced'
const [roundsArg, ...dirs] = sliced ? args.slice(0, -1) : args
if (dirs.length === 0) {
  console.error('usage: node --expose-gc bench/conflict-variants.mjs <rounds> <dist> <dist> … [sliced]')
  process.exit(2)
}
const rounds = Number(roundsArg)
const builds = []
for (const dir of dirs) builds.push((await import(pathToFileURL(resolve(dir, 'conflict/index.js')).href)).processFeed)
const sides = [...builds, sizedProxy]
const names = [...dirs, 'sized proxy']
const entries = Number(process.env.ENTRIES ?? 1_000_000)
const input = scenario(entries, 'array')
if (sliced) sliceStrings(input)

console.log(
  `${new Date().toISOString()} load ${loadAverage(1)}; ${entries.toLocaleString('en')} entries, ${rounds} rounds${sliced ? ', sliced strings' : ''}; ${METHOD}`,
)
const times = settledRounds(
  sides.map((side) => () => side(input)),
  { rounds },
)
const show = (s, d = 2) => `${s.median.toFixed(d)} (${s.min.toFixed(d)}–${s.max.toFixed(d)})`
const last = sides.length - 1
for (let k = 0; k < sides.length; k++) {
  const t = times[k]
  const cpu = `÷ first ${show(ratios(t.cpu, times[0].cpu))}×, ÷ sized proxy ${show(ratios(t.cpu, times[last].cpu))}×`
  const wall = `÷ first ${show(ratios(t.wall, times[0].wall))}×, ÷ sized proxy ${show(ratios(t.wall, times[last].wall))}×`
  console.log(`${names[k]}: CPU ms ${show(stats(t.cpu), 0)}, ${cpu}; wall ${wall}`)
}
console.log(`${new Date().toISOString()} load ${loadAverage(1)}`)
