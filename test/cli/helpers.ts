// Runs the BUILT syncwire CLI (dist/cli/index.js) as a user would; builds it first only when it is missing or
// older than a source file (`npm test` builds before vitest, so normally this just uses dist).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
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

/** Builds dist with tsup when dist/cli/index.js is missing or stale. */
export function ensureBuilt(): void {
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= newestSource(join(ROOT, 'src'))) return
  const r = spawnSync('npx', ['tsup', '--silent'], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' })
  if (r.status !== 0 || !existsSync(CLI)) throw new Error(`tsup failed:\n${r.stderr}`)
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
