// The JSON members of a description's kit content (docs/schema.md), for the one JSON compiler (json.ts), which reads
// and writes them: attribute children and the text as leaves, read and written by their value types; codec children
// by their codec's description when it has one, else as they are (elements in the lossless form); kept unknown
// children and attributes in the lossless element and attribute JSON forms. Only the kit passes these in.
import * as t from 'io-ts'
import type { XmlElement } from '../../xml/types'
import { attributeToJson, elementToJson, readAttribute, readElement } from '../json/element'
import { at, type Ctx, type Errs, fail, type JsonRecord, member } from '../json/read'
import type { ElementDescription, LeafChild } from './describe'
import { compileJsonReader, compileJsonWriter, type ItemChild, type JsonReader } from './json'
import { describedOf } from './kit'
import { isElement } from './tree'

/**
 * The JSON members of a description's kit content, in the order they are read and written: the codec children, the
 * attribute children, the text, then the kept unknown attributes and children.
 *
 * @example
 * ```ts
 * compileJsonReader(recordDescription(fields), kitJsonChildren)
 * ```
 */
export function kitJsonChildren(d: ElementDescription<unknown>): (LeafChild | ItemChild)[] {
  const out: (LeafChild | ItemChild)[] = []
  for (const c of d.children) {
    if (c.kind !== 'codec') throw new Error(`kit content cannot hold a ${c.kind} child`)
    const nested = describedOf<ElementDescription<unknown>>(c.codec)
    const read = nested === undefined ? opaqueReader(c.codec) : compileJsonReader(nested, kitJsonChildren)
    const write = nested === undefined ? opaqueWriter : compileJsonWriter(nested, kitJsonChildren)
    if (c.occurs === 'repeated') out.push({ kind: 'many', key: c.key, json: c.json, read, write })
    else out.push({ kind: 'one', key: c.key, json: c.json, occurs: c.occurs, read, write })
  }
  for (const a of d.attributeChildren ?? []) out.push({ ...a, kind: 'leaf', nillable: false })
  if (d.text !== undefined) out.push({ ...d.text, kind: 'leaf', occurs: 'required', nillable: false })
  const unknown = d.unknown
  if (unknown !== undefined && unknown.attributes !== 'drop') {
    const key = unknown.attributes.key
    out.push({ kind: 'many', key, json: key, read: readAttribute, write: attributeToJson as Write })
  }
  if (unknown !== undefined && unknown.children !== 'drop') {
    const { key, keep, codec } = unknown.children
    const [read, write]: [JsonReader<unknown>, Write] =
      keep === 'decoded'
        ? [opaqueReader(codec!), opaqueWriter]
        : keep === 'anchored'
          ? [readAnchored, anchoredToJson as Write]
          : [readElement, elementJson]
    out.push({ kind: 'many', key, json: key, read, write })
  }
  return out
}

type Write = (x: unknown) => unknown

/** An element in the lossless form. */
const elementJson: Write = (x) => elementToJson(x as XmlElement)

/** Reads an anchored unknown child: `{ after, element }`, `after` a string or `null`. */
function readAnchored(errs: Errs, u: unknown, c: Ctx): { after: string | null; element: XmlElement } | undefined {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return fail(errs, u, c, 'must be a JSON object')
  const after = member(u as JsonRecord, 'after')
  const raw = member(u as JsonRecord, 'element')
  const element = readElement(errs, raw, at(c, 'element', t.UnknownRecord, raw))
  if (after !== null && typeof after !== 'string')
    return fail(errs, after, at(c, 'after', t.string, after), 'after must be a string or null')
  return element === undefined ? undefined : { after, element }
}

/** Writes an anchored unknown child, its element in the lossless form. */
function anchoredToJson(a: { after: string | null; element: XmlElement }): unknown {
  return { after: a.after, element: elementToJson(a.element) }
}

/**
 * The JSON reader of a value its codec alone knows (a codec child whose codec has no description): the value as is
 * when the codec's guard accepts it, else its lossless element form read back to an element the guard accepts.
 */
function opaqueReader(codec: t.Type<any, any, any>): JsonReader<unknown> {
  return (errs, u, c) => {
    if (codec.is(u)) return u
    if (typeof u === 'object' && u !== null && typeof (u as { name?: unknown }).name === 'string') {
      const el = readElement(errs, u, c)
      if (el === undefined || codec.is(el)) return el
    }
    return fail(errs, u, c, `expected ${codec.name}`)
  }
}

/** The JSON writer of a value its codec alone knows: elements in their lossless form, anything else as is. */
function opaqueWriter(x: unknown): unknown {
  return isElement(x) ? elementToJson(x) : x
}
