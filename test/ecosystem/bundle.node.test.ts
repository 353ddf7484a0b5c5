import { builtinModules } from 'node:module'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
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
  // What reached the output (`inputs` also lists modules that were read and then shaken out entirely).
  const used = Object.values(result.metafile.outputs).flatMap((o) =>
    Object.entries(o.inputs)
      .filter(([, v]) => v.bytesInOutput > 0)
      .map(([k]) => k),
  )
  return { inputs, imports, used, text: result.outputFiles[0]?.text ?? '' }
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

  // A consumer that only builds the changes URL and reads the response headers must not pay for the codecs: the
  // built dist/ is bundled (tsup merges modules into chunks, so module-level codec construction must be pure).
  const gzipped = (text: string) => gzipSync(text).length
  // The XML parser's namespace for `xmlns` declarations: present in a bundle exactly when the parser is.
  const XMLNS_URI = 'http://www.w3.org/2000/xmlns/'
  it('bundles `changesUrl` + `parseSyncResponseHeaders` from syncwire/filesync under 8 kB gzip, without io-ts or the parser', async () => {
    const { used, text } = await bundle(
      "import { changesUrl, parseSyncResponseHeaders } from './dist/filesync/index.js'; globalThis.h = [changesUrl, parseSyncResponseHeaders]",
    )
    expect(used.filter((p) => /node_modules\/(io-ts|fp-ts)\//.test(p))).toEqual([])
    expect(text).not.toContain(XMLNS_URI)
    expect(gzipped(text)).toBeLessThan(8_000)
  })

  it('bundles io-ts and the parser for `PolicyXml` from the same entry (so the check above can fail)', async () => {
    const { used, text } = await bundle(
      "import { PolicyXml } from './dist/filesync/index.js'; globalThis.p = PolicyXml",
    )
    expect(used.some((p) => p.includes('node_modules/io-ts/'))).toBe(true)
    expect(text).toContain(XMLNS_URI)
    expect(gzipped(text)).toBeGreaterThan(8_000)
  })
})
