import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanup, consumer, type Packed, PKG, pack, run, tempDir } from './consumer'

// The optional peers (fast-check ^3.22 || ^4, vitest ^2 || ^3 || ^4), proven with consumer projects of the packed
// tarball that get the old majors from the npm registry at test time. Two `npm install`s run side by side: the
// tarball into a project on vitest 3 and fast-check 3 (which must not fail with ERESOLVE), and vitest 2 into a
// store that a second consumer links (with that fast-check 3). A third consumer has no fast-check.

const FC3 = '3.22.0' // the oldest fast-check with every API the arbitraries use (`fc.string({ unit })`)
const NPM = ['--prefer-offline', '--no-audit', '--no-fund', '--legacy-peer-deps=false', '--loglevel=error']

let packed: Packed
let v3: string // npm-installed: syncwire tarball + vitest 3 + fast-check 3
let store: string // npm-installed: vitest 2
let v2: string // tarball unpacked, vitest 2 and fast-check 3 linked from v3
let bare: string // tarball unpacked, this repo's vitest 4, no fast-check
let installOutput: string

function version(dir: string, name: string): string {
  return (JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
    .version
}

// `npm install` without blocking, so that the two installs below download at the same time.
function npmInstall(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile('npm', ['install', ...NPM, ...args], { cwd, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      error
        ? reject(new Error(`npm install ${args.join(' ')} failed in ${cwd}\n${stdout}\n${stderr}`))
        : resolve(stdout + stderr),
    ),
  )
}

beforeAll(async () => {
  packed = pack()
  v3 = tempDir('peers-v3')
  store = tempDir('peers-store')
  writeFileSync(
    join(v3, 'package.json'),
    JSON.stringify({
      name: 'consumer-peers-v3',
      private: true,
      type: 'module',
      devDependencies: { vitest: '^3.2.0', 'fast-check': FC3 },
    }),
  )
  writeFileSync(join(store, 'package.json'), JSON.stringify({ name: 'store-vitest2', private: true }))
  ;[installOutput] = await Promise.all([npmInstall(v3, [packed.tarball]), npmInstall(store, ['vitest@^2.1.0'])])
  // vitest 2 and fast-check 3 come from those installs; syncwire and io-ts/fp-ts as in the other packed consumers.
  v2 = consumer(packed.tarball, 'module', 'peers-v2', {
    vitest: join(store, 'node_modules', 'vitest'),
    'fast-check': join(v3, 'node_modules', 'fast-check'),
  })
  bare = consumer(packed.tarball, 'module', 'peers-bare', {}, ['fast-check'])
}, 600_000)

afterAll(() => cleanup(v3, store, v2, bare, packed && dirname(packed.tarball)))

// Runs the consumer's own vitest on one test file; returns its output (a failing run throws with the output).
function vitest(dir: string, file: string, body: string): string {
  writeFileSync(join(dir, file), body)
  return run(
    process.execPath,
    [join(dir, 'node_modules', 'vitest', 'vitest.mjs'), 'run', file, '--reporter=verbose'],
    dir,
    {
      CI: 'true',
    },
  )
}

const MATCHERS_TEST = `import { expect, it } from 'vitest'
import { installMatchers } from 'syncwire/testing'
import { FileSyncXml } from 'syncwire/filesync'

installMatchers(expect)

it('registers the matchers', () => {
  expect('<Items/>').toBeValidFileSync()
  expect('<Items/>').not.toBeValidSyncFeed()
  expect(() => expect('<nope/>').toBeValidFileSync()).toThrow(/FILESYNC/)
  expect('<Items><Folder><RelationshipName>a</RelationshipName></Folder></Items>').toRoundTrip(FileSyncXml)
}, 120_000)
`

const ARBITRARIES_TEST = `import fc from 'fast-check'
import { expect, it } from 'vitest'
import { installMatchers } from 'syncwire/testing'
import { arbFileSyncXml, arbSyncFeedXml } from 'syncwire/testing/arbitraries'
import { FileSyncXml } from 'syncwire/filesync'
import { SyncFeedXml } from 'syncwire/sdata'

installMatchers(expect)

it('generates documents that round-trip under the matchers', () => {
  fc.assert(fc.property(arbSyncFeedXml({ maxEntries: 2 }), (xml) => { expect(xml).toRoundTrip(SyncFeedXml) }), { numRuns: 5 })
  fc.assert(fc.property(arbFileSyncXml({ maxDepth: 1 }), (xml) => { expect(xml).toRoundTrip(FileSyncXml) }), { numRuns: 5 })
}, 120_000)
`

// A test file that never imports syncwire/testing: the types must come from the types entry.
const TYPED = `import { expect, it } from 'vitest'
import { DigestXml } from 'syncwire/sdata'

declare const xml: string
it('types', () => {
  expect(xml).toBeValidSyncFeed({ role: 'source', strict: true })
  expect(xml).toBeValidFileSync()
  expect(xml).toDecodeAs(DigestXml, { entries: [] })
  expect(xml).toRoundTrip(DigestXml)
})
`

function typeCheck(dir: string, file: string, body: string, types: string[]): string[] {
  const path = join(dir, file)
  writeFileSync(path, body)
  const { options } = ts.convertCompilerOptionsFromJson(
    {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: 'es2022',
      module: 'esnext',
      moduleResolution: 'bundler',
      types,
    },
    dir,
  )
  // As `tsc -p` in the consumer: `types` entries resolve from the project's folder.
  const host = ts.createCompilerHost(options)
  host.getCurrentDirectory = () => dir
  const program = ts.createProgram({ rootNames: [path], options, host })
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
}

describe('a project on vitest 3 and fast-check 3', () => {
  it('installs the tarball with npm without ERESOLVE (no --legacy-peer-deps)', () => {
    expect(installOutput).not.toMatch(/ERESOLVE|peer dep/i)
    expect(version(v3, 'syncwire')).toBe(PKG.version)
    expect(version(v3, 'vitest')).toMatch(/^3\./)
    expect(version(v3, 'fast-check')).toBe(FC3)
  })

  it('runs the matchers and the arbitraries under vitest 3', () => {
    expect(vitest(v3, 'matchers.test.ts', MATCHERS_TEST)).toMatch(/✓.*registers the matchers/)
    expect(vitest(v3, 'arbitraries.test.ts', ARBITRARIES_TEST)).toMatch(/✓.*generates documents/)
  })

  it('type-checks the matchers with "types": ["syncwire/testing/vitest"] in tsconfig', () => {
    expect(typeCheck(v3, 'typed.ts', TYPED, ['syncwire/testing/vitest'])).toEqual([])
  })
})

describe('a project on vitest 2 and fast-check 3', () => {
  it('runs the matchers and the arbitraries under vitest 2', () => {
    expect(version(v2, 'vitest')).toMatch(/^2\./)
    expect(version(v2, 'fast-check')).toBe(FC3)
    expect(vitest(v2, 'arbitraries.test.ts', ARBITRARIES_TEST)).toMatch(/✓.*generates documents/)
  })

  it('type-checks the matchers with "types": ["syncwire/testing/vitest"] in tsconfig', () => {
    expect(typeCheck(v2, 'typed.ts', TYPED, ['syncwire/testing/vitest'])).toEqual([])
  })
})

describe('a project without fast-check (vitest 4)', () => {
  it('has no fast-check, so syncwire/testing/arbitraries cannot load there', () => {
    const out = run(
      process.execPath,
      ['-e', "import('syncwire/testing/arbitraries').then(() => console.log('loaded'), (e) => console.log(e.code))"],
      bare,
    )
    expect(out.trim()).toBe('ERR_MODULE_NOT_FOUND')
  })

  it('runs the matchers of syncwire/testing', () => {
    expect(vitest(bare, 'matchers.test.ts', MATCHERS_TEST)).toMatch(/✓.*registers the matchers/)
  })

  it('type-checks the matchers through `/// <reference types="syncwire/testing/vitest" />`', () => {
    const body = `/// <reference types="syncwire/testing/vitest" />\n${TYPED}`
    expect(typeCheck(bare, 'referenced.ts', body, [])).toEqual([])
  })

  it('rejects the same file without the types entry (so the checks above can fail)', () => {
    expect(typeCheck(bare, 'untyped.ts', TYPED, []).join('\n')).toMatch(/toBeValidSyncFeed/)
  })
})
