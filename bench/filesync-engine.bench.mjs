// FILESYNC's one decode engine (the streaming reader, also under FileSyncXml.decode) on a generated nested listing:
// speed of the in-memory decode, the streaming decode, the tree way (parseXml's whole tree, then the element codec),
// fast-xml-parser and htmlparser2 on the same text; peak memory of a ~27 MB decode in child processes (goal ≤ 4
// bytes per input byte; streaming goal ≥ 0.8× the in-memory speed). Runs against dist/; prints markdown tables.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { XMLParser } from 'fast-xml-parser'
import { FileSyncXml, FolderItemElement, streamFileSync } from '../dist/filesync/index.js'
import { parseXml } from '../dist/xml/index.js'
import { saxPass } from './ceilings.mjs'
import { makeListing } from './listing.mjs'
import { formatStats, METHOD, ratios, settledRoundsAsync, stats } from './timing.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const MEMORY_RUNS = Number(process.env.BENCH_MEMORY_RUNS ?? 3)
const here = dirname(fileURLToPath(import.meta.url))

function chunksOf(text) {
  const bytes = new TextEncoder().encode(text)
  const out = []
  for (let i = 0; i < bytes.length; i += 65536) out.push(bytes.subarray(i, i + 65536))
  return out
}

async function drain(stream) {
  for await (const event of stream) if (event.type === 'error') throw new Error(JSON.stringify(event.issues))
}

function treeDecode(text) {
  const r = parseXml(text)
  if (r._tag !== 'Right') throw new Error('the listing does not parse')
  return FolderItemElement.decode(r.right.root)
}

// Times the functions in the settled rounds of ./timing.mjs (wall clock, each run awaited), so load from other
// processes hits them alike; gives each one's times and the per-round ratio of the first function's time to its own.
async function inTurn(fns) {
  const times = (await settledRoundsAsync(fns, { rounds: RUNS })).map((t) => t.wall)
  return times.map((ts) => ({ ...stats(ts), ratio: ratios(times[0], ts) }))
}

const text = FileSyncXml.encode(makeListing(5, 16))
if (FileSyncXml.decode(text)._tag !== 'Right') throw new Error('the generated listing does not decode')
const chunks = chunksOf(text)
const fxp = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false, trimValues: false })
const rows = [
  ['FileSyncXml.decode (in memory)', () => FileSyncXml.decode(text)],
  ['streamFileSync (bytes, 64 KiB chunks)', () => drain(streamFileSync(chunks))],
  ['streamFileSync (text, one string)', () => drain(streamFileSync([text]))],
  ['the tree way: parseXml, then FolderItemElement', () => treeDecode(text)],
  ['fast-xml-parser parse (preserveOrder, no coercion)', () => fxp.parse(text)],
  ['htmlparser2 SAX pass (xmlMode, no tree, no checks)', () => saxPass(text)],
]
const results = await inTurn(rows.map(([, fn]) => fn))
const mcs = (t) => (text.length / 1e6 / (t.median / 1000)).toFixed(1)
let failed = false
console.log(
  `Nested listing, ${(text.length / 1e6).toFixed(1)} M chars; median of ${RUNS} ${METHOD}, order reversed every other round; spread min–max\n`,
)
console.log('| decode | median ms | spread ms | M chars/s | in-memory time ÷ its time (spread) |')
console.log('|---|---:|---:|---:|---:|')
for (const [k, [name]] of rows.entries()) {
  const r = results[k]
  const ratio = k === 0 ? '1' : `${formatStats(r.ratio)}×`
  console.log(`| ${name} | ${r.median.toFixed(0)} | ${r.min.toFixed(0)}–${r.max.toFixed(0)} | ${mcs(r)} | ${ratio} |`)
}
if (results[1].ratio.median < 0.8) failed = true

// Peak memory: each way in its own process on a ~27 MB file, so one's heap does not count in the other's.
const dir = mkdtempSync(join(tmpdir(), 'syncwire-filesync-'))
try {
  const file = join(dir, 'listing.xml')
  writeFileSync(file, FileSyncXml.encode(makeListing(5, 18)))
  const measure = (way) => {
    const runs = []
    for (let i = 0; i < MEMORY_RUNS; i++) {
      const child = spawnSync(process.execPath, ['--expose-gc', join(here, 'filesync-memory.mjs'), file, way], {
        encoding: 'utf8',
      })
      if (child.status !== 0) throw new Error(child.stderr)
      runs.push(JSON.parse(child.stdout))
    }
    return {
      bytes: runs[0].bytes,
      ms: stats(runs.map((r) => r.ms)),
      peak: stats(runs.map((r) => r.peakPerByte)),
      kept: stats(runs.map((r) => r.keptPerByte)),
    }
  }
  const decode = measure('decode')
  const tree = measure('tree')
  if (decode.peak.median > 4) failed = true
  console.log(
    `\nPeak memory of one decode of a ${(decode.bytes / 1e6).toFixed(1)} MB listing, median of ${MEMORY_RUNS} processes (spread)\n`,
  )
  console.log(
    '| decode | time ms | peak RSS above the start, bytes per input byte (≤ 4) | value kept, bytes per input byte |',
  )
  console.log('|---|---:|---:|---:|')
  for (const [name, m] of [
    ['FileSyncXml.decode', decode],
    ['the tree way (FileSyncXml.decode before 2026-12)', tree],
  ]) {
    console.log(`| ${name} | ${m.ms.median.toFixed(0)} | ${formatStats(m.peak)} | ${formatStats(m.kept)} |`)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
