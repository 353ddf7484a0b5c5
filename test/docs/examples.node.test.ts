import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { qname } from '../../src/codec/index'
import type { EndpointView, FeedInput, TargetState } from '../../src/conflict/index'
import { deletedPayload, type Stamp, SyncFeedXml, stamp, syncEntry, syncFeed } from '../../src/sdata/index'
import { fixture } from '../support/fixtures'
import { ENCODING_EXAMPLES } from './encoding-examples'
import { ISSUE_EXAMPLES } from './issue-examples'
import {
  type Block,
  blocksOf,
  bundleExamples,
  cleanupExamples,
  type Env,
  type Example,
  ROOT,
  type Run,
  runExample,
} from './run-example'
import { SESSION_EXAMPLES } from './session-examples'
import { STREAM_EXAMPLES } from './stream-examples'

// Every TypeScript example of README.md and docs/ runs here, as a reader would run it, against the bundled fixtures:
// each block is matched (by its file and a line it contains) to scenarios that bind its free variables, and each
// scenario checks what the example printed or threw, the failure paths included. A block with no scenario fails, so
// does a scenario whose block is gone. The pack test type-checks the same blocks against the packed package.

const FEED = fixture('sdata/spec-4.4_sync-feed_catchUp.xml')
const CONTRACT = 'http://schemas.sage.com/myContract'
const NOT_XML = '<feed xmlns="http://www.w3.org/2005/Atom"><entry>'
const completed = (run: Run) => expect(run.error).toBeUndefined()

// --- paging: two pages of one feed, built with the smart constructors -------------------------------------------
const SOURCE = 'http://www.example.com/sdata/myApp1/myContract/-/accounts/$syncSource'
const PAGE_2 = `${SOURCE}?startIndex=2&count=1`
const ENDPOINT = 'http://www.example.com/sdata/myApp1/myContract/-/accounts'
const at = stamp('2026-03-01T10:00:00Z')
function page(ticks: number[], next?: string): string {
  return SyncFeedXml.encode(
    syncFeed({
      syncMode: 'catchUp',
      links: next === undefined ? [] : [{ rel: 'next', href: next }],
      entries: ticks.map((tick) => syncEntry({ syncState: { endpoint: ENDPOINT, tick, stamp: at } })),
    }),
  )
}
function paging(second: string) {
  const applied: number[] = []
  const pages: Record<string, string> = { [SOURCE]: page([1], PAGE_2), [PAGE_2]: second }
  const env: Env = {
    values: {
      get: async (url: string) => {
        const text = pages[url]
        if (text === undefined) throw new Error(`no page ${url}`)
        return text
      },
      apply: (read: unknown[]) => applied.push(read.length),
    },
  }
  return { env, applied }
}
const goodPaging = paging(page([2]))
const brokenPaging = paging(NOT_XML)
const backwardsPaging = paging(page([1]))

// --- conflict: a CRM and an ERP that changed the same account concurrently ----------------------------------------
const CRM = 'http://www.example.com/sdata/crm/accounts/-/accounts'
const ERP = 'http://www.example.com/sdata/erp/accounts/-/accounts'
const U = 'C4411795-9943-4cf4-8705-51A74C9F0ACC'
const s = (text: string) => text as Stamp
const erpState = { endpoint: ERP, tick: 3, stamp: s('2026-03-01T10:00:00Z') }
const crmState = { endpoint: CRM, tick: 7, stamp: s('2026-03-01T10:05:00Z') }
// V: both hold the same version of another account, with different content (a divergence to audit).
const V = '74926A0D-D2C0-4daa-9986-47C833691569'
const shared = { endpoint: CRM, tick: 4, stamp: s('2026-03-01T08:00:00Z') }
const erp: EndpointView = {
  digest: {
    entries: [
      { endpoint: ERP, tick: 4, stamp: s('2026-03-01T10:00:00Z'), conflictPriority: 2 },
      { endpoint: CRM, tick: 5, stamp: s('2026-03-01T09:00:00Z'), conflictPriority: 1 },
    ],
  },
  states: [
    [U, erpState],
    [V, { ...shared, fingerprint: 'erp-copy' }],
  ],
}
const crmDigest = {
  entries: [
    { endpoint: CRM, tick: 8, stamp: s('2026-03-01T10:05:00Z'), conflictPriority: 1 },
    { endpoint: ERP, tick: 2, stamp: s('2026-03-01T09:00:00Z'), conflictPriority: 2 },
  ],
}
const crm: EndpointView = {
  digest: crmDigest,
  states: [
    [U, crmState],
    [V, { ...shared, fingerprint: 'crm-copy' }],
  ],
}
const conflictEnv = (feed: FeedInput): Env => ({
  values: { crm, erp, feed, states: new Map<string, TargetState>([[U, erpState]]) },
})

// A source feed a server would send: one resource with its uuid, a digest, built with the smart constructors.
const STRICT_FEED = SyncFeedXml.encode(
  syncFeed({
    id: SOURCE,
    title: 'accounts',
    updated: at,
    syncMode: 'catchUp',
    digest: { origin: ENDPOINT, entries: [{ endpoint: ENDPOINT, tick: 2, stamp: at, conflictPriority: 1 }] },
    entries: [
      syncEntry({
        id: `${ENDPOINT}('${U.toLowerCase()}')`,
        title: 'account',
        updated: at,
        syncState: { endpoint: ENDPOINT, tick: 1, stamp: at },
        payload: deletedPayload(qname(CONTRACT, 'account'), { uuid: U.toLowerCase() }),
      }),
    ],
  }),
)

const DIGEST_XML =
  '<digest xmlns="http://schemas.sage.com/sdata/sync/2008/1"><digestEntry><endpoint>http://a/sdata</endpoint><tick>3</tick><stamp>2026-01-01T00:00:00Z</stamp><conflictPriority>1</conflictPriority></digestEntry></digest>'

const EXAMPLES: Example[] = [
  // ------------------------------------------------------------------------------------------------- README.md
  {
    file: 'README.md',
    contains: "decoded.right.items[0]?.kind) // 'Folder'",
    scenarios: [
      {
        name: 'decodes the inline Items document',
        check: (r) => {
          completed(r)
          expect(r.out).toEqual(['Folder'])
        },
      },
    ],
  },
  {
    file: 'README.md',
    contains: 'decodeOrThrow(DigestXml',
    scenarios: [
      {
        name: 'prints the empty digest, then the issues of the broken one',
        check: (r) => {
          completed(r)
          expect(r.out).toEqual(['0'])
          expect(r.err.join('\n')).toContain("path: '1:1'")
        },
      },
    ],
  },
  {
    file: 'README.md',
    contains: 'declare const feedText: string',
    scenarios: [
      {
        name: 'prints tick, uuid and typed name of each entry of the §4.4 feed',
        env: { values: { feedText: FEED } },
        check: (r) => {
          completed(r)
          expect(r.out).toEqual([
            '5 74926A0D-D2C0-4daa-9986-47C833691569 Natural Goods Ltd.',
            '8 C4411795-9943-4cf4-8705-51A74C9F0ACC Chemical Brothers Inc.',
          ])
        },
      },
      {
        name: 'prints nothing for a feed the contract codec rejects',
        env: {
          values: { feedText: FEED.replace('</name>', `</name><employees xmlns="${CONTRACT}">many</employees>`) },
        },
        check: (r) => {
          completed(r)
          expect(r.out).toEqual([])
        },
      },
    ],
  },
  {
    file: 'README.md',
    contains: 'syncFeedXml(Account).encode(feed)',
    scenarios: [
      {
        name: 'builds a feed that validates clean',
        check: (r) => {
          completed(r)
          expect(r.out).toEqual(['[]'])
        },
      },
    ],
  },
  {
    file: 'README.md',
    contains: '// vitest.setup.ts (listed in test.setupFiles)',
    scenarios: [{ name: 'installs the matchers', check: completed }],
  },
  {
    file: 'README.md',
    contains: "readFileSync('captures/accounts-sync-source.xml', 'utf8')",
    scenarios: [
      {
        name: 'passes on the §4.4 feed',
        env: { files: { 'captures/accounts-sync-source.xml': FEED } },
        check: (r) => {
          completed(r)
          expect(r.tests).toHaveLength(1)
        },
      },
      {
        name: 'fails on a feed that is not well-formed',
        env: { files: { 'captures/accounts-sync-source.xml': NOT_XML } },
        check: (r) => expect(String(r.error)).toMatch(/valid|sync feed/i),
      },
    ],
  },
  {
    file: 'README.md',
    contains: "import { detectConflict, type Digest, type Stamp } from 'syncwire/conflict'",
    scenarios: [
      {
        name: 'prints the §2.6 case c decision',
        check: (r) => {
          completed(r)
          expect(r.out).toEqual(["{ action: 'apply', conflict: true, reason: 'priority' }"])
        },
      },
    ],
  },
  // --------------------------------------------------------------------------------------------- docs/schema.md
  {
    file: 'docs/schema.md',
    contains: "const r = StampValue.read('2008-13-30T14:55:43Z')",
    scenarios: [
      {
        name: 'reads leniently, writes strictly, and names the problem of a bad stamp',
        check: (r) => {
          completed(r)
          expect(r.out).toEqual([
            '5 5',
            'expected an xs:dateTime stamp, found "2008-13-30T14:55:43Z" (month 13 is out of range)',
          ])
        },
      },
    ],
  },
  {
    file: 'docs/schema.md',
    contains: "const Contact = describedElement('Contact', CONTACT)",
    scenarios: [
      {
        name: 'describes a payload element once and reads, writes and maps it as syncwire reads its own',
        check: (r) => {
          completed(r)
          expect(r.out).toEqual(["{ _tag: 'Right', right: { name: 'Ann', visits: 3 } }", "{ name: 'Ann', visits: 3 }"])
        },
      },
    ],
  },
  {
    file: 'docs/schema.md',
    contains: "const RuleJson = describedJson('RuleJson', RULE)",
    scenarios: [
      {
        name: 'maps a kit record to JSON through the description record() builds',
        check: (r) => {
          completed(r)
          expect(r.out[0]).toBe("{ name: 'ItemCount', value: '500' }")
          expect(r.out[1]).toContain("_tag: 'Left'")
          expect(r.out[1]).toContain("message: 'name is missing'")
        },
      },
    ],
  },
  // ---------------------------------------------------------------------------------------------- docs/sdata.md
  {
    file: 'docs/sdata.md',
    contains: 'declare const xml: string // a page of a sync feed',
    scenarios: [
      {
        name: 'walks the §4.4 feed',
        env: { values: { xml: FEED } },
        check: (r) => {
          completed(r)
          expect(r.err).toEqual([])
          expect(r.out[0]).toBe('catchUp 3')
          expect(r.out).toContain(
            '74926A0D-D2C0-4daa-9986-47C833691569 http://www.example.com/sdata/myApp1/myContract/-/accounts 5',
          )
        },
      },
      {
        name: 'prints the issues of a broken feed and nothing else',
        env: { values: { xml: NOT_XML } },
        check: (r) => {
          completed(r)
          expect(r.out).toEqual([])
          expect(r.err.length).toBeGreaterThan(0)
        },
      },
    ],
  },
  {
    file: 'docs/sdata.md',
    contains: "const ChecksFirst = syncFeedXml(undefined, { payloads: 'on-access' })",
    scenarios: [
      {
        name: 'reads the first payload, built on its first read',
        env: { values: { xml: FEED } },
        check: (r) => {
          completed(r)
          expect(r.err).toEqual([])
          expect(r.out).toHaveLength(1)
          expect(r.out[0]).toMatch(/^74926A0D-D2C0-4daa-9986-47C833691569 account [1-9]\d*$/)
        },
      },
      {
        name: 'reports a fault deep in a payload at decode, and reads nothing',
        env: { values: { xml: FEED.replace('</name>', '</name><x a="1" a="2"/>') } },
        check: (r) => {
          completed(r)
          expect(r.out).toEqual([])
          expect(r.err.join('\n')).toContain('duplicate attribute a')
        },
      },
    ],
  },
  {
    file: 'docs/sdata.md',
    contains: 'const AccountFeedXml = syncFeedXml(Account)',
    scenarios: [
      {
        name: 'prints the typed names',
        env: { values: { xml: FEED } },
        check: (r) => {
          completed(r)
          expect(r.out.slice(0, 2)).toEqual([
            '74926A0D-D2C0-4daa-9986-47C833691569 Natural Goods Ltd.',
            'C4411795-9943-4cf4-8705-51A74C9F0ACC Chemical Brothers Inc.',
          ])
        },
      },
      {
        name: 'reports the payload error with its path',
        env: { values: { xml: FEED.replace('</name>', `</name><employees xmlns="${CONTRACT}">many</employees>`) } },
        check: (r) => {
          completed(r)
          expect(r.out).toEqual([])
          expect(r.err.join('\n')).toContain('/feed/entry[1]/sdata:payload/account/employees')
        },
      },
    ],
  },
  {
    file: 'docs/sdata.md',
    contains: 'async function readAllPages(',
    scenarios: [
      {
        name: 'applies both pages when every page decodes',
        env: goodPaging.env,
        check: (r) => {
          completed(r)
          expect(r.err).toEqual([])
          expect(goodPaging.applied).toEqual([2])
        },
      },
      {
        name: 'applies nothing when the second page is broken',
        env: brokenPaging.env,
        check: (r) => {
          completed(r)
          expect(brokenPaging.applied).toEqual([])
          expect(r.err.length).toBeGreaterThan(0)
          expect(r.err[0]).toContain(PAGE_2)
        },
      },
      {
        name: 'applies nothing when the pages break the tick order',
        env: backwardsPaging.env,
        check: (r) => {
          completed(r)
          expect(backwardsPaging.applied).toEqual([])
          expect(r.err.join('\n')).toMatch(/\/page\[2\]/)
        },
      },
    ],
  },
  {
    file: 'docs/sdata.md',
    contains: 'declare const jsonText: string',
    scenarios: [
      {
        name: 'maps XML to JSON and JSON to XML',
        env: { values: { xml: FEED, jsonText: fixture('sdata/DotNetSDataClient_sync-feed_json-mapping.json') } },
        check: (r) => {
          completed(r)
          expect(r.out).toHaveLength(2)
          expect(JSON.parse(r.out[0] ?? '')).toHaveProperty('$syncMode', 'catchUp')
          expect(r.out[1]).toMatch(/^<\?xml|^<feed/)
        },
      },
      {
        name: 'reports a JSON error with its JSON path',
        env: { values: { xml: NOT_XML, jsonText: '{"$resources":[{"$syncState":{"tick":"x"}}]}' } },
        check: (r) => {
          completed(r)
          expect(r.out).toEqual([])
          expect(r.err.join('\n')).toContain('/$resources/0')
        },
      },
    ],
  },
  // ------------------------------------------------------------------------------------------- docs/filesync.md
  {
    file: 'docs/filesync.md',
    contains: 'declare const xml: string // the body of a FILESYNC answer',
    scenarios: [
      {
        name: 'walks a changes listing',
        env: { values: { xml: fixture('filesync/spo-2025-06-changes-document-created.response.xml') } },
        check: (r) => {
          completed(r)
          expect(r.err).toEqual([])
          expect(r.out.length).toBeGreaterThan(1)
        },
      },
      {
        name: 'prints the issues of a broken answer',
        env: { values: { xml: '<Folder><SpaceUsed>abc</SpaceUsed></Folder>' } },
        check: (r) => {
          completed(r)
          expect(r.out).toEqual([])
          expect(r.err.join('\n')).toContain('/Folder/SpaceUsed')
        },
      },
    ],
  },
  {
    file: 'docs/filesync.md',
    contains: 'fsshttpstate.xschema.storage.live.com',
    scenarios: [
      {
        name: 'reads the extension of a real response',
        env: { values: { xml: fixture('filesync/spo-2025-06-changes-document-created.response.xml') } },
        check: (r) => {
          completed(r)
          expect(r.err).toEqual([])
        },
      },
      {
        name: 'reports an extension the codec rejects',
        env: {
          values: {
            xml: '<Folder><Items><Document><ResourceID>a</ResourceID><fsshttpstate.xschema.storage.live.com><VersionToken>v</VersionToken></fsshttpstate.xschema.storage.live.com></Document></Items></Folder>',
          },
        },
        check: (r) => {
          completed(r)
          expect(r.out).toEqual([])
          expect(r.err.join('\n')).toContain('Hash')
        },
      },
    ],
  },
  {
    file: 'docs/filesync.md',
    contains: 'buildUploadBody({ xml: itemsXml',
    scenarios: [
      {
        name: 'frames and splits an upload',
        env: { values: { itemsXml: fixture('filesync/spo-2025-04-write-document-create.request-part.xml') } },
        check: (r) => {
          completed(r)
          expect(r.out).toEqual(['b9f41f61-eda6-4e7b-9562-74dd3b298623 2'])
        },
      },
      {
        // The framing does not read the XML, and a generated boundary is redrawn: no input here reaches the Left.
        name: 'frames any request text the same way',
        env: { values: { itemsXml: '<Items>' } },
        check: (r) => {
          completed(r)
          expect(r.out).toEqual(['b9f41f61-eda6-4e7b-9562-74dd3b298623 2'])
        },
      },
    ],
  },
  {
    file: 'docs/filesync.md',
    contains: 'declare const myPropertiesBody: string',
    scenarios: [
      {
        name: 'discovers the changes URL and the policy',
        env: {
          values: {
            myPropertiesBody: fixture('filesync/rest/getmyproperties.nometadata.json'),
            libraryIdBody: fixture('filesync/rest/default-document-library-id.nometadata.json'),
            policyBody: fixture('filesync/rest/policy.xml.txt'),
          },
        },
        check: (r) => {
          completed(r)
          expect(r.out).toHaveLength(2)
          expect(r.out[0]).toContain('be100e28dd1c4f2f8e83acdb6fffff05')
          expect(r.out[1]).toContain('download.aspx')
        },
      },
      {
        name: 'prints nothing for answers that do not decode',
        env: { values: { myPropertiesBody: '{}', libraryIdBody: 'nope', policyBody: '<x' } },
        check: (r) => {
          completed(r)
          expect(r.out).toEqual([])
        },
      },
    ],
  },
  // ------------------------------------------------------------------------------------ docs/conflict-resolution.md
  {
    file: 'docs/conflict-resolution.md',
    contains: '// Case c',
    scenarios: [
      {
        name: 'prints case c',
        check: (r) => {
          completed(r)
          expect(r.out).toEqual(['apply true priority'])
        },
      },
    ],
  },
  {
    file: 'docs/conflict-resolution.md',
    contains: 'findDivergence(crm, erp)',
    scenarios: [
      {
        name: 'finds the divergent account and restamps the conflict',
        env: conflictEnv({ digest: crmDigest, entries: [{ syncState: crmState, payload: { uuid: U } }] }),
        check: (r) => {
          completed(r)
          expect(r.out[0]).toBe(`${V} ${CRM} 4 ${CRM} 4`)
          expect(r.out[1]).toMatch(new RegExp(`^${U} true \\d+$`))
          expect(r.out).toHaveLength(2)
        },
      },
      {
        name: 'prints no restamp when nothing conflicts',
        env: conflictEnv({ digest: crmDigest, entries: [] }),
        check: (r) => {
          completed(r)
          expect(r.out).toHaveLength(1)
        },
      },
    ],
  },
  // -------------------------------------------------------------------------------------------- docs/testing.md
  {
    file: 'docs/testing.md',
    contains: '// vitest.setup.ts',
    scenarios: [{ name: 'installs the matchers', check: completed }],
  },
  {
    file: 'docs/testing.md',
    contains: "it('the captured SharePoint answer is valid and lossless'",
    scenarios: [
      {
        name: 'passes on real captures',
        env: {
          values: { feedXml: STRICT_FEED, digestXml: DIGEST_XML },
          files: {
            'captures/folder-create.response.xml': fixture('filesync/spo-2025-02-write-folder-create.response.xml'),
          },
        },
        check: (r) => {
          completed(r)
          expect(r.tests).toHaveLength(3)
        },
      },
      {
        name: 'fails when the digest decodes to something else',
        env: {
          values: { feedXml: STRICT_FEED, digestXml: DIGEST_XML.replace('<tick>3', '<tick>4') },
          files: {
            'captures/folder-create.response.xml': fixture('filesync/spo-2025-02-write-folder-create.response.xml'),
          },
        },
        check: (r) => expect(r.error).toBeDefined(),
      },
    ],
  },
  {
    file: 'docs/testing.md',
    contains: "it('processFeed never lowers a tick the target had seen'",
    scenarios: [
      {
        name: 'the property holds',
        check: (r) => {
          completed(r)
          expect(r.tests).toHaveLength(1)
        },
      },
    ],
  },
  {
    file: 'docs/testing.md',
    contains: '/// <reference types="syncwire/testing/vitest" />',
    scenarios: [
      {
        name: 'the typed matcher passes on a valid source feed',
        env: { values: { feedXml: STRICT_FEED } },
        check: (r) => {
          completed(r)
          expect(r.tests).toHaveLength(1)
        },
      },
      {
        name: 'the typed matcher fails on a feed that is not well-formed',
        env: { values: { feedXml: NOT_XML } },
        check: (r) => expect(String(r.error)).toMatch(/sync feed|valid/i),
      },
    ],
  },
  ...SESSION_EXAMPLES,
  ...STREAM_EXAMPLES,
  ...ENCODING_EXAMPLES,
  ...ISSUE_EXAMPLES,
]

// docs/sdata-session.md's blocks are run by test/session/guide.node.test.ts, which loads the three as modules and
// serves one's handler to the others' engines over the simulated endpoints; each block runs in one harness only.
const PENDING: Array<{ file: string; contains: string; runBy: string }> = [
  {
    file: 'docs/sdata-session.md',
    contains: 'export async function syncPass',
    runBy: 'test/session/guide.node.test.ts',
  },
  { file: 'docs/sdata-session.md', contains: 'export function syncHandler', runBy: 'test/session/guide.node.test.ts' },
  { file: 'docs/sdata-session.md', contains: 'export function pushEngine', runBy: 'test/session/guide.node.test.ts' },
]
const isPending = (block: Block) => PENDING.some((p) => p.file === block.file && block.code.includes(p.contains))

const FILES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
]
const BLOCKS: Block[] = FILES.flatMap(blocksOf)
const matchOf = (block: Block) => EXAMPLES.filter((e) => e.file === block.file && block.code.includes(e.contains))

beforeAll(() => bundleExamples(BLOCKS.filter((b) => matchOf(b).length > 0).map((b) => b.code)))
afterAll(() => cleanupExamples())

describe('the TypeScript examples of README.md and docs/', () => {
  it('each block has exactly one entry here (or is listed as pending), and each entry a block', () => {
    expect(BLOCKS.length).toBeGreaterThan(15)
    const unmatched = BLOCKS.filter((b) => matchOf(b).length !== (isPending(b) ? 0 : 1))
    expect(unmatched.map((b) => `${b.file} block ${b.index + 1}`)).toEqual([])
    const gone = PENDING.filter((p) => !BLOCKS.some((b) => b.file === p.file && b.code.includes(p.contains)))
    expect(gone).toEqual([])
    for (const p of PENDING) expect(readFileSync(join(ROOT, p.runBy), 'utf8'), p.runBy).toContain(p.file)
    const stale = EXAMPLES.filter((e) => !BLOCKS.some((b) => b.file === e.file && b.code.includes(e.contains)))
    expect(stale.map((e) => `${e.file}: ${e.contains}`)).toEqual([])
  })

  for (const block of BLOCKS) {
    const [example] = matchOf(block)
    for (const scenario of example?.scenarios ?? []) {
      it(`${block.file} block ${block.index + 1}: ${scenario.name}`, async () => {
        await scenario.check(await runExample(block.code, scenario.env))
      })
    }
  }

  it('a broken example fails (the runner reports what it throws and what it cannot bind)', async () => {
    const thrown = await runExample(
      "import { parseXml } from 'syncwire/xml'\nthrow new Error(String(parseXml('<a/>')._tag))",
    )
    expect(String(thrown.error)).toBe('Error: Right')
    const unbound = await runExample('declare const missing: string\nconsole.log(missing)')
    expect(String(unbound.error)).toMatch(/does not bind missing/)
  })
})
