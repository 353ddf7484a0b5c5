import { describe, expect, it } from 'vitest'
import type { Stamp, SyncFeed } from '../../src/sdata/index'
import { validateSyncFeed } from '../../src/sdata/index'
import { rule } from '../support/issues'

// validateSyncFeed compared a negative opensearch:itemsPerPage with the number of entries: besides the error for the
// value itself, `{ itemsPerPage: -1 }` on an empty page warned "the page holds 0 entries, more than itemsPerPage -1".
// Found by the tests raised from mutation testing (issue 12). Fixed in src/sdata/validate.ts: only a valid
// itemsPerPage is compared with the entries.
const A = 'http://e/a'
const feed = (itemsPerPage: number): SyncFeed => ({
  links: [],
  diagnoses: [],
  extensions: [],
  syncMode: 'catchUp',
  digest: {
    origin: A,
    entries: [{ endpoint: A, tick: 1, stamp: '2008-10-30T17:23:08Z' as Stamp, conflictPriority: 1 }],
  },
  entries: [],
  opensearch: { itemsPerPage },
})

describe('regression: a negative itemsPerPage', () => {
  it('is one error, not also a warning that the page holds more entries than it', () => {
    expect(validateSyncFeed(feed(-1))).toStrictEqual([
      rule('error', '/feed/opensearch:itemsPerPage', 'itemsPerPage -1 is not an integer >= 0'),
    ])
    expect(validateSyncFeed(feed(0))).toStrictEqual([])
  })
})
