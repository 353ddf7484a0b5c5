// The SData JSON mapping derived from an owner description (docs/schema.md): each member's JSON members, by what the
// member is, in the description's JSON order, then `$attributes`; members the mapping does not model kept (SData 2.0
// §04-0500). The XML side of the description never loads this module, so the XML codecs stay free of the mapping.
import * as t from 'io-ts'
import {
  encodeExtensions,
  keptAttributes,
  nonEmpty,
  readAttributes,
  readExtensions,
  withJsonMembers,
  withKept,
} from '../../codec/json/kept'
import {
  type Ctx,
  type Errs,
  fail,
  type JsonRecord,
  at as jsonAt,
  member,
  optArray,
  optString,
  readObject,
} from '../../codec/json/read'
import { compileJsonReader, compileJsonWriter } from '../../codec/schema/json'
import type { JsonMembers, Link } from '../model'
import { compileAttributeElementJson } from '../schema/attributes'
import type { Owner } from '../schema/children'
import { compileGroupJson } from '../schema/group'
import { emptyOwner, inJsonOrder, type MemberCodec, type MemberKind, type OwnerDescription } from '../schema/owner'
import { encodeDiagnosesOf, readDiagnosesOf } from './diagnosis'
import { encodeDigest, readDigest } from './digest'
import { splitMembers, withMembers } from './members'
import { PAYLOAD_JSON_KEYS, payloadJson, readPayloadJson } from './resource'

/**
 * What the JSON reader of an owner hands its members beside the known members: the raw object (for `$name`) and the
 * native properties (SData 2.0 resources), which a member that takes them clears.
 */
interface JsonReading {
  readonly raw: JsonRecord
  native: JsonMembers | undefined
}

type AnyOwner = Record<string, any>

/** The JSON side of one member: its member names, reader and writer (which may return a new object). */
interface MemberJson {
  readonly keys: readonly string[]
  readonly read: (errs: Errs, o: JsonRecord, c: Ctx, owner: AnyOwner, codec: MemberCodec, r: JsonReading) => void
  readonly write: (owner: AnyOwner, out: Record<string, unknown>, codec: MemberCodec) => Record<string, unknown>
}

// The .NET client writes paging links as `$first`, `$next`, … string members; they are read after `$links`.
const SHORTHAND_RELS = ['self', 'first', 'previous', 'next', 'last'] as const

/** A described element held once, as `$key`. */
function elementJson(key: string, d: Parameters<typeof compileJsonReader>[0]): MemberJson {
  const read = compileJsonReader(d)
  const write = compileJsonWriter(d)
  const json = `$${key}`
  return {
    keys: [json],
    read(errs, o, c, owner) {
      const raw = member(o, json)
      if (raw === undefined) return
      const v = read(errs, raw, jsonAt(c, json, t.unknown, raw))
      if (v !== undefined) owner[key] = v
    },
    write(owner, out) {
      if (owner[key] !== undefined) out[json] = write(owner[key])
      return out
    },
  }
}

/** The JSON side of a member, by what it is. */
function memberJson(is: MemberKind): MemberJson {
  switch (is.kind) {
    case 'group': {
      const g = compileGroupJson(is.group)
      return {
        keys: g.jsonKeys,
        read: (errs, o, c, owner) => g.readJson(errs, o, c, owner),
        write(owner, out) {
          g.writeJson(owner, out)
          return out
        },
      }
    }
    case 'links': {
      const links = compileAttributeElementJson<Link>(is.element)
      return {
        keys: ['$links', ...SHORTHAND_RELS.map((rel) => `$${rel}`)],
        read(errs, o, c, owner) {
          const out = optArray(errs, o, '$links', c, (v, vc) => links.readJson(errs, v, vc)) ?? []
          for (const rel of SHORTHAND_RELS) {
            const href = optString(errs, o, `$${rel}`, c)
            if (href !== undefined) out.push({ rel, href })
          }
          owner.links = out
        },
        write(owner, out) {
          const encoded = nonEmpty((owner.links as Link[] | undefined)?.map(links.writeJson))
          if (encoded !== undefined) out.$links = encoded
          return out
        },
      }
    }
    case 'element':
      return elementJson(is.key, is.element)
    case 'payload':
      return {
        keys: [...PAYLOAD_JSON_KEYS, '$digest'],
        read(errs, o, c, owner, codec, r) {
          const payload = readPayloadJson(errs, o, c, codec, r.native, member(r.raw, '$name'))
          if (payload !== undefined) owner.payload = payload
          // Native properties are the resource's only when they made it.
          if (payload?.properties !== undefined) r.native = undefined
          const raw = member(o, '$digest')
          if (raw === undefined) return
          const digest = readDigest(errs, raw, jsonAt(c, '$digest', t.unknown, raw))
          if (digest !== undefined) owner.digest = digest
        },
        write(owner, out, codec) {
          const json = owner.payload === undefined ? out : payloadJson(out, owner.payload, codec)
          if (owner.digest !== undefined) json.$digest = encodeDigest(owner.digest)
          return json
        },
      }
    case 'diagnoses':
      return {
        keys: ['$diagnoses', '$diagnosis', '$diagnosesWrappers'],
        read: (errs, o, c, owner) => Object.assign(owner, readDiagnosesOf(errs, o, c)),
        write: (owner, out) => Object.assign(out, encodeDiagnosesOf(owner as never)),
      }
    case 'entries': {
      const entry = is.entry
      return {
        keys: ['$resources'],
        read(errs, o, c, owner, codec) {
          if (member(o, '$resources') === undefined) {
            fail(
              errs,
              o,
              jsonAt(c, '$resources', t.UnknownArray, undefined),
              '$resources is missing (SData 2.0 requires it)',
            )
          }
          const json = ownerJson(entry)
          owner.entries = optArray(errs, o, '$resources', c, (v, vc) => json.read(errs, v, vc, codec)) ?? []
        },
        write(owner, out, codec) {
          const json = ownerJson(entry)
          out.$resources = (owner.entries as object[]).map((e) => json.write(e, codec))
          return out
        },
      }
    }
    case 'extensions':
      return {
        keys: ['$extensions'],
        read(errs, o, c, owner) {
          owner.extensions = readExtensions(errs, o, c)
        },
        write(owner, out) {
          const encoded = encodeExtensions(owner.extensions)
          if (encoded !== undefined) out.$extensions = encoded
          return out
        },
      }
  }
}

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
  const members = inJsonOrder(d).map((m) => memberJson(m.is))
  const keys: ReadonlySet<string> = new Set([...members.flatMap((m) => m.keys), '$attributes'])
  const empty = emptyOwner(d)
  const native = d.native === true
  const out: OwnerJson<O> = {
    read(errs, u, c, codec) {
      const raw = readObject(errs, u, c, d.what)
      if (raw === undefined) return undefined
      const { view: o, kept, native: properties } = splitMembers(errs, raw, c, keys, native)
      const owner = empty()
      const reading: JsonReading = { raw, native: properties }
      for (const m of members) m.read(errs, o, c, owner as AnyOwner, codec, reading)
      // Native properties no member took stay with the owner, before the other kept members.
      const rest = reading.native !== undefined ? { ...reading.native, ...kept } : kept
      return withJsonMembers(withKept(owner, undefined, readAttributes(errs, o, c)), rest)
    },
    write(owner, codec) {
      let json: Record<string, unknown> = {}
      for (const m of members) json = m.write(owner as AnyOwner, json, codec)
      const attributes = keptAttributes(owner)
      if (attributes !== undefined) json.$attributes = attributes
      return withMembers(json, owner.jsonMembers)
    },
  }
  compiled.set(d, out)
  return out
}
