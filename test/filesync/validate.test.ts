import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import {
  type DocumentItem,
  type FileSyncDocument,
  FileSyncXml,
  type FolderItem,
  type Item,
  validateFileSync,
  validateFileSyncItem,
} from '../../src/filesync/index'
import { arbFileSyncDocument } from '../../src/testing/arbitraries/index'
import { fixture, fixturesIn } from '../support/fixtures'
import { rule, stepsOf } from '../support/issues'

const ID = 'f0ce10dfa5334200b28631f7d2066eab'

function listing(...items: FolderItem['items'] & object): FileSyncDocument {
  return { root: 'Folder', folder: { kind: 'Folder', resourceId: ID, items } }
}

function write(item: DocumentItem | FolderItem): FileSyncDocument {
  return { root: 'Items', items: [item] }
}

describe('validateFileSync', () => {
  it('finds nothing wrong in any capture', () => {
    for (const path of fixturesIn('filesync', '.xml')) {
      const r = FileSyncXml.decode(fixture(path))
      expect(E.isRight(r)).toBe(true)
      if (E.isRight(r)) expect(validateFileSync(r.right), path).toEqual([])
    }
  })

  it('flags a ResourceID that is not 32 hex digits, with its path', () => {
    const doc = listing(
      { kind: 'Document', resourceId: ID },
      { kind: 'Document', resourceId: '{F0CE10DF-A533-4200-B286-31F7D2066EAB}', parentResourceId: ID },
    )
    expect(validateFileSync(doc)).toEqual([
      rule(
        'error',
        '/Folder/Items/Document[2]/ResourceID',
        'ResourceID is not a GUID as 32 hex digits: "{F0CE10DF-A533-4200-B286-31F7D2066EAB}"',
      ),
    ])
  })

  it('accepts upper-case ResourceIDs (they compare case-insensitively)', () => {
    expect(validateFileSync(listing({ kind: 'Document', resourceId: ID.toUpperCase() }))).toEqual([])
  })

  it('warns about a QuotaState outside the enum, keeping it', () => {
    const doc: FileSyncDocument = {
      root: 'Folder',
      folder: { kind: 'Folder', resourceId: ID, quotaState: 'exceeded', listLevelQuotaState: 'Normal' },
    }
    expect(validateFileSync(doc)).toEqual([
      rule(
        'warning',
        '/Folder/QuotaState',
        'QuotaState "exceeded" is not Unknown, Normal, Nearing, Critical, Full or OverLimit',
      ),
    ])
  })

  it('flags an Int out of range and sizes that are not non-negative safe integers', () => {
    const doc = listing({
      kind: 'Document',
      resourceId: ID,
      labelHashScope: 2147483648,
      documentStreams: [{ dataSize: -1, streamProtocolSupport: 1.5 }],
    })
    expect(validateFileSync(doc)).toEqual([
      rule(
        'error',
        '/Folder/Items/Document[1]/LabelHashScope',
        'LabelHashScope is an Int (0..2147483647), found 2147483648',
      ),
      rule(
        'error',
        '/Folder/Items/Document[1]/DocumentStreams/DocumentStream[1]/DataSize',
        'DataSize must be a non-negative safe integer, found -1',
      ),
      rule(
        'error',
        '/Folder/Items/Document[1]/DocumentStreams/DocumentStream[1]/StreamProtocolSupport',
        'StreamProtocolSupport is an Int (0..2147483647), found 1.5',
      ),
    ])
  })

  it('flags a Document with no ResourceID in a changes listing, at any depth', () => {
    const doc = listing({
      kind: 'Folder',
      resourceId: ID,
      items: [{ kind: 'Folder', resourceId: ID }, { kind: 'Document' }],
    })
    expect(validateFileSync(doc)).toEqual([
      rule('error', '/Folder/Items/Folder[1]/Items/Document[1]', 'a Document in a changes listing has no ResourceID'),
    ])
  })

  it('does not ask for ResourceIDs in a create request', () => {
    expect(validateFileSync(write({ kind: 'Document', writeMode: 'Create', relationshipName: 'a.txt' }))).toEqual([])
  })

  it('flags a write request with Update but no ETag', () => {
    expect(validateFileSync(write({ kind: 'Document', resourceId: ID, writeMode: 'Update' }))).toEqual([
      rule(
        'error',
        '/Items/Document[1]',
        'a write with WriteMode Update has no ETag (the server needs it to detect conflicts)',
      ),
    ])
  })

  it('warns about an unknown WriteMode and a Create without a name', () => {
    const doc: FileSyncDocument = {
      root: 'Items',
      items: [
        { kind: 'Folder', writeMode: 'Delete', relationshipName: 'x' },
        { kind: 'Folder', writeMode: 'Create' },
      ],
    }
    expect(validateFileSync(doc)).toEqual([
      rule('warning', '/Items/Folder[1]/WriteMode', 'WriteMode "Delete" is not Create, Update or CreateOrUpdate'),
      rule(
        'warning',
        '/Items/Folder[2]',
        'a write with WriteMode Create has no RelationshipName (the new item needs a name)',
      ),
    ])
  })

  it('flags characters XML cannot carry, in fields and in kept unknown elements', () => {
    const doc: FileSyncDocument = {
      root: 'Items',
      items: [
        { kind: 'Document', relationshipName: 'a\u0001b' },
        {
          kind: 'Unknown',
          element: {
            type: 'element',
            namespace: null,
            localName: 'Notebook',
            prefix: null,
            attributes: [{ namespace: null, localName: 'id', prefix: null, value: 'x\uFFFE' }],
            children: [{ type: 'text', value: '\uD800' }],
          },
        },
      ],
    }
    expect(validateFileSync(doc)).toEqual([
      rule(
        'error',
        '/Items/Document[1]/RelationshipName',
        'RelationshipName contains U+0001 at offset 1, which XML 1.0 cannot carry (written as U+FFFD)',
      ),
      rule(
        'error',
        '/Items/Notebook[1]/@id',
        'attribute value contains U+FFFE at offset 1, which XML 1.0 cannot carry (written as U+FFFD)',
      ),
      rule(
        'error',
        '/Items/Notebook[1]',
        'text contains U+D800 at offset 0, which XML 1.0 cannot carry (written as U+FFFD)',
      ),
    ])
  })

  it('flags bad dates, and warns about ItemType, XORHash length, boolean forms and duplicates', () => {
    const doc = listing({
      kind: 'Document',
      resourceId: ID,
      itemType: 'Folder',
      dateModified: '2025-11-07T22:06:33.00000000Z',
      isLabelProtected: { value: true, lexical: 'False' },
      documentStreams: [{ xorHash: new Uint8Array(19) }],
      extensions: [
        {
          after: 'ResourceID',
          element: {
            type: 'element',
            namespace: null,
            localName: 'ResourceID',
            prefix: null,
            attributes: [],
            children: [],
          },
        },
      ],
    })
    expect(validateFileSync(doc)).toEqual([
      rule(
        'error',
        '/Folder/Items/Document[1]/DateModified',
        'DateModified is not an xs:dateTime with at most 7 fraction digits: "2025-11-07T22:06:33.00000000Z"',
      ),
      rule(
        'warning',
        '/Folder/Items/Document[1]/IsLabelProtected',
        'IsLabelProtected: lexical "False" does not spell true; written as True',
      ),
      rule(
        'warning',
        '/Folder/Items/Document[1]/ResourceID',
        'ResourceID appears more than once in <Document>; the extra one is kept as is',
      ),
      rule('warning', '/Folder/Items/Document[1]/ItemType', 'ItemType "Folder" on a <Document> element'),
      rule(
        'warning',
        '/Folder/Items/Document[1]/DocumentStreams/DocumentStream[1]/XORHash',
        'XORHash has 19 bytes; a QuickXorHash has 20',
      ),
    ])
  })

  it('walks 10,000 nested folders without recursion', () => {
    let folder: FolderItem = { kind: 'Folder', resourceId: ID }
    for (let i = 0; i < 10_000; i++) folder = { kind: 'Folder', resourceId: ID, items: [folder, { kind: 'Document' }] }
    const issues = validateFileSync({ root: 'Folder', folder })
    expect(issues).toHaveLength(10_000)
    expect(issues[issues.length - 1]!.path).toBe('/Folder/Items/Document[1]')
  })

  it('never throws, and every path starts at the root', () => {
    fc.assert(
      fc.property(arbFileSyncDocument({ maxDepth: 2, maxItems: 3 }), (doc) => {
        for (const issue of validateFileSync(doc)) expect(issue.path).toMatch(/^\/(Folder|Items)(\/|$)/)
      }),
    )
  })
})

describe('validateFileSyncItem', () => {
  it('item by item, in document order, gives what validateFileSync gives for the whole document', () => {
    fc.assert(
      fc.property(arbFileSyncDocument({ maxItems: 3 }), (document) => {
        const found: ReturnType<typeof validateFileSync> = []
        const walk = (items: readonly Item[] | undefined, parent: string, listed: boolean) => {
          const counts = new Map<string, number>()
          for (const item of items ?? []) {
            const name = item.kind === 'Unknown' ? item.element.localName : item.kind
            const n = (counts.get(name) ?? 0) + 1
            counts.set(name, n)
            const path = `${parent}/Items/${name}[${n}]`
            found.push(...validateFileSyncItem(item, path, { listed, root: false }))
            if (item.kind === 'Folder') walk(item.items, path, listed)
          }
        }
        if (document.root === 'Folder') {
          found.push(...validateFileSyncItem(document.folder, '/Folder', { listed: true, root: true }))
          walk(document.folder.items, '/Folder', true)
        } else walk(document.items, '', false)
        expect(found).toEqual(validateFileSync(document))
      }),
      { numRuns: 60 },
    )
  })

  it('takes the location as steps, giving what the same path as text gives', () => {
    const item: Item = { kind: 'Document', resourceId: 'x', writeMode: 'Update' }
    const text = '/Folder/Items/Folder[2]/Items/Document[1]'
    const issues = validateFileSyncItem(item, stepsOf(text), { listed: true, root: false })
    expect(issues).toStrictEqual([
      rule('error', `${text}/ResourceID`, 'ResourceID is not a GUID as 32 hex digits: "x"'),
      rule('error', text, 'a write with WriteMode Update has no ETag (the server needs it to detect conflicts)'),
    ])
    expect(issues).toStrictEqual(validateFileSyncItem(item, text, { listed: true, root: false }))
  })
})
