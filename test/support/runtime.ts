// Which of the suite's runtimes (node, edge, browser) a test is running in, and how hard property tests should work there.
// The vitest projects in vitest.config.ts provide the name; the edge VM and Chromium get fewer property runs to keep CI short.

import { inject } from 'vitest'

/** The runtimes the vitest projects run the suite in. */
export type Runtime = 'node' | 'edge' | 'browser'

declare module 'vitest' {
  interface ProvidedContext {
    runtime: Runtime
    numRunsScale: number
    /** Exhaustive loops (every cut of a corpus file) visit every `cutStride`-th position; 1 unless a config says. */
    cutStride?: number
  }
}

/** The runtime of the current vitest project. */
export const runtime: Runtime = inject('runtime') ?? 'node'

const scale: number = inject('numRunsScale') ?? 1

function envRuns(): number | undefined {
  const raw = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.FC_NUM_RUNS
  const n = Number(raw)
  return raw !== undefined && raw !== '' && Number.isFinite(n) && n > 0 ? Math.floor(n) : undefined
}

/**
 * The number of fast-check runs for a property whose Node budget is `base`: `FC_NUM_RUNS` (when set) replaces the
 * base, and the edge and browser projects scale it down, never below 10 runs.
 *
 * @example
 * fc.assert(fc.property(arb, law), { numRuns: numRuns(200) })
 */
export function numRuns(base = 100): number {
  const wanted = envRuns() ?? base
  return Math.max(Math.min(10, wanted), Math.round(wanted * scale))
}

/**
 * The step of a loop that visits every position of a text (the truncation tests): 1 in the suite, larger under mutation
 * testing (stryker.vitest.config.ts), where each surviving mutant reruns the loop on instrumented code.
 *
 * @example
 * for (let cut = 0; cut < text.length; cut += cutStride) check(text.slice(0, cut))
 */
export const cutStride: number = Math.max(1, Math.floor(inject('cutStride') ?? 1))
