import { describe, expect, it } from 'vitest'
import { FileSyncXml, rebuildFileSync, streamFileSync } from '../../src/filesync/index'
import { decoded } from '../support/decode'
import { collect, piecesOf } from '../support/stream'

// Found while fixing the anchors of foreign-named extensions: an element kept whole (an extension, an unknown item)
// whose prefix an ancestor declares (`<Items xmlns:x="urn:x">…<x:Note/>`) was kept without the declaration. Encoding
// writes it back under a root that declares nothing, so the writer declared the prefix on the element itself, and a
// second decode gave an element with one more attribute: decode ∘ encode ∘ decode differed from decode. Kept elements
// now carry a declaration of every prefix they use that an ancestor declared, as SData's kept elements do.

const X = 'urn:x'
const CASES: Array<[string, string]> = [
  [
    'an extension of a Document',
    `<Items xmlns:x="${X}"><Document><ParentResourceID/><x:Note a="1"/></Document></Items>`,
  ],
  ['an attribute of an extension', `<Items xmlns:x="${X}"><Folder><Note x:a="1"/></Folder></Items>`],
  ['an unknown item', `<Items xmlns:x="${X}"><x:Notebook><Name>n</Name></x:Notebook></Items>`],
  [
    'an extension of a nested Folder',
    `<Items xmlns:x="${X}"><Folder><Items><Folder><x:Note/></Folder></Items></Folder></Items>`,
  ],
]

/** The value `streamFileSync` rebuilds from `text` cut into pieces of `size` characters. */
const streamed = async (text: string, size: number) =>
  rebuildFileSync(await collect(streamFileSync(piecesOf(text, size))))

describe('regression: elements kept whole declare the prefixes an ancestor declared', () => {
  it.each(CASES)('%s: decode ∘ encode ∘ decode = decode', (_, text) => {
    const once = decoded(FileSyncXml, text)
    expect(decoded(FileSyncXml, FileSyncXml.encode(once))).toEqual(once)
    expect(JSON.stringify(once)).toContain(`"prefix":"xmlns","value":"${X}"`)
  })

  it.each(CASES)('%s: streamed in any chunks as in memory', async (_, text) => {
    const once = decoded(FileSyncXml, text)
    for (const size of [1, 3, 7, text.length]) expect(await streamed(text, size)).toEqual(once)
  })
})
