import { playwright } from '@vitest/browser-playwright'
import { defineConfig, type ViteUserConfig } from 'vitest/config'
import { BASE_ARGS, findChromium, systemLookups, wantsBrowser } from './test/support/chromium.ts'
import { RUNTIME_SLICE } from './test/support/runtime-slice.ts'

// The suite runs in three projects, proving the library isomorphic (issue 8):
// - `node`: every test, including `*.node.test.ts` (those spawn the CLI, pack the package, run esbuild …);
// - `edge`: a slice of the runtime-neutral tests (test/support/runtime-slice.ts) in the Vercel edge VM
//   (`@edge-runtime/vm`);
// - `browser`: the same slice in headless Chromium, driven by Playwright: SYNCWIRE_CHROMIUM, else Debian's
//   /usr/bin/chromium, else the binary inside the @sparticuz/chromium devDependency (Linux x64; see
//   test/support/chromium.ts). Found before any test runs; when there is none the run stops with one line.
// Runtime-neutral tests read fixtures through `test/support/fixtures.ts` and scale property runs with
// `test/support/runtime.ts`, which reads the `runtime`/`numRunsScale` values provided below.
// The slice covers every entry point and every runtime-sensitive API; SYNCWIRE_ALL_RUNTIMES=1 (`npm run
// test:runtimes`) runs the whole neutral suite there instead.
const neutral = {
  include: process.env.SYNCWIRE_ALL_RUNTIMES === '1' ? ['test/**/*.test.ts'] : [...RUNTIME_SLICE],
  exclude: ['test/**/*.node.test.ts'],
}
const setupFiles = ['test/support/runtime-setup.ts']

export default defineConfig(async (): Promise<ViteUserConfig> => {
  // Only a run that includes the browser project looks for (and may unpack) a browser.
  let chromium = { path: undefined as string | undefined, args: BASE_ARGS }
  if (wantsBrowser(process.argv)) {
    const found = await findChromium(systemLookups())
    if (!found.ok) {
      process.stderr.write(`${found.message}\n`)
      process.exit(1)
    }
    chromium = found
  }
  return {
    optimizeDeps: {
      // One pre-bundled copy of fast-check for the browser, shared by tests, @fast-check/vitest and the setup file.
      include: ['fast-check', '@fast-check/vitest', 'io-ts', 'fp-ts', 'fast-xml-parser'],
    },
    test: {
      testTimeout: 60_000,
      // Test files in one worker share the module graph instead of importing the library afresh for each file: the
      // node project takes about half the CPU time. Tests keep no state between files (fast-check's settings are
      // reapplied by the setup file of each).
      isolate: false,
      hookTimeout: 120_000,
      projects: [
        {
          extends: true,
          test: {
            name: 'node',
            environment: 'node',
            include: ['test/**/*.test.ts'],
            setupFiles,
            provide: { runtime: 'node', numRunsScale: 1 },
          },
        },
        {
          extends: true,
          test: {
            name: 'edge',
            environment: 'edge-runtime',
            ...neutral,
            setupFiles,
            provide: { runtime: 'edge', numRunsScale: 0.5 },
          },
        },
        {
          extends: true,
          test: {
            name: 'browser',
            ...neutral,
            setupFiles,
            provide: { runtime: 'browser', numRunsScale: 0.25 },
            browser: {
              enabled: true,
              headless: true,
              screenshotFailures: false,
              provider: playwright({
                launchOptions: {
                  executablePath: chromium.path,
                  args: chromium.args,
                },
              }),
              instances: [{ browser: 'chromium' }],
            },
          },
        },
      ],
    },
  }
})
