// How far processFeed's two checks alone put a loop above the sized proxy (issue 16), in one process:
//   node --expose-gc bench/conflict-floor.mjs <dist> [rounds]
// (ENTRIES=100000 in the environment for a page of another size; 1,000,000 by default.)
// Sides: processFeed of the build in <dist>; the sized proxy of conflict-scenario.mjs, untouched; and the same loop
// with, added step by step, the digest's stamp kept as the later one by code units, the stamp check processFeed runs
// on every tick-raising stamp (its own `isPlainUtc`) and its repeated-uuid check (its own `UuidHashes`: a hash per
// uuid and `repeats` at the end), through the hooks of the one proxy loop. The checks are bundled from src/conflict
// with esbuild when the script starts, so they are the library's code, not copies. Timed by `settledRounds`
// (bench/timing.mjs); medians of the times and of the per-round ratios to the sized proxy and to the last side (the
// proxy with both checks: the floor the checks set), with spreads, in CPU time (all threads) and wall-clock time.
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { proxyLoop, scenario, sizedProxy } from './conflict-scenario.mjs'
import { importFrom, loadAverage, METHOD, ratios, settledRounds, stats } from './timing.mjs'

const [dir, roundsArg] = process.argv.slice(2)
if (dir === undefined) {
  console.error('usage: node --expose-gc bench/conflict-floor.mjs <dist> [rounds]')
  process.exit(2)
}
const { processFeed } = await importFrom(dir, 'conflict/index.js')
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const bundle = await build({
  stdin: {
    contents:
      "export { isPlainUtc } from './src/conflict/stamps'\nexport { UuidHashes } from './src/conflict/repeats'\n",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
})
const checks = `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`
const { isPlainUtc, UuidHashes } = await import(checks)

// The sized proxy's loop (conflict-scenario.mjs) with the checks added through its hooks.
const keep = () => true
const hashes = (n) => new UuidHashes(n)
const checkedLoop = (stamp, withHashes) => (input) =>
  proxyLoop(input, { sized: true, stamp, hashes: withHashes ? hashes : undefined })

const entries = Number(process.env.ENTRIES ?? 1_000_000)
const rounds = Number(roundsArg ?? 15)
const input = scenario(entries, 'array')
const sides = [
  ['`processFeed`', processFeed],
  ['sized proxy', sizedProxy],
  ['+ the digest stamp kept (code-unit order, no check)', checkedLoop(keep, false)],
  ['+ the stamp check (`isPlainUtc`)', checkedLoop(isPlainUtc, false)],
  ['+ the repeated-uuid check (`UuidHashes`)', checkedLoop(isPlainUtc, true)],
]
console.log(
  `${new Date().toISOString()} load ${loadAverage(1)}; ${entries.toLocaleString('en')} entries, ${rounds} rounds; ${METHOD}`,
)
const times = settledRounds(
  sides.map(
    ([, side]) =>
      () =>
        side(input),
  ),
  { rounds },
)
const show = (s, d = 2) => `${s.median.toFixed(d)} (${s.min.toFixed(d)}–${s.max.toFixed(d)})`
const last = times.length - 1
console.log('| side | CPU ms | ÷ sized proxy, CPU | ÷ sized proxy, wall | ÷ proxy + both checks, CPU |')
console.log('|---|---:|---:|---:|---:|')
for (let k = 0; k < sides.length; k++) {
  const t = times[k]
  const cells = [
    show(stats(t.cpu), 0),
    `${show(ratios(t.cpu, times[1].cpu))}×`,
    `${show(ratios(t.wall, times[1].wall))}×`,
    `${show(ratios(t.cpu, times[last].cpu))}×`,
  ]
  console.log(`| ${sides[k][0]} | ${cells.join(' | ')} |`)
}
console.log(`${new Date().toISOString()} load ${loadAverage(1)}`)
