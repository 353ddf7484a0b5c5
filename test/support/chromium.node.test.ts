import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { type ChromiumLookups, findChromium, SYSTEM_CHROMIUM, wantsBrowser } from './chromium'

// The browser project's Chromium discovery (vitest.config.ts), driven through injected lookups: no browser is
// launched or unpacked here, and every branch of the order is taken.

function lookups(over: Partial<ChromiumLookups> & { files?: string[] } = {}): ChromiumLookups & { unpacked: number } {
  const files = new Set(over.files ?? [])
  const state = {
    env: {},
    exists: (p: string) => files.has(p),
    platform: 'linux',
    arch: 'x64',
    unpacked: 0,
    packaged: async () => {
      state.unpacked++
      return '/tmp/chromium'
    },
    ...over,
  }
  return state
}

describe('findChromium', () => {
  it('takes SYNCWIRE_CHROMIUM first, over the system browser and the package', async () => {
    const l = lookups({ env: { SYNCWIRE_CHROMIUM: '/opt/chrome' }, files: ['/opt/chrome', SYSTEM_CHROMIUM] })
    expect(await findChromium(l)).toMatchObject({ ok: true, path: '/opt/chrome', source: 'SYNCWIRE_CHROMIUM' })
    expect(l.unpacked).toBe(0)
  })

  it('reports a SYNCWIRE_CHROMIUM that does not exist instead of falling back', async () => {
    const choice = await findChromium(lookups({ env: { SYNCWIRE_CHROMIUM: '/nope' }, files: [SYSTEM_CHROMIUM] }))
    expect(choice.ok).toBe(false)
    if (!choice.ok) expect(choice.message).toMatch(/^browser tests: SYNCWIRE_CHROMIUM=\/nope does not exist; [^\n]+$/)
  })

  it('takes /usr/bin/chromium when the variable is unset or empty, without unpacking the package', async () => {
    for (const env of [{}, { SYNCWIRE_CHROMIUM: '' }]) {
      const l = lookups({ env, files: [SYSTEM_CHROMIUM] })
      expect(await findChromium(l)).toMatchObject({ ok: true, path: SYSTEM_CHROMIUM, source: 'system' })
      expect(l.unpacked).toBe(0)
    }
  })

  it('falls back to @sparticuz/chromium on Linux x64, in the new headless mode', async () => {
    const l = lookups()
    const choice = await findChromium(l)
    expect(choice).toMatchObject({ ok: true, path: '/tmp/chromium', source: '@sparticuz/chromium' })
    if (choice.ok) expect(choice.args).toEqual(expect.arrayContaining(['--headless=new', '--no-sandbox']))
    expect(l.unpacked).toBe(1)
  })

  it('gives one line naming SYNCWIRE_CHROMIUM on macOS, Windows and Linux arm64, without trying the package', async () => {
    for (const [platform, arch] of [
      ['darwin', 'arm64'],
      ['win32', 'x64'],
      ['linux', 'arm64'],
    ] as const) {
      const l = lookups({ platform, arch })
      const choice = await findChromium(l)
      expect(choice.ok).toBe(false)
      if (!choice.ok) {
        expect(choice.message).not.toContain('\n')
        expect(choice.message).toContain('SYNCWIRE_CHROMIUM')
        expect(choice.message).toContain(`${platform}-${arch}`)
      }
      expect(l.unpacked).toBe(0)
    }
  })

  it('gives one line when the package is missing or fails to unpack', async () => {
    const choice = await findChromium(
      lookups({
        packaged: () => Promise.reject(new Error("Cannot find package '@sparticuz/chromium'\n    at stack frame")),
      }),
    )
    expect(choice).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^[^\n]*Cannot find package '@sparticuz\/chromium'\)[^\n]*SYNCWIRE_CHROMIUM[^\n]*$/,
      ),
    })
  })
})

describe('wantsBrowser', () => {
  it('is true for a run of every project or a --project that matches browser', () => {
    expect(wantsBrowser(['node', 'vitest', 'run'])).toBe(true)
    expect(wantsBrowser(['node', 'vitest', 'run', '--project', 'browser', 'test/xml'])).toBe(true)
    expect(wantsBrowser(['node', 'vitest', '--project=node', '--project=b*'])).toBe(true)
  })

  it('is false when only other projects are selected', () => {
    expect(wantsBrowser(['node', 'vitest', 'run', '--project', 'node', 'test/xml'])).toBe(false)
    expect(wantsBrowser(['node', 'vitest', '--project=edge', '--project', 'node'])).toBe(false)
  })
})

describe('.ci/run', () => {
  it('installs no system package (npm ci brings the browser)', () => {
    const script = readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8')
    expect(script).toContain('npm ci')
    expect(script).not.toMatch(/apt-get|apt install|dnf |yum |brew /)
  })
})
