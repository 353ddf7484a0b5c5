// FileSyncXml on a generated changes listing of 10,000 items (~5 MB), against fast-xml-parser on the same text
// (issue 3 "Performance": decode ≤ 1.5× XMLParser.parse with preserveOrder; encode at least as fast as XMLBuilder).
// htmlparser2's SAX pass and a bare scan are the ceilings (issue 16). Times wall clock in the settled rounds of
// ./timing.mjs: every side after a minor collection and one run not timed, then a block of three; ratios per round.
// Runs against the built package (dist/, `npx tsup`); prints a markdown table; exits 1 when a target is missed.
import { XMLBuilder, XMLParser } from 'fast-xml-parser'
import { FileSyncXml } from '../dist/filesync/index.js'
import { bareScan, saxPass } from './ceilings.mjs'
import { makeChangesListing } from './changes-listing.mjs'
import { METHOD, ratios, settledRounds, stats } from './timing.mjs'

const N = 10_000
const RUNS = Number(process.env.BENCH_RUNS ?? 15)

// Each function's times, and the per-round ratio of the first function to it.
function timeInTurn(fns, rounds) {
  const times = settledRounds(fns, { rounds }).map((t) => t.wall)
  return times.map((ts) => ({ ...stats(ts), ratio: ratios(times[0], ts) }))
}

const doc = makeChangesListing(N)
const text = FileSyncXml.encode(doc)
const check = FileSyncXml.decode(text)
if (check._tag !== 'Right') throw new Error('the generated listing does not decode')

// fast-xml-parser doing comparable work: no value coercion, attributes read, text untrimmed, document order kept.
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false, trimValues: false })
const defaultParser = new XMLParser({ preserveOrder: true })
const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false })
const fxpTree = parser.parse(text)

const [decode, parse, parseDefaults, sax, scan] = timeInTurn(
  [
    () => FileSyncXml.decode(text),
    () => parser.parse(text),
    () => defaultParser.parse(text),
    () => saxPass(text),
    () => bareScan(text),
  ],
  RUNS,
)
const [encode, build] = timeInTurn([() => FileSyncXml.encode(doc), () => builder.build(fxpTree)], RUNS)
const mbs = (t) => (text.length / 1e6 / (t.median / 1000)).toFixed(1)
const rows = [
  ['decode: FileSyncXml.decode', decode],
  ['fast-xml-parser parse (preserveOrder, no coercion)', parse],
  ['fast-xml-parser parse (preserveOrder, defaults)', parseDefaults],
  ['ceiling: htmlparser2 SAX pass (xmlMode, no tree)', sax],
  ['ceiling: bare scan (find < and >, slice names)', scan],
  ['encode: FileSyncXml.encode', encode],
  ['fast-xml-parser XMLBuilder (preserveOrder)', build],
]
// Per-round ratios of our side to the other: median and spread (min–max).
const ratioRows = [
  ['decode / fxp parse (no coercion)', parse.ratio, 1.5],
  ['decode / fxp parse (defaults)', parseDefaults.ratio, 1.5],
  ['decode / htmlparser2 SAX (ceiling)', sax.ratio, undefined],
  ['decode / bare scan (ceiling)', scan.ratio, undefined],
  ['encode / fxp build', build.ratio, 1],
]

console.log(
  `${N.toLocaleString('en')} items, ${(text.length / 1e6).toFixed(2)} M characters; median of ${RUNS} ${METHOD}, order reversed every other round\n`,
)
console.log('| operation | median ms | min ms | M chars/s |')
console.log('|---|---:|---:|---:|')
for (const [name, t] of rows) console.log(`| ${name} | ${t.median.toFixed(1)} | ${t.min.toFixed(1)} | ${mbs(t)} |`)
console.log('')
console.log('| ratio (median of per-round ratios) | value | spread | target |')
console.log('|---|---:|---:|---:|')
for (const [name, r, target] of ratioRows) {
  const goal = target === undefined ? '–' : `≤ ${target}×`
  console.log(`| ${name} | ${r.median.toFixed(2)}× | ${r.min.toFixed(2)}–${r.max.toFixed(2)} | ${goal} |`)
}

if (parse.ratio.median > 1.5 || build.ratio.median > 1) process.exitCode = 1
