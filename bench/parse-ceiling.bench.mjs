// Parse and decode against the ceiling (htmlparser2's SAX pass) and the floor (fast-xml-parser) on the FILESYNC
// changes listing and the SData feed, as per-round ratios of CPU time (issue 16's goal: decode ÷ SAX pass ≤ 1), in the
// settled rounds of ./timing.mjs (a minor collection and one run not timed, then a block of three timed).
// Runs against the built package (dist/, `npx tsup`). With BENCH_BASE=<another build's dist directory>, the same
// rounds also time that build, so a change is measured before and after in one process, alternating run by run.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { XMLParser } from 'fast-xml-parser'
import { saxPass } from './ceilings.mjs'
import { makeChangesListing } from './changes-listing.mjs'
import { makeFeed } from './sdata-feed.mjs'
import { formatStats as fmt, loadAverage, METHOD, ratios, settledCpu, stats } from './timing.mjs'

const N = Number(process.env.BENCH_ITEMS ?? 10_000)
const ROUNDS = Number(process.env.BENCH_RUNS ?? 15)
const here = new URL('../dist/', import.meta.url)

async function build(dir) {
  const url = dir instanceof URL ? dir : pathToFileURL(`${resolve(dir)}/`)
  return {
    xml: await import(new URL('xml/index.js', url).href),
    filesync: await import(new URL('filesync/index.js', url).href),
    sdata: await import(new URL('sdata/index.js', url).href),
  }
}

const after = await build(here)
const before = process.env.BENCH_BASE === undefined ? undefined : await build(process.env.BENCH_BASE)

// fast-xml-parser doing comparable work: no value coercion, attributes read, text untrimmed, document order kept.
const fxp = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false, trimValues: false })

const ratio = (times, a, b) => ratios(times[a], times[b])

function report(title, text, sides) {
  const fns = { sax: () => saxPass(text), fxp: () => fxp.parse(text) }
  for (const [side, lib] of sides) {
    fns[`parse ${side}`] = () => lib.parse(text)
    fns[`decode ${side}`] = () => lib.decode(text)
  }
  const times = settledCpu(fns, { rounds: ROUNDS })
  console.log(`\n### ${title}: ${(text.length / 1e6).toFixed(2)} M characters, ${ROUNDS} ${METHOD}\n`)
  console.log('| side | parse ÷ SAX | decode ÷ SAX | decode ÷ fxp | decode ms (median) |')
  console.log('|---|---:|---:|---:|---:|')
  for (const [side] of sides) {
    const p = ratio(times, `parse ${side}`, 'sax')
    const d = ratio(times, `decode ${side}`, 'sax')
    const f = ratio(times, `decode ${side}`, 'fxp')
    console.log(`| ${side} | ${fmt(p)} | ${fmt(d)} | ${fmt(f)} | ${stats(times[`decode ${side}`]).median.toFixed(0)} |`)
  }
  if (sides.length === 2) {
    console.log(
      `\nafter ÷ before: parse ${fmt(ratio(times, 'parse after', 'parse before'))}, decode ${fmt(ratio(times, 'decode after', 'decode before'))}`,
    )
  }
}

function sidesOf(pick) {
  const list = [['after', pick(after)]]
  if (before !== undefined) list.unshift(['before', pick(before)])
  return list
}

console.log(`load average ${loadAverage(1)} before, ${new Date().toISOString()}`)
const limits = { maxLength: Number.MAX_SAFE_INTEGER }
// BENCH_ONLY=filesync or BENCH_ONLY=sdata times one of the two documents.
const only = process.env.BENCH_ONLY
const listing = only === 'sdata' ? '' : after.filesync.FileSyncXml.encode(makeChangesListing(N))
if (only !== 'sdata')
  report(
    `FILESYNC changes listing, ${N} items`,
    listing,
    sidesOf((b) => ({
      parse: (text) => b.xml.parseXml(text, limits),
      decode: (text) => b.filesync.FileSyncXml.decode(text),
    })),
  )
const feed = only === 'filesync' ? '' : after.sdata.SyncFeedXml.encode(makeFeed(N))
if (only !== 'filesync')
  report(
    `SData feed, ${N} entries`,
    feed,
    sidesOf((b) => ({
      parse: (text) => b.xml.parseXml(text, limits),
      decode: (text) => b.sdata.SyncFeedXml.decode(text),
    })),
  )
console.log(`\nload average ${loadAverage(1)} after, ${new Date().toISOString()}`)
