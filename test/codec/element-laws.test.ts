import fc from 'fast-check'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  anchoredUnknownChildren,
  childOr,
  children,
  NonNegativeInteger,
  optionalChild,
  qname,
  record,
  text,
  unknownChildren,
  xmlNamespace,
} from '../../src/codec/index'
import type { XmlElement } from '../../src/xml/index'
import { decoded } from '../support/decode'

const sync = xmlNamespace('http://schemas.sage.com/sdata/sync/2008/1', 'sync')

const leaf = (name: string, value: string): XmlElement => ({
  type: 'element',
  namespace: null,
  localName: name,
  prefix: null,
  attributes: [],
  children: value === '' ? [] : [{ type: 'text', value }],
})

const State = record({
  endpoint: optionalChild(sync('endpoint'), text(t.string)),
  tick: childOr(sync('tick'), text(NonNegativeInteger), 0),
  user: optionalChild(sync('user'), text(t.string)),
  links: children(sync('link'), text(t.string)),
})

const stateValue = fc.record(
  {
    endpoint: fc.string(),
    tick: fc.maxSafeNat(),
    user: fc.string(),
    links: fc.array(fc.string(), { maxLength: 4 }),
  },
  { requiredKeys: ['tick', 'links'] },
)

describe('record laws', () => {
  it('decode ∘ encode = id', () => {
    fc.assert(
      fc.property(stateValue, (v) => {
        expect(decoded(State, State.encode(v))).toStrictEqual({ ...v })
      }),
    )
  })

  it('decoding does not depend on the order of the children (repeated ones keep their relative order)', () => {
    fc.assert(
      fc.property(stateValue, fc.infiniteStream(fc.nat()), (v, keys) => {
        const el = State.encode(v)
        const order = el.children.map((_, i) => ({ i, k: keys.next().value as number }))
        order.sort((a, b) => a.k - b.k || a.i - b.i)
        const shuffled = { ...el, children: order.map((o) => el.children[o.i]!) }
        const links = shuffled.children.filter((n) => n.type === 'element' && n.localName === 'link')
        const value = decoded(State, shuffled)
        expect({ ...value, links: [] }).toStrictEqual({ ...v, links: [] })
        expect(value.links).toEqual(
          links.map((n) => (n.type === 'element' ? (n.children[0]?.type === 'text' ? n.children[0].value : '') : '')),
        )
      }),
    )
  })
})

const known = ['ItemType', 'ResourceID', 'ETag', 'Path', 'ParentResourceID'] as const
const fields = {
  itemType: optionalChild(qname(null, 'ItemType'), text(t.string)),
  resourceId: optionalChild(qname(null, 'ResourceID'), text(t.string)),
  eTag: optionalChild(qname(null, 'ETag'), text(t.string)),
  path: optionalChild(qname(null, 'Path'), text(t.string)),
  parentResourceId: optionalChild(qname(null, 'ParentResourceID'), text(t.string)),
}

// A Web3S-like element: some modelled children in field order, unknown (dotted) elements anywhere between them.
const capturedElement = fc
  .tuple(
    fc.subarray([...known]),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom('a.xschema.example', 'LabelHash', 'X'), fc.string()), { maxLength: 5 }),
    fc.array(fc.string(), { minLength: 5, maxLength: 5 }),
  )
  .map(([present, unknowns, values]) => {
    const nodes: XmlElement[] = present.map((name, i) => leaf(name, values[i]!))
    for (const [at, name, value] of unknowns) nodes.splice(at % (nodes.length + 1), 0, leaf(name, value))
    return {
      type: 'element',
      namespace: null,
      localName: 'Document',
      prefix: null,
      attributes: [],
      children: nodes,
    } as XmlElement
  })

describe('unknown children laws', () => {
  it('encode ∘ decode = id with anchored unknown children, wherever they sit', () => {
    const Doc = record({ ...fields, extensions: anchoredUnknownChildren() })
    fc.assert(
      fc.property(capturedElement, (el) => {
        expect(Doc.encode(decoded(Doc, el))).toEqual({ ...el, localName: '' })
      }),
    )
  })

  it('encode ∘ decode = id with unknown children kept as plain elements', () => {
    const Doc = record({ ...fields, extensions: unknownChildren() })
    fc.assert(
      fc.property(capturedElement, (el) => {
        expect(Doc.encode(decoded(Doc, el))).toEqual({ ...el, localName: '' })
      }),
    )
  })
})
