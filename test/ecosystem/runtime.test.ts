import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as codec from '../../src/codec/index'
import * as conflict from '../../src/conflict/index'
import * as filesync from '../../src/filesync/index'
import * as root from '../../src/index'
import * as sdata from '../../src/sdata/index'
import * as arbitraries from '../../src/testing/arbitraries/index'
import * as testing from '../../src/testing/index'
import * as xml from '../../src/xml/index'
import { fixturesIn } from '../support/fixtures'
import { numRuns, runtime } from '../support/runtime'

// Each project must really run where it says it runs; otherwise "isomorphic" would be proven on Node three times.
const g = globalThis as Record<string, unknown>

describe(`the ${runtime} project`, () => {
  it('runs in the runtime it names', () => {
    const nodeProcess = (g.process as { versions?: { node?: string } } | undefined)?.versions?.node
    if (runtime === 'edge') {
      expect(typeof g.EdgeRuntime).toBe('string')
      expect(g.document).toBeUndefined()
    } else if (runtime === 'browser') {
      expect(typeof g.document).toBe('object')
      expect((g.navigator as { userAgent: string }).userAgent).toMatch(/Chrome\//)
    } else {
      expect(typeof nodeProcess).toBe('string')
      expect(g.EdgeRuntime).toBeUndefined()
      expect(g.document).toBeUndefined()
    }
  })

  it('loads every public entry point', () => {
    for (const entry of [root, xml, codec, filesync, sdata, conflict, testing, arbitraries]) {
      for (const [name, value] of Object.entries(entry)) expect(value, name).toBeDefined()
    }
  })

  it('sees the fixture corpus', () => {
    expect(fixturesIn('filesync').length).toBeGreaterThan(0)
    expect(fixturesIn('sdata').length).toBeGreaterThan(0)
  })

  it('scales property runs: node keeps the budget, edge and browser run fewer but at least 10', () => {
    const env = (g.process as { env?: Record<string, string | undefined> } | undefined)?.env?.FC_NUM_RUNS
    if (env === undefined) {
      const expected = { node: 200, edge: 100, browser: 50 }[runtime]
      expect(numRuns(200)).toBe(expected)
      expect(fc.readConfigureGlobal().numRuns).toBe(numRuns(100))
    }
    expect(numRuns(12)).toBeGreaterThanOrEqual(10)
    expect(numRuns(3)).toBe(env === undefined ? 3 : numRuns(3))
  })
})
