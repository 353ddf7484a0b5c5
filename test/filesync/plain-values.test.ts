// Decoded items are plain objects, whichever way they were read: their prototype is Object.prototype, their keys come
// in document order, and they equal (strictly, prototype included) the literal a user would write for them.

import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { FileSyncXml, ItemsElement } from '../../src/filesync/index'
import { parseXml } from '../../src/xml/index'

const TEXT =
  '<Items>' +
  '<Document><ResourceID>a7b4e912f5694580aca3e399f60a3ba4</ResourceID><RelationshipName>a.txt</RelationshipName>' +
  '<DocumentStreams><DocumentStream><DocumentStreamName>Binary</DocumentStreamName><DataSize>4</DataSize>' +
  '</DocumentStream></DocumentStreams></Document>' +
  '<Folder><ResourceID>c86e008a0f9e4a81809fe963949f3c46</ResourceID><RelationshipName>f</RelationshipName></Folder>' +
  '</Items>'

const LITERALS = [
  {
    kind: 'Document',
    resourceId: 'a7b4e912f5694580aca3e399f60a3ba4',
    relationshipName: 'a.txt',
    documentStreams: [{ documentStreamName: 'Binary', dataSize: 4 }],
  },
  { kind: 'Folder', resourceId: 'c86e008a0f9e4a81809fe963949f3c46', relationshipName: 'f' },
]

describe('decoded items', () => {
  it('are plain objects, in event mode and in the tree decode', () => {
    const events = FileSyncXml.decode(TEXT)
    const parsed = parseXml(TEXT)
    if (E.isLeft(events) || E.isLeft(parsed) || events.right.root !== 'Items') throw new Error('does not decode')
    const tree = ItemsElement.decode(parsed.right.root)
    if (E.isLeft(tree)) throw new Error('does not decode as a tree')
    for (const items of [events.right.items, tree.right]) {
      expect(items).toHaveLength(2)
      items.forEach((item, k) => {
        expect(Object.getPrototypeOf(item)).toBe(Object.prototype)
        expect(Object.keys(item)).toEqual(Object.keys(LITERALS[k]!))
        expect(item).toStrictEqual(LITERALS[k])
      })
    }
  })
})
