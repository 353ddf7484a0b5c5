// validateFileSync: XML 1.0 character ranges (surrogates, U+E000.., U+FFFE), extension anchors, Binary fields,
// unknown items named like typed ones, ModifierIdentity contents and ListLevelQuotaState.
// Raised from mutation testing (issue 7).
import { describe, expect, it } from 'vitest'
import { type DocumentItem, type FileSyncDocument, type FolderItem, validateFileSync } from '../../src/filesync/index'
import type { XmlElement } from '../../src/xml/index'
import { rule } from '../support/issues'

const element = (localName: string, namespace: string | null = null, prefix: string | null = null): XmlElement => ({
  type: 'element',
  namespace,
  localName,
  prefix,
  attributes: [],
  children: [],
})

const write = (item: DocumentItem | FolderItem): FileSyncDocument => ({ root: 'Items', items: [item] })
const named = (relationshipName: string) => validateFileSync(write({ kind: 'Document', relationshipName }))
const bad = (code: string, at: number) => [
  rule(
    'error',
    '/Items/Document[1]/RelationshipName',
    `RelationshipName contains U+${code} at offset ${at}, which XML 1.0 cannot carry (written as U+FFFD)`,
  ),
]

describe('validateFileSync: characters XML 1.0 can carry', () => {
  it('accepts tab, LF, CR, the BMP outside the surrogates, U+E000..U+FFFD and surrogate pairs', () => {
    expect(named('a\tb\nc\rd \u00e9\ud7ff')).toEqual([])
    expect(named('\ue000\uf8ff\ufffd')).toEqual([])
    expect(named('\u{10000}\u{1f600}\u{10ffff}')).toEqual([])
  })

  it('flags the first character it cannot carry, with its offset', () => {
    expect(named('ab\u0000')).toEqual(bad('0000', 2))
    expect(named('\u001f')).toEqual(bad('001F', 0))
    expect(named('x\ufffe')).toEqual(bad('FFFE', 1))
    expect(named('\uffff')).toEqual(bad('FFFF', 0))
  })

  it('flags a high surrogate not followed by a low one, and a lone low surrogate', () => {
    expect(named('\ud800a')).toEqual(bad('D800', 0))
    expect(named('a\udbff')).toEqual(bad('DBFF', 1))
    expect(named('\ud800\ud800\udc00')).toEqual(bad('D800', 0))
    expect(named('\u{1f600}\udc00')).toEqual(bad('DC00', 2))
    expect(named('\udfff')).toEqual(bad('DFFF', 0))
  })
})

describe('validateFileSync: extensions', () => {
  it('warns about an anchor the record does not have, but not about a null anchor or a known one', () => {
    const doc = write({
      kind: 'Document',
      relationshipName: 'n',
      extensions: [
        { after: null, element: element('A') },
        { after: 'ETag', element: element('B') },
        { after: 'Bogus', element: element('C', 'urn:c', 'c') },
      ],
    })
    expect(validateFileSync(doc)).toEqual([
      rule(
        'warning',
        '/Items/Document[1]/c:C',
        'extension anchored after Bogus, which <Document> does not have; it is written last',
      ),
    ])
  })

  it('does not call a namespaced look-alike of a modelled element a duplicate', () => {
    const doc = write({
      kind: 'Folder',
      relationshipName: 'n',
      extensions: [{ after: 'Path', element: element('Path', 'urn:x', 'x') }],
    })
    expect(validateFileSync(doc)).toEqual([])
  })
})

describe('validateFileSync: field types', () => {
  it('flags Binary fields that are not bytes', () => {
    const doc = write({
      kind: 'Document',
      relationshipName: 'n',
      documentStreams: [
        { xorHash: 'AAAA' as never, writeValidationToken: [1] as never, streamSyncToken: new Uint8Array(1) },
      ],
    })
    expect(validateFileSync(doc)).toEqual([
      rule(
        'error',
        '/Items/Document[1]/DocumentStreams/DocumentStream[1]/XORHash',
        'XORHash must be bytes (Uint8Array), found "AAAA"',
      ),
      rule(
        'error',
        '/Items/Document[1]/DocumentStreams/DocumentStream[1]/WriteValidationToken',
        'WriteValidationToken must be bytes (Uint8Array), found 1',
      ),
    ])
  })

  it('flags a text field that is not a string, and a boolean that is not { value: boolean }', () => {
    const doc = write({
      kind: 'Document',
      relationshipName: 5 as never,
      isLabelProtected: true as never,
    })
    expect(validateFileSync(doc)).toEqual([
      rule('error', '/Items/Document[1]/RelationshipName', 'RelationshipName must be a string, found 5'),
      rule('error', '/Items/Document[1]/IsLabelProtected', 'IsLabelProtected must be { value: boolean }, found true'),
    ])
  })
})

describe('validateFileSync: items', () => {
  it('warns about unknown items named Folder or Document without a namespace only', () => {
    const doc: FileSyncDocument = {
      root: 'Items',
      items: [
        { kind: 'Unknown', element: element('Folder') },
        { kind: 'Unknown', element: element('Document') },
        { kind: 'Unknown', element: element('Folder', 'urn:f', 'f') },
        { kind: 'Unknown', element: element('Notebook') },
      ],
    }
    expect(validateFileSync(doc)).toEqual([
      rule('warning', '/Items/Folder[1]', 'an unknown item named Folder decodes as a typed Folder item'),
      rule('warning', '/Items/Document[1]', 'an unknown item named Document decodes as a typed Document item'),
    ])
  })

  it('checks inside ModifierIdentity and its CustomIdentity', () => {
    const doc = write({
      kind: 'Document',
      relationshipName: 'n',
      modifierIdentity: {
        customIdentity: {
          name: 'a\u0001',
          value: 'v',
          extensions: [{ after: 'Nope', element: element('X') }],
        },
        extensions: [{ after: 'CustomIdentity', element: element('CustomIdentity') }],
      },
    })
    expect(validateFileSync(doc)).toEqual([
      rule(
        'warning',
        '/Items/Document[1]/ModifierIdentity/CustomIdentity',
        'CustomIdentity appears more than once in <ModifierIdentity>; the extra one is kept as is',
      ),
      rule(
        'error',
        '/Items/Document[1]/ModifierIdentity/CustomIdentity/Name',
        'Name contains U+0001 at offset 1, which XML 1.0 cannot carry (written as U+FFFD)',
      ),
      rule(
        'warning',
        '/Items/Document[1]/ModifierIdentity/CustomIdentity/X',
        'extension anchored after Nope, which <CustomIdentity> does not have; it is written last',
      ),
    ])
  })

  it('warns about QuotaState and ListLevelQuotaState outside the enum, each under its own name', () => {
    const doc = write({ kind: 'Folder', relationshipName: 'n', quotaState: 'Normal', listLevelQuotaState: 'Empty' })
    expect(validateFileSync(doc)).toEqual([
      rule(
        'warning',
        '/Items/Folder[1]/ListLevelQuotaState',
        'ListLevelQuotaState "Empty" is not Unknown, Normal, Nearing, Critical, Full or OverLimit',
      ),
    ])
    const both = write({ kind: 'Folder', relationshipName: 'n', quotaState: 'normal', listLevelQuotaState: 'Full' })
    expect(validateFileSync(both)).toEqual([
      rule(
        'warning',
        '/Items/Folder[1]/QuotaState',
        'QuotaState "normal" is not Unknown, Normal, Nearing, Critical, Full or OverLimit',
      ),
    ])
  })

  it('counts positions per name among nested items', () => {
    const doc = write({
      kind: 'Folder',
      relationshipName: 'n',
      items: [
        { kind: 'Document', resourceId: 'x' },
        { kind: 'Folder', relationshipName: 'f' },
        { kind: 'Document', resourceId: 'y' },
      ],
    })
    expect(validateFileSync(doc)).toEqual([
      rule('error', '/Items/Folder[1]/Items/Document[1]/ResourceID', 'ResourceID is not a GUID as 32 hex digits: "x"'),
      rule('error', '/Items/Folder[1]/Items/Document[2]/ResourceID', 'ResourceID is not a GUID as 32 hex digits: "y"'),
    ])
  })
})
