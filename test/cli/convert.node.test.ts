// `syncwire convert`: the JSON envelope, the SData JSON mapping, and a lossless round trip XML → JSON → XML on
// every fixture and example that decodes (the value decoded from the result equals the value of the original).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { detectKind, KIND_SPECS, type Kind } from '../../src/cli/kinds'
import { parseXml } from '../../src/xml/index'
import { ensureBuilt, oneLine, ROOT, syncwire } from './helpers'

beforeAll(ensureBuilt)

// One document of each kind and shape through the built CLI (each spawn costs); every fixture in-process below.
const documents = [
  'fixtures/filesync/spo-2025-06-changes-document-created.response.xml',
  'fixtures/filesync/spo-2025-09-write-document-update.request-part.xml',
  'fixtures/filesync/consumer-2017-windows-settings-write.request-part.xml',
  'examples/sdata/catch-up-page-1.xml',
  'fixtures/sdata/spec-5.3_syncTarget-result-feed.xml',
  'fixtures/sdata/spec-5.1_syncDigest-GET-response-entry.xml',
  'fixtures/sdata/spec-4.2_digest.xml',
  'fixtures/sdata/spec-4.3_syncState.xml',
  'fixtures/sdata/DotNetSDataClient_diagnoses_nested-and-unnested.xml',
  'fixtures/sdata/Sage50-issue17_diagnosis-response_TRUNCATED.xml',
  'fixtures/sdata/spec-5.2_tracking-202-response.xml',
]

function decodeAs(kind: Kind, xml: string): unknown {
  const r = KIND_SPECS[kind].xml.decode(xml)
  return r._tag === 'Right' ? r.right : r.left
}

describe('syncwire convert', () => {
  it('wraps the typed value in an envelope naming the kind (SData: the JSON mapping)', () => {
    const r = syncwire(['convert', 'fixtures/sdata/spec-4.3_syncState.xml', '--to', 'json'])
    expect(r.code).toBe(0)
    const envelope = JSON.parse(r.stdout)
    expect(envelope).toMatchObject({ $syncwire: 'syncwire-document/1', kind: 'sync-state' })
    expect(Object.keys(envelope.value).sort()).toEqual(expect.arrayContaining(['endpoint', 'stamp', 'tick']))
    const feed = JSON.parse(syncwire(['convert', 'examples/sdata/catch-up-page-1.xml', '--to', 'json']).stdout)
    expect(feed.kind).toBe('feed')
    expect(feed.value.$resources).toHaveLength(5)
  })

  it.each(documents)('XML → JSON → XML gives a document that decodes to the same value: %s', (file) => {
    const json = syncwire(['convert', file, '--to', 'json'])
    expect(json.code, json.stderr).toBe(0)
    const xml = syncwire(['convert', '-', '--to', 'xml'], { input: json.stdout })
    expect(xml.code, xml.stderr).toBe(0)
    const kind = JSON.parse(json.stdout).kind as Kind
    expect(decodeAs(kind, xml.stdout)).toEqual(decodeAs(kind, readFileSync(join(ROOT, file), 'utf8')))
  })

  it('the JSON mapping of every fixture and example that decodes is lossless (in-process, same code as the CLI)', () => {
    const files = ['fixtures/filesync', 'fixtures/sdata', 'examples/sdata', 'examples/filesync'].flatMap((d) =>
      readdirSync(join(ROOT, d))
        .filter((f) => f.endsWith('.xml'))
        .map((f) => join(ROOT, d, f)),
    )
    let checked = 0
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      const parsed = parseXml(text)
      if (parsed._tag === 'Left') continue
      const kind = detectKind(parsed.right.root)
      if (kind === undefined) continue
      const spec = KIND_SPECS[kind]
      const value = spec.xml.decode(text)
      if (value._tag === 'Left') continue
      const json = JSON.parse(JSON.stringify(spec.json.encode(value.right)))
      const back = spec.json.decode(json)
      expect(back._tag, file).toBe('Right')
      if (back._tag === 'Right') expect(decodeAs(kind, spec.xml.encode(back.right)), file).toEqual(value.right)
      checked++
    }
    expect(checked).toBeGreaterThanOrEqual(30)
  })

  it('keeps FILESYNC byte fields as { "$hex": … } and brings them back', () => {
    const r = syncwire([
      'convert',
      'fixtures/filesync/spo-2025-09-write-document-update.request-part.xml',
      '--to',
      'json',
    ])
    expect(r.stdout).toMatch(/"\$hex": "[0-9a-f]+"/)
  })

  it('reports input that does not decode with its path, and bad envelopes, with exit 1', () => {
    const notXml = syncwire(['convert', 'fixtures/sdata/core-3.10_diagnosis_fragment.xml', '--to', 'json'])
    expect(notXml.code).toBe(1)
    expect(oneLine(notXml.stderr)).toMatch(/core-3\.10_diagnosis_fragment\.xml: 1:2 unbound namespace prefix sdata/)
    const missing = syncwire([
      'convert',
      'fixtures/sdata/DotNetSDataClient_syncState-entry_stamp-without-timezone.xml',
      '--to',
      'json',
    ])
    expect(missing.code).toBe(1)
    expect(oneLine(missing.stderr)).toMatch(
      /: \/entry\/sync:syncState\/endpoint missing required element sync:endpoint$/,
    )
    const cases: Array<[string, RegExp]> = [
      ['{"kind": "digest", "value": {}}', /\$ not a syncwire envelope/],
      ['{"$syncwire": "syncwire-document/1", "kind": "pdf", "value": {}}', /\$\.kind unknown kind "pdf"/],
      [
        '{"$syncwire": "syncwire-document/1", "kind": "digest", "value": {"digestEntry": [{"tick": "x"}]}}',
        /<stdin>: \/value\/digestEntry\/0\/\S+ /,
      ],
      [
        '{"$syncwire": "syncwire-document/1", "kind": "filesync", "value": {"root": "Nope"}}',
        /expected \{ root: "Folder", folder \}/,
      ],
      ['{ "$syncwire": ', /<stdin>: \/\$syncwire not JSON at 1:16: the text ends too early$/],
    ]
    for (const [input, message] of cases) {
      const r = syncwire(['convert', '-', '--to', 'xml'], { input })
      expect(r.code, input).toBe(1)
      expect(oneLine(r.stderr)).toMatch(message)
    }
  })

  it('tells which way to convert when the input is already in the target format', () => {
    expect(oneLine(syncwire(['convert', '-', '--to', 'json'], { input: '{"a": 1}' }).stderr)).toMatch(
      /is JSON already; use --to xml/,
    )
    expect(oneLine(syncwire(['convert', '-', '--to', 'xml'], { input: '<a/>' }).stderr)).toMatch(
      /is not JSON; use --to json/,
    )
  })
})
