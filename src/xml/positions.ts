// Where elements start in the text, recorded by `parseXml` on request (`positions: true`) and looked up by element.
// Lines and columns follow XML 1.0 §2.11 (CRLF, CR and LF each end one line), as the parser's own error positions do.
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
  let line = 1
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let i = 0
  for (let k = 0; k < elements.length; k++) {
    const offset = starts[k]!
    for (; i < offset; i++) {
      const c = text.charCodeAt(i)
      if (c === 10) {
        line++
        lineStart = i + 1
      } else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++
        line++
        lineStart = i + 1
      }
    }
    POSITIONS.set(elements[k]!, { line, column: offset - lineStart + 1 })
  }
}
