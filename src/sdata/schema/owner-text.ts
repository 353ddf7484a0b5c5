// The text writer derived from an owner description (docs/schema.md): an Atom feed's or entry's members written
// straight as text, the same bytes as serializing the tree its tree writer builds (src/sdata/feed-text.ts writes the
// documents around them).
import type { XmlElement } from '../../xml/types'
import { openElement, qname, type TextWriter } from '../text-writer'
import { addUsedPrefixes } from '../tree'
import type { Owner } from './children'
import { compileOwnerWriter, type MemberCodec, type OwnerDescription, type OwnerMember } from './owner'

/** An owner as it will be written: what each member prepared (its trees built once), in member order. */
export type Prepared = unknown[]

/** The functions derived from an owner description for the text path, built once per description. */
export interface OwnerText<O> {
  /** The owner's qualified name, as written (Atom: no prefix). */
  readonly tag: string
  /** The open element kept trees are written under. */
  readonly parent: XmlElement
  /** Prepares each member (see `OwnerMember.prepare`). */
  readonly prepare: (owner: O, codec: MemberCodec, used: Set<string>, t: TextWriter) => Prepared
  /** Whether the prepared owner has any child to write (else it is written self-closed, as its empty tree is). */
  readonly has: (owner: O, prepared: Prepared) => boolean
  /** Writes the children of a prepared owner. */
  readonly children: (t: TextWriter, owner: O, prepared: Prepared, codec: MemberCodec, used: Set<string>) => void
  /**
   * Writes the owner as a child of an open element, prefixes it uses added to `used`; one with kept attributes (the
   * text path does not write them) goes through its tree.
   */
  readonly element: (t: TextWriter, owner: O, codec: MemberCodec, used: Set<string>) => void
}

const compiled = new WeakMap<OwnerDescription<any>, OwnerText<any>>()

/**
 * The text writer of an owner, compiled on first use and cached.
 *
 * @example
 * ```ts
 * ownerText(ENTRY).element(t, entry, codec, used) // <entry>…</entry>
 * ```
 */
export function ownerText<O extends Owner>(d: OwnerDescription<O>): OwnerText<O> {
  const known = compiled.get(d)
  if (known !== undefined) return known as OwnerText<O>
  const members: readonly OwnerMember<O>[] = d.members
  const n = members.length
  const tag = qname(d.namespace, d.name)
  const parent = openElement(d.namespace, d.name)
  const tree = compileOwnerWriter(d)
  const prepare = (owner: O, codec: MemberCodec, used: Set<string>, t: TextWriter): Prepared => {
    const prepared: Prepared = new Array(n)
    for (let i = 0; i < n; i++) prepared[i] = members[i]!.prepare(owner, codec, used, t)
    return prepared
  }
  const has = (owner: O, prepared: Prepared): boolean => {
    for (let i = 0; i < n; i++) if (members[i]!.has(owner, prepared[i])) return true
    return false
  }
  const children = (t: TextWriter, owner: O, prepared: Prepared, codec: MemberCodec, used: Set<string>): void => {
    for (let i = 0; i < n; i++) members[i]!.text(t, owner, prepared[i], codec, used)
  }
  const out: OwnerText<O> = {
    tag,
    parent,
    prepare,
    has,
    children,
    element(t, owner, codec, used) {
      if (owner.attributes !== undefined && owner.attributes.length > 0) {
        const el = tree(owner, codec)
        addUsedPrefixes(el, used)
        t.tree(parent, '', el)
        return
      }
      const prepared = prepare(owner, codec, used, t)
      if (!has(owner, prepared)) {
        t.start(tag, '', true)
        return
      }
      t.start(tag)
      children(t, owner, prepared, codec, used)
      t.end(tag)
    },
  }
  compiled.set(d, out)
  return out
}
