// `syncwire validate` of a large feed with a warning on every entry, streamed (the file is over --max-size): CPU
// time and peak RSS of the built CLI in child processes, so the cost of placing many problems in the text shows.
// Every entry's sync:stamp lacks its time zone and the digest comes after the entries (its checks wait for it).
// Alone: `npx tsup && node bench/run.mjs cli-warnings` (BENCH_WARN_MB sets the size, BENCH_ROUNDS the rounds;
// BENCH_VALID=1 writes the same feed without the warnings).
// BENCH_CLI_OTHER=<path to another build's dist/cli/index.js> alternates the two builds round by round and prints
// their ratio (CPU time and peak RSS), for a before/after comparison under a noisy load.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeFeed } from './feed-file.mjs'

const MB = Number(process.env.BENCH_WARN_MB ?? 16)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const here = dirname(fileURLToPath(import.meta.url))
const clis = [
  join(here, '..', 'dist', 'cli', 'index.js'),
  ...(process.env.BENCH_CLI_OTHER ? [process.env.BENCH_CLI_OTHER] : []),
]

/** One validate run: the child's CPU seconds (user + system, from its own resource usage), peak RSS and output. */
function run(cli, file) {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      join(here, 'rss-on-exit.mjs'),
      '--import',
      join(here, 'cpu-on-exit.mjs'),
      cli,
      'validate',
      '--summary',
      '--max-size',
      '1MB',
      file,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } },
  )
  return {
    code: r.status,
    cpu: Number(/cpu-seconds ([\d.]+)/.exec(r.stderr)?.[1]),
    rss: Number(/peak-rss-mb ([\d.]+)/.exec(r.stderr)?.[1]),
    lines: r.stdout.trim().split('\n'),
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const spread = (xs) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`
const dir = mkdtempSync(join(tmpdir(), 'syncwire-cli-warnings-'))
let failed = false
try {
  const feed = join(dir, 'feed.xml')
  const entries = await writeFeed(feed, MB, process.env.BENCH_VALID !== '1')
  const results = clis.map(() => ({ cpu: [], rss: [], problems: 0, summary: '', output: '' }))
  for (let round = 0; round < ROUNDS; round++) {
    // Alternating which build goes first, so a change of load does not favour one side.
    const order = round % 2 === 0 ? clis.map((_, k) => k) : clis.map((_, k) => k).reverse()
    for (const k of order) {
      const r = run(clis[k], feed)
      if (r.code !== 0) failed = true
      results[k].cpu.push(r.cpu)
      results[k].rss.push(r.rss)
      results[k].problems = r.lines.length - 1
      results[k].summary = r.lines.at(-1)?.replace(feed, 'feed.xml') ?? ''
      results[k].output = r.lines.join('\n')
    }
  }
  const size = `${(statSync(feed).size / 1048576).toFixed(0)} MiB, ${entries} entries`
  console.log(
    `Feed: ${size}; ${ROUNDS} rounds; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  )
  console.log('| build | CPU time (median, range) | peak RSS (median, range) | problems | summary |')
  console.log('|---|---:|---:|---:|---|')
  results.forEach((r, k) => {
    const name = k === 0 ? 'this build' : 'BENCH_CLI_OTHER'
    console.log(
      `| ${name} | ${median(r.cpu).toFixed(2)} s (${spread(r.cpu)}) | ${median(r.rss).toFixed(0)} MB (${spread(r.rss)}) | ${r.problems} | ${r.summary} |`,
    )
  })
  if (clis.length === 2) {
    // The builds compared must print the same problems at the same places.
    if (results[0].output !== results[1].output) {
      failed = true
      console.log('\nthe two builds print different problems')
    }
    const ratios = results[0].cpu.map((c, i) => c / results[1].cpu[i])
    const rssRatios = results[0].rss.map((c, i) => c / results[1].rss[i])
    console.log(
      `\nthis build ÷ other, per round: CPU ${median(ratios).toFixed(2)} (${spread(ratios)}), peak RSS ${median(rssRatios).toFixed(2)} (${spread(rssRatios)})`,
    )
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
