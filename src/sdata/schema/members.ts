// The members an owner description (./owner.ts) is made of, each derived from a smaller description: a leaf group, a
// list of attribute elements (the Atom links), a described element held once (the sync state, the digest) and the
// kept extensions. The payload, the diagnoses and the entries are members too (src/sdata/payload-member.ts,
// diagnoses.ts, feed.ts).
import type { ElementDescription } from '../../codec/schema/describe'
import { compileReader, compileWriter } from '../../codec/schema/xml'
import type { XmlElement } from '../../xml/types'
import type { Link } from '../model'
import { CONVENTIONAL_PREFIXES } from '../namespaces'
import { at } from '../read'
import { ATOM_PARENT, type TextWriter } from '../text-writer'
import { addUsedPrefixes, SDATA } from '../tree'
import { type AttributeElement, compileAttributeElement } from './attributes'
import { compileGroup, type LeafGroup } from './group'
import type { OwnerMember } from './owner'

type AnyOwner = Record<string, any>

/**
 * The member of a leaf group: its leaves on the owner (or in its `into` sub-object).
 *
 * @example
 * ```ts
 * groupMember('http', HTTP_RESULT) // http:httpStatus … in XML, $httpStatus … in JSON
 * ```
 */
export function groupMember<O>(name: string, g: LeafGroup): OwnerMember<O> {
  const c = compileGroup(g)
  const prefix = CONVENTIONAL_PREFIXES.get(g.namespace) ?? ''
  return {
    name,
    keys: g.into === undefined ? g.leaves.map((l) => l.key) : [g.into],
    is: { kind: 'group', group: g },
    namespace: g.namespace,
    read: (el, path, problems, owner) => c.read(el, path, problems, owner as object),
    write: (owner, out) => c.write(owner as object, out),
    prepare(owner, _codec, used) {
      if (!c.any(owner as object)) return false
      used.add(prefix)
      return true
    },
    has: (_owner, any) => any === true,
    text: (t, owner, any) => {
      if (any === true) c.text(t, owner as object)
    },
  }
}

/**
 * The Atom links of a feed or an entry (`links`): a link of another shape is kept as an extension.
 *
 * @example
 * ```ts
 * linksMember(LINK)
 * ```
 */
export function linksMember<O extends { links: Link[] }>(d: AttributeElement): OwnerMember<O> {
  const links = compileAttributeElement<Link>(d)
  return {
    name: 'links',
    keys: ['links'],
    is: { kind: 'links', element: d },
    namespace: d.namespace,
    read(c, _path, _problems, owner) {
      if (c.localName !== d.name) return undefined
      const link = links.read(c)
      if (link === undefined) return undefined
      owner.links.push(link)
      return 'taken'
    },
    write(owner, out) {
      for (const l of owner.links) out.push(links.write(l))
    },
    prepare: () => undefined,
    has: (owner) => owner.links.length > 0,
    text(t, owner) {
      for (const l of owner.links) links.text(t, l)
    },
  }
}

/**
 * A described element held at most once, as the member `key`: the first such child is read (a
 * broken one is an error); a second is kept as an extension, and so is one that `skip` leaves.
 *
 * @example
 * ```ts
 * elementMember('syncState', SYNC_STATE, isNilElement) // <sync:syncState xsi:nil="true"/> stays an extension
 * ```
 */
export function elementMember<O>(
  key: string,
  d: ElementDescription<any>,
  skip?: (el: XmlElement) => boolean,
): OwnerMember<O> {
  const read = compileReader(d, SDATA)
  const write = compileWriter(d, SDATA)
  return {
    name: key,
    keys: [key],
    is: { kind: 'element', key, element: d },
    namespace: d.namespace!,
    read(c, path, problems, owner) {
      const o = owner as AnyOwner
      if (c.localName !== d.name || o[key] !== undefined || skip?.(c) === true) return undefined
      const v = read(c, at(path, c), problems)
      if (v === undefined) return 'failed'
      o[key] = v
      return 'taken'
    },
    write(owner, out) {
      const v = (owner as AnyOwner)[key]
      if (v !== undefined) out.push(write(v))
    },
    prepare(owner, _codec, used) {
      const v = (owner as AnyOwner)[key]
      if (v === undefined) return undefined
      const tree = write(v)
      addUsedPrefixes(tree, used)
      return tree
    },
    has: (_owner, tree) => tree !== undefined,
    text(t, _owner, tree) {
      if (tree !== undefined) t.tree(ATOM_PARENT, '', tree as XmlElement)
    },
  }
}

/**
 * Where an owner's kept extensions are written: children no member took, as read.
 *
 * @example
 * ```ts
 * extensionsMember() // last among an entry's members; before a feed's entries
 * ```
 */
export function extensionsMember<O extends { extensions: XmlElement[] }>(): OwnerMember<O> {
  return {
    name: 'extensions',
    keys: ['extensions'],
    is: { kind: 'extensions' },
    write(owner, out) {
      for (const x of owner.extensions) out.push(x)
    },
    prepare(owner, _codec, used) {
      for (const x of owner.extensions) addUsedPrefixes(x, used)
      return undefined
    },
    has: (owner) => owner.extensions.length > 0,
    text(t: TextWriter, owner) {
      for (const x of owner.extensions) t.tree(ATOM_PARENT, '', x)
    },
  }
}
