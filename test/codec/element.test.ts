import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  anchoredUnknownChildren,
  anyElement,
  attribute,
  attributeOr,
  byName,
  child,
  childOr,
  children,
  element,
  mapCodec,
  NonNegativeInteger,
  optionalAttribute,
  optionalChild,
  otherChildren,
  qname,
  record,
  text,
  textContent,
  unknownAttributes,
  unknownChildren,
  xmlNamespace,
} from '../../src/codec/index'
import type { XmlElement } from '../../src/xml/index'
import { issuesOf, rightOf } from '../support/decode'
import { decodeIssue } from '../support/issues'
import { at, el, w } from './build'

const ATOM = 'http://www.w3.org/2005/Atom'
const SYNC = 'http://schemas.sage.com/sdata/sync/2008/1'
const SDATA = 'http://schemas.sage.com/sdata/2008/1'
const atom = xmlNamespace(ATOM, null)
const sync = xmlNamespace(SYNC, 'sync')
const sdata = xmlNamespace(SDATA, 'sdata')

const SyncState = record(
  {
    endpoint: child(sync('endpoint'), text(t.string)),
    tick: childOr(sync('tick'), text(NonNegativeInteger), 0),
    stamp: child(sync('stamp'), text(t.string)),
    user: optionalChild(sync('user'), text(t.string)),
  },
  'SyncState',
)
const Entry = record({
  id: optionalChild(atom('id'), text(t.string)),
  syncState: optionalChild(sync('syncState'), SyncState),
  extensions: unknownChildren(),
})
const Feed = element(
  atom('feed'),
  record({
    title: optionalChild(atom('title'), text(t.string)),
    entries: children(atom('entry'), Entry),
    extensions: unknownChildren(),
  }),
)

const state = (tick: string, prefix = '') =>
  el(
    SYNC,
    `${prefix}syncState`,
    [],
    el(SYNC, `${prefix}endpoint`, [], 'http://e/a'),
    el(SYNC, `${prefix}tick`, [], tick),
    el(SYNC, `${prefix}stamp`, [], '2008-10-30T14:55:43Z'),
  )

describe('record', () => {
  it('reads required, optional and defaulted children in any order', () => {
    const a = el(
      SYNC,
      'syncState',
      [],
      el(SYNC, 'stamp', [], 'S'),
      el(SYNC, 'tick', [], '5'),
      el(SYNC, 'endpoint', [], 'E'),
    )
    const b = el(
      SYNC,
      'syncState',
      [],
      el(SYNC, 'endpoint', [], 'E'),
      el(SYNC, 'tick', [], '5'),
      el(SYNC, 'stamp', [], 'S'),
    )
    expect(rightOf(SyncState.decode(a))).toEqual({ endpoint: 'E', tick: 5, stamp: 'S' })
    expect(rightOf(SyncState.decode(b))).toEqual(rightOf(SyncState.decode(a)))
  })

  it('matches by namespace, not by prefix', () => {
    const other = el(
      'urn:other',
      'syncState',
      [],
      el('urn:other', 'endpoint', [], 'E'),
      el('urn:other', 'stamp', [], 'S'),
    )
    expect(issuesOf(SyncState.decode(other)).map((i) => i.message)).toEqual([
      'expected element sync:endpoint, found none',
      'expected element sync:stamp, found none',
    ])
    const prefixed = el(SYNC, 'x:syncState', [], el(SYNC, 'x:endpoint', [], 'E'), el(SYNC, 'x:stamp', [], 'S'))
    expect(rightOf(SyncState.decode(prefixed))).toEqual({ endpoint: 'E', tick: 0, stamp: 'S' })
  })

  it('defaults a missing defaulted child and leaves a missing optional child absent', () => {
    const v = rightOf(
      SyncState.decode(el(SYNC, 'syncState', [], el(SYNC, 'endpoint', [], 'E'), el(SYNC, 'stamp', [], 'S'))),
    )
    expect(v).toStrictEqual({ endpoint: 'E', tick: 0, stamp: 'S' })
    expect('user' in v).toBe(false)
  })

  it('tells an absent child from an empty one', () => {
    const R = record({ labelHash: optionalChild(qname(null, 'LabelHash'), text(t.string)) })
    expect(rightOf(R.decode(w('Document')))).toStrictEqual({})
    expect(rightOf(R.decode(w('Document', w('LabelHash'))))).toStrictEqual({ labelHash: '' })
    expect(R.encode({})).toMatchObject({ children: [] })
    expect(R.encode({ labelHash: '' }).children).toEqual([w('LabelHash')])
  })

  it('keeps leaf text exactly, spaces included', () => {
    const R = record({ name: child(qname(null, 'RelationshipName'), text(t.string)) })
    expect(rightOf(R.decode(w('Folder', w('RelationshipName', '  a ', ' b  '))))).toEqual({ name: '  a  b  ' })
  })

  it('collects repeated children in document order, wherever they sit', () => {
    const R = record({
      a: children(qname(null, 'A'), text(t.string)),
      b: optionalChild(qname(null, 'B'), text(t.string)),
    })
    expect(rightOf(R.decode(w('X', w('A', '1'), w('B', 'b'), w('A', '2'), w('A', '3'))))).toEqual({
      a: ['1', '2', '3'],
      b: 'b',
    })
    expect(rightOf(R.decode(w('X')))).toEqual({ a: [] })
  })

  it('reads the first of a duplicated single child and keeps the others as unknown children', () => {
    const R = record({ b: optionalChild(qname(null, 'B'), text(t.string)), rest: unknownChildren() })
    const second = w('B', '2')
    expect(rightOf(R.decode(w('X', w('B', '1'), second)))).toEqual({ b: '1', rest: [second] })
  })

  it('reads lenient alternative names and writes the first', () => {
    const R = record({ isDeleted: attributeOr([sdata('isDeleted'), sync('isDeleted')], t.string, 'false') })
    expect(rightOf(R.decode(el(null, 'account', [at(SYNC, 'sync:isDeleted', 'true')])))).toEqual({ isDeleted: 'true' })
    expect(R.encode({ isDeleted: 'true' }).attributes).toEqual([at(SDATA, 'sdata:isDeleted', 'true')])
    expect(R.encode({ isDeleted: 'false' }).attributes).toEqual([])
  })

  it('reads attributes by namespace and keeps the unknown ones', () => {
    const R = record({
      uuid: optionalAttribute(sdata('uuid'), t.string),
      rel: attribute(qname(null, 'rel'), t.string),
      others: unknownAttributes(),
    })
    const xmlns = at('http://www.w3.org/2000/xmlns/', 'xmlns:sdata', SDATA)
    const v = rightOf(
      R.decode(el(null, 'x', [xmlns, at(null, 'rel', 'self'), at(SDATA, 's:uuid', 'U'), at(null, 'uuid', 'plain')])),
    )
    expect(v).toEqual({ uuid: 'U', rel: 'self', others: [xmlns, at(null, 'uuid', 'plain')] })
    expect(R.encode(v).attributes).toEqual([
      xmlns,
      at(null, 'uuid', 'plain'),
      at(SDATA, 'sdata:uuid', 'U'),
      at(null, 'rel', 'self'),
    ])
  })

  it('a missing attribute with a fallback reads as the fallback', () => {
    const R = record({ isDeleted: attributeOr([sdata('isDeleted'), sync('isDeleted')], t.string, 'false') })
    expect(rightOf(R.decode(el(null, 'account')))).toEqual({ isDeleted: 'false' })
  })

  it('keeps unknown attributes when that field comes first', () => {
    const R = record({ others: unknownAttributes(), rel: attribute(qname(null, 'rel'), t.string) })
    const kept = at(null, 'title', 'T')
    const v = rightOf(R.decode(el(null, 'link', [kept, at(null, 'rel', 'self')])))
    expect(v).toEqual({ others: [kept], rel: 'self' })
    expect(R.encode(v).attributes).toEqual([kept, at(null, 'rel', 'self')])
  })

  it('reads an element’s own text beside its attributes', () => {
    const R = record({ lang: optionalAttribute(qname(null, 'lang'), t.string), value: textContent(t.string) })
    expect(rightOf(R.decode(el(null, 'title', [at(null, 'lang', 'en')], 'Hi')))).toEqual({ lang: 'en', value: 'Hi' })
    expect(R.encode({ value: '' }).children).toEqual([])
  })

  it('encodes children in field order with the conventional prefixes', () => {
    const out = SyncState.encode({ endpoint: 'E', tick: 3, stamp: 'S', user: 'u' })
    expect(out.children).toEqual([
      el(SYNC, 'sync:endpoint', [], 'E'),
      el(SYNC, 'sync:tick', [], '3'),
      el(SYNC, 'sync:stamp', [], 'S'),
      el(SYNC, 'sync:user', [], 'u'),
    ])
  })
})

describe('unknown children', () => {
  const fields = {
    itemType: optionalChild(qname(null, 'ItemType'), text(t.string)),
    resourceId: optionalChild(qname(null, 'ResourceID'), text(t.string)),
    parentResourceId: optionalChild(qname(null, 'ParentResourceID'), text(t.string)),
    dataSize: optionalChild(qname(null, 'DataSize'), text(NonNegativeInteger)),
  }
  const ext = w('fsshttpstate.xschema.storage.live.com', w('Hash', 'h'), w('VersionToken', 'v'))
  const first = w('Zero', 'z')
  const last = w('LabelHash')
  const doc = w(
    'Document',
    first,
    w('ItemType', 'Document'),
    w('ResourceID', 'r'),
    w('ParentResourceID', 'p'),
    ext,
    w('DataSize', '4'),
    last,
  )

  it('keeps them anchored to the modelled sibling they followed, as data', () => {
    const R = record({ ...fields, extensions: anchoredUnknownChildren() })
    const v = rightOf(R.decode(doc))
    expect(v.extensions).toEqual([
      { after: null, element: first },
      { after: 'ParentResourceID', element: ext },
      { after: 'DataSize', element: last },
    ])
    expect(R.encode(v).children).toEqual(doc.children)
  })

  it('puts them back in place when kept as plain elements', () => {
    const R = record({ ...fields, extensions: unknownChildren() })
    const v = rightOf(R.decode(doc))
    expect(v.extensions).toEqual([first, ext, last])
    expect(R.encode(v).children).toEqual(doc.children)
    // The element itself remembers that it followed ParentResourceID: in another value it is written there again,
    // not after the last modelled child (DataSize) and not after ResourceID.
    expect(R.encode({ resourceId: 'x', parentResourceId: 'y', dataSize: 1, extensions: [ext] }).children).toEqual([
      w('ResourceID', 'x'),
      w('ParentResourceID', 'y'),
      ext,
      w('DataSize', '1'),
    ])
  })

  it('anchors an unknown child to its modelled sibling even when that field is absent on encode', () => {
    const R = record({ ...fields, extensions: anchoredUnknownChildren() })
    const out = R.encode({
      itemType: 'Document',
      dataSize: 1,
      extensions: [{ after: 'ParentResourceID', element: ext }],
    })
    expect(out.children).toEqual([w('ItemType', 'Document'), ext, w('DataSize', '1')])
  })

  it('writes hand-built unknown children after the modelled ones, and read ones where they were read', () => {
    const R = record({ ...fields, extensions: unknownChildren() })
    const loose = w('Loose')
    expect(R.encode({ resourceId: 'r', dataSize: 2, extensions: [loose] }).children).toEqual([
      w('ResourceID', 'r'),
      w('DataSize', '2'),
      loose,
    ])
    // Formerly placed by the internal withAnchor: an element read after ResourceID keeps that place.
    const placed = w('Placed')
    rightOf(R.decode(w('Document', w('ResourceID', 'r'), placed, w('DataSize', '2'))))
    expect(R.encode({ resourceId: 'r', dataSize: 2, extensions: [placed] }).children).toEqual([
      w('ResourceID', 'r'),
      placed,
      w('DataSize', '2'),
    ])
  })

  it('drops unknown children when no field keeps them', () => {
    const R = record(fields)
    expect(rightOf(R.decode(doc))).toEqual({
      itemType: 'Document',
      resourceId: 'r',
      parentResourceId: 'p',
      dataSize: 4,
    })
  })
})

describe('byName and otherChildren', () => {
  type Item =
    | { kind: 'Folder'; name: string }
    | { kind: 'Document'; name: string }
    | { kind: 'Unknown'; element: XmlElement }
  const named = record({ name: child(qname(null, 'RelationshipName'), text(t.string)) })
  const Folder = mapCodec(
    named,
    (r): Item => ({ kind: 'Folder', name: r.name }),
    (i) => ({ name: 'name' in i ? i.name : '' }),
  )
  const Document = mapCodec(
    named,
    (r): Item => ({ kind: 'Document', name: r.name }),
    (i) => ({ name: 'name' in i ? i.name : '' }),
  )
  const Unknown = mapCodec(
    anyElement,
    (e): Item => ({ kind: 'Unknown', element: e }),
    (i) => (i.kind === 'Unknown' ? i.element : w('Unknown')),
  )
  const Item = byName<Item>(
    [
      { names: qname(null, 'Folder'), codec: Folder },
      { names: qname(null, 'Document'), codec: Document },
    ],
    (i) => (i.kind === 'Folder' ? 0 : i.kind === 'Document' ? 1 : -1),
    Unknown,
  )
  const Items = element(qname(null, 'Items'), record({ items: otherChildren(Item) }))

  it('dispatches on the element name and keeps unknown items in order', () => {
    const odd = w('Link', w('X'))
    const doc = w('Items', w('Folder', w('RelationshipName', 'f')), odd, w('Document', w('RelationshipName', 'd')))
    const v = rightOf(Items.decode(doc))
    expect(v.items).toEqual([
      { kind: 'Folder', name: 'f' },
      { kind: 'Unknown', element: odd },
      { kind: 'Document', name: 'd' },
    ])
    expect(Items.encode(v)).toEqual(doc)
  })

  it('reports an item error with its position among same-named siblings', () => {
    const doc = w(
      'Items',
      w('Document', w('RelationshipName', 'a')),
      w('Folder', w('RelationshipName', 'f')),
      w('Document'),
    )
    expect(issuesOf(Items.decode(doc))).toEqual([
      decodeIssue('missing', '/Items/Document[2]/RelationshipName', 'expected element RelationshipName, found none'),
    ])
  })

  it('without a fallback, rejects an unexpected element naming what it expected', () => {
    const Strict = byName<Item>([{ names: qname(null, 'Folder'), codec: Folder }], () => 0)
    expect(issuesOf(Strict.decode(w('Document'))).map((i) => i.message)).toEqual([
      'expected one of <Folder>, found element <Document>',
    ])
  })
})

describe('element', () => {
  it('checks the root name and namespace', () => {
    expect(issuesOf(Feed.decode(el(SYNC, 'feed')))).toEqual([
      decodeIssue('unexpected', '/feed', `expected element <feed> (${ATOM}), found <feed> (${SYNC})`),
    ])
  })

  it('rejects child elements where text is expected', () => {
    const R = element(qname(null, 'Path'), text(t.string))
    expect(issuesOf(R.decode(w('Path', 'a', w('b'))))).toEqual([
      decodeIssue('unexpected', '/Path', 'expected text only, found element <b>'),
    ])
  })

  it('round-trips a feed: decode ∘ encode = id on the decoded value', () => {
    const gen = el(ATOM, 'generator', [], 'g')
    const feed = el(
      ATOM,
      'feed',
      [],
      el(ATOM, 'title', [], 'T'),
      gen,
      el(ATOM, 'entry', [], el(ATOM, 'id', [], 'i'), state('4', 'sync:')),
    )
    const v = rightOf(Feed.decode(feed))
    expect(v).toEqual({
      title: 'T',
      entries: [
        { id: 'i', syncState: { endpoint: 'http://e/a', tick: 4, stamp: '2008-10-30T14:55:43Z' }, extensions: [] },
      ],
      extensions: [gen],
    })
    const again = Feed.encode(v)
    expect(again.children[1]).toBe(gen)
    expect(rightOf(Feed.decode(again))).toEqual(v)
  })
})

describe('error paths', () => {
  const feed = el(
    ATOM,
    'feed',
    [],
    el(ATOM, 'entry', [], state('1')),
    el(ATOM, 'entry', [], state('2')),
    el(ATOM, 'entry', [], state('abc')),
  )

  it('name the element with positions of repeated children and prefixes where the namespace changes', () => {
    expect(issuesOf(Feed.decode(feed))).toEqual([
      decodeIssue(
        'bad-value',
        '/feed/entry[3]/sync:syncState/tick',
        'expected a non-negative safe integer, found "abc"',
      ),
    ])
  })

  it('use the conventional prefix whatever the document used', () => {
    const doc = el(ATOM, 'a:feed', [], el(ATOM, 'a:entry', [], state('-1', 'q:')))
    expect(issuesOf(Feed.decode(doc))).toEqual([
      decodeIssue(
        'bad-value',
        '/feed/entry[1]/sync:syncState/tick',
        'expected a non-negative safe integer, found "-1"',
      ),
    ])
  })

  it('name a missing element as the codec writes it', () => {
    const doc = el(ATOM, 'feed', [], el(ATOM, 'entry', [], el(SYNC, 'syncState', [], el(SYNC, 'stamp', [], 's'))))
    expect(issuesOf(Feed.decode(doc))).toEqual([
      decodeIssue('missing', '/feed/entry[1]/sync:syncState/endpoint', 'expected element sync:endpoint, found none'),
    ])
  })

  it('name attributes with @ and collect every error', () => {
    const R = element(
      qname(null, 'Link'),
      record({
        rel: attribute(qname(null, 'rel'), t.literal('self')),
        n: optionalAttribute(sdata('n'), NonNegativeInteger),
      }),
    )
    expect(issuesOf(R.decode(el(null, 'Link', [at(null, 'rel', 'next'), at(SDATA, 'x:n', 'z')])))).toEqual([
      decodeIssue('bad-value', '/Link/@rel', 'expected "self", found "next"'),
      decodeIssue('bad-value', '/Link/@sdata:n', 'expected a non-negative safe integer, found "z"'),
    ])
    expect(issuesOf(R.decode(el(null, 'Link')))).toEqual([
      decodeIssue('missing', '/Link/@rel', 'expected attribute rel, found none'),
    ])
  })

  it('show a foreign root prefix and the document prefix for names the codec does not know', () => {
    const Digest = element(sync('digest'), record({ entries: children(sync('digestEntry'), SyncState) }))
    const doc = el(SYNC, 'digest', [], el(SYNC, 'digestEntry', [], el(SYNC, 'endpoint', [], 'e')))
    expect(issuesOf(Digest.decode(doc))).toEqual([
      decodeIssue('missing', '/sync:digest/digestEntry[1]/stamp', 'expected element sync:stamp, found none'),
    ])
    const Any = element(qname('urn:c', 'x'), record({ items: otherChildren(element(qname('urn:c', 'y'), anyElement)) }))
    expect(issuesOf(Any.decode(el('urn:c', 'x', [], el('urn:d', 'p:z'))))[0]!.path).toBe('/x/p:z[1]')
  })
})

describe('recursion', () => {
  interface Node {
    name: string
    items: Node[]
  }
  const NodeCodec: t.Type<Node, XmlElement, XmlElement> = t.recursion('Node', () =>
    record({ name: child(qname(null, 'Name'), text(t.string)), items: children(qname(null, 'Folder'), NodeCodec) }),
  )

  it('decodes and encodes 300-deep nesting without overflowing the stack', () => {
    let tree = w('Folder', w('Name', 'leaf'))
    for (let i = 0; i < 300; i++) tree = w('Folder', w('Name', `n${i}`), tree)
    const v = rightOf(NodeCodec.decode(tree))
    let depth = 0
    for (let n: Node | undefined = v; n !== undefined; n = n.items[0]) depth++
    expect(depth).toBe(301)
    expect(element(qname(null, 'Folder'), NodeCodec).encode(v)).toEqual(tree)
  })

  it('reports a path through deep nesting', () => {
    let tree = w('Folder')
    for (let i = 0; i < 3; i++) tree = w('Folder', w('Name', `n${i}`), tree)
    expect(issuesOf(element(qname(null, 'Folder'), NodeCodec).decode(tree))).toEqual([
      decodeIssue('missing', '/Folder/Folder[1]/Folder[1]/Folder[1]/Name', 'expected element Name, found none'),
    ])
  })
})
