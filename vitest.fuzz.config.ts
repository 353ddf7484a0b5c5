import { defineConfig } from 'vitest/config'

// The fuzz run (issue 7): the totality law on random seeds for a time budget per document kind, Node only.
// Started by `npm run fuzz` (scripts/fuzz.mjs), which passes the budget and selection through FUZZ_* variables.
const seconds = Number(process.env.FUZZ_SECONDS ?? 60)

export default defineConfig({
  test: {
    name: 'fuzz',
    environment: 'node',
    include: ['test/**/*.fuzz.ts'],
    setupFiles: ['test/support/runtime-setup.ts'],
    provide: { runtime: 'node', numRunsScale: 1 },
    // Each kind runs for its budget, then fast-check stops; the margin covers shrinking a failure.
    testTimeout: (seconds + 120) * 1000,
    fileParallelism: false,
  },
})
