import { scenario, sizedProxy, sliceStrings } from './conflict-scenario.mjs'
import { importFrom, loadAverage, METHOD, ratios, settledRounds, stats } from './timing.mjs'

const args = process.argv.slice(2)
const sliced = args.at(-1) === 'sliced'
const [roundsArg, ...dirs] = sliced ? args.slice(0, -1) : args
if (dirs.length === 0) {
  console.error('usage: node --expose-gc bench/conflict-variants.mjs <rounds> <dist> <dist> … [sliced]')
  process.exit(2)
}
const rounds = Number(roundsArg)
const builds = []
for (const dir of dirs) builds.push((await importFrom(dir, 'conflict/index.js')).processFeed)
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
