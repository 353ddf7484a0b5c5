// The fast-check arbitraries derived from the descriptions of leaf groups and attribute elements (docs/schema.md):
// the OpenSearch figures, the `http:*` results and the Atom link are generated from the members they describe.
import fc from 'fast-check'
import { TextValue, type ValueType } from '../../codec/values'
import type { AttributeElement } from '../../sdata/schema/attributes'
import type { LeafGroup } from '../../sdata/schema/group'
import type { SDataArbitraryOptions } from './sdata-common'
import type { MemberArbitraries } from './sdata-schema'
import { valueArbitrary } from './values'

/** A record of one arbitrary per member (a value type's, unless overridden), `required` always set. */
function members(
  list: readonly { key: string; type: ValueType<any> }[],
  required: readonly string[],
  overrides: MemberArbitraries,
  options: SDataArbitraryOptions,
): fc.Arbitrary<Record<string, unknown>> {
  const arbs: Record<string, fc.Arbitrary<unknown>> = {}
  for (const m of list) arbs[m.key] = overrides[m.key] ?? valueArbitrary(m.type, options)
  return fc.record(arbs, { requiredKeys: [...required] })
}

/**
 * The values of a leaf group's sub-object (its `into` member): each leaf sometimes, at least one; a member's
 * arbitrary may be overridden.
 *
 * @example
 * ```ts
 * fc.sample(arbitraryOfGroup<OpenSearch>(OPENSEARCH), 1) // e.g. [{ totalResults: 3 }]
 * ```
 */
export function arbitraryOfGroup<A>(g: LeafGroup, overrides: MemberArbitraries = {}): fc.Arbitrary<A> {
  return members(g.leaves, [], overrides, {}).filter((v) => Object.keys(v).length > 0) as fc.Arbitrary<A>
}

/**
 * The values of an attribute element: required attributes always, the others sometimes; each attribute's arbitrary
 * is any XML-safe text unless overridden.
 *
 * @example
 * ```ts
 * fc.sample(arbitraryOfAttributes<Link>(LINK, { rel: fc.constant('next') }), 1)
 * ```
 */
export function arbitraryOfAttributes<A>(d: AttributeElement, overrides: MemberArbitraries = {}): fc.Arbitrary<A> {
  const list = d.attributes.map((a) => ({ key: a.key, type: TextValue }))
  const required = d.attributes.filter((a) => a.required).map((a) => a.key)
  return members(list, required, overrides, {}) as fc.Arbitrary<A>
}
