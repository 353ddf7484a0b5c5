// io-ts combinators over the namespace-resolved element tree: dispatch by name and mapping, plus the re-exported
// element, field and record combinators. Implements docs/decisions.md#p3, #p4 and #p6.
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { qualifiedName } from '../xml/tree'
import type { XmlElement } from '../xml/types'
import { describeElement, type ElementCodec, isElement, rename } from './named'
import { type Names, NameTable, nameList, type XName } from './names'

export type { Field, FieldSpec, FieldValue, OptionalKeys, RecordOf, RequiredKeys, Simplify } from './fields'
export {
  anchoredUnknownChildren,
  attribute,
  attributeOr,
  child,
  childOr,
  children,
  optionalAttribute,
  optionalChild,
  otherChildren,
  textContent,
  unknownAttributes,
  unknownChildren,
} from './fields'
export type { AnchoredElement, ElementCodec } from './named'
export { anyElement, element, leafText, text } from './named'
export { record, recordDescription } from './record'

// ---------------------------------------------------------------------------------------------------------------
// Dispatch and mapping

/**
 * One alternative of {@link byName}: elements with one of `names` decode through `codec`.
 *
 * @example
 * ```ts
 * const folderCase: NameCase<Item> = { names: qname(null, 'Folder'), codec: Folder }
 * ```
 */
export interface NameCase<A> {
  /** The names this case accepts (the first is written). */
  readonly names: Names
  /** The content codec for this case. */
  readonly codec: ElementCodec<A>
}

/**
 * Dispatches on the element's expanded name: decoding picks the case whose names match (else `otherwise`, else
 * an error); encoding asks `select` which case (index into `cases`, or -1 for `otherwise`) writes the value and
 * names the result with that case's first name (the `otherwise` element keeps its own name).
 *
 * @example
 * ```ts
 * const Item = byName<Item>(
 *   [{ names: qname(null, 'Folder'), codec: Folder }, { names: qname(null, 'Document'), codec: Document }],
 *   (item) => (item.kind === 'Folder' ? 0 : item.kind === 'Document' ? 1 : -1),
 *   Unknown,
 * )
 * ```
 */
export function byName<A>(
  cases: ReadonlyArray<NameCase<A>>,
  select: (value: A) => number,
  otherwise?: ElementCodec<A>,
  name = 'byName',
): ElementCodec<A> {
  const table = new NameTable<number>()
  const firstNames: XName[] = []
  cases.forEach((k, i) => {
    const list = nameList(k.names)
    firstNames.push(list[0]!)
    for (const n of list) table.set(n, i)
  })
  const expected = firstNames.map((n) => `<${qualifiedName(n)}>`).join(', ')
  return new t.Type<A, XmlElement, XmlElement>(
    name,
    (u): u is A => cases.some((k) => k.codec.is(u)) || (otherwise?.is(u) ?? false),
    (el, c) => {
      if (!isElement(el)) return t.failure(el, c, `expected an element, found ${typeof el}`)
      const i = table.get(el.namespace, el.localName)
      if (i !== undefined) return cases[i]!.codec.validate(el, c)
      if (otherwise !== undefined) return otherwise.validate(el, c)
      return t.failure(el, c, `expected one of ${expected}, found ${describeElement(el)}`)
    },
    (a) => {
      const i = select(a)
      const k = cases[i]
      if (k !== undefined) return rename(k.codec.encode(a), firstNames[i]!)
      if (otherwise !== undefined) return otherwise.encode(a)
      // A value no case claims: written through the first case rather than thrown on (encode is total).
      return rename(cases[0]!.codec.encode(a), firstNames[0]!)
    },
  )
}

/**
 * Maps a codec's value both ways (an isomorphism, or a lossless projection): `to` after decoding, `from` before
 * encoding. For adding a tag (`kind: 'Folder'`) or reshaping a record into the model's type.
 *
 * @example
 * ```ts
 * const Folder = mapCodec(folderRecord, (r) => ({ kind: 'Folder' as const, ...r }), ({ kind, ...r }) => r, 'Folder')
 * ```
 */
export function mapCodec<A, B, O, I>(
  codec: t.Type<A, O, I>,
  to: (a: A) => B,
  from: (b: B) => A,
  name = codec.name,
  is: (u: unknown) => u is B = (u): u is B => typeof u === 'object' && u !== null,
): t.Type<B, O, I> {
  return new t.Type<B, O, I>(
    name,
    is,
    (i, c) => {
      const r = codec.validate(i, c)
      return E.isRight(r) ? t.success(to(r.right)) : r
    },
    (b) => codec.encode(from(b)),
  )
}
