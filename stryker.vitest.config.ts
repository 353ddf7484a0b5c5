import { defineConfig } from 'vitest/config'

// A focused vitest configuration for mutation testing (stryker.config.mjs): Node only, one project, and only the test
// folders that exercise the mutated source folder, so each mutant runs a few seconds of tests rather than the suite.
const area = process.env.SYNCWIRE_MUTATE ?? 'conflict'
const folders: Record<string, string[]> = {
  conflict: ['test/conflict'],
  // The hostile suite and the regressions assert exact codec messages and paths too; the element-description engine
  // (codec/schema, codec/json) is used by the SData codecs, so their tests and the totality laws check it.
  codec: ['test/codec', 'test/sdata', 'test/hostile', 'test/regressions', 'test/totality'],
  xml: ['test/xml', 'test/hostile'],
  // The totality laws (round trips on generated documents) reach every codec too.
  // The CLI's streamed validate (in process, 1.4 s) is the one caller that hands validate-stream.ts a digest coming
  // after the entries and the entries' elements for line:column; no public entry point reaches that path.
  sdata: ['test/sdata', 'test/hostile', 'test/regressions', 'test/totality', 'test/cli/streamed.node.test.ts'],
  filesync: ['test/filesync', 'test/hostile', 'test/regressions', 'test/totality'],
  // Date-times and stamps: their own tests, and the layers that read, order and report them; the incremental JSON
  // reader (json-stream.ts, json-grammar.ts) through the streamed SData JSON feed, its one user in the library.
  common: [
    'test/common',
    'test/codec',
    'test/conflict/stamps-fast-path.test.ts',
    'test/sdata/validate.test.ts',
    'test/sdata/json-stream.test.ts',
    'test/sdata/json-stream-grammar.test.ts',
  ],
}

const list = process.env.SYNCWIRE_MUTATION_TESTS?.split(',') ?? folders[area] ?? folders.conflict!

export default defineConfig({
  test: {
    name: 'node',
    environment: 'node',
    include: list.map((folder) => (folder.endsWith('.ts') ? folder : `${folder}/**/*.test.ts`)),
    // Node-only tests in the listed folders stay out (many spawn the CLI); a list may name one such file.
    exclude: ['**/node_modules/**', ...list.filter((f) => !f.endsWith('.ts')).map((f) => `${f}/**/*.node.test.ts`)],
    setupFiles: ['test/support/runtime-setup.ts'],
    // Truncation tests cut every 17th character: each surviving mutant reruns them on instrumented code.
    provide: { runtime: 'node', numRunsScale: 0.5, cutStride: 17 },
    testTimeout: 60_000,
  },
})
