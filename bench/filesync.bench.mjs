// FileSyncXml on a generated changes listing of 10,000 items (~5 MB), against fast-xml-parser on the same text
// (issue 3 "Performance": decode ≤ 1.5× XMLParser.parse with preserveOrder; encode at least as fast as XMLBuilder).
// Runs against the built package (dist/, `npx tsup`); prints a markdown table; exits 1 when a target is missed.
import { XMLBuilder, XMLParser } from 'fast-xml-parser'
import { FileSyncXml } from '../dist/filesync/index.js'
import { bareScan, saxPass, stats } from './ceilings.mjs'

const N = 10_000
const RUNS = Number(process.env.BENCH_RUNS ?? 15)

const hex = (n, salt = 0) => ((n * 2654435761 + salt) >>> 0).toString(16).padStart(8, '0').repeat(4)
const guid = (h) =>
  `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`.toUpperCase()
const bytes = (n) => Uint8Array.from({ length: 20 }, (_, i) => (n * 31 + i * 7) & 255)
const date = (n) => `2025-11-${String(1 + (n % 28)).padStart(2, '0')}T22:06:${String(n % 60).padStart(2, '0')}.0000000Z`

// A flat changes listing as SharePoint Online sends it: one folder in ten, documents with a content stream, the
// fsshttpstate extension, identity and label fields.
function makeListing(n) {
  const items = []
  for (let i = 1; i <= n; i++) {
    const id = hex(i)
    const parent = hex(Math.floor(i / 10))
    const common = {
      resourceId: id,
      eTag: `"{${guid(id)}},${1 + (i % 5)}"`,
      dateModified: date(i + 1),
      relationshipName: i % 10 === 3 ? `a&b <${i}>.txt` : `file-${i}.txt`,
      path: `/RootFolder/f${Math.floor(i / 10)}/file-${i}.txt`,
      parentResourceId: parent,
    }
    const identity = { customIdentity: { name: 'SkyDriveSync', value: '078602e5-31f1-41fc-a168-ffff06000000' } }
    if (i % 10 === 0) {
      items.push({
        kind: 'Folder',
        ...common,
        modifierIdentity: identity,
        totalSubItemSize: i * 1000,
        changeTime: date(i),
      })
      continue
    }
    const document = {
      kind: 'Document',
      ...common,
      documentStreams: [{ documentStreamName: 'Binary', dataSize: i * 4099, xorHash: bytes(i) }],
    }
    if (i % 4 === 1) {
      document.extensions = [
        {
          after: 'ParentResourceID',
          element: {
            type: 'element',
            namespace: null,
            localName: 'fsshttpstate.xschema.storage.live.com',
            prefix: null,
            attributes: [],
            children: [
              {
                type: 'element',
                namespace: null,
                localName: 'VersionToken',
                prefix: null,
                attributes: [],
                children: [{ type: 'text', value: 'KgnhZnsBN0y8qh354QbmegUkAAMFRABOAgAA' }],
              },
            ],
          },
        },
      ]
    }
    items.push(document)
  }
  return {
    root: 'Folder',
    folder: {
      kind: 'Folder',
      itemType: 'Folder',
      resourceId: hex(0),
      eTag: hex(0),
      relationshipName: 'RootFolder',
      path: '/RootFolder',
      parentResourceId: hex(99),
      items,
      quotaState: 'Normal',
      spaceUsed: 1841917808,
      spaceGranted: 27487790694400,
    },
  }
}

// Runs the functions in turn within each round, so that load from other processes hits them alike; besides each
// function's times, gives the per-round ratio of the first function to each other one.
function timeInTurn(fns, runs) {
  for (let i = 0; i < 3; i++) for (const fn of fns) fn()
  const times = fns.map(() => [])
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      globalThis.gc?.()
      const t0 = performance.now()
      fn()
      times[k].push(performance.now() - t0)
    })
  }
  return times.map((ts) => ({ ...stats(ts), ratio: stats(ts.map((t, i) => times[0][i] / t)) }))
}

const doc = makeListing(N)
const text = FileSyncXml.encode(doc)
const check = FileSyncXml.decode(text)
if (check._tag !== 'Right') throw new Error('the generated listing does not decode')

// fast-xml-parser doing comparable work: no value coercion, attributes read, text untrimmed, document order kept.
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false, trimValues: false })
const defaultParser = new XMLParser({ preserveOrder: true })
const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false })
const fxpTree = parser.parse(text)

const [decode, parse, parseDefaults, sax, scan] = timeInTurn(
  [
    () => FileSyncXml.decode(text),
    () => parser.parse(text),
    () => defaultParser.parse(text),
    () => saxPass(text),
    () => bareScan(text),
  ],
  RUNS,
)
const [encode, build] = timeInTurn([() => FileSyncXml.encode(doc), () => builder.build(fxpTree)], RUNS)
const mbs = (t) => (text.length / 1e6 / (t.median / 1000)).toFixed(1)
const rows = [
  ['decode: FileSyncXml.decode', decode],
  ['fast-xml-parser parse (preserveOrder, no coercion)', parse],
  ['fast-xml-parser parse (preserveOrder, defaults)', parseDefaults],
  ['ceiling: htmlparser2 SAX pass (xmlMode, no tree)', sax],
  ['ceiling: bare scan (find < and >, slice names)', scan],
  ['encode: FileSyncXml.encode', encode],
  ['fast-xml-parser XMLBuilder (preserveOrder)', build],
]
// Per-round ratios of our side to the other: median and spread (min–max).
const ratios = [
  ['decode / fxp parse (no coercion)', parse.ratio, 1.5],
  ['decode / fxp parse (defaults)', parseDefaults.ratio, 1.5],
  ['decode / htmlparser2 SAX (ceiling)', sax.ratio, undefined],
  ['decode / bare scan (ceiling)', scan.ratio, undefined],
  ['encode / fxp build', build.ratio, 1],
]

console.log(`${N.toLocaleString('en')} items, ${(text.length / 1e6).toFixed(2)} M characters, median of ${RUNS} runs\n`)
console.log('| operation | median ms | min ms | M chars/s |')
console.log('|---|---:|---:|---:|')
for (const [name, t] of rows) console.log(`| ${name} | ${t.median.toFixed(1)} | ${t.min.toFixed(1)} | ${mbs(t)} |`)
console.log('')
console.log('| ratio (median of per-round ratios) | value | spread | target |')
console.log('|---|---:|---:|---:|')
for (const [name, r, target] of ratios) {
  const goal = target === undefined ? '–' : `≤ ${target}×`
  console.log(`| ${name} | ${r.median.toFixed(2)}× | ${r.min.toFixed(2)}–${r.max.toFixed(2)} | ${goal} |`)
}

if (parse.ratio.median > 1.5 || build.ratio.median > 1) process.exitCode = 1
