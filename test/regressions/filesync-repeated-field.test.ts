import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { FileSyncXml } from '../../src/filesync/index'

// Found by the totality property (seed -1624603590, FileSyncXml, mutated corpus file spo-2025-01 with a duplicated
// span): a repeated RelationshipName anchored after WriteMode was written before the first one in request order,
// so decode ∘ encode swapped the two names. Fixed in src/filesync/element.ts: a repeated field anchors to itself,
// and extensions are kept in write order (fields in another order than SPO's reordered them on a round trip).
describe('regression: a repeated modelled field keeps its place behind the first occurrence', () => {
  const text =
    '<Items><Folder><ResourceID>a</ResourceID><RelationshipName>one</RelationshipName><WriteMode>Create</WriteMode>' +
    '<RelationshipName>two</RelationshipName><Foo/></Folder></Items>'

  it('decodes the first occurrence as the field and anchors the repeat to it', () => {
    const r = FileSyncXml.decode(text)
    expect(E.isRight(r) && r.right).toMatchObject({
      items: [
        {
          relationshipName: 'one',
          writeMode: 'Create',
          extensions: [
            // In write order: a request writes WriteMode before RelationshipName.
            { after: 'WriteMode', element: { localName: 'Foo' } },
            { after: 'RelationshipName', element: { localName: 'RelationshipName', children: [{ value: 'two' }] } },
          ],
        },
      ],
    })
  })

  it('decode ∘ encode = id on the decoded value (request and response order)', () => {
    for (const doc of [text, text.replace('<WriteMode>Create</WriteMode>', '')]) {
      const r = FileSyncXml.decode(doc)
      if (E.isLeft(r)) throw new Error('rejected')
      expect(FileSyncXml.decode(FileSyncXml.encode(r.right))).toEqual(r)
    }
  })

  it('the exact counterexample fast-check shrank to round-trips', () => {
    const found =
      '\uFEFF<?xml version="1.0" encoding="utf-8"?><Items><Folder><ResourceID>a7b4e912f5694580aca3e399f60a3ba4</ResourceID>' +
      '<ETag>"{A7B4E912-F569-4580-ACA3-E399F60A3BA4},2"</ETag><DateModified>2025-11-07T22:06:33.0000000Z</DateModified>' +
      '<RelationshipName>mitm_logs</RelationshipName><ParentResourceID>ParentResourceID>8bb5c3f1e07d4fbcb0523fdbfd9ae036' +
      '</ParentResourceID><WriteMode>Create</WriteMode><ReferenceID>#b645e92-becf-445f-9eac-8c91898a875e</ReferenceID>' +
      '<RelationshipName>mitm_logs</RelationshipName><DateModifiedOnClient>2025-11-07T22:06:33.0000000Z' +
      '</DateModifiedOnClient><Items></Items></Folder></Items>'
    const r = FileSyncXml.decode(found)
    if (E.isLeft(r)) throw new Error('rejected')
    expect(FileSyncXml.decode(FileSyncXml.encode(r.right))).toEqual(r)
  })
})

describe('regression: unknown elements anchored to fields that come in another order than SharePoint writes them', () => {
  it('decode ∘ encode = id for a request whose RelationshipName precedes WriteMode, unknowns after each', () => {
    const text =
      '<Items><Folder><ResourceID>a</ResourceID><RelationshipName>one</RelationshipName><X/><WriteMode>Create</WriteMode>' +
      '<Y/></Folder></Items>'
    const r = FileSyncXml.decode(text)
    if (E.isLeft(r)) throw new Error('rejected')
    expect(r.right).toMatchObject({
      items: [{ extensions: [{ after: 'WriteMode', element: { localName: 'Y' } }, { after: 'RelationshipName' }] }],
    })
    expect(FileSyncXml.decode(FileSyncXml.encode(r.right))).toEqual(r)
  })

  it('the same inside a DocumentStream of a request', () => {
    const text =
      '<Items><Document><DocumentStreams><DocumentStream><DataSize>1</DataSize><A/><DocumentStreamName>Default' +
      '</DocumentStreamName><B/></DocumentStream></DocumentStreams><WriteMode>Create</WriteMode></Document></Items>'
    const r = FileSyncXml.decode(text)
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
    expect(FileSyncXml.decode(FileSyncXml.encode(r.right))).toEqual(r)
  })
})
