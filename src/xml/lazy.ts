// Elements whose children are built on first access (the parser's SCAN: text already checked, read again when
// needed). Their `attributes` and `children` are accessors until then; the first read (or write) builds both, and
// they become plain data properties, so the element is an ordinary object from then on.
import type { XmlAttribute, XmlElement, XmlNode } from './types'

/** A lazy element's state: the read of its children (dropped once done: it holds the text), and what it finishes. */
interface Lazy {
  readonly el: XmlElement
  read: (() => XmlNode[]) | undefined
  finish: ((children: XmlNode[]) => XmlElement) | undefined
  attributes: XmlAttribute[]
  children: XmlNode[]
}

/** The element made lazy last, while nothing read it: the one {@link finishLazy} may take. */
let latest: Lazy | undefined

function settle(s: Lazy): void {
  const read = s.read
  if (read === undefined) return
  s.read = undefined
  if (latest === s) latest = undefined
  const children = read()
  const done = s.finish?.(children)
  s.finish = undefined
  s.attributes = done?.attributes ?? s.attributes
  s.children = done?.children ?? children
  // Plain data from now on; a frozen or sealed element cannot change, so it keeps answering from here.
  for (const key of KEYS) Reflect.defineProperty(s.el, key, { value: s[key], ...DATA })
}

const KEYS = ['attributes', 'children'] as const
const DATA = { writable: true, enumerable: true, configurable: true }

/**
 * Makes `el`'s `children` be `read()` on first access (and `attributes` whatever {@link finishLazy} makes of them);
 * until then `attributes` reads as built. Internal, for the parser's scanned elements.
 */
export function lazyChildren(el: XmlElement, read: () => XmlNode[]): void {
  const s: Lazy = { el, read, finish: undefined, attributes: el.attributes, children: el.children }
  const property = (key: (typeof KEYS)[number]) => ({
    get: () => {
      if (key === 'children' || s.finish !== undefined) settle(s)
      return s[key]
    },
    set: (value: never) => {
      settle(s)
      if (!Reflect.defineProperty(el, key, { value, ...DATA }) && !Object.isFrozen(el)) s[key] = value
    },
    enumerable: true,
    configurable: true,
  })
  Object.defineProperties(el, { attributes: property('attributes'), children: property('children') })
  latest = s
}

/**
 * Has the lazy element `el`, made lazy last and not read yet, built as `finish` makes it from its children: what
 * it then reads as, `attributes` and `children` both. `false` (nothing changed) for any other element.
 */
export function finishLazy(el: XmlElement, finish: (children: XmlNode[]) => XmlElement): boolean {
  const s = latest
  latest = undefined
  if (s === undefined || s.el !== el) return false
  s.finish = finish
  return true
}

/** Forgets the element made lazy last (it stays lazy, as built): no module keeps a text alive after a decode. */
export function forgetLazy(): void {
  latest = undefined
}
