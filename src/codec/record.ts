// The record combinator: builds an element description from its fields (children, attributes, text, where unknown
// content is kept), so a record reads, writes, maps to JSON and is guarded by the one compiled description engine
// (docs/schema.md). Implements docs/decisions.md#p4 and #p6 (any order, unknown children kept and written back at
// their anchors).
import * as t from 'io-ts'
import type { XmlElement } from '../xml/types'
import type { Field, RecordOf } from './fields'
import type { ElementCodec } from './named'
import { type Child, type ElementDescription, guardOf } from './schema/describe'
import { type AttributeChild, type TextChild, type UnknownContent, withDescription } from './schema/kit'
import { kitContentReader, kitContentWriter } from './schema/kit-xml'
import { isElement } from './schema/tree'

/**
 * The element description a {@link record} builds from its fields: a content description (no name of its own, the
 * enclosing field or `element()` names it), holding codec children, attribute children, the text and the unknown
 * content as the fields say.
 *
 * @example
 * ```ts
 * recordDescription({ tick: childOr(sync('tick'), text(NonNegativeInteger), 0) }).children[0]!.kind // 'codec'
 * ```
 */
export function recordDescription<F extends Record<string, Field<any, boolean>>>(
  fields: F,
  name = 'record',
): ElementDescription<RecordOf<F>> {
  const children: Child[] = []
  const attributeChildren: AttributeChild[] = []
  let text: TextChild | undefined
  let rest: UnknownContent['children'] = 'drop'
  let restAttributes: UnknownContent['attributes'] = 'drop'
  for (const key of Object.keys(fields)) {
    const spec = fields[key]!.spec
    if (spec.kind === 'codec') children.push({ ...spec, key, json: key })
    else if (spec.kind === 'attribute') attributeChildren.push({ ...spec, key, json: key })
    else if (spec.kind === 'text') text = { ...spec, key, json: key }
    else if (spec.kind === 'unknownAttributes') restAttributes = { key }
    else {
      if (rest !== 'drop') throw new Error(`record ${name}: only one field may keep unknown children`)
      rest = { ...spec, key, at: children.length }
    }
  }
  const d: ElementDescription<RecordOf<F>> = {
    namespace: null,
    name: '',
    children,
    leaves: 'strict',
    extensions: 'optional',
    attributes: false,
    json: { what: name, plainAliases: false, keepUnknown: false },
    guard: [],
    attributeChildren,
    unknown: { children: rest, attributes: restAttributes, order: Object.keys(fields) },
  }
  return text === undefined ? d : { ...d, text }
}

/**
 * A record of children, attributes and text: the workhorse content codec. Children and attributes are matched
 * by expanded name in any order; one pass over the children with a name table built once per codec. Unknown
 * children are dropped unless a field keeps them ({@link unknownChildren}, {@link anchoredUnknownChildren},
 * {@link otherChildren}); text children are read by a {@link textContent} field. Without one, text other than
 * white space is an error (`expected elements only in <r>, found text "x"`) in a record that keeps unknown
 * children (none of them could hold it), and is dropped with the unknown children by a record that keeps none.
 * The fields become one element description, read and written by the compiled engine that reads syncwire's own
 * elements.
 *
 * Encoding writes attributes (unknown ones first, then the fields in declaration order), then the text, then
 * children in field declaration order, with each kept unknown child right after the modelled sibling it
 * followed when read (after all elements of that field, for a repeated one). Declare fields in the order the
 * protocol writes them: a document whose modelled children come in that order re-encodes in its own order.
 *
 * @example
 * ```ts
 * const SyncState = record({
 *   endpoint: child(sync('endpoint'), text(t.string)),
 *   tick: childOr(sync('tick'), text(NonNegativeInteger), 0),
 *   stamp: child(sync('stamp'), text(StampCodec)),
 *   user: optionalChild(sync('user'), text(t.string)),
 * }, 'SyncState')
 * ```
 */
export function record<F extends Record<string, Field<any, boolean>>>(
  fields: F,
  name = 'record',
): ElementCodec<RecordOf<F>> {
  return contentCodec(name, recordDescription(fields, name))
}

/**
 * The content codec of a description with kit content: any element's content read by the compiled reader (the
 * element's own name is the caller's), written with an empty name for the enclosing field to set.
 *
 * @example
 * ```ts
 * contentCodec('Rule', recordDescription(fields)).decode(el)
 * ```
 */
export function contentCodec<A>(name: string, d: ElementDescription<A>): ElementCodec<A> {
  const read = kitContentReader<A>(d)
  const codec = new t.Type<A, XmlElement, XmlElement>(
    name,
    guardOf(d),
    (el, c) => (isElement(el) ? read(el, c) : t.failure(el, c, `expected an element, found ${typeof el}`)),
    kitContentWriter(d),
  )
  return withDescription(codec, d)
}
