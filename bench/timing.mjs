// What the benches that time two builds share: CPU time of one call, the load average, and the two dist/ folders
// and round count from the command line.
import { loadavg } from 'node:os'

/** CPU milliseconds (user + system) of one call, after a collection when `--expose-gc` allows it. */
export function cpu(fn) {
  globalThis.gc?.()
  const t0 = process.cpuUsage()
  fn()
  const t = process.cpuUsage(t0)
  return (t.user + t.system) / 1000
}

/** The 1-, 5- and 15-minute load averages, `digits` decimals each. */
export const loadAverage = (digits = 2) =>
  loadavg()
    .map((x) => x.toFixed(digits))
    .join(' ')

/** `<distA> <distB> [rounds]` from the command line, or the usage line and exit 2. */
export function twoBuilds(script, defaultRounds) {
  const [dirA, dirB, roundsArg, ...rest] = process.argv.slice(2)
  if (dirA === undefined || dirB === undefined) {
    console.error(`usage: node --expose-gc bench/${script} <distA> <distB> [rounds]`)
    process.exit(2)
  }
  return { dirA, dirB, rounds: Number(roundsArg ?? defaultRounds), rest }
}

/** The median of a list of numbers (the upper one of an even count). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
