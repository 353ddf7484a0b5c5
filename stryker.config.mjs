// StrykerJS configuration (issue 7): mutation testing of one source folder at a time with the vitest runner.
// Usage: `npm run mutation` (src/conflict) or `SYNCWIRE_MUTATE=codec npm run mutation`; not part of `npm test`.
const area = process.env.SYNCWIRE_MUTATE ?? 'conflict'

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'stryker.vitest.config.ts', related: false },
  mutate: [`src/${area}/**/*.ts`],
  coverageAnalysis: 'perTest',
  // Static mutants (code run only while modules load, such as codecs built at module scope) are ignored: under the
  // vitest runner here they were reported as survivors even when they break every codec (an emptied \`child()\`), so
  // their status says nothing about the tests. Mutants also reached while tests run are still tested.
  ignoreStatic: true,
  concurrency: Number(process.env.SYNCWIRE_MUTATION_CONCURRENCY ?? 2),
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${area}.json`,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: process.env.SYNCWIRE_MUTATION_REPORT ?? `reports/mutation-${area}.json` },
  thresholds: { high: 90, low: 85, break: null },
  timeoutMS: 5_000,
  // The first run of the focused tests takes a few minutes on a shared two-core machine; 5 (the default) was too few.
  dryRunTimeoutMinutes: 20,
  // Copy only what the tests need into the sandbox: less to copy, and no race with files others are editing elsewhere.
  ignorePatterns: ['/*', '!/src', '!/test', '!/fixtures', '!/package.json', '!/tsconfig*.json', '!/stryker.vitest.config.ts'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
}
