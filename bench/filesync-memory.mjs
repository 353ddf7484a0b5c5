// Child process of bench/filesync-engine.bench.mjs: decodes the FILESYNC file named on the command line, the way
// named after it (`decode`: FileSyncXml; `tree`: parseXml's whole tree, then the root's element codec), and prints
// the time, the peak resident set size above the one before the decode, and the heap kept by the value, per byte.
import { readFileSync } from 'node:fs'
import { FolderItemElement, fileSyncXml } from '../dist/filesync/index.js'
import { parseXml } from '../dist/xml/index.js'
import { measureDecode } from './measure-decode.mjs'

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
measureDecode(way, bytes, () => decode(text))
