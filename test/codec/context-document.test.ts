import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  attribute,
  child,
  children,
  type ElementCodec,
  element,
  fromXml,
  otherChildren,
  qname,
  record,
  reportErrors,
  text,
  unknownChildren,
  xmlRoot,
} from '../../src/codec/index'
import type { XmlElement } from '../../src/xml/index'
import { decodeIssue } from '../support/issues'
import { w } from './build'

// Raised from mutation testing (issue 7): the path markers the codecs put in error contexts and the document codecs
// of codec/document.ts were only reached through whole-document tests, which never looked at the markers' own
// names, guards and failure messages, nor at how contexts nest when an inner codec's context does not extend the
// outer one. Checked here as users meet them: in the contexts of the errors the public codecs return, and in the
// paths reportErrors prints from those contexts.

const entry = (key: string): t.ContextEntry => ({ key, type: t.string, actual: key })

/** The `type`s of the context of the first error of a Left. */
function contextTypes(r: E.Either<t.Errors, unknown>): unknown[] {
  if (E.isRight(r)) throw new Error('expected a decode error')
  return r.left[0]!.context.map((c) => c.type)
}

const tagged = (tag: string) => (u: unknown) =>
  typeof u === 'object' && u !== null && (u as { _tag?: unknown })._tag === tag
/** The element and attribute steps of an error context. */
const steps = (types: unknown[]) =>
  types.filter(tagged('syncwire.XmlStep')) as Array<t.Decoder<unknown, never> & Record<string, unknown>>
/** The text position of an error context. */
const position = (types: unknown[]) =>
  types.find(tagged('syncwire.TextPosition')) as t.Decoder<unknown, never> & Record<string, unknown>

const r = <A>(content: ElementCodec<A>) => element(qname(null, 'r'), content)

describe('the path markers in error contexts', () => {
  it('names an element step by its local names, or * when it accepts any element', () => {
    const Items = r(record({ items: children([qname('urn:a', 'Items'), qname(null, 'Item')], text(t.literal('z'))) }))
    const step = steps(contextTypes(Items.decode(w('r', w('Item', 'q')))))[1]!
    expect(step).toMatchObject({ _tag: 'syncwire.XmlStep', kind: 'element', repeated: true, name: 'Items|Item' })
    expect((step.names as Array<{ localName: string }>).map((n) => n.localName)).toEqual(['Items', 'Item'])
    // Any element: otherChildren's step (a repeated field); a single child's step is not repeated.
    const Any = r(record({ rest: otherChildren(text(t.literal('z'))) }))
    expect(steps(contextTypes(Any.decode(w('r', w('q', 'y')))))[1]).toMatchObject({ name: '*', repeated: true })
    const One = r(record({ one: child(qname(null, 'Item'), text(t.literal('z'))) }))
    expect(steps(contextTypes(One.decode(w('r', w('Item', 'y')))))[1]).toMatchObject({ name: 'Item', repeated: false })
  })

  it('names an attribute step with an @', () => {
    const Rel = r(record({ rel: attribute(qname(null, 'rel'), t.literal('x')) }))
    const bad = { ...w('r'), attributes: [{ namespace: null, localName: 'rel', prefix: null, value: 'y' }] }
    expect(steps(contextTypes(Rel.decode(bad)))[1]).toMatchObject({ kind: 'attribute', name: '@rel' })
    // "@*" (an attribute step that accepts any name) is made by no public codec.
  })

  it('gives a text position its line, column and name', () => {
    const Doc = fromXml(r(record({ extensions: unknownChildren() })))
    expect(position(contextTypes(Doc.decode('<r>\n\n  <b></r>')))).toMatchObject({
      _tag: 'syncwire.TextPosition',
      line: 3,
      column: expect.any(Number),
      name: 'XML text',
    })
    const Short = fromXml(r(record({ extensions: unknownChildren() })), { parse: { maxLength: 2 } })
    expect(position(contextTypes(Short.decode('<r/>')))).toMatchObject({ line: undefined, column: undefined })
  })

  it('makes both markers decode nothing, with a message', () => {
    const Rel = r(record({ rel: attribute(qname(null, 'rel'), t.literal('x')) }))
    const bad = { ...w('r'), attributes: [{ namespace: null, localName: 'rel', prefix: null, value: 'y' }] }
    const step = steps(contextTypes(Rel.decode(bad)))[1]!
    const at = position(contextTypes(fromXml(Rel).decode('<r>')))
    for (const marker of [step, at]) {
      for (const v of [marker.decode('anything'), marker.validate('anything', [entry('x')])]) {
        expect(E.isLeft(v)).toBe(true)
        if (E.isLeft(v)) expect(v.left.map((e) => e.message)).toEqual(['a path marker decodes nothing'])
      }
      const validated = marker.validate(1, [entry('x')])
      if (E.isLeft(validated)) expect(validated.left[0]!.context).toEqual([entry('x')])
      const decoded = marker.decode(1)
      if (E.isLeft(decoded)) expect(decoded.left[0]!.context).toEqual([])
    }
  })

  it('recognises each marker by its tag, and nothing else, when printing a path', () => {
    const issue = (type: unknown) =>
      reportErrors([
        { value: 1, context: [{ key: 'x', type: type as t.Decoder<unknown, unknown>, actual: w('x') }], message: 'm' },
      ])[0]!.path
    const Rel = r(record({ one: child(qname(null, 'x'), text(t.literal('z'))) }))
    const step = steps(contextTypes(Rel.decode(w('r', w('x', 'y')))))[1]!
    expect(issue(step)).toBe('/x')
    expect(issue(position(contextTypes(fromXml(Rel).decode('<r>'))))).toMatch(/^1:\d+$/)
    // A marker from another bundled copy of the module is a plain object with the same tag.
    expect(issue({ _tag: 'syncwire.XmlStep', kind: 'element', names: [qname(null, 'x')], repeated: false })).toBe('/x')
    expect(issue({ _tag: 'syncwire.TextPosition', line: 4, column: 2 })).toBe('4:2')
    for (const u of [null, undefined, 0, 'syncwire.XmlStep', {}, t.string]) expect(issue(u)).toBe('')
  })
})

describe('nested error contexts (formerly insertEntry, seen through text())', () => {
  // text(codec) validates the element's text with codec and puts `{ key: '', type: codec, actual: text }` into
  // each of codec's errors, right after the context it was given.
  const a = entry('a')
  const b = entry('b')

  function through(outer: t.Context, errors: t.Errors) {
    const Inner = new t.Type<string, string, unknown>('inner', t.string.is, () => t.failures(errors), String)
    const v = text(Inner).validate(w('x', 's'), outer)
    if (E.isRight(v)) throw new Error('expected errors')
    return { out: v.left, step: { key: '', type: Inner, actual: 's' } }
  }

  it('puts the entry right after the outer context when the inner context extends it', () => {
    const inner = [a, b, entry('x'), entry('y')]
    const { out, step } = through([a, b], [{ value: 1, context: inner, message: 'm' }])
    expect(out[0]).toEqual({ value: 1, context: [a, b, step, inner[2], inner[3]], message: 'm' })
  })

  it('puts the entry after the outer context when the inner context is exactly the outer one', () => {
    const { out, step } = through([a, b], [{ value: 1, context: [a, b] }])
    expect(out[0]!.context).toEqual([a, b, step])
  })

  it('prefixes the outer context and the entry when the inner context does not extend it', () => {
    const x = entry('x')
    const y = entry('y')
    const ctx = (inner: t.Context) => {
      const { out, step } = through([a, b], [{ value: 1, context: inner }])
      return [out[0]!.context, step] as const
    }
    let [got, step] = ctx([x, y])
    expect(got).toEqual([a, b, step, x, y])
    ;[got, step] = ctx([x])
    expect(got).toEqual([a, b, step, x])
    ;[got, step] = ctx([a, x, y])
    expect(got).toEqual([a, b, step, a, x, y])
  })

  it('starts with the entry when the outer context is empty', () => {
    const x = entry('x')
    let { out, step } = through([], [{ value: 1, context: [x] }])
    expect(out[0]!.context).toEqual([step, x])
    ;({ out, step } = through([], [{ value: 1, context: [] }]))
    expect(out[0]!.context).toEqual([step])
  })

  it('keeps a message only when the error had one, and maps every error', () => {
    const { out, step } = through(
      [a],
      [
        { value: 1, context: [a] },
        { value: 2, context: [a], message: 'second' },
      ],
    )
    expect(out).toHaveLength(2)
    expect('message' in out[0]!).toBe(false)
    expect(out[0]).toEqual({ value: 1, context: [a, step] })
    expect(out[1]).toEqual({ value: 2, context: [a, step], message: 'second' })
  })
})

describe('xmlRoot', () => {
  const root = xmlRoot()

  it('is named "XML text" and recognises only elements', () => {
    expect(root.name).toBe('XML text')
    const el: XmlElement = {
      type: 'element',
      localName: 'a',
      prefix: null,
      namespace: null,
      attributes: [],
      children: [],
    }
    expect(root.is(el)).toBe(true)
    for (const u of [null, undefined, 'a', 1, {}, { type: 'text' }]) expect(root.is(u)).toBe(false)
  })

  it('refuses a value that is not a string, naming its type', () => {
    const r = root.decode(42 as unknown as string)
    expect(E.isLeft(r) && r.left.map((e) => e.message)).toEqual(['expected XML text, found a number'])
  })

  it('reports a parse error at its line and column, under the outer context', () => {
    const outer = [entry('doc')]
    const r = root.validate('<a>\n  <b></a>', outer)
    expect(E.isLeft(r)).toBe(true)
    if (E.isLeft(r)) {
      const [e] = r.left
      expect(e!.value).toBe('<a>\n  <b></a>')
      expect(e!.context).toHaveLength(2)
      expect(e!.context[0]).toBe(outer[0])
      expect(e!.context[1]).toMatchObject({ key: '', actual: '<a>\n  <b></a>' })
      expect(e!.context[1]!.type).toMatchObject({ _tag: 'syncwire.TextPosition', line: 2 })
      expect(e!.message).toMatch(/./)
    }
  })

  it('passes its parse limits to the parser', () => {
    const shallow = xmlRoot({ parse: { maxDepth: 2 } })
    expect(E.isRight(shallow.decode('<a><b/></a>'))).toBe(true)
    expect(E.isLeft(shallow.decode('<a><b><c/></b></a>'))).toBe(true)
  })
})

describe('fromXml', () => {
  it('is named after its root codec unless given a name', () => {
    const Root = element(qname(null, 'a'), text(t.string), 'Root')
    expect(fromXml(Root).name).toBe('XML Root')
    expect(fromXml(Root, {}, 'Doc').name).toBe('Doc')
  })

  it('decodes, guards and encodes through the root codec', () => {
    const Root = element(qname(null, 'a'), text(t.string))
    const Doc = fromXml(Root)
    expect(Doc.decode('<a>hi</a>')).toEqual(E.right('hi'))
    expect(Doc.is('hi')).toBe(true)
    expect(Doc.is(3)).toBe(false)
    expect(Doc.encode('hi')).toContain('<a>hi</a>')
  })

  const throwing = (thrown: unknown): ElementCodec<never> =>
    element(
      qname(null, 'a'),
      new t.Type<never, XmlElement, XmlElement>(
        'throws',
        (u): u is never => false,
        () => {
          throw thrown
        },
        (v) => v,
      ),
    )

  const report = (r: E.Either<t.Errors, unknown>) => (E.isLeft(r) ? reportErrors(r.left) : [])

  it('turns a thrown value that is not an Error into a decode error too', () => {
    expect(report(fromXml(throwing('plain')).decode('<a/>'))).toEqual([
      decodeIssue('internal', '', 'could not decode the document: plain'),
    ])
    expect(report(fromXml(throwing(new RangeError('deep'))).decode('<a/>'))).toEqual([
      decodeIssue('internal', '', 'could not decode the document: deep'),
    ])
  })

  it('keeps the caller context for a thrown error', () => {
    const r = fromXml(throwing('x')).validate('<a/>', [entry('outer')])
    expect(E.isLeft(r) && r.left[0]!.context).toEqual([entry('outer')])
    expect(E.isLeft(r) && r.left[0]!.value).toBe('<a/>')
  })
})
