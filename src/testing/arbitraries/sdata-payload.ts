// fast-check arbitraries for SData payloads: contract resources with nested property trees in the XML layer's shape
// (sync §4.2–§4.4, §5.3, core §3.10/§3.11), generating only values that the SData codecs encode and decode back unchanged.
import fc from 'fast-check'
import { BooleanValue } from '../../codec/values'
import type { PayloadResource } from '../../sdata/model'
import { RESOURCE_ATTRIBUTES } from '../../sdata/resource-attributes'
import type { XmlAttribute, XmlElement, XmlNode } from '../../xml/types'
import { XMLNS_NAMESPACE } from '../../xml/types'

import { arbUuid, arbXmlText, SDATA, type SDataArbitraryOptions, XSI } from './sdata-common'
import type { MemberArbitraries } from './sdata-schema'
import { valueArbitrary } from './values'

export const CONTRACT_NAMES = [
  'account',
  'salesOrder',
  'name',
  'orderLines',
  'salesOrderLine',
  'qty',
  'contact',
  'constructor',
  '__proto__',
]

export interface PayloadNodeShape {
  localName: string
  foreign: boolean
  nil: boolean
  uuid: string | undefined
  deleted: boolean
  deleteMissing: boolean | undefined
  attrValue: string | undefined
  text: string
  children: PayloadNodeShape[]
}

export function arbPayloadNode(depth: number): fc.Arbitrary<PayloadNodeShape> {
  return fc.record({
    localName: fc.constantFrom(...CONTRACT_NAMES),
    foreign: fc.boolean(),
    nil: fc.boolean(),
    uuid: fc.option(fc.uuid(), { nil: undefined }),
    deleted: fc.boolean(),
    deleteMissing: fc.option(fc.boolean(), { nil: undefined }),
    attrValue: fc.option(arbXmlText(8), { nil: undefined }),
    text: arbXmlText(),
    children: depth <= 0 ? fc.constant([]) : fc.array(arbPayloadNode(depth - 1), { maxLength: 3 }),
  })
}

export function buildNode(shape: PayloadNodeShape, ns: string, prefix: string | null): XmlElement {
  const attributes: XmlAttribute[] = []
  let elNs = ns
  let elPrefix = prefix
  if (shape.foreign) {
    elNs = 'urn:x-payload-foreign'
    elPrefix = 'pf'
    attributes.push({ namespace: XMLNS_NAMESPACE, localName: 'pf', prefix: 'xmlns', value: elNs })
  }
  if (shape.attrValue !== undefined)
    attributes.push({ namespace: null, localName: 'code', prefix: null, value: shape.attrValue })
  if (shape.uuid !== undefined)
    attributes.push({ namespace: SDATA, localName: 'uuid', prefix: 'sdata', value: shape.uuid })
  if (shape.deleted) attributes.push({ namespace: SDATA, localName: 'isDeleted', prefix: 'sdata', value: 'true' })
  if (shape.deleteMissing !== undefined) {
    attributes.push({
      namespace: SDATA,
      localName: 'deleteMissing',
      prefix: 'sdata',
      value: String(shape.deleteMissing),
    })
  }
  let children: XmlNode[] = []
  if (shape.children.length > 0) children = shape.children.map((c) => buildNode(c, elNs, elPrefix))
  else if (shape.nil) attributes.push({ namespace: XSI, localName: 'nil', prefix: 'xsi', value: 'true' })
  else if (shape.text !== '') children = [{ type: 'text', value: shape.text }]
  return { type: 'element', namespace: elNs, localName: shape.localName, prefix: elPrefix, attributes, children }
}

/**
 * The lifted fields of a resource, one per attribute of `RESOURCE_ATTRIBUTES`: a boolean always (false is its
 * default), text sometimes; a field's arbitrary may be overridden.
 */
function arbLifted(overrides: MemberArbitraries): fc.Arbitrary<Record<string, unknown>> {
  const members: Record<string, fc.Arbitrary<unknown>> = {}
  for (const l of RESOURCE_ATTRIBUTES) members[l.key] = overrides[l.key] ?? valueArbitrary(l.type, {})
  const required = RESOURCE_ATTRIBUTES.filter((l) => l.type === BooleanValue).map((l) => l.key)
  return fc.record(members, { requiredKeys: required })
}

/**
 * The resource element of a payload, with the SData attributes lifted into fields as the codec reads it: a tree in a
 * contract namespace (any prefix, declared on the resource), with nested references (`sdata:uuid`), deleted
 * children, `sdata:deleteMissing` lists, `xsi:nil`, foreign elements and Unicode text.
 *
 * @example
 * ```ts
 * fc.sample(arbPayloadResource(), 1)
 * ```
 */
export function arbPayloadResource(options: SDataArbitraryOptions = {}): fc.Arbitrary<PayloadResource> {
  const contract = fc.constantFrom<[string, string | null]>(
    ['http://schemas.sage.com/myContract', null],
    ['http://schemas.sage.com/crmErp/2008', 'crm'],
    ['urn:x-contract', 'c'],
  )
  return fc
    .tuple(
      contract,
      fc.constantFrom('account', 'salesOrder', 'contact'),
      fc.array(arbPayloadNode(Math.max(0, (options.maxPayloadDepth ?? 3) - 1)), { maxLength: 4 }),
      arbLifted({
        uuid: arbUuid(),
        key: arbXmlText(8),
        url: fc.webUrl(),
        lookup: fc.webUrl(),
      }),
    )
    .map(([[ns, prefix], localName, kids, lifted]) => {
      const decl: XmlAttribute =
        prefix === null
          ? { namespace: XMLNS_NAMESPACE, localName: 'xmlns', prefix: null, value: ns }
          : { namespace: XMLNS_NAMESPACE, localName: prefix, prefix: 'xmlns', value: ns }
      const element: XmlElement = {
        type: 'element',
        namespace: ns,
        localName,
        prefix,
        attributes: [decl],
        children: kids.map((k) => buildNode(k, ns, prefix)),
      }
      return { ...lifted, element } as PayloadResource
    })
}
