import { isDeepStrictEqual } from 'node:util'
import { saxPass } from './ceilings.mjs'
import { makeChangesListing } from './changes-listing.mjs'
import { makeFeed } from './sdata-feed.mjs'
import { formatStats as fmt, importFrom, loadAverage, METHOD, ratios, settledCpu, stats, twoBuilds } from './timing.mjs'

const { dirA, dirB, rounds: ROUNDS, rest } = twoBuilds('decode-ab.mjs', 15)
const filesync = rest[0] === 'filesync'
const N = Number(process.env.BENCH_ITEMS ?? 10_000)
const load = () => loadAverage(1)

const ON_ACCESS = !filesync && process.env.BENCH_PAYLOADS === 'on-access'
const codec = async (dir) => {
  const lib = await importFrom(dir, filesync ? 'filesync/index.js' : 'sdata/index.js')
  if (filesync) return lib.FileSyncXml
  return ON_ACCESS ? lib.syncFeedXml(undefined, { payloads: 'on-access' }) : lib.SyncFeedXml
}
const A = await codec(dirA)
const B = await codec(dirB)
const text = A.encode(filesync ? makeChangesListing(N) : makeFeed(N))
const a = A.decode(text)
if (a._tag !== 'Right' || !isDeepStrictEqual(a, B.decode(text))) throw new Error('the two builds decode differently')

const TOUCH = !filesync && process.env.BENCH_TOUCH === '1'
// Every payload element read, attributes and children, all the way down: what a consumer of every payload does.
function touch(r) {
  let n = 0
  const stack = r.right.entries.flatMap((e) => (e.payload === undefined ? [] : [e.payload.element]))
  while (stack.length > 0) {
    const el = stack.pop()
    n += el.attributes.length
    for (const c of el.children) if (c.type === 'element') stack.push(c)
  }
  return n
}
const decode = (codec) => (TOUCH ? () => touch(codec.decode(text)) : () => codec.decode(text))

const fns = { sax: () => saxPass(text), a: decode(A), b: decode(B) }
console.log(
  `${ROUNDS} ${METHOD}; ${N} ${filesync ? 'items' : 'entries'}${ON_ACCESS ? ", payloads: 'on-access'" : ''}${TOUCH ? ', every payload walked after the decode' : ''}, load average ${load()} at ${new Date().toISOString()}\n`,
)
const times = settledCpu(fns, { rounds: ROUNDS })
const ratio = (x, y) => fmt(ratios(times[x], times[y]))
const ms = (x) => stats(times[x]).median.toFixed(0)
console.log(
  `| ${filesync ? 'FILESYNC' : 'SData'} decode | A ÷ SAX pass | B ÷ SAX pass | B ÷ A | ms A / B / SAX pass (median) |`,
)
console.log('|---|---:|---:|---:|---:|')
console.log(
  `| ${N} ${filesync ? 'items' : 'entries'} | ${ratio('a', 'sax')} | ${ratio('b', 'sax')} | ${ratio('b', 'a')} | ${ms('a')} / ${ms('b')} / ${ms('sax')} |`,
)
console.log(`\nload average ${load()} at ${new Date().toISOString()}`)
