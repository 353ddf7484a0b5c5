import { describe, expect, it } from 'vitest'
import { SyncEntryXml } from '../../src/sdata/index'

// Found by `npm run fuzz` (SyncEntryXml, seeds 1004699537 and 20261122): a root attribute whose prefix is a
// conventional SData prefix (`sdata`) bound to another namespace came back under an invented prefix after encode,
// so a second decode differed. Fixed in src/sdata/tree.ts: such an attribute takes a prefix derived from its
// namespace URI on decode, the same every time.
describe('regression: a kept attribute that borrows a conventional prefix round-trips', () => {
  const text =
    '<entry xmlns="http://www.w3.org/2005/Atom" xmlns:sdata="urn:x-payload-foreign" sdata:code="7">' +
    '<sync:syncState xmlns:sync="http://schemas.sage.com/sdata/sync/2008/1" xmlns:http="urn:x-other" http:note="n">' +
    '<sync:endpoint>http://a/e</sync:endpoint><sync:tick>3</sync:tick><sync:stamp>2025-01-01T00:00:00Z</sync:stamp>' +
    '</sync:syncState></entry>'

  it('decode ∘ encode ∘ decode = decode, with namespace, name and value kept', () => {
    const first = SyncEntryXml.decode(text)
    if (first._tag !== 'Right') throw new Error('did not decode')
    const again = SyncEntryXml.decode(SyncEntryXml.encode(first.right))
    expect(again._tag === 'Right' && again.right).toEqual(first.right)
    const [code] = first.right.attributes ?? []
    expect(code).toMatchObject({ namespace: 'urn:x-payload-foreign', localName: 'code', value: '7' })
    expect(code?.prefix).toMatch(/^ns[0-9a-z]+$/)
    expect(first.right.syncState?.attributes?.[0]).toMatchObject({ namespace: 'urn:x-other', localName: 'note' })
  })
})
