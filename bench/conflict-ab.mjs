// processFeed of two builds against each other and against the sized proxy loop, in one process (issue 16):
//   node --expose-gc bench/conflict-ab.mjs <dist-a> <dist-b> [rounds] [sliced|mixed]
// (ENTRIES=100000 in the environment for a page of another size; 1,000,000 by default.)
// Each dist is a `npx tsup` output directory. The outcomes of both builds are checked deep-equal first; then a, b
// and the sized proxy are timed by `settledRounds` (bench/timing.mjs: the order reversed every other round, each
// turn settled by a minor collection and a run not timed, then a block timed). With `sliced`, every uuid and stamp is
// a slice of one long text, as a decoder gives them; with `mixed`, stamps of two lengths (mixStampLengths).
// The usage line printed without arguments omits the mode; it is the fourth argument.
import { deepStrictEqual } from 'node:assert'
import { mixStampLengths, scenario, sizedProxy, sliceStrings } from './conflict-scenario.mjs'
import { importFrom, loadAverage, METHOD, ratios, settledRounds, stats, twoBuilds } from './timing.mjs'

const { dirA, dirB, rounds, rest } = twoBuilds('conflict-ab.mjs', 15)
const mode = rest[0]
const load = async (dir) => (await importFrom(dir, 'conflict/index.js')).processFeed
const a = await load(dirA)
const b = await load(dirB)

const entries = Number(process.env.ENTRIES ?? 1_000_000)
const input = scenario(entries, 'array')
if (mode === 'sliced') sliceStrings(input)
else if (mode === 'mixed') mixStampLengths(input)

deepStrictEqual(a(input), b(input))

console.log(
  `${new Date().toISOString()} load ${loadAverage(1)}; ${entries.toLocaleString('en')} entries, ${rounds} rounds${mode === undefined ? '' : `, ${mode}`}; outcomes deep-equal; ${METHOD}`,
)
// The proxy between the two builds: `settledRounds` reverses the order every other round, so a and b then take the
// same places (first and last, next to the proxy or to themselves), where with the builds side by side b was always
// in the middle. That did not take away the bias of this method here: two copies of one build gave b ÷ a 0.85–0.86
// (3 December 2026, BENCHMARKS.md), against 0.98 with `BENCH_COLLECT=full BENCH_SETTLE=0 BENCH_BLOCK=1` (the method
// before), so read a b ÷ a against an A/A run (a build against a copy of itself) of the same session.
const [ta, tp, tb] = settledRounds([() => a(input), () => sizedProxy(input), () => b(input)], { rounds })
const show = (s, d = 2) => `${s.median.toFixed(d)} (${s.min.toFixed(d)}–${s.max.toFixed(d)})`
for (const kind of ['cpu', 'wall']) {
  const name = kind === 'cpu' ? 'CPU' : 'wall-clock'
  console.log(
    `${name} ms: a ${show(stats(ta[kind]), 0)}, b ${show(stats(tb[kind]), 0)}, sized proxy ${show(stats(tp[kind]), 0)}`,
  )
  console.log(`  b ÷ a: ${show(ratios(tb[kind], ta[kind]))}×`)
  console.log(`  a ÷ sized proxy: ${show(ratios(ta[kind], tp[kind]))}×`)
  console.log(`  b ÷ sized proxy: ${show(ratios(tb[kind], tp[kind]))}×`)
}
console.log(`${new Date().toISOString()} load ${loadAverage(1)}`)
