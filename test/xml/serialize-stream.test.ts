// serializeXmlStream against serializeXml: arbitrary documents whose root children are split between the root
// and the stream, from sync and async iterables, give the same text; chunks stay near the 16 K flush size.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type SerializeOptions, serializeXml, serializeXmlStream, type XmlElement } from '../../src/xml/index'
import { numRuns } from '../support/runtime'
import { asyncChunks, collect } from '../support/stream'
import { xmlDocument } from '../support/xml-arbitrary'

const arbOptions: fc.Arbitrary<SerializeOptions | undefined> = fc.option(
  fc.record({ declaration: fc.boolean(), bom: fc.boolean() }, { requiredKeys: [] }),
  { nil: undefined },
)

describe('serializeXmlStream', () => {
  it('writes exactly what serializeXml writes, wherever the children are split', async () => {
    await fc.assert(
      fc.asyncProperty(xmlDocument(), fc.nat(), fc.boolean(), arbOptions, async (doc, at, async, options) => {
        const root = doc.root
        const split = root.children.length === 0 ? 0 : at % (root.children.length + 1)
        const head: XmlElement = { ...root, children: root.children.slice(0, split) }
        const rest = root.children.slice(split)
        const chunks = await collect(serializeXmlStream(head, async ? asyncChunks(rest) : rest, options))
        expect(chunks.join('')).toBe(serializeXml(doc, options))
      }),
      { numRuns: numRuns(300) },
    )
  })

  it('hands out chunks as it goes: none much above 16 K units when every child is small', async () => {
    const item = (i: number): XmlElement => ({
      type: 'element',
      namespace: 'urn:x',
      localName: 'item',
      prefix: 'x',
      attributes: [],
      children: [{ type: 'text', value: `value ${i} & more` }],
    })
    const root: XmlElement = { ...item(0), localName: 'list', children: [] }
    const all = Array.from({ length: 5000 }, (_, i) => item(i))
    let pulled = 0
    function* lazy() {
      for (const x of all) {
        pulled++
        yield x
      }
    }
    const iterator = serializeXmlStream(root, lazy())[Symbol.asyncIterator]()
    const first = await iterator.next()
    // The first chunk came before the stream was read to its end.
    expect(pulled).toBeLessThan(all.length)
    const chunks = [first.value as string, ...(await collect({ [Symbol.asyncIterator]: () => iterator }))]
    expect(chunks.length).toBeGreaterThan(5)
    for (const chunk of chunks) expect(chunk.length).toBeLessThan((1 << 14) + 100)
    expect(chunks.join('')).toBe(serializeXml({ root: { ...root, children: all } }))
  })

  it('self-closes a root that gets no children, as the whole document does', async () => {
    const root: XmlElement = {
      type: 'element',
      namespace: null,
      localName: 'a',
      prefix: null,
      attributes: [],
      children: [],
    }
    expect((await collect(serializeXmlStream(root, []))).join('')).toBe(serializeXml({ root }))
  })
})

describe('serializeXmlStream stopped early', () => {
  const item = (i: number): XmlElement => ({
    type: 'element',
    namespace: null,
    localName: 'item',
    prefix: null,
    attributes: [],
    children: [{ type: 'text', value: `value ${i}` }],
  })
  const root: XmlElement = { ...item(0), localName: 'list', children: [] }
  const many = Array.from({ length: 5000 }, (_, i) => item(i))

  it('closes a generator of children when the reader stops after the first chunk', async () => {
    let closed = false
    let pulled = 0
    function* children() {
      try {
        for (const x of many) {
          pulled++
          yield x
        }
      } finally {
        closed = true
      }
    }
    let first = ''
    for await (const chunk of serializeXmlStream(root, children())) {
      first = chunk
      break
    }
    expect(first.startsWith('<?xml version="1.0" encoding="UTF-8"?><list><item>value 0</item>')).toBe(true)
    expect(pulled).toBeLessThan(many.length)
    expect(closed).toBe(true)
  })

  it('stops over an iterator that has no return method (an array), without an error', async () => {
    let chunks = 0
    for await (const _ of serializeXmlStream(root, many)) {
      chunks++
      break
    }
    expect(chunks).toBe(1)
  })

  it('does not close an iterator it read to its end', async () => {
    let returns = 0
    let k = 0
    const source: Iterable<XmlElement> = {
      [Symbol.iterator]: () => ({
        next: () => (k < 3 ? { done: false, value: item(k++) } : { done: true, value: undefined }),
        return: () => {
          returns++
          return { done: true, value: undefined }
        },
      }),
    }
    const text = (await collect(serializeXmlStream(root, source, { declaration: false }))).join('')
    expect(text).toBe('<list><item>value 0</item><item>value 1</item><item>value 2</item></list>')
    expect(returns).toBe(0)
  })
})
