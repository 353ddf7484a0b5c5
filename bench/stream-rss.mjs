// Child process of bench/stream-memory.bench.mjs: streams the feed file named on the command line through streamSyncFeed
// and prints the entry count, the time and the peak resident set size as JSON.
import { createReadStream } from 'node:fs'
import { streamSyncFeed } from '../dist/sdata/index.js'

const t0 = performance.now()
let entries = 0
for await (const event of streamSyncFeed(createReadStream(process.argv[2]))) {
  if (event.type === 'entry') entries++
  else if (event.type === 'error') throw new Error(JSON.stringify(event.issues))
}
const ms = performance.now() - t0
console.log(JSON.stringify({ entries, ms, peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6 }))
