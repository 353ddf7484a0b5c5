// An incremental JSON reader (RFC 8259) for documents that arrive in chunks: it checks the grammar as the text comes
// and hands out the elements of chosen arrays one by one, parsed, so one element is held at a time, not the document.
import { type IssueCode, issueWithSteps, jsonSteps } from './issues'
import {
  AFTER,
  COLON,
  type Container,
  DONE,
  DROP,
  ELEMENT,
  ESCAPE,
  FIRST,
  isHex,
  type JsonStep,
  type JsonStreamEvent,
  type JsonStreamOptions,
  KEY,
  KEY_FIRST,
  LITERAL,
  NUMBER,
  NUMBER_ENDS,
  numberStep,
  REST,
  STRING,
  show,
  UNICODE,
  VALUE,
} from './json-grammar'

export type { JsonStep, JsonStreamEvent, JsonStreamOptions } from './json-grammar'

/**
 * Reads JSON text pushed in chunks, checking every rule of the grammar in order and reporting the first fault with
 * its JSON Pointer and line:column; the elements of the arrays `streams` picks are parsed (`JSON.parse`, once
 * checked) and handed out one at a time. Never throws.
 *
 * @example
 * ```ts
 * const reader = new JsonStreamReader({ streams: (p) => p.join() === 'items', maxLength: 1 << 20, maxDepth: 64 }, use)
 * reader.push('{"items": [1, ')
 * reader.push('2]}')
 * reader.end() // use got head { items: [] }, element 1, element 2, end { items: [] }
 * ```
 */
export class JsonStreamReader {
  /** Whether an `error` event went out (nothing more will). */
  failed = false
  private state = VALUE
  private readonly stack: Container[] = []
  /** Absolute offset of the chunk being read. */
  private offset = 0
  private line: number
  private lineStart: number
  private cr = false
  private literal = ''
  private hex = 0
  private numberState = 0
  /** The member name being read, raw, while paths are tracked (outside streamed elements). */
  private keyParts: string[] | undefined
  private inKey = false
  private mode = REST
  /** The document's text outside its streamed elements, and the element being read. */
  private rest: string[] = []
  private restLength = 0
  private parts: string[] = []
  private partsLength = 0
  private element: { path: JsonStep[]; depth: number; line: number; column: number } | undefined
  private headSent = false
  private readonly opened = new Set<string>()

  constructor(
    private readonly options: JsonStreamOptions,
    private readonly emit: (event: JsonStreamEvent) => void,
    /** Where the text starts in a larger document (the re-read of one element for its fault's path). */
    private readonly base: { path: JsonStep[]; line: number; column: number } = { path: [], line: 1, column: 1 },
  ) {
    this.line = base.line
    this.lineStart = 1 - base.column
  }

  private path(): JsonStep[] {
    const out = [...this.base.path]
    for (const c of this.stack) {
      if (c.array) out.push(c.index)
      else if (c.key !== undefined) out.push(c.key)
    }
    return out
  }

  /**
   * Reports the first fault, at `at` of the chunk; `text` is the chunk's part of the element being read, to `at`
   * (`undefined`: the fault is not in the element's text, its path is the element's).
   */
  private fail(at: number, message: string, text: string | undefined = ''): void {
    if (this.failed) return
    this.failed = true
    const e = this.element
    if (e !== undefined && text !== undefined) {
      // Inside an element, member names are not tracked: read it again alone, with them, for the fault's path.
      let shown = false
      const again = new JsonStreamReader(
        { ...this.options, streams: () => false },
        (event) => {
          if (event.type !== 'error') return
          shown = true
          this.emit(event)
        },
        e,
      )
      again.push(this.parts.join('') + text)
      if (!again.failed) again.end()
      if (shown) return
    }
    const column = Math.max(1, this.offset + at - this.lineStart + 1)
    const code: IssueCode = /\bmax(?:Length|Depth)\b/.test(message)
      ? 'limit'
      : message === 'the text ends too early'
        ? 'incomplete'
        : 'not-well-formed'
    const issue = issueWithSteps(
      'error',
      code,
      jsonSteps(this.path()),
      `not JSON at ${this.line}:${column}: ${message}`,
      'json',
    )
    issue.line = this.line
    issue.column = column
    this.emit({ type: 'error', issue })
  }

  /** Keeps text of the segment being read, which ends at `end` of the chunk (dropped between streamed elements). */
  private keep(text: string, end: number): void {
    if (text === '' || this.mode === DROP) return
    const element = this.mode === ELEMENT
    ;(element ? this.parts : this.rest).push(text)
    const held = element ? this.partsLength + text.length : this.restLength + text.length
    if (element) this.partsLength = held
    else this.restLength = held
    if (held > this.options.maxLength) {
      const what = element ? 'one streamed element' : 'the document outside its streamed elements (white space aside)'
      this.fail(end, `more than maxLength (${this.options.maxLength}) characters in ${what}`, undefined)
    }
  }

  /** A value starts at `i` of `s`, whose segment began at `from`; returns where the segment now begins. */
  private startValue(s: string, i: number, from: number): number {
    const top = this.stack[this.stack.length - 1]
    if (top === undefined || !top.streamed || this.element !== undefined) return from
    this.keep(s.slice(from, i), i)
    if (this.failed) return from
    if (!this.headSent) {
      this.headSent = true
      const closers = this.stack
        .map((c) => (c.array ? ']' : '}'))
        .reverse()
        .join('')
      this.emit({ type: 'head', value: JSON.parse(this.rest.join('') + closers) })
    }
    const column = this.offset + i - this.lineStart + 1
    this.element = { path: this.path(), depth: this.stack.length, line: this.line, column }
    this.mode = ELEMENT
    return i
  }

  /** A value ended just before `end` of `s`; returns where the segment now begins. */
  private endValue(s: string, end: number, from: number): number {
    this.state = this.stack.length === 0 ? DONE : AFTER
    const e = this.element
    if (e === undefined || this.stack.length !== e.depth) return from
    this.keep(s.slice(from, end), end)
    if (this.failed) return from
    const value = JSON.parse(this.parts.join(''))
    this.parts = []
    this.partsLength = 0
    this.element = undefined
    this.mode = DROP
    this.emit({ type: 'element', path: e.path, value, line: e.line, column: e.column })
    return end
  }

  private open(array: boolean, i: number): boolean {
    if (this.stack.length >= this.options.maxDepth) {
      this.fail(i, `more than maxDepth (${this.options.maxDepth}) arrays and objects inside one another`)
      return false
    }
    let streamed = false
    if (array && this.element === undefined) {
      const path = this.path()
      streamed = this.options.streams(path)
      if (streamed) {
        const key = JSON.stringify(path)
        if (this.opened.has(key)) {
          this.fail(i, 'a streamed array appears twice (JSON keeps the last; a stream cannot go back)')
          return false
        }
        this.opened.add(key)
      }
    }
    this.stack.push({ array, key: undefined, index: 0, streamed })
    this.state = array ? FIRST : KEY_FIRST
    return true
  }

  /** Reads the next chunk of text. */
  push(s: string): void {
    if (this.failed) return
    let from = 0
    let i = this.offset === 0 && s.charCodeAt(0) === 0xfeff ? 1 : 0
    // A byte-order mark is dropped, and is no column (as in XML).
    if (i === 1) {
      from = 1
      this.lineStart++
    }
    const n = s.length
    while (i < n && !this.failed) {
      const c = s.charCodeAt(i)
      switch (this.state) {
        case STRING: {
          let j = i
          while (j < n) {
            const d = s.charCodeAt(j)
            if (d === 34 || d === 92 || d < 32) break
            j++
          }
          if (this.keyParts !== undefined) this.keyParts.push(s.slice(i, j))
          i = j
          if (i === n) continue
          const d = s.charCodeAt(i)
          if (d < 32) {
            this.fail(i, 'a control character in a string must be escaped', s.slice(from, i + 1))
            continue
          }
          if (this.keyParts !== undefined) this.keyParts.push(s[i]!)
          i++
          if (d === 92) this.state = ESCAPE
          else if (this.inKey) {
            this.inKey = false
            if (this.keyParts !== undefined) this.stack[this.stack.length - 1]!.key = JSON.parse(this.keyParts.join(''))
            this.keyParts = undefined
            this.state = COLON
          } else from = this.endValue(s, i, from)
          continue
        }
        case ESCAPE:
          if (c === 117) {
            this.state = UNICODE
            this.hex = 0
          } else if ('"\\/bfnrt'.includes(s[i]!)) this.state = STRING
          else {
            this.fail(i, `\\${s[i]} is not an escape JSON knows`, s.slice(from, i + 1))
            continue
          }
          if (this.keyParts !== undefined) this.keyParts.push(s[i]!)
          i++
          continue
        case UNICODE:
          if (!isHex(c)) {
            this.fail(i, 'expected four hex digits after \\u', s.slice(from, i + 1))
            continue
          }
          if (this.keyParts !== undefined) this.keyParts.push(s[i]!)
          if (++this.hex === 4) this.state = STRING
          i++
          continue
        case NUMBER: {
          const next = numberStep(this.numberState, c)
          if (next >= 0) {
            this.numberState = next
            i++
          } else if (!NUMBER_ENDS.has(this.numberState))
            this.fail(i, `a number needs a digit here, found ${show(s, i)}`, s.slice(from, i + 1))
          else from = this.endValue(s, i, from)
          continue
        }
        case LITERAL:
          if (s[i] !== this.literal[0]) {
            this.fail(i, `expected ${JSON.stringify(this.literal[0])} (true, false or null)`, s.slice(from, i + 1))
            continue
          }
          this.literal = this.literal.slice(1)
          i++
          if (this.literal === '') from = this.endValue(s, i, from)
          continue
        default:
          break
      }
      // Outside strings, numbers and literals: white space (counting lines: CRLF, CR and LF each end one; not kept
      // outside streamed elements) and structure.
      if (c === 32 || c === 9 || c === 10 || c === 13) {
        let j = i
        for (; j < n; j++) {
          const d = s.charCodeAt(j)
          if (d === 10 || d === 13) {
            if (d === 13 || !this.cr) this.line++
            this.lineStart = this.offset + j + 1
            this.cr = d === 13
          } else if (d === 32 || d === 9) this.cr = false
          else break
        }
        if (this.mode === REST) {
          this.keep(s.slice(from, i), i)
          from = j
        }
        i = j
        continue
      }
      this.cr = false
      from = this.structure(s, i, c, from)
      i++
    }
    if (!this.failed) this.keep(s.slice(from), n)
    this.offset += n
  }

  /** The character `c` at `i` of `s`, outside strings, numbers and literals; returns where the segment begins. */
  private structure(s: string, i: number, c: number, from: number): number {
    const state = this.state
    const top = this.stack[this.stack.length - 1]
    if (
      (state === FIRST && c === 93) ||
      (state === KEY_FIRST && c === 125) ||
      (state === AFTER && c === (top!.array ? 93 : 125))
    ) {
      if (top!.streamed && this.mode === DROP) {
        this.mode = REST
        from = i
      }
      this.stack.pop()
      return this.endValue(s, i + 1, from)
    }
    switch (state) {
      case VALUE:
      case FIRST:
        from = this.startValue(s, i, from)
        if (this.failed) return from
        if (c === 123 || c === 91) this.open(c === 91, i)
        else if (c === 34) this.state = STRING
        else if (c === 45 || (c >= 48 && c <= 57)) {
          this.state = NUMBER
          this.numberState = numberStep(0, c)
        } else if (c === 116 || c === 102 || c === 110) {
          this.state = LITERAL
          this.literal = (c === 116 ? 'true' : c === 102 ? 'false' : 'null').slice(1)
        } else this.fail(i, `expected a value, found ${show(s, i)}`, s.slice(from, i + 1))
        return from
      case KEY_FIRST:
      case KEY:
        if (c !== 34) {
          this.fail(i, `expected a member name in quotes, found ${show(s, i)}`, s.slice(from, i + 1))
          return from
        }
        this.inKey = true
        this.keyParts = this.element === undefined ? ['"'] : undefined
        this.state = STRING
        return from
      case COLON:
        if (c === 58) this.state = VALUE
        else this.fail(i, `expected ':' after a member name, found ${show(s, i)}`, s.slice(from, i + 1))
        return from
      case AFTER:
        if (c === 44) {
          if (top!.array) top!.index++
          else top!.key = undefined
          this.state = top!.array ? VALUE : KEY
        } else {
          const close = top!.array ? ']' : '}'
          this.fail(i, `expected ',' or '${close}', found ${show(s, i)}`, s.slice(from, i + 1))
        }
        return from
      default:
        this.fail(i, `expected the end of the text, found ${show(s, i)}`)
        return from
    }
  }

  /** The text has ended: the last events. */
  end(): void {
    if (this.failed) return
    if (this.state === NUMBER && NUMBER_ENDS.has(this.numberState)) this.endValue('', 0, 0)
    if (this.failed) return
    if (this.state !== DONE) {
      const empty = this.state === VALUE && this.stack.length === 0
      this.fail(0, empty ? 'no JSON value' : 'the text ends too early')
      return
    }
    const value = JSON.parse(this.rest.join(''))
    if (!this.headSent) this.emit({ type: 'head', value })
    this.emit({ type: 'end', value })
  }
}
