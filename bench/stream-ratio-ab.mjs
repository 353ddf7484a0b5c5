import { makeListing } from './listing.mjs'
import { makeFeed } from './sdata-feed.mjs'
import { chunksOf, drain } from './stream-source.mjs'
import {
  formatStats as fmt,
  importFrom,
  loadAverage,
  METHOD,
  ratios,
  settledRoundsAsync,
  stats,
  twoBuilds,
} from './timing.mjs'

const { dirA, dirB, rounds: ROUNDS } = twoBuilds('stream-ratio-ab.mjs', 11)
const load = async (dir) => {
  const [sdata, filesync] = await Promise.all([importFrom(dir, 'sdata/index.js'), importFrom(dir, 'filesync/index.js')])
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
