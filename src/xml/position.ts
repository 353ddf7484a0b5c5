// Line and column of an offset in XML text, shared by the parser and the byte decoder's error messages.
// Implements XML 1.0 (fifth edition) §2.11: CRLF, a lone CR and LF each end one line.

/**
 * 1-based line and column of a UTF-16 offset in `text`; CRLF, CR and LF each end a line, and a leading BOM
 * (U+FEFF) is not counted in the first line's columns.
 *
 * @example
 * ```ts
 * lineAndColumn('<a>\r\n<b/>', 5) // { line: 2, column: 1 }
 * ```
 */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const end = Math.min(offset, text.length)
  const counter = new LineCounter(text)
  counter.advanceTo(end)
  let column = end - counter.lineStart + 1
  if (counter.lineStart === 0 && text.charCodeAt(0) === 0xfeff && end > 0) column--
  return { line: counter.line, column }
}

/**
 * Counts lines forward through a text (CRLF, CR and LF each end a line), so that many increasing offsets cost one
 * pass in all.
 *
 * @example
 * ```ts
 * const c = new LineCounter('a\nb')
 * c.advanceTo(2)
 * c.line // 2
 * ```
 */
export class LineCounter {
  /** 1-based line at the offset reached. */
  line = 1
  /** Offset where that line starts. */
  lineStart = 0
  /** The offset reached. */
  reached = 0

  constructor(private readonly text: string) {}

  /** Moves forward to `offset` (never back). */
  advanceTo(offset: number): void {
    const text = this.text
    let i = this.reached
    for (; i < offset; i++) {
      const c = text.charCodeAt(i)
      if (c === 10) {
        this.line++
        this.lineStart = i + 1
      } else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++
        this.line++
        this.lineStart = i + 1
      }
    }
    this.reached = i
  }
}

/**
 * Advances a position over text (CRLF, CR and LF each end a line).
 *
 * @example
 * ```ts
 * advance({ line: 1, column: 1 }, 'ab\r\ncd') // { line: 2, column: 3 }
 * ```
 */
export function advance(from: { line: number; column: number }, text: string): { line: number; column: number } {
  let line = from.line
  let last = -1 // where the last line end found ends
  // The next CR and LF from `last` on, each found by a search (not a loop over every character).
  let cr = text.indexOf('\r')
  let lf = text.indexOf('\n')
  while (cr >= 0 || lf >= 0) {
    if (lf < 0 || (cr >= 0 && cr < lf)) {
      last = lf === cr + 1 ? lf : cr // CRLF is one line end
      cr = text.indexOf('\r', cr + 1)
    } else last = lf
    if (lf >= 0 && lf <= last) lf = text.indexOf('\n', last + 1)
    line++
  }
  return last < 0 ? { line, column: from.column + text.length } : { line, column: text.length - last }
}
