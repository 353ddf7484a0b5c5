// What the timing benches share: the settled rounds that every comparison times its sides with (one schedule, run
// at once or awaited), the old CPU time of one call (deprecated), statistics, the load average, and the two dist/
// folders and round count from the command line.

import { loadavg } from 'node:os'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const cpuMs = () => {
  const t = process.cpuUsage()
  return (t.user + t.system) / 1000
}

/**
 * Times `sides` (an array of functions) against each other, `rounds` rounds, the order of the sides reversed every
 * other round so that drifting load from other processes hits them alike. Each side's turn in a round is settled:
 * - a minor collection (`gc({ type: 'minor' })`, with `--expose-gc`), not timed: it empties the young generation of
 *   the garbage earlier turns left, the other sides' above all. Not a full one: a forced full collection throws away
 *   the optimized code of both sides (V8 deoptimizes the code whose maps it frees; its own collections keep them),
 *   and the runs after it pay for recompiling (BENCHMARKS.md, "Timing after a forced collection");
 * - `settle` runs, not timed: they leave the side's own garbage in the young generation, as running back to back does;
 * - `block` runs back to back, timed together: they pay for collecting the garbage they find (their own kind) as it
 *   comes, scavenges and mark-compacts alike, so each side is billed for its own collection at about its steady
 *   rate, and for nothing left over from the others but old-generation garbage (which only a full collection frees).
 * A turn's time is the block's mean per run. Returns, per side, the per-round wall-clock (`performance.now`) and CPU
 * (`process.cpuUsage`: user + system of all threads, collector and compiler threads included) milliseconds, and the
 * timed windows. `collect: 'full', settle: 0, block: 1` is the method before 3 December 2026, evening.
 */
export function settledRounds(sides, options) {
  const turns = settledTurns(sides, options)
  for (let step = turns.next(); ; step = turns.next()) {
    if (step.done) return step.value
    step.value()
  }
}

/** {@link settledRounds} for sides that return promises: each run is awaited before the next one starts. */
export async function settledRoundsAsync(sides, options) {
  const turns = settledTurns(sides, options)
  for (let step = turns.next(); ; step = turns.next()) {
    if (step.done) return step.value
    await step.value()
  }
}

/** {@link settledRounds} over an object of named sides: each side's per-round CPU milliseconds, under its name. */
export function settledCpu(fns, options) {
  const times = settledRounds(Object.values(fns), options)
  return Object.fromEntries(Object.keys(fns).map((name, k) => [name, times[k].cpu]))
}

// The settled rounds as a generator: it yields each side to run, in order, and keeps the clocks and collections
// around the runs; the two callers above run what it yields, one at once, one awaited. Returns the times.
function* settledTurns(sides, { rounds, settle = SETTLE, block = BLOCK, collect = COLLECT }) {
  for (let i = 0; i < 2; i++) for (const fn of sides) yield fn
  const out = sides.map(() => ({ wall: [], cpu: [], windows: [] }))
  const order = sides.map((_, k) => k)
  for (let r = 0; r < rounds; r++) {
    for (const k of r % 2 === 0 ? order : [...order].reverse()) {
      const fn = sides[k]
      if (collect === 'full') globalThis.gc?.()
      else if (collect === 'minor') globalThis.gc?.({ type: 'minor' })
      for (let i = 0; i < settle; i++) yield fn
      const c0 = cpuMs()
      const t0 = performance.now()
      for (let i = 0; i < block; i++) yield fn
      const t1 = performance.now()
      out[k].wall.push((t1 - t0) / block)
      out[k].cpu.push((cpuMs() - c0) / block)
      out[k].windows.push([t0, t1])
    }
  }
  return out
}

/** The settled rounds' defaults; `BENCH_COLLECT` (minor, full or none), `BENCH_SETTLE` and `BENCH_BLOCK` change them. */
export const COLLECT = process.env.BENCH_COLLECT ?? 'minor'
export const SETTLE = Number(process.env.BENCH_SETTLE ?? 1)
export const BLOCK = Number(process.env.BENCH_BLOCK ?? 3)

// Without `--expose-gc` there is no collection to force, whatever `BENCH_COLLECT` says.
const COLLECTED = typeof globalThis.gc === 'function' ? COLLECT : 'none'

/** The settled rounds' method in words, for the benches' headers. */
export const METHOD = `settled rounds (bench/timing.mjs): ${COLLECTED === 'none' ? 'no' : `a ${COLLECTED}`} collection and ${SETTLE} run${SETTLE === 1 ? '' : 's'} not timed, then ${BLOCK} timed back to back`

/** Median, min and max of the per-round ratios `xs[i] / ys[i]`. */
export const ratios = (xs, ys) => stats(xs.map((x, i) => x / ys[i]))

/** `median (min–max)` of {@link stats}' result, `digits` decimals each. */
export const formatStats = (s, digits = 2) =>
  `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`

/** Median, min and max of a list of numbers. */
export function stats(xs) {
  const s = [...xs].sort((p, q) => p - q)
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] }
}

/** The 1-, 5- and 15-minute load averages, `digits` decimals each. */
export const loadAverage = (digits = 2) =>
  loadavg()
    .map((x) => x.toFixed(digits))
    .join(' ')

/** `<distA> <distB> [rounds]` from the command line, or the usage line and exit 2. */
/** The module `entry` (a path such as `sdata/index.js`) of the build in folder `dir` (a built dist/ folder). */
export function importFrom(dir, entry) {
  return import(pathToFileURL(resolve(dir, entry)).href)
}

export function twoBuilds(script, defaultRounds) {
  const [dirA, dirB, roundsArg, ...rest] = process.argv.slice(2)
  if (dirA === undefined || dirB === undefined) {
    console.error(`usage: node --expose-gc bench/${script} <distA> <distB> [rounds]`)
    process.exit(2)
  }
  return { dirA, dirB, rounds: Number(roundsArg ?? defaultRounds), rest }
}
