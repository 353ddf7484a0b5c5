// Where elements start in the text, recorded by `parseXml` on request (`positions: true`) and looked up by element.
// Lines and columns follow XML 1.0 §2.11 (CRLF, CR and LF each end one line), as the parser's own error positions do.
import type { Issue, PathStep } from './issue'
import { LineCounter } from './position'
import { qualifiedName } from './tree'
import type { XmlElement } from './types'

/**
 * A 1-based line and column in the text (the column in UTF-16 code units).
 *
 * @example
 * ```ts
 * const at: TextPoint = { line: 3, column: 5 }
 * ```
 */
export interface TextPoint {
  /** 1-based line. */
  line: number
  /** 1-based column, in UTF-16 code units. */
  column: number
}

// What an element keeps of its place: the record of the whole parse (or streamed piece) it was read in, shared by
// all its elements, so a place costs no object of its own and its line and column are counted only when asked for.
// The record sits in a private field stamped on the element, which no key, symbol, JSON, spread or equality sees:
// elements keep their documented shape. Stamping a field costs a fraction of defining a hidden property (about a
// quarter of the time in a micro-benchmark) and nothing like a WeakMap entry, whose upkeep in the garbage collector,
// one per element read, made a streamed read with positions markedly slower (see BENCHMARKS.md).

/** A base whose constructor hands back the object it is given, so a subclass's fields are put on that object. */
class OnObject {
  constructor(object: object) {
    // biome-ignore lint/correctness/noConstructorReturn: the object given is what the subclass's fields go on
    return object
  }
}

/** The place record of an element (see above): its parse's record and its index there. */
class Placed extends OnObject {
  readonly #marks: Marks
  readonly #index: number

  /** Gives `element` its record (a parse reads each element once: it has none yet). */
  constructor(element: XmlElement, marks: Marks, index: number) {
    super(element)
    this.#marks = marks
    this.#index = index
  }

  static place(element: XmlElement): TextPoint | undefined {
    if (!(#marks in element)) return undefined
    const placed = element as unknown as Placed
    return placed.#marks.place(placed.#index)
  }
}

/**
 * The offsets of the start tags one parse read, turned into lines and columns when asked. Asked in document order
 * (as issues are placed, entry after entry), the lines are counted in one pass forward; asked back in the text,
 * every place is counted in one pass and kept, so any order of lookups stays linear in the text.
 */
class Marks {
  private counter: LineCounter
  /** Every element's place, once a lookup went back in the text. */
  private all: TextPoint[] | undefined

  constructor(
    private readonly text: string,
    private readonly starts: readonly number[],
    /** The column of the text's first character (on its first line) and the line before its first. */
    private readonly first: number,
    private readonly line0: number,
  ) {
    this.counter = new LineCounter(text)
  }

  place(k: number): TextPoint {
    if (this.all !== undefined) return this.all[k]!
    if (this.starts[k]! >= this.counter.reached) return this.next(this.starts[k]!)
    this.counter = new LineCounter(this.text)
    this.all = this.starts.map((offset) => this.next(offset))
    return this.all[k]!
  }

  private next(offset: number): TextPoint {
    const counter = this.counter
    counter.advanceTo(offset)
    const column = counter.line === 1 ? offset + this.first : offset - counter.lineStart + 1
    return { line: counter.line + this.line0, column }
  }
}

/**
 * Where an element's start tag begins (its `<`), when the element was parsed by `parseXml` (or a document codec)
 * with `positions: true`; `undefined` for elements parsed without it or built by hand. The line and column are
 * counted from the parsed text when first asked for, so an element read with positions keeps that text (the whole
 * document, or the streamed piece it came in) reachable for as long as the element itself is kept.
 *
 * @example
 * ```ts
 * const doc = parseXml('<a>\n  <b/>\n</a>', { positions: true })
 * if (E.isRight(doc)) elementPosition(doc.right.root.children[0] as XmlElement) // { line: 2, column: 3 }
 * ```
 */
export function elementPosition(element: XmlElement): TextPoint | undefined {
  return Placed.place(element)
}

/**
 * Records the positions of elements whose start-tag offsets the parser collected (`starts[k]` for `elements[k]`,
 * in increasing order), to be counted when asked for (see {@link elementPosition}). `base` is where `text` starts
 * in the whole document when it is a piece of it (the streaming readers'); a whole text's leading BOM is not a
 * column.
 */
export function recordPositions(
  text: string,
  elements: readonly XmlElement[],
  starts: readonly number[],
  base?: TextPoint,
): void {
  if (elements.length === 0) return
  // On the piece's first line, columns continue from `base`; a whole text's BOM is taken off them.
  const first = base === undefined ? (text.charCodeAt(0) === 0xfeff ? 0 : 1) : base.column
  const line0 = base === undefined ? 0 : base.line - 1
  const marks = new Marks(text, starts, first, line0)
  for (let k = 0; k < elements.length; k++) new Placed(elements[k]!, marks, k)
}

// How a path step names an element. Paths show a prefix only where the namespace changes, and the prefix is the
// writer's conventional one (`sync:`), or the document's own for names the writer does not know (docs/issues.md).
// So a step is matched by its expanded name `{namespace}local` first: an unprefixed step is in its parent's
// namespace, a prefixed one in the namespace the caller's `namespaces` give its prefix. A step no child answers so
// is matched by the document's qualified name (`x:link`); a prefix neither the caller nor the document knows, by the
// local name among children of another namespace than their parent's. The first of these ways that finds any
// child decides (its position counts among the children it finds), so an extension element of the same local name
// (`x:link` beside `link`, `sdata:title` beside `title`) is never taken for the element a path names.
const EXPANDED = 0
const QUALIFIED = 1
const LOCAL = 2

/** The key `child` is grouped under in way `by` (`undefined`: not found that way). */
function keyOf(child: XmlElement, parent: XmlElement, by: number): string | undefined {
  if (by === EXPANDED) return `{${child.namespace ?? ''}}${child.localName}`
  if (by === QUALIFIED) return qualifiedName(child)
  return child.namespace === parent.namespace ? undefined : child.localName
}

// Each element's element children grouped by key (one grouping per way, built the first time a lookup steps into
// it that way): k issues in a document then cost one grouping per element visited and O(depth) each, not a pass
// over all siblings per issue. An element with few children is searched in place instead: a bounded cost per step,
// and no map for the many small elements a stream places one or two issues in (a grouping each was a fifth of a
// streamed validate's time).
const FEW = 32
const GROUPS = new WeakMap<XmlElement, Array<Map<string, XmlElement[]>>>()

function groupOf(element: XmlElement, by: number): Map<string, XmlElement[]> {
  let ways = GROUPS.get(element)
  if (ways === undefined) {
    ways = []
    GROUPS.set(element, ways)
  }
  let groups = ways[by]
  if (groups === undefined) {
    groups = new Map()
    ways[by] = groups
    for (const child of element.children) {
      if (child.type !== 'element') continue
      const key = keyOf(child, element, by)
      if (key === undefined) continue
      const group = groups.get(key)
      if (group === undefined) groups.set(key, [child])
      else group.push(child)
    }
  }
  return groups
}

/**
 * The element child of `element` that the step `name` (`position`-th, 1-based) names, found as the comment above
 * says; `undefined` when there is none.
 */
function childNamed(
  element: XmlElement,
  name: string,
  position: number,
  namespaces: ReadonlyMap<string, string> | undefined,
): XmlElement | undefined {
  const colon = name.lastIndexOf(':')
  const prefix = colon < 0 ? null : name.slice(0, colon)
  const local = name.slice(colon + 1)
  const ns = prefix === null ? element.namespace : namespaces?.get(prefix)
  const children = element.children
  for (let by = ns === undefined ? QUALIFIED : EXPANDED; by <= (ns === undefined ? LOCAL : QUALIFIED); by++) {
    if (children.length > FEW) {
      const group = groupOf(element, by).get(
        by === EXPANDED ? `{${ns ?? ''}}${local}` : by === QUALIFIED ? name : local,
      )
      if (group !== undefined) return group[position - 1]
      continue
    }
    // In place: keyOf's tests, without building a key.
    let seen = 0
    for (const child of children) {
      if (child.type !== 'element' || child.localName !== local) continue
      const found =
        by === EXPANDED
          ? child.namespace === ns
          : by === QUALIFIED
            ? child.prefix === prefix
            : child.namespace !== element.namespace
      if (found && ++seen === position) return child
    }
    if (seen > 0) return undefined
  }
  return undefined
}

/**
 * The deepest element of `root` that an issue's leading element steps lead to. The root matches by its local name
 * (it is the only one); each step below it by its expanded name: an unprefixed step is in its parent's namespace,
 * a prefixed one in the namespace `namespaces` maps its prefix to (a validator's conventional prefixes, such as
 * `sync` for the SData sync namespace), and a step no child answers so is matched by the document's own qualified
 * name, or, for a prefix nobody knows, by its local name among children of another namespace. Its position counts
 * among the siblings matched the same way (the first when it has none). An attribute step, a step the tree lacks (a
 * missing element) or a step of another kind stops the walk at the element before it; `undefined` when not even the
 * root matches.
 *
 * @param namespaces The namespace URI of each prefix the steps were written with, when it is not the document's own.
 *
 * @example
 * ```ts
 * const text = '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:x="urn:x"><x:entry/><entry><s:tick xmlns:s="urn:s"/></entry></feed>'
 * const doc = parseXml(text, { positions: true })
 * if (E.isRight(doc)) {
 *   const tick = elementAtSteps(
 *     doc.right.root,
 *     [
 *       { kind: 'element', name: 'feed' },
 *       { kind: 'element', name: 'entry', position: 1 },
 *       { kind: 'element', name: 'sync:tick' },
 *     ],
 *     new Map([['sync', 'urn:s']]),
 *   )
 *   if (tick) elementPosition(tick) // { line: 1, column: 76 }: in the Atom entry, not in x:entry
 * }
 * ```
 */
export function elementAtSteps(
  root: XmlElement,
  steps: readonly PathStep[],
  namespaces?: ReadonlyMap<string, string>,
): XmlElement | undefined {
  const first = steps[0]
  if (first?.kind !== 'element' || first.name.slice(first.name.lastIndexOf(':') + 1) !== root.localName) {
    return undefined
  }
  return (first.position ?? 1) === 1 ? elementBelow(root, steps, 1, namespaces) : undefined
}

/**
 * The deepest element that `steps` from `from` on lead to from `element`, which stands for the steps before
 * `from` (as {@link elementAtSteps} walks them, with the same `namespaces`; `element` itself when the first of
 * them is not there).
 */
export function elementBelow(
  element: XmlElement,
  steps: readonly PathStep[],
  from: number,
  namespaces?: ReadonlyMap<string, string>,
): XmlElement {
  let found = element
  for (let k = from; k < steps.length; k++) {
    const step = steps[k]!
    if (step.kind !== 'element') break
    const next = childNamed(found, step.name, step.position ?? 1, namespaces)
    if (next === undefined) break
    found = next
  }
  return found
}

/**
 * Gives each issue that has no `line` yet the position of the element its steps lead to below `element` (read with
 * positions), which stands for their first `depth` steps: a streamed part (an entry, an item) placed as
 * {@link elementAtSteps} places it in the whole document (with the same `namespaces`).
 */
export function placeIssues(
  issues: readonly Issue[],
  element: XmlElement,
  depth: number,
  namespaces?: ReadonlyMap<string, string>,
): void {
  for (const issue of issues) {
    if (issue.line !== undefined) continue
    const at = elementPosition(elementBelow(element, issue.steps, depth, namespaces))
    if (at === undefined) continue
    issue.line = at.line
    issue.column = at.column
  }
}
