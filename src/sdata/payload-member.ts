// The payload of an entry (sync §4.4, §5.1–§5.3), described once (docs/schema.md): `sdata:payload` holding a
// resource (`payload`) or a digest (`digest`, `$syncDigest` entries and `$syncSource` POST bodies). Its reader and
// writers, in XML and as text, are derived (its JSON: ./json/owner.ts).
import type { XmlElement } from '../xml/types'
import { isElement, type RootSpec } from './codec-base'
import { DIGEST } from './digest'
import type { Digest, PayloadResource } from './model'
import { SDATA_NS } from './namespaces'
import { type PayloadCodec, payloadParts, readResource } from './payload'
import { at } from './read'
import { RESOURCE_ATTRIBUTES } from './resource-attributes'
import { type ChoiceDescription, compileChoice } from './schema/choice'
import type { OwnerMember } from './schema/owner'
import { ATOM_PARENT, openElement, qname } from './text-writer'
import { addUsedPrefixes, elem } from './tree'

/**
 * `sdata:payload`: exactly one child, a `sync:digest` (`digest`) or any other element, the resource (`payload`,
 * read as {@link RESOURCE_ATTRIBUTES} describe its attributes); the resource's uuid may sit on `sdata:payload`
 * instead (sync §5.8). Anything else keeps the payload whole, as an extension.
 *
 * @example
 * ```ts
 * compileChoice(PAYLOAD, readResource).read(el, path, problems, codec) // { key: 'payload', value: resource } | …
 * ```
 */
export const PAYLOAD: ChoiceDescription = {
  namespace: SDATA_NS,
  name: 'payload',
  lifts: RESOURCE_ATTRIBUTES.filter((l) => l.onPayload).map((l) => l.key),
  oneOf: [{ key: 'digest', element: DIGEST }],
  any: 'payload',
}

const choice = compileChoice<PayloadCodec<any> | undefined>(PAYLOAD, readResource)
/**
 * The choice once an entry holds its resource: a second resource stays as written, unread (reading one lifts its
 * attributes off the parser's tree in place, and a kept extension must keep them).
 */
const afterResource = compileChoice(PAYLOAD, () => 'keep')
const PAYLOAD_PARENT = openElement(PAYLOAD.namespace, PAYLOAD.name)
const PAYLOAD_TAG = qname(PAYLOAD.namespace, PAYLOAD.name)

/**
 * Writes `sdata:payload` around a resource. The lifted fields go on the resource element in the spec's form, except
 * where `forms` remembers the variant spelling that was read (`sdata:uri`, `sync:isDeleted`, `True`, the uuid on
 * `sdata:payload`): that spelling is written back, because real clients read only it.
 *
 * @example
 * ```ts
 * writePayload(entry.payload, undefined) // <sdata:payload><account sdata:uuid="…">…</account></sdata:payload>
 * ```
 */
export function writePayload<V>(resource: PayloadResource<V>, codec: PayloadCodec<V> | undefined): XmlElement {
  const { element, attributes } = payloadParts(resource, codec)
  return elem(PAYLOAD.namespace, PAYLOAD.name, [element], attributes)
}

/**
 * The root spec of `sdata:payload` holding one resource, typed by `codec` when given: any other content is an error.
 *
 * @example
 * ```ts
 * elementCodec('PayloadElement', payloadRoot(AccountElement))
 * ```
 */
export function payloadRoot<V>(codec: PayloadCodec<V> | undefined): RootSpec<PayloadResource<V>> {
  const wanted = `expected ${PAYLOAD_TAG} to hold exactly one resource element`
  return {
    is: (u: unknown): u is PayloadResource<V> =>
      typeof u === 'object' && u !== null && isElement((u as PayloadResource).element),
    namespaces: [PAYLOAD.namespace],
    localNames: [PAYLOAD.name],
    read(el, path, problems) {
      const r = choice.read(el, path, problems, codec)
      if (r === 'error') return undefined
      if (r !== 'keep' && r.key === PAYLOAD.any) return r.value as PayloadResource<V>
      problems.add(path, el, wanted)
      return undefined
    },
    write: (r) => writePayload(r, codec),
  }
}

/** The payload of an entry as the text path writes it: its trees built once (a typed value encoded once). */
interface PreparedPayload {
  resource?: XmlElement
  /** The start tag's attributes, as text. */
  attributes?: string
  digest?: XmlElement
}

type PayloadOwner = { payload?: PayloadResource<any>; digest?: Digest }

/**
 * The payload of an entry: the first `sdata:payload` holding one resource is `payload`, the first holding a
 * `sync:digest` is `digest`; any other is kept as an extension. Written resource first, then digest.
 *
 * @example
 * ```ts
 * const ENTRY_MEMBERS = [..., payloadMember, ...]
 * ```
 */
export const payloadMember: OwnerMember<PayloadOwner> = {
  name: 'payload',
  keys: ['payload', 'digest'],
  is: { kind: 'payload' },
  namespace: SDATA_NS,
  read(c, path, problems, owner, codec) {
    if (c.localName !== PAYLOAD.name) return undefined
    const r = (owner.payload === undefined ? choice : afterResource).read(c, at(path, c), problems, codec)
    if (r === 'error') return 'failed'
    if (r === 'keep' || owner[r.key as keyof PayloadOwner] !== undefined) return undefined
    owner[r.key as keyof PayloadOwner] = r.value as any
    return 'taken'
  },
  write(owner, out, codec) {
    if (owner.payload !== undefined) out.push(writePayload(owner.payload, codec))
    if (owner.digest !== undefined) out.push(choice.write('digest', owner.digest))
  },
  prepare(owner, codec, used, t): PreparedPayload | undefined {
    if (owner.payload === undefined && owner.digest === undefined) return undefined
    const prepared: PreparedPayload = {}
    if (owner.payload !== undefined) {
      const { element, attributes } = payloadParts(owner.payload, codec)
      used.add('sdata')
      let text = ''
      for (const a of attributes) {
        if (a.prefix !== null) used.add(a.prefix)
        text += t.attribute(qname(a.namespace!, a.localName), a.value)
      }
      addUsedPrefixes(element, used)
      prepared.resource = element
      prepared.attributes = text
    }
    if (owner.digest !== undefined) {
      prepared.digest = choice.write('digest', owner.digest)
      addUsedPrefixes(prepared.digest, used)
    }
    return prepared
  },
  has: (_owner, prepared) => prepared !== undefined,
  text(t, _owner, prepared) {
    if (prepared === undefined) return
    const p = prepared as PreparedPayload
    if (p.resource !== undefined) {
      t.start(PAYLOAD_TAG, p.attributes)
      t.tree(PAYLOAD_PARENT, 'sdata', p.resource)
      t.end(PAYLOAD_TAG)
    }
    if (p.digest !== undefined) t.tree(ATOM_PARENT, '', p.digest)
  },
}
