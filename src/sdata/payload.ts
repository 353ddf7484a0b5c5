// The resource inside `sdata:payload` (sync §4.4, §6.1; core §3.9, §9.2): kept as a lossless element tree with the
// SData attributes lifted into fields, read leniently (docs/decisions.md#s2 and #s3) and written in the spec's form.
import type * as t from 'io-ts'
import { readBooleanLexical, XsBoolean } from '../codec/boolean'
import { BooleanValue, isValueProblem } from '../codec/values'
import { finishLazy } from '../xml/lazy'
import { isOwned } from '../xml/tree'
import type { XmlAttribute, XmlElement, XmlNode } from '../xml/types'
import type { PayloadForms, PayloadResource } from './model'
import { SDATA_NS } from './namespaces'
import { at, attrAt, type Path, type Problems } from './read'
import { chosenSpellings, RESOURCE_ATTRIBUTES, spellingOf, writtenName } from './resource-attributes'
import { addUsedPrefixes, isDeclaration, nsAttr, selfContained } from './tree'

/**
 * A codec for the resource element of a caller's contract, giving `payload.value`.
 *
 * @example
 * ```ts
 * const Account: PayloadCodec<{ name: string }> = element(qname(CONTRACT, 'account'), record({ name: child(qname(CONTRACT, 'name'), text(t.string)) }))
 * ```
 */
export type PayloadCodec<V> = t.Type<V, XmlElement, XmlElement>

/**
 * The SData attributes of any element of a payload, read leniently without changing the element: for nested
 * references, deleted children (`sdata:isDeleted` or `sync:isDeleted`) and lists (`sdata:deleteMissing`).
 *
 * @example
 * ```ts
 * resourceAttributes(line).isDeleted // true for <salesOrderLine sdata:uuid="…" sync:isDeleted="true"/>
 * ```
 */
export interface ResourceAttributes {
  /** `sdata:uuid`. */
  uuid?: string
  /** `sdata:isDeleted`, else `sync:isDeleted` (booleans in any letter case); undefined when absent or unreadable. */
  isDeleted?: boolean
  /** `sdata:deleteMissing` on lists. */
  deleteMissing?: boolean
  /** `sdata:key`. */
  key?: string
  /** `sdata:url`, else `sdata:uri`. */
  url?: string
  /** `sdata:lookup`. */
  lookup?: string
  /** `sdata:descriptor`. */
  descriptor?: string
}

/**
 * Reads the SData attributes of a payload element (the resource or anything nested in it).
 *
 * @example
 * ```ts
 * const list = resource.element.children.find((c) => c.type === 'element' && c.localName === 'orderLines')
 * if (list?.type === 'element') resourceAttributes(list).deleteMissing // true, false or undefined
 * ```
 */
export function resourceAttributes(el: XmlElement): ResourceAttributes {
  const out: ResourceAttributes = {}
  let deleteMissing: boolean | undefined
  for (const a of el.attributes)
    if (a.namespace === SDATA_NS && a.localName === 'deleteMissing') deleteMissing = readBooleanLexical(a.value)
  if (deleteMissing !== undefined) out.deleteMissing = deleteMissing
  const chosen = chosenSpellings(el)
  RESOURCE_ATTRIBUTES.forEach((l, i) => {
    const a = chosen[i]
    if (a === undefined) return
    // Read leniently: a value its type cannot read is left out.
    const v = l.type.read(a.value)
    if (!isValueProblem(v)) (out as Record<string, unknown>)[l.key] = v
  })
  return out
}

/**
 * Reads the resource element of `sdata:payload` (the `any` alternative of `PAYLOAD`): lifts the SData attributes
 * ({@link RESOURCE_ATTRIBUTES}), keeps the rest as is; `lifted.uuid` is the uuid `sdata:payload` carried (§5.8).
 */
export function readResource<V>(
  el: XmlElement,
  lifted: Readonly<Record<string, string>>,
  path: Path,
  problems: Problems,
  codec: PayloadCodec<V> | undefined,
): PayloadResource<V> | 'keep' | 'error' {
  const payloadUuid = lifted.uuid
  const attributes = el.attributes
  const chosen = chosenSpellings(el)
  // The attributes kept (all of them, `undefined`, until one is lifted) and the forms read; both made when needed.
  let rest: XmlAttribute[] | undefined
  const r: PayloadResource<V> = { isDeleted: false, element: el }
  const fields = r as unknown as Record<string, unknown>
  let forms: Record<string, string> | undefined
  let ok = true
  for (let i = 0; chosen.length > 0 && i < attributes.length; i++) {
    const a = attributes[i]!
    const s = spellingOf(a)
    if (s === undefined || chosen[s.index] !== a) {
      rest?.push(a)
      continue
    }
    rest ??= attributes.slice(0, i)
    const { lifted: l, variant } = s
    const v = l.type.read(a.value)
    if (isValueProblem(v)) {
      problems.add(attrAt(path, a), a.value, v.problem)
      ok = false
      continue
    }
    fields[l.key] = v
    // Remember a variant spelling so that encoding writes back what was read, and a boolean's lexical form other
    // than the default (`true`, or nothing).
    if (variant !== undefined) {
      forms ??= {}
      forms[variant.form] = variant.value
    }
    if (l.type === BooleanValue && (!v || a.value !== 'true')) {
      forms ??= {}
      forms[l.key] = a.value
    }
  }
  if (!ok) return 'error'
  if (rest !== undefined) rest = withoutUnusedSdataDeclarations(el, rest)
  if (payloadUuid !== undefined) {
    // §5.8 puts the uuid on <payload>; two different uuids cannot both live in the value, so keep the payload whole.
    if (r.uuid !== undefined && r.uuid !== payloadUuid) return 'keep'
    forms ??= {}
    forms.uuid = r.uuid === undefined ? 'payload' : 'both'
    r.uuid = payloadUuid
  }
  if (forms !== undefined) r.forms = forms as PayloadForms
  // Out of the parser's own tree the lifted attributes go in place (a caller's tree is never changed): copying its
  // element and attributes would leave them garbage at once, which keeps the runtime from allocating the tree's
  // objects where long-lived ones go.
  if (rest !== undefined && isOwned(el)) {
    for (let i = 0; i < rest.length; i++) attributes[i] = rest[i]!
    attributes.length = rest.length
    rest = undefined
  }
  // A resource the parser only scanned is finished the same way on first access (see PayloadResource.element).
  if (!finishLazy(el, rest ?? attributes, finishResource))
    r.element = selfContained(rest === undefined ? el : { ...el, attributes: rest })
  if (codec !== undefined) {
    // The step carries the very element handed to the codec, so a codec that names it again (the codec kit's
    // `element()`) merges with this step in the reported path instead of repeating it.
    const v = codec.validate(r.element, problems.context(at(path.parent, r.element)))
    if (v._tag === 'Left') {
      problems.addAll(v.left)
      return 'error'
    }
    r.value = v.right
  }
  return r
}

/** A scanned resource element as its first access builds it: with the attributes kept, self-contained. */
function finishResource(el: XmlElement, attributes: XmlAttribute[], children: XmlNode[]): XmlElement {
  const { namespace, localName, prefix } = el
  return selfContained({ type: 'element', namespace, localName, prefix, attributes, children })
}

// A declaration of the SData namespace on the resource element that only the lifted attributes used carries no
// information once they are lifted; it goes too, so that decode ∘ encode is the identity when encode has to
// declare a prefix of its own for them (the element rebinds `sdata`, say). Found by the fuzz run (SyncFeedXml,
// seed 1704048413). Declarations still used by the element or its subtree are kept.
function withoutUnusedSdataDeclarations(el: XmlElement, rest: XmlAttribute[]): XmlAttribute[] {
  if (!rest.some(declaresSdata)) return rest
  const used = addUsedPrefixes({ ...el, attributes: rest }, new Set())
  return rest.filter((a) => !declaresSdata(a) || used.has(a.localName))
}

/** Whether an attribute declares a prefix for the SData namespace. */
const declaresSdata = (a: XmlAttribute): boolean => isDeclaration(a) && a.prefix === 'xmlns' && a.value === SDATA_NS

/**
 * What `writePayload` puts in `sdata:payload`: the resource element with the lifted fields as attributes,
 * and the attributes of `sdata:payload` itself (the uuid, where `forms` says it was read there).
 */
export function payloadParts<V>(
  resource: PayloadResource<V>,
  codec: PayloadCodec<V> | undefined,
): { element: XmlElement; attributes: XmlAttribute[] } {
  const base = codec !== undefined && resource.value !== undefined ? codec.encode(resource.value) : resource.element
  const forms: PayloadForms = resource.forms ?? {}
  const attributes = base.attributes.slice()
  const payloadAttributes: XmlAttribute[] = []
  const fields = resource as unknown as Record<string, unknown>
  for (const l of RESOURCE_ATTRIBUTES) {
    const v = fields[l.key]
    const text =
      l.type === BooleanValue
        ? liftedBooleanText(v === true, (forms as Record<string, string | undefined>)[l.key])
        : (v as string | undefined)
    if (text === undefined) continue
    if (l.onPayload) {
      if (forms.uuid !== 'payload') attributes.push(nsAttr(SDATA_NS, l.key, text))
      if (forms.uuid === 'payload' || forms.uuid === 'both') payloadAttributes.push(nsAttr(SDATA_NS, l.key, text))
      continue
    }
    const { namespace, name } = writtenName(l, forms)
    attributes.push(nsAttr(namespace, name, text))
  }
  return { element: { ...base, attributes }, attributes: payloadAttributes }
}

/** A lifted boolean's text: the form read when it still spells the value, else `true`, or none (false, the default). */
function liftedBooleanText(value: boolean, lexical: string | undefined): string | undefined {
  if (lexical !== undefined && readBooleanLexical(lexical) === value) return lexical
  return value ? XsBoolean.encode(true) : undefined
}
