// Element codecs (Folder, Document, DocumentStream, ModifierIdentity, Items, Unknown), the FileSyncXml `is`
// guard and ExactText: wrong-element messages, namespace checks, text-in-record messages and `is` guards.
// Raised from mutation testing (issue 7).
import { either as E } from 'fp-ts'
import type * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  DocumentItemElement,
  DocumentStreamElement,
  FileSyncXml,
  FolderItemElement,
  ItemElement,
  ItemsElement,
  ModifierIdentityElement,
  UnknownItemElement,
} from '../../src/filesync/index'
import { decoded, issuesOf, rootOf } from '../support/decode'
import { decodeIssue } from '../support/issues'

const codecs = [
  ['<Folder>', FolderItemElement, 'Folder'],
  ['<Document>', DocumentItemElement, 'Document'],
  ['<DocumentStream>', DocumentStreamElement, 'DocumentStream'],
  ['<ModifierIdentity>', ModifierIdentityElement, 'ModifierIdentity'],
  ['<Items>', ItemsElement, 'Items'],
] as const

describe('element codecs refuse the wrong element, naming what they found', () => {
  it.each(codecs)('%s: a namespaced element of the right local name (prefixed)', (expected, codec, name) => {
    expect(issuesOf(codec.decode(rootOf(`<x:${name} xmlns:x="urn:x"/>`)))).toEqual([
      decodeIssue('unexpected', '', `expected element ${expected}, found <x:${name}> (urn:x)`),
    ])
  })

  it.each(codecs)('%s: a namespaced element of the right local name (default namespace)', (expected, codec, name) => {
    expect(issuesOf(codec.decode(rootOf(`<${name} xmlns="urn:y"/>`)))).toEqual([
      decodeIssue('unexpected', '', `expected element ${expected}, found <${name}> (urn:y)`),
    ])
  })

  it.each(codecs)('%s: another element without a namespace', (expected, codec) => {
    expect(issuesOf(codec.decode(rootOf('<Other/>')))).toEqual([
      decodeIssue('unexpected', '', `expected element ${expected}, found <Other>`),
    ])
  })

  it.each(codecs)('%s: values that are no element at all', (expected, codec) => {
    const decode = codec.decode as (u: unknown) => t.Validation<unknown>
    expect(issuesOf(decode('text'))).toEqual([
      decodeIssue('unexpected', '', `expected element ${expected}, found string`),
    ])
    expect(issuesOf(decode(null))).toEqual([
      decodeIssue('unexpected', '', `expected element ${expected}, found object`),
    ])
    expect(issuesOf(decode(undefined))).toEqual([
      decodeIssue('missing', '', `expected element ${expected}, found undefined`),
    ])
    expect(issuesOf(decode({ type: 'text', value: 'x' }))).toEqual([
      decodeIssue('unexpected', '', `expected element ${expected}, found object`),
    ])
  })

  it('ItemElement and UnknownItemElement refuse only non-elements', () => {
    const item = ItemElement.decode as (u: unknown) => t.Validation<unknown>
    const unknown = UnknownItemElement.decode as (u: unknown) => t.Validation<unknown>
    expect(issuesOf(item(42))).toEqual([
      decodeIssue('unexpected', '', 'expected element <Folder>, <Document> or another item, found number'),
    ])
    expect(issuesOf(unknown({}))).toEqual([decodeIssue('unexpected', '', 'expected element any element, found object')])
    const ns = rootOf('<x:Folder xmlns:x="urn:x"/>')
    expect(ItemElement.decode(ns)).toEqual(E.right({ kind: 'Unknown', element: ns }))
    expect(UnknownItemElement.decode(ns)).toEqual(E.right({ kind: 'Unknown', element: ns }))
    expect(ItemElement.decode(rootOf('<Folder><ResourceID>r</ResourceID></Folder>'))).toEqual(
      E.right({ kind: 'Folder', resourceId: 'r' }),
    )
  })

  it('decodes the right elements on their own', () => {
    expect(FolderItemElement.decode(rootOf('<Folder><Path>p</Path></Folder>'))).toEqual(
      E.right({ kind: 'Folder', path: 'p' }),
    )
    expect(DocumentStreamElement.decode(rootOf('<DocumentStream/>'))).toEqual(E.right({}))
    expect(ModifierIdentityElement.decode(rootOf('<ModifierIdentity/>'))).toEqual(E.right({}))
    expect(ItemsElement.decode(rootOf('<Items><Document/><Folder/></Items>'))).toEqual(
      E.right([{ kind: 'Document' }, { kind: 'Folder' }]),
    )
  })
})

describe('element codecs report stray text and attributes with their path', () => {
  it('shortens long stray text to 37 characters and an ellipsis', () => {
    const long = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH' // 44 characters
    expect(issuesOf(FolderItemElement.decode(rootOf(`<Folder>${long}</Folder>`)))).toEqual([
      decodeIssue(
        'unexpected',
        '/Folder',
        'expected elements only in <Folder>, found text "abcdefghijklmnopqrstuvwxyz0123456789A..."',
      ),
    ])
    const forty = 'abcdefghijklmnopqrstuvwxyz0123456789ABCD' // exactly 40: kept whole
    expect(issuesOf(ItemsElement.decode(rootOf(`<Items>${forty}</Items>`)))).toEqual([
      decodeIssue('unexpected', '/Items', `expected elements only in <Items>, found text "${forty}"`),
    ])
  })

  it('reports text in Items, DocumentStreams and a DocumentStream', () => {
    expect(
      issuesOf(
        DocumentItemElement.decode(
          rootOf('<Document><DocumentStreams> x <DocumentStream>y</DocumentStream></DocumentStreams></Document>'),
        ),
      ),
    ).toEqual([
      decodeIssue(
        'unexpected',
        '/Document/DocumentStreams',
        'expected elements only in <DocumentStreams>, found text " x "',
      ),
      decodeIssue(
        'unexpected',
        '/Document/DocumentStreams/DocumentStream[1]',
        'expected elements only in <DocumentStream>, found text "y"',
      ),
    ])
    expect(issuesOf(FolderItemElement.decode(rootOf('<Folder><Items>z<Folder/></Items></Folder>')))).toEqual([
      decodeIssue('unexpected', '/Folder/Items', 'expected elements only in <Items>, found text "z"'),
    ])
  })

  it('refuses attributes on Items and on leaves, but not namespace declarations', () => {
    expect(issuesOf(ItemsElement.decode(rootOf('<Items a="1" xmlns:q="urn:q"/>')))).toEqual([
      decodeIssue('unexpected', '/Items', 'expected no attributes on <Items> (Web3S has none), found a="1"'),
    ])
    expect(
      issuesOf(FolderItemElement.decode(rootOf('<Folder xmlns:q="urn:q"><Path q:b="2">p</Path></Folder>'))),
    ).toEqual([
      decodeIssue('unexpected', '/Folder/Path', 'expected no attributes on <Path> (Web3S has none), found q:b="2"'),
    ])
  })

  it('reports a non-DocumentStream element inside DocumentStreams', () => {
    expect(
      issuesOf(DocumentItemElement.decode(rootOf('<Document><DocumentStreams><Stream/></DocumentStreams></Document>'))),
    ).toEqual([
      decodeIssue(
        'unexpected',
        '/Document/DocumentStreams/Stream[1]',
        'expected element <DocumentStream>, found <Stream>',
      ),
    ])
  })

  it('reports an element inside a text leaf', () => {
    expect(issuesOf(FolderItemElement.decode(rootOf('<Folder><Path>a<b/></Path></Folder>')))).toEqual([
      decodeIssue('unexpected', '/Folder/Path', 'expected text only, found element <b>'),
    ])
  })

  it('joins text split by comments or CDATA, and reads an empty leaf as empty text', () => {
    expect(FolderItemElement.decode(rootOf('<Folder><Path>a<!--c-->b<![CDATA[<c>]]></Path></Folder>'))).toEqual(
      E.right({ kind: 'Folder', path: 'ab<c>' }),
    )
    expect(FolderItemElement.decode(rootOf('<Folder><Path></Path></Folder>'))).toEqual(
      E.right({ kind: 'Folder', path: '' }),
    )
  })
})

describe('is guards', () => {
  it('FolderItemElement, DocumentItemElement, UnknownItemElement and ItemElement check kind', () => {
    expect(FolderItemElement.is({ kind: 'Folder' })).toBe(true)
    expect(FolderItemElement.is({ kind: 'Document' })).toBe(false)
    expect(DocumentItemElement.is({ kind: 'Document' })).toBe(true)
    expect(DocumentItemElement.is({ kind: 'Folder' })).toBe(false)
    expect(UnknownItemElement.is({ kind: 'Unknown', element: rootOf('<X/>') })).toBe(true)
    expect(UnknownItemElement.is({ kind: 'Folder' })).toBe(false)
    for (const kind of ['Folder', 'Document', 'Unknown']) expect(ItemElement.is({ kind })).toBe(true)
    for (const bad of [null, undefined, {}, 'Folder', { kind: 'Items' }, { kind: 1 }]) {
      expect(FolderItemElement.is(bad)).toBe(false)
      expect(DocumentItemElement.is(bad)).toBe(false)
      expect(UnknownItemElement.is(bad)).toBe(false)
      expect(ItemElement.is(bad)).toBe(false)
    }
  })

  it('DocumentStreamElement and ModifierIdentityElement accept objects only', () => {
    for (const codec of [DocumentStreamElement, ModifierIdentityElement]) {
      expect(codec.is({})).toBe(true)
      expect(codec.is({ dataSize: 1 })).toBe(true)
      expect(codec.is(null)).toBe(false)
      expect(codec.is(undefined)).toBe(false)
      expect(codec.is('x')).toBe(false)
      expect(codec.is(1)).toBe(false)
    }
  })

  it('ItemsElement accepts arrays only', () => {
    expect(ItemsElement.is([])).toBe(true)
    expect(ItemsElement.is({})).toBe(false)
    expect(ItemsElement.is(null)).toBe(false)
  })

  it('FileSyncXml.is accepts the two document shapes only', () => {
    expect(FileSyncXml.is({ root: 'Folder', folder: { kind: 'Folder' } })).toBe(true)
    expect(FileSyncXml.is({ root: 'Items', items: [] })).toBe(true)
    for (const bad of [
      null,
      undefined,
      'x',
      42,
      {},
      { root: 'Folder' },
      { root: 'Folder', folder: { kind: 'Document' } },
      { root: 'Folder', folder: null },
      { root: 'Folder', items: [] },
      { root: 'Items' },
      { root: 'Items', items: {} },
      { root: 'Items', folder: { kind: 'Folder' } },
      { root: 'Other', items: [] },
    ]) {
      expect(FileSyncXml.is(bad)).toBe(false)
    }
  })

  it('FileSyncXml refuses input that is not text', () => {
    const decode = FileSyncXml.decode as (u: unknown) => t.Validation<unknown>
    expect(issuesOf(decode(42))).toEqual([decodeIssue('unexpected', '', 'expected XML text')])
  })

  it('text fields keep their text exactly, spaces and emptiness included (formerly the internal ExactText)', () => {
    // ExactText's own `is` (strings only) is not reachable: the element guards do not look into field values.
    const doc = decoded(
      FileSyncXml,
      '<Items><Folder><RelationshipName> a </RelationshipName><ETag></ETag></Folder></Items>',
    )
    expect(doc.root === 'Items' && doc.items[0]).toMatchObject({ relationshipName: ' a ', eTag: '' })
    expect(FileSyncXml.encode(doc)).toContain('<RelationshipName> a </RelationshipName>')
  })
})
