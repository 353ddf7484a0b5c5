// parseXml's `positions` option: where each element's start tag begins, looked up with elementPosition.
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import {
  elementAtSteps,
  elementPosition,
  type PathStep,
  parseXml,
  type XmlDocument,
  type XmlElement,
} from '../../src/xml/index'
import { fixtures } from '../support/fixtures'
import { numRuns } from '../support/runtime'

function parsed(text: string, positions = true): XmlDocument {
  const r = parseXml(text, { positions })
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}

function* elements(e: XmlElement): Generator<XmlElement> {
  yield e
  for (const c of e.children) if (c.type === 'element') yield* elements(c)
}

const child = (e: XmlElement, n: number): XmlElement => e.children.filter((c) => c.type === 'element')[n] as XmlElement

describe('parseXml positions', () => {
  const text = [
    '<?xml version="1.0"?>',
    '<!-- <entry> in a comment is not an element -->',
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:sync="urn:sync">',
    '  <entry a="x > y" b=\'/>\'><![CDATA[<entry>]]></entry>',
    '  <entry>',
    '    <sync:syncState><tick>x</tick></sync:syncState>',
    '  </entry>',
    '  <entry/>',
    '</feed>',
  ].join('\n')

  it("records each element's start tag, skipping markup that only looks like one", () => {
    const feed = parsed(text).root
    expect(elementPosition(feed)).toEqual({ line: 3, column: 1 })
    expect(elementPosition(child(feed, 0))).toEqual({ line: 4, column: 3 })
    expect(elementPosition(child(feed, 1))).toEqual({ line: 5, column: 3 })
    expect(elementPosition(child(child(feed, 1), 0))).toEqual({ line: 6, column: 5 })
    expect(elementPosition(child(child(child(feed, 1), 0), 0))).toEqual({ line: 6, column: 21 })
    expect(elementPosition(child(feed, 2))).toEqual({ line: 8, column: 3 })
  })

  it('records nothing by default', () => {
    expect(elementPosition(parsed(text, false).root)).toBeUndefined()
  })

  it('counts CRLF and lone CR as one line break each, and no column for a BOM', () => {
    const a = parsed('\uFEFF<a>\r\n<b/>\r<c/></a>').root
    expect(elementPosition(a)).toEqual({ line: 1, column: 1 })
    expect(elementPosition(child(a, 0))).toEqual({ line: 2, column: 1 })
    expect(elementPosition(child(a, 1))).toEqual({ line: 3, column: 1 })
  })

  it('on every fixture, each element recorded sits at a `<` followed by its qualified name', () => {
    let checked = 0
    for (const [, source] of fixtures) {
      const r = parseXml(source, { positions: true })
      if (E.isLeft(r)) continue
      const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
      for (const e of elements(r.right.root)) {
        const at = elementPosition(e)!
        const name = e.prefix === null ? e.localName : `${e.prefix}:${e.localName}`
        expect(lines[at.line - 1]!.slice(at.column - 1, at.column + name.length)).toBe(`<${name}`)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(500)
  })

  it('agrees with the parse without positions on arbitrary nesting', () => {
    const tree = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom('<x/>', 'text', '\r\n', '<!-- <y> -->'),
        fc.array(tie('node'), { maxLength: 4 }).map((cs) => `<y>${cs.join('')}</y>`),
      ),
    })).node
    fc.assert(
      fc.property(tree, (inner) => {
        const source = `<r>\n${inner}</r>`
        expect(parsed(source)).toEqual(parsed(source, false))
      }),
      { numRuns: numRuns(100) },
    )
  })

  it('gives the same places whatever order they are asked in', () => {
    const tree = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom('<x/>', 'text', '\r\n', '\r', '\n', '<!-- <y> -->'),
        fc.array(tie('node'), { maxLength: 4 }).map((cs) => `<y>${cs.join('')}</y>`),
      ),
    })).node
    fc.assert(
      fc.property(tree, fc.boolean(), fc.infiniteStream(fc.nat()), (inner, bom, picks) => {
        const source = `${bom ? '\uFEFF' : ''}<r>\n${inner}</r>`
        const inOrder = [...elements(parsed(source).root)].map(elementPosition)
        const again = [...elements(parsed(source).root)]
        // Asked in an order of the picks' choosing (each place once, then all again).
        const order = again.map((_, k) => k)
        for (let k = order.length - 1; k > 0; k--) {
          const j = picks.next().value % (k + 1)
          ;[order[k], order[j]] = [order[j]!, order[k]!]
        }
        const asked: unknown[] = []
        for (const k of order) asked[k] = elementPosition(again[k]!)
        expect(asked).toEqual(inOrder)
        expect(again.map(elementPosition)).toEqual(inOrder)
      }),
      { numRuns: numRuns(100) },
    )
  })

  // An issue's steps lead back to the element they name; its position is the line and column.
  const steps = (...names: Array<string | [string, number] | `@${string}`>): PathStep[] =>
    names.map(
      (n): PathStep =>
        Array.isArray(n)
          ? { kind: 'element', name: n[0], position: n[1] }
          : n.startsWith('@')
            ? { kind: 'attribute', name: n.slice(1) }
            : { kind: 'element', name: n },
    )
  const at = (source: string, s: PathStep[]) => {
    const e = elementAtSteps(parsed(source).root, s)
    return e && elementPosition(e)
  }

  it('elementAtSteps finds the n-th same-named sibling; a prefix the document does not know matches by local name', () => {
    expect(at(text, steps('feed'))).toEqual({ line: 3, column: 1 })
    expect(at(text, steps('feed', ['entry', 1]))).toEqual({ line: 4, column: 3 })
    expect(at(text, steps('feed', ['entry', 2], 'sync:syncState', 'tick'))).toEqual({ line: 6, column: 21 })
    expect(at(text, steps('feed', ['entry', 2], 'other:syncState', 'tick'))).toEqual({ line: 6, column: 21 })
    expect(at(text, steps('feed', ['entry', 3]))).toEqual({ line: 8, column: 3 })
  })

  it('elementAtSteps stops at the deepest element found: a missing element, an attribute, a position too far', () => {
    expect(at(text, steps('feed', ['entry', 2], 'sync:syncState', 'stamp'))).toEqual({ line: 6, column: 5 })
    expect(at(text, steps('feed', ['entry', 1], '@a'))).toEqual({ line: 4, column: 3 })
    expect(at(text, steps('feed', ['entry', 9]))).toEqual({ line: 3, column: 1 })
    expect(at(text, steps('feed', 'entry'))).toEqual({ line: 4, column: 3 })
    expect(at(text, steps('other'))).toBeUndefined()
    expect(at(text, [])).toBeUndefined()
  })

  it('elementAtSteps finds the n-th same-named child among many children', () => {
    const many = `<r>\n${Array.from({ length: 40 }, (_, k) => (k % 4 === 3 ? '<d/>' : '<c/>')).join('\n')}\n</r>`
    for (const count of [3, 40]) {
      const source = `${many
        .split('\n')
        .slice(0, count + 1)
        .join('\n')}\n</r>`
      // Each child on its own line: the k-th <d/> on line 4k + 1; with 3 children there is none (the root stands).
      expect(at(source, steps('r', ['d', count === 3 ? 1 : 10]))).toEqual(
        count === 3 ? { line: 1, column: 1 } : { line: 41, column: 1 },
      )
      expect(at(source, steps('r', ['c', 2]))).toEqual({ line: 3, column: 1 })
    }
  })

  it('elementAtSteps matches by expanded name: an extension element of the same local name is passed over', () => {
    const ATOM = 'http://www.w3.org/2005/Atom'
    const SYNC = 'http://schemas.sage.com/sdata/sync/2008/1'
    const SDATA = 'http://schemas.sage.com/sdata/2008/1'
    const namespaces = new Map([
      ['sync', SYNC],
      ['sdata', SDATA],
    ])
    const doc = [
      `<feed xmlns="${ATOM}" xmlns:x="urn:x" xmlns:s="${SYNC}" xmlns:sd="${SDATA}">`,
      '  <x:entry/>',
      '  <entry>',
      '    <x:link/><sd:title/><title/>',
      '    <x:syncState/>',
      '    <s:syncState><x:tick/><s:tick/></s:syncState>',
      '    <link/>',
      '    <x:foo/><foo xmlns="urn:y"/><bar/><y:bar xmlns:y="urn:y"/><title xmlns="urn:y"/>',
      '  </entry>',
      '</feed>',
    ].join('\n')
    const find = (s: PathStep[]) => {
      const e = elementAtSteps(parsed(doc).root, s, namespaces)
      return e && elementPosition(e)
    }
    expect(find(steps('feed', ['entry', 1]))).toEqual({ line: 3, column: 3 })
    expect(find(steps('feed', ['entry', 1], ['link', 1]))).toEqual({ line: 7, column: 5 })
    expect(find(steps('feed', ['entry', 1], 'title'))).toEqual({ line: 4, column: 25 })
    expect(find(steps('feed', ['entry', 1], 'sdata:title'))).toEqual({ line: 4, column: 14 })
    expect(find(steps('feed', ['entry', 1], 'sync:syncState', 'tick'))).toEqual({ line: 6, column: 27 })
    // The document's own prefix for a name the writer does not know: the extension itself.
    expect(find(steps('feed', ['entry', 1], ['x:link', 1]))).toEqual({ line: 4, column: 5 })
    expect(find(steps('feed', ['x:entry', 1]))).toEqual({ line: 2, column: 3 })
    expect(find(steps('feed', ['entry', 1], 'foo'))).toEqual({ line: 8, column: 13 })
    // A prefix neither the caller nor the document knows: the local name, in another namespace than the parent's.
    expect(find(steps('feed', ['entry', 1], 'other:bar'))).toEqual({ line: 8, column: 39 })
    // A modelled element that is missing is not found in an extension of its local name: the walk stops above it.
    expect(find(steps('feed', ['entry', 1], 'sync:syncState', 'sync:digest'))).toEqual({ line: 6, column: 5 })
    expect(find(steps('feed', ['entry', 1], 'updated'))).toEqual({ line: 3, column: 3 })
    expect(find(steps('feed', ['entry', 1], 'sdata:foo'))).toEqual({ line: 3, column: 3 })
    // The way that finds any child decides: the one Atom title has no second, whatever other titles follow.
    expect(find(steps('feed', ['entry', 1], ['title', 2]))).toEqual({ line: 3, column: 3 })
  })

  it('elementAtSteps matches by expanded name among many children too', () => {
    const ATOM = 'http://www.w3.org/2005/Atom'
    const children = Array.from({ length: 40 }, (_, k) => (k % 2 === 0 ? '<x:entry/>' : '<entry/>'))
    const doc = `<feed xmlns="${ATOM}" xmlns:x="urn:x">\n${children.join('\n')}\n</feed>`
    const find = (s: PathStep[]) => {
      const e = elementAtSteps(parsed(doc).root, s)
      return e && elementPosition(e)
    }
    // Child k (0-based) is on line k + 2: the 3rd Atom entry is child 5, the 3rd x:entry child 4.
    expect(find(steps('feed', ['entry', 3]))).toEqual({ line: 7, column: 1 })
    expect(find(steps('feed', ['x:entry', 3]))).toEqual({ line: 6, column: 1 })
    expect(find(steps('feed', ['other:entry', 3]))).toEqual({ line: 6, column: 1 })
    expect(find(steps('feed', ['entry', 21]))).toEqual({ line: 1, column: 1 })
  })

  it('elementAtSteps lands on every element of every fixture from the path that names it', () => {
    let checked = 0
    for (const [, source] of fixtures) {
      const r = parseXml(source, { positions: true })
      if (E.isLeft(r)) continue
      const walk = (e: XmlElement, path: PathStep[]): void => {
        expect(elementAtSteps(r.right.root, path)).toBe(e)
        checked++
        // As the path writers name a child: unprefixed in its parent's namespace (counted by expanded name), else
        // by the document's qualified name (counted by that name).
        const counts = new Map<string, number>()
        for (const c of e.children) {
          if (c.type !== 'element') continue
          const same = c.namespace === e.namespace
          const name = same || c.prefix === null ? c.localName : `${c.prefix}:${c.localName}`
          const key = same ? `{${c.namespace}}${c.localName}` : name
          const n = (counts.get(key) ?? 0) + 1
          counts.set(key, n)
          walk(c, [...path, { kind: 'element', name, position: n }])
        }
      }
      walk(r.right.root, [{ kind: 'element', name: r.right.root.localName }])
    }
    expect(checked).toBeGreaterThan(500)
  })
})

describe('parseXml positions leave the tree as it is', () => {
  it('gives the same tree, keys and JSON as a parse without positions', () => {
    let checked = 0
    for (const [name, source] of fixtures) {
      const [placed, plain] = [parseXml(source, { positions: true }), parseXml(source)]
      if (E.isLeft(placed) || E.isLeft(plain)) continue
      checked++
      expect(elementPosition(placed.right.root), name).toBeDefined()
      expect(placed.right, name).toStrictEqual(plain.right)
      expect(JSON.stringify(placed.right), name).toBe(JSON.stringify(plain.right))
      for (const e of elements(placed.right.root)) {
        expect(Object.keys(e)).toEqual(['type', 'namespace', 'localName', 'prefix', 'attributes', 'children'])
        expect(
          Object.getOwnPropertySymbols(e).filter((s) => Object.getOwnPropertyDescriptor(e, s)?.enumerable),
        ).toEqual([])
      }
    }
    expect(checked).toBeGreaterThan(0)
  })
})
