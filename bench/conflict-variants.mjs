// processFeed of several builds against each other and against the sized proxy loop, in one process (issue 16):
//   node --expose-gc bench/conflict-variants.mjs <rounds> <dist> <dist> … [sliced]
// For ablations: each dist is a `npx tsup` output directory, possibly with a check cut out by hand, so the outcomes
// are not compared (use bench/conflict-ab.mjs for two builds that must agree). Each round runs every build and the
// sized proxy once, the order rotated by one each round, `gc()` before each run, CPU time. Prints each build's median
// CPU ms and its ratios to the first build and to the sized proxy (median of the per-round ratios, spread).
// ENTRIES=100000 in the environment for a page of another size (1,000,000 by default).
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { scenario, sizedProxy, sliceStrings } from './conflict-scenario.mjs'
import { cpu, loadAverage } from './timing.mjs'

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
for (const side of sides) side(input) // warm-up

const times = sides.map(() => [])
console.log(
  `${new Date().toISOString()} load ${loadAverage(1)}; ${entries.toLocaleString('en')} entries, ${rounds} rounds${sliced ? ', sliced strings' : ''}`,
)
for (let r = 0; r < rounds; r++) {
  for (let j = 0; j < sides.length; j++) {
    const k = (j + r) % sides.length
    times[k].push(cpu(() => sides[k](input)))
  }
}
const show = (xs, d = 2) => {
  const s = [...xs].sort((x, y) => x - y)
  return `${s[Math.floor(s.length / 2)].toFixed(d)} (${s[0].toFixed(d)}–${s[s.length - 1].toFixed(d)})`
}
const last = sides.length - 1
for (let k = 0; k < sides.length; k++) {
  const first = show(times[k].map((t, r) => t / times[0][r]))
  const floor = show(times[k].map((t, r) => t / times[last][r]))
  console.log(`${names[k]}: CPU ms ${show(times[k], 0)}, ÷ first ${first}×, ÷ sized proxy ${floor}×`)
}
console.log(`${new Date().toISOString()} load ${loadAverage(1)}`)
