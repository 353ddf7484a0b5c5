// Per-project setup: gives every property test without an explicit `numRuns` the runtime's default budget.
// Loaded by all three vitest projects (vitest.config.ts), so fast-check's global settings match the runtime.

import fc from 'fast-check'
import { numRuns } from './runtime'

fc.configureGlobal({ ...fc.readConfigureGlobal(), numRuns: numRuns(100) })
