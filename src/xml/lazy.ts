// Elements whose children are built on first access (the parser's SCAN: text already checked, read again when
// needed). Their `attributes` and `children` are accessors until then, one getter and setter for all of them with
// the element's state in a private field; the first read (or write) builds both, and they become plain data
// properties, so the element is an ordinary object from then on.
import type { ReadAgain } from './events'
import type { XmlAttribute, XmlElement, XmlNode } from './types'

/** A lazy element's state: where its children are read again (dropped once read: it holds the text), what finishes it. */
interface State {
  again: ReadAgain | undefined
  readonly start: number
  readonly scope: ReadonlyArray<string | null>
  attributes: XmlAttribute[]
  children: XmlNode[]
  finish: Finish | undefined
}

/** What builds a lazy element's final form from the element, the attributes it keeps and its children (see finishLazy). */
type Finish = (el: XmlElement, attributes: XmlAttribute[], children: XmlNode[]) => XmlElement

/** Hands back the object it is given, so that a subclass's private field goes onto that object. */
class Given {
  constructor(o: object) {
    // biome-ignore lint/correctness/noConstructorReturn: the object the private field goes on
    return o
  }
}

/** `new Stamped(el, state)` is `el` with `state` in a private field: no key, descriptor, clone or inspect shows it. */
class Stamped extends Given {
  readonly #state: State
  constructor(el: XmlElement, state: State) {
    super(el)
    this.#state = state
  }
  static state(el: XmlElement): State {
    return (el as unknown as Stamped).#state
  }
}

type Key = 'attributes' | 'children'

/** The element made lazy last, while nothing read it: the one {@link finishLazy} may take. */
let latest: XmlElement | undefined

const DATA = { writable: true, enumerable: true, configurable: true }
const INSPECT = Symbol.for('nodejs.util.inspect.custom')
const KEYS = ['attributes', 'children'] as const
/** The own keys of a lazy element as {@link lazyElement} makes it: its four names, the two accessors, the inspect hook. */
const LAZY_KEYS = 7

/** Builds a lazy element's children, once; they become plain data unless the element was frozen or sealed first. */
function settle(el: XmlElement): State {
  const s = Stamped.state(el)
  const again = s.again
  if (again === undefined) return s
  s.again = undefined
  if (latest === el) latest = undefined
  const children = again.read(s.start, s.scope)
  const done = s.finish?.(el, s.attributes, children)
  s.finish = undefined
  s.attributes = done?.attributes ?? s.attributes
  s.children = done?.children ?? children
  if (Object.isExtensible(el) && Reflect.ownKeys(el).length === LAZY_KEYS) {
    // Nothing added since: the properties defined last go first, so that the element goes back to its shape before
    // them (reconfiguring an accessor costs several times more), and come back as plain data, in the same order.
    for (const key of [INSPECT, 'children', 'attributes']) Reflect.deleteProperty(el, key)
    el.attributes = s.attributes
    el.children = s.children
  } else {
    // In place; a frozen or sealed element cannot change, and keeps answering from the state.
    for (const key of KEYS) Reflect.defineProperty(el, key, { value: s[key], ...DATA })
  }
  return s
}

/**
 * The accessor of `key`, one for every lazy element (`this` is the element). Reading `attributes` builds only once the
 * element is finished (see finishLazy): until then it is what the parser built. A write is taken as by a data
 * property: refused by a frozen element (strict mode's TypeError), kept by a sealed one.
 */
const accessor = (key: Key): PropertyDescriptor => ({
  get(this: XmlElement) {
    const s = Stamped.state(this)
    return (key === 'children' || s.finish !== undefined ? settle(this) : s)[key]
  },
  set(this: XmlElement, value: never) {
    if (Object.isFrozen(this)) throw new TypeError(`Cannot assign to read only property '${key}'`)
    const s = settle(this)
    if (!Reflect.defineProperty(this, key, { value, ...DATA })) s[key] = value
  },
  enumerable: true,
  configurable: true,
})
const ATTRIBUTES = accessor('attributes')
const CHILDREN = accessor('children')
/** Node's `util.inspect` (`console.log`) shows the element as built, not its accessors: it formats a plain copy. */
const SHOW: PropertyDescriptor = {
  value(this: XmlElement) {
    return { ...this }
  },
  configurable: true,
}

/**
 * The element that stands for `el`, its children read by `again` from `start` with the bindings `scope` in scope on
 * first access (and its `attributes` whatever {@link finishLazy} makes of them); until then `attributes` reads as
 * `el`'s. Internal, for the parser's scanned elements.
 */
export function lazyElement(
  el: XmlElement,
  again: ReadAgain,
  start: number,
  scope: ReadonlyArray<string | null>,
): XmlElement {
  const lazy = { type: 'element', namespace: el.namespace, localName: el.localName, prefix: el.prefix } as XmlElement
  new Stamped(lazy, { again, start, scope, attributes: el.attributes, children: [], finish: undefined })
  Reflect.defineProperty(lazy, 'attributes', ATTRIBUTES)
  Reflect.defineProperty(lazy, 'children', CHILDREN)
  Reflect.defineProperty(lazy, INSPECT, SHOW)
  latest = lazy
  return lazy
}

/**
 * Has the lazy element `el`, made lazy last and not read yet, built as `finish` makes it from itself, `attributes`
 * and its children: what it then reads as, `attributes` and `children` both. `false` (nothing changed) for any other
 * element. `finish` takes its data as arguments, so that a caller need not make a closure per element.
 */
export function finishLazy(el: XmlElement, attributes: XmlAttribute[], finish: Finish): boolean {
  const made = latest
  latest = undefined
  if (made === undefined || made !== el) return false
  const s = Stamped.state(el)
  // Read before settling only through the accessor, which settles first now that `finish` is set.
  s.attributes = attributes
  s.finish = finish
  return true
}

/** Forgets the element made lazy last (it stays lazy, as built): no module keeps a text alive after a decode. */
export function forgetLazy(): void {
  latest = undefined
}
