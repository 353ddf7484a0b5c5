// `npm run demo` (scripts/demo.mjs over the built CLI and examples/): it completes, reads as five steps, and the
// catch-up step shows every decision reason of sdata-sync §5.4 in the table.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import { ensureBuilt, ROOT } from './helpers'

beforeAll(ensureBuilt)

it('the demo tells its story in five steps and shows all eight decision reasons', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'demo.mjs')], { cwd: ROOT, encoding: 'utf8' })
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
  const headings = r.stdout.split('\n').filter((l) => /^\d\. /.test(l))
  expect(headings).toEqual([
    '1. Check captured OneDrive/SharePoint traffic',
    '2. A document with mistakes',
    '3. From XML to typed JSON and back',
    '4. A catch-up sync, decision by decision',
    '5. When changes go missing',
  ])
  const table = r.stdout.slice(r.stdout.indexOf('$ syncwire conflicts'), r.stdout.indexOf('== new target digest'))
  const reasons = table
    .split('\n')
    .filter((l) => /^[0-9a-f]{8}-/.test(l))
    .map((l) => l.trim().split(/\s+/).at(-1))
  expect(reasons.sort()).toEqual(
    [
      'new-resource',
      'priority',
      'same-endpoint-newer',
      'same-endpoint-stale',
      'source-has-seen-target',
      'stamp',
      'target-has-seen-source',
      'tie-break',
    ].sort(),
  )
  expect(r.stdout).toContain('gap in immediate mode')
  expect(r.stdout).not.toContain('\u001b[')
})
