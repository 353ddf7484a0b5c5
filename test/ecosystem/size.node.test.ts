import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { bin, ensureBuilt, ROOT } from './consumer'

// The size budgets of .size-limit.mjs hold for the built package: min+brotli, dependencies included. The budgets of
// syncwire/sdata (30 → 33 kB), syncwire/filesync (30 → 34 kB) and the whole package (50 → 58 kB) grew when the
// FILESYNC sessions, the streaming readers and byte decoding landed (measured 30.2, 31.7 and 55.3 kB then); sdata
// (33 → 35 kB), the session engine (20 → 22 kB) and the whole package (58 → 61 kB) grew with the direct feed text
// writer, the element descriptions and the streamed validation (measured 33.7, 20.9 and 60.0 kB then); sdata
// (35 → 38 kB) and the whole package (62 → 65 kB) with streamSyncFeedJson's JSON reader (measured 37.1 and 64.1 kB);
// the session engine (22 → 23 kB), syncwire/filesync (34 → 35 kB) and the whole package (65 → 66 kB) with the one
// issue type, FILESYNC's descriptions and parseXml's positions (measured 22.5, 34.1 and 65.1 kB); sdata (38 → 39 kB)
// and the session engine (23 → 24 kB) with the feed, the entry and the payload each one description (measured 38.3
// and 23.1 kB, 37.8 and 22.5 before); the whole package (66 → 68 kB) with every reporter giving the one issue type
// (measured 66.3 kB) and, with the session engine (24 → 27 kB), when SyncFeedXml.decode came to run the streaming
// reader (measured 26.18 and 66.00 kB on their own; 66.98 kB for the whole package with both); sdata (39 → 40 kB) with both (measured 39.47 kB);
// the session engine (27 → 28 kB), filesync (35 → 36 kB) and the whole package (68 → 69 kB) with the codec kit's
// record() built as an element description on top (measured 27.02, 35.39 and 68.09 kB); sdata (40 → 41 kB) and
// filesync (36 → 37 kB) with FILESYNC items read from the parser's events (measured 40.21 and 36.34 kB).

interface Check {
  name: string
  passed: boolean
  size: number
  sizeLimit: number
}

let checks: Check[]

beforeAll(() => {
  ensureBuilt()
  // size-limit exits 1 when a budget is exceeded and still prints its JSON to stdout; esbuild's warnings go to stderr.
  // (They are `[ignored-bare-import]`: tsup's code splitting makes each entry import every shared chunk it depends on
  // for ordering, and with `"sideEffects": false` the measuring bundler drops those imports, rightly: the chunks only
  // declare. Parsing stderr with stdout made the `[` of `[WARNING]` look like the start of the JSON.)
  const result = spawnSync(bin('size-limit'), ['--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  })
  checks = JSON.parse(result.stdout) as Check[]
})

describe('size-limit budgets', () => {
  it('measures the required entries', () => {
    expect(checks.map((c) => c.name)).toEqual([
      "import { detectConflict } from 'syncwire/conflict'",
      "import * from 'syncwire/sdata'",
      "import { createSyncEngine } from 'syncwire/session'",
      "import * from 'syncwire/filesync'",
      "import { parseXml, serializeXml } from 'syncwire/xml'",
      "import * from 'syncwire' (the whole package)",
    ])
  })

  it('keeps every entry within its budget (detectConflict ≤ 3 kB, sdata ≤ 47 kB, filesync ≤ 44 kB, the session engine ≤ 30 kB)', () => {
    expect(checks.filter((c) => !c.passed).map((c) => `${c.name}: ${c.size} B > ${c.sizeLimit} B`)).toEqual([])
    expect(checks[0]?.sizeLimit).toBe(3000)
    expect(checks[1]?.sizeLimit).toBe(47000)
    expect(checks[2]?.sizeLimit).toBe(30000)
    expect(checks[3]?.sizeLimit).toBe(44000)
  })

  it('measures the named `detectConflict` import, not the whole module, once dist/conflict exports it', async () => {
    const config = (await import(/* @vite-ignore */ join(ROOT, '.size-limit.mjs'))) as {
      default: Array<{ name: string; import: string }>
    }
    const exported = /\bdetectConflict\b/.test(readFileSync(join(ROOT, 'dist', 'conflict', 'index.js'), 'utf8'))
    expect(config.default[0]?.import).toBe(exported ? '{ detectConflict }' : '*')
  })
})
