// The document kinds that hostile, totality and fuzz tests drive: each public text codec, and the XML layer itself.
// Shared by test/hostile, test/totality and fuzz/ (issue 7) so every suite covers the same entry points the same way.

import { either as E } from 'fp-ts'
import type * as t from 'io-ts'
import { type DecodeIssue, reportErrors } from '../../src/codec/index'
import { FileSyncXml, PolicyXml } from '../../src/filesync/index'
import { DiagnosesXml, DigestXml, SyncEntryXml, SyncFeedXml, SyncStateXml, TrackingXml } from '../../src/sdata/index'
import { parseXml, serializeXml } from '../../src/xml/index'
import { fixtures } from '../support/fixtures'

/** One document kind: how to decode and encode it, a root that admits unknown children, and its corpus files. */
export interface Kind {
  name: string
  decode: (text: string) => E.Either<DecodeIssue[], unknown>
  encode: (value: never) => string
  /** Start and end tags of a valid root that keeps unknown children, for injecting hostile content. */
  open: string
  close: string
  /** Corpus files (paths below fixtures/) that decode as this kind. */
  corpus: readonly string[]
}

function codecKind(
  name: string,
  codec: t.Type<unknown, string, string>,
  open: string,
  close: string,
  corpus: string[],
): Kind {
  return {
    name,
    decode: (text) => {
      const r = codec.decode(text)
      return E.isLeft(r) ? E.left(reportErrors(r.left)) : E.right(r.right)
    },
    encode: (value: never) => codec.encode(value),
    open,
    close,
    corpus,
  }
}

const FILESYNC = [...fixtures.keys()].filter((p) => /^filesync\/[^/]+\.xml$/.test(p)).sort()

/** The XML layer as a kind: issues are the parser's errors as `line:column` paths, values are documents. */
export const XmlKind: Kind = {
  name: 'parseXml',
  decode: (text) => {
    const r = parseXml(text)
    // The parser's errors are issues already: the path is `line:column`, or empty for an error without a position.
    return E.isLeft(r) ? E.left(r.left) : E.right(r.right)
  },
  encode: (value: never) => serializeXml(value),
  open: '<r>',
  close: '</r>',
  corpus: [...fixtures.keys()].filter((p) => p.endsWith('.xml') || p.endsWith('.xml.txt')).sort(),
}

const ATOM = 'http://www.w3.org/2005/Atom'
const SDATA = 'http://schemas.sage.com/sdata/2008/1'
const SYNC = 'http://schemas.sage.com/sdata/sync/2008/1'

/** Every public text codec, then the XML layer. */
export const KINDS: readonly Kind[] = [
  XmlKind,
  codecKind('FileSyncXml', FileSyncXml as t.Type<unknown, string, string>, '<Folder>', '</Folder>', FILESYNC),
  codecKind('PolicyXml', PolicyXml as t.Type<unknown, string, string>, '<PolicyDocument>', '</PolicyDocument>', [
    'filesync/rest/policy.xml.txt',
  ]),
  codecKind('SyncFeedXml', SyncFeedXml as t.Type<unknown, string, string>, `<feed xmlns="${ATOM}">`, '</feed>', [
    'sdata/DotNetSDataClient_diagnoses_nested-and-unnested.xml',
    'sdata/DotNetSDataClient_sync-feed_prefixed-digest.xml',
    'sdata/SDataCSharpClientLib_TestFeed_real-adapter-output_opensearch.xml',
    'sdata/core-13.4_batch-response-feed.xml',
    'sdata/spec-4.4_sync-feed_catchUp.xml',
    'sdata/spec-5.3_syncTarget-result-feed.xml',
    'sdata/spec-5.8_sync-feed_immediate.xml',
  ]),
  codecKind('SyncEntryXml', SyncEntryXml as t.Type<unknown, string, string>, `<entry xmlns="${ATOM}">`, '</entry>', [
    'sdata/spec-5.1_syncDigest-GET-response-entry.xml',
    'sdata/spec-5.2_syncSource-POST-request-entry.xml',
  ]),
  codecKind('DigestXml', DigestXml as t.Type<unknown, string, string>, `<digest xmlns="${SYNC}">`, '</digest>', [
    'sdata/spec-4.2_digest.xml',
  ]),
  codecKind(
    'SyncStateXml',
    SyncStateXml as t.Type<unknown, string, string>,
    `<syncState xmlns="${SYNC}"><endpoint>http://e/</endpoint><tick>1</tick><stamp>2008-10-30T14:55:43Z</stamp>`,
    '</syncState>',
    ['sdata/spec-4.3_syncState.xml'],
  ),
  codecKind(
    'DiagnosesXml',
    DiagnosesXml as t.Type<unknown, string, string>,
    `<diagnosis xmlns="${SDATA}">`,
    '</diagnosis>',
    [
      'sdata/Sage50-issue115_diagnosis-500-response_TRUNCATED.xml',
      'sdata/Sage50-issue17_diagnosis-response_TRUNCATED.xml',
    ],
  ),
  codecKind(
    'TrackingXml',
    TrackingXml as t.Type<unknown, string, string>,
    `<tracking xmlns="${SDATA}">`,
    '</tracking>',
    ['sdata/spec-5.2_tracking-202-response.xml'],
  ),
]

/** Every XML corpus file's text, for mutation-based generators (all kinds mutate all files). */
export const CORPUS: readonly string[] = XmlKind.corpus.map((p) => fixtures.get(p) ?? '')

/** The kind with that name; throws for an unknown name so a typo fails loudly. */
export function kind(name: string): Kind {
  const found = KINDS.find((k) => k.name === name)
  if (!found) throw new Error(`no kind ${name}`)
  return found
}

const PROTOTYPES: ReadonlyArray<readonly [string, object]> = [
  ['Object', Object.prototype],
  ['Array', Array.prototype],
  ['Function', Function.prototype],
  ['String', String.prototype],
  ['Number', Number.prototype],
  ['Map', Map.prototype],
]

/** The own properties (names, symbols and descriptors) of the built-in prototypes a decoder could reach. */
export type PrototypeSnapshot = ReadonlyArray<readonly [string, ReadonlyMap<string | symbol, PropertyDescriptor>]>

/** Takes a {@link PrototypeSnapshot} now. */
export function prototypeSnapshot(): PrototypeSnapshot {
  return PROTOTYPES.map(([name, proto]) => {
    const properties = new Map<string | symbol, PropertyDescriptor>()
    for (const key of Reflect.ownKeys(proto)) properties.set(key, Object.getOwnPropertyDescriptor(proto, key)!)
    return [name, properties] as const
  })
}

const FIELDS = ['value', 'get', 'set', 'writable', 'enumerable', 'configurable'] as const

/**
 * What changed on the built-in prototypes since a snapshot, as `Object.prototype.polluted added`-style lines;
 * empty when nothing did (values compared by identity, so a replaced method counts).
 */
export function prototypeChanges(before: PrototypeSnapshot): string[] {
  const changes: string[] = []
  const after = prototypeSnapshot()
  before.forEach(([name, was], i) => {
    const now = after[i]![1]
    for (const key of new Set([...was.keys(), ...now.keys()])) {
      const a = was.get(key)
      const b = now.get(key)
      const label = `${name}.prototype.${String(key)}`
      if (!a) changes.push(`${label} added`)
      else if (!b) changes.push(`${label} removed`)
      else if (FIELDS.some((f) => !Object.is(a[f], b[f]))) changes.push(`${label} changed`)
    }
  })
  return changes
}

/**
 * Whether every object reachable from a decoded value is a plain object or array (its prototype is
 * `Object.prototype`, `Array.prototype` or `null`; bytes may be a `Uint8Array`), so no document name turned into a
 * prototype link.
 */
export function isPlainData(value: unknown): boolean {
  const stack: unknown[] = [value]
  const seen = new Set<object>()
  while (stack.length > 0) {
    const v = stack.pop()
    if (typeof v !== 'object' || v === null || seen.has(v)) continue
    seen.add(v)
    const proto = Object.getPrototypeOf(v)
    if (proto === Uint8Array.prototype) continue
    if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return false
    for (const key of Object.keys(v)) stack.push((v as Record<string, unknown>)[key])
  }
  return true
}
