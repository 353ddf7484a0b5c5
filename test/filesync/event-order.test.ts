// The FILESYNC reader in the parser's event mode finds a record's fields in the description's order before it looks
// one up by name: fields in any order, repeated (the first is the field, the others extensions anchored to it) and
// unknown ones must be read as the tree reads them, in the one run. The tree path is forced by a comment in the item.
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { DateTimeCodec } from '../../src/codec/index'
import { FileSyncXml } from '../../src/filesync/index'
import { decoded } from '../support/decode'

// Text leaves of `Document` spread over its order (gaps longer than the reader looks ahead), a list, a nested
// record and unknown elements.
const CHILDREN = [
  '<ItemType>File</ItemType>',
  '<ResourceID>r</ResourceID>',
  '<ETag>e</ETag>',
  '<Path>/p</Path>',
  '<ReferenceID>f</ReferenceID>',
  '<DocumentStreams><DocumentStream><DataSize>1</DataSize></DocumentStream></DocumentStreams>',
  '<DocumentStreams/>',
  '<SubstrateFileId>s</SubstrateFileId>',
  '<ModifierIdentity><CustomIdentity><Name>n</Name></CustomIdentity></ModifierIdentity>',
  '<WriteMode>Create</WriteMode>',
  '<WriteStatus>w</WriteStatus>',
  '<Other>o</Other>',
  // Named like fields, in another namespace: extensions anchored to the field before them.
  '<ETag xmlns="urn:x">x</ETag>',
  '<ResourceID xmlns="urn:x"/>',
]

/** A document with one item of these children, numbered so that repeats differ, and one date (counted). */
function doc(children: string[]): string {
  const items = children.map((c, i) => c.replace(/>([a-z/]+)</, `>$1${i}<`))
  return `<Items><Document><DateModified>2025-11-07T22:06:33Z</DateModified>${items.join('')}</Document></Items>`
}

function decodeCounting(text: string): [unknown, number] {
  const spy = vi.spyOn(DateTimeCodec, 'validate')
  try {
    return [decoded(FileSyncXml, text), spy.mock.calls.length]
  } finally {
    spy.mockRestore()
  }
}

const viaTree = (text: string): unknown => decoded(FileSyncXml, text.replace('</Document>', '<!-- t --></Document>'))

describe('FileSyncXml: fields in any order and repeated, read in event mode', () => {
  it('gives the tree path’s value in one run', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHILDREN), { maxLength: 14 }), (children) => {
        const text = doc(children)
        const [value, dates] = decodeCounting(text)
        // A field's name in another namespace before that field is read sends the item to the tree path.
        if (!text.includes('xmlns')) expect(dates).toBe(1)
        expect(value).toStrictEqual(viaTree(text))
      }),
    )
  })

  it('a field read out of order, then one repeated from before it', () => {
    // ETag then ResourceID (out of order), then ETag again: the second ETag is an extension anchored to the first.
    const text = doc([CHILDREN[2]!, CHILDREN[1]!, CHILDREN[2]!])
    const [value] = decodeCounting(text)
    expect(value).toStrictEqual(viaTree(text))
    expect(value).toMatchObject({ items: [{ eTag: 'e0', resourceId: 'r1', extensions: [{ after: 'ETag' }] }] })
  })

  it('each empty DocumentStreams is an array of its own', () => {
    const text =
      '<Items><Document><DocumentStreams/></Document><Document><DocumentStreams></DocumentStreams></Document></Items>'
    const [value, dates] = decodeCounting(text)
    const [a, b] = (value as { items: Array<{ documentStreams: unknown[] }> }).items
    expect(dates).toBe(0)
    expect(value).toStrictEqual(viaTree(text))
    expect(a!.documentStreams).toEqual([])
    expect(a!.documentStreams).not.toBe(b!.documentStreams)
  })
})
