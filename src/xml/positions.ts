// Where elements start in the text, recorded by `parseXml` on request (`positions: true`) and looked up by element.
// Lines and columns follow XML 1.0 §2.11 (CRLF, CR and LF each end one line), as the parser's own error positions do.
import type { Issue, PathStep } from './issue'
import { LineCounter } from './position'
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

// Each element's element children grouped by local name, built the first time a lookup steps into it: k issues in a
// document then cost one grouping per element visited and O(depth) each, not a pass over all siblings per issue.
// An element with few children is searched in place instead: a bounded cost per step, and no map for the many
// small elements a stream places one or two issues in (a grouping each was a fifth of a streamed validate's time).
const FEW = 32
const BY_NAME = new WeakMap<XmlElement, Map<string, XmlElement[]>>()

function childrenNamed(element: XmlElement, localName: string): readonly XmlElement[] {
  let groups = BY_NAME.get(element)
  if (groups === undefined) {
    groups = new Map()
    for (const child of element.children) {
      if (child.type !== 'element') continue
      const group = groups.get(child.localName)
      if (group === undefined) groups.set(child.localName, [child])
      else group.push(child)
    }
    BY_NAME.set(element, groups)
  }
  return groups.get(localName) ?? []
}

/** The `position`-th (1-based) element child of `element` whose local name is `name`. */
function childNamed(element: XmlElement, name: string, position: number): XmlElement | undefined {
  const children = element.children
  if (children.length > FEW) return childrenNamed(element, name)[position - 1]
  let seen = 0
  for (const child of children)
    if (child.type === 'element' && child.localName === name && ++seen === position) return child
  return undefined
}

/**
 * The deepest element of `root` that an issue's leading element steps lead to: each step matches by local name (a
 * path's prefix is the codec's, not necessarily the document's) and its position among siblings of that local
 * name (the first when it has none). An attribute step, a step the tree lacks (a missing element) or a step of
 * another kind stops the walk at the element before it; `undefined` when not even the root matches.
 *
 * @example
 * ```ts
 * const doc = parseXml('<feed><entry/><entry><tick>x</tick></entry></feed>', { positions: true })
 * if (E.isRight(doc)) {
 *   const tick = elementAtSteps(doc.right.root, [
 *     { kind: 'element', name: 'feed' },
 *     { kind: 'element', name: 'entry', position: 2 },
 *     { kind: 'element', name: 'sync:tick' },
 *   ])
 *   if (tick) elementPosition(tick) // { line: 1, column: 22 }
 * }
 * ```
 */
export function elementAtSteps(root: XmlElement, steps: readonly PathStep[]): XmlElement | undefined {
  const first = steps[0]
  if (first?.kind !== 'element' || localName(first) !== root.localName || (first.position ?? 1) !== 1) return undefined
  return elementBelow(root, steps, 1)
}

function localName(step: { name: string }): string {
  return step.name.slice(step.name.lastIndexOf(':') + 1)
}

/**
 * The deepest element that `steps` from `from` on lead to from `element`, which stands for the steps before
 * `from` (as {@link elementAtSteps} walks them; `element` itself when the first of them is not there).
 */
export function elementBelow(element: XmlElement, steps: readonly PathStep[], from: number): XmlElement {
  let found = element
  for (let k = from; k < steps.length; k++) {
    const step = steps[k]!
    if (step.kind !== 'element') break
    const next = childNamed(found, localName(step), step.position ?? 1)
    if (next === undefined) break
    found = next
  }
  return found
}

/**
 * Gives each issue that has no `line` yet the position of the element its steps lead to below `element` (read with
 * positions), which stands for their first `depth` steps: a streamed part (an entry, an item) placed as
 * {@link elementAtSteps} places it in the whole document.
 */
export function placeIssues(issues: readonly Issue[], element: XmlElement, depth: number): void {
  for (const issue of issues) {
    if (issue.line !== undefined) continue
    const at = elementPosition(elementBelow(element, issue.steps, depth))
    if (at === undefined) continue
    issue.line = at.line
    issue.column = at.column
  }
}
