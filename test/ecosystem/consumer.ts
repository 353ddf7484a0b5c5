// Node-only helpers for the ecosystem tests: build once, pack the package, and lay out throwaway consumer projects.
// Consumers get the packed tarball as node_modules/syncwire and links to this repo's installed dependencies (no network).

import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** The repository's package.json. */
export const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string
  version: string
  bin: Record<string, string>
  files: string[]
  exports: Record<string, unknown>
}

/** Every public subpath of the exports map (`.`, `./xml`, …), without `./package.json`. */
export const SUBPATHS: string[] = Object.keys(PKG.exports).filter((k) => k !== './package.json')

/** The bare specifier of a subpath: `.` → `syncwire`, `./xml` → `syncwire/xml`. */
export function specifier(subpath: string): string {
  return subpath === '.' ? PKG.name : `${PKG.name}/${subpath.slice(2)}`
}

/** The dist folder of a subpath's entry (`''` for the root). */
export function distDir(subpath: string): string {
  return subpath === '.' ? '' : `${subpath.slice(2)}/`
}

/** Run a command, returning stdout; on failure the error carries stdout and stderr for the assertion message. */
export function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): string {
  try {
    return execFileSync(cmd, args, {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    })
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string }
    throw new Error(
      `${cmd} ${args.join(' ')} failed in ${cwd}\n${err.message}\n${err.stdout ?? ''}\n${err.stderr ?? ''}`,
    )
  }
}

/** A local binary of this repo's node_modules/.bin. */
export function bin(name: string): string {
  return join(ROOT, 'node_modules', '.bin', name)
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)
  }
  return newest
}

/**
 * Builds dist/ unless it is already newer than src/ (CI's `npm test` builds before vitest runs). A lock directory
 * keeps two test files from building at once.
 */
export function ensureBuilt(): void {
  const marker = join(ROOT, 'dist', 'index.js')
  const fresh = () =>
    existsSync(marker) &&
    SUBPATHS.every((s) =>
      ['js', 'cjs', 'd.ts', 'd.cts'].every((ext) => existsSync(join(ROOT, 'dist', distDir(s), `index.${ext}`))),
    ) &&
    statSync(marker).mtimeMs >= newestMtime(join(ROOT, 'src'))
  if (fresh()) return
  const lock = join(tmpdir(), `syncwire-build-${Buffer.from(ROOT).toString('hex').slice(-24)}.lock`)
  const deadline = Date.now() + 180_000
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true })
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500)
    }
  }
  try {
    if (!fresh()) run('npm', ['run', 'build', '--silent'], ROOT)
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

/** A fresh temporary directory. */
export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `syncwire-${label}-`))
}

/** The result of `npm pack`: the tarball's path and the files it holds. */
export interface Packed {
  tarball: string
  files: string[]
}

/** Builds if needed and runs `npm pack` into a temporary directory. */
export function pack(): Packed {
  ensureBuilt()
  const dest = tempDir('pack')
  const out = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dest], ROOT)
  const [info] = JSON.parse(out.slice(out.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>
  if (info === undefined) throw new Error(`npm pack printed no result: ${out}`)
  return { tarball: join(dest, info.filename), files: info.files.map((f) => f.path).sort() }
}

/** Dependencies a consumer links from this repo: the runtime deps, the optional peers and the TypeScript compiler. */
export const LINKED_DEPS = ['fast-xml-parser', 'io-ts', 'fp-ts', 'fast-check', 'vitest', 'typescript']

/**
 * Lays out a consumer project: package.json with the given module type, the tarball unpacked as
 * node_modules/syncwire (as `npm install` would: the bin linked into node_modules/.bin and made executable), and
 * links to this repo's copies of the dependencies (`linkFrom` points some at other copies, `without` leaves some out).
 */
export function consumer(
  tarball: string,
  type: 'module' | 'commonjs',
  label: string = type,
  linkFrom: Record<string, string> = {},
  without: string[] = [],
): string {
  const dir = tempDir(`consumer-${label}`)
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: `consumer-${label}`, private: true, type, dependencies: { [PKG.name]: PKG.version } }),
  )
  const nm = join(dir, 'node_modules')
  const pkgDir = join(nm, PKG.name)
  mkdirSync(pkgDir, { recursive: true })
  run('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1'], dir)
  for (const dep of LINKED_DEPS) {
    if (without.includes(dep)) continue
    const target = join(nm, dep)
    mkdirSync(dirname(target), { recursive: true })
    symlinkSync(linkFrom[dep] ?? join(ROOT, 'node_modules', dep), target, 'dir')
  }
  const installed = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { bin?: Record<string, string> }
  mkdirSync(join(nm, '.bin'), { recursive: true })
  for (const [name, file] of Object.entries(installed.bin ?? {})) {
    const target = join(pkgDir, file)
    chmodSync(target, 0o755)
    symlinkSync(relative(join(nm, '.bin'), target), join(nm, '.bin', name))
  }
  return dir
}

/** Removes a temporary directory made by these helpers. */
export function cleanup(...dirs: Array<string | undefined>): void {
  for (const d of dirs) if (d?.startsWith(tmpdir())) rmSync(d, { recursive: true, force: true })
}
