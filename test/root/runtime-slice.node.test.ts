import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { RUNTIME_SLICE } from '../support/runtime-slice'

// The edge and browser projects run a slice of the neutral suite (vitest.config.ts). These checks keep the slice
// honest: it names real runtime-neutral test files, and together they import every entry point with runtime code.

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }

/** The source folder of every public entry point with runtime code (`testing/vitest` only declares types). */
const ENTRIES = Object.keys(PKG.exports)
  .filter((k) => k !== './package.json' && k !== './testing/vitest')
  .map((k) => (k === '.' ? 'src' : `src/${k.slice(2)}`))

/** The source folders a test file imports (`../../src/sdata/index` → `src/sdata`). */
function importedFolders(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
  return [...text.matchAll(/from '(\.[^']*\/src(?:\/[^']*)?)'/g)].map((m) => {
    const target = relative(ROOT, join(ROOT, file, '..', m[1] ?? ''))
    return target.replace(/\/index$/, '')
  })
}

describe('the runtime slice', () => {
  it('names existing runtime-neutral test files, each once', () => {
    expect(new Set(RUNTIME_SLICE).size).toBe(RUNTIME_SLICE.length)
    for (const file of RUNTIME_SLICE) {
      expect(existsSync(join(ROOT, file)), file).toBe(true)
      expect(file).toMatch(/^test\/.+(?<!\.node)\.test\.ts$/)
    }
  })

  it('imports every public entry point that has runtime code, through the entry itself', () => {
    const imported = new Set(RUNTIME_SLICE.flatMap(importedFolders))
    expect(ENTRIES.filter((entry) => !imported.has(entry))).toEqual([])
  })
})
