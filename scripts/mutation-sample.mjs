// Estimates the mutation score of a source folder from a seeded random sample of its mutants (issue 7), for folders
// whose full Stryker run does not fit on a small machine. Usage:
//   node scripts/mutation-sample.mjs <folder> [--mutants 500] [--seed 1] [--concurrency 2] [--lines file:a-b,c-d] [--plan]
// (`--plan` prepares and checks the sample, and stops before running Stryker; `--list` prints the sampled clusters.)
//
// How it samples without bias: Stryker's instrumenter lists every mutant of src/<folder> (file, start line, mutator).
// Mutants are grouped into clusters of (file, start line, mutator); clusters are drawn at random until the sample
// holds the wanted number of mutants. A copy of the project gets, in each mutated file, a leading
// `// Stryker disable all` and a `// Stryker restore next-line <mutator>` before each sampled line, so Stryker
// generates exactly the sampled mutants (no extra nested ones) and reports the rest as ignored. The script then runs
// `stryker run` in the copy with the usual focused configuration, and prints the score with a 95 % interval from a
// cluster bootstrap.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const area = args[0]
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  return i === -1 ? fallback : Number(args[i + 1])
}
if (!area || !fs.existsSync(path.join(root, 'src', area))) {
  console.error('usage: node scripts/mutation-sample.mjs <folder under src> [--mutants N] [--seed S] [--concurrency C]')
  process.exit(2)
}
const wanted = option('mutants', 500)
const seed = option('seed', 1)
const concurrency = option('concurrency', 2)

// 1. Every mutant of the folder, from Stryker's own instrumenter (the same mutators and placement as `stryker run`).
const require = createRequire(import.meta.url)
const instrumenterDir = path.dirname(require.resolve('@stryker-mutator/instrumenter/package.json'))
const load = (p) => import(pathToFileURL(path.join(instrumenterDir, 'dist/src', p)).href)
const { Instrumenter } = await load('instrumenter.js')
const { createParser } = await load('parsers/index.js')
const { print } = await load('printers/index.js')
const { transform } = await load('transformers/index.js')
const quiet = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  trace() {},
  isDebugEnabled: () => false,
  isTraceEnabled: () => false,
}

const files = fs
  .readdirSync(path.join(root, 'src', area), { recursive: true })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => path.join('src', area, f).split(path.sep).join('/'))
  .sort()
const sources = new Map(files.map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')]))
const all = await new Instrumenter(quiet, createParser, print, transform).instrument(
  files.map((name) => ({ name, mutate: true, content: sources.get(name) })),
  { plugins: null, excludedMutations: [], ignorers: [], noHeader: false },
)
// `--lines file:a-b,c-d` keeps only the mutants starting on those lines (1-based, inclusive) of that file.
const linesAt = args.indexOf('--lines')
const within = (m) => {
  if (linesAt === -1) return true
  const [file, spans] = args[linesAt + 1].split(':')
  const line = m.location.start.line + 1
  return (
    m.fileName === file &&
    spans.split(',').some((span) => {
      const [a, b] = span.split('-').map(Number)
      return line >= a && line <= b
    })
  )
}
const mutants = all.mutants.filter(within)

// 2. Clusters of (file, start line, mutator), drawn with a seeded generator.
const clusters = new Map()
for (const m of mutants) {
  const key = `${m.fileName}\t${m.location.start.line}\t${m.mutatorName}`
  clusters.set(key, (clusters.get(key) ?? 0) + 1)
}
let state = seed >>> 0 || 1
const random = () => {
  state ^= state << 13
  state ^= state >>> 17
  state ^= state << 5
  return (state >>> 0) / 2 ** 32
}
const keys = [...clusters.keys()].sort()
for (let i = keys.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1))
  ;[keys[i], keys[j]] = [keys[j], keys[i]]
}
const sampled = []
let count = 0
for (const key of keys) {
  if (count >= wanted) break
  sampled.push(key)
  count += clusters.get(key)
}
console.log(
  `${area}: ${mutants.length} mutants in ${clusters.size} clusters; sampled ${sampled.length} clusters, ${count} mutants (seed ${seed})`,
)

if (args.includes('--list')) {
  console.log(JSON.stringify(sampled))
  process.exit(0)
}

// 3. A copy of the project whose mutated files carry the directives (comments only: the code is unchanged).
// One copy per (folder, seed), so that two samples can run side by side.
const copy = path.join(root, '.stryker-tmp', `sample-${area}-${seed}`)
fs.rmSync(copy, { recursive: true, force: true })
fs.mkdirSync(copy, { recursive: true })
const entries = [
  'src',
  'test',
  'fixtures',
  'examples',
  'package.json',
  'stryker.config.mjs',
  'stryker.vitest.config.ts',
]
for (const entry of [...entries, ...fs.readdirSync(root).filter((f) => /^tsconfig.*\.json$/.test(f))]) {
  if (fs.existsSync(path.join(root, entry)))
    fs.cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true })
}
fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir')
// One block comment per sampled line, right before the first sampled mutant of that line: it becomes a leading
// comment of the node starting there, so its `next-line` rule covers every mutant starting on that line. Line numbers
// do not change; no comment can land inside a string, as every mutant starts at a node.
const byFile = new Map()
const sampledKeys = new Set(sampled)
for (const m of mutants) {
  const key = `${m.fileName}\t${m.location.start.line}\t${m.mutatorName}`
  if (!sampledKeys.has(key)) continue
  const lines = byFile.get(m.fileName) ?? new Map()
  const at = lines.get(m.location.start.line) ?? { column: m.location.start.column, mutators: new Set() }
  at.column = Math.min(at.column, m.location.start.column)
  at.mutators.add(m.mutatorName)
  lines.set(m.location.start.line, at)
  byFile.set(m.fileName, lines)
}
const copied = new Map()
for (const file of files) {
  const lines = sources.get(file).split('\n')
  for (const [line, { column, mutators }] of byFile.get(file) ?? []) {
    const text = lines[line] // the instrumenter counts lines from 0
    lines[line] =
      `${text.slice(0, column)}/* Stryker restore next-line ${[...mutators].join(',')} */ ${text.slice(column)}`
  }
  copied.set(file, `// Stryker disable all: not in the sample\n${lines.join('\n')}`)
}
// The same instrumenter on the copies must generate exactly the sample (one line was added at the top).
const check = await new Instrumenter(quiet, createParser, print, transform).instrument(
  files.map((name) => ({ name, mutate: true, content: copied.get(name) })),
  { plugins: null, excludedMutations: [], ignorers: [], noHeader: false },
)
const generated = check.mutants.filter((m) => m.status !== 'Ignored')
if (generated.length !== count) {
  const got = new Set(generated.map((m) => `${m.fileName}\t${m.location.start.line - 1}\t${m.mutatorName}`))
  console.error(`the directives select ${generated.length} mutants, not ${count}; missing clusters:`)
  for (const key of sampled) if (!got.has(key)) console.error(`  ${key}`)
  process.exit(1)
}
for (const [file, content] of copied) fs.writeFileSync(path.join(copy, file), content)
if (args.includes('--plan')) process.exit(0)

// 4. Stryker in the copy, with the usual focused configuration.
const report = path.join(copy, 'reports', `mutation-sample.json`)
fs.mkdirSync(path.dirname(report), { recursive: true })
const run = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], {
  cwd: copy,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...process.env,
    SYNCWIRE_MUTATE: area,
    SYNCWIRE_MUTATION_REPORT: report,
    SYNCWIRE_MUTATION_CONCURRENCY: String(concurrency),
    FC_NUM_RUNS: process.env.FC_NUM_RUNS ?? '30',
  },
})
if (run.status !== 0 || !fs.existsSync(report)) {
  console.error(`stryker run failed (exit ${run.status})`)
  process.exit(1)
}

// 5. The score over the sample, with a cluster bootstrap interval, and the survivors at their original lines.
const result = JSON.parse(fs.readFileSync(report, 'utf8'))
const detected = new Set(['Killed', 'Timeout'])
const undetected = new Set(['Survived', 'NoCoverage'])
const perCluster = new Map()
const survivors = []
for (const [file, { mutants: ms }] of Object.entries(result.files)) {
  const rel = path.relative(copy, path.resolve(copy, file)).split(path.sep).join('/')
  for (const m of ms) {
    if (!detected.has(m.status) && !undetected.has(m.status)) continue
    const line = m.location.start.line - 1
    const key = `${rel}\t${line}\t${m.mutatorName}`
    const c = perCluster.get(key) ?? { detected: 0, total: 0 }
    c.total++
    if (detected.has(m.status)) c.detected++
    else
      survivors.push(
        `${m.status === 'NoCoverage' ? 'N' : 'S'} ${rel}:${line}:${m.location.start.column} ${m.mutatorName} ${JSON.stringify(m.replacement ?? '').slice(0, 90)}`,
      )
    perCluster.set(key, c)
  }
}
const cs = [...perCluster.values()]
const ratio = (list) =>
  list.reduce((s, c) => s + c.detected, 0) /
  Math.max(
    1,
    list.reduce((s, c) => s + c.total, 0),
  )
const estimates = []
for (let b = 0; b < 2000; b++) estimates.push(ratio(Array.from(cs, () => cs[Math.floor(random() * cs.length)])))
estimates.sort((x, y) => x - y)
const total = cs.reduce((s, c) => s + c.total, 0)
const pct = (x) => `${(100 * x).toFixed(1)} %`
const summary = {
  folder: `src/${area}`,
  seed,
  mutantsInFolder: mutants.length,
  sampledMutants: total,
  sampledClusters: cs.length,
  score: pct(ratio(cs)),
  interval95: [pct(estimates[49]), pct(estimates[1949])],
  survivors,
}
fs.mkdirSync(path.join(root, 'reports'), { recursive: true })
fs.writeFileSync(
  path.join(root, 'reports', `mutation-sample-${area}-${seed}.json`),
  `${JSON.stringify(summary, null, 2)}\n`,
)
console.log(survivors.join('\n'))
console.log(
  `src/${area}: ${summary.score} of ${total} sampled mutants detected (95 % interval ${summary.interval95.join(' to ')})`,
)
