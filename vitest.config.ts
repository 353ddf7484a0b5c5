import { defineConfig } from 'vitest/config'

// Tests named `*.node.test.ts` need Node (they spawn the CLI, pack the package, run esbuild …);
// every other test is runtime-neutral and reads fixtures through `test/support/fixtures.ts`.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
        },
      },
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
