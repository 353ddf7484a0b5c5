import { builtinModules } from 'node:module'
import { join } from 'node:path'
import { build } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'
import { distDir, ensureBuilt, ROOT, SUBPATHS, specifier } from './consumer'

// Every entry point bundles for the browser with no Node built-in (issue 8), and the conflict logic bundles without
// the XML layer (DESIGN.md principle 7). The built dist/ files are bundled, the way a consumer's bundler sees them.

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))

async function bundle(contents: string, format: 'esm' | 'cjs' = 'esm') {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, sourcefile: 'consumer.js', loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format,
    write: false,
    metafile: true,
    minify: true,
    logLevel: 'silent',
    // fast-check and vitest are optional peers of syncwire/testing: a consumer's test bundle brings its own.
    external: ['vitest', '@vitest/*', 'fast-check'],
  })
  const inputs = Object.keys(result.metafile.inputs)
  const imports = Object.values(result.metafile.inputs).flatMap((i) => i.imports.map((x) => x.path))
  return { inputs, imports, text: result.outputFiles[0]?.text ?? '' }
}

beforeAll(() => ensureBuilt())

describe('esbuild --bundle --platform=browser', () => {
  for (const subpath of SUBPATHS) {
    for (const format of ['esm', 'cjs'] as const) {
      it(`bundles ${specifier(subpath)} (${format} build) with no Node built-in`, async () => {
        const file = join('dist', distDir(subpath), `index.${format === 'esm' ? 'js' : 'cjs'}`)
        const stmt =
          format === 'esm' ? `import * as m from './${file}'; globalThis.m = m` : `globalThis.m = require('./${file}')`
        const { inputs, imports } = await bundle(stmt, format)
        expect(inputs.some((i) => i.startsWith(file.replaceAll('\\', '/')))).toBe(true)
        expect(imports.filter((p) => NODE_BUILTINS.has(p))).toEqual([])
        expect(inputs.filter((p) => /(^|\/)node_modules\/(@types\/node|buffer|process)\//.test(p))).toEqual([])
      })
    }
  }

  it('bundles `import { detectConflict } from "syncwire/conflict"` without fast-xml-parser or the XML layer', async () => {
    const dist = await bundle("import * as c from './dist/conflict/index.js'; globalThis.f = c.detectConflict ?? c")
    expect(dist.inputs.filter((p) => p.includes('fast-xml-parser'))).toEqual([])
    expect(dist.text).not.toMatch(/XMLParser|fast-xml-parser/)
    // From the sources, the module graph shows the layering that the chunked dist/ output hides.
    const src = await bundle("import * as c from './src/conflict/index.ts'; globalThis.f = c.detectConflict ?? c")
    expect(src.inputs.some((p) => p.startsWith('src/conflict/'))).toBe(true)
    expect(src.inputs.filter((p) => p.startsWith('src/xml/') || p.includes('fast-xml-parser'))).toEqual([])
  })

  it('bundles syncwire/xml (the built dist/xml/index.js) without io-ts or the codec kit', async () => {
    const dist = await bundle("import * as x from './dist/xml/index.js'; globalThis.x = x")
    expect(dist.inputs.filter((p) => /(^|\/)node_modules\/io-ts\//.test(p))).toEqual([])
    expect(dist.text).not.toMatch(/UnknownRecord|UnknownArray/)
    const src = await bundle("import * as x from './src/xml/index.ts'; globalThis.x = x")
    expect(src.inputs.filter((p) => p.startsWith('src/codec/') || p.includes('node_modules/io-ts/'))).toEqual([])
  })

  it('sees io-ts in the syncwire/codec bundle (so the check above would catch it)', async () => {
    const { inputs, text } = await bundle("import * as c from './dist/codec/index.js'; globalThis.c = c")
    expect(inputs.filter((p) => /(^|\/)node_modules\/io-ts\//.test(p)).length).toBeGreaterThan(0)
    expect(text).toMatch(/UnknownRecord/)
  })

  it('sees the XML layer in the syncwire/xml graph (so the check above would catch it)', async () => {
    const { inputs } = await bundle("import { parseXml } from './src/xml/index.ts'; globalThis.p = parseXml")
    expect(inputs.filter((p) => p.startsWith('src/xml/')).length).toBeGreaterThan(1)
  })
})
