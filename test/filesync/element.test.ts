import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import {
  DocumentItemElement,
  DocumentStreamElement,
  type FileSyncDocument,
  FileSyncXml,
  type FolderItem,
  FolderItemElement,
  ItemElement,
  ModifierIdentityElement,
  reportErrors,
  UnknownItemElement,
} from '../../src/filesync/index'
import type { XmlElement } from '../../src/xml/index'
import { serializeXml } from '../../src/xml/index'
import { decoded, rootOf } from '../support/decode'
import { decodeIssue } from '../support/issues'

const xml = (e: XmlElement) => serializeXml({ root: e }, { declaration: false })

describe('FILESYNC element codecs', () => {
  it('tells absent, empty text and Null apart', () => {
    const doc = decoded(
      FileSyncXml,
      '<Items><Document><LabelHash/><PreAuthURL>x</PreAuthURL><DataSize/><DateModified></DateModified><IsLabelProtected/></Document></Items>',
    )
    expect(doc).toEqual({
      root: 'Items',
      items: [
        {
          kind: 'Document',
          labelHash: '',
          dateModified: null,
          isLabelProtected: null,
          extensions: [
            { after: 'LabelHash', element: rootOf('<PreAuthURL>x</PreAuthURL>') },
            { after: 'LabelHash', element: rootOf('<DataSize/>') },
          ],
        },
      ],
    })
    // PreAuthURL and DataSize belong to DocumentStream, so on a Document they are kept as unknown elements.
    expect(FileSyncXml.encode(doc)).toBe(
      '<?xml version="1.0" encoding="utf-8"?><Items><Document><DateModified/><LabelHash/><PreAuthURL>x</PreAuthURL><DataSize/><IsLabelProtected/></Document></Items>',
    )
  })

  it('keeps an empty Items apart from no Items', () => {
    expect(decoded(FileSyncXml, '<Folder><Items/></Folder>')).toEqual({
      root: 'Folder',
      folder: { kind: 'Folder', items: [] },
    })
    expect(decoded(FileSyncXml, '<Folder/>')).toEqual({ root: 'Folder', folder: { kind: 'Folder' } })
    expect(FileSyncXml.encode({ root: 'Folder', folder: { kind: 'Folder' } })).toBe(
      '<?xml version="1.0" encoding="utf-8"?><Folder/>',
    )
  })

  it('keeps text byte-exact: spaces, case, quotes, braces, entities', () => {
    const doc = decoded(
      FileSyncXml,
      '<Items><Document><ETag>"{22163376-C9E1-4541-A103-B8C1D74DAF5F},1"</ETag><RelationshipName>  a &amp; b &lt;c&gt; </RelationshipName><ResourceID>22163376C9E14541A103B8C1D74DAF5F</ResourceID></Document></Items>',
    )
    expect(doc).toEqual({
      root: 'Items',
      items: [
        {
          kind: 'Document',
          eTag: '"{22163376-C9E1-4541-A103-B8C1D74DAF5F},1"',
          relationshipName: '  a & b <c> ',
          resourceId: '22163376C9E14541A103B8C1D74DAF5F',
        },
      ],
    })
  })

  it('reads booleans in every form and writes back the form read', () => {
    for (const form of ['True', 'False', 'true', 'false', '1', '0']) {
      const text = `<?xml version="1.0" encoding="utf-8"?><Items><Document><IsLabelProtected>${form}</IsLabelProtected></Document></Items>`
      const doc = decoded(FileSyncXml, text)
      const value =
        doc.root === 'Items' && doc.items[0]!.kind === 'Document' ? doc.items[0]!.isLabelProtected : undefined
      expect(value?.value).toBe(form === 'True' || form === 'true' || form === '1')
      expect(FileSyncXml.encode(doc)).toBe(text)
    }
  })

  it('reads sizes past 2^31 exactly', () => {
    const doc = decoded(
      FileSyncXml,
      '<Folder><SpaceGranted>9007199254740991</SpaceGranted><TotalSubItemSize>0</TotalSubItemSize></Folder>',
    )
    expect(doc).toEqual({
      root: 'Folder',
      folder: { kind: 'Folder', spaceGranted: 9007199254740991, totalSubItemSize: 0 },
    })
  })

  it('keeps a second occurrence of a modelled element, and namespaced look-alikes, as extensions in place', () => {
    const doc = decoded(
      FileSyncXml,
      '<Items><Folder><ResourceID>a</ResourceID><ResourceID>b</ResourceID><x:Path xmlns:x="urn:x">p</x:Path><Path>q</Path></Folder></Items>',
    )
    expect(doc).toEqual({
      root: 'Items',
      items: [
        {
          kind: 'Folder',
          resourceId: 'a',
          path: 'q',
          extensions: [
            { after: 'ResourceID', element: rootOf('<ResourceID>b</ResourceID>') },
            { after: 'ResourceID', element: rootOf('<x:Path xmlns:x="urn:x">p</x:Path>') },
          ],
        },
      ],
    })
    expect(FileSyncXml.encode(doc)).toBe(
      '<?xml version="1.0" encoding="utf-8"?><Items><Folder><ResourceID>a</ResourceID><ResourceID>b</ResourceID><x:Path xmlns:x="urn:x">p</x:Path><Path>q</Path></Folder></Items>',
    )
  })

  it('keeps items of other kinds whole, including a Folder in a namespace', () => {
    const doc = decoded(
      FileSyncXml,
      '<Items><Notebook id="1"><Section>s</Section></Notebook><f:Folder xmlns:f="urn:f"/></Items>',
    )
    expect(doc).toEqual({
      root: 'Items',
      items: [
        { kind: 'Unknown', element: rootOf('<Notebook id="1"><Section>s</Section></Notebook>') },
        { kind: 'Unknown', element: rootOf('<f:Folder xmlns:f="urn:f"/>') },
      ],
    })
    expect(FileSyncXml.encode(doc)).toBe(
      '<?xml version="1.0" encoding="utf-8"?><Items><Notebook id="1"><Section>s</Section></Notebook><f:Folder xmlns:f="urn:f"/></Items>',
    )
  })

  it('places extensions anchored to an absent field where that field would be, and unknown anchors last', () => {
    const ext = (name: string) => rootOf(`<${name}/>`)
    const folder = {
      kind: 'Folder' as const,
      resourceId: 'r',
      quotaState: 'Normal',
      extensions: [
        { after: 'Bogus', element: ext('Z') },
        { after: 'Path', element: ext('P') },
        { after: null, element: ext('A') },
      ],
    }
    expect(xml(FolderItemElement.encode(folder))).toBe(
      '<Folder><A/><ResourceID>r</ResourceID><P/><QuotaState>Normal</QuotaState><Z/></Folder>',
    )
  })

  it('writes write requests in request order and responses in response order', () => {
    const fields = {
      resourceId: 'r',
      eTag: 'e',
      relationshipName: 'n',
      parentResourceId: 'p',
      documentStreams: [{ documentStreamName: 'Default', dataSize: 1, xorHash: new Uint8Array(0) }],
    }
    expect(xml(DocumentItemElement.encode({ kind: 'Document', ...fields, writeMode: 'Update' }))).toBe(
      '<Document><ResourceID>r</ResourceID><ParentResourceID>p</ParentResourceID><WriteMode>Update</WriteMode><ETag>e</ETag><RelationshipName>n</RelationshipName><DocumentStreams><DocumentStream><DocumentStreamName>Default</DocumentStreamName><XORHash/><DataSize>1</DataSize></DocumentStream></DocumentStreams></Document>',
    )
    expect(xml(DocumentItemElement.encode({ kind: 'Document', ...fields, writeStatus: 'Success' }))).toBe(
      '<Document><ResourceID>r</ResourceID><ETag>e</ETag><RelationshipName>n</RelationshipName><ParentResourceID>p</ParentResourceID><DocumentStreams><DocumentStream><DocumentStreamName>Default</DocumentStreamName><DataSize>1</DataSize><XORHash/></DocumentStream></DocumentStreams><WriteStatus>Success</WriteStatus></Document>',
    )
  })

  it('decodes with every element codec on its own, with paths from the element', () => {
    expect(DocumentStreamElement.decode(rootOf('<DocumentStream><DataSize>1</DataSize></DocumentStream>'))).toEqual(
      E.right({ dataSize: 1 }),
    )
    expect(
      ModifierIdentityElement.decode(
        rootOf(
          '<ModifierIdentity><CustomIdentity><Name>SkyDriveSync</Name><Value>v</Value></CustomIdentity></ModifierIdentity>',
        ),
      ),
    ).toEqual(E.right({ customIdentity: { name: 'SkyDriveSync', value: 'v' } }))
    expect(UnknownItemElement.decode(rootOf('<X/>'))).toEqual(E.right({ kind: 'Unknown', element: rootOf('<X/>') }))
    expect(ItemElement.decode(rootOf('<Document/>'))).toEqual(E.right({ kind: 'Document' }))
    const r = FolderItemElement.decode(
      rootOf('<Folder><Items><Document><LabelHashScope>x</LabelHashScope></Document></Items></Folder>'),
    )
    expect(E.isLeft(r) && reportErrors(r.left)).toEqual([
      decodeIssue(
        'bad-value',
        '/Folder/Items/Document[1]/LabelHashScope',
        'expected an Int (0..2147483647), found "x"',
      ),
    ])
    const bad = DocumentStreamElement.decode(rootOf('<DocumentStream><DataSize>x</DataSize></DocumentStream>'))
    expect(E.isLeft(bad) && reportErrors(bad.left)).toEqual([
      decodeIssue('bad-value', '/DocumentStream/DataSize', 'expected a non-negative safe integer, found "x"'),
    ])
    expect(E.isLeft(FolderItemElement.decode(rootOf('<Document/>')))).toBe(true)
  })

  it('encodes values nested far deeper than any parsed document, without recursion', () => {
    let folder: FolderItem = { kind: 'Folder', relationshipName: 'leaf' }
    for (let i = 0; i < 20_000; i++) folder = { kind: 'Folder', items: [folder] }
    let el = FolderItemElement.encode(folder)
    let depth = 1
    for (let first = el.children[0]; first?.type === 'element'; first = el.children[0]) {
      el = first
      depth++
    }
    expect(depth).toBe(2 * 20_000 + 2)
    const text = FileSyncXml.encode({ root: 'Folder', folder })
    const leaf = '<Folder><RelationshipName>leaf</RelationshipName></Folder>'
    expect(text).toBe(
      `<?xml version="1.0" encoding="utf-8"?>${'<Folder><Items>'.repeat(20_000)}${leaf}${'</Items></Folder>'.repeat(20_000)}`,
    )
  })

  it('encodes values the types allow but validation would flag, without throwing', () => {
    const doc: FileSyncDocument = {
      root: 'Items',
      items: [
        { kind: 'Document', relationshipName: 'bad\u0000char', labelHashScope: Number.NaN, dataSize: 1 } as never,
      ],
    }
    expect(FileSyncXml.encode(doc)).toBe(
      '<?xml version="1.0" encoding="utf-8"?><Items><Document><RelationshipName>bad\uFFFDchar</RelationshipName><LabelHashScope>NaN</LabelHashScope></Document></Items>',
    )
  })
})
