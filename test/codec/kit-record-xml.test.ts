// A kit record in XML, through record() and element() only (whatever compiles it): a second occurrence of a single
// child is kept and written back where it stood, every failing repeated child is reported at its position, and an
// absent repeated child reads and writes as none.
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  anchoredUnknownChildren,
  child,
  children,
  element,
  NonNegativeInteger,
  optionalChild,
  qname,
  record,
  text,
  unknownChildren,
} from '../../src/codec/index'
import { serializeXml } from '../../src/xml/index'
import { decoded, decodeIssues, rootOf } from '../support/decode'
import { decodeIssue } from '../support/issues'

const q = (local: string) => qname(null, local)
const write = (root: Parameters<typeof serializeXml>[0]['root']) => serializeXml({ root }, { declaration: false })

describe('a kit record in XML', () => {
  it('keeps a second occurrence of a single child as unknown, and writes it back after the first', () => {
    for (const rest of [unknownChildren(), anchoredUnknownChildren()]) {
      const Item = element(
        q('item'),
        record({
          name: child(q('name'), text(t.string)),
          size: optionalChild(q('size'), text(NonNegativeInteger)),
          rest,
        }),
      )
      const xml = '<item><name>a</name><name>b</name><size>1</size></item>'
      const value = decoded(Item, rootOf(xml))
      expect(value.name).toBe('a')
      expect(value.size).toBe(1)
      expect(write(Item.encode(value))).toBe(xml)
    }
  })

  it('reports every repeated child its codec refuses, at its position, and reads the others', () => {
    const List = element(q('list'), record({ n: children(q('n'), text(NonNegativeInteger)) }))
    expect(decodeIssues(List, rootOf('<list><n>1</n><n>x</n><n>2</n><n>-3</n></list>'))).toEqual([
      decodeIssue('bad-value', '/list/n[2]', 'expected a non-negative safe integer, found "x"'),
      decodeIssue('bad-value', '/list/n[4]', 'expected a non-negative safe integer, found "-3"'),
    ])
    expect(decoded(List, rootOf('<list><n>1</n><x/><n>2</n></list>'))).toEqual({ n: [1, 2] })
  })

  it('reads an absent repeated child as none, and writes none', () => {
    const List = element(q('list'), record({ n: children(q('n'), text(NonNegativeInteger)) }))
    expect(decoded(List, rootOf('<list/>'))).toEqual({ n: [] })
    expect(write(List.encode({ n: [] }))).toBe('<list/>')
    expect(write(List.encode({ n: [0, 7] }))).toBe('<list><n>0</n><n>7</n></list>')
  })

  it('matches a child by its namespace too: b:x is not the a:x field, and stays unknown', () => {
    const R = element(
      q('r'),
      record({ x: child(qname('urn:a', 'x', 'a'), text(t.string)), rest: anchoredUnknownChildren() }),
    )
    const xml = '<r xmlns:a="urn:a" xmlns:b="urn:b"><b:x>1</b:x></r>'
    expect(decodeIssues(R, rootOf(xml))).toEqual([decodeIssue('missing', '/r/a:x', 'expected element a:x, found none')])
    const Optional = element(
      q('r'),
      record({ x: optionalChild(qname('urn:a', 'x', 'a'), text(t.string)), rest: anchoredUnknownChildren() }),
    )
    const value = decoded(Optional, rootOf(xml))
    expect(value.x).toBeUndefined()
    expect(value.rest.map((k) => [k.after, k.element.namespace, k.element.localName])).toEqual([[null, 'urn:b', 'x']])
  })

  it('writes an unknown child back after the right one of two children with the same local name', () => {
    const xml = '<r xmlns:a="urn:a" xmlns:b="urn:b"><a:x>1</a:x><y/><b:x>2</b:x><z/></r>'
    for (const rest of [unknownChildren(), anchoredUnknownChildren()]) {
      const R = element(
        q('r'),
        record({
          ax: optionalChild(qname('urn:a', 'x', 'a'), text(t.string)),
          bx: optionalChild(qname('urn:b', 'x', 'b'), text(t.string)),
          rest,
        }),
      )
      const value = decoded(R, rootOf(xml))
      expect([value.ax, value.bx]).toEqual(['1', '2'])
      // Written with each element declaring its own prefix: the order of the children is the point.
      expect(write(R.encode(value))).toBe('<r><a:x xmlns:a="urn:a">1</a:x><y/><b:x xmlns:b="urn:b">2</b:x><z/></r>')
    }
    const Anchored = element(
      q('r'),
      record({
        ax: optionalChild(qname('urn:a', 'x', 'a'), text(t.string)),
        bx: optionalChild(qname('urn:b', 'x', 'b'), text(t.string)),
        n: optionalChild(q('n'), text(t.string)),
        rest: anchoredUnknownChildren(),
      }),
    )
    // The anchor names one sibling: the local name alone where it is one field's, else with the namespace.
    const value = decoded(Anchored, rootOf(xml.replace('<z/>', '<z/><n>3</n><w/>')))
    expect(value.rest.map((k) => k.after)).toEqual(['{urn:a}x', '{urn:b}x', 'n'])
  })
})
