import { defineConfig } from 'tsup'

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      'xml/index': 'src/xml/index.ts',
      'codec/index': 'src/codec/index.ts',
      'filesync/index': 'src/filesync/index.ts',
      'sdata/index': 'src/sdata/index.ts',
      'conflict/index': 'src/conflict/index.ts',
      'session/index': 'src/session/index.ts',
      'testing/index': 'src/testing/index.ts',
      'testing/arbitraries/index': 'src/testing/arbitraries/index.ts',
      'testing/vitest/index': 'src/testing/vitest/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: true,
    treeshake: true,
    target: 'es2022',
    platform: 'neutral',
    external: ['io-ts', 'fp-ts', 'fast-check', 'vitest'],
  },
  {
    entry: { 'cli/index': 'src/cli/index.ts' },
    format: ['esm'],
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    // The command bundles the parts of io-ts and fp-ts it uses (tree-shaken from their ES module builds), so a
    // run does not load all of fp-ts: the CLI starts in about half the time.
    noExternal: ['io-ts', 'fp-ts'],
  },
])
