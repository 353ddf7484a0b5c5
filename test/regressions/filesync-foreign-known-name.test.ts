import { describe, expect, it } from 'vitest'
import { FileSyncXml, rebuildFileSync, streamFileSync } from '../../src/filesync/index'
import { decoded } from '../support/decode'
import { collect, piecesOf } from '../support/stream'

// Found by a fuzz campaign against the built package: an unknown element whose local name is a modelled field's,
// in another namespace (`<RelationshipName xmlns="urn:x"/>`), after that field was read, was anchored to the field
// of that local name by the event-mode reader, and to the modelled field before it by the tree decode. So
// decode ∘ encode ∘ decode differed from decode, and streamFileSync cut in small chunks (which reads such items as
// trees) rebuilt another value than FileSyncXml.decode. Its anchor is the modelled field before it (by expanded name).

/** The anchors of the first item's extensions (or those of its first stream), decoded. */
function anchors(text: string, stream = false): Array<string | null> {
  const doc = decoded(FileSyncXml, text)
  const item = (doc.root === 'Items' ? doc.items[0] : doc.folder) as {
    extensions?: Array<{ after: string | null }>
    documentStreams?: Array<{ extensions?: Array<{ after: string | null }> }>
  }
  const record = stream ? item.documentStreams![0]! : item
  return (record.extensions ?? []).map((e) => e.after)
}

/** The value `streamFileSync` rebuilds from `text` cut into pieces of `size` characters. */
const streamed = async (text: string, size: number) =>
  rebuildFileSync(await collect(streamFileSync(piecesOf(text, size))))

const CASES: Array<[string, string, Array<string | null>, boolean?]> = [
  [
    'Document, after the field of its name',
    '<Items><Document><RelationshipName/><ParentResourceID/><RelationshipName xmlns="urn:x"/></Document></Items>',
    ['ParentResourceID'],
  ],
  [
    'Document, before the field of its name',
    '<Items><Document><ParentResourceID/><RelationshipName xmlns="urn:x"/><RelationshipName/></Document></Items>',
    ['ParentResourceID'],
  ],
  [
    'Folder item',
    '<Items><Folder><WriteMode/><ReferenceID/><WriteMode xmlns="urn:x"/></Folder></Items>',
    ['ReferenceID'],
  ],
  [
    'root Folder, a record field',
    '<Folder><ETag>e</ETag><ResourceID>r</ResourceID><ETag xmlns="urn:x"><a/></ETag><Items/></Folder>',
    ['ResourceID'],
  ],
  [
    'Document, a record field',
    '<Items><Document><ModifierIdentity/><ItemType>File</ItemType><ModifierIdentity xmlns="urn:x"/></Document></Items>',
    ['ItemType'],
  ],
  [
    'DocumentStream',
    '<Items><Document><DocumentStreams><DocumentStream><DocumentStreamName>Default</DocumentStreamName>' +
      '<DataSize>1</DataSize><DocumentStreamName xmlns="urn:x">x</DocumentStreamName></DocumentStream>' +
      '</DocumentStreams></Document></Items>',
    ['DataSize'],
    true,
  ],
  [
    'a repeat in no namespace still anchors to its first occurrence',
    '<Items><Document><RelationshipName/><ParentResourceID/><RelationshipName/></Document></Items>',
    ['RelationshipName'],
  ],
]

describe('regression: an unknown element named like a modelled field, in another namespace', () => {
  for (const [name, text, expected, stream] of CASES) {
    it(`${name}: anchored to the modelled field before it, decode ∘ encode ∘ decode = decode`, () => {
      expect(anchors(text, stream)).toEqual(expected)
      // The tree path (forced by a comment in the item) gives the same value.
      const viaTree = text.replace(/<\/(Document|Folder)>/, '<!-- t --></$1>')
      expect(decoded(FileSyncXml, text)).toEqual(decoded(FileSyncXml, viaTree))
      const first = decoded(FileSyncXml, text)
      expect(decoded(FileSyncXml, FileSyncXml.encode(first))).toEqual(first)
    })

    it(`${name}: streamFileSync rebuilds the in-memory value, in one chunk or cut small`, async () => {
      const value = decoded(FileSyncXml, text)
      for (const size of [text.length, 1, 3, 7]) expect(await streamed(text, size)).toEqual(value)
    })
  }
})
