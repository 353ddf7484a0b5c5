import { fileURLToPath } from 'node:url'
import { brotliCompressSync } from 'node:zlib'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

// syncwire/conflict must bundle small and alone (DESIGN.md principle 7): no XML layer, no fast-xml-parser, no
// io-ts or fp-ts at run time, and ≤ 3 kB min+brotli for `import { detectConflict } from 'syncwire/conflict'`.

const root = fileURLToPath(new URL('../..', import.meta.url))

async function bundle(contents: string) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'consumer.ts' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    metafile: true,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]!.text
  return { code, inputs: Object.keys(result.metafile.inputs), brotli: brotliCompressSync(Buffer.from(code)).length }
}

describe('the syncwire/conflict bundle', () => {
  it('import { detectConflict } is ≤ 3 kB min+brotli and holds no XML parser, io-ts or fp-ts', async () => {
    const { code, inputs, brotli } = await bundle(
      "import { detectConflict } from './src/conflict/index'\nexport const run = detectConflict",
    )
    console.log(`detectConflict bundle: ${code.length} B minified, ${brotli} B brotli; inputs: ${inputs.join(', ')}`)
    expect(inputs.filter((i) => i.includes('node_modules'))).toEqual([])
    expect(inputs.filter((i) => /src\/(xml|codec|sdata\/(?!model))/.test(i))).toEqual([])
    for (const name of ['fast-xml-parser', 'XMLParser', 'io-ts', 'fp-ts']) expect(code).not.toContain(name)
    expect(brotli).toBeLessThanOrEqual(3 * 1024)
  })

  it('the whole entry point also stays free of them', async () => {
    const { code, inputs, brotli } = await bundle("export * from './src/conflict/index'")
    console.log(`whole syncwire/conflict bundle: ${code.length} B minified, ${brotli} B brotli`)
    expect(inputs.filter((i) => i.includes('node_modules'))).toEqual([])
    for (const name of ['fast-xml-parser', 'XMLParser', 'io-ts', 'fp-ts']) expect(code).not.toContain(name)
  })
})
