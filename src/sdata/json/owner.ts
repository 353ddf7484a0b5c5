// The SData JSON mapping derived from an owner description (docs/schema.md): an Atom feed's or entry's members in
// their JSON order, then `$attributes`; members the mapping does not model kept (SData 2.0 §04-0500).
import { keptAttributes, readAttributes, withJsonMembers, withKept } from '../../codec/json/kept'
import { type Ctx, type Errs, readObject } from '../../codec/json/read'
import type { JsonMembers } from '../model'
import type { Owner } from '../schema/children'
import { emptyOwner, type JsonReading, jsonMembers, type MemberCodec, type OwnerDescription } from '../schema/owner'
import { splitMembers, withMembers } from './members'

/** The JSON reader and writer of an owner, built once per description. */
export interface OwnerJson<O> {
  /** Reads an owner's JSON form; errors recorded with their JSON path. */
  readonly read: (errs: Errs, u: unknown, c: Ctx, codec: MemberCodec) => O | undefined
  /** Writes an owner's JSON form. */
  readonly write: (owner: O, codec: MemberCodec) => Record<string, unknown>
}

type JsonOwner = Owner & { jsonMembers?: JsonMembers }

const compiled = new WeakMap<OwnerDescription<any>, OwnerJson<any>>()

/**
 * The JSON mapping of an owner, compiled on first use and cached.
 *
 * @example
 * ```ts
 * ownerJson(ENTRY).write(entry, undefined) // { $id: '…', $syncState: {…}, … }
 * ```
 */
export function ownerJson<O extends JsonOwner>(d: OwnerDescription<O>): OwnerJson<O> {
  const known = compiled.get(d)
  if (known !== undefined) return known as OwnerJson<O>
  const members = jsonMembers(d)
  const keys: ReadonlySet<string> = new Set([...members.flatMap((m) => m.jsonKeys), '$attributes'])
  const empty = emptyOwner(d)
  const native = d.native === true
  const out: OwnerJson<O> = {
    read(errs, u, c, codec) {
      const raw = readObject(errs, u, c, d.what)
      if (raw === undefined) return undefined
      const { view: o, kept, native: properties } = splitMembers(errs, raw, c, keys, native)
      const owner = empty()
      const reading: JsonReading = { raw, native: properties }
      for (const m of members) m.readJson(errs, o, c, owner, codec, reading)
      // Native properties no member took stay with the owner, before the other kept members.
      const rest = reading.native !== undefined ? { ...reading.native, ...kept } : kept
      return withJsonMembers(withKept(owner, undefined, readAttributes(errs, o, c)), rest)
    },
    write(owner, codec) {
      let json: Record<string, unknown> = {}
      for (const m of members) json = m.writeJson(owner, json, codec)
      const attributes = keptAttributes(owner)
      if (attributes !== undefined) json.$attributes = attributes
      return withMembers(json, owner.jsonMembers)
    },
  }
  compiled.set(d, out)
  return out
}
