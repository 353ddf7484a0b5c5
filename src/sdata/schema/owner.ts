// Owner descriptions: an Atom feed or entry described once (docs/schema.md), as the ordered list of its members
// (leaf groups, links, described elements, the payload, the diagnoses, the entries, the kept extensions). The XML
// reader, the tree writer and the guard are derived here; the text writer in ./owner-text.ts, the JSON mapping in
// ./owner-json.ts and the arbitraries in src/testing/arbitraries from the same description.
import type { ElementDescription } from '../../codec/schema/describe'
import type { XmlAttribute, XmlElement, XmlNode } from '../../xml/types'
import type { PayloadCodec } from '../payload'
import type { Path, Problems } from '../read'
import type { TextWriter } from '../text-writer'
import { elem } from '../tree'
import type { AttributeElement } from './attributes'
import { compileChildren, type Owner } from './children'
import type { GroupRead, LeafGroup } from './group'

/** The payload codec an owner's members are read and written with (none: untyped payloads). */
export type MemberCodec = PayloadCodec<any> | undefined

/**
 * What a member is: the data its JSON mapping (src/sdata/json/owner.ts) and its arbitrary
 * (src/testing/arbitraries/sdata-owner.ts) are derived from. A leaf group; the Atom links (a list of attribute
 * elements); a described element held once, as `key`; an entry's payload (a resource or a digest); the diagnoses; a
 * feed's entries (each as `entry` describes it); the kept extensions.
 *
 * @example
 * ```ts
 * const kind: MemberKind = { kind: 'group', group: ATOM_HEAD }
 * ```
 */
export type MemberKind =
  | { readonly kind: 'group'; readonly group: LeafGroup }
  | { readonly kind: 'links'; readonly element: AttributeElement }
  | { readonly kind: 'element'; readonly key: string; readonly element: ElementDescription<any> }
  | { readonly kind: 'payload' }
  | { readonly kind: 'diagnoses' }
  | { readonly kind: 'entries'; readonly entry: OwnerDescription<any> }
  | { readonly kind: 'extensions' }

/**
 * One member of an owner: what it is, the value members it holds, and how it reads its children (those of
 * `namespace` it takes) and writes them as a tree and as text.
 *
 * @example
 * ```ts
 * const m: OwnerMember<SyncEntry> = groupMember('content', ATOM_CONTENT)
 * ```
 */
export interface OwnerMember<O> {
  /** Its name in the description (`jsonOrder` names members by it). */
  readonly name: string
  /** What it is. */
  readonly is: MemberKind
  /** The value members it holds, in order. */
  readonly keys: readonly string[]
  /** The namespace of the children it reads; none for a member that reads no child (the extensions). */
  readonly namespace?: string
  /** Reads a child into the owner (see `ChildPart`). */
  readonly read?: (c: XmlElement, path: Path, problems: Problems, owner: O, codec: MemberCodec) => GroupRead
  /** Pushes its children, as element trees. */
  readonly write: (owner: O, out: XmlNode[], codec: MemberCodec) => void
  /**
   * Before the text is written: builds the trees it writes through the serializer once, and adds the prefixes it
   * uses to `used`. What it returns is handed to `has` and `text`.
   */
  readonly prepare: (owner: O, codec: MemberCodec, used: Set<string>, t: TextWriter) => unknown
  /** Whether it writes any child. */
  readonly has: (owner: O, prepared: unknown) => boolean
  /** Writes its children as text, in the owner's start tag's scope. */
  readonly text: (t: TextWriter, owner: O, prepared: unknown, codec: MemberCodec, used: Set<string>) => void
}

/**
 * The one description of an Atom feed or entry: its name, its members in the order they are written in XML, the
 * order of their JSON members when it differs, and the members that are always arrays (the guard checks them; a
 * fresh value starts with them empty). Children no member takes are kept in `extensions`, attributes other than
 * namespace declarations in `attributes` (`$extensions`, `$attributes` in JSON).
 *
 * @example
 * ```ts
 * const ENTRY: OwnerDescription<SyncEntry> = { namespace: ATOM_NS, name: 'entry', what: 'an entry', members, guard: ['links', 'diagnoses', 'extensions'] }
 * ```
 */
export interface OwnerDescription<O> {
  /** The element's namespace. */
  readonly namespace: string
  /** The element's local name. */
  readonly name: string
  /** Its name in a JSON error (`an entry`). */
  readonly what: string
  /** The members, in written order. */
  readonly members: readonly OwnerMember<O>[]
  /** The members' names in the order of their JSON members, when it is not the written order. */
  readonly jsonOrder?: readonly string[]
  /** Whether its JSON form may hold native properties (SData 2.0 resources). */
  readonly native?: boolean
  /** The members that are always arrays. */
  readonly guard: readonly string[]
}

/** The members of a description in the order of their JSON members. */
export function inJsonOrder<O>(d: OwnerDescription<O>): readonly OwnerMember<O>[] {
  if (d.jsonOrder === undefined) return d.members
  const byName = new Map(d.members.map((m) => [m.name, m]))
  const out = d.jsonOrder.map((name) => byName.get(name))
  if (out.length !== d.members.length || out.some((m) => m === undefined)) {
    throw new Error(`the JSON order of ${d.name} does not name each member once`)
  }
  return out as OwnerMember<O>[]
}

/**
 * The type guard of an owner: an object whose `guard` members are arrays.
 *
 * @example
 * ```ts
 * ownerGuard(ENTRY)({ links: [], diagnoses: [], extensions: [] }) // true
 * ```
 */
export function ownerGuard<O>(d: OwnerDescription<O>): (u: unknown) => u is O {
  const keys = d.guard
  return (u: unknown): u is O => {
    if (typeof u !== 'object' || u === null) return false
    for (const k of keys) if (!Array.isArray((u as Record<string, unknown>)[k])) return false
    return true
  }
}

/** A fresh value of an owner: its `guard` members empty arrays, in their order. */
export function emptyOwner<O>(d: OwnerDescription<O>): () => O {
  const keys = d.guard
  return () => {
    const o: Record<string, unknown[]> = {}
    for (const k of keys) o[k] = []
    return o as O
  }
}

/**
 * The XML reader of an owner: a fresh value, its kept attributes, each child through the members of its namespace;
 * `undefined` when a member found a child broken (the errors are in `problems`).
 *
 * @example
 * ```ts
 * compileOwnerReader(ENTRY)(el, path, problems, codec) // SyncEntry | undefined
 * ```
 */
export function compileOwnerReader<O extends Owner>(
  d: OwnerDescription<O>,
): (el: XmlElement, path: Path, problems: Problems, codec: MemberCodec) => O | undefined {
  const parts = d.members.flatMap((m) =>
    m.namespace === undefined || m.read === undefined ? [] : [{ namespace: m.namespace, read: m.read }],
  )
  const readChildren = compileChildren<O, MemberCodec>(parts)
  const empty = emptyOwner(d)
  return (el, path, problems, codec) => {
    const owner = empty()
    return readChildren(el, path, problems, owner, codec) ? owner : undefined
  }
}

/**
 * The tree writer of an owner: its members in order; `attributes` (a document root's declarations) first, then the
 * kept ones.
 *
 * @example
 * ```ts
 * compileOwnerWriter(ENTRY)(entry, codec, []) // <entry>…</entry>
 * ```
 */
export function compileOwnerWriter<O extends Owner>(
  d: OwnerDescription<O>,
): (owner: O, codec: MemberCodec, attributes?: XmlAttribute[]) => XmlElement {
  const members = d.members
  return (owner, codec, attributes = []) => {
    const children: XmlNode[] = []
    for (const m of members) m.write(owner, children, codec)
    return {
      ...elem(d.namespace, d.name, children),
      attributes: owner.attributes === undefined ? attributes : [...attributes, ...owner.attributes],
    }
  }
}
