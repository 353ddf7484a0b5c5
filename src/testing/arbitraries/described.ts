// The fast-check record derived from an element description (docs/schema.md): one member per child, present as the
// child's cardinality says. Shared by the SData and FILESYNC arbitraries, which say what each member's values are.
import fc from 'fast-check'
import type { Child, ElementDescription } from '../../codec/schema/describe'

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

/**
 * The members of a description's values: `member` gives each child's arbitrary (`undefined` leaves the child out);
 * required leaves, leaves with a default and repeated children are always present, the others sometimes.
 *
 * @example
 * ```ts
 * const { members, required } = describedMembers(SYNC_STATE, (c) => arbitraryFor(c))
 * fc.record(members, { requiredKeys: required })
 * ```
 */
export function describedMembers(
  d: ElementDescription<unknown>,
  member: (c: Child) => fc.Arbitrary<unknown> | undefined,
): { members: Record<string, fc.Arbitrary<unknown>>; required: string[] } {
  const members: Record<string, fc.Arbitrary<unknown>> = {}
  const required: string[] = []
  for (const c of d.children) {
    const arb = member(c)
    if (arb === undefined) continue
    members[c.key] = arb
    if (c.kind === 'many' || (c.kind === 'leaf' && c.occurs !== 'optional')) required.push(c.key)
  }
  return { members, required }
}

/**
 * The record of a description's values, each member as {@link describedMembers} gives it.
 *
 * @example
 * ```ts
 * fc.sample(describedRecord(CUSTOM_IDENTITY_DESCRIPTION, () => fc.string()), 1) // [{ name: '…' }]
 * ```
 */
export function describedRecord<A>(
  d: ElementDescription<A>,
  member: (c: Child) => fc.Arbitrary<unknown> | undefined,
): fc.Arbitrary<A> {
  const { members, required } = describedMembers(d as ElementDescription<unknown>, member)
  return fc.record(members, { requiredKeys: required }) as unknown as fc.Arbitrary<A>
}
