// What an SData decode with payloads built can cost at least, against htmlparser2's SAX pass (issue 16's ceiling):
// the decode with payloads on access (every check, no payload built) and the payload trees alone, built again from a
// decoded value in the shapes `XmlElement` fixes (arrays of up to five as literals, as the parser makes them; each
// text and attribute value a new slice of the document, as the parser's are), next to the default decode. Each side runs in a process of its own, in the settled rounds of
// ./timing.mjs with the SAX pass, so a side's collections are its own; ratios are per round, median and spread, of
// CPU time (every thread: the collector's helpers count) and of wall-clock time.
// Runs against dist/ (`npx tsup`): `node --expose-gc bench/sdata-floor.mjs [rounds]`.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { SyncFeedXml, syncFeedXml } from '../dist/sdata/index.js'
import { saxPass } from './ceilings.mjs'
import { makeFeed } from './sdata-feed.mjs'
import { formatStats, loadAverage, METHOD, ratios, settledRounds, stats } from './timing.mjs'

const ROUNDS = Number(process.argv[2] ?? 15)
const SIDES = ['decode', 'on-access', 'trees']

// Arrays of up to five as literals, as the parser copies them out (a literal's objects can be allocated old).
function array(f, xs) {
  switch (xs.length) {
    case 0:
      return xs
    case 1:
      return [f(xs[0])]
    case 2:
      return [f(xs[0]), f(xs[1])]
    case 3:
      return [f(xs[0]), f(xs[1]), f(xs[2])]
    case 4:
      return [f(xs[0]), f(xs[1]), f(xs[2]), f(xs[3])]
    case 5:
      return [f(xs[0]), f(xs[1]), f(xs[2]), f(xs[3]), f(xs[4])]
    default:
      return xs.map(f)
  }
}
// A new string of the value's length, sliced from the document as the parser slices values (a short one is copied).
let text = ''
let at = 0
const slice = (value) => {
  const n = value.length
  if (at + n > text.length) at = 0
  const from = at
  at += n
  return text.slice(from, at)
}
const attribute = (a) => ({ namespace: a.namespace, localName: a.localName, prefix: a.prefix, value: slice(a.value) })
const node = (n) => (n.type === 'text' ? { type: 'text', value: slice(n.value) } : element(n))
const element = (e) => ({
  type: 'element',
  namespace: e.namespace,
  localName: e.localName,
  prefix: e.prefix,
  attributes: array(attribute, e.attributes),
  children: array(node, e.children),
})

const side = process.argv[3]
if (side === undefined) {
  console.log(`One process per side, ${ROUNDS} ${METHOD}; load average ${loadAverage(1)} before\n`)
  console.log(
    '| side (SData feed, 10,000 entries) | CPU ÷ SAX pass | CPU ms, side / SAX pass (median) | wall ÷ SAX pass | wall ms |',
  )
  console.log('|---|---:|---:|---:|---:|')
  for (const s of SIDES) {
    const args = ['--expose-gc', fileURLToPath(import.meta.url), String(ROUNDS), s]
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`${s}: ${r.stderr}`)
    process.stdout.write(r.stdout)
  }
  console.log(`\nload average ${loadAverage(1)} after`)
} else {
  text = SyncFeedXml.encode(makeFeed(10_000))
  text.charCodeAt(0) // the encoder's rope flattened once, before any timing
  const decoded = SyncFeedXml.decode(text)
  if (decoded._tag !== 'Right') throw new Error('the bench feed does not decode')
  const onAccess = syncFeedXml(undefined, { payloads: 'on-access' })
  const entries = decoded.right.entries
  const runs = {
    decode: () => SyncFeedXml.decode(text),
    'on-access': () => onAccess.decode(text),
    trees: () => entries.map((e) => (e.payload === undefined ? undefined : element(e.payload.element))),
  }
  const [own, sax] = settledRounds([runs[side], () => saxPass(text)], { rounds: ROUNDS })
  const ms = (xs) => stats(xs).median.toFixed(1)
  const cells = (clock) => `${formatStats(ratios(own[clock], sax[clock]))} | ${ms(own[clock])} / ${ms(sax[clock])}`
  console.log(`| ${side} | ${cells('cpu')} | ${cells('wall')} |`)
}
