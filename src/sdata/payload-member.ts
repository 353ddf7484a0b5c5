// The payload member of an entry (sync §4.4, §5.1–§5.3): `sdata:payload` holding a resource (`payload`) or a digest
// (`digest`, `$syncDigest` entries and `$syncSource` POST bodies), in XML and as text (its JSON: ./json/owner.ts).
import type { XmlElement } from '../xml/types'
import type { Digest, PayloadResource } from './model'
import { SDATA_NS } from './namespaces'
import { payloadParts, readPayload, writeDigestPayload, writePayload } from './payload'
import { at } from './read'
import type { OwnerMember } from './schema/owner'
import { ATOM_PARENT, openElement, qname } from './text-writer'
import { addUsedPrefixes } from './tree'

const PAYLOAD_PARENT = openElement(SDATA_NS, 'payload')
const PAYLOAD = qname(SDATA_NS, 'payload')

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
    if (c.localName !== 'payload') return undefined
    const payload = readPayload(c, at(path, c), problems, codec)
    if (payload.kind === 'error') return 'failed'
    if (payload.kind === 'resource' && owner.payload === undefined) owner.payload = payload.resource
    else if (payload.kind === 'digest' && owner.digest === undefined) owner.digest = payload.digest
    else return undefined
    return 'taken'
  },
  write(owner, out, codec) {
    if (owner.payload !== undefined) out.push(writePayload(owner.payload, codec))
    if (owner.digest !== undefined) out.push(writeDigestPayload(owner.digest))
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
      prepared.digest = writeDigestPayload(owner.digest)
      addUsedPrefixes(prepared.digest, used)
    }
    return prepared
  },
  has: (_owner, prepared) => prepared !== undefined,
  text(t, _owner, prepared) {
    if (prepared === undefined) return
    const p = prepared as PreparedPayload
    if (p.resource !== undefined) {
      t.start(PAYLOAD, p.attributes)
      t.tree(PAYLOAD_PARENT, 'sdata', p.resource)
      t.end(PAYLOAD)
    }
    if (p.digest !== undefined) t.tree(ATOM_PARENT, '', p.digest)
  },
}
