// The FILESYNC client policy document (`PolicyDocument` of `Rule name= value=` elements) as an io-ts codec.
// MS-FILESYNC 3.1.3 (policy requests); shape from public client code (no sample exists, docs/decisions.md#f13).

import * as t from 'io-ts'
import { fromXml } from '../../codec/document'
import {
  attribute,
  children,
  type ElementCodec,
  element,
  mapCodec,
  optionalAttribute,
  record,
  unknownAttributes,
  unknownChildren,
} from '../../codec/element'
import { qname } from '../../codec/names'
import type { XmlInput } from '../../xml/encoding'
import type { XmlAttribute, XmlElement } from '../../xml/types'

/**
 * One `Rule` of the policy. Rules are data: names such as `__proto__` or `constructor` are plain strings.
 *
 * @example
 * ```ts
 * const rule: PolicyRule = { name: 'ItemCount', value: '500' }
 * ```
 */
export interface PolicyRule {
  /** The `name` attribute, as read. */
  name: string
  /** The `value` attribute, as read; absent when the rule has none. */
  value?: string
  /** Other attributes of the rule, kept and written back (before `name` and `value`). */
  attributes?: XmlAttribute[]
  /** Child elements of the rule (none are known), kept and written back. */
  extensions?: XmlElement[]
}

/**
 * The client policy: its rules in document order (duplicates kept), plus anything else the document holds.
 *
 * @example
 * ```ts
 * const policy: Policy = { rules: [{ name: 'DownloadUrlTemplate', value: '{0}/download.aspx?UniqueId={1}' }] }
 * ```
 */
export interface Policy {
  /** The `Rule` elements, in order. */
  rules: PolicyRule[]
  /** Attributes of `PolicyDocument` (namespace declarations included), kept and written back. */
  attributes?: XmlAttribute[]
  /** Child elements other than `Rule`, kept and written back after the rules. */
  extensions?: XmlElement[]
}

// Every codec of this module is built inside one function, called once below under a pure annotation: a bundle
// that uses only the URL or header helpers of `syncwire/filesync` then drops the policy codec, and the codec kit
// and XML parser it would pull in.
function policyDocumentElement(): t.Type<Policy, XmlElement, XmlElement> {
  const name = (local: string) => qname(null, local)

  const RuleRecord = record(
    {
      attributes: unknownAttributes(),
      name: attribute(name('name'), t.string),
      value: optionalAttribute(name('value'), t.string),
      extensions: unknownChildren(),
    },
    'Rule',
  )

  const Rule: ElementCodec<PolicyRule> = mapCodec(
    RuleRecord,
    (r) => {
      const rule: PolicyRule = { name: r.name }
      if (r.value !== undefined) rule.value = r.value
      if (r.attributes.length > 0) rule.attributes = r.attributes
      if (r.extensions.length > 0) rule.extensions = r.extensions
      return rule
    },
    (rule) => ({
      attributes: rule.attributes ?? [],
      name: rule.name,
      ...(rule.value === undefined ? {} : { value: rule.value }),
      extensions: rule.extensions ?? [],
    }),
    'Rule',
  )

  const PolicyRecord = record(
    {
      attributes: unknownAttributes(),
      rules: children(name('Rule'), Rule),
      extensions: unknownChildren(),
    },
    'PolicyDocument',
  )

  return element(
    name('PolicyDocument'),
    mapCodec(
      PolicyRecord,
      (r) => {
        const policy: Policy = { rules: r.rules }
        if (r.attributes.length > 0) policy.attributes = r.attributes
        if (r.extensions.length > 0) policy.extensions = r.extensions
        return policy
      },
      (p) => ({ attributes: p.attributes ?? [], rules: p.rules, extensions: p.extensions ?? [] }),
      'PolicyDocument',
    ),
    'PolicyDocument',
  )
}

/**
 * The `PolicyDocument` element codec (for composing; most users want {@link PolicyXml}).
 *
 * @example
 * ```ts
 * const el = PolicyDocumentElement.encode({ rules: [{ name: 'ItemCount', value: '500' }] })
 * ```
 */
export const PolicyDocumentElement: t.Type<Policy, XmlElement, XmlElement> = /*#__PURE__*/ policyDocumentElement()

/**
 * The client policy (`GET …/_api/SPFileSync/sync/<list id>/policy/`) as XML text ↔ {@link Policy}. A `Rule`
 * without `name` is an error at `/PolicyDocument/Rule[n]/@name`; unknown attributes and elements are kept.
 * The document's namespace is not public: this codec reads and writes `PolicyDocument` in no namespace, as all
 * Web3S bodies seen are.
 *
 * @example
 * ```ts
 * const r = PolicyXml.decode('<PolicyDocument><Rule name="ItemCount" value="500"/></PolicyDocument>')
 * // E.isRight(r) && policyRule(r.right, 'ItemCount') === '500'
 * ```
 */
export const PolicyXml: t.Type<Policy, string, XmlInput> = /*#__PURE__*/ fromXml(PolicyDocumentElement, {}, 'PolicyXml')

/**
 * The rules as a `Map` from name to value (the first rule of a name wins; rules without a value are left out).
 * A `Map`, so that rule names such as `__proto__` stay plain keys.
 *
 * @example
 * ```ts
 * policyRules({ rules: [{ name: 'ItemCount', value: '500' }] }).get('ItemCount') // '500'
 * ```
 */
export function policyRules(policy: Policy): ReadonlyMap<string, string> {
  const map = new Map<string, string>()
  for (const rule of policy.rules) {
    if (rule.value !== undefined && !map.has(rule.name)) map.set(rule.name, rule.value)
  }
  return map
}

/**
 * The value of the first rule named `name` that has a value.
 *
 * @example
 * ```ts
 * policyRule({ rules: [{ name: 'DownloadUrlTemplate', value: '{0}' }] }, 'DownloadUrlTemplate') // '{0}'
 * ```
 */
export function policyRule(policy: Policy, name: string): string | undefined {
  for (const rule of policy.rules) if (rule.name === name && rule.value !== undefined) return rule.value
  return undefined
}
