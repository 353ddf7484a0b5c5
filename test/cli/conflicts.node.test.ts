// `syncwire conflicts` over the hand-made catch-up story in examples/sdata (every decision reason once), the JSON
// form, target states as JSON or as a feed, the merged digest, and the gap that immediate mode refuses.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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
function decodedRight<A>(r: { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: A }): A {
  if (r._tag === 'Left') throw new Error('expected a decoded value')
  return r.right
}
/** The story's first page alone, as JSON. */
const pageOne = [
  'conflicts',
  '--json',
  '--target-digest',
  'examples/sdata/target-digest.xml',
  '--target-states',
  'examples/sdata/target-states.json',
  'examples/sdata/catch-up-page-1.xml',
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

  it('prints a table per page and the new digest as a table: stdout holds the table and nothing else', () => {
    const r = syncwire(story)
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
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
    expect(r.stdout).not.toContain('<')
    expect(r.stdout.slice(r.stdout.indexOf('== new target digest\n'))).toBe(
      [
        '== new target digest',
        'endpoint  tick  priority  stamp',
        'erp       14    2         2026-03-02T11:30:00Z',
        'crm       21    2         2026-03-02T12:00:00Z',
        'webshop   12    1         2026-03-02T09:30:00Z',
        '',
      ].join('\n'),
    )
  })

  it('--digest-out writes the new digest: XML that DigestXml decodes, or JSON for a .json name', () => {
    const json = JSON.parse(syncwire([...story, '--json']).stdout)
    const xml = join(dir, 'new-digest.xml')
    const asJson = join(dir, 'new-digest.JSON')
    const r = syncwire([...story, '--digest-out', xml])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`== new target digest (written to ${xml})\n`)
    const decoded = DigestXml.decode(readFileSync(xml, 'utf8'))
    expect(decoded._tag === 'Right' ? decoded.right : decoded.left).toEqual(json.digest)
    expect(syncwire([...story, '--json', '--digest-out', asJson]).code).toBe(0)
    expect(JSON.parse(readFileSync(asJson, 'utf8'))).toEqual(json.digest)
    // --states-out writes what --json prints as "states", in the form --target-states reads.
    const states = join(dir, 'new-states.json')
    expect(syncwire([...story, '--states-out', states]).code).toBe(0)
    expect(JSON.parse(readFileSync(states, 'utf8'))).toEqual({ states: json.states })
  })

  // The round trip: run page 1, keep the digest and states in files, feed them back for page 2; the decisions
  // and the final digest are those of one run over both pages, whichever form the digest file takes.
  it.each([
    ['XML', 'digest.xml'],
    ['JSON', 'digest.json'],
  ])('page by page through --digest-out/--states-out (%s digest) gives the decisions of one run', (_form, name) => {
    const whole = JSON.parse(syncwire([...story, '--json']).stdout)
    const digest = join(dir, name)
    const states = join(dir, `states-for-${name}.json`)
    const first = syncwire([...pageOne.filter((a) => a !== '--json'), '--digest-out', digest, '--states-out', states])
    expect(first.code).toBe(0)
    const next = [
      'conflicts',
      '--target-digest',
      digest,
      '--target-states',
      states,
      '--digest-out',
      digest,
      '--states-out',
      states,
      '--last-page',
      'examples/sdata/catch-up-page-2.xml',
    ]
    const second = JSON.parse(syncwire([...next, '--json']).stdout)
    const firstJson = JSON.parse(syncwire(pageOne).stdout)
    expect([...firstJson.pages, ...second.pages]).toEqual(whole.pages)
    expect(second.digest).toEqual(whole.digest)
    expect(second.states).toEqual(whole.states)
    // The files now hold the state after page 2.
    const written = readFileSync(digest, 'utf8')
    expect(name.endsWith('.json') ? JSON.parse(written) : decodedRight(DigestXml.decode(written))).toEqual(whole.digest)
    expect(JSON.parse(readFileSync(states, 'utf8'))).toEqual({ states: whole.states })
  })

  it('--json output feeds back whole: its digest as --target-digest, its states as --target-states', () => {
    const whole = JSON.parse(syncwire([...story, '--json']).stdout)
    const out = join(dir, 'page-1.out.json')
    const first = syncwire(pageOne)
    writeFileSync(out, first.stdout)
    const second = syncwire([
      'conflicts',
      '--json',
      '--target-digest',
      out,
      '--target-states',
      out,
      '--last-page',
      'examples/sdata/catch-up-page-2.xml',
    ])
    expect(second.code).toBe(0)
    const json = JSON.parse(second.stdout)
    expect([...JSON.parse(first.stdout).pages, ...json.pages]).toEqual(whole.pages)
    expect(json.digest).toEqual(whole.digest)
  })

  it('reads a JSON digest in the SData JSON form, as a convert envelope and as a plain value, like its XML', () => {
    const xml = JSON.parse(syncwire([...story, '--json']).stdout)
    const envelope = syncwire(['convert', 'examples/sdata/target-digest.xml', '--to', 'json']).stdout
    const forms = {
      'envelope.json': envelope,
      'sdata-json.json': JSON.stringify(JSON.parse(envelope).value),
      'value.json': JSON.stringify(
        decodedRight(DigestXml.decode(readFileSync('examples/sdata/target-digest.xml', 'utf8'))),
      ),
      'entry-envelope.json': syncwire([
        'convert',
        'fixtures/sdata/spec-5.1_syncDigest-GET-response-entry.xml',
        '--to',
        'json',
      ]).stdout,
    }
    for (const [name, text] of Object.entries(forms)) {
      writeFileSync(join(dir, name), text)
      const args = story.map((a) => (a === 'examples/sdata/target-digest.xml' ? join(dir, name) : a))
      const r = syncwire([...args, '--json'])
      expect(r.code, `${name}: ${r.stderr}`).toBe(0)
      if (name !== 'entry-envelope.json') expect(JSON.parse(r.stdout)).toEqual(xml)
    }
  })

  it('a JSON digest that is not one exits 1 naming the member at fault', () => {
    const cases: Array<[string, RegExp]> = [
      [
        '{"entries": [{"endpoint": "x", "tick": -1, "stamp": "2026-01-01T00:00:00Z"}]}',
        /: \/entries\/0\/tick tick must be a non-negative safe integer$/,
      ],
      ['{"digest": {"entries": "x"}}', /: \/digest is not a digest value: /],
      ['{"pages": []}', /: expected a digest: /],
      ['[1]', /: expected a digest: /],
      ['{"digest": ', /: \/digest not JSON at 1:12: the text ends too early$/],
    ]
    for (const [text, message] of cases) {
      writeFileSync(join(dir, 'bad-digest.json'), text)
      const r = syncwire([
        'conflicts',
        '--target-digest',
        join(dir, 'bad-digest.json'),
        'examples/sdata/catch-up-page-1.xml',
      ])
      expect(r.code, text).toBe(1)
      expect(oneLine(r.stderr), text).toMatch(message)
    }
  })

  it('refuses --digest-out - and an output file it cannot write', () => {
    const dash = syncwire([...story, '--digest-out', '-'])
    expect(dash.code).toBe(2)
    expect(oneLine(dash.stderr)).toMatch(/^syncwire conflicts: --digest-out needs a file name/)
    const r = syncwire([...story, '--states-out', join(dir, 'no', 'such', 'dir.json')])
    expect(r.code).toBe(2)
    expect(oneLine(r.stderr)).toMatch(/dir\.json: cannot write \(ENOENT\)$/)
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
        /s3\.json: - not JSON at 1:3: expected a member name in quotes, found "n"$/,
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

  // Regression: the target's states went from page to page keyed by the uuid as sent, while processFeed compares
  // uuids case-insensitively; ABC… at tick 3 then abc… at tick 2 gave new-resource twice over two pages.
  it('a uuid in another case on a later page, or in a later run, is the same resource, as within one page', () => {
    const page = (u: string, tick: number) => {
      const file = join(dir, `case-${u.slice(0, 3)}-${tick}.xml`)
      writeFileSync(
        file,
        `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:sdata="http://schemas.sage.com/sdata/2008/1" xmlns:sync="http://schemas.sage.com/sdata/sync/2008/1">
  <sync:syncMode>catchUp</sync:syncMode>
  <entry><sync:syncState><sync:endpoint>${CRM}</sync:endpoint><sync:tick>${tick}</sync:tick><sync:stamp>2026-03-01T0${tick}:00:00Z</sync:stamp></sync:syncState>
    <sdata:payload><account sdata:uuid="${u}"/></sdata:payload></entry>
</feed>`,
      )
      return file
    }
    const upper = page('ABCDEF01-0000-4000-8000-00000000000A', 3)
    const lower = page('abcdef01-0000-4000-8000-00000000000a', 2)
    const start = ['conflicts', '--json', '--target-digest', 'examples/sdata/target-digest.xml']
    const reasons = (r: { stdout: string }) =>
      JSON.parse(r.stdout).pages.flatMap((p: { decisions: Array<{ reason: string }> }) =>
        p.decisions.map((d) => d.reason),
      )
    const both = syncwire([...start, upper, lower])
    expect(reasons(both)).toEqual(['new-resource', 'same-endpoint-stale'])
    // The --json states list the resource once, under the spelling it was stored with.
    expect(Object.keys(JSON.parse(both.stdout).states)).toEqual(['ABCDEF01-0000-4000-8000-00000000000A'])
    const states = join(dir, 'case-states.json')
    expect(reasons(syncwire([...start, '--states-out', states, upper]))).toEqual(['new-resource'])
    expect(reasons(syncwire([...start, '--target-states', states, lower]))).toEqual(['same-endpoint-stale'])
    // Two keys for one resource in a states file are a mistake, not a choice.
    writeFileSync(
      states,
      JSON.stringify({
        states: {
          'ABCDEF01-0000-4000-8000-00000000000A': { endpoint: CRM, tick: 3, stamp: '2026-03-01T03:00:00Z' },
          'abcdef01-0000-4000-8000-00000000000a': { endpoint: CRM, tick: 1, stamp: '2026-03-01T01:00:00Z' },
        },
      }),
    )
    const twice = syncwire([...start, '--target-states', states, lower])
    expect(twice.code).toBe(1)
    expect(oneLine(twice.stderr)).toMatch(/ name the same resource \(uuids compare case-insensitively\)$/)
  })
})
