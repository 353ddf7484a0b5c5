// Streaming ÷ in-memory decode speed (issue 16's gate, ≥ 0.8×) of two builds side by side in one process, in CPU
// time: FileSyncXml.decode against streamFileSync on the nested listing of filesync-engine.bench.mjs (8.2 MB),
// SyncFeedXml.decode against streamSyncFeed on the SData bench feed, each streamed as UTF-8 bytes in 64 KiB chunks
// and as one string. `node --expose-gc bench/stream-ratio-ab.mjs <distA> <distB> [rounds]`. The four runs of a
// row (in memory and streamed, each build) are the sides of ./timing.mjs's settled rounds, the order reversed
// every other round; prints each build's median in-memory ÷ streamed CPU time (the speed ratio) with its spread (min–max), and
// the median streamed time B ÷ A.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { makeListing } from './listing.mjs'
import { makeFeed } from './sdata-feed.mjs'
import { chunksOf, drain } from './stream-source.mjs'
import { formatStats as fmt, loadAverage, METHOD, ratios, settledRoundsAsync, stats, twoBuilds } from './timing.mjs'

const { dirA, dirB, rounds: ROUNDS } = twoBuilds('stream-ratio-ab.mjs', 11)
const load = async (dir) => {
  const at = (entry) => import(pathToFileURL(resolve(dir, entry)).href)
  const [sdata, filesync] = await Promise.all([at('sdata/index.js'), at('filesync/index.js')])
  return { sdata, filesync }
}
const A = await load(dirA)
const B = await load(dirB)

const listing = A.filesync.FileSyncXml.encode(makeListing(5, 16))
const listingBytes = chunksOf(listing)
const feed = A.sdata.SyncFeedXml.encode(makeFeed(Number(process.env.BENCH_ITEMS ?? 10_000)))
const feedBytes = chunksOf(feed)
const rows = {
  [`FILESYNC nested listing (${(listing.length / 1e6).toFixed(1)} M chars), bytes`]: [
    (m) => m.filesync.FileSyncXml.decode(listing),
    (m) => drain(m.filesync.streamFileSync(listingBytes)),
  ],
  'FILESYNC nested listing, text, one string': [
    (m) => m.filesync.FileSyncXml.decode(listing),
    (m) => drain(m.filesync.streamFileSync([listing])),
  ],
  [`SData feed (${(feed.length / 1e6).toFixed(1)} M chars), bytes`]: [
    (m) => m.sdata.SyncFeedXml.decode(feed),
    (m) => drain(m.sdata.streamSyncFeed(feedBytes)),
  ],
  'SData feed, text, one string': [
    (m) => m.sdata.SyncFeedXml.decode(feed),
    (m) => drain(m.sdata.streamSyncFeed([feed])),
  ],
}

console.log(`${ROUNDS} ${METHOD}, CPU time; load average ${loadAverage(1)} at ${new Date().toISOString()}\n`)
console.log('| decode | A: in-memory ÷ streamed | B: in-memory ÷ streamed | streamed B ÷ A | streamed ms A / B |')
console.log('|---|---:|---:|---:|---:|')
for (const [name, [memory, streamed]] of Object.entries(rows)) {
  const [ma, sa, mb, sb] = (
    await settledRoundsAsync([() => memory(A), () => streamed(A), () => memory(B), () => streamed(B)], {
      rounds: ROUNDS,
    })
  ).map((t) => t.cpu)
  const ms = (side) => stats(side).median.toFixed(0)
  console.log(
    `| ${name} | ${fmt(ratios(ma, sa))} | ${fmt(ratios(mb, sb))} | ${fmt(ratios(sb, sa))} | ${ms(sa)} / ${ms(sb)} |`,
  )
}
