// The fast-check arbitrary derived from an SData element description (docs/schema.md): one record member per child,
// as the description's cardinality says, with kept extensions, attributes and namespace variants when it keeps them.
import fc from 'fast-check'
import type { ElementDescription } from '../../codec/schema/describe'
import {
  BooleanValue,
  DecimalValue,
  IntegerValue,
  NonNegativeIntegerValue,
  StampValue,
  TextValue,
  type ValueType,
} from '../../codec/values'
import {
  arbForeignExtensions,
  arbStamp,
  arbXmlText,
  type SDataArbitraryOptions,
  withRootAttributes,
  withStateExtras,
} from './sdata-common'

/**
 * Arbitraries that replace the derived ones for some members of a value (a member's arbitrary before `null` is
 * added for a nillable child).
 *
 * @example
 * ```ts
 * const overrides: MemberArbitraries = { severity: fc.constantFrom('Error', 'Warning') }
 * ```
 */
export type MemberArbitraries = { readonly [member: string]: fc.Arbitrary<unknown> }

/** The arbitrary of each value type: every value it generates writes and reads back equal. */
function valueArbitrary(type: ValueType<unknown>, options: SDataArbitraryOptions): fc.Arbitrary<unknown> {
  if (type === TextValue) return arbXmlText()
  if (type === NonNegativeIntegerValue) return fc.nat()
  if (type === IntegerValue) return fc.integer({ min: -1000, max: 1000 })
  if (type === StampValue) return arbStamp(options)
  if (type === DecimalValue) return fc.stringMatching(/^[0-9]{1,3}(\.[0-9]{1,2})?$/)
  if (type === BooleanValue) return fc.boolean()
  throw new Error(`no arbitrary for the value type ${type.name}`)
}

/**
 * The arbitrary of a description's values: required children and those with a default always set, optional ones
 * sometimes, nillable ones sometimes `null`, repeated ones as arrays; `extensions` (foreign elements) and
 * `attributes` as `options` asks (`stateExtensions`, `foreignElements`, `rootAttributes`).
 *
 * @example
 * ```ts
 * fc.sample(arbitraryOf(SYNC_STATE, {}, { endpoint: arbEndpoint() }), 1)
 * ```
 */
export function arbitraryOf<A>(
  d: ElementDescription<A>,
  options: SDataArbitraryOptions = {},
  overrides: MemberArbitraries = {},
): fc.Arbitrary<A> {
  const members: Record<string, fc.Arbitrary<unknown>> = {}
  const required: string[] = []
  if (d.namespaces !== undefined) {
    members.namespace = fc.constantFrom(d.namespace, ...d.namespaces)
    required.push('namespace')
  }
  for (const c of d.children) {
    const own = overrides[c.key]
    if (c.kind === 'many') {
      members[c.key] = own ?? fc.array(arbitraryOf(c.element, options), { maxLength: 4 })
      required.push(c.key)
      continue
    }
    const arb = own ?? valueArbitrary(c.type, options)
    members[c.key] = c.nillable ? fc.option(arb, { nil: null }) : arb
    if (c.occurs !== 'optional') required.push(c.key)
  }
  if (d.extensions === 'always') {
    members.extensions = arbForeignExtensions(options)
    required.push('extensions')
  }
  const record = fc.record(members, { requiredKeys: required }) as unknown as fc.Arbitrary<A & object>
  if (d.extensions === 'optional') {
    // Foreign children when `stateExtensions`, and root attributes when `rootAttributes` and the element keeps them.
    return withStateExtras(record, d.attributes ? options : { ...options, rootAttributes: false }) as fc.Arbitrary<A>
  }
  return (d.attributes ? withRootAttributes(record, options) : record) as fc.Arbitrary<A>
}
