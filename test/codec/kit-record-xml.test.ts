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
})
