// `npm run demo` (scripts/demo.mjs over the built CLI and examples/): it completes, reads as six steps, every
// bundled FILESYNC capture and SData sample gets a summary line, and the catch-up step shows every decision reason
// of sdata-sync §5.4 in the table.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import { ensureBuilt, ROOT } from './helpers'

beforeAll(ensureBuilt)

const xmlIn = (folder: string): string[] =>
  readdirSync(join(ROOT, 'examples', folder))
    .filter((name) => name.endsWith('.xml'))
    .sort()
    .map((name) => `examples/${folder}/${name}`)

it('the demo tells its story in six steps and shows all eight decision reasons', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'demo.mjs')], { cwd: ROOT, encoding: 'utf8' })
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
  const headings = r.stdout.split('\n').filter((l) => /^\d\. /.test(l))
  expect(headings).toEqual([
    '1. Check captured OneDrive/SharePoint traffic',
    '2. The SData samples of the spec and of real clients',
    '3. A document with mistakes',
    '4. From XML to typed JSON and back',
    '5. A catch-up sync, decision by decision',
    '6. When changes go missing',
  ])
  const table = r.stdout.slice(r.stdout.indexOf('$ syncwire conflicts'), r.stdout.indexOf('== new target digest'))
  const reasons = table
    .split('\n')
    .filter((l) => /^[0-9a-f]{8}-/.test(l))
    .map((l) => l.trim().split(/\s+/).at(-1))
  expect(reasons.sort()).toEqual(
    [
      'new-resource',
      'priority',
      'same-endpoint-newer',
      'same-endpoint-stale',
      'source-has-seen-target',
      'stamp',
      'target-has-seen-source',
      'tie-break',
    ].sort(),
  )
  expect(r.stdout).toContain('gap in immediate mode')

  // Steps 1 and 2: one summary line per bundled document, in file order, each with its verdict.
  const lines = r.stdout.split('\n')
  const summaries = (files: string[]) =>
    files.map((file) => {
      const found = lines.filter((l) => l.startsWith(`${file}: `))
      expect(found, file).toHaveLength(1)
      return found[0]!
    })
  const captures = xmlIn('filesync')
  expect(captures).toHaveLength(12)
  const fileSync = summaries(captures)
  for (const line of fileSync) expect(line).toMatch(/: FILESYNC (Folder|write request|write response) .*; valid$/)
  expect(fileSync).toContain(
    'examples/filesync/spo-2025-06-changes-document-created.response.xml: FILESYNC Folder /RootFolder — 1 Document (save_flow.cpython-312.pyc, 4,532 bytes), quota Normal; valid',
  )
  expect(fileSync).toContain(
    'examples/filesync/spo-2025-09-write-document-update.request-part.xml: FILESYNC write request (Items) — Update: 1 Document (mitm-2025-11-08.jsonl, 125,498 bytes); valid',
  )
  expect(r.stdout).toContain('12 files: 12 valid, 0 invalid\n[exit code 0]')
  const samples = xmlIn('sdata/samples')
  expect(samples).toHaveLength(14)
  const sdata = summaries(samples)
  for (const line of sdata) expect(line).toMatch(/: SData .*; (valid|invalid)( \(.*\))?$/)
  expect(sdata).toContain(
    'examples/sdata/samples/spec-4.4_sync-feed_catchUp.xml: SData sync feed (catchUp) — 2 entries from 2 endpoints, source digest of 3 endpoints; valid (2 warnings)',
  )
  // The two plain (non-sync) feeds of client libraries are the only invalid samples, as step 2 says.
  expect(sdata.filter((l) => l.includes('; invalid')).map((l) => l.slice(0, l.indexOf(': ')))).toEqual([
    'examples/sdata/samples/DotNetSDataClient_diagnoses_nested-and-unnested.xml',
    'examples/sdata/samples/SDataCSharpClientLib_TestFeed_real-adapter-output_opensearch.xml',
  ])
  expect(r.stdout).toContain('14 files: 12 valid, 2 invalid\n[exit code 1]')
  expect(r.stdout).not.toContain('\u001b[')
})
