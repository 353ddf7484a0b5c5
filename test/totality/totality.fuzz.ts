// Time-budgeted fuzzing of every document kind: random seeds, structure-aware and corpus-seeded inputs (issue 7).
// Checks the totality law of test/totality/laws.ts; a failure prints its kind, seed and path for a regression test.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  arbDiagnosesDocument,
  arbDigest,
  arbFileSyncDocument,
  arbSyncEntry,
  arbSyncFeed,
  arbSyncState,
  arbTracking,
} from '../../src/testing/arbitraries/index'
import { fixture } from '../support/fixtures'
import { xmlDocument } from '../support/xml-arbitrary'
import { CORPUS, KINDS, type Kind } from './kinds'
import { totalityLaw } from './laws'
import { applyEdit, arbEdit, arbMutatedCorpus } from './mutations'

const env = process.env
const SECONDS = Number(env.FUZZ_SECONDS ?? 60)
const SELECTED = env.FUZZ_KINDS ? new Set(env.FUZZ_KINDS.split(',')) : undefined
const SEED = env.FUZZ_SEED === undefined || env.FUZZ_SEED === '' ? undefined : Number(env.FUZZ_SEED)
const PATH = env.FUZZ_PATH || undefined
// Self-test of the failure report: every decoded input counts as a failure (`FUZZ_SELF_TEST=1 npm run fuzz`).
const SELF_TEST = env.FUZZ_SELF_TEST === '1'

/** Valid values of each kind, from the public arbitraries (syncwire/testing/arbitraries), or hand-made where none exists. */
const VALUES: Record<string, fc.Arbitrary<unknown>> = {
  parseXml: xmlDocument(),
  FileSyncXml: arbFileSyncDocument(),
  PolicyXml: fc.record({
    rules: fc.array(
      fc.record({ name: fc.string(), value: fc.option(fc.string(), { nil: undefined }) }, { requiredKeys: ['name'] }),
      {
        maxLength: 6,
      },
    ),
  }),
  SyncFeedXml: arbSyncFeed(),
  SyncEntryXml: arbSyncEntry(),
  DigestXml: arbDigest(),
  SyncStateXml: arbSyncState(),
  DiagnosesXml: arbDiagnosesDocument(),
  TrackingXml: arbTracking(),
}

/** Structure-aware inputs: a generated valid document, encoded, then broken at a random point (or not at all). */
function arbBrokenDocument(kind: Kind): fc.Arbitrary<string> {
  const values = VALUES[kind.name] ?? fc.constant(undefined)
  const encoded = values.map((v) => {
    try {
      return v === undefined ? `${kind.open}${kind.close}` : kind.encode(v as never)
    } catch {
      // A value the encoder cannot write is the generator's business, not this run's: fall back to an empty root.
      return `${kind.open}${kind.close}`
    }
  })
  return fc.oneof(
    { arbitrary: encoded, weight: 1 },
    { arbitrary: fc.tuple(encoded, fc.nat()).map(([text, cut]) => text.slice(0, cut % (text.length + 1))), weight: 2 },
    {
      arbitrary: fc
        .tuple(encoded, fc.array(arbEdit(CORPUS.length), { minLength: 1, maxLength: 3 }))
        .map(([text, edits]) => edits.reduce((t, e) => applyEdit(t, e, CORPUS), text)),
      weight: 3,
    },
  )
}

const anyText = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 128,
})

describe('fuzz: the totality law for a time budget per kind', () => {
  for (const kind of KINDS) {
    if (SELECTED && !SELECTED.has(kind.name)) continue
    it(`${kind.name} (${SECONDS} s)`, () => {
      const inputs = fc.oneof(
        { arbitrary: arbBrokenDocument(kind), weight: 4 },
        { arbitrary: arbMutatedCorpus(kind.corpus.map(fixture), CORPUS), weight: 4 },
        { arbitrary: anyText, weight: 1 },
      )
      const seen = { left: 0, right: 0 }
      const started = Date.now()
      const out = fc.check(
        fc.property(inputs, (text) => {
          const way = totalityLaw(kind, text)
          seen[way]++
          if (SELF_TEST && way === 'right') throw new Error('self-test: a decoded input counts as a failure')
        }),
        {
          numRuns: SEED === undefined ? Number.MAX_SAFE_INTEGER : 1_000_000,
          interruptAfterTimeLimit: SECONDS * 1000,
          markInterruptAsFailure: false,
          seed: SEED,
          path: PATH,
        },
      )
      const seconds = ((Date.now() - started) / 1000).toFixed(0)
      if (out.failed) {
        const input = JSON.stringify(out.counterexample?.[0] ?? null)
        const cause = out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance)
        const message = [
          `FUZZ FAILURE ${kind.name}: seed ${out.seed}, path "${out.counterexamplePath}"`,
          `input: ${input.length > 400 ? `${input.slice(0, 400)}…` : input}`,
          `cause: ${cause.split('\n')[0]!.slice(0, 300)}`,
          `replay: npm run fuzz -- --kinds ${kind.name} --seed=${out.seed} --path=${out.counterexamplePath}`,
        ].join('\n')
        expect.fail(message)
      }
      console.log(
        `fuzz ${kind.name}: ${out.numRuns} inputs in ${seconds} s (${seen.left} rejected, ${seen.right} decoded), seed ${out.seed}`,
      )
      expect(out.numRuns).toBeGreaterThan(0)
    })
  }
})
