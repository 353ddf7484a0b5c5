// The record combinator: one pass over an element's children and attributes into a typed object, and back.
// Implements docs/decisions.md#p4 and #p6 (any order, unknown children kept and written back at their anchors).
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import type { XmlAttribute, XmlElement, XmlNode } from '../xml/types'
import { anchors } from './anchors'
import { insertEntry } from './context'
import { type Field, type FieldSpec, otherChildren, type RecordOf, unknownChildren } from './fields'
import { type AnchoredElement, blankElement, type ElementCodec, isElement, rename } from './named'
import { NameTable, showName } from './names'

export interface Compiled {
  readonly key: string
  readonly spec: FieldSpec
  /** Index into the child slots, or -1. */
  readonly slot: number
}

/**
 * A record of children, attributes and text: the workhorse content codec. Children and attributes are matched
 * by expanded name in any order; one pass over the children with a name table built once per codec. Unknown
 * children are dropped unless a field keeps them ({@link unknownChildren}, {@link anchoredUnknownChildren},
 * {@link otherChildren}); text children are ignored unless a {@link textContent} field reads them.
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
  const compiled: Compiled[] = []
  const childTable = new NameTable<number>()
  const attributeTable = new NameTable<number>()
  let childSlots = 0
  let attributeSlots = 0
  let restIndex = -1
  let textIndex = -1
  let restAttributesIndex = -1
  for (const key of Object.keys(fields)) {
    const spec = fields[key]!.spec
    let slot = -1
    if (spec.kind === 'child') {
      slot = childSlots++
      for (const n of spec.names!) childTable.set(n, slot)
    } else if (spec.kind === 'attribute') {
      slot = attributeSlots++
      for (const n of spec.names!) attributeTable.set(n, slot)
    } else if (spec.kind === 'unknownChildren' || spec.kind === 'otherChildren') {
      if (restIndex >= 0) throw new Error(`record ${name}: only one field may keep unknown children`)
      restIndex = compiled.length
    } else if (spec.kind === 'text') {
      textIndex = compiled.length
    } else if (spec.kind === 'unknownAttributes') {
      restAttributesIndex = compiled.length
    }
    compiled.push({ key, spec, slot })
  }
  const slotKeys: string[] = []
  const slotRepeated: boolean[] = []
  for (const f of compiled) {
    if (f.spec.kind !== 'child') continue
    slotKeys[f.slot] = f.spec.names![0]!.localName
    slotRepeated[f.slot] = f.spec.mode === 'repeated'
  }
  const restSpec = restIndex >= 0 ? compiled[restIndex]!.spec : undefined
  const keepOthers = restSpec !== undefined
  const keepAttributes = restAttributesIndex >= 0
  const readText = textIndex >= 0

  const validate = (el: XmlElement, c: t.Context): t.Validation<RecordOf<F>> => {
    if (!isElement(el)) return t.failure(el, c, `expected an element, found ${typeof el}`)
    // Slots hold the first element of a single field, or all elements of a repeated one.
    const childValues: Array<XmlElement | XmlElement[] | undefined> = new Array(childSlots)
    let others: XmlElement[] | undefined
    let otherAnchors: Array<string | null> | undefined
    let lastKnown: string | null = null
    let textParts: string | undefined
    for (const node of el.children) {
      if (node.type !== 'element') {
        if (readText) textParts = textParts === undefined ? node.value : textParts + node.value
        continue
      }
      const slot = childTable.get(node.namespace, node.localName)
      if (slot !== undefined) {
        const current = childValues[slot]
        if (current === undefined) {
          if (slotRepeated[slot]) childValues[slot] = [node]
          else childValues[slot] = node
          lastKnown = slotKeys[slot]!
          continue
        }
        if (Array.isArray(current)) {
          current.push(node)
          lastKnown = slotKeys[slot]!
          continue
        }
      }
      if (keepOthers) {
        if (others === undefined) {
          others = []
          otherAnchors = []
        }
        others.push(node)
        otherAnchors!.push(lastKnown)
      }
    }
    const out: Record<string, unknown> = {}
    let errors: t.ValidationError[] | undefined
    let attributeValues: Array<XmlAttribute | undefined> | undefined
    let restAttributes: XmlAttribute[] | undefined
    if (attributeSlots > 0 || keepAttributes) {
      attributeValues = new Array(attributeSlots)
      for (const a of el.attributes) {
        const slot = attributeTable.get(a.namespace, a.localName)
        if (slot !== undefined && attributeValues[slot] === undefined) attributeValues[slot] = a
        else if (keepAttributes) {
          if (restAttributes === undefined) restAttributes = []
          restAttributes.push(a)
        }
      }
    }
    for (const f of compiled) {
      const spec = f.spec
      switch (spec.kind) {
        case 'child': {
          const found = childValues[f.slot]
          const codec = spec.codec as ElementCodec<unknown>
          if (found === undefined) {
            if (spec.mode === 'required') {
              errors = collect(errors, [missing(c, spec, 'element')])
            } else if (spec.mode === 'repeated') out[f.key] = []
            else if (spec.mode === 'default') out[f.key] = spec.fallback
            break
          }
          if (Array.isArray(found)) {
            errors = decodeChildren(codec, found, c, spec, out, f.key, errors)
          } else {
            const r = decodeChild(codec, found, c, spec)
            if (E.isRight(r)) out[f.key] = r.right
            else errors = collect(errors, r.left)
          }
          break
        }
        case 'attribute': {
          const found = attributeValues![f.slot]
          if (found === undefined) {
            if (spec.mode === 'required') {
              errors = collect(errors, [missing(c, spec, 'attribute')])
            } else if (spec.mode === 'default') out[f.key] = spec.fallback
            break
          }
          const codec = spec.codec as t.Type<unknown, string, string>
          const r = codec.validate(found.value, c)
          if (E.isRight(r)) out[f.key] = r.right
          else {
            const withType = insertEntry(c, r.left, { key: '', type: codec, actual: found.value })
            errors = collect(
              errors,
              insertEntry(c, withType, { key: found.localName, type: spec.step!, actual: found }),
            )
          }
          break
        }
        case 'text': {
          const s = textParts ?? ''
          const codec = spec.codec as t.Type<unknown, string, string>
          const r = codec.validate(s, c)
          if (E.isRight(r)) out[f.key] = r.right
          else errors = collect(errors, insertEntry(c, r.left, { key: '', type: codec, actual: s }))
          break
        }
        case 'unknownChildren': {
          if (others === undefined) {
            out[f.key] = []
          } else if (spec.anchored) {
            const list: AnchoredElement[] = new Array(others.length)
            for (let i = 0; i < others.length; i++) list[i] = { after: otherAnchors![i]!, element: others[i]! }
            out[f.key] = list
          } else {
            const map = anchors()
            for (let i = 0; i < others.length; i++) map.set(others[i]!, otherAnchors![i]!)
            out[f.key] = others
          }
          break
        }
        case 'otherChildren': {
          const codec = spec.codec as ElementCodec<unknown>
          if (others === undefined) {
            out[f.key] = []
            break
          }
          errors = decodeChildren(codec, others, c, spec, out, f.key, errors)
          break
        }
        case 'unknownAttributes':
          out[f.key] = restAttributes ?? []
          break
      }
    }
    return errors === undefined ? t.success(out as RecordOf<F>) : t.failures(errors)
  }

  const encode = (value: RecordOf<F>): XmlElement => {
    const v = value as Record<string, unknown>
    const attributes: XmlAttribute[] = []
    const nodes: XmlNode[] = []
    if (keepAttributes) {
      const rest = v[compiled[restAttributesIndex]!.key] as XmlAttribute[] | undefined
      if (rest !== undefined) for (const a of rest) attributes.push(a)
    }
    for (const f of compiled) {
      if (f.spec.kind !== 'attribute') continue
      const x = v[f.key]
      if (x === undefined) continue
      if (f.spec.mode === 'default' && x === f.spec.fallback) continue
      const n = f.spec.names![0]!
      attributes.push({
        namespace: n.namespace,
        localName: n.localName,
        prefix: n.prefix,
        value: (f.spec.codec as t.Type<unknown, string, string>).encode(x),
      })
    }
    if (readText) {
      const s = (compiled[textIndex]!.spec.codec as t.Type<unknown, string, string>).encode(v[compiled[textIndex]!.key])
      if (s !== '') nodes.push({ type: 'text', value: s })
    }
    // Unknown children grouped by anchor; `placed` tracks which anchors a modelled field has claimed.
    let byAnchor: Map<string | null, XmlElement[]> | undefined
    let otherValues: unknown[] | undefined
    if (restSpec !== undefined) {
      const rest = v[compiled[restIndex]!.key] as unknown[] | undefined
      if (restSpec.kind === 'otherChildren') otherValues = rest
      else if (rest !== undefined && rest.length > 0) {
        byAnchor = new Map()
        const map = restSpec.anchored ? undefined : anchors()
        for (const item of rest) {
          let el: XmlElement
          let after: string | null | undefined
          if (restSpec.anchored) {
            el = (item as AnchoredElement).element
            after = (item as AnchoredElement).after
          } else {
            el = item as XmlElement
            after = map!.get(el)
          }
          const key = after === undefined ? END : after
          const group = byAnchor.get(key)
          if (group === undefined) byAnchor.set(key, [el])
          else group.push(el)
        }
      }
    }
    const flush = (key: string | null) => {
      const group = byAnchor?.get(key)
      if (group !== undefined) {
        for (const el of group) nodes.push(el)
        byAnchor!.delete(key)
      }
    }
    flush(null)
    for (const f of compiled) {
      const spec = f.spec
      if (spec.kind === 'child') {
        const x = v[f.key]
        const n = spec.names![0]!
        const codec = spec.codec as ElementCodec<unknown>
        if (x !== undefined) {
          if (spec.mode === 'repeated') for (const item of x as unknown[]) nodes.push(rename(codec.encode(item), n))
          else nodes.push(rename(codec.encode(x), n))
        }
        flush(n.localName)
      } else if (spec.kind === 'otherChildren' && otherValues !== undefined) {
        const codec = spec.codec as ElementCodec<unknown>
        for (const item of otherValues) nodes.push(codec.encode(item))
      }
    }
    if (byAnchor !== undefined) for (const group of byAnchor.values()) for (const el of group) nodes.push(el)
    return blankElement(nodes, attributes)
  }

  return new t.Type<RecordOf<F>, XmlElement, XmlElement>(
    name,
    (u): u is RecordOf<F> => typeof u === 'object' && u !== null,
    validate,
    encode,
  )
}

/** Decodes one child element; its errors carry the element's path step. */
function decodeChild(
  codec: ElementCodec<unknown>,
  node: XmlElement,
  c: t.Context,
  spec: FieldSpec,
): t.Validation<unknown> {
  const r = codec.validate(node, c)
  return E.isRight(r) ? r : t.failures(insertEntry(c, r.left, { key: node.localName, type: spec.step!, actual: node }))
}

/** Decodes elements in order into `out[key]`; returns `errors` with theirs added. */
function decodeChildren(
  codec: ElementCodec<unknown>,
  nodes: readonly XmlElement[],
  c: t.Context,
  spec: FieldSpec,
  out: Record<string, unknown>,
  key: string,
  errors: t.ValidationError[] | undefined,
): t.ValidationError[] | undefined {
  const values: unknown[] = new Array(nodes.length)
  for (let i = 0; i < nodes.length; i++) {
    const r = decodeChild(codec, nodes[i]!, c, spec)
    if (E.isRight(r)) values[i] = r.right
    else errors = collect(errors, r.left)
  }
  out[key] = values
  return errors
}

/** The error for an absent required child or attribute, named by the first of its names. */
function missing(c: t.Context, spec: FieldSpec, what: 'element' | 'attribute'): t.ValidationError {
  const n = spec.names![0]!
  return {
    value: undefined,
    context: [...c, { key: n.localName, type: spec.step!, actual: undefined }],
    message: `expected ${what} ${showName(n)}, found none`,
  }
}

/** Appends without spreading, so millions of errors cannot overflow the call stack. */
export function collect(
  errors: t.ValidationError[] | undefined,
  more: readonly t.ValidationError[],
): t.ValidationError[] {
  const out = errors ?? []
  for (const e of more) out.push(e)
  return out
}

/** Anchor of unknown children with no recorded position: written after every modelled child. */
export const END = '\u0000end'
