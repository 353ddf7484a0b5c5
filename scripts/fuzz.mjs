#!/usr/bin/env node
// `npm run fuzz [-- --seconds 60 --kinds FileSyncXml,DigestXml --seed=-42 --path=3:1]`: the totality law on random
// seeds for a time budget per document kind (test/totality/totality.fuzz.ts under vitest.fuzz.config.ts).
// Exits non-zero on a failure, after printing its kind, seed, path, input and the replay command.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    kinds: { type: 'string' },
    seed: { type: 'string' },
    path: { type: 'string' },
  },
})
const seconds = Number(values.seconds)
if (!Number.isFinite(seconds) || seconds <= 0) {
  console.error(`--seconds must be a positive number, not ${values.seconds}`)
  process.exit(2)
}
// The CLI entry is not an export of the package; find it next to its package.json.
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs')
const run = spawnSync(process.execPath, [vitest, 'run', '--config', 'vitest.fuzz.config.ts', '--reporter=dot'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    FUZZ_SECONDS: String(seconds),
    FUZZ_KINDS: values.kinds ?? '',
    FUZZ_SEED: values.seed ?? '',
    FUZZ_PATH: values.path ?? '',
  },
})
process.exit(run.status ?? 1)
