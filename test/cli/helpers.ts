// Runs the BUILT syncwire CLI (dist/cli/index.js) as a user would; builds it first only when it is missing or
// older than a source file (`npm test` builds before vitest, so normally this just uses dist).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const CLI = join(ROOT, 'dist', 'cli', 'index.js')

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path))
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

const LOCK = join(ROOT, 'node_modules', '.cache', 'syncwire-cli-build.lock')

function fresh(): boolean {
  return existsSync(CLI) && statSync(CLI).mtimeMs >= newestSource(join(ROOT, 'src'))
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/**
 * Builds dist with tsup when dist/cli/index.js is missing or stale. The CLI test files run in parallel workers, so
 * one of them builds under a lock (a directory, created atomically) while the others wait and then re-check.
 */
export function ensureBuilt(): void {
  if (fresh()) return
  mkdirSync(dirname(LOCK), { recursive: true })
  const deadline = Date.now() + 180_000
  for (;;) {
    try {
      mkdirSync(LOCK)
      break
    } catch {
      // A lock left by a killed run is older than any build takes.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 180_000)
        rmSync(LOCK, { recursive: true, force: true })
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${LOCK}`)
      sleep(200)
    }
  }
  try {
    if (fresh()) return
    const r = spawnSync('npx', ['tsup', '--silent'], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' })
    if (r.status !== 0 || !existsSync(CLI)) throw new Error(`tsup failed:\n${r.stdout}\n${r.stderr}`)
  } finally {
    rmSync(LOCK, { recursive: true, force: true })
  }
}

/** What one run of the CLI gave. */
export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Runs `syncwire …args` from the repository root (so relative example paths work), with optional stdin. */
export function syncwire(args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

/** Stderr is one line, names the problem, and shows no stack trace. */
export function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n')
  if (lines.some((l) => /^\s+at /.test(l) || l.includes('node:internal')))
    throw new Error(`stack trace on stderr:\n${stderr}`)
  return lines[0]!
}
