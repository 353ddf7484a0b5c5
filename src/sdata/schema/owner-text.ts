// The text writer derived from an owner description (docs/schema.md): an Atom feed's or entry's members written
// straight as text, and the document around them, the same bytes as serializing the tree its tree writer builds
// (sync §4.4, §5.1–§5.3, §5.8; core §13.4).
//
// Building the feed's and each entry's element tree and serializing it cost about as much again as writing the text,
// and the garbage collector took a third of the time. So the owners, their leaf groups and `sdata:payload` are
// written as text; the small elements (syncState, digest, diagnoses) and kept trees (payload resources, extensions)
// go through the serializer, in the document's scope.
import { serializeXml } from '../../xml/serialize'
import { XMLNS_NAMESPACE, type XmlAttribute, type XmlElement } from '../../xml/types'
import { openElement, qname, TextWriter } from '../text-writer'
import { addUsedPrefixes, elem, rootDeclarations, usedDeclarations, withUsedDeclarations } from '../tree'
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
  /**
   * The text of a document whose root is the owner: exactly `serializeXml({ root: withUsedDeclarations(tree(owner,
   * codec, rootDeclarations())) })`, the root's start tag written last with the declarations the document uses.
   */
  readonly document: (owner: O, codec: MemberCodec) => string
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
  const viaTree = (owner: O, codec: MemberCodec): string =>
    serializeXml({ root: withUsedDeclarations(tree(owner, codec, rootDeclarations())) })
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
    document(owner, codec) {
      // A declaration among the kept attributes (only a hand-built value has one) could rebind what the text path
      // writes, and an owner with no children is written self-closed: both through the tree.
      const kept = owner.attributes
      if (kept?.some((a) => a.namespace === XMLNS_NAMESPACE) === true) return viaTree(owner, codec)
      const used = new Set<string>([''])
      if (kept !== undefined) for (const a of kept) if (a.prefix !== null) used.add(a.prefix)
      const prepared = prepare(owner, codec, used, new TextWriter())
      if (!has(owner, prepared)) return viaTree(owner, codec)
      const root = (declarations: XmlAttribute[]): XmlElement => ({
        ...elem(d.namespace, d.name, []),
        attributes: kept === undefined ? declarations : [...declarations, ...kept],
      })
      // The body is written with every conventional prefix in scope (the start tag's text is dropped), which gives
      // the same text unless the serializer had to look for another prefix bound to a namespace (`searched`): then
      // the tree path. The start tag is written last, declaring only the prefixes the body used.
      const t = new TextWriter()
      const open = t.w.begin(root(rootDeclarations()))
      t.w.finish()
      children(t, owner, prepared, codec, used)
      t.w.end(open)
      const body = t.finish()
      const head = new TextWriter()
      head.w.begin(root(usedDeclarations(rootDeclarations(), used)))
      if (t.w.searched || head.w.searched) return viaTree(owner, codec)
      return head.finish() + body
    },
  }
  compiled.set(d, out)
  return out
}
