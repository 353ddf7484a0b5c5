import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fixture } from '../support/fixtures'
import { numRuns } from '../support/runtime'
import { CORPUS, KINDS } from './kinds'
import { totalityLaw } from './laws'
import { arbMutatedCorpus } from './mutations'

// CI runs each property 10,000 times per kind on Node (the edge and browser projects scale this down);
// locally 300 by default; FC_NUM_RUNS overrides both.
const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
const RUNS = numRuns(env?.CI ? 10_000 : 300)
// Mutations of a corpus file seldom stay decodable (about 1 % for the one tracking file), so the mutated-corpus
// properties run at least 1,000 times: enough that "a Right was seen" fails only when something is wrong.
const MUTATED_RUNS = Math.max(RUNS, numRuns(1_000))

/** Any UTF-16 string, lone surrogates included, often starting like markup. */
const anyText = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 64 }),
  fc
    .tuple(fc.constantFrom('<', '<?xml version="1.0"?><', '\uFEFF<', '<a:'), fc.string({ maxLength: 64 }))
    .map(([a, b]) => a + b),
)

describe('totality: decode is total and, on Right, decode ∘ encode = id, for every kind', () => {
  for (const kind of KINDS) {
    const own = kind.corpus.map(fixture)

    it(`${kind.name}: arbitrary strings (decode total; decode ∘ encode = id on Right; prototypes unchanged)`, () => {
      fc.assert(
        fc.property(anyText, (text) => {
          totalityLaw(kind, text)
        }),
        { numRuns: RUNS },
      )
    })

    it(`${kind.name}: mutated corpus files (insert, delete, flip, duplicate a span, splice two files)`, () => {
      const seen = { left: 0, right: 0 }
      fc.assert(
        fc.property(arbMutatedCorpus(own, CORPUS), (text) => {
          seen[totalityLaw(kind, text)]++
        }),
        { numRuns: MUTATED_RUNS },
      )
      // Both outcomes must be exercised, or the round-trip half of the law was never checked.
      expect(seen.left).toBeGreaterThan(0)
      if (own.length > 0 && MUTATED_RUNS >= 1_000) expect(seen.right).toBeGreaterThan(0)
    })
  }
})
