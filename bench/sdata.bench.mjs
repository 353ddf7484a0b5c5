// SyncFeedXml on a generated sync feed of 10,000 entries with payloads (~10 MB), against fast-xml-parser, xml2js and
// (when installed) feedsmith on the same text (issue 4 "Performance": decode ≤ 1.5× XMLParser.parse with
// preserveOrder; encode at least as fast as XMLBuilder), and htmlparser2's SAX pass and a bare scan as the ceilings
// (issue 16). Times wall clock in the settled rounds of ./timing.mjs: every side after a minor collection and one run
// not timed, then a block of three; ratios per round. Runs against dist/ (`npx tsup`); prints markdown tables;
// exits 1 when a target is missed.
import { XMLBuilder, XMLParser } from 'fast-xml-parser'
import xml2js from 'xml2js'
import { SyncFeedXml, syncFeedXml } from '../dist/sdata/index.js'
import { bareScan, saxPass } from './ceilings.mjs'
import { makeFeed } from './sdata-feed.mjs'
import { METHOD, ratios, settledRounds, stats } from './timing.mjs'

const N = Number(process.env.BENCH_ENTRIES ?? 10_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const SLOW_RUNS = Number(process.env.BENCH_SLOW_RUNS ?? 2)

function time(fn, runs) {
  for (let i = 0; i < Math.min(2, runs); i++) fn()
  const times = []
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.()
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return { median: times[Math.floor(times.length / 2)], min: times[0] }
}

async function timeAsync(fn, runs) {
  const times = []
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.()
    const t0 = performance.now()
    await fn()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return { median: times[Math.floor(times.length / 2)], min: times[0] }
}

const feed = makeFeed(N)
if (process.env.BENCH_SIZE_ONLY) {
  if (process.env.BENCH_SIZE_ONLY === 'write')
    (await import('node:fs')).writeFileSync(process.env.BENCH_OUT, SyncFeedXml.encode(feed))
  console.log(SyncFeedXml.encode(feed).length)
  process.exit(0)
}
const text = SyncFeedXml.encode(feed)
const check = SyncFeedXml.decode(text)
if (check._tag !== 'Right' || check.right.entries.length !== N) throw new Error('the generated feed does not decode')

// fast-xml-parser doing comparable work: no value coercion, attributes read, text untrimmed, document order kept.
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false, trimValues: false })
const defaultParser = new XMLParser({ preserveOrder: true })
const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false })
const fxpTree = parser.parse(text)
const xml2jsParser = new xml2js.Parser({ xmlns: true, explicitChildren: true, preserveChildrenOrder: true })

let feedsmith
try {
  feedsmith = await import('feedsmith')
} catch {
  feedsmith = undefined
}

// Payloads built on first access (`payloads: 'on-access'`), and a walk through every payload's tree.
const OnAccess = syncFeedXml(undefined, { payloads: 'on-access' })
const walk = (feed) => {
  let n = 0
  const nodes = []
  for (const e of feed.entries) if (e.payload !== undefined) nodes.push(e.payload.element)
  while (nodes.length > 0) {
    const el = nodes.pop()
    n += el.attributes.length
    for (const c of el.children) if (c.type === 'element') nodes.push(c)
  }
  return n
}

// Our decode against the floor and the ceilings, in one set of settled rounds (./timing.mjs), wall-clock time.
const [decodeT, parseT, parseDefaultsT, saxT, onAccessT, scanT] = settledRounds(
  [
    () => SyncFeedXml.decode(text),
    () => parser.parse(text),
    () => defaultParser.parse(text),
    () => saxPass(text),
    // Payloads on access, read by nobody.
    () => OnAccess.decode(text),
    () => bareScan(text),
  ],
  { rounds: RUNS },
).map((t) => t.wall)
// Then every payload's tree walked after each of the two decodes.
const [touchedOnAccessT, touchedT] = settledRounds(
  [() => walk(OnAccess.decode(text).right), () => walk(SyncFeedXml.decode(text).right)],
  { rounds: RUNS },
).map((t) => t.wall)
const [encodeT, buildT] = settledRounds([() => SyncFeedXml.encode(feed), () => builder.build(fxpTree)], {
  rounds: RUNS,
}).map((t) => t.wall)
const decodePair = { a: stats(decodeT), b: stats(parseT), ratio: ratios(decodeT, parseT) }
const decodeDefaultsPair = { b: stats(parseDefaultsT), ratio: ratios(decodeT, parseDefaultsT) }
const saxPair = { b: stats(saxT), ratio: ratios(decodeT, saxT) }
const onAccessPair = { a: stats(onAccessT), ratio: ratios(onAccessT, saxT) }
const touchedPair = { ratio: ratios(touchedOnAccessT, touchedT) }
const scanPair = { b: stats(scanT), ratio: ratios(decodeT, scanT) }
const encodePair = { a: stats(encodeT), b: stats(buildT), ratio: ratios(encodeT, buildT) }
const rows = [
  ['decode: SyncFeedXml.decode', decodePair.a],
  ['fast-xml-parser parse (preserveOrder, no coercion)', decodePair.b],
  ['fast-xml-parser parse (preserveOrder, defaults)', decodeDefaultsPair.b],
  ["decode, payloads: 'on-access' (none read)", onAccessPair.a],
  ['ceiling: htmlparser2 SAX pass (xmlMode, no tree)', saxPair.b],
  ['ceiling: bare scan (find < and >, slice names)', scanPair.b],
  [
    'xml2js parseStringPromise (xmlns, ordered children)',
    await timeAsync(() => xml2jsParser.parseStringPromise(text), SLOW_RUNS),
  ],
]
if (feedsmith !== undefined)
  rows.push(['feedsmith parseAtomFeed', time(() => feedsmith.parseAtomFeed(text), SLOW_RUNS)])
rows.push(['encode: SyncFeedXml.encode', encodePair.a])
rows.push(['fast-xml-parser XMLBuilder (preserveOrder)', encodePair.b])

const decodeRatio = decodePair.ratio.median
const decodeRatioDefaults = decodeDefaultsPair.ratio.median
const xml2jsRatio = rows[6][1].median / decodePair.a.median
const encodeRatio = encodePair.ratio.median
const spread = (r) => `${r.ratio.min.toFixed(2)}–${r.ratio.max.toFixed(2)}`

console.log(
  `${N.toLocaleString('en')} entries, ${(text.length / 1e6).toFixed(2)} M characters; median of ${RUNS} ${METHOD}, order reversed every other round; xml2js and feedsmith ${SLOW_RUNS} runs, each after a forced collection\n`,
)
const mbs = (t) => (text.length / 1e6 / (t.median / 1000)).toFixed(1)
console.log('| operation | median ms | min ms | M chars/s |')
console.log('|---|---:|---:|---:|')
for (const [name, t] of rows) console.log(`| ${name} | ${t.median.toFixed(1)} | ${t.min.toFixed(1)} | ${mbs(t)} |`)
if (feedsmith === undefined) console.log('| feedsmith parseAtomFeed | not installed | – | – |')
console.log('')
console.log('| ratio (median of per-round ratios) | value | spread | target |')
console.log('|---|---:|---:|---:|')
console.log(`| decode / fxp parse (no coercion) | ${decodeRatio.toFixed(2)}× | ${spread(decodePair)} | ≤ 1.5× |`)
console.log(
  `| decode / fxp parse (defaults) | ${decodeRatioDefaults.toFixed(2)}× | ${spread(decodeDefaultsPair)} | ≤ 1.5× |`,
)
console.log(`| decode / htmlparser2 SAX (ceiling) | ${saxPair.ratio.median.toFixed(2)}× | ${spread(saxPair)} | – |`)
console.log(
  `| decode, payloads on access / htmlparser2 SAX | ${onAccessPair.ratio.median.toFixed(2)}× | ${spread(onAccessPair)} | – |`,
)
console.log(
  `| (decode on access + walk every payload) / (decode + walk) | ${touchedPair.ratio.median.toFixed(2)}× | ${spread(touchedPair)} | – |`,
)
console.log(`| decode / bare scan (ceiling) | ${scanPair.ratio.median.toFixed(2)}× | ${spread(scanPair)} | – |`)
console.log(`| xml2js / decode (medians) | ${xml2jsRatio.toFixed(2)}× | – | – |`)
console.log(`| encode / fxp build | ${encodeRatio.toFixed(2)}× | ${spread(encodePair)} | ≤ 1× |`)

if (decodeRatio > 1.5 || encodeRatio > 1) process.exitCode = 1
