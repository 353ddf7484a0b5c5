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
 * A codec kit description (`describedOf(record(…))`, `describedOf(element(…, record(…)))`) gives the codec's values:
 * attributes and text by their value types, codec children by their codec (its own description, recursively; the
 * string codec of a `text()` child; any element for `anyElement`), kept unknown content as a read keeps it, namespace
 * declarations included, so each value is written as well-formed XML and read back equal. A codec it cannot derive
 * values for is taken from `options.codecs` (by the codec object) or `overrides` (by member); without one, building
 * the arbitrary throws a `TypeError` naming the field: a programming error, reported when the test is written.
 *
 * @throws TypeError when a kit field's codec has no arbitrary (none derived, none given).
 * @example
 * ```ts
 * fc.sample(arbitraryOf(SYNC_STATE, {}, { endpoint: arbEndpoint() }), 1)
 * const Rule = element(qname(null, 'Rule'), record({ name: attribute(qname(null, 'name'), t.string), body: textContent(t.string) }))
 * fc.sample(arbitraryOf(describedOf<ElementDescription<t.TypeOf<typeof Rule>>>(Rule)!), 1) // e.g. [{ name: 'a&', body: '' }]
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
