// Finds the Chromium that the vitest browser project drives through Playwright, before any test runs: the
// SYNCWIRE_CHROMIUM variable, then Debian's /usr/bin/chromium, then the binary packed in @sparticuz/chromium.

import { existsSync } from 'node:fs'

/** Where a browser was found. */
export type ChromiumSource = 'SYNCWIRE_CHROMIUM' | 'system' | '@sparticuz/chromium'

/** A browser to launch, or the one line that says why there is none. */
export type ChromiumChoice =
  | { ok: true; path: string; source: ChromiumSource; args: string[] }
  | { ok: false; message: string }

/** The lookups `findChromium` makes; injected so that a test can drive every branch without a browser. */
export interface ChromiumLookups {
  /** The environment (only `SYNCWIRE_CHROMIUM` is read). */
  env: Record<string, string | undefined>
  /** Whether a file exists. */
  exists: (path: string) => boolean
  /** `process.platform` and `process.arch`: the packed binary exists for Linux x64 only. */
  platform: string
  arch: string
  /** Unpacks @sparticuz/chromium and returns its binary's path; rejects when the package is missing or fails. */
  packaged: () => Promise<string>
}

/** Debian's (and Ubuntu's snap-less) system Chromium. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium'

/** Flags for every browser: CI containers have no sandbox, no GPU and a small /dev/shm. */
export const BASE_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage']

const HINT =
  'set SYNCWIRE_CHROMIUM to a Chrome or Chromium binary (on macOS or Windows: your local Chrome), or run only --project node'

/**
 * Picks the browser, in this order: `SYNCWIRE_CHROMIUM` (which must exist: a typo is an error, not a silent
 * fallback), `/usr/bin/chromium`, and on Linux x64 the binary of @sparticuz/chromium (unpacked into the temp
 * folder, about 2 s). Never throws; when nothing fits, `message` is one line naming SYNCWIRE_CHROMIUM.
 */
export async function findChromium(lookups: ChromiumLookups): Promise<ChromiumChoice> {
  const fromEnv = lookups.env.SYNCWIRE_CHROMIUM
  if (fromEnv !== undefined && fromEnv !== '') {
    if (lookups.exists(fromEnv)) return { ok: true, path: fromEnv, source: 'SYNCWIRE_CHROMIUM', args: BASE_ARGS }
    return { ok: false, message: `browser tests: SYNCWIRE_CHROMIUM=${fromEnv} does not exist; ${HINT}` }
  }
  if (lookups.exists(SYSTEM_CHROMIUM)) return { ok: true, path: SYSTEM_CHROMIUM, source: 'system', args: BASE_ARGS }
  if (lookups.platform !== 'linux' || lookups.arch !== 'x64') {
    return {
      ok: false,
      message: `browser tests: no Chromium at ${SYSTEM_CHROMIUM} and @sparticuz/chromium has no ${lookups.platform}-${lookups.arch} binary; ${HINT}`,
    }
  }
  try {
    const path = await lookups.packaged()
    // The packed build is a full Chromium: it needs the new headless mode to start without a display.
    return { ok: true, path, source: '@sparticuz/chromium', args: ['--headless=new', ...BASE_ARGS] }
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0]
    return {
      ok: false,
      message: `browser tests: no Chromium at ${SYSTEM_CHROMIUM} and @sparticuz/chromium failed (${reason}); ${HINT}`,
    }
  }
}

/** The real lookups of this machine. */
export function systemLookups(): ChromiumLookups {
  return {
    env: process.env,
    exists: existsSync,
    platform: process.platform,
    arch: process.arch,
    packaged: async () => {
      const chromium = (await import('@sparticuz/chromium')).default
      return chromium.executablePath()
    },
  }
}

/**
 * Whether a vitest command line will run the browser project: no `--project` at all (every project), or a
 * `--project` pattern that matches `browser` (vitest accepts `*` wildcards there).
 */
export function wantsBrowser(argv: readonly string[]): boolean {
  const patterns: string[] = []
  argv.forEach((arg, i) => {
    if (arg === '--project') patterns.push(argv[i + 1] ?? '')
    else if (arg.startsWith('--project=')) patterns.push(arg.slice('--project='.length))
  })
  if (patterns.length === 0) return true
  return patterns.some((p) =>
    new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`).test('browser'),
  )
}
