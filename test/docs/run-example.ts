// Runs a TypeScript example of README.md or docs/ as a reader's program: bundled with esbuild against src/, its free
// variables (`declare const x: T`, `declare function f(…)`) bound from a scenario, its console captured.
// `vitest` and `node:fs` imports are shims, so an example test file runs here with the real `expect`; `fetch` and
// `createReadStream` are answered by the scenario (a simulated server, a fixture read in small chunks).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { format } from 'node:util'
import { build, type Plugin } from 'esbuild'
import { expect } from 'vitest'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** One ```ts block of a markdown file. */
export interface Block {
  file: string
  index: number
  code: string
}

/** Every ```ts block of a markdown file (path relative to the repository root), in order. */
export function blocksOf(file: string): Block[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m, index) => ({ file, index, code: m[1] ?? '' }))
}

/** What a run of an example did. */
export interface Run {
  /** console.log/info lines. */
  out: string[]
  /** console.error/warn lines. */
  err: string[]
  /** What the example threw (or an `it` block failed with); undefined when it completed. */
  error: unknown
  /** The names of the `it` blocks that ran. */
  tests: string[]
  /** What the example exports (its functions, for a scenario to call). */
  exports: Record<string, unknown>
}

/** The bindings of a scenario: values for the declared names, files for `readFileSync`/`createReadStream`, `fetch`. */
export interface Env {
  values?: Record<string, unknown>
  files?: Record<string, string>
  fetch?: (url: string, init?: RequestInit) => Promise<Response>
}

/** A run of an example in an environment and what it must have done (a check may call what the example exports). */
export interface Scenario {
  name: string
  env?: Env
  check: (run: Run) => void | Promise<void>
}

/** The scenarios of the block of `file` that contains `contains`. */
export interface Example {
  file: string
  contains: string
  scenarios: Scenario[]
}

interface Host {
  need(name: string): unknown
  console: Pick<Console, 'log' | 'info' | 'error' | 'warn'>
  it(name: string, fn: () => unknown): void
  expect: typeof expect
  readFileSync(path: string): string
  createReadStream(path: string): Readable
  fetch(url: string, init?: RequestInit): Promise<Response>
}

const shims: Plugin = {
  name: 'example-shims',
  setup(b) {
    b.onResolve({ filter: /^syncwire(\/[a-z]+)*$/ }, (a) => ({
      path: join(ROOT, 'src', a.path.slice('syncwire'.length), 'index.ts'),
    }))
    b.onResolve({ filter: /^(vitest|node:fs)$/ }, (a) => ({ path: a.path, namespace: 'shim' }))
    b.onLoad({ filter: /.*/, namespace: 'shim' }, (a) => ({
      loader: 'js',
      contents:
        a.path === 'vitest'
          ? // Looked up at each call: with code splitting this shim is one module shared by every example.
            'const h = () => globalThis.__example; export const it = (...a) => h().it(...a); export const test = it; export const expect = h().expect'
          : 'const h = () => globalThis.__example; export const readFileSync = (p) => h().readFileSync(p); export const createReadStream = (p) => h().createReadStream(p)',
    }))
  },
}

/** The example with its free variables bound from the host and `console` captured. */
export function prepare(code: string): string {
  const bound = code
    .replace(/^declare const (\w+)\b[^\n]*$/gm, 'const $1 = globalThis.__example.need("$1")')
    .replace(/^declare function (\w+)\b[^\n]*$/gm, 'const $1 = globalThis.__example.need("$1")')
  // The host is kept, so exported functions a scenario calls later still reach its `fetch` and `console`.
  const host =
    'const __host = globalThis.__example\nconst console = __host.console\nconst fetch = (...a) => __host.fetch(...a)'
  // A named export keeps the bundle an ES module to every parser, so a top-level `for await` is allowed.
  return `${host}\n${bound}\nexport const __isModule = true\n`
}

const bundles = new Map<string, string>()
let outdir: string | undefined
let serial = 0

/**
 * Bundles many examples in one esbuild run (code splitting shares the library's modules between them), so the
 * suite pays for one build instead of one per block. Examples bundled here are not bundled again by
 * {@link runExample}.
 */
export async function bundleExamples(codes: string[]): Promise<void> {
  const fresh = [...new Set(codes)].filter((c) => !bundles.has(c))
  if (fresh.length === 0) return
  outdir ??= mkdtempSync(join(tmpdir(), 'syncwire-examples-'))
  const base = bundles.size
  const entries: Plugin = {
    name: 'example-entries',
    setup(b) {
      b.onResolve({ filter: /^example-\d+$/ }, (a) => ({ path: a.path, namespace: 'example' }))
      b.onLoad({ filter: /.*/, namespace: 'example' }, (a) => ({
        contents: prepare(fresh[Number(a.path.slice('example-'.length)) - base] ?? ''),
        resolveDir: ROOT,
        loader: 'ts',
      }))
    },
  }
  const names = fresh.map((_, i) => `example-${base + i}`)
  await build({
    entryPoints: names,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir,
    entryNames: '[name]',
    logLevel: 'silent',
    plugins: [entries, shims],
  })
  for (const [i, code] of fresh.entries()) bundles.set(code, join(outdir, `${names[i]}.js`))
}

/** Bundles (once per code, unless {@link bundleExamples} did) and runs an example in a scenario. */
export async function runExample(code: string, env: Env = {}): Promise<Run> {
  await bundleExamples([code])
  const file = bundles.get(code) ?? ''
  const run: Run = { out: [], err: [], error: undefined, tests: [], exports: {} }
  const pending: Array<Promise<unknown>> = []
  const host: Host = {
    need(name) {
      if (env.values === undefined || !(name in env.values)) throw new Error(`the scenario does not bind ${name}`)
      return env.values[name]
    },
    console: {
      log: (...a: unknown[]) => void run.out.push(format(...a)),
      info: (...a: unknown[]) => void run.out.push(format(...a)),
      error: (...a: unknown[]) => void run.err.push(format(...a)),
      warn: (...a: unknown[]) => void run.err.push(format(...a)),
    },
    it(name, fn) {
      run.tests.push(name)
      pending.push(Promise.resolve().then(fn))
    },
    expect,
    readFileSync(path) {
      const text = env.files?.[path]
      if (text === undefined) throw new Error(`ENOENT: the scenario has no file ${path}`)
      return text
    },
    createReadStream(path) {
      const bytes = new TextEncoder().encode(host.readFileSync(path))
      const chunks: Uint8Array[] = []
      for (let i = 0; i < bytes.length; i += 61) chunks.push(bytes.subarray(i, i + 61))
      return Readable.from(chunks)
    },
    fetch(url, init) {
      if (env.fetch === undefined) throw new Error(`the scenario has no fetch for ${url}`)
      return env.fetch(url, init)
    },
  }
  ;(globalThis as { __example?: Host }).__example = host
  try {
    run.exports = { ...(await import(`${pathToFileURL(file).href}?run=${serial++}`)) }
    const failed = (await Promise.allSettled(pending)).find((s) => s.status === 'rejected')
    if (failed !== undefined) run.error = failed.reason
  } catch (error) {
    run.error = error
  } finally {
    delete (globalThis as { __example?: Host }).__example
  }
  return run
}

/** Removes the bundles written by {@link runExample} and {@link bundleExamples}. */
export function cleanupExamples(): void {
  if (outdir !== undefined) rmSync(outdir, { recursive: true, force: true })
  outdir = undefined
  bundles.clear()
}
