// The CLI's streamed path (a file over --max-size) against its in-memory path, in process on small files: validate
// (summary and problems), convert (XML → JSON → XML) and conflicts (table and --json) give the same output, for the
// SData corpus feeds, a feed with problems and one whose digest and syncMode follow its entries; the same for
// UTF-16 files (LE and BE, with their mark), and bytes that are not text unreadable (exit 2) either way.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runConflicts } from '../../src/cli/conflicts'
import { runConvert } from '../../src/cli/convert'
import { feedToXml } from '../../src/cli/convert-large'
import { Spill } from '../../src/cli/spill'
import { runValidate } from '../../src/cli/validate'
import { type FileSyncDocument, FileSyncXml } from '../../src/filesync/index'
import { DigestXml, type Stamp, SyncFeedJson, SyncFeedXml } from '../../src/sdata/index'
import { arbFileSyncDocument } from '../../src/testing/arbitraries/index'
import { fixture, fixturesIn } from '../support/fixtures'
import { arbDecoration } from '../support/stream'

let dir: string
const feeds: string[] = []

async function cli(run: (args: string[], io: never) => Promise<number>, args: string[]) {
  let out = ''
  let err = ''
  const io = {
    out: (t: string) => {
      out += t
    },
    err: (t: string) => {
      err += t
    },
    color: false,
  }
  const code = await run(args, io as never)
  return { code, out, err }
}

/**
 * JSON with as much white space after it: the streamed reader keeps no white space outside the elements it hands
 * out, so a file over the size limit (just under its size) still has the rest of its envelope under it.
 */
const padded = (json: string) => `${json}${' '.repeat(json.length)}`

/** The streamed path: a size limit just under the file's size (entries stay under it). */
const streamed = (file: string) => ['--max-size', String(statSync(file).size - 1)]

const E = 'http://example.com/sdata/app/-/accounts'
function entry(i: number, tick: number, uuid: string): string {
  return (
    `<entry><id>${E}('${i}')</id><sync:syncState><sync:endpoint>${E}</sync:endpoint><sync:tick>${tick}</sync:tick>` +
    `<sync:stamp>2026-01-01T00:00:0${i % 10}Z</sync:stamp></sync:syncState><sdata:payload><account xmlns="urn:c" ` +
    `sdata:uuid="${uuid}"><name>Account ${i} é</name></account></sdata:payload></entry>`
  )
}
const uuid = (n: number) => `c4411795-9943-4cf4-8705-${String(n).padStart(12, '0')}`
const DIGEST = `<sync:digest><sync:origin>${E}</sync:origin><sync:digestEntry><sync:endpoint>${E}</sync:endpoint><sync:tick>6</sync:tick><sync:stamp>2026-01-01T00:00:00Z</sync:stamp><sync:conflictPriority>1</sync:conflictPriority></sync:digestEntry></sync:digest>`
const OPEN =
  '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:sdata="http://schemas.sage.com/sdata/2008/1" xmlns:sync="http://schemas.sage.com/sdata/sync/2008/1">'
// Ticks that go back and repeat, a uuid twice (in another case), a tick past the digest's.
const BODY = [
  entry(0, 1, uuid(0)),
  entry(1, 3, uuid(1)),
  entry(2, 2, uuid(2)),
  entry(3, 3, uuid(1).toUpperCase()),
  entry(4, 9, uuid(4)),
].join('\n')

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'syncwire-streamed-'))
  const write = (name: string, text: string) => {
    const file = join(dir, name)
    writeFileSync(file, text)
    feeds.push(file)
  }
  for (const path of fixturesIn('sdata', '.xml')) {
    const text = fixture(path)
    if (SyncFeedXml.decode(text)._tag === 'Right') write(path.replace(/\W/g, '_'), text)
  }
  write('problems.xml', `${OPEN}<title>p</title><sync:syncMode>catchUp</sync:syncMode>${DIGEST}\n${BODY}\n</feed>`)
  // A byte-order mark, and problems on the first line: placed the same way (the mark is not a column).
  write('bom.xml', `\uFEFF${OPEN}${DIGEST.replace('Priority>1<', 'Priority>12<')}${BODY.replaceAll('\n', '')}</feed>`)
  write('late.xml', `${OPEN}<title>late</title>\n${BODY}\n<sync:syncMode>catchUp</sync:syncMode>${DIGEST}</feed>`)
  // A result entry after a source entry: checked as a result feed, as in memory.
  const result = entry(5, 5, uuid(5)).replace(
    '<entry>',
    '<entry xmlns:http="http://schemas.sage.com/sdata/http/2008/1"><http:httpStatus>201</http:httpStatus>',
  )
  write('mixed.xml', `${OPEN}${DIGEST}\n${BODY}\n${result}\n</feed>`)
  // Many entries, the digest last: the ticks kept for it grow their store.
  const many = Array.from({ length: 150 }, (_, i) => entry(i, i + 1, uuid(i))).join('\n')
  write('late-many.xml', `${OPEN}${many}\n<sync:syncMode>catchUp</sync:syncMode>${DIGEST}</feed>`)
  writeFileSync(
    join(dir, 'target.xml'),
    DigestXml.encode({
      entries: [{ endpoint: E, tick: 2, stamp: '2026-01-01T00:00:00Z' as Stamp, conflictPriority: 2 }],
    }),
  )
  writeFileSync(
    join(dir, 'states.json'),
    JSON.stringify({ states: { [uuid(2)]: { endpoint: 'http://t/a', tick: 1, stamp: '2026-01-01T00:00:05Z' } } }),
  )
})

afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
})

/** The report of each file, without the file's name (the streamed path prints the same lines, positions included). */
const unplaced = (json: string) =>
  JSON.parse(json).files.map((f: { problems: Array<{ line?: number; column?: number }> }) => ({ ...f, file: '' }))

describe('the CLI streamed path (over --max-size) gives the in-memory output', () => {
  it('has feeds to compare', () => expect(feeds.length).toBeGreaterThan(6))

  it('validate: the same summary, verdict and problems', async () => {
    for (const file of feeds) {
      for (const role of [[], ['--role', 'result']]) {
        const memory = await cli(runValidate, ['--summary', '--json', ...role, file])
        const stream = await cli(runValidate, ['--summary', '--json', ...role, ...streamed(file), file])
        expect(stream.code, file).toBe(memory.code)
        expect(unplaced(stream.out), file).toEqual(unplaced(memory.out))
      }
    }
    const file = join(dir, 'problems.xml')
    const problems = await cli(runValidate, ['--json', ...streamed(file), file])
    expect(problems.code).toBe(1)
    const placed = JSON.parse(problems.out).files[0].problems
    expect(placed.length).toBeGreaterThan(3)
    // Placed in the file, not at 1:1: each entry's problems are on that entry's line.
    for (const p of placed)
      if (/entry\[(\d+)\]/.test(p.path)) expect(p.line).toBe(Number(/entry\[(\d+)\]/.exec(p.path)![1]) + 1)
  })

  it('validate: generated feeds with warnings and errors, and a DOCTYPE, placed as in memory', async () => {
    // A DOCTYPE is not well-formed for syncwire: both paths report it at its own line and column.
    const doctype = join(dir, 'doctype.xml')
    writeFileSync(doctype, `<?xml version="1.0"?>\r\n<!DOCTYPE feed>\r\n${OPEN}\r\n${BODY}\r\n</feed>`)
    const memory = await cli(runValidate, ['--summary', '--json', doctype])
    expect(JSON.parse(memory.out).files[0].problems).toMatchObject([{ line: 2, column: 1, path: '' }])
    expect(unplaced((await cli(runValidate, ['--summary', '--json', ...streamed(doctype), doctype])).out)).toEqual(
      unplaced(memory.out),
    )
    const file = join(dir, 'generated-feed.xml')
    const other = 'http://example.com/sdata/other/-/accounts'
    const arbEntry = fc.record({
      tick: fc.integer({ min: 0, max: 7 }),
      uuid: fc.integer({ min: 0, max: 3 }),
      other: fc.boolean(),
      zoneless: fc.boolean(),
    })
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbEntry, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('first', 'last', 'none'),
        arbDecoration(),
        async (entries, digestAt, decorate) => {
          // Ticks that go back, repeat or reach the digest's, uuids again, stamps without a zone, an endpoint the
          // digest lacks; the digest before the entries, after them (checked at the end) or absent.
          const body = entries
            .map(({ tick, uuid: u, other: o, zoneless }, i) => {
              const text = entry(i, tick, uuid(u)).replace(`${E}</sync:endpoint>`, `${o ? other : E}</sync:endpoint>`)
              return zoneless ? text.replace(/(<sync:stamp>[^<]*)Z</, '$1<') : text
            })
            .join('')
          const digest = digestAt === 'none' ? '' : DIGEST
          const text = `${OPEN}${digestAt === 'first' ? digest : ''}${body}${digestAt === 'last' ? digest : ''}</feed>`
          writeFileSync(file, decorate(text))
          const memory = await cli(runValidate, ['--summary', '--json', file])
          const stream = await cli(runValidate, ['--summary', '--json', ...streamed(file), file])
          expect(stream.code).toBe(memory.code)
          expect(unplaced(stream.out)).toEqual(unplaced(memory.out))
          expect(JSON.parse(memory.out).files[0].problems.length).toBeGreaterThan(0)
        },
      ),
      { numRuns: 40 },
    )
  })

  it('validate: a refused encoding declaration is invalid XML at the declaration, whole or over the limit', async () => {
    // Each mark × a declaration it contradicts (none: UTF-16 declared without a mark, names nobody knows or that
    // are malformed). The value starts at column 31 of line 1 (the mark is not a column).
    const marks = { none: [], 'UTF-8': [0xef, 0xbb, 0xbf], 'UTF-16LE': [0xff, 0xfe], 'UTF-16BE': [0xfe, 0xff] }
    const refused: Array<[keyof typeof marks, string]> = [
      ['none', 'UTF-16'],
      ['none', 'x-no-such-encoding'],
      ['none', '8bit!'],
      ['UTF-8', 'ISO-8859-1'],
      ['UTF-8', 'UTF-16'],
      ['UTF-8', 'windows-1252'],
      ['UTF-16LE', 'UTF-8'],
      ['UTF-16LE', 'ISO-8859-1'],
      ['UTF-16BE', 'UTF-8'],
      ['UTF-16BE', 'Shift_JIS'],
    ]
    const file = join(dir, 'declared.xml')
    for (const [mark, declared] of refused) {
      const text = `<?xml version="1.0" encoding="${declared}"?>\n${OPEN}<title>t</title>\n${BODY}\n</feed>`
      const body = mark === 'UTF-16LE' || mark === 'UTF-16BE' ? Buffer.from(text, 'utf16le') : Buffer.from(text)
      writeFileSync(file, Buffer.concat([Buffer.from(marks[mark]), mark === 'UTF-16BE' ? body.swap16() : body]))
      const memory = await cli(runValidate, ['--summary', file])
      expect(memory.code, `${mark} ${declared}`).toBe(1)
      expect(memory.out, `${mark} ${declared}`).toMatch(
        new RegExp(
          `^${file.replace(/\W/g, '\\$&')}:1:31 - error not well-formed XML: .*${declared.replace(/\W/g, '\\$&')}`,
        ),
      )
      expect(memory.out).toContain(`${file}: not well-formed XML; invalid (1 error)\n`)
      // Over the limit, the same report: bytes whose encoding is refused are refused at any size.
      const stream = await cli(runValidate, ['--summary', ...streamed(file), file])
      expect(stream, `${mark} ${declared}`).toEqual(memory)
      const json = await cli(runValidate, ['--summary', '--json', file])
      expect(unplaced((await cli(runValidate, ['--summary', '--json', ...streamed(file), file])).out)).toEqual(
        unplaced(json.out),
      )
    }
  })

  it('validate, convert and conflicts: a malformed byte is named at the line:column and byte offset of memory', async () => {
    const file = join(dir, 'malformed.xml')
    const bytes = Buffer.from(`${OPEN}<title>t</title>\n${BODY}\n</feed>`)
    const at = bytes.lastIndexOf(Buffer.from('é'))
    bytes[at] = 0xff // "é" (C3 A9) becomes FF A9: not UTF-8
    writeFileSync(file, bytes)
    const message = `malformed UTF-8 at byte offset ${at} (bytes FF A9 3C 2F)`
    const place = `6:${BODY.split('\n')[4]!.indexOf('é') + 1}`
    // Read whole or streamed, the file is unreadable (exit 2), named at the same place; the streamed path has given
    // entries before the byte, but prints nothing of them.
    const memory = await cli(runValidate, [file])
    expect(memory.code).toBe(2)
    expect(memory.err).toContain(`${file}: ${place}: ${message}`)
    const stream = await cli(runValidate, [...streamed(file), file])
    expect(stream).toEqual({ code: 2, out: '', err: memory.err })
    const json = await cli(runConvert, [file, '--to', 'json', ...streamed(file)])
    expect(json.code).toBe(2)
    expect(json.err).toContain(`${file}: ${place}: ${message}`)
    const target = join(dir, 'target.xml')
    const conflicts = await cli(runConflicts, ['--target-digest', target, ...streamed(file), file])
    expect(conflicts.code).toBe(2)
    expect(conflicts.err).toContain(`${file}: ${place}: ${message}`)
  })

  it('validate: a digest after the entries places what it finds at the field it concerns, tick 0 included', async () => {
    // The digest's tick is 0: an entry's tick 0 equals it (a warning at the tick), and an endpoint it lacks (a warning
    // at the endpoint); both placed at that element of the entry, as in memory.
    const other = 'http://example.com/sdata/other/-/accounts'
    const zero = DIGEST.replace('<sync:tick>6</sync:tick>', '<sync:tick>0</sync:tick>')
    const body = [
      entry(0, 0, uuid(0)),
      entry(1, 1, uuid(1)).replace(`${E}</sync:endpoint>`, `${other}</sync:endpoint>`),
    ]
    const file = join(dir, 'late-zero.xml')
    writeFileSync(file, `${OPEN}\n${body.join('\n')}\n<sync:syncMode>catchUp</sync:syncMode>${zero}</feed>`)
    const memory = await cli(runValidate, ['--json', file])
    const stream = await cli(runValidate, ['--json', ...streamed(file), file])
    expect(unplaced(stream.out)).toEqual(unplaced(memory.out))
    const column = (i: number, tag: string) => entry(i, i, uuid(i)).indexOf(tag) + 1
    const problems = JSON.parse(stream.out).files[0].problems
    const tick0 = {
      severity: 'warning',
      path: '/feed/entry[1]/sync:syncState/tick',
      line: 2,
      column: column(0, '<sync:tick>'),
    }
    expect(problems.filter((p: { path: string }) => /sync:syncState/.test(p.path))).toStrictEqual([
      { ...tick0, message: 'tick is 0 (absent or zero); SIF drops zero ticks, so writers should start at 1' },
      {
        severity: 'warning',
        path: '/feed/entry[1]/sync:syncState/tick',
        message: "tick 0 equals the digest's tick; a digest tick is the next one not yet used",
        line: 2,
        column: column(0, '<sync:tick>'),
      },
      {
        severity: 'warning',
        path: '/feed/entry[2]/sync:syncState/endpoint',
        message: `endpoint "${other}" is not in the feed's digest`,
        line: 3,
        column: column(1, '<sync:endpoint>'),
      },
    ])
  })

  it('validate: a problem is placed at the element its path names, not at an extension of the same local name', async () => {
    // Extension elements of the modelled elements' local names come first: x:digest before sync:digest, x:syncState
    // (with an x:tick of 0) before the sync state; the second entry writes the sync namespace with its own prefix.
    const SYNC = 'http://schemas.sage.com/sdata/sync/2008/1'
    const digest = `<x:digest><x:digestEntry><x:conflictPriority>1</x:conflictPriority></x:digestEntry></x:digest>${DIGEST.replace('Priority>1<', 'Priority>12<')}`
    const lines = [
      OPEN.replace('<feed ', '<feed xmlns:x="urn:x" '),
      `<sync:syncMode>catchUp</sync:syncMode>${digest}`,
      entry(0, 0, uuid(0)).replace('<sync:syncState>', '<x:syncState><x:tick>0</x:tick></x:syncState><sync:syncState>'),
      entry(1, 1, uuid(1))
        .replace('<entry>', `<entry xmlns:s="${SYNC}">`)
        .replace('<sync:syncState>', '<x:syncState><x:stamp>x</x:stamp></x:syncState><sync:syncState>')
        .replace(/sync:(syncState|endpoint|tick|stamp)>/g, 's:$1>')
        .replace(/(<s:stamp>[^<]*)Z</, '$1<'),
      '</feed>',
    ]
    const file = join(dir, 'extensions.xml')
    writeFileSync(file, lines.join('\n'))
    const at = (line: number, tag: string) => ({ line: line + 1, column: lines[line]!.indexOf(tag) + 1 })
    const memory = await cli(runValidate, ['--json', file])
    const stream = await cli(runValidate, ['--json', ...streamed(file), file])
    expect(unplaced(stream.out)).toEqual(unplaced(memory.out))
    const placed = (out: string) =>
      JSON.parse(out).files[0].problems.map((p: { path: string; line: number; column: number }) => ({
        path: p.path,
        line: p.line,
        column: p.column,
      }))
    const expected = [
      { path: '/feed/sync:digest/digestEntry[1]/conflictPriority', ...at(1, '<sync:conflictPriority>') },
      { path: '/feed/entry[1]/sync:syncState/tick', ...at(2, '<sync:tick>') },
      { path: '/feed/entry[2]/sync:syncState/stamp', ...at(3, '<s:stamp>') },
    ]
    expect(placed(memory.out)).toEqual(expected)
    expect(placed(stream.out)).toEqual(expected)
  })

  it('convert: the same JSON, and back the same XML', async () => {
    for (const file of feeds) {
      const memory = await cli(runConvert, [file, '--to', 'json'])
      const stream = await cli(runConvert, [file, '--to', 'json', ...streamed(file)])
      expect(stream, file).toEqual(memory)
      const json = `${file}.json`
      writeFileSync(json, padded(memory.out))
      const back = await cli(runConvert, [json, '--to', 'xml'])
      // The envelope over --max-size streams back to the same XML.
      expect(await cli(runConvert, [json, '--to', 'xml', ...streamed(json)]), file).toEqual(back)
      const value = SyncFeedJson.decode(JSON.parse(memory.out).value)
      if (value._tag === 'Left') throw new Error(`${file}: the envelope does not decode`)
      let chunked = ''
      const write = (t: string) => {
        chunked += t
      }
      await feedToXml(value.right, { out: write, err: () => undefined, color: false })
      expect(chunked, file).toBe(back.out)
      expect(SyncFeedXml.decode(back.out)).toEqual(SyncFeedXml.decode(readFileSync(file, 'utf8')))
    }
  })

  it('conflicts: the same table and JSON, a digest after the entries included', async () => {
    const target = join(dir, 'target.xml')
    const states = join(dir, 'states.json')
    for (const file of feeds) {
      for (const flags of [['--last-page'], ['--json', '--last-page'], ['--json']]) {
        const args = ['--target-digest', target, '--target-states', states, ...flags]
        const memory = await cli(runConflicts, [...args, file])
        const stream = await cli(runConflicts, [...args, ...streamed(file), file])
        expect(stream, file).toEqual(memory)
      }
    }
    const late = await cli(runConflicts, ['--json', '--target-digest', target, join(dir, 'late.xml')])
    expect(JSON.parse(late.out).pages[0].decisions).toHaveLength(5)
  })
})

// FILESYNC listings with problems at every depth: a nested folder's items, a bad GUID, an Update without ETag, a
// missing ResourceID in a listing, an unknown item, fields after Items; and an Items root (a write request).
const GUID = (n: number) => `${String(n).padStart(8, '0')}aaaa4bbb8ccc000000000000`
const DOC = (name: string, id: string, extra = '') =>
  `<Document><ResourceID>${id}</ResourceID><RelationshipName>${name}</RelationshipName>${extra}</Document>`
const LISTINGS: Record<string, string> = {
  'nested.xml':
    `<Folder><ResourceID>${GUID(1)}</ResourceID><Items>\n  ${DOC('a é.txt', GUID(2))}\n  <Folder><ResourceID>${GUID(3)}</ResourceID>` +
    `<Items>${DOC('b', 'not-a-guid')}<Folder><Items>${DOC('c', GUID(4), '<WriteMode>Update</WriteMode>')}</Items>` +
    `<QuotaState>Odd</QuotaState></Folder><x:thing xmlns:x="urn:x"/>${DOC('d', GUID(5))}</Items>` +
    `<RelationshipName>sub</RelationshipName></Folder>\n  <Document><RelationshipName>no id</RelationshipName></Document>` +
    `\n  <Folder><ResourceID>${GUID(6)}</ResourceID><Items/></Folder>\n</Items><RelationshipName>RootFolder</RelationshipName>` +
    `<QuotaState>Normal</QuotaState></Folder>`,
  'request.xml':
    `<Items>${DOC('n', GUID(7), '<WriteMode>Create</WriteMode>')}<Folder><WriteMode>Update</WriteMode><Items>` +
    `${DOC('m', GUID(8), '<WriteMode>Odd</WriteMode>')}</Items></Folder><Document><WriteMode>Create</WriteMode></Document></Items>`,
  'empty.xml': '<Folder><RelationshipName>RootFolder</RelationshipName></Folder>',
}

async function sameAsInMemory(file: string): Promise<void> {
  const memory = await cli(runValidate, ['--summary', '--json', file])
  const stream = await cli(runValidate, ['--summary', '--json', ...streamed(file), file])
  expect(stream.code, file).toBe(memory.code)
  expect(unplaced(stream.out), file).toEqual(unplaced(memory.out))
  const json = await cli(runConvert, [file, '--to', 'json'])
  expect(await cli(runConvert, [file, '--to', 'json', ...streamed(file)]), file).toEqual(json)
  if (json.code !== 0) return
  writeFileSync(`${file}.json`, padded(json.out))
  const back = await cli(runConvert, [`${file}.json`, '--to', 'xml'])
  expect(back.code, file).toBe(0)
  expect(await cli(runConvert, [`${file}.json`, '--to', 'xml', ...streamed(`${file}.json`)]), file).toEqual(back)
}

describe('the CLI streamed path of FILESYNC listings (over --max-size) gives the in-memory output', () => {
  it('validate and convert --to json: problems at every depth, both roots, the corpus', async () => {
    const files = Object.entries(LISTINGS).map(([name, text]) => {
      writeFileSync(join(dir, name), text)
      return join(dir, name)
    })
    for (const path of fixturesIn('filesync', '.xml')) {
      const text = fixture(path)
      if (FileSyncXml.decode(text)._tag === 'Right') {
        files.push(join(dir, path.replace(/\W/g, '_')))
        writeFileSync(files[files.length - 1]!, text)
      }
    }
    expect(files.length).toBeGreaterThan(8)
    for (const file of files) await sameAsInMemory(file)
    // Streamed, each problem is where the element it names is: the text there is that element's start tag.
    const nested = join(dir, 'nested.xml')
    const problems = JSON.parse((await cli(runValidate, ['--json', ...streamed(nested), nested])).out).files[0].problems
    expect(problems.length).toBeGreaterThan(4)
    const lines = LISTINGS['nested.xml']!.split('\n')
    for (const p of problems) {
      const name = /([^/[]+)(?:\[\d+\])?$/.exec(p.path)![1]
      expect(lines[p.line - 1]!.slice(p.column - 1).startsWith(`<${name}>`), `${p.path} at ${p.line}:${p.column}`).toBe(
        true,
      )
    }
    expect(new Set(problems.map((p: { line: number }) => p.line)).size).toBeGreaterThan(1)
  })

  it('validate and convert --to json: generated documents, nested and flat', async () => {
    const file = join(dir, 'generated.xml')
    await fc.assert(
      fc.asyncProperty(arbFileSyncDocument({ maxItems: 3 }), async (document: FileSyncDocument) => {
        // A last new line: the root's start tag alone (`<Items/>`) then stays under the size limit of the streamed path.
        writeFileSync(file, `${FileSyncXml.encode(document)}\n`)
        await sameAsInMemory(file)
      }),
      { numRuns: 25 },
    )
  })

  it('a malformed or undecodable listing fails the same way', async () => {
    for (const [name, text] of [
      ['cut.xml', LISTINGS['nested.xml']!.slice(0, 400)],
      ['bad-size.xml', `<Folder><Items><Folder><TotalSubItemSize>x</TotalSubItemSize></Folder></Items></Folder>`],
    ] as const) {
      const file = join(dir, name)
      writeFileSync(file, text)
      const memory = await cli(runValidate, ['--json', file])
      const stream = await cli(runValidate, ['--json', ...streamed(file), file])
      expect(stream.code, name).toBe(1)
      expect(unplaced(stream.out), name).toEqual(unplaced(memory.out))
      const json = await cli(runConvert, [file, '--to', 'json', ...streamed(file)])
      expect(json.code, name).toBe(1)
      expect(json.err, name).toBe((await cli(runConvert, [file, '--to', 'json'])).err)
    }
  })

  it('text waiting for its place moves out whole, from memory or from its file', () => {
    const text = Array.from({ length: 300 }, (_, i) => `"item ${i} é€😀",\n`)
    for (const limit of [1 << 20, 7, 1]) {
      const spill = new Spill(limit)
      for (const t of text) spill.write(t)
      let out = ''
      spill.moveTo({ write: (t) => (out += t) })
      expect(out).toBe(text.join(''))
      spill.write('again')
      out = ''
      spill.moveTo({ write: (t) => (out += t) })
      expect(out).toBe('again')
      spill.close()
    }
  })
})

describe('convert --to xml of a large envelope streams it, checked whole before it writes', () => {
  const envelope = (kind: string, value: unknown) =>
    `${JSON.stringify({ $syncwire: 'syncwire-document/1', kind, value }, null, 2)}\n`
  const cases: Array<[string, string]> = [
    [
      'bad-entry.json',
      envelope('feed', {
        $syncMode: 'catchUp',
        $resources: [{ $uuid: 'c4411795-9943-4cf4-8705-000000000001' }, { $syncState: { tick: -1 } }],
      }),
    ],
    ['bad-head.json', envelope('feed', { $syncMode: 'sometimes', $resources: [{}] })],
    [
      'bad-item.json',
      envelope('filesync', {
        root: 'Folder',
        folder: { kind: 'Folder', items: [{ kind: 'Document' }, { kind: 'Document', documentStreams: 5 }] },
      }),
    ],
    ['not-json.json', `${envelope('feed', { $resources: [{}, {}] }).slice(0, -12)}, }\n`],
    ['truncated.json', envelope('filesync', { root: 'Items', items: [{ kind: 'Document' }] }).slice(0, 90)],
  ]

  it('fails as the in-memory path does, and writes nothing', async () => {
    for (const [name, text] of cases) {
      const file = join(dir, name)
      writeFileSync(file, text)
      const memory = await cli(runConvert, [file, '--to', 'xml'])
      const stream = await cli(runConvert, [file, '--to', 'xml', ...streamed(file)])
      expect(memory.code, name).not.toBe(0)
      expect(stream.code, name).toBe(memory.code)
      expect(stream.out, name).toBe('')
      // JSON syntax: the streamed reader names the place itself (JSON.parse's wording is the runtime's).
      if (name === 'not-json.json' || name === 'truncated.json')
        expect(stream.err, name).toMatch(/not JSON at \d+:\d+: /)
      else expect(stream.err, name).toBe(memory.err)
    }
  })
})

describe('UTF-16 files over --max-size stream as UTF-8 files do', () => {
  /** `text` in UTF-16 with its byte-order mark: little-endian or big-endian. */
  const utf16 = (text: string, order: 'LE' | 'BE') => {
    const le = Buffer.from(text, 'utf16le')
    return order === 'LE'
      ? Buffer.concat([Buffer.from([0xff, 0xfe]), le])
      : Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()])
  }
  const DECLARED = '<?xml version="1.0" encoding="UTF-16"?>\n'
  // A feed with problems (and characters past ASCII), a nested listing with problems, an Items root; with and
  // without a declaration.
  const documents: Record<string, string> = {
    feed: `${OPEN}<title>p é</title><sync:syncMode>catchUp</sync:syncMode>${DIGEST}\n${BODY}\n</feed>`,
    'declared-feed': `${DECLARED}${OPEN}<title>late</title>\n${BODY}\n<sync:syncMode>catchUp</sync:syncMode>${DIGEST}</feed>`,
    listing: LISTINGS['nested.xml']!,
    'declared-request': `${DECLARED}${LISTINGS['request.xml']!}`,
  }
  const files: string[] = []
  beforeAll(() => {
    for (const [name, text] of Object.entries(documents)) {
      for (const order of ['LE', 'BE'] as const) {
        const file = join(dir, `utf16${order}-${name}.xml`)
        writeFileSync(file, utf16(text, order))
        files.push(file)
      }
    }
  })

  it('validate: the same summary, verdict and problems as the whole file read', async () => {
    for (const file of files) {
      const memory = await cli(runValidate, ['--summary', '--json', file])
      const stream = await cli(runValidate, ['--summary', '--json', ...streamed(file), file])
      expect(JSON.parse(memory.out).files[0].problems.length, file).toBeGreaterThan(0)
      expect(stream.code, file).toBe(memory.code)
      expect(unplaced(stream.out), file).toEqual(unplaced(memory.out))
    }
  })

  it('convert: the same JSON, and its envelope in UTF-16 back to the same XML', async () => {
    for (const file of files) {
      const memory = await cli(runConvert, [file, '--to', 'json'])
      expect(memory.code, file).toBe(0)
      expect(await cli(runConvert, [file, '--to', 'json', ...streamed(file)]), file).toEqual(memory)
      for (const order of ['LE', 'BE'] as const) {
        const json = `${file}.${order}.json`
        writeFileSync(json, utf16(padded(memory.out), order))
        const back = await cli(runConvert, [json, '--to', 'xml'])
        expect(back.code, json).toBe(0)
        expect(await cli(runConvert, [json, '--to', 'xml', ...streamed(json)]), json).toEqual(back)
      }
    }
  })

  it('conflicts: the same table and JSON', async () => {
    const args = ['--target-digest', join(dir, 'target.xml'), '--target-states', join(dir, 'states.json')]
    for (const file of files.filter((f) => f.endsWith('feed.xml'))) {
      for (const flags of [['--last-page'], ['--json']]) {
        const memory = await cli(runConflicts, [...args, ...flags, file])
        expect(memory.code, file).toBe(0)
        expect(await cli(runConflicts, [...args, ...flags, ...streamed(file), file]), file).toEqual(memory)
      }
    }
  })
})

describe('bytes that are not text make a file unreadable (exit 2), streamed as read whole', () => {
  // A byte no UTF-8 text holds, and a lone UTF-16 surrogate, inside a feed's title and a listing's name; a JSON
  // envelope with such a byte inside its entries.
  const malformed = (text: string, at: string, encoding: 'utf-8' | 'utf-16le') => {
    const [before, after] = [text.slice(0, text.indexOf(at)), text.slice(text.indexOf(at))]
    return encoding === 'utf-8'
      ? Buffer.concat([Buffer.from(before), Buffer.from([0xe9]), Buffer.from(after)])
      : Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from(before, 'utf16le'),
          Buffer.from([0x00, 0xd8]),
          Buffer.from(after, 'utf16le'),
        ])
  }
  const offsetOf = (line: string) => /malformed UTF-(?:8|16LE) at byte offset \d+/.exec(line)?.[0]

  it('validate, convert and conflicts give exit code 2 and the same malformed byte', async () => {
    const feed = `${OPEN}<title>p</title>${DIGEST}\n${BODY}\n</feed>`
    const cases: Array<[string, Buffer, boolean]> = []
    for (const encoding of ['utf-8', 'utf-16le'] as const) {
      cases.push([`feed-${encoding}.xml`, malformed(feed, 'Account 3', encoding), true])
      cases.push([`listing-${encoding}.xml`, malformed(LISTINGS['nested.xml']!, 'a é', encoding), false])
    }
    for (const [name, bytes, isFeed] of cases) {
      const file = join(dir, `malformed-${name}`)
      writeFileSync(file, bytes)
      const runs: Array<[(args: string[], io: never) => Promise<number>, string[]]> = [
        [runValidate, ['--json', file]],
        [runConvert, [file, '--to', 'json']],
        ...(isFeed ? [[runConflicts, ['--target-digest', join(dir, 'target.xml'), file]] as const] : []),
      ] as Array<[(args: string[], io: never) => Promise<number>, string[]]>
      for (const [run, args] of runs) {
        const memory = await cli(run, args)
        const stream = await cli(run, [...streamed(file), ...args])
        expect(memory.code, `${name} ${args[0]}`).toBe(2)
        expect(stream.code, `${name} ${args[0]}`).toBe(2)
        const said = (r: { out: string; err: string }) =>
          run === runValidate ? JSON.parse(r.out).files[0].error : r.err.split('\n')[0]
        expect(offsetOf(said(memory)), name).toBeDefined()
        expect(offsetOf(said(stream)), name).toBe(offsetOf(said(memory)))
      }
    }
  })

  it('convert --to xml of a JSON envelope gives exit code 2 and the malformed byte, not an internal error', async () => {
    const feed = join(dir, 'malformed-source.xml')
    writeFileSync(feed, `${OPEN}<title>p</title>${DIGEST}\n${BODY}\n</feed>`)
    const json = (await cli(runConvert, [feed, '--to', 'json'])).out
    const file = join(dir, 'malformed-envelope.json')
    writeFileSync(file, malformed(padded(json), 'Account 3', 'utf-8'))
    const memory = await cli(runConvert, [file, '--to', 'xml'])
    const stream = await cli(runConvert, [file, '--to', 'xml', ...streamed(file)])
    expect(memory.code).toBe(2)
    expect(stream).toMatchObject({ code: 2, out: '' })
    expect(stream.err).toMatch(new RegExp(`^syncwire convert: ${file.replace(/\W/g, '\\$&')}: .*malformed UTF-8`))
    expect(offsetOf(stream.err)).toBe(offsetOf(memory.err))
  })
})
