import { describe, expect, it } from 'vitest'
import { SyncFeedJson } from '../../src/sdata/index'

// SyncFeedJson.decode({ $resources: [{ $name: 'Employee', Title: 'T' }] }) was Right, and encoding the value gave
// `{ $resources: [{}] }`: the native properties SData 2.0 puts beside the `$` members were dropped without a word.
// Fixed in src/sdata/json/members.ts and resource.ts: native properties become the payload resource (kept verbatim in
// `payload.properties`), unknown `$` members are kept in `jsonMembers`, and both are written back.
describe('regression: native JSON properties survive decode → encode', () => {
  it('keeps Title and $name', () => {
    const input = { $resources: [{ $name: 'Employee', Title: 'T' }] }
    const r = SyncFeedJson.decode(input)
    if (r._tag !== 'Right') throw new Error('did not decode')
    expect(r.right.entries[0]?.payload?.properties).toEqual({ Title: 'T' })
    expect(r.right.entries[0]?.jsonMembers).toEqual({ $name: 'Employee' })
    expect(SyncFeedJson.encode(r.right)).toEqual(input)
  })

  it('derives the XML element from the properties, named by $name', () => {
    const r = SyncFeedJson.decode({ $resources: [{ $name: 'Employee', Title: 'T', boss: null }] })
    if (r._tag !== 'Right') throw new Error('did not decode')
    const element = r.right.entries[0]?.payload?.element
    expect(element?.localName).toBe('Employee')
    expect(element?.children.map((c) => (c.type === 'element' ? c.localName : c.value))).toEqual(['Title', 'boss'])
  })
})
