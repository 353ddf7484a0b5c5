import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { bin, ensureBuilt, ROOT, run } from './consumer'

// The size budgets of .size-limit.mjs (issue 8) hold for the built package: min+brotli, dependencies included.

interface Check {
  name: string
  passed: boolean
  size: number
  sizeLimit: number
}

let checks: Check[]

beforeAll(() => {
  ensureBuilt()
  let out: string
  try {
    out = run(bin('size-limit'), ['--json'], ROOT)
  } catch (e) {
    out = String((e as Error).message)
  }
  checks = JSON.parse(out.slice(out.indexOf('['), out.lastIndexOf(']') + 1)) as Check[]
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

  it('keeps every entry within its budget (detectConflict ≤ 3 kB, sdata and filesync ≤ 30 kB each, the session engine ≤ 20 kB)', () => {
    expect(checks.filter((c) => !c.passed).map((c) => `${c.name}: ${c.size} B > ${c.sizeLimit} B`)).toEqual([])
    expect(checks[0]?.sizeLimit).toBe(3000)
    expect(checks[1]?.sizeLimit).toBe(30000)
    expect(checks[2]?.sizeLimit).toBe(20000)
    expect(checks[3]?.sizeLimit).toBe(30000)
  })

  it('measures the named `detectConflict` import, not the whole module, once dist/conflict exports it', async () => {
    const config = (await import(/* @vite-ignore */ join(ROOT, '.size-limit.mjs'))) as {
      default: Array<{ name: string; import: string }>
    }
    const exported = /\bdetectConflict\b/.test(readFileSync(join(ROOT, 'dist', 'conflict', 'index.js'), 'utf8'))
    expect(config.default[0]?.import).toBe(exported ? '{ detectConflict }' : '*')
  })
})
