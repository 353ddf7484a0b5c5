// Child process of bench/sdata-memory.bench.mjs: decodes the SData feed file named on the command line, in memory
// (the whole text at once), one way: `decode` (SyncFeedXml.decode, entry by entry), `on-access` (the same with
// `payloads: 'on-access'`, no payload read) or `tree` (the tree way, the decode before December 2026: parseXml's
// whole tree, then the feed's element codec). Prints the time, the peak
// resident set size above the one before the decode, and the heap kept by the value, per input byte.
import { readFileSync } from 'node:fs'
import { syncFeedElement, syncFeedXml } from '../dist/sdata/index.js'
import { parseXml } from '../dist/xml/index.js'
import { measureDecode } from './measure-decode.mjs'

const text = readFileSync(process.argv[2], 'utf8')
const way = process.argv[3] ?? 'decode'
const bytes = Buffer.byteLength(text)
const parse = { maxLength: 1e9 }
const Codec = syncFeedXml(undefined, way === 'on-access' ? { parse, payloads: 'on-access' } : { parse })
const Element = syncFeedElement()
const decode =
  way === 'tree'
    ? () => {
        const p = parseXml(text, parse)
        return p._tag === 'Right' ? Element.decode(p.right.root) : p
      }
    : () => Codec.decode(text)
measureDecode(way, bytes, decode)
