// Child process of bench/sdata-memory.bench.mjs: decodes the SData feed file named on the command line with
// SyncFeedXml (in memory, the whole text at once) and prints the time, the peak resident set size above the one
// before the decode, and the heap kept by the value, per input byte.
import { readFileSync } from 'node:fs'
import { syncFeedXml } from '../dist/sdata/index.js'

const text = readFileSync(process.argv[2], 'utf8')
const bytes = Buffer.byteLength(text)
const Codec = syncFeedXml(undefined, { parse: { maxLength: 1e9 } })
globalThis.gc()
globalThis.gc()
const before = process.memoryUsage()
const t0 = performance.now()
const r = Codec.decode(text)
const ms = performance.now() - t0
const peakRss = process.resourceUsage().maxRSS * 1024
if (r._tag !== 'Right') throw new Error('SyncFeedXml did not decode the file')
globalThis.gc()
const kept = process.memoryUsage().heapUsed - before.heapUsed
console.log(JSON.stringify({ bytes, ms, peakPerByte: (peakRss - before.rss) / bytes, keptPerByte: kept / bytes }))
