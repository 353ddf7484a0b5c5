// processFeed of two builds against each other and against the sized proxy loop, in one process (issue 16):
//   node --expose-gc bench/conflict-ab.mjs <dist-a> <dist-b> [rounds] [sliced|mixed]
// (ENTRIES=100000 in the environment for a page of another size; 1,000,000 by default.)
// Each dist is a `npx tsup` output directory. The outcomes of both builds are checked deep-equal first; then each
// round runs a, b and the sized proxy with the order of a and b alternated round by round, `gc()` before each run,
// and takes CPU time. With `sliced`, every uuid and stamp is a slice of one long text, as a decoder gives them; with
// `mixed`, stamps of two lengths (mixStampLengths).
import { deepStrictEqual } from 'node:assert'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { mixStampLengths, scenario, sizedProxy, sliceStrings } from './conflict-scenario.mjs'

const [dirA, dirB, roundsArg, mode] = process.argv.slice(2)
const load = async (dir) => (await import(pathToFileURL(resolve(dir, 'conflict/index.js')).href)).processFeed
const a = await load(dirA)
const b = await load(dirB)
const rounds = Number(roundsArg ?? 15)

const entries = Number(process.env.ENTRIES ?? 1_000_000)
const input = scenario(entries, 'array')
if (mode === 'sliced') sliceStrings(input)
else if (mode === 'mixed') mixStampLengths(input)

deepStrictEqual(a(input), b(input))

function cpu(fn) {
  globalThis.gc?.()
  const c0 = process.cpuUsage()
  fn(input)
  const c = process.cpuUsage(c0)
  return (c.user + c.system) / 1000
}

const times = { a: [], b: [], proxy: [] }
const ratios = { ba: [], aProxy: [], bProxy: [] }
for (let r = 0; r < rounds; r++) {
  const ta = r % 2 === 0 ? cpu(a) : undefined
  const tb = cpu(b)
  const tA = ta ?? cpu(a)
  const tp = cpu(sizedProxy)
  times.a.push(tA)
  times.b.push(tb)
  times.proxy.push(tp)
  ratios.ba.push(tb / tA)
  ratios.aProxy.push(tA / tp)
  ratios.bProxy.push(tb / tp)
}

const spread = (xs) => {
  const s = [...xs].sort((x, y) => x - y)
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] }
}
const show = (xs, d = 2) => {
  const { median, min, max } = spread(xs)
  return `${median.toFixed(d)} (${min.toFixed(d)}–${max.toFixed(d)})`
}
console.log(
  `${entries.toLocaleString('en')} entries, ${rounds} rounds${mode === undefined ? '' : `, ${mode}`}; outcomes deep-equal`,
)
console.log(`CPU ms: a ${show(times.a, 0)}, b ${show(times.b, 0)}, sized proxy ${show(times.proxy, 0)}`)
console.log(`b ÷ a: ${show(ratios.ba)}×`)
console.log(`a ÷ sized proxy: ${show(ratios.aProxy)}×`)
console.log(`b ÷ sized proxy: ${show(ratios.bProxy)}×`)
