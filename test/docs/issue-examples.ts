// Scenarios for the example of docs/issues.md: a validation issue placed at its element's line and column, its
// steps printed again as a JSON pointer.

import { expect } from 'vitest'
import type { Example } from './run-example'

export const ISSUE_EXAMPLES: Example[] = [
  {
    file: 'docs/issues.md',
    contains: 'elementAtSteps(tree.right.root, issue.steps)',
    scenarios: [
      {
        name: 'prints the out-of-range priority at its line and column, as an XML path and as a JSON pointer',
        check: (r) => {
          expect(r.error).toBeUndefined()
          expect(r.out).toEqual([
            'digest.xml:5:5 error rule /digest/digestEntry[1]/conflictPriority',
            '/digest/digestEntry/0/conflictPriority conflictPriority 12 is not an integer in 1..9',
          ])
        },
      },
    ],
  },
]
