// Child process of bench/filesync-engine.bench.mjs: decodes the FILESYNC file named on the command line, the way
// named after it (`decode`: FileSyncXml; `tree`: parseXml's whole tree, then the root's element codec), and prints
// the time, the peak resident set size above the one before the decode, and the heap kept by the value, per byte.
import { readFileSync } from 'node:fs'
import { FolderItemElement, fileSyncXml } from '../dist/filesync/index.js'
import { parseXml } from '../dist/xml/index.js'

const [file, way] = process.argv.slice(2)
const text = readFileSync(file, 'utf8')
const bytes = Buffer.byteLength(text)
const parse = { maxLength: 1e9 }
const Codec = fileSyncXml({ parse })
const decode =
  way === 'tree'
    ? (s) => {
        const r = parseXml(s, parse)
        return r._tag === 'Right' ? FolderItemElement.decode(r.right.root) : r
      }
    : (s) => Codec.decode(s)
decode('<Folder><Items><Document><ResourceID>a</ResourceID></Document></Items></Folder>')
globalThis.gc()
globalThis.gc()
const before = process.memoryUsage()
const t0 = performance.now()
const r = decode(text)
const ms = performance.now() - t0
const peakRss = process.resourceUsage().maxRSS * 1024
if (r._tag !== 'Right') throw new Error(`${way} did not decode the file`)
globalThis.gc()
const kept = process.memoryUsage().heapUsed - before.heapUsed
console.log(JSON.stringify({ bytes, ms, peakPerByte: (peakRss - before.rss) / bytes, keptPerByte: kept / bytes }))
