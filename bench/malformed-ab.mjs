import { makeChangesListing } from './changes-listing.mjs'
import { makeFeed } from './sdata-feed.mjs'
import { formatStats as fmt, importFrom, loadAverage, METHOD, ratios, settledCpu, stats, twoBuilds } from './timing.mjs'

const { dirA, dirB, rounds: ROUNDS, rest } = twoBuilds('malformed-ab.mjs', 11)
const load = () => loadAverage()
const filesync = rest[0] === 'filesync'
const entry = filesync ? 'filesync/index.js' : 'sdata/index.js'
const A = await importFrom(dirA, entry)
const B = await importFrom(dirB, entry)
const codecOf = (lib) => (filesync ? lib.FileSyncXml : lib.SyncFeedXml)
const codecName = filesync ? 'FileSyncXml' : 'SyncFeedXml'

const whole = filesync ? A.FileSyncXml.encode(makeChangesListing(10_000)) : A.SyncFeedXml.encode(makeFeed(9_000))
const cut = whole.slice(0, whole.length - 20)
const cases = [
  [`cut 20 characters before the end (${(cut.length / 1e6).toFixed(2)} M characters)`, cut, 'Left'],
  [`whole (${(whole.length / 1e6).toFixed(2)} M characters)`, whole, 'Right'],
]

console.log(`Node ${process.version}; ${ROUNDS} ${METHOD}, order alternating; load average ${load()} before\n`)
console.log(`| \`${codecName}.decode\` of the document | A ms (median) | B ms (median) | B ÷ A median (min–max) |`)
console.log('| --- | ---: | ---: | ---: |')
for (const [name, text, tag] of cases) {
  const a0 = codecOf(A).decode(text)
  const b0 = codecOf(B).decode(text)
  if (a0._tag !== tag || b0._tag !== tag) throw new Error(`${name}: expected ${tag}`)
  if (tag === 'Left' && JSON.stringify(A.reportErrors(a0.left)) !== JSON.stringify(B.reportErrors(b0.left)))
    throw new Error(`${name}: the two builds report different errors`)
  const times = settledCpu({ a: () => codecOf(A).decode(text), b: () => codecOf(B).decode(text) }, { rounds: ROUNDS })
  const ms = (side) => stats(times[side]).median.toFixed(0)
  console.log(`| ${name} | ${ms('a')} | ${ms('b')} | ${fmt(ratios(times.b, times.a))} |`)
}
console.log(`\nload average ${load()} after`)
