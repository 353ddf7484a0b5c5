import { describe, expect, it } from 'vitest'
import { SyncEntryXml, validateSyncEntry } from '../../src/sdata/index'

// `<sync:syncState xsi:nil="true"/>`, as Sage's adapters write on `$syncDigest` entries, was refused with "missing
// required element sync:endpoint". Fixed in src/sdata/entry.ts (a nil syncState reads as no state and is kept as
// written) and src/sdata/entry-checks.ts (validation warns).
const text =
  '<entry xmlns="http://www.w3.org/2005/Atom" xmlns:sdata="http://schemas.sage.com/sdata/2008/1"' +
  ' xmlns:sync="http://schemas.sage.com/sdata/sync/2008/1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
  '<sync:syncState xsi:nil="true"/><sdata:payload><sync:digest><sync:origin>http://a/e</sync:origin>' +
  '<sync:digestEntry><sync:endpoint>http://a/e</sync:endpoint><sync:tick>6</sync:tick>' +
  '<sync:stamp>2008-10-30T17:23:08Z</sync:stamp><sync:conflictPriority>2</sync:conflictPriority></sync:digestEntry>' +
  '</sync:digest></sdata:payload></entry>'

describe('regression: a nil sync:syncState', () => {
  it('reads as absent and round-trips as the nil element', () => {
    const r = SyncEntryXml.decode(text)
    if (r._tag !== 'Right') throw new Error('refused')
    expect(r.right.syncState).toBeUndefined()
    const again = SyncEntryXml.encode(r.right)
    expect(again).toContain('<sync:syncState xsi:nil="true"/>')
    expect(SyncEntryXml.decode(again)).toEqual(r)
  })

  it('gives a validation warning, not an error', () => {
    const r = SyncEntryXml.decode(text)
    if (r._tag !== 'Right') throw new Error('refused')
    const issues = validateSyncEntry(r.right)
    expect(issues).toContainEqual(expect.objectContaining({ severity: 'warning', path: '/entry/sync:syncState' }))
    expect(issues.filter((i) => i.severity === 'error')).toEqual([])
  })
})
