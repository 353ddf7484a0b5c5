// Small read helpers over the element tree that codecs and error paths share.
// Implements nothing of a spec beyond the tree shape of syncwire/xml's public types.

import type { InScope } from './events'
import type { XmlElement, XmlNode } from './types'
import { XMLNS_NAMESPACE } from './types'

/**
 * Whether a child node is an element (rather than text).
 *
 * @example
 * ```ts
 * const elements = root.children.filter(isElement)
 * ```
 */
export function isElement(node: XmlNode): node is XmlElement {
  return node.type === 'element'
}

/**
 * The text of an element's direct text children, concatenated (child elements are skipped, not descended into).
 *
 * @example
 * ```ts
 * elementText({ type: 'element', namespace: null, localName: 'tick', prefix: null, attributes: [], children: [{ type: 'text', value: '5' }] }) // '5'
 * ```
 */
export function elementText(element: XmlElement): string {
  const children = element.children
  if (children.length === 1) {
    const only = children[0]!
    return only.type === 'text' ? only.value : ''
  }
  let text = ''
  for (const child of children) if (child.type === 'text') text += child.value
  return text
}

/**
 * The name as read, `prefix:localName` or just `localName`, as XML paths in error reports show it.
 *
 * @example
 * ```ts
 * qualifiedName({ type: 'element', namespace: 'urn:s', localName: 'tick', prefix: 'sync', attributes: [], children: [] }) // 'sync:tick'
 * ```
 */
export function qualifiedName(node: { prefix: string | null; localName: string }): string {
  return node.prefix ? `${node.prefix}:${node.localName}` : node.localName
}

/** The one empty array compact trees share; frozen, so that a mistaken push throws rather than fills every element. */
export const NONE: never[] = Object.freeze([]) as unknown as never[]

/** Most distinct names a compaction keeps one copy of (a document of ever new names does not grow the table). */
const MAX_NAMES = 4096

/**
 * Makes a tree the reader owns (freshly parsed, not yet handed out) compact in place, for values that keep it:
 * every empty attribute or children array becomes one shared frozen empty array, every other attribute array an
 * array of exactly its length (the parser grows them by `push`, which leaves spare room), and element and attribute
 * names one string per distinct name in `names` (the parser slices a copy of each short name). Nothing else
 * changes. With `tight`, the tree comes from a parse that built its arrays compact already (see `Parser.eventChildren`):
 * only the names are made one. Internal: a caller's own tree is never compacted.
 */
export function compactTree(root: XmlElement, names: Map<string, string>, tight = false): void {
  const stack = COMPACTING
  let top = 0
  stack[top++] = root
  while (top > 0) {
    const el = stack[--top]!
    stack[top] = undefined
    el.localName = one(names, el.localName)
    const attributes = el.attributes
    if (attributes.length === 0) el.attributes = NONE
    else {
      const exact = tight ? attributes : attributes.slice()
      for (let i = 0; i < exact.length; i++) {
        const a = exact[i]!
        a.localName = one(names, a.localName)
        if (a.prefix !== null) a.prefix = one(names, a.prefix)
      }
      el.attributes = exact
    }
    const children = el.children
    if (children.length === 0) el.children = NONE
    else
      for (let i = 0; i < children.length; i++)
        if (children[i]!.type === 'element') stack[top++] = children[i] as XmlElement
  }
}

/** The root of the tree being read that the reader built itself for this decode (see {@link ownTree}). */
let owned: XmlElement | undefined
/** The bindings the parser had in scope around {@link owned}, when the reader was given them. */
let ownedAround: InScope | undefined

/**
 * Marks `root` as the reader's own tree while it is read (freshly parsed, never a caller's), `undefined` when the read
 * is over: what it keeps of the tree it may change in place instead of copying. With `around`, the bindings the parser
 * had in scope around it (see {@link boundAround}). Internal.
 */
export function ownTree(root: XmlElement | undefined, around?: InScope): void {
  owned = root
  ownedAround = around
}

/** Whether `el` is the root of the tree marked by {@link ownTree} or one of its children. */
export function isOwned(el: XmlElement): boolean {
  return owned !== undefined && (owned === el || owned.children.includes(el))
}

/**
 * The bindings in scope around `el` as the parser read it, when `el` is the root of the tree marked by
 * {@link ownTree} (given its bindings) or a child of that root declaring no namespace: every name in `el`'s tree that
 * no declaration inside it binds was resolved through these. `undefined` for any other element. Internal.
 */
export function boundAround(el: XmlElement): InScope | undefined {
  const root = owned
  if (root === undefined || ownedAround === undefined) return undefined
  if (root === el) return ownedAround
  const attributes = root.attributes
  for (let i = 0; i < attributes.length; i++) if (attributes[i]!.namespace === XMLNS_NAMESPACE) return undefined
  return root.children.includes(el) ? ownedAround : undefined
}

/** The stack of {@link compactTree}, reused (emptied as it goes, so that it keeps no tree alive). */
const COMPACTING: Array<XmlElement | undefined> = []

/** The one string of `name` in `names` (which takes it as that string while it has room). */
function one(names: Map<string, string>, name: string): string {
  const seen = names.get(name)
  if (seen !== undefined) return seen
  if (names.size < MAX_NAMES) names.set(name, name)
  return name
}
