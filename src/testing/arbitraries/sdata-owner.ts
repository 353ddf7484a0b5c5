// The fast-check arbitrary derived from an owner description (docs/schema.md): the record of an Atom feed's or
// entry's members, in their JSON order, the `guard` arrays always there, every other member sometimes.
import fc from 'fast-check'
import { jsonMembers, type OwnerDescription } from '../../sdata/schema/owner'
import type { SDataArbitraryOptions } from './sdata-common'
import { arbitraryOfAttributes, arbitraryOfGroup } from './sdata-groups'
import { arbitraryOf, type MemberArbitraries, valueArbitrary } from './sdata-schema'

/**
 * The arbitrary of an owner's values: a leaf group's leaves (or its sub-object, at least one leaf), a list of
 * attribute elements (at most two), a described element as its own description generates it; a member the
 * description leaves to the caller (the payload, the diagnoses, the entries, the extensions) and any member
 * overridden comes from `overrides`, by value member name (a `spread` member's, by its member name).
 *
 * @example
 * ```ts
 * fc.sample(arbitraryOfOwner(ENTRY, {}, { extensions: fc.constant([]) }), 1)
 * ```
 */
export function arbitraryOfOwner<O>(
  d: OwnerDescription<O>,
  options: SDataArbitraryOptions,
  overrides: MemberArbitraries,
): fc.Arbitrary<O> {
  const members: Record<string, fc.Arbitrary<unknown>> = {}
  const spread: string[] = []
  const set = (key: string, derived: () => fc.Arbitrary<unknown> | undefined) => {
    const arb = overrides[key] ?? derived()
    if (arb !== undefined) members[key] = arb
  }
  for (const m of jsonMembers(d)) {
    const k = m.arbitrary
    if (k.kind === 'group') {
      const { into, leaves } = k.group
      if (into !== undefined) set(into, () => arbitraryOfGroup(k.group))
      else for (const l of leaves) set(l.key, () => valueArbitrary(l.type, options))
    } else if (k.kind === 'attributes') {
      set(m.keys[0]!, () => fc.array(arbitraryOfAttributes(k.element), { maxLength: 2 }))
    } else if (k.kind === 'element') set(m.keys[0]!, () => arbitraryOf(k.element, options))
    else if (k.spread === true) {
      set(m.name, () => undefined)
      spread.push(m.name)
    } else for (const key of m.keys) set(key, () => undefined)
  }
  const record = fc.record(members, { requiredKeys: [...d.guard] })
  if (spread.length === 0) return record as unknown as fc.Arbitrary<O>
  // A spread member's values go in place of its one generated member, after the others.
  return record.map((v) => {
    const out: Record<string, unknown> = { ...v }
    for (const name of spread) delete out[name]
    for (const name of spread) Object.assign(out, v[name] as object)
    return out as O
  })
}
