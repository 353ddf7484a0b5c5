// Streaming XML serializer: a root element whose children come from an (async) iterable, written as string chunks.
// The same writer as serializeXml (XML 1.0 §2.4/§3.3.3 escaping, Namespaces in XML 1.0 §3–6), so the bytes agree.
import { CHUNK } from './chunks'
import { type SerializeOptions, startWriter } from './serialize'
import type { XmlElement, XmlNode } from './types'

/**
 * Writes `root` with `more` appended to its children, as {@link serializeXml} writes
 * `{ root: { ...root, children: [...root.children, ...more] } }`, but in string chunks: the concatenation is that
 * text exactly. A chunk is handed out once about 16 K UTF-16 units are written (between two children of the
 * root; one large child may make a chunk larger), and the last one when `more` ends, so only one child of the
 * root and one chunk are held at a time.
 *
 * `more` is consumed lazily, as the chunks are asked for; an error it throws ends the iteration with that error.
 *
 * @example
 * ```ts
 * const root: XmlElement = { type: 'element', namespace: null, localName: 'list', prefix: null, attributes: [], children: [] }
 * const items = (function* () { for (let i = 0; i < 3; i++) yield { ...root, localName: 'item', children: [] } })()
 * let text = ''
 * for await (const chunk of serializeXmlStream(root, items, { declaration: false })) text += chunk
 * text // '<list><item/><item/><item/></list>'
 * ```
 */
export async function* serializeXmlStream(
  root: XmlElement,
  more: Iterable<XmlNode> | AsyncIterable<XmlNode>,
  options?: SerializeOptions,
): AsyncGenerator<string, void, undefined> {
  const iterator = iterate(more)
  const writer = startWriter(options)
  let step = await iterator.next()
  if (step.done === true) {
    // No child follows: the root may be self-closed, exactly as the whole document writes it.
    writer.write(root)
    yield writer.take(0)!
    return
  }
  const open = writer.begin(root)
  try {
    while (step.done !== true) {
      writer.content(root, open.prefix, [step.value])
      const chunk = writer.take(CHUNK)
      if (chunk !== undefined) yield chunk
      step = await iterator.next()
    }
  } finally {
    if (step.done !== true) await iterator.return?.()
  }
  writer.end(open)
  yield writer.take(0)!
}

/** The async iterator of an iterable or async iterable. */
export function iterate<T>(source: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> | Iterator<T> {
  const asyncSource = source as AsyncIterable<T>
  if (typeof asyncSource[Symbol.asyncIterator] === 'function') return asyncSource[Symbol.asyncIterator]()
  return (source as Iterable<T>)[Symbol.iterator]()
}
