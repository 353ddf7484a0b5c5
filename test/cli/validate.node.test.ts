// `syncwire validate` on fixtures and examples, spawning the built CLI: exit codes, problem lines located in the
// file (`file:line:col path severity message`), --json, --strict, --kind, --role and stdin.
import { beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, oneLine, syncwire } from './helpers'

beforeAll(ensureBuilt)

const LINE = /^(\S+):(\d+):(\d+) (\S+) (error|warning) (.+)$/

describe('syncwire validate', () => {
  it('exits 0 with no problem lines for valid captures of every kind, and summarises on stderr', () => {
    const files = [
      'examples/filesync/spo-2025-02-write-folder-create.response.xml',
      'fixtures/filesync/spo-2025-09-write-document-update.request-part.xml',
      'examples/sdata/catch-up-page-1.xml',
      'fixtures/sdata/spec-4.2_digest.xml',
      'fixtures/sdata/spec-4.3_syncState.xml',
      'fixtures/sdata/spec-5.1_syncDigest-GET-response-entry.xml',
      'fixtures/sdata/spec-5.3_syncTarget-result-feed.xml',
      'fixtures/sdata/Sage50-issue17_diagnosis-response_TRUNCATED.xml',
    ]
    const r = syncwire(['validate', ...files])
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(`${files.length} files: ${files.length} valid, 0 invalid\n`)
    expect(r.code).toBe(0)
  })

  it('prints one located line per problem and exits 1', () => {
    const r = syncwire(['validate', 'examples/sdata/broken-feed.xml'])
    expect(r.code).toBe(1)
    const lines = r.stdout.trimEnd().split('\n')
    for (const line of lines) expect(line).toMatch(LINE)
    expect(lines).toEqual([
      expect.stringMatching(
        /^examples\/sdata\/broken-feed\.xml:16:7 \/feed\/sync:digest\/digestEntry\[1\]\/conflictPriority error .*12/,
      ),
      expect.stringMatching(
        /^examples\/sdata\/broken-feed\.xml:40:7 \/feed\/entry\[2\]\/sync:syncState\/tick error duplicate/,
      ),
      expect.stringMatching(
        /^examples\/sdata\/broken-feed\.xml:44:7 \/feed\/entry\[2\]\/sdata:payload\/account\/@sdata:uuid error /,
      ),
    ])
  })

  it('locates decode errors, which carry only an XML path, at the element in the text', () => {
    const r = syncwire(['validate', 'fixtures/sdata/DotNetSDataClient_syncState-entry_stamp-without-timezone.xml'])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/:2:3 \/entry\/sync:syncState\/endpoint error missing required element sync:endpoint\n$/)
  })

  it('reports text that is not well-formed at the parser line and column', () => {
    const r = syncwire([
      'validate',
      'fixtures/sdata/spec-5.2_syncSource-feed-response_MALFORMED-stray-payload-end-tag.xml',
    ])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(
      /MALFORMED-stray-payload-end-tag\.xml:61:5 - error not well-formed XML: end tag <\/payload>/,
    )
  })

  it('--strict makes warnings fail; without it they are printed and pass', () => {
    const file = 'fixtures/sdata/spec-4.4_sync-feed_catchUp.xml'
    const lax = syncwire(['validate', file])
    expect(lax.code).toBe(0)
    expect(lax.stdout).toMatch(/ warning sdata:uuid .* mixes upper and lower case/)
    expect(syncwire(['validate', '--strict', file]).code).toBe(1)
  })

  it('--json gives one report per file with kind, validity and located problems', () => {
    const r = syncwire(['validate', '--json', 'examples/sdata/broken-feed.xml', 'fixtures/sdata/spec-4.2_digest.xml'])
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(report).toMatchObject({ valid: false, strict: false })
    expect(report.files).toHaveLength(2)
    expect(report.files[0]).toMatchObject({ file: 'examples/sdata/broken-feed.xml', kind: 'feed', valid: false })
    expect(report.files[0].problems[0]).toEqual({
      line: 16,
      column: 7,
      path: '/feed/sync:digest/digestEntry[1]/conflictPriority',
      severity: 'error',
      message: expect.stringContaining('12'),
    })
    expect(report.files[1]).toEqual({
      file: 'fixtures/sdata/spec-4.2_digest.xml',
      kind: 'digest',
      valid: true,
      problems: [],
    })
  })

  it('reads stdin for -, and --kind overrides the detection', () => {
    const xml = '<Items><Folder><ResourceID>a7b4e912f5694580aca3e399f60a3ba4</ResourceID></Folder></Items>'
    expect(syncwire(['validate', '-'], { input: xml })).toMatchObject({ code: 0, stdout: '' })
    const forced = syncwire(['validate', '--kind', 'digest', '-'], { input: xml })
    expect(forced.code).toBe(1)
    expect(forced.stdout).toMatch(/^<stdin>:1:1 \S* error /)
  })

  it('says which root it does not know, and exits 1', () => {
    const r = syncwire(['validate', '-'], { input: '<html xmlns="http://www.w3.org/1999/xhtml"/>' })
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('unknown document kind: root element {http://www.w3.org/1999/xhtml}html; use --kind')
  })

  it('--role result accepts a result feed that fails as a source', () => {
    const file = 'fixtures/sdata/spec-5.3_syncTarget-result-feed.xml'
    expect(syncwire(['validate', '--role', 'result', file]).code).toBe(0)
    expect(syncwire(['validate', '--role', 'source', file]).code).toBe(1)
  })

  it('checks the remaining files when one is unreadable, and exits 2', () => {
    const r = syncwire(['validate', 'no/such/file.xml', 'examples/sdata/broken-feed.xml'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('syncwire validate: no/such/file.xml: no such file\n')
    expect(r.stdout).toContain('broken-feed.xml:16:7')
    expect(oneLine(r.stderr)).toBe('syncwire validate: no/such/file.xml: no such file')
  })

  it("--summary follows each file's problems with one line: what it holds, and the verdict", () => {
    const files = [
      'examples/filesync/spo-2025-06-changes-document-created.response.xml',
      'examples/filesync/spo-2025-01-write-folder-create.request.xml',
      'examples/sdata/samples/spec-4.4_sync-feed_catchUp.xml',
      'examples/sdata/samples/spec-4.2_digest.xml',
      'examples/sdata/broken-feed.xml',
    ]
    const r = syncwire(['validate', '--summary', ...files])
    expect(r.code).toBe(1)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines.filter((l) => !LINE.test(l))).toEqual([
      'examples/filesync/spo-2025-06-changes-document-created.response.xml: FILESYNC Folder /RootFolder — 1 Document (save_flow.cpython-312.pyc, 4,532 bytes), quota Normal; valid',
      'examples/filesync/spo-2025-01-write-folder-create.request.xml: FILESYNC write request (Items) — Create: 1 Folder (mitm_logs); valid',
      'examples/sdata/samples/spec-4.4_sync-feed_catchUp.xml: SData sync feed (catchUp) — 2 entries from 2 endpoints, source digest of 3 endpoints; valid (2 warnings)',
      'examples/sdata/samples/spec-4.2_digest.xml: SData digest — 3 endpoints (origin http://www.example.com/sdata/myApp1/myContract/-/accounts); valid',
      'examples/sdata/broken-feed.xml: SData sync feed (catchUp) — 2 entries from 1 endpoint, source digest of 1 endpoint; invalid (3 errors)',
    ])
    // Each file's problem lines come first, then its summary line; files keep the order they were given in.
    const groups: string[][] = []
    for (const line of lines) {
      const file = line.slice(0, line.indexOf('.xml:') + 4)
      if (groups.at(-1)?.[0]?.startsWith(`${file}:`)) groups.at(-1)!.push(line)
      else groups.push([line])
    }
    expect(groups.map((g) => g[0]!.slice(0, g[0]!.indexOf('.xml:') + 4))).toEqual(files)
    for (const group of groups) {
      expect(group.slice(0, -1).every((l) => LINE.test(l))).toBe(true)
      expect(LINE.test(group.at(-1)!)).toBe(false)
    }
    expect(groups.map((g) => g.length)).toEqual([1, 1, 3, 1, 4])
    expect(r.stderr).toBe('5 files: 4 valid, 1 invalid\n')
  })

  it('--summary says why a file could not be summarised; --strict shows in the verdict', () => {
    const malformed = syncwire(['validate', '--summary', '-'], { input: '<Items><Folder></Items>' })
    expect(malformed.stdout).toMatch(/\n<stdin>: not well-formed XML; invalid \(1 error\)\n$/)
    const unknown = syncwire(['validate', '--summary', '-'], { input: '<html/>' })
    expect(unknown.stdout).toMatch(/\n<stdin>: unknown document kind \(root element html\); invalid \(1 error\)\n$/)
    const undecodable = syncwire(['validate', '--summary', '--kind', 'digest', '-'], { input: '<Items/>' })
    expect(undecodable.stdout).toMatch(
      /\n<stdin>: SData sync digest that could not be decoded; invalid \(\d+ errors?\)\n$/,
    )
    const strict = syncwire([
      'validate',
      '--summary',
      '--strict',
      'examples/sdata/samples/spec-4.4_sync-feed_catchUp.xml',
    ])
    expect(strict.code).toBe(1)
    expect(strict.stdout).toMatch(/; invalid \(2 warnings, --strict\)\n$/)
  })

  it('--json --summary gives each file a summary string (the description, without the verdict)', () => {
    const r = syncwire([
      'validate',
      '--json',
      '--summary',
      'examples/sdata/samples/spec-4.3_syncState.xml',
      'no/such/file.xml',
    ])
    expect(r.code).toBe(2)
    const report = JSON.parse(r.stdout)
    expect(report.files.map((f: { summary: string }) => f.summary)).toEqual([
      'SData syncState — tick 6 from http://www.example.com/sdata/myApp1/myContract/-/accounts',
      'unreadable: no such file',
    ])
    expect(
      JSON.parse(syncwire(['validate', '--json', 'examples/sdata/samples/spec-4.3_syncState.xml']).stdout).files[0],
    ).not.toHaveProperty('summary')
  })

  it('has --help with an example, and refuses bad flag values', () => {
    const help = syncwire(['validate', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Examples:\n  syncwire validate ')
    const bad = syncwire(['validate', '--kind', 'nope', 'x.xml'])
    expect(bad.code).toBe(2)
    expect(oneLine(bad.stderr)).toMatch(/^syncwire validate: unknown --kind 'nope'/)
  })

  it('writes no colour when stdout is not a terminal, NO_COLOR or not', () => {
    for (const env of [{ NO_COLOR: '1' }, { NO_COLOR: '' }]) {
      expect(syncwire(['validate', 'examples/sdata/broken-feed.xml'], { env }).stdout).not.toContain('\u001b[')
    }
  })

  it("--role takes every role of the library's validators, digest included, and only those", () => {
    const entry = 'fixtures/sdata/spec-5.1_syncDigest-GET-response-entry.xml'
    expect(syncwire(['validate', '--role', 'digest', entry])).toMatchObject({ code: 0, stdout: '' })
    // The role reaches the validator: a digest entry fails as a source entry (no syncState, no payload resource).
    const asSource = syncwire(['validate', '--role', 'source', entry])
    expect(asSource.code).toBe(1)
    expect(asSource.stdout).toContain('/entry/sync:syncState error')
    const help = syncwire(['validate', '--help']).stdout
    expect(help).toMatch(/--role <role> +feeds: source \| target-request \| result; entries also: digest\n/)
    const unknown = syncwire(['validate', '--role', 'sink', entry])
    expect(unknown.code).toBe(2)
    expect(oneLine(unknown.stderr)).toBe(
      "syncwire validate: unknown --role 'sink' (one of source, target-request, result, digest) (see syncwire validate --help)",
    )
    // A feed has no digest role: saying so is a usage error that names the file, not a verdict on it.
    const feed = syncwire(['validate', '--role', 'digest', entry, 'examples/sdata/catch-up-page-1.xml'])
    expect(feed.code).toBe(2)
    expect(feed.stdout).toBe('')
    expect(oneLine(feed.stderr)).toBe(
      'syncwire validate: --role digest does not apply to examples/sdata/catch-up-page-1.xml, a SData sync feed (its roles: source, target-request, result) (see syncwire validate --help)',
    )
  })

  // Regression: entries with http:etag (a plain SData feed carries one per entry, core §3.1) were taken for
  // $syncTarget results, and every entry got "a result entry needs http:httpStatus". Only httpStatus marks a result.
  const etagFeed = (
    status = '',
  ) => `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:sdata="http://schemas.sage.com/sdata/2008/1"
      xmlns:sync="http://schemas.sage.com/sdata/sync/2008/1" xmlns:http="http://schemas.sage.com/sdata/http/2008/1">
  <sync:syncMode>catchUp</sync:syncMode>
  <sync:digest>
    <sync:origin>http://www.example.com/sdata/myApp1/myContract/-/accounts</sync:origin>
    <sync:digestEntry>
      <sync:endpoint>http://www.example.com/sdata/myApp1/myContract/-/accounts</sync:endpoint>
      <sync:tick>6</sync:tick><sync:stamp>2008-10-30T17:23:52Z</sync:stamp><sync:conflictPriority>2</sync:conflictPriority>
    </sync:digestEntry>
  </sync:digest>
  <entry>
    <id>http://www.example.com/sdata/myApp1/myContract/-/accounts('A001')</id>
    <title>Account A001</title>
    <updated>2008-10-30T14:52:03Z</updated>
    <http:etag>gJaGtgHyuwrtFuNs2Ez0hg==</http:etag>${status}
    <sync:syncState>
      <sync:endpoint>http://www.example.com/sdata/myApp1/myContract/-/accounts</sync:endpoint>
      <sync:tick>5</sync:tick><sync:stamp>2008-10-30T14:52:03Z</sync:stamp>
    </sync:syncState>
    <sdata:payload><account sdata:uuid="c4411795-9e1f-4a3b-8f4e-2d0f7a5b6c01"><name>A001</name></account></sdata:payload>
  </entry>
</feed>`

  it('a source feed whose entries carry http:etag is validated as a source feed, not as a result feed', () => {
    const r = syncwire(['validate', '--summary', '-'], { input: etagFeed() })
    expect(r.stdout).not.toContain('httpStatus')
    expect(r.stdout).toBe(
      '<stdin>: SData sync feed (catchUp) — 1 entry from 1 endpoint, source digest of 1 endpoint; valid\n',
    )
    expect(r.code).toBe(0)
    // With http:httpStatus the same feed is a result feed: the result rules apply (httpMessage is a SHOULD).
    const result = syncwire(['validate', '-'], { input: etagFeed('<http:httpStatus>200</http:httpStatus>') })
    expect(result.stdout).toMatch(/ \/feed\/entry\[1\]\/http:httpMessage warning a result entry should carry/)
    expect(result.code).toBe(0)
  })
})
