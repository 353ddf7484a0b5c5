// The children of an owner element (an Atom feed or entry) read part by part: each part takes the children it
// describes (a leaf group, a link, a described element, a payload), and whatever no part takes is kept, made
// self-contained, as an extension (docs/schema.md). Parts are looked up by the child's namespace first.

import { isStrayText, strayText } from '../../codec/schema/path'
import type { XmlAttribute, XmlElement } from '../../xml/types'
import type { Path, Problems } from '../read'
import { keptAttributes, selfContained } from '../tree'
import type { GroupRead } from './group'

/**
 * One part of an owner's children: the namespace of the children it reads, and its reader, which takes a child
 * into the owner (`taken`), finds it broken (`failed`, its errors recorded) or leaves it (`undefined`).
 *
 * @example
 * ```ts
 * const part: ChildPart<SyncEntry> = { namespace: SYNC_NS, read: (c, path, problems, entry) => … }
 * ```
 */
export interface ChildPart<O, K = undefined> {
  /** The namespace of the children it reads. */
  readonly namespace: string
  /** Reads a child into the owner; `key` is what the owner is read with (its payload codec). */
  readonly read: (c: XmlElement, path: Path, problems: Problems, owner: O, key: K) => GroupRead
}

/** An owner: its children that no part takes are kept, and its own attributes too. */
export interface Owner {
  extensions: XmlElement[]
  attributes?: XmlAttribute[]
}

/**
 * The reader of an owner's children, built once from its parts: the owner's kept attributes, then each child
 * element through the parts of its namespace, in order; the first that does not leave it decides. Text beside the
 * children other than white space is an error (`expected elements only in <feed>, found text "x"`): no member
 * could keep it. False when a part found a child broken, or there was such text.
 *
 * @example
 * ```ts
 * const readChildren = compileChildren<SyncEntry>([headPart, linkPart, …])
 * readChildren(el, path, problems, entry, codec) // true when nothing was broken
 * ```
 */
export function compileChildren<O extends Owner, K = undefined>(
  parts: readonly ChildPart<O, K>[],
): (el: XmlElement, path: Path, problems: Problems, owner: O, key: K) => boolean {
  const readChild = compileChild(parts)
  return (el, path, problems, owner, key) => {
    const attributes = keptAttributes(el)
    if (attributes !== undefined) owner.attributes = attributes
    let ok = true
    for (const c of el.children) {
      if (c.type === 'element') {
        if (!readChild(c, path, problems, owner, key)) ok = false
      } else if (isStrayText(c)) {
        // No member keeps text beside the children: refused rather than dropped (docs/decisions.md#p3).
        strayText(el, c.value, path, problems)
        ok = false
      }
    }
    return ok
  }
}

/**
 * The reader of one child element of an owner (see {@link compileChildren}), for the readers that meet the children
 * one by one: the parts of its namespace in order, the first that does not leave it deciding; a child no part takes
 * is kept. False when a part found it broken.
 *
 * @example
 * ```ts
 * compileChild<SyncEntry>([headPart, linkPart, …])(child, path, problems, entry, codec) // true unless broken
 * ```
 */
export function compileChild<O extends Owner, K = undefined>(
  parts: readonly ChildPart<O, K>[],
): (c: XmlElement, path: Path, problems: Problems, owner: O, key: K) => boolean {
  const byNamespace = new Map<string, ChildPart<O, K>[]>()
  for (const p of parts) {
    const list = byNamespace.get(p.namespace)
    if (list === undefined) byNamespace.set(p.namespace, [p])
    else list.push(p)
  }
  return (c, path, problems, owner, key) => {
    const list = c.namespace === null ? undefined : byNamespace.get(c.namespace)
    let r: GroupRead
    if (list !== undefined) {
      for (const p of list) {
        r = p.read(c, path, problems, owner, key)
        if (r !== undefined) break
      }
    }
    if (r === undefined) owner.extensions.push(selfContained(c))
    return r !== 'failed'
  }
}
