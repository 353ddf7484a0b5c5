import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  bin,
  cleanup,
  consumer,
  distDir,
  type Packed,
  PKG,
  pack,
  ROOT,
  run,
  SUBPATHS,
  specifier,
  tempDir,
} from './consumer'

// Packaging, proven from the packed tarball (issue 8): what `npm pack` ships is what consumers import, require and
// type-check, under every module system and TypeScript resolution mode, and the lint tools agree.

let packed: Packed
let esm: string
let cjs: string
const sourceExports = new Map<string, string[]>()

beforeAll(async () => {
  packed = pack()
  esm = consumer(packed.tarball, 'module')
  cjs = consumer(packed.tarball, 'commonjs')
  for (const subpath of SUBPATHS) {
    const mod = (await import(/* @vite-ignore */ join(ROOT, 'src', distDir(subpath), 'index.ts'))) as object
    sourceExports.set(subpath, Object.keys(mod).sort())
  }
})

afterAll(() => cleanup(esm, cjs, packed && dirname(packed.tarball)))

// One compiler in this process for the six consumers, sharing parsed declaration files between them (keyed by the
// module format each program gives a file), instead of six cold `tsc` runs.
const COMPILER = { target: 'es2022', lib: ['es2022'], types: [], strict: true, noEmit: true, skipLibCheck: false }
const parsed = new Map<string, ts.SourceFile>()

function typeCheck(file: string | string[], json: Record<string, unknown>): string[] {
  const roots = typeof file === 'string' ? [file] : file
  const { options, errors } = ts.convertCompilerOptionsFromJson(json, dirname(roots[0] ?? ROOT))
  if (errors.length > 0) return errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
  const host = ts.createCompilerHost(options)
  const read = host.getSourceFile.bind(host)
  host.getSourceFile = (name, version, onError, create) => {
    const key = `${name}|${JSON.stringify(version)}`
    const own = roots.includes(name)
    const cached = own ? undefined : parsed.get(key)
    if (cached) return cached
    const sf = read(name, version, onError, create)
    if (sf && !own) parsed.set(key, sf)
    return sf
  }
  const program = ts.createProgram({ rootNames: roots, options, host })
  return ts.getPreEmitDiagnostics(program).map((d) => ts.formatDiagnostic(d, host))
}

function exportNames(dir: string, script: string, file: string): Record<string, string[]> {
  writeFileSync(join(dir, file), script)
  return JSON.parse(run(process.execPath, [file], dir)) as Record<string, string[]>
}

describe('npm pack', () => {
  it('ships only dist, README, CHANGELOG, LICENSE and package.json', () => {
    const allowed = /^(dist\/.+|README\.md|CHANGELOG\.md|LICENSE|package\.json)$/
    expect(packed.files.filter((f) => !allowed.test(f))).toEqual([])
    expect(packed.files).toContain('LICENSE')
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/)
    for (const doc of ['README.md', 'CHANGELOG.md'])
      if (existsSync(join(ROOT, doc))) expect(packed.files).toContain(doc)
    expect(packed.files.some((f) => f.startsWith('dist/cli/'))).toBe(true)
    expect(PKG.files.sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'dist'])
  })

  // A fresh clone has no dist/: `npm pack` must build first. The clone here is the package.json alone, with a
  // stand-in `tsup` on PATH (no node_modules, so npm's script PATH finds it) that writes dist/index.js: this proves
  // that npm runs the build before it collects the files, without a second real build (the suite's own build goes
  // through the same `npm run build`).
  it('builds before packing a clone that has no dist/ (the prepack script)', () => {
    const clone = tempDir('clone')
    const tools = tempDir('tools')
    try {
      copyFileSync(join(ROOT, 'package.json'), join(clone, 'package.json'))
      writeFileSync(join(tools, 'tsup'), '#!/bin/sh\nmkdir -p dist && echo "export {}" > dist/index.js\n')
      chmodSync(join(tools, 'tsup'), 0o755)
      const env = { PATH: `${tools}:${process.env.PATH ?? ''}` }
      const listed = (args: string[]) => {
        const out = run('npm', ['pack', '--dry-run', '--json', ...args], clone, env)
        return (JSON.parse(out.slice(out.indexOf('['))) as Array<{ files: Array<{ path: string }> }>)[0]?.files.map(
          (f) => f.path,
        )
      }
      expect(listed(['--ignore-scripts'])).not.toContain('dist/index.js')
      expect(listed([])).toContain('dist/index.js')
    } finally {
      cleanup(clone, tools)
    }
  })

  it('ships the JavaScript and declarations of every subpath, for import and for require', () => {
    for (const subpath of SUBPATHS) {
      for (const ext of ['js', 'cjs', 'd.ts', 'd.cts'])
        expect(packed.files).toContain(`dist/${distDir(subpath)}index.${ext}`)
    }
  })
})

describe('a consumer installing the tarball', () => {
  it('can `import` every subpath, with the exports of the source', () => {
    const lines = SUBPATHS.map(
      (s) => `out[${JSON.stringify(s)}] = Object.keys(await import(${JSON.stringify(specifier(s))})).sort()`,
    )
    const names = exportNames(esm, `const out = {}\n${lines.join('\n')}\nconsole.log(JSON.stringify(out))\n`, 'esm.mjs')
    for (const subpath of SUBPATHS) expect(names[subpath], subpath).toEqual(sourceExports.get(subpath))
  })

  it('can `require` every subpath, with the exports of the source', () => {
    const lines = SUBPATHS.map(
      (s) =>
        `out[${JSON.stringify(s)}] = Object.keys(require(${JSON.stringify(specifier(s))})).filter((k) => k !== '__esModule').sort()`,
    )
    const names = exportNames(cjs, `const out = {}\n${lines.join('\n')}\nconsole.log(JSON.stringify(out))\n`, 'cjs.cjs')
    for (const subpath of SUBPATHS) expect(names[subpath], subpath).toEqual(sourceExports.get(subpath))
  })

  it('runs the `syncwire` bin from node_modules/.bin', () => {
    const cli = join(esm, 'node_modules', PKG.name, PKG.bin.syncwire ?? '')
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
    const out = run(join(esm, 'node_modules', '.bin', 'syncwire'), ['--help'], esm)
    expect(out.trim().length).toBeGreaterThan(0)
  })

  // Every value export is referenced through the consumer's module namespace, so the declarations must agree with
  // the JavaScript; skipLibCheck is off, so the shipped .d.ts/.d.cts files are checked too.
  const modes = [
    { resolution: 'node16', module: 'node16', type: 'module' },
    { resolution: 'node16', module: 'node16', type: 'commonjs' },
    { resolution: 'nodenext', module: 'nodenext', type: 'module' },
    { resolution: 'nodenext', module: 'nodenext', type: 'commonjs' },
    { resolution: 'bundler', module: 'esnext', type: 'module' },
    { resolution: 'bundler', module: 'preserve', type: 'commonjs' },
  ] as const
  for (const mode of modes) {
    it(`type-checks as a TypeScript ${mode.type === 'module' ? 'ESM' : 'CJS'} consumer under moduleResolution ${mode.resolution}`, () => {
      const dir = mode.type === 'module' ? esm : cjs
      const name = `ts-${mode.resolution}-${mode.type}`
      const cts = mode.resolution === 'bundler' && mode.type === 'commonjs'
      const file = `${name}.${cts ? 'cts' : 'ts'}`
      const body = SUBPATHS.map((s, i) => {
        const ns = `ns${i}`
        const load =
          cts || mode.type === 'commonjs'
            ? `import ${ns} = require(${JSON.stringify(specifier(s))})`
            : `import * as ${ns} from ${JSON.stringify(specifier(s))}`
        const uses = (sourceExports.get(s) ?? []).map((k) => `  ${ns}.${k},`).join('\n')
        return `${load}\nexport const use${i}: unknown[] = [\n${uses}\n]`
      })
      const types = [
        `import type { XmlDocument } from '${PKG.name}/xml'`,
        `import type { SyncFeed } from '${PKG.name}/sdata'`,
        'export type Used = [XmlDocument, SyncFeed]',
      ]
      writeFileSync(join(dir, file), `${types.join('\n')}\n${body.join('\n')}\n`)
      const errors = typeCheck(join(dir, file), { ...COMPILER, module: mode.module, moduleResolution: mode.resolution })
      // syncwire/testing augments vitest's `Assertion`, so the compiler loads the linked vitest's declarations, which
      // need Node's or the DOM's globals this bare es2022 consumer leaves out on purpose. Their errors are vitest's (a
      // real vitest project has @types/node); errors in the consumer file or in syncwire's own declarations all count.
      const theirs = new RegExp(`(^|[\\\\/])node_modules[\\\\/](?!${PKG.name}[\\\\/])`)
      expect(
        errors.filter((e) => !theirs.test(e.slice(0, e.indexOf('(')))),
        mode.resolution,
      ).toEqual([])
      expect(
        errors.every((e) => /vitest|tinybench|vite[\\/]/.test(e.slice(0, e.indexOf('('))) || !theirs.test(e)),
      ).toBe(true)
    })
  }

  // The guides' TypeScript examples compile against the packed package, as a reader would paste them. A guide opts
  // in with the marker below once its snippets are whole programs (fragments with free variables cannot compile).
  // Examples may use Node's built-ins and vitest (a test reading a capture), so the compiler sees @types/node and the
  // linked vitest, as a consumer project with both installed would. The shipped declarations are checked by the
  // consumers above; here only the examples are, so library files are skipped (checking @types/node and vitest's
  // declarations again for every block would double this file's run time).
  const marker = '<!-- examples: type-checked -->'
  const tsBlocks = (markdown: string) => [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '')
  const docOptions = {
    ...COMPILER,
    skipLibCheck: true,
    module: 'esnext',
    moduleResolution: 'bundler',
    lib: ['es2022', 'dom'],
    types: ['node'],
    typeRoots: [join(ROOT, 'node_modules', '@types')],
  }
  const writeBlocks = (name: string, blocks: string[]) =>
    blocks.map((code, i) => {
      const file = join(esm, `doc-${name.replace(/\W/g, '-')}-${i}.ts`)
      writeFileSync(file, `${code}\nexport {}\n`)
      return file
    })
  const guides = readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md') && readFileSync(join(ROOT, 'docs', f), 'utf8').includes(marker))
    .map((guide) => ({ guide, blocks: tsBlocks(readFileSync(join(ROOT, 'docs', guide), 'utf8')) }))
    .filter((g) => g.blocks.length > 0)
  for (const { guide, blocks } of guides) {
    it(`type-checks the TypeScript examples of docs/${guide}`, () => {
      writeBlocks(guide, blocks).forEach((file, i) => {
        expect(typeCheck(file, docOptions), `block ${i + 1}`).toEqual([])
      })
    })
  }

  // The README's examples are always checked. They are the files of one reader's project, compiled together: the
  // vitest quick start registers the matchers in a setup file, and the test file gets their types from it.
  it('type-checks the TypeScript examples of README.md, as the files of one project', () => {
    const blocks = tsBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'))
    expect(blocks.length).toBeGreaterThan(0)
    expect(typeCheck(writeBlocks('README.md', blocks), docOptions)).toEqual([])
  })

  it('fails a TypeScript consumer that uses an export the package does not have (so the checks above can fail)', () => {
    writeFileSync(join(esm, 'ts-missing.ts'), `import * as x from '${PKG.name}/xml'\nexport const y = x.noSuchExport\n`)
    const options = { ...COMPILER, module: 'nodenext', moduleResolution: 'nodenext' }
    expect(typeCheck(join(esm, 'ts-missing.ts'), options).join('\n')).toMatch(/noSuchExport/)
  })
})

describe('package lint', () => {
  it('publint --strict reports nothing, not even a suggestion', async () => {
    const tarball = readFileSync(packed.tarball)
    const { messages, pkg } = await publint({
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
      strict: true,
    })
    expect(messages.map((m) => `${m.type} ${m.code}: ${formatMessage(m, pkg)}`)).toEqual([])
  })

  it('@arethetypeswrong finds no problem in any resolution mode (node10, node16 CJS and ESM, bundler)', () => {
    let out: string
    try {
      out = run(bin('attw'), [packed.tarball, '--format', 'json'], ROOT)
    } catch (e) {
      out = String((e as Error).message)
    }
    const report = JSON.parse(out.slice(out.indexOf('{'), out.lastIndexOf('}') + 1)) as {
      problems: Record<string, unknown[]> | unknown[]
      analysis: { entrypoints: Record<string, { resolutions: Record<string, unknown> }> }
    }
    expect(report.problems).toEqual(Array.isArray(report.problems) ? [] : {})
    const entrypoints = Object.keys(report.analysis.entrypoints).sort()
    expect(entrypoints).toEqual([...SUBPATHS, './package.json'].sort())
    for (const e of entrypoints) {
      expect(Object.keys(report.analysis.entrypoints[e]?.resolutions ?? {}).sort(), e).toEqual(
        ['bundler', 'node10', 'node16-cjs', 'node16-esm'].sort(),
      )
    }
  })
})
