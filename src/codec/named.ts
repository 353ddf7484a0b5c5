// io-ts combinators for single named elements: element codecs, text leaves, any element, names checked on decode.
// Implements docs/decisions.md#p3 (element codecs over the namespace-resolved tree; names compared expanded).
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { qualifiedName } from '../xml/tree'
import type { XmlElement, XmlNode } from '../xml/types'
import { insertEntry, xmlStep } from './context'
import { type Names, NameTable, nameList, shownElement, type XName } from './names'
import type { ElementDescription } from './schema/describe'
import { describedOf, textCodecOf, withDescription, withTextCodec, withWrittenName } from './schema/kit'

/**
 * An element codec: decodes an element (its name is the caller's business, see {@link element}) and encodes
 * back to one. Codecs made by {@link record}, {@link text} and {@link anyElement} are *content* codecs: they
 * ignore the element's name when decoding and return an element with an empty name when encoding, which the
 * enclosing field or {@link element} then names. So one content codec serves every name it appears under.
 *
 * @example
 * ```ts
 * const Tick: ElementCodec<number> = text(NonNegativeInteger)
 * ```
 */
export type ElementCodec<A> = t.Type<A, XmlElement, XmlElement>

/**
 * An unmodelled child element with the XML local name of the modelled sibling it followed (`null` when it came
 * before every modelled child). {@link record} writes it back right after that sibling, so a document whose
 * modelled children come in the codec's field order re-encodes in its original order.
 *
 * @example
 * ```ts
 * const ext: AnchoredElement = { after: 'ParentResourceID', element: someElement }
 * ```
 */
export interface AnchoredElement {
  /**
   * The local name of the modelled sibling it followed (`{namespace}localName` when two modelled children share that
   * local name), or `null`.
   */
  after: string | null
  /** The element with its whole subtree, as read. */
  element: XmlElement
}

export function isElement(u: unknown): u is XmlElement {
  return typeof u === 'object' && u !== null && (u as { type?: unknown }).type === 'element'
}

/** Gives `el` the name `name`, copying it only when the name differs, so unmodified input elements are reused. */
export function rename(el: XmlElement, name: XName): XmlElement {
  if (el.namespace === name.namespace && el.localName === name.localName && el.prefix === name.prefix) return el
  return { ...el, namespace: name.namespace, localName: name.localName, prefix: name.prefix }
}

/**
 * The text of an element: its text children joined. An element with no text children has the text `""`.
 * Returns `undefined` when the element also has child elements (it is not a leaf).
 *
 * @example
 * ```ts
 * leafText({ type: 'element', namespace: null, localName: 'Path', prefix: null, attributes: [], children: [{ type: 'text', value: '/RootFolder' }] }) // '/RootFolder'
 * ```
 */
export function leafText(el: XmlElement): string | undefined {
  const children = el.children
  if (children.length === 0) return ''
  if (children.length === 1) {
    const only = children[0]!
    return only.type === 'text' ? only.value : undefined
  }
  let s = ''
  for (const node of children) {
    if (node.type !== 'text') return undefined
    s += node.value
  }
  return s
}

export function describeElement(el: XmlElement): string {
  return `element <${qualifiedName(el)}>`
}

/**
 * Text content through a primitive codec: decodes a leaf element's text (exactly, spaces kept; `""` when it has
 * no text), encodes to an element holding that text (no text node for `""`). Attributes are ignored on decode;
 * a child element is an error (`expected text only, found element <X>`).
 *
 * @example
 * ```ts
 * const Path = text(t.string)
 * const tick = child(sync('tick'), text(NonNegativeInteger))
 * ```
 */
export function text<A>(codec: t.Type<A, string, any>, name = `text(${codec.name})`): ElementCodec<A> {
  const leaf = new t.Type<A, XmlElement, XmlElement>(
    name,
    codec.is,
    (el, c) => {
      if (!isElement(el)) return t.failure(el, c, `expected an element, found ${typeof el}`)
      const s = leafText(el)
      if (s === undefined) {
        const offender = el.children.find((n) => n.type === 'element') as XmlElement
        return t.failure(el, c, `expected text only, found ${describeElement(offender)}`)
      }
      const r = codec.validate(s, c)
      if (E.isRight(r)) return r
      return t.failures(insertEntry(c, r.left, { key: '', type: codec, actual: s }))
    },
    (a) => {
      const s = codec.encode(a)
      const children: XmlNode[] = s === '' ? [] : [{ type: 'text', value: s }]
      return { type: 'element', namespace: null, localName: '', prefix: null, attributes: [], children }
    },
  )
  // The text's codec stays known, so an arbitrary can be derived for this child (`arbitraryOf`).
  return withTextCodec(leaf, codec)
}

/**
 * Any element, kept as is with its whole subtree (decode and encode are the identity). For opaque items and
 * payloads the model does not type.
 *
 * @example
 * ```ts
 * const extension = optionalChild(qname(null, 'fsshttpstate.xschema.storage.live.com'), anyElement)
 * ```
 */
export const anyElement: ElementCodec<XmlElement> = new t.Type<XmlElement, XmlElement, XmlElement>(
  'XmlElement',
  isElement,
  (el, c) => (isElement(el) ? t.success(el) : t.failure(el, c, 'expected an element')),
  (el) => el,
)

/**
 * A named element: decoding checks the element's expanded name against `names` (any of them) and hands it to
 * `content`; encoding names the content's element with the first name. Use it for document roots and wherever
 * the name itself must be checked; inside {@link record} fields the field's names already do that.
 * The element appears as a step of the error paths (`/feed`, `/Folder`). When `content` is a {@link record}, the
 * result carries the record's description with this name (`describedOf`).
 *
 * @example
 * ```ts
 * const Digest = element(sync('digest'), record({ origin: optionalChild(sync('origin'), text(t.string)) }))
 * ```
 */
export function element<A>(names: Names, content: ElementCodec<A>, name?: string): ElementCodec<A> {
  const list = nameList(names)
  const first = list[0]
  if (first === undefined) throw new Error('element() needs at least one name')
  const table = new NameTable<true>()
  for (const n of list) table.set(n, true)
  const step = xmlStep('element', list, false)
  const expected = list.map(shownElement).join(' or ')
  const codec = new t.Type<A, XmlElement, XmlElement>(
    name ?? qualifiedName(first),
    content.is,
    (el, c) => {
      if (!isElement(el)) return t.failure(el, c, `expected element ${expected}, found ${typeof el}`)
      if (table.get(el.namespace, el.localName) === undefined) {
        const found = shownElement(el)
        return t.failures(
          insertEntry(c, [{ value: el, context: c, message: `expected element ${expected}, found ${found}` }], {
            key: el.localName,
            type: step,
            actual: el,
          }),
        )
      }
      const r = content.validate(el, c)
      if (E.isRight(r)) return r
      return t.failures(insertEntry(c, r.left, { key: el.localName, type: step, actual: el }))
    },
    (a) => rename(content.encode(a), first),
  )
  // A described content (`record()`) gives a described element: the same description, named (the written name, its
  // prefix included, recorded beside it for the arbitraries); a text content's codec stays known.
  const d = describedOf<ElementDescription<A>>(content)
  if (d !== undefined) {
    const named = withWrittenName({ ...d, namespace: first.namespace, name: first.localName }, first)
    return withDescription(codec, named)
  }
  const inner = textCodecOf(content)
  return inner === undefined ? codec : withTextCodec(codec, inner)
}
