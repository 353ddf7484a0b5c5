import { describe, expect, it } from 'vitest'
import { fixture, fixturesIn } from './fixtures'

describe('fixture loader', () => {
  it('bundles the corpus as raw text, BOM included', () => {
    expect(fixturesIn('filesync', '.xml').length).toBeGreaterThanOrEqual(12)
    expect(fixture('filesync/spo-2025-02-write-folder-create.response.xml').charCodeAt(0)).toBe(0xfeff)
  })
})
