import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  anyElement,
  attribute,
  attributeOr,
  byName,
  child,
  childOr,
  element,
  mapCodec,
  NonNegativeInteger,
  optionalAttribute,
  otherChildren,
  qname,
  record,
  reportErrors,
  text,
  textContent,
  unknownAttributes,
  unknownChildren,
} from '../../src/codec/index'
import type { XmlElement } from '../../src/xml/index'
import { decodeIssue } from '../support/issues'
import { at, el, w } from './build'

// Raised from mutation testing (issue 7): edges of the element combinators that the round-trip tests never reach —
// guards on values that are not elements, the messages of each refusal, absent optional values on encode, text that
// comes in several pieces, and the encode fallbacks of `byName`.

const messages = (r: E.Either<t.Errors, unknown>) => (E.isLeft(r) ? r.left.map((e) => e.message) : [])
const report = (r: E.Either<t.Errors, unknown>) => (E.isLeft(r) ? reportErrors(r.left) : [])
// io-ts decoders take their input type; these feed them anything, as a caller holding `unknown` would.
const decodeAny = (codec: { decode: (u: never) => E.Either<t.Errors, unknown> }, u: unknown) => codec.decode(u as never)

describe('guards on values that are not elements', () => {
  const codecs = {
    text: text(t.string),
    anyElement,
    element: element(qname(null, 'a'), anyElement),
    record: record({ a: textContent(t.string) }),
    byName: byName([{ names: qname(null, 'a'), codec: anyElement }], () => 0),
  }

  it('refuse null, undefined, numbers, strings and non-element objects without throwing', () => {
    for (const [name, codec] of Object.entries(codecs)) {
      for (const u of [null, undefined, 5, 'x', {}, { type: 'text', value: 'x' }]) {
        const r = decodeAny(codec, u)
        expect(E.isLeft(r), `${name} on ${JSON.stringify(u)}`).toBe(true)
      }
    }
  })

  it('say what they expected and what they found', () => {
    expect(messages(decodeAny(codecs.text, 5))).toEqual(['expected an element, found number'])
    expect(messages(decodeAny(codecs.anyElement, 5))).toEqual(['expected an element'])
    expect(messages(decodeAny(codecs.element, 5))).toEqual(['expected element <a>, found number'])
    expect(messages(decodeAny(codecs.record, null))).toEqual(['expected an element, found object'])
    expect(messages(decodeAny(codecs.byName, 'x'))).toEqual(['expected an element, found string'])
  })
})

describe('element()', () => {
  it('needs a name', () => {
    expect(() => element([], anyElement)).toThrow('element() needs at least one name')
  })

  it('names a namespace in its refusal only when the element has one', () => {
    const A = element([qname('urn:a', 'a', 'p'), qname(null, 'b')], anyElement)
    expect(messages(A.decode(el('urn:z', 'q:a')))).toEqual([
      'expected element <p:a> (urn:a) or <b>, found <q:a> (urn:z)',
    ])
    expect(messages(A.decode(w('c')))).toEqual(['expected element <p:a> (urn:a) or <b>, found <c>'])
  })

  it('renames the encoded element when any part of its name differs, and reuses it when none does', () => {
    const name = qname('urn:a', 'a', 'p')
    const A = element(name, anyElement)
    const same = el('urn:a', 'p:a')
    expect(A.encode(same)).toBe(same)
    for (const other of [el('urn:a', 'q:a'), el('urn:b', 'p:a'), el('urn:a', 'p:b'), el(null, 'a')]) {
      const out = A.encode(other)
      expect(out).not.toBe(other)
      expect([out.namespace, out.prefix, out.localName]).toEqual(['urn:a', 'p', 'a'])
    }
  })
})

describe('text() on the pieces of a leaf', () => {
  // Formerly the internal leafText: what text() reads from an element's children, seen through text(t.string).
  const Leaf = text(t.string)
  const read = (e: XmlElement) => {
    const r = Leaf.decode(e)
    return E.isRight(r) ? r.right : undefined
  }

  it('joins text pieces, gives "" without children, and refuses text beside a child element', () => {
    expect(read(w('a'))).toBe('')
    expect(read(w('a', 'x'))).toBe('x')
    expect(read(w('a', 'x', 'y', 'z'))).toBe('xyz')
    expect(read(w('a', w('b')))).toBeUndefined()
    expect(read(w('a', 'x', w('b')))).toBeUndefined()
  })
})

describe('text()', () => {
  it('places a failure of its primitive codec under an entry naming that codec', () => {
    const r = text(NonNegativeInteger).decode(w('tick', 'x'))
    expect(E.isLeft(r)).toBe(true)
    if (E.isLeft(r)) {
      const context = r.left[0]!.context
      expect(context[context.length - 1]).toMatchObject({ key: '', type: NonNegativeInteger, actual: 'x' })
    }
  })
})

describe('record(): decoding', () => {
  it('joins every text piece of a textContent field, around child elements', () => {
    const R = record({ label: textContent(t.string), b: unknownChildren() })
    const r = R.decode(w('a', 'x', w('b'), 'y', 'z'))
    expect(E.isRight(r) && r.right.label).toBe('xyz')
    expect(E.isRight(R.decode(w('a'))) && (R.decode(w('a')) as E.Right<{ label: string }>).right.label).toBe('')
  })

  it('reports a textContent value its codec refuses, and does not decode it', () => {
    const R = record({ n: textContent(NonNegativeInteger) })
    const r = R.decode(w('a', 'x'))
    expect(E.isLeft(r)).toBe(true)
    if (E.isLeft(r)) {
      const context = r.left[0]!.context
      expect(context[context.length - 1]).toMatchObject({ key: '', type: NonNegativeInteger, actual: 'x' })
    }
    expect(R.decode(w('a', '7'))).toEqual(E.right({ n: 7 }))
  })

  it('places an attribute its codec refuses under the attribute and then the codec', () => {
    const R = record({ n: attribute(qname(null, 'n'), NonNegativeInteger) })
    const r = R.decode(el(null, 'a', [at(null, 'n', 'x')]))
    expect(report(r)).toEqual([decodeIssue('bad-value', '/@n', expect.any(String))])
    if (E.isLeft(r)) {
      const keys = r.left[0]!.context.map((entry) => entry.key)
      expect(keys.slice(-2)).toEqual(['n', ''])
    }
  })

  it('gives a defaulted child its fallback when absent', () => {
    const R = record({ tick: childOr(qname(null, 'tick'), text(NonNegativeInteger), 0) })
    expect(R.decode(w('a'))).toEqual(E.right({ tick: 0 }))
    expect(R.decode(w('a', w('tick', '4')))).toEqual(E.right({ tick: 4 }))
  })

  it('gives otherChildren an empty list when every child is claimed', () => {
    const R = record({ name: child(qname(null, 'name'), text(t.string)), items: otherChildren(anyElement) })
    expect(R.decode(w('a', w('name', 'n')))).toEqual(E.right({ name: 'n', items: [] }))
  })

  it('keeps the second of two attributes sharing a field, and every unclaimed one, as unknown attributes', () => {
    const R = record({
      id: optionalAttribute([qname(null, 'id'), qname('urn:x', 'id', 'x')], t.string),
      rest: unknownAttributes(),
    })
    const first = at(null, 'id', '1')
    const second = at('urn:x', 'x:id', '2')
    const other = at(null, 'other', '3')
    expect(R.decode(el(null, 'a', [first, second, other]))).toEqual(E.right({ id: '1', rest: [second, other] }))
    expect(R.decode(el(null, 'a', [other]))).toEqual(E.right({ rest: [other] }))
  })

  it('refuses two fields that both keep unknown children', () => {
    expect(() => record({ a: unknownChildren(), b: otherChildren(anyElement) }, 'Twice')).toThrow(
      'record Twice: only one field may keep unknown children',
    )
  })

  it('guards a record value as any non-null object', () => {
    const R = record({})
    expect(R.is({})).toBe(true)
    expect(R.is({ a: 1 })).toBe(true)
    for (const u of [null, undefined, 1, 'x']) expect(R.is(u)).toBe(false)
  })
})

describe('record(): encoding', () => {
  it('writes the text, only when it is not empty, before the children', () => {
    const R = record({ label: textContent(t.string), extra: unknownChildren() })
    expect(R.encode({ label: 'x', extra: [] }).children).toEqual([{ type: 'text', value: 'x' }])
    expect(R.encode({ label: '', extra: [] }).children).toEqual([])
    expect(R.encode({ label: 'x', extra: [w('b')] }).children).toEqual([{ type: 'text', value: 'x' }, w('b')])
  })

  it('leaves out absent attributes, and defaulted ones equal to their fallback', () => {
    const R = record({
      id: optionalAttribute(qname(null, 'id'), t.string),
      deleted: attributeOr(qname(null, 'deleted'), t.string, 'false'),
    })
    expect(R.encode({ deleted: 'false' }).attributes).toEqual([])
    expect(R.encode({ id: undefined, deleted: 'false' } as never).attributes).toEqual([])
    expect(R.encode({ id: '1', deleted: 'true' }).attributes).toEqual([
      at(null, 'id', '1'),
      at(null, 'deleted', 'true'),
    ])
  })

  it('writes unknown attributes first, and takes an absent list as none', () => {
    const R = record({ id: optionalAttribute(qname(null, 'id'), t.string), rest: unknownAttributes() })
    const other = at(null, 'other', '3')
    expect(R.encode({ id: '1', rest: [other] }).attributes).toEqual([other, at(null, 'id', '1')])
    expect(R.encode({ id: '1' } as never).attributes).toEqual([at(null, 'id', '1')])
  })

  it('takes absent unknown and other children as none', () => {
    const Unknown = record({ name: child(qname(null, 'name'), text(t.string)), extra: unknownChildren() })
    expect(Unknown.encode({ name: 'n' } as never).children).toEqual([w('name', 'n')])
    const Other = record({ name: child(qname(null, 'name'), text(t.string)), items: otherChildren(anyElement) })
    expect(Other.encode({ name: 'n' } as never).children).toEqual([w('name', 'n')])
  })

  it('writes other children once, after the modelled ones, whatever other fields the record has', () => {
    const R = record({
      id: attribute(qname(null, 'id'), t.string),
      label: textContent(t.string),
      name: child(qname(null, 'name'), text(t.string)),
      items: otherChildren(anyElement),
    })
    const out = R.encode({ id: '1', label: 'l', name: 'n', items: [w('x'), w('y')] })
    expect(out.children).toEqual([{ type: 'text', value: 'l' }, w('name', 'n'), w('x'), w('y')])
  })
})

describe('byName()', () => {
  const A = mapCodec(
    record({ v: textContent(t.string) }),
    (r) => ({ kind: 'a' as const, v: r.v }),
    (x) => ({ v: x.v }),
    'A',
    (u): u is { kind: 'a'; v: string } => typeof u === 'object' && u !== null && (u as { kind?: unknown }).kind === 'a',
  )
  type Item = { kind: 'a'; v: string } | { kind: 'other'; el: XmlElement }
  const Other = mapCodec(
    anyElement,
    (e): Item => ({ kind: 'other', el: e }),
    (x) => (x as { el: XmlElement }).el,
    'Other',
    (u): u is Item => typeof u === 'object' && u !== null && (u as { kind?: unknown }).kind === 'other',
  )
  const cases = [{ names: qname(null, 'a'), codec: A as unknown as t.Type<Item, XmlElement, XmlElement> }]

  it('guards with its cases, then with its fallback codec', () => {
    const withOther = byName<Item>(cases, (x) => (x.kind === 'a' ? 0 : -1), Other)
    const without = byName<Item>(cases, (x) => (x.kind === 'a' ? 0 : -1))
    expect(withOther.is({ kind: 'a', v: '' })).toBe(true)
    expect(withOther.is({ kind: 'other', el: w('z') })).toBe(true)
    expect(withOther.is({ kind: 'b' })).toBe(false)
    expect(without.is({ kind: 'a', v: '' })).toBe(true)
    expect(without.is({ kind: 'other', el: w('z') })).toBe(false)
  })

  it('names the expected elements when no case matches and there is no fallback', () => {
    const two = byName<Item>(
      [cases[0]!, { names: [qname('urn:b', 'b', 'p'), qname(null, 'bb')], codec: cases[0]!.codec }],
      () => 0,
    )
    expect(messages(two.decode(w('z')))).toEqual(['expected one of <a>, <p:b>, found element <z>'])
  })

  it('writes a value no case claims through the first case when there is no fallback', () => {
    const without = byName<Item>(cases, () => -1)
    expect(without.encode({ kind: 'a', v: 'x' })).toEqual(w('a', 'x'))
    const withOther = byName<Item>(cases, () => -1, Other)
    expect(withOther.encode({ kind: 'other', el: w('z', 'q') })).toEqual(w('z', 'q'))
  })
})

describe('mapCodec()', () => {
  it('keeps the inner name and guards any non-null object by default', () => {
    const M = mapCodec(
      text(t.string),
      (s) => ({ s }),
      (o) => o.s,
    )
    expect(M.name).toBe('text(string)')
    expect(M.is({})).toBe(true)
    for (const u of [null, undefined, 'x', 3]) expect(M.is(u)).toBe(false)
    expect(M.decode(w('a', 'x'))).toEqual(E.right({ s: 'x' }))
    expect(M.encode({ s: 'y' })).toEqual(el(null, '', [], 'y'))
  })
})
