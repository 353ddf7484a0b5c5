// How far processFeed's two checks alone put a loop above the sized proxy (issue 16), in one process:
//   node --expose-gc bench/conflict-floor.mjs <dist> [rounds]
// (ENTRIES=100000 in the environment for a page of another size; 1,000,000 by default.)
// Sides: processFeed of the build in <dist>; the sized proxy of conflict-scenario.mjs, untouched; and the same loop
// with, added step by step, the digest's stamp kept as the later one by code units, the stamp check processFeed runs
// on every tick-raising stamp (its own `isPlainUtc`) and its repeated-uuid check (its own `UuidHashes`: a hash per
// uuid and `repeats` at the end). The checks are bundled from src/conflict with esbuild when the script starts, so
// they are the library's code, not copies. Each round runs every side once, the order rotated by one each round,
// `gc()` before each run, CPU time; medians of the times and of the per-round ratios to the sized proxy, with spreads.
import { dirname, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { scenario, sizedProxy } from './conflict-scenario.mjs'
import { cpu, loadAverage } from './timing.mjs'

const [dir, roundsArg] = process.argv.slice(2)
if (dir === undefined) {
  console.error('usage: node --expose-gc bench/conflict-floor.mjs <dist> [rounds]')
  process.exit(2)
}
const { processFeed } = await import(pathToFileURL(resolve(dir, 'conflict/index.js')).href)
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

// The proxy loop of conflict-scenario.mjs (sized form), with the stamp work and the checks switched on by the flags.
const SAME_NEWER = { action: 'apply' }
const OTHER = { action: 'ignore' }
function checkedLoop(input, stampCheck, repeatCheck) {
  const source = new Map(input.feed.digest.entries.map((e) => [e.endpoint, e]))
  const target = new Map(input.targetDigest.entries.map((e) => [e.endpoint, { ...e }]))
  const entries = input.feed.entries
  const lookup = input.lookup
  const decisions = new Array(entries.length)
  const hashes = repeatCheck ? new UuidHashes(entries.length) : undefined
  let notPlain = 0
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]
    const state = entry.syncState
    const uuid = entry.payload.uuid
    if (hashes !== undefined) hashes.add(uuid)
    const current = lookup(uuid)
    let decision = SAME_NEWER
    if (current !== undefined) {
      if (current.endpoint === state.endpoint) decision = state.tick > current.tick ? SAME_NEWER : OTHER
      else {
        const seen = source.get(current.endpoint)
        if (seen === undefined || seen.tick <= current.tick) {
          const mine = target.get(state.endpoint)
          decision = mine !== undefined && mine.tick > state.tick ? OTHER : SAME_NEWER
        }
      }
    }
    const cur = target.get(state.endpoint)
    if (cur !== undefined && cur.tick < state.tick + 1) {
      cur.tick = state.tick + 1
      const stamp = state.stamp
      if (stampCheck && !isPlainUtc(stamp)) notPlain++
      else if (stamp > cur.stamp) cur.stamp = stamp
    }
    decisions[i] = { index: i, uuid, decision }
  }
  // The bench's page has plain stamps and distinct uuids; anything else means the loop did not do what it claims.
  if (notPlain > 0 || hashes?.repeats((k) => decisions[k].uuid) === true) throw new Error('bad page')
  return decisions
}

const entries = Number(process.env.ENTRIES ?? 1_000_000)
const rounds = Number(roundsArg ?? 15)
const input = scenario(entries, 'array')
const sides = [
  ['`processFeed`', processFeed],
  ['sized proxy', sizedProxy],
  ['+ the digest stamp kept (code-unit order, no check)', (x) => checkedLoop(x, false, false)],
  ['+ the stamp check (`isPlainUtc`)', (x) => checkedLoop(x, true, false)],
  ['+ the repeated-uuid check (`UuidHashes`)', (x) => checkedLoop(x, true, true)],
]
for (const [, side] of sides) side(input) // warm-up
console.log(
  `${new Date().toISOString()} load ${loadAverage(1)}; ${entries.toLocaleString('en')} entries, ${rounds} rounds`,
)
const times = sides.map(() => [])
for (let r = 0; r < rounds; r++) {
  for (let j = 0; j < sides.length; j++) {
    const k = (j + r) % sides.length
    times[k].push(cpu(() => sides[k][1](input)))
  }
}
const show = (xs, d = 2) => {
  const s = [...xs].sort((x, y) => x - y)
  return `${s[Math.floor(s.length / 2)].toFixed(d)} (${s[0].toFixed(d)}–${s[s.length - 1].toFixed(d)})`
}
console.log('| side | CPU ms | ÷ sized proxy |')
console.log('|---|---:|---:|')
for (let k = 0; k < sides.length; k++) {
  const ratio = show(times[k].map((t, r) => t / times[1][r]))
  console.log(`| ${sides[k][0]} | ${show(times[k], 0)} | ${ratio}× |`)
}
console.log(`${new Date().toISOString()} load ${loadAverage(1)}`)
