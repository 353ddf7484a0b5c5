// The fast-check arbitrary derived from an owner description (docs/schema.md): the record of an Atom feed's or
// entry's members, in their JSON order, the `guard` arrays always there, every other member sometimes.
import fc from 'fast-check'
import { inJsonOrder, type OwnerDescription } from '../../sdata/schema/owner'
import type { SDataArbitraryOptions } from './sdata-common'
import { arbitraryOfAttributes, arbitraryOfGroup } from './sdata-groups'
import { arbitraryOf, type MemberArbitraries } from './sdata-schema'
import { valueArbitrary } from './values'

/**
 * The arbitrary of an owner's values: a leaf group's leaves (or its sub-object, at least one leaf), a list of
 * attribute elements (at most two), a described element as its own description generates it; the members whose
 * values a caller knows best (the payload, the entries, the extensions) and any member overridden come from
 * `overrides`, by value member name; the diagnoses, as one object holding `diagnoses` and `diagnosesWrappers`.
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
  for (const m of inJsonOrder(d)) {
    const is = m.is
    if (is.kind === 'group') {
      const { into, leaves } = is.group
      if (into !== undefined) set(into, () => arbitraryOfGroup(is.group))
      else for (const l of leaves) set(l.key, () => valueArbitrary(l.type, options))
    } else if (is.kind === 'links') {
      set(m.keys[0]!, () => fc.array(arbitraryOfAttributes(is.element), { maxLength: 2 }))
    } else if (is.kind === 'element') set(is.key, () => arbitraryOf(is.element, options))
    else if (is.kind === 'diagnoses') {
      // One arbitrary gives the diagnoses with their wrappers.
      set(m.name, () => undefined)
      spread.push(m.name)
    } else for (const key of m.keys) set(key, () => undefined)
  }
  const record = fc.record(members, { requiredKeys: [...d.guard] })
  if (spread.length === 0) return record as unknown as fc.Arbitrary<O>
  // The diagnoses' values go in place of their one generated member, after the others.
  return record.map((v) => {
    const out: Record<string, unknown> = { ...v }
    for (const name of spread) delete out[name]
    for (const name of spread) Object.assign(out, v[name] as object)
    return out as O
  })
}
