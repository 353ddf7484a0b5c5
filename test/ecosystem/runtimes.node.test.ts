import { copyFileSync, realpathSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixture } from '../support/fixtures'
import { bin, cleanup, consumer, type Packed, pack, ROOT, run, SUBPATHS, specifier } from './consumer'

// The built package under the two runtimes the vitest projects do not cover, Deno and Bun (both installed from their
// npm packages), next to Node: the same script imports every subpath of the packed tarball and decodes real captures.

const DATA = Object.fromEntries(
  [
    'filesync/spo-2025-02-write-folder-create.response.xml',
    'filesync/spo-2025-06-changes-document-created.response.xml',
    'sdata/spec-4.4_sync-feed_catchUp.xml',
    'sdata/spec-4.2_digest.xml',
  ].map((p) => [p, fixture(p)]),
)

interface Smoke {
  exports: Record<string, string[]>
  checks: Record<string, boolean>
}

let packed: Packed
let dir: string
const results = new Map<string, Smoke>()

beforeAll(() => {
  packed = pack()
  dir = consumer(packed.tarball, 'module', 'runtimes')
  copyFileSync(join(ROOT, 'test', 'ecosystem', 'smoke.mjs'), join(dir, 'smoke.mjs'))
  writeFileSync(join(dir, 'data.json'), JSON.stringify(DATA))
  writeFileSync(
    join(dir, 'main.mjs'),
    [
      "import { readFileSync } from 'node:fs'",
      "import { smoke } from './smoke.mjs'",
      "const data = JSON.parse(readFileSync(new URL('./data.json', import.meta.url), 'utf8'))",
      `console.log(JSON.stringify(await smoke(${JSON.stringify(SUBPATHS.map(specifier))}, data)))`,
      '',
    ].join('\n'),
  )
})

afterAll(() => cleanup(dir, packed && dirname(packed.tarball)))

const runtimes: Record<string, () => string> = {
  node: () => run(process.execPath, ['main.mjs'], dir),
  // --no-remote/--cached-only: Deno resolves the bare specifiers from node_modules and fetches nothing.
  deno: () =>
    run(bin('deno'), ['run', '--no-remote', '--cached-only', '--no-prompt', '--allow-read', 'main.mjs'], dir, {
      DENO_NO_UPDATE_CHECK: '1',
      DENO_DIR: join(dir, '.deno'),
    }),
  bun: () => run(bin('bun'), ['main.mjs'], dir, { BUN_INSTALL_CACHE_DIR: join(dir, '.bun') }),
}

describe('the built package in every server-side runtime', () => {
  for (const [name, exec] of Object.entries(runtimes)) {
    it(`imports every subpath and passes the smoke checks under ${name}`, () => {
      const out = exec()
      const result = JSON.parse(out.slice(out.indexOf('{'))) as Smoke
      results.set(name, result)
      expect(Object.keys(result.exports).sort()).toEqual(SUBPATHS.map(specifier).sort())
      expect(Object.entries(result.checks).filter(([, ok]) => !ok)).toEqual([])
      if (result.exports['syncwire/xml']?.includes('parseXml')) {
        expect(Object.keys(result.checks)).toContain('parseXml: malformed text is a Left, not a throw')
      }
    })
  }

  it('sees the same exports and the same check results in node, deno and bun', () => {
    const node = results.get('node')
    expect(node).toBeDefined()
    for (const other of ['deno', 'bun']) expect(results.get(other), other).toEqual(node)
  })

  it('runs deno and bun from their npm packages, not from a download', () => {
    for (const name of ['deno', 'bun'])
      expect(realpathSync(bin(name)), name).toContain(realpathSync(join(ROOT, 'node_modules', name)))
    expect(run(bin('deno'), ['--version'], ROOT)).toMatch(/^deno \d+\.\d+/)
    expect(run(bin('bun'), ['--version'], ROOT)).toMatch(/^\d+\.\d+\.\d+/)
  })
})
