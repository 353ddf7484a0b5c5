import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { insertEntry, isTextPosition, isXmlStep, textPosition, xmlStep } from '../../src/codec/context'
import { type ElementCodec, element, fromXml, qname, reportErrors, text, xmlRoot } from '../../src/codec/index'
import type { XmlElement } from '../../src/xml/index'

// Raised from mutation testing (issue 7): the path markers of codec/context.ts and the document codecs of
// codec/document.ts were only reached through whole-document tests, which never looked at the markers' own names,
// guards and failure messages, nor at `insertEntry` when the inner context does not extend the outer one.

const entry = (key: string): t.ContextEntry => ({ key, type: t.string, actual: key })

describe('xmlStep and textPosition', () => {
  it('names an element step by its local names, or * when it accepts any element', () => {
    const step = xmlStep('element', [qname('urn:a', 'Items'), qname(null, 'Item')], true)
    expect(step).toMatchObject({ _tag: 'syncwire.XmlStep', kind: 'element', repeated: true, name: 'Items|Item' })
    expect(step.names.map((n) => n.localName)).toEqual(['Items', 'Item'])
    expect(xmlStep('element', [], false).name).toBe('*')
    expect(xmlStep('element', [], false).repeated).toBe(false)
  })

  it('names an attribute step with an @', () => {
    expect(xmlStep('attribute', [qname(null, 'rel')], false).name).toBe('@rel')
    expect(xmlStep('attribute', [], false).name).toBe('@*')
  })

  it('gives a text position its line, column and name', () => {
    expect(textPosition(3, 14)).toMatchObject({ _tag: 'syncwire.TextPosition', line: 3, column: 14, name: 'XML text' })
    expect(textPosition(undefined, undefined)).toMatchObject({ line: undefined, column: undefined })
  })

  it('makes both markers decode nothing, with a message', () => {
    for (const marker of [xmlStep('element', [], false), textPosition(1, 1)]) {
      for (const r of [marker.decode('anything'), marker.validate('anything', [entry('x')])]) {
        expect(E.isLeft(r)).toBe(true)
        if (E.isLeft(r)) expect(r.left.map((e) => e.message)).toEqual(['a path marker decodes nothing'])
      }
      const validated = marker.validate(1, [entry('x')])
      if (E.isLeft(validated)) expect(validated.left[0]!.context).toEqual([entry('x')])
      const decoded = marker.decode(1)
      if (E.isLeft(decoded)) expect(decoded.left[0]!.context).toEqual([])
    }
  })

  it('recognises each marker by its tag, and nothing else', () => {
    const step = xmlStep('element', [], false)
    const position = textPosition(1, 2)
    expect(isXmlStep(step)).toBe(true)
    expect(isTextPosition(position)).toBe(true)
    expect(isXmlStep(position)).toBe(false)
    expect(isTextPosition(step)).toBe(false)
    // A marker from another bundled copy of the module is a plain object with the same tag.
    expect(isXmlStep({ _tag: 'syncwire.XmlStep' })).toBe(true)
    expect(isTextPosition({ _tag: 'syncwire.TextPosition' })).toBe(true)
    for (const guard of [isXmlStep, isTextPosition]) {
      for (const u of [null, undefined, 0, 'syncwire.XmlStep', {}, t.string]) expect(guard(u)).toBe(false)
    }
  })
})

describe('insertEntry', () => {
  const a = entry('a')
  const b = entry('b')
  const step = entry('step')

  it('puts the entry right after the outer context when the inner context extends it', () => {
    const inner = [a, b, entry('x'), entry('y')]
    const [e] = insertEntry([a, b], [{ value: 1, context: inner, message: 'm' }], step)
    expect(e).toEqual({ value: 1, context: [a, b, step, inner[2], inner[3]], message: 'm' })
  })

  it('puts the entry after the outer context when the inner context is exactly the outer one', () => {
    const [e] = insertEntry([a, b], [{ value: 1, context: [a, b] }], step)
    expect(e!.context).toEqual([a, b, step])
  })

  it('prefixes the outer context and the entry when the inner context does not extend it', () => {
    const x = entry('x')
    const y = entry('y')
    expect(insertEntry([a, b], [{ value: 1, context: [x, y] }], step)[0]!.context).toEqual([a, b, step, x, y])
    expect(insertEntry([a, b], [{ value: 1, context: [x] }], step)[0]!.context).toEqual([a, b, step, x])
    expect(insertEntry([a, b], [{ value: 1, context: [a, x, y] }], step)[0]!.context).toEqual([a, b, step, a, x, y])
  })

  it('starts with the entry when the outer context is empty', () => {
    const x = entry('x')
    expect(insertEntry([], [{ value: 1, context: [x] }], step)[0]!.context).toEqual([step, x])
    expect(insertEntry([], [{ value: 1, context: [] }], step)[0]!.context).toEqual([step])
  })

  it('keeps a message only when the error had one, and maps every error', () => {
    const out = insertEntry(
      [a],
      [
        { value: 1, context: [a] },
        { value: 2, context: [a], message: 'second' },
      ],
      step,
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
      expect(isTextPosition(e!.context[1]!.type)).toBe(true)
      expect(e!.context[1]!.type).toMatchObject({ line: 2 })
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
      { path: '', message: 'could not decode the document: plain' },
    ])
    expect(report(fromXml(throwing(new RangeError('deep'))).decode('<a/>'))).toEqual([
      { path: '', message: 'could not decode the document: deep' },
    ])
  })

  it('keeps the caller context for a thrown error', () => {
    const r = fromXml(throwing('x')).validate('<a/>', [entry('outer')])
    expect(E.isLeft(r) && r.left[0]!.context).toEqual([entry('outer')])
    expect(E.isLeft(r) && r.left[0]!.value).toBe('<a/>')
  })
})
