// The fast-check arbitrary derived from an SData element description (docs/schema.md): one record member per child,
// as the description's cardinality says, with kept extensions, attributes and namespace variants when it keeps them.
import fc from 'fast-check'
import type { ElementDescription } from '../../codec/schema/describe'
import { describedMembers, type MemberArbitraries } from './described'
import { type KitArbitraryOptions, kitContent } from './kit'
import { arbForeignExtensions, type SDataArbitraryOptions, withRootAttributes, withStateExtras } from './sdata-common'
import { valueArbitrary } from './values'

export type { MemberArbitraries } from './described'
export type { KitArbitraryOptions } from './kit'

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
  options: SDataArbitraryOptions & KitArbitraryOptions = {},
  overrides: MemberArbitraries = {},
): fc.Arbitrary<A> {
  if (d.unknown !== undefined) return kitContent(d, options, overrides)
  const { members, required } = describedMembers(d as ElementDescription<unknown>, (c) => {
    const own = overrides[c.key]
    if (c.kind === 'many') return own ?? fc.array(arbitraryOf(c.element, options), { maxLength: 4 })
    if (c.kind === 'one') return own ?? arbitraryOf(c.element, options)
    if (c.kind === 'list') {
      if (own !== undefined || c.items.length !== 1) return own
      return fc.array(arbitraryOf(c.items[0]!, options), { maxLength: 4 })
    }
    if (c.kind === 'codec') return own
    const arb = own ?? valueArbitrary(c.type, options)
    return c.nillable ? fc.option(arb, { nil: null }) : arb
  })
  // The namespace first, as the readers set it.
  const all: Record<string, fc.Arbitrary<unknown>> = d.namespaces === undefined
    ? members
    : { namespace: fc.constantFrom(d.namespace, ...d.namespaces), ...members }
  if (d.namespaces !== undefined) required.unshift('namespace')
  if (d.extensions === 'always') {
    all.extensions = arbForeignExtensions(options)
    required.push('extensions')
  }
  const record = fc.record(all, { requiredKeys: required }) as unknown as fc.Arbitrary<A & object>
  if (d.extensions === 'optional') {
    // Foreign children when `stateExtensions`, and root attributes when `rootAttributes` and the element keeps them.
    return withStateExtras(record, d.attributes ? options : { ...options, rootAttributes: false }) as fc.Arbitrary<A>
  }
  return (d.attributes ? withRootAttributes(record, options) : record) as fc.Arbitrary<A>
}
