import { describe, expect, it } from 'vitest'
import { SyncFeedXml } from '../../src/sdata/index'

// Found by `npm run fuzz` (SyncFeedXml, seed 1704048413, a mutated §5.8 feed): the uuid sits on <payload> and the
// resource element rebinds the `sdata` prefix to its contract namespace. Encode writes the uuid on the resource
// element, so the serializer declares a prefix of its own for the SData namespace there, and decoding that again
// found one more namespace declaration on the element. Fixed in src/sdata/payload.ts: a declaration of the SData
// namespace that only the lifted attributes used is not part of the kept element.
describe('regression: a resource element that rebinds the sdata prefix round-trips', () => {
  const text =
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:sdata="http://schemas.sage.com/sdata/2008/1"><entry>' +
    '<payload xmlns="http://schemas.sage.com/sdata/2008/1" sdata:uuid="C4411795-9943-4cf4-8705-51A74C9F0ACC">' +
    '<account xmlns="urn:contract" xmlns:sdata="urn:contract"><sdata:name>Chemical Brothers Inc.</sdata:name></account>' +
    '</payload></entry></feed>'

  it('decode ∘ encode ∘ decode = decode, and the contract prefix is kept', () => {
    const first = SyncFeedXml.decode(text)
    if (first._tag !== 'Right') throw new Error('did not decode')
    const encoded = SyncFeedXml.encode(first.right)
    const second = SyncFeedXml.decode(encoded)
    expect(second._tag === 'Right' && second.right).toEqual(first.right)
    const payload = first.right.entries[0]!.payload!
    expect(payload.uuid).toBe('C4411795-9943-4cf4-8705-51A74C9F0ACC')
    expect(payload.element.attributes.map((a) => `${a.prefix}:${a.localName}=${a.value}`)).toEqual([
      'null:xmlns=urn:contract',
      'xmlns:sdata=urn:contract',
    ])
  })

  it('keeps a declaration of the SData namespace that the subtree still uses', () => {
    const kept =
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><payload xmlns="http://schemas.sage.com/sdata/2008/1">' +
      '<account xmlns="urn:contract" xmlns:s="http://schemas.sage.com/sdata/2008/1" s:uuid="C4411795-9943-4cf4-8705-51A74C9F0ACC">' +
      '<owner s:uuid="0A0B0C0D-9943-4cf4-8705-51A74C9F0ACC"/></account></payload></entry></feed>'
    const r = SyncFeedXml.decode(kept)
    if (r._tag !== 'Right') throw new Error('did not decode')
    expect(r.right.entries[0]!.payload!.element.attributes.map((a) => a.localName)).toEqual(['xmlns', 's'])
    const again = SyncFeedXml.decode(SyncFeedXml.encode(r.right))
    expect(again._tag === 'Right' && again.right).toEqual(r.right)
  })
})
