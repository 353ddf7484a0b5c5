// The SData parts of the JSON members a mapping keeps: the members SData's encoders leave out when empty, and the XML
// element a resource's native properties stand for. Implements SData 2.0 §04-0300/§04-0500: native properties sit
// beside the `$` members, and any member may be `null`. The generic keeping of members is in src/codec/json/members.ts.

import { MAX_ELEMENT_DEPTH } from '../../codec/json/element'
import { splitMembers as splitAny } from '../../codec/json/members'
import type { Ctx, Errs, JsonRecord } from '../../codec/json/read'
import type { XmlAttribute, XmlElement, XmlNode } from '../../xml/types'
import type { JsonMembers, JsonValue } from '../model'
import { SDATA_NS, XSI_NS } from '../namespaces'
import { TEXT_ATTRIBUTES } from '../resource-attributes'
import { nsAttr } from '../tree'

export { withMembers, withNative } from '../../codec/json/members'

// Members the encoders leave out when empty or false, so a `[]` or `false` read is kept to be written back.
const LEFT_OUT: ReadonlySet<string> = new Set(['$links', '$diagnoses', '$extensions', '$isDeleted'])

/**
 * An SData object split by what the mapping models (see the generic `splitMembers`), with the members SData's
 * encoders leave out when empty or false (`$links: []`, `$diagnoses: []`, `$extensions: []`, `$isDeleted: false`)
 * kept to be written back.
 *
 * @example
 * ```ts
 * splitMembers(errs, { $etag: null, Title: 'T' }, ctx, new Set(['$etag']), true)
 * // { view: {}, kept: { $etag: null }, native: { Title: 'T' } }
 * ```
 */
export const splitMembers = (
  errs: Errs,
  o: JsonRecord,
  context: Ctx,
  known: ReadonlySet<string>,
  nativeAllowed = false,
) => splitAny(errs, o, context, known, nativeAllowed, LEFT_OUT)

const NC_NAME = /^[A-Za-z_][\w.-]*$/
const LIFTED: ReadonlyMap<string, string> = new Map(TEXT_ATTRIBUTES.map((l) => [l.json, l.key]))

function propertyElement(name: string, value: JsonValue, depth: number): XmlElement[] {
  const el: XmlElement = {
    type: 'element',
    namespace: null,
    localName: name,
    prefix: null,
    attributes: [],
    children: [],
  }
  if (value === null) return [{ ...el, attributes: [nsAttr(XSI_NS, 'nil', 'true')] }]
  if (Array.isArray(value)) {
    return [{ ...el, children: value.flatMap((item) => propertyElement(name, item, depth + 1)) }]
  }
  if (typeof value === 'object') {
    return depth >= MAX_ELEMENT_DEPTH ? [el] : [propertiesElement(name, value, depth + 1)]
  }
  const text = String(value)
  return [text === '' ? el : { ...el, children: [{ type: 'text', value: text }] }]
}

/**
 * The XML element a resource's native JSON properties stand for (SData 2.0 §04-0300 read backwards): a scalar is a
 * child with text, `null` a child with `xsi:nil="true"`, an object a child with children, an array a child holding one
 * child per item; `$uuid`, `$key`, `$url`, `$lookup` and `$descriptor` of nested objects become `sdata:` attributes.
 * Names that are not XML names and other `$` members have no XML form and are left out (they stay in the JSON).
 * Elements are in no namespace: JSON names none.
 *
 * @example
 * ```ts
 * propertiesElement('Employee', { Title: 'T', manager: { $key: '7' } })
 * // <Employee><Title>T</Title><manager sdata:key="7"/></Employee>
 * ```
 */
export function propertiesElement(name: string, properties: JsonMembers, depth = 0): XmlElement {
  const attributes: XmlAttribute[] = []
  const children: XmlNode[] = []
  for (const key of Object.keys(properties)) {
    const value = properties[key]!
    const lifted = LIFTED.get(key)
    if (lifted !== undefined) {
      if (typeof value === 'string' && depth > 0) attributes.push(nsAttr(SDATA_NS, lifted, value))
      continue
    }
    if (!NC_NAME.test(key)) continue
    for (const child of propertyElement(key, value, depth)) children.push(child)
  }
  return {
    type: 'element',
    namespace: null,
    localName: NC_NAME.test(name) ? name : 'resource',
    prefix: null,
    attributes,
    children,
  }
}
