import fc from 'fast-check'
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  anchoredUnknownChildren,
  anyElement,
  attributeOr,
  byName,
  child,
  childOr,
  children,
  DateTimeCodec,
  element,
  fromXml,
  NonNegativeInteger,
  optionalAttribute,
  optionalChild,
  otherChildren,
  qname,
  record,
  reportErrors,
  text,
  textContent,
  XsBoolean,
} from '../../src/codec/index'
import type { XmlElement, XmlNode } from '../../src/xml/index'

const NS = [null, 'urn:a', 'urn:b'] as const
const NAMES = ['Folder', 'Items', 'Document', 'Path', 'DataSize', 'x', '__proto__', 'constructor'] as const

// Arbitrary element trees over a small vocabulary, so that codecs meet both expected and unexpected shapes.
const tree: fc.Arbitrary<XmlElement> = fc.letrec<{ node: XmlNode; element: XmlElement }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.record({ type: fc.constant('text' as const), value: fc.string() }),
    tie('element'),
  ),
  element: fc.record({
    type: fc.constant('element' as const),
    namespace: fc.constantFrom(...NS),
    localName: fc.constantFrom(...NAMES),
    prefix: fc.constantFrom(null, 'p'),
    attributes: fc.array(
      fc.record({
        namespace: fc.constantFrom(...NS),
        localName: fc.constantFrom(...NAMES),
        prefix: fc.constantFrom(null, 'p'),
        value: fc.string(),
      }),
      { maxLength: 3 },
    ),
    children: fc.array(tie('node'), { maxLength: 4 }),
  }),
})).element

const n = (s: string) => qname(null, s)
type Item = { kind: 'Folder' | 'Document'; v: unknown } | { kind: 'Unknown'; element: XmlElement }
const Doc = record({
  path: optionalChild(n('Path'), text(t.string)),
  size: childOr(n('DataSize'), text(NonNegativeInteger), 0),
  flag: attributeOr(qname('urn:a', 'x', 'a'), XsBoolean, false),
  when: optionalAttribute(n('Path'), DateTimeCodec),
  rest: anchoredUnknownChildren(),
})
const Folder: t.Type<Item, XmlElement, XmlElement> = t.recursion('Folder', () =>
  byName<Item>(
    [
      { names: n('Folder'), codec: FolderBody },
      { names: n('Document'), codec: DocBody },
    ],
    (i) => (i.kind === 'Folder' ? 0 : i.kind === 'Document' ? 1 : -1),
    new t.Type<Item, XmlElement, XmlElement>(
      'Unknown',
      (u): u is Item => true,
      (el) => t.success({ kind: 'Unknown', element: el }),
      (i) => (i.kind === 'Unknown' ? i.element : anyElement.encode(i as never)),
    ),
  ),
)
const FolderBody: t.Type<Item, XmlElement, XmlElement> = new t.Type<Item, XmlElement, XmlElement>(
  'FolderBody',
  (u): u is Item => true,
  (el, c) => {
    const r = record({
      items: optionalChild(n('Items'), record({ items: otherChildren(Folder) })),
      path: child(n('Path'), text(t.string)),
    }).validate(el, c)
    return E.isRight(r) ? t.success({ kind: 'Folder', v: r.right }) : r
  },
  () => ({ type: 'element', namespace: null, localName: '', prefix: null, attributes: [], children: [] }),
)
const DocBody = new t.Type<Item, XmlElement, XmlElement>(
  'DocBody',
  (u): u is Item => true,
  (el, c) => {
    const r = Doc.validate(el, c)
    return E.isRight(r) ? t.success({ kind: 'Document', v: r.right }) : r
  },
  () => ({ type: 'element', namespace: null, localName: '', prefix: null, attributes: [], children: [] }),
)
const codecs = {
  folder: element(n('Folder'), FolderBody),
  any: Folder,
  repeated: element(n('Items'), record({ docs: children(n('Document'), Doc), text: textContent(t.string) })),
}

describe('totality', () => {
  it('decoding arbitrary element trees never throws, and every issue has a path', () => {
    fc.assert(
      fc.property(tree, (el) => {
        for (const codec of Object.values(codecs)) {
          const r = (codec as t.Type<unknown, XmlElement, XmlElement>).decode(el)
          if (E.isLeft(r)) {
            for (const issue of reportErrors(r.left)) {
              // A top-level `byName` adds no step for the element it dispatches: what is wrong with that element
              // itself (text beside its children) is located at the input, as for any bare record.
              expect(issue.path.startsWith('/') || (codec === codecs.any && issue.path === '')).toBe(true)
              expect(issue.message.length).toBeGreaterThan(0)
            }
          }
        }
      }),
    )
  })

  it('decoding values that are not elements never throws', () => {
    fc.assert(
      fc.property(fc.anything(), (u) => {
        for (const codec of Object.values(codecs)) {
          const r = (codec as t.Type<unknown, unknown, unknown>).decode(u)
          expect(E.isLeft(r)).toBe(true)
        }
      }),
    )
  })

  it('document codecs never throw on arbitrary text', () => {
    const FolderXml = fromXml(codecs.folder)
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.constantFrom('<Folder><Path>p</Path></Folder>', '<Folder/>', '<a><b></a>')),
        (s) => {
          const r = FolderXml.decode(s)
          if (E.isLeft(r)) expect(reportErrors(r.left).length).toBeGreaterThan(0)
        },
      ),
    )
  })
})
