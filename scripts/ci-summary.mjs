// Prints the closing line CI reads ("N passed, N failed") from vitest's JSON report, and exits non-zero when
// anything failed, or when the test command failed before or after vitest (type-check, lint, build, docs).
import { existsSync, readFileSync } from 'node:fs'

const [file = 'reports/vitest.json', statusArg = '0'] = process.argv.slice(2)
const status = Number(statusArg)
let passed = 0
let failed = 0
if (existsSync(file)) {
  const report = JSON.parse(readFileSync(file, 'utf8'))
  passed = report.numPassedTests ?? 0
  failed = report.numFailedTests ?? 0
  // A test file that fails to load has no failed tests, but it must still count as a failure.
  failed += (report.testResults ?? []).filter(
    (r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0,
  ).length
}
if (status !== 0 && failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || status !== 0 ? 1 : 0)
