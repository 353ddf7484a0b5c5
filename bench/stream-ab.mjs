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

const { dirA, dirB, rounds: ROUNDS } = twoBuilds('stream-ab.mjs', 11)
const N = Number(process.env.BENCH_ITEMS ?? 10_000)
const CHUNK = Number(process.env.BENCH_CHUNK ?? 64 * 1024)

const load = async (dir) => {
  const [sdata, filesync] = await Promise.all([importFrom(dir, 'sdata/index.js'), importFrom(dir, 'filesync/index.js')])
  return { sdata, filesync }
}
const A = await load(dirA)
const B = await load(dirB)

const feed = makeFeed(N)
const feedText = A.sdata.SyncFeedXml.encode(feed)
const feedBytes = chunksOf(feedText, CHUNK)
// The same feed with a CRLF between every two tags: the most line ends the decoder counts.
const linesBytes = chunksOf(feedText.replace(/></g, '>\r\n<'), CHUNK)
const jsonBytes = chunksOf(JSON.stringify(A.sdata.SyncFeedJson.encode(feed)), CHUNK)
const listingBytes = chunksOf(A.filesync.FileSyncXml.encode(makeListing(4, 12)), CHUNK)
// The feed in Shift_JIS with "日本語" (93 FA 96 7B 8C EA) four times in every title, name, street and town: a
// multi-byte encoding that TextDecoder decodes, a chunk's end often inside a character.
const SJIS = { 日: [0x93, 0xfa], 本: [0x96, 0x7b], 語: [0x8c, 0xea] }
function shiftJisChunks(text, size = CHUNK) {
  const bytes = []
  for (const c of text) {
    if (c in SJIS) bytes.push(...SJIS[c])
    else if (c.charCodeAt(0) < 0x80) bytes.push(c.charCodeAt(0))
    else throw new Error(`no Shift_JIS byte here for ${c}`)
  }
  const all = Uint8Array.from(bytes)
  const out = []
  for (let i = 0; i < all.length; i += size) out.push(all.subarray(i, i + size))
  return out
}
const sjisBytes = shiftJisChunks(
  feedText
    .replace(/encoding="UTF-8"/, 'encoding="Shift_JIS"')
    .replace(/<(title|name|street|town)>([^<]*)</g, '<$1>$2日本語日本語日本語日本語<'),
)
const rows = {
  'streamSyncFeed, SData feed': (m) => drain(m.sdata.streamSyncFeed(feedBytes)),
  'streamSyncFeed, the feed with a CRLF between tags': (m) => drain(m.sdata.streamSyncFeed(linesBytes)),
  'streamSyncFeed, the feed in Shift_JIS': (m) => drain(m.sdata.streamSyncFeed(sjisBytes)),
  'streamFileSync, nested listing': (m) => drain(m.filesync.streamFileSync(listingBytes)),
  'streamSyncFeedJson, the feed as JSON': (m) => drain(m.sdata.streamSyncFeedJson(jsonBytes)),
}

const mb = (chunks) => (chunks.reduce((n, c) => n + c.length, 0) / 1e6).toFixed(1)
console.log(
  `${ROUNDS} ${METHOD}; ${N} entries, chunks of ${CHUNK} bytes, load average ${loadAverage(1)} at ${new Date().toISOString()}`,
)
console.log(
  `bytes: feed ${mb(feedBytes)} MB, Shift_JIS ${mb(sjisBytes)} MB, listing ${mb(listingBytes)} MB, JSON ${mb(jsonBytes)} MB\n`,
)
console.log('| streamed decode of bytes | B ÷ A (median, min–max) | ms A / B (median) |')
console.log('|---|---:|---:|')
for (const [name, run] of Object.entries(rows)) {
  const [na, nb] = [await run(A), await run(B)]
  if (na !== nb) throw new Error(`${name}: the two builds give ${na} and ${nb} events`)
  const [a, b] = (await settledRoundsAsync([() => run(A), () => run(B)], { rounds: ROUNDS })).map((t) => t.cpu)
  const ms = (side) => stats(side).median.toFixed(0)
  console.log(`| ${name} | ${fmt(ratios(b, a))} | ${ms(a)} / ${ms(b)} |`)
}
