// `syncwire conflicts` over the hand-made catch-up story in examples/sdata (every decision reason once), the JSON
// form, target states as JSON or as a feed, the merged digest, and the gap that immediate mode refuses.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DigestXml } from '../../src/sdata/index'
import { ensureBuilt, oneLine, syncwire } from './helpers'

let dir: string
beforeAll(() => {
  ensureBuilt()
  dir = mkdtempSync(join(tmpdir(), 'syncwire-conflicts-'))
})
afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
})

const CRM = 'http://www.example.com/sdata/crm/accounts/-/accounts'
const ERP = 'http://www.example.com/sdata/erp/accounts/-/accounts'
const SHOP = 'http://www.example.com/sdata/webshop/accounts/-/accounts'
const story = [
  'conflicts',
  '--target-digest',
  'examples/sdata/target-digest.xml',
  '--target-states',
  'examples/sdata/target-states.json',
  '--last-page',
  'examples/sdata/catch-up-page-1.xml',
  'examples/sdata/catch-up-page-2.xml',
]
const uuid = (n: number) => `0000000${n}-5eed-4a11-8c0d-00000000000${n}`

describe('syncwire conflicts', () => {
  it('--json: every decision of the two pages, in order, with source, target state, action, conflict, reason', () => {
    const r = syncwire([...story, '--json'])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    const rows = out.pages.flatMap((p: { decisions: unknown[] }) => p.decisions)
    expect(
      rows.map((d: { uuid: string; action: string; conflict: boolean; reason: string }) => [
        d.uuid,
        d.action,
        d.conflict,
        d.reason,
      ]),
    ).toEqual([
      [uuid(3), 'ignore', false, 'same-endpoint-stale'],
      [uuid(1), 'apply', false, 'new-resource'],
      [uuid(2), 'apply', false, 'same-endpoint-newer'],
      [uuid(4), 'apply', false, 'source-has-seen-target'],
      [uuid(5), 'ignore', false, 'target-has-seen-source'],
      [uuid(6), 'apply', true, 'priority'],
      [uuid(7), 'apply', true, 'stamp'],
      [uuid(8), 'apply', true, 'tie-break'],
    ])
    expect(rows[0]).toEqual({
      uuid: uuid(3),
      source: { endpoint: CRM, tick: 10, stamp: '2026-03-01T15:00:00Z' },
      target: { endpoint: CRM, tick: 11, stamp: '2026-03-01T16:00:00Z' },
      action: 'ignore',
      conflict: false,
      reason: 'same-endpoint-stale',
      deleted: false,
    })
    expect(rows[1].target).toBeNull()
    expect(out.pages.map((p: { merged: boolean; file: string }) => [p.file, p.merged])).toEqual([
      ['examples/sdata/catch-up-page-1.xml', false],
      ['examples/sdata/catch-up-page-2.xml', true],
    ])
    // §5.5: the source digest (crm 21, erp 8, webshop 12) merged into the target's (erp 14, crm 12, webshop 10).
    expect(out.digest.entries.map((e: { endpoint: string; tick: number }) => [e.endpoint, e.tick])).toEqual([
      [ERP, 14],
      [CRM, 21],
      [SHOP, 12],
    ])
    expect(out.states[uuid(1)]).toEqual({ endpoint: CRM, tick: 12, stamp: '2026-03-02T08:00:00Z' })
  })

  it('prints a table per page and the new digest as XML that DigestXml decodes to the JSON digest', () => {
    const r = syncwire(story)
    expect(r.code).toBe(0)
    const json = JSON.parse(syncwire([...story, '--json']).stdout)
    expect(r.stdout).toMatch(
      /^== endpoints\n {2}crm {10}http:\/\/www\.example\.com\/sdata\/crm\/accounts\/-\/accounts\n/,
    )
    expect(r.stdout).toContain(
      'uuid                                  source (endpoint #tick)  target state  action  conflict  reason\n',
    )
    expect(r.stdout).toMatch(
      /00000003-5eed-4a11-8c0d-000000000003 +crm #10 +crm #11 +ignore +no +same-endpoint-stale\n/,
    )
    expect(r.stdout).toMatch(
      /00000008-5eed-4a11-8c0d-000000000008 +crm #16 +erp #12 \(deleted\) +apply +yes +tie-break\n/,
    )
    const xml = r.stdout.slice(r.stdout.indexOf('== new target digest\n') + '== new target digest\n'.length)
    const decoded = DigestXml.decode(xml)
    expect(decoded._tag === 'Right' ? decoded.right : decoded.left).toEqual(json.digest)
  })

  it('without --last-page the catch-up digest is not merged; without states every entry is a new resource', () => {
    const out = JSON.parse(
      syncwire([
        'conflicts',
        '--json',
        '--target-digest',
        'examples/sdata/target-digest.xml',
        'examples/sdata/catch-up-page-1.xml',
      ]).stdout,
    )
    expect(out.pages[0].merged).toBe(false)
    expect(out.pages[0].decisions.every((d: { reason: string }) => d.reason === 'new-resource')).toBe(true)
    expect(out.digest.entries.find((e: { endpoint: string }) => e.endpoint === CRM).tick).toBe(15)
  })

  it('reads target states from a feed too: replaying a page against the states it carries changes nothing', () => {
    const page = 'examples/sdata/catch-up-page-1.xml'
    const r = syncwire([
      'conflicts',
      '--json',
      '--target-digest',
      'examples/sdata/target-digest.xml',
      '--target-states',
      page,
      page,
    ])
    expect(r.code).toBe(0)
    const reasons = JSON.parse(r.stdout).pages[0].decisions.map(
      (d: { action: string; reason: string }) => `${d.action} ${d.reason}`,
    )
    expect(reasons).toEqual(Array(5).fill('ignore same-endpoint-stale'))
  })

  it('a gap in immediate mode exits 1 naming the endpoint and the ticks', () => {
    const r = syncwire([
      'conflicts',
      '--target-digest',
      'examples/sdata/target-digest.xml',
      'examples/sdata/immediate-gap.xml',
    ])
    expect(r.code).toBe(1)
    expect(oneLine(r.stderr)).toBe(
      `syncwire conflicts: examples/sdata/immediate-gap.xml: gap in immediate mode: entry 1 from ${CRM} has tick 30, but the target's digest expects tick 12 next (ticks 12..29 are missing); page refused`,
    )
    const json = syncwire([
      'conflicts',
      '--json',
      '--target-digest',
      'examples/sdata/target-digest.xml',
      'examples/sdata/immediate-gap.xml',
    ])
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout).error).toEqual({
      file: 'examples/sdata/immediate-gap.xml',
      kind: 'gap',
      endpoint: CRM,
      digestTick: 12,
      entryTick: 30,
      index: 0,
    })
  })

  it('bad target states and documents of the wrong kind exit 1 with one line', () => {
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text)
      return join(dir, name)
    }
    const base = ['conflicts', '--target-digest', 'examples/sdata/target-digest.xml']
    const cases: Array<[string[], RegExp]> = [
      [
        [
          ...base,
          '--target-states',
          write('s1.json', '{"a": {"endpoint": "x", "tick": -1, "stamp": "2026-01-01T00:00:00Z"}}'),
          'examples/sdata/catch-up-page-1.xml',
        ],
        /states\["a"\]\.tick: expected a non-negative integer$/,
      ],
      [
        [
          ...base,
          '--target-states',
          write('s2.json', '{"states": {"a": {"endpoint": "x", "tick": 1, "stamp": "yesterday"}}}'),
          'examples/sdata/catch-up-page-1.xml',
        ],
        /states\["a"\]\.stamp: expected an xs:dateTime string$/,
      ],
      [
        [...base, '--target-states', write('s3.json', '{ nope'), 'examples/sdata/catch-up-page-1.xml'],
        /s3\.json: not valid JSON: /,
      ],
      [
        ['conflicts', '--target-digest', 'examples/sdata/catch-up-page-1.xml', 'examples/sdata/catch-up-page-1.xml'],
        /expected a sync:digest document or a \$syncDigest entry/,
      ],
      [
        [...base, 'examples/filesync/spo-2025-02-write-folder-create.response.xml'],
        /spo-2025-02-write-folder-create\.response\.xml: \S+ /,
      ],
    ]
    for (const [args, message] of cases) {
      const r = syncwire(args)
      expect(r.code, args.join(' ')).toBe(1)
      expect(oneLine(r.stderr)).toMatch(message)
    }
  })

  it('accepts a $syncDigest entry as the target digest', () => {
    const r = syncwire([
      'conflicts',
      '--json',
      '--target-digest',
      'fixtures/sdata/spec-5.1_syncDigest-GET-response-entry.xml',
      'fixtures/sdata/spec-4.4_sync-feed_catchUp.xml',
    ])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).pages[0].decisions.length).toBeGreaterThan(0)
  })
})
