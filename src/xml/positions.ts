// Where elements start in the text, recorded by `parseXml` on request (`positions: true`) and looked up by element.
// Lines and columns follow XML 1.0 §2.11 (CRLF, CR and LF each end one line), as the parser's own error positions do.
import type { PathStep } from './issue'
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

// Kept beside the tree, not in it: elements keep their documented shape, and a tree dropped is collected whole.
const POSITIONS = new WeakMap<XmlElement, TextPoint>()

/**
 * Where an element's start tag begins (its `<`), when the element was parsed by `parseXml` (or a document codec)
 * with `positions: true`; `undefined` for elements parsed without it or built by hand.
 *
 * @example
 * ```ts
 * const doc = parseXml('<a>\n  <b/>\n</a>', { positions: true })
 * if (E.isRight(doc)) elementPosition(doc.right.root.children[0] as XmlElement) // { line: 2, column: 3 }
 * ```
 */
export function elementPosition(element: XmlElement): TextPoint | undefined {
  return POSITIONS.get(element)
}

/**
 * Records the positions of elements whose start-tag offsets the parser collected (`starts[k]` for `elements[k]`,
 * in increasing order): one pass over the text up to the last of them.
 */
export function recordPositions(text: string, elements: readonly XmlElement[], starts: readonly number[]): void {
  const counter = new LineCounter(text)
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0
  for (let k = 0; k < elements.length; k++) {
    const offset = starts[k]!
    counter.advanceTo(offset)
    const column = offset - Math.max(counter.lineStart, counter.line === 1 ? bom : 0) + 1
    POSITIONS.set(elements[k]!, { line: counter.line, column })
  }
}

// Each element's element children grouped by local name, built the first time a lookup steps into it: k issues in a
// document then cost one grouping per element visited and O(depth) each, not a pass over all siblings per issue.
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
  let found: XmlElement | undefined
  for (const step of steps) {
    if (step.kind !== 'element') break
    const localName = step.name.slice(step.name.lastIndexOf(':') + 1)
    const n = step.position ?? 1
    const next =
      found === undefined
        ? root.localName === localName && n === 1
          ? root
          : undefined
        : childrenNamed(found, localName)[n - 1]
    if (next === undefined) break
    found = next
  }
  return found
}
