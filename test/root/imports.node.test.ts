import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The tests check what users get, so they import src/ only through the public entry points: the modules that
// package.json "exports" (and "bin", for the CLI) publish. A test that imports a module below an entry pins an
// internal shape, and a redesign of the internals would then break tests instead of being checked by them.

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const TEST = join(ROOT, 'test')

/**
 * Test files that still import below an entry point, each with the reason. The list may only shrink: a file listed
 * here that no longer imports below an entry fails the test too, so it is removed when it is rewritten.
 */
const PENDING: Record<string, string> = {
  // The CLI's unit tests. The CLI's one entry is its binary (src/cli/index.ts runs main() when imported), so these
  // would have to spawn it, which the test-time budget does not allow; the spawned CLI tests cover the behaviour.
  'test/cli/color.node.test.ts': 'colorEnabled/paint of cli/shared: to be checked through main() output',
  'test/cli/convert.node.test.ts': 'detectKind/KIND_SPECS of cli/kinds: to be checked through main() convert',
  'test/cli/summary.test.ts': 'cli/summary: to be checked through main() summary output',
  'test/cli/streamed.node.test.ts':
    'runs the commands in-process (no spawn) to compare the streamed and in-memory paths',
  'test/conflict/stamps-fast-path.test.ts':
    'the stamp-order fast path (isPlainUtc/orderStamps) = compareStamps: an optimisation users cannot see',
  'test/filesync/http/mutation-utf8.test.ts':
    'byte helpers of the multipart framing: indexOfBytes with an empty needle is not reachable through splitMultipart',
  'test/totality/thrown.test.ts':
    'fault injection: a throw of syncwire’s own readers is reported as internal; no public input makes them throw',
  'test/xml/chars.test.ts':
    'XML name/char classes on every BMP unit: through parseXml this costs ~1 s (one parse per refused unit)',
}

/** The src/ modules behind package.json "exports" and "bin" (dist/x/index.js is built from src/x/index.ts). */
function entryModules(): Set<string> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    exports: Record<string, unknown>
    bin: Record<string, string>
  }
  const targets: string[] = []
  const collect = (v: unknown): void => {
    if (typeof v === 'string') targets.push(v)
    else if (v && typeof v === 'object') for (const x of Object.values(v)) collect(x)
  }
  collect(pkg.exports)
  collect(pkg.bin)
  const entries = new Set<string>()
  for (const target of targets) {
    const m = /^\.\/dist\/(.*?)index\.(?:js|cjs)$/.exec(target)
    if (m) entries.add(`src/${m[1]}index.ts`)
  }
  return entries
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : /\.m?ts$/.test(e.name) ? [join(dir, e.name)] : [],
  )
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bvi\.mock\(\s*)['"](\.[^'"]*)['"]/g

/** The src/ modules a test file imports, as paths relative to the repository root. */
function srcImports(file: string): string[] {
  const found: string[] = []
  for (const m of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
    const target = relative(ROOT, normalize(join(dirname(file), m[1]!.replace(/\.js$/, ''))))
      .split(sep)
      .join('/')
    if (!target.startsWith('src/') && target !== 'src') continue
    const module = [`${target}.ts`, `${target}/index.ts`].find((p) => existsSync(join(ROOT, p)))
    found.push(module ?? target)
  }
  return found
}

describe('tests import src/ only through the public entry points', () => {
  const entries = entryModules()

  it('finds the entry points in package.json', () => {
    for (const e of ['src/index.ts', 'src/xml/index.ts', 'src/sdata/index.ts', 'src/testing/vitest/index.ts'])
      expect(entries.has(e), e).toBe(true)
    expect(entries.has('src/sdata/model.ts')).toBe(false)
  })

  it('has no test importing a module below an entry point', () => {
    const below: Record<string, string[]> = {}
    for (const file of testFiles(TEST)) {
      const name = relative(ROOT, file).split(sep).join('/')
      const internal = [...new Set(srcImports(file).filter((m) => !entries.has(m)))]
      if (internal.length > 0 && !(name in PENDING)) below[name] = internal
    }
    expect(below).toEqual({})
  })

  it('keeps the pending list honest: every file on it still imports below an entry point', () => {
    for (const name of Object.keys(PENDING)) {
      const file = join(ROOT, name)
      expect(existsSync(file), name).toBe(true)
      expect(
        srcImports(file).some((m) => !entries.has(m)),
        name,
      ).toBe(true)
    }
  })

  it('recognises an import below an entry point', () => {
    // The scanner itself: this very file would be flagged if it imported a model module.
    const quote = "'"
    const sample = `import { x } from ${quote}../../src/sdata/model${quote}\nconst y = await import(${quote}../../src/xml/index${quote})`
    const specifiers = [...sample.matchAll(SPECIFIER)].map((m) => m[1])
    expect(specifiers).toEqual(['../../src/sdata/model', '../../src/xml/index'])
  })
})
