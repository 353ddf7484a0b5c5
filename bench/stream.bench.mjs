// Streaming decode against in-memory decode: streamSyncFeed vs SyncFeedXml.decode on a generated feed with payloads,
// streamFileSync vs FileSyncXml.decode on a generated nested listing (goal: streaming ≥ 0.8× in-memory speed). The
// peak RSS of streaming a 256 MB feed from disk is measured by stream-memory.bench.mjs. Runs against dist/.
import { FileSyncXml, streamFileSync } from '../dist/filesync/index.js'
import { SyncFeedXml, streamSyncFeed } from '../dist/sdata/index.js'
import { parseXml } from '../dist/xml/index.js'
import { makeListing } from './listing.mjs'
import { chunksOf, drain } from './stream-source.mjs'
import { formatStats, METHOD, ratios, settledRoundsAsync, stats } from './timing.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 10_000)

const CONTRACT = 'http://schemas.sage.com/myContract'
// The payload resource, parsed from its XML (an account with an address and two order lines, ~0.5 KB).
const account = (i) => {
  const lines = [0, 1].map(
    (k) => `<orderLine><product>P-${(i * 7 + k) % 5000}</product><orderQty>${1 + ((i + k) % 9)}</orderQty></orderLine>`,
  )
  const xml = `<account xmlns="${CONTRACT}"><name>Natural Goods Ltd. &amp; Partners &lt;${i}&gt; — é€</name><creditLimit>${1000 + (i % 97) * 250}</creditLimit><postalAddress><street>${i} High Street</street><town>Newcastle</town></postalAddress><orderLines>${lines.join('')}</orderLines></account>`
  const r = parseXml(xml)
  if (r._tag !== 'Right') throw new Error('bad payload')
  return r.right.root
}
const stamp = (n) => `2008-10-${String(1 + (n % 28)).padStart(2, '0')}T14:${String(n % 60).padStart(2, '0')}:03Z`
const endpoint = (n) => `http://www.example.com/sdata/myApp${n % 3}/myContract/-/accounts`

function makeFeed(n) {
  const entries = []
  for (let i = 0; i < n; i++) {
    entries.push({
      id: `http://www.example.com/sdata/myApp1/myContract/-/accounts('${i}')`,
      title: `Account ${i}`,
      updated: stamp(i),
      links: [],
      syncState: { endpoint: endpoint(i), tick: i + 1, stamp: stamp(i) },
      payload: {
        uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        element: account(i),
      },
      diagnoses: [],
      extensions: [],
    })
  }
  return { id: 'urn:feed', title: 'Accounts', links: [], syncMode: 'catchUp', diagnoses: [], entries, extensions: [] }
}

// The two sides in the settled rounds of ./timing.mjs (wall clock; a minor collection and one run not timed, then a
// block of three timed, each run awaited; order swapped every round); reports medians and the per-round speed ratios
// (in-memory time / streaming time: above 1 means streaming is faster), median and spread.
async function paired(memory, streaming) {
  const [m, s] = (await settledRoundsAsync([memory, streaming], { rounds: RUNS })).map((t) => t.wall)
  return { memory: stats(m).median, streaming: stats(s).median, ratio: ratios(m, s) }
}

const rows = []
let failed = false
const feedText = SyncFeedXml.encode(makeFeed(ENTRIES))
const feedBytes = chunksOf(feedText)
const decoded = SyncFeedXml.decode(feedText)
if (decoded._tag !== 'Right') throw new Error('the generated feed does not decode')
// Both sides get the same input form: the bytes row gives the in-memory decode the whole document as bytes (so both
// pay for UTF-8 decoding), the text row gives both the string.
const feedWhole = new TextEncoder().encode(feedText)
for (const [name, whole, source] of [
  ['bytes, 64 KiB chunks', feedWhole, () => feedBytes],
  ['text, one string', feedText, () => [feedText]],
]) {
  const r = await paired(
    () => SyncFeedXml.decode(whole),
    () => drain(streamSyncFeed(source())),
  )
  rows.push([`SData feed, ${ENTRIES} entries (${(feedText.length / 1e6).toFixed(1)} M chars), ${name}`, r])
}
const listing = FileSyncXml.encode(makeListing(4, 12))
const listingBytes = chunksOf(listing)
const listingWhole = new TextEncoder().encode(listing)
for (const [name, whole, source] of [
  ['bytes, 64 KiB chunks', listingWhole, () => listingBytes],
  ['text, one string', listing, () => [listing]],
]) {
  const r = await paired(
    () => FileSyncXml.decode(whole),
    () => drain(streamFileSync(source())),
  )
  rows.push([`FILESYNC nested listing (${(listing.length / 1e6).toFixed(1)} M chars), ${name}`, r])
}
console.log(`Wall clock, median of ${RUNS} ${METHOD}\n`)
console.log('| decode | in-memory ms | streaming ms | speed ratio, median (min–max) (≥ 0.8) |')
console.log('|---|---:|---:|---:|')
for (const [name, r] of rows) {
  if (r.ratio.median < 0.8) failed = true
  console.log(`| ${name} | ${r.memory.toFixed(0)} | ${r.streaming.toFixed(0)} | ${formatStats(r.ratio)}× |`)
}

process.exit(failed ? 1 : 0)
