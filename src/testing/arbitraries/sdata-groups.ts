// The fast-check arbitraries derived from the descriptions of leaf groups and attribute elements (docs/schema.md):
// the OpenSearch figures, the `http:*` results and the Atom link are generated from the members they describe.
import fc from 'fast-check'
import { TextValue } from '../../codec/values'
import type { AttributeElement } from '../../sdata/schema/attributes'
import type { LeafGroup } from '../../sdata/schema/group'
import type { SDataArbitraryOptions } from './sdata-common'
import { type MemberArbitraries, valueArbitrary } from './sdata-schema'

/**
 * The values of a leaf group's sub-object (its `into` member): each leaf sometimes, at least one; a member's
 * arbitrary may be overridden.
 *
 * @example
 * ```ts
 * fc.sample(arbitraryOfGroup<OpenSearch>(OPENSEARCH), 1) // e.g. [{ totalResults: 3 }]
 * ```
 */
export function arbitraryOfGroup<A>(
  g: LeafGroup,
  overrides: MemberArbitraries = {},
  options: SDataArbitraryOptions = {},
): fc.Arbitrary<A> {
  const members: Record<string, fc.Arbitrary<unknown>> = {}
  for (const l of g.leaves) members[l.key] = overrides[l.key] ?? valueArbitrary(l.type, options)
  return fc.record(members, { requiredKeys: [] }).filter((v) => Object.keys(v).length > 0) as unknown as fc.Arbitrary<A>
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
export function arbitraryOfAttributes<A>(
  d: AttributeElement,
  overrides: MemberArbitraries = {},
  options: SDataArbitraryOptions = {},
): fc.Arbitrary<A> {
  const members: Record<string, fc.Arbitrary<unknown>> = {}
  for (const a of d.attributes) members[a.key] = overrides[a.key] ?? valueArbitrary(TextValue, options)
  const required = d.attributes.filter((a) => a.required).map((a) => a.key)
  return fc.record(members, { requiredKeys: required }) as unknown as fc.Arbitrary<A>
}
