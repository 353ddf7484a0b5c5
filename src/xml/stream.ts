// The streaming reader under streamSyncFeed and streamFileSync: cuts a document arriving in chunks into pieces
// (XML 1.0 §2.1 document, §3 elements) and hands each to the parser with the state around it, holding one at a time.
import { either as E } from 'fp-ts'
import { type Limits, type ParseOptions, resolveLimits, type XmlError } from './options'
import { type Binding, type PieceKind, type PieceScope, type Position, parsePiece, positionIn } from './piece'
import { type ScanHandler, Scanner } from './scanner'
import { SourceFault, sourceText } from './source'
import type { XmlElement, XmlNode } from './types'

/**
 * The event that ends a stream whose document is malformed or does not decode: the issues of the first faulty
 * part, in document order (`path` is `line:column` in the whole document for text that is not well-formed).
 *
 * @example
 * ```ts
 * const failed: StreamError = { type: 'error', issues: [{ path: '3:14', message: 'element <entry> is not closed' }] }
 * ```
 */
export interface StreamError {
  /** Discriminant. */
  type: 'error'
  /** What is wrong, and where (the shape of `reportErrors`' issues). */
  issues: StreamIssue[]
}

/**
 * One issue of a {@link StreamError}: an XML path, or `line:column` for text that is not well-formed, or `''`
 * for a fault of the source itself; the same shape as the issues `reportErrors` gives.
 *
 * @example
 * ```ts
 * const issue: StreamIssue = { path: '/feed/entry[3]/sync:syncState/tick', message: 'expected a non-negative integer, found "x"' }
 * ```
 */
export interface StreamIssue {
  /** Where. */
  path: string
  /** What. */
  message: string
}

/** An element the reader keeps open while its children stream past (a feed, a folder, an `Items` list). */
export interface Frame<K> {
  /** The start tag, read; the protocol fills `children` with what it keeps. */
  element: XmlElement
  /** What the protocol made of it. */
  kind: K
  /** The name as written, for the end-tag check. */
  qname: string
  /** Where its start tag is. */
  start: Position
  /** Its depth (the root is 1). */
  depth: number
  /** Namespace bindings in scope inside it. */
  bindings: Binding[]
}

/** Where the reader reports decoded values and faults. */
export interface Sink<Ev> {
  emit(event: Ev): void
  fail(issues: StreamIssue[]): void
}

/** What a protocol decides while a document streams by; a hook that calls `sink.fail` ends the stream. */
export interface StreamPolicy<K, Ev> {
  /** The root's start tag: the kind of its frame (after `sink.fail` the value is not used). */
  root(element: XmlElement, sink: Sink<Ev>): K
  /** Whether a child start tag (by its name as written) might open a frame; it is then read on its own first. */
  mayOpen(parent: Frame<K>, qname: string): boolean
  /** A child start tag read on its own: the kind of frame it opens, or `undefined` to read the child whole. */
  open(parent: Frame<K>, element: XmlElement): K | undefined
  /** A whole child element. */
  child(parent: Frame<K>, element: XmlElement, sink: Sink<Ev>): void
  /** The text between two children (never empty; may be white space). */
  text(parent: Frame<K>, text: string, sink: Sink<Ev>): void
  /** A frame ended; for the root, after the rest of the document was checked too. */
  close(frame: Frame<K>, sink: Sink<Ev>): void
  /** The issues of a parse error (the protocols report them as their document codecs do). */
  parseIssues(error: XmlError): StreamIssue[]
}

/** Advances a position over text (CRLF, CR and LF each end a line). */
function advance(from: Position, text: string): Position {
  let line = from.line
  let last = -1
  if (text.indexOf('\r') < 0) {
    for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) {
      line++
      last = k
    }
  } else {
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k)
      if (c === 13 && text.charCodeAt(k + 1) === 10) k++
      if (c === 10 || c === 13) {
        line++
        last = k
      }
    }
  }
  return last < 0 ? { line, column: from.column + text.length } : { line, column: text.length - last }
}

/** Most text read in one parser run when many small children arrive together. */
const BATCH = 1 << 18

class Reader<K, Ev> implements ScanHandler, Sink<Ev> {
  readonly scanner = new Scanner(this)
  readonly out: Array<Ev | StreamError> = []
  failed = false
  private readonly frames: Array<Frame<K>> = []
  private root: Frame<K> | undefined
  private rootClosedItself = false
  /** Before the root, in it, or after its end tag (then read without scanning). */
  private phase: 'prolog' | 'body' | 'epilog' = 'prolog'
  private parts: string[] = []
  /** Absolute offset of the first character held, and the position there. */
  private at = 0
  private cursor: Position = { line: 1, column: 1 }
  private end = 0
  /** Where the whole children held so far end (absolute offsets), read together by {@link flush}. */
  private batch: number[] = []
  private begun = false

  constructor(
    private readonly policy: StreamPolicy<K, Ev>,
    private readonly limits: Limits,
    /** Where events go as they come; without it they wait in {@link out}. */
    private readonly each?: (event: Ev | StreamError) => void,
  ) {}

  emit(event: Ev): void {
    if (this.each === undefined) this.out.push(event)
    else this.each(event)
  }

  fail(issues: StreamIssue[]): void {
    if (this.failed) return
    this.failed = true
    this.scanner.stopped = true
    if (this.each === undefined) this.out.push({ type: 'error', issues })
    else this.each({ type: 'error', issues })
  }

  private failXml(error: XmlError): void {
    this.fail(this.policy.parseIssues(error))
  }

  private tooLong(start: Position): void {
    const message = `more than maxLength (${this.limits.maxLength}) characters without a whole element or text; a stream holds one at a time`
    this.failXml({ message, ...start })
  }

  push(text: string): void {
    // The byte-order mark is taken off the first chunk only (a second one, even in a chunk of its own, is text).
    if (!this.begun) {
      this.begun = true
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    }
    const at = this.end
    this.parts.push(text)
    this.end += text.length
    if (this.phase !== 'epilog') this.scanner.scan(text, at)
    this.flush()
    if (!this.failed && this.end - this.at > this.limits.maxLength) this.tooLong(this.cursor)
  }

  /** The text from the first held character up to `end`, still held. */
  private peek(end: number): string {
    if (this.parts.length > 1) this.parts = [this.parts.join('')]
    return (this.parts[0] ?? '').slice(0, end - this.at)
  }

  /** The text from the first held character up to `end`, no longer held, and where it starts. */
  private take(end: number): { text: string; start: Position } {
    const text = this.peek(end)
    const rest = (this.parts[0] ?? '').slice(text.length)
    this.parts = rest.length > 0 ? [rest] : []
    const start = this.cursor
    this.at = end
    this.cursor = advance(start, text)
    return { text, start }
  }

  private scopeOf(frame: Frame<K> | undefined, start: Position): PieceScope {
    return {
      depth: frame?.depth ?? 0,
      open: frame === undefined ? undefined : { qname: frame.qname, start: frame.start },
      bindings: frame?.bindings ?? [],
      start,
    }
  }

  private parse(piece: { text: string; start: Position }, kind: PieceKind, frame = this.top()) {
    if (piece.text.length > this.limits.maxLength) {
      this.tooLong(piece.start)
      return undefined
    }
    const scope = this.scopeOf(frame, piece.start)
    const r = parsePiece(piece.text, this.limits, scope, kind)
    if (E.isLeft(r)) {
      this.failXml(r.left)
      return undefined
    }
    return { result: r.right, scope }
  }

  private top(): Frame<K> | undefined {
    return this.frames[this.frames.length - 1]
  }

  /**
   * Reads the whole children (and the text between them) held up to `end` as one piece: one parser run for many
   * small children. Should it fail, the children before the fault still count: they are read again one by one.
   */
  private flush(end: number = this.batch[this.batch.length - 1] ?? this.at): void {
    if (end <= this.at || this.failed || this.phase !== 'body') return
    const ends = this.batch.filter((e) => e < end)
    this.batch = []
    const frame = this.top()!
    const piece = this.take(end)
    const scope = this.scopeOf(frame, piece.start)
    const r = parsePiece(piece.text, this.limits, scope, 'content')
    if (E.isRight(r)) {
      this.dispatch(frame, r.right.nodes)
      return
    }
    let from = 0
    let start = piece.start
    for (const e of [...ends, end]) {
      const text = piece.text.slice(from, e - (end - piece.text.length))
      const one = parsePiece(text, this.limits, this.scopeOf(frame, start), 'content')
      if (E.isLeft(one)) {
        this.failXml(one.left)
        return
      }
      this.dispatch(frame, one.right.nodes)
      if (this.failed) return
      from += text.length
      start = advance(start, text)
    }
    this.failXml(r.left)
  }

  private dispatch(frame: Frame<K>, nodes: XmlNode[]): void {
    for (const node of nodes) {
      if (node.type === 'text') this.policy.text(frame, node.value, this)
      else this.policy.child(frame, node, this)
      if (this.failed) return
    }
  }

  startTag(lt: number, end: number, qname: string, selfClosing: boolean): boolean {
    if (qname === '') {
      this.bad()
      return false
    }
    if (this.phase === 'prolog') {
      this.openRoot(lt, end, selfClosing)
      return false
    }
    if (this.phase !== 'body') return false
    const parent = this.top()!
    if (!this.policy.mayOpen(parent, qname)) return true
    this.flush(lt)
    if (this.failed) return false
    const parsed = this.parse({ text: this.peek(end), start: this.cursor }, 'tag')
    if (parsed === undefined) return false
    const element = parsed.result.element!
    const kind = this.policy.open(parent, element)
    if (kind === undefined) return true
    const start = this.cursor
    this.take(end)
    this.openFrame(element, kind, qname, start, [...parent.bindings, ...parsed.result.declared], selfClosing)
    return false
  }

  private openRoot(lt: number, end: number, selfClosing: boolean): void {
    const offset = lt - this.at
    const piece = this.take(end)
    const parsed = this.parse(piece, 'start', undefined)
    if (parsed === undefined) return
    const element = parsed.result.element!
    const start = positionIn(piece.text, parsed.scope, offset)
    const kind = this.policy.root(element, this)
    if (this.failed) return
    this.phase = 'body'
    const qname = qualified(element)
    this.openFrame(element, kind, qname, start, parsed.result.declared, selfClosing)
  }

  private openFrame(el: XmlElement, kind: K, qname: string, start: Position, bindings: Binding[], closed: boolean) {
    const frame: Frame<K> = { element: el, kind, qname, start, depth: this.frames.length + 1, bindings }
    this.frames.push(frame)
    if (frame.depth === 1) this.root = frame
    if (closed) {
      if (frame.depth === 1) this.rootClosedItself = true
      this.closeFrame()
    }
  }

  private closeFrame(): void {
    const frame = this.frames.pop()!
    if (frame === this.root) {
      // The root's end (or nothing, for `<root/>`) and what follows are read whole at the end of the text.
      this.phase = 'epilog'
      this.scanner.stopped = true
      return
    }
    this.policy.close(frame, this)
  }

  endTag(lt: number, end: number): void {
    if (this.phase !== 'body') {
      this.bad()
      return
    }
    this.flush(lt)
    if (this.failed) return
    const frame = this.top()!
    if (frame === this.root) {
      this.frames.pop()
      this.phase = 'epilog'
      this.scanner.stopped = true
      return
    }
    if (this.parse(this.take(end), 'close') !== undefined) this.closeFrame()
  }

  recordEnd(end: number): void {
    const last = this.batch[this.batch.length - 1] ?? this.at
    if (end - last > this.limits.maxLength) {
      this.tooLong(this.cursor)
      return
    }
    this.batch.push(end)
    if (end - this.at >= BATCH) this.flush(end)
  }

  bad(): void {
    this.flush()
    this.finish(this.phase === 'prolog' ? 'start' : 'content')
  }

  /** Reads everything held as the last piece: it must fail unless it is the root's end and what follows. */
  finish(kind: PieceKind | undefined = undefined): void {
    this.flush()
    if (this.failed) return
    const piece = this.take(this.end)
    const root = this.root
    if (kind === undefined && this.phase === 'epilog' && root !== undefined) {
      // The root's end tag (unless it closed itself) and what follows it.
      const parsed = this.parse(piece, 'close', this.rootClosedItself ? undefined : root)
      if (parsed !== undefined) this.policy.close(root, this)
      return
    }
    const parsed = this.parse(piece, kind ?? (this.phase === 'prolog' ? 'start' : 'final'))
    if (parsed !== undefined)
      this.failXml({ message: 'the streaming reader could not read the markup here', ...piece.start })
  }
}

function qualified(el: XmlElement): string {
  return el.prefix === null ? el.localName : `${el.prefix}:${el.localName}`
}

/** The message of an error event for a fault of the source or of the reader itself. */
function faultMessage(error: unknown): string {
  return error instanceof SourceFault
    ? error.message
    : `the source failed: ${error instanceof Error ? error.message : String(error)}`
}

/**
 * Reads a whole text with a protocol's policy, synchronously, handing each event to `each` as it comes (at most
 * one {@link StreamError}, last). The reader holds pieces of `text` (slices, not copies), one at a time, so a
 * protocol that keeps values rather than trees never holds the document's tree. Never throws.
 */
export function readText<K, Ev>(
  text: string,
  policy: StreamPolicy<K, Ev>,
  limits: Limits,
  each: (event: Ev | StreamError) => void,
): void {
  const reader = new Reader(policy, limits, each)
  try {
    if (text.length > 0) reader.push(text)
    if (!reader.failed) reader.finish()
  } catch (error) {
    reader.fail([{ path: '', message: faultMessage(error) }])
  }
}

/**
 * Reads a document from a streaming source with a protocol's policy, yielding the policy's events and at most one
 * {@link StreamError}, last. Never throws: a failing source or an unexpected fault becomes the error event.
 */
export async function* readStream<K, Ev>(
  source: unknown,
  policy: StreamPolicy<K, Ev>,
  options: ParseOptions | undefined,
): AsyncGenerator<Ev | StreamError, void, undefined> {
  const reader = new Reader(policy, resolveLimits(options))
  try {
    for await (const text of sourceText(source)) {
      reader.push(text)
      if (reader.out.length > 0) yield* reader.out.splice(0)
      if (reader.failed) return
    }
    reader.finish()
  } catch (error) {
    reader.fail([{ path: '', message: faultMessage(error) }])
  }
  yield* reader.out.splice(0)
}
