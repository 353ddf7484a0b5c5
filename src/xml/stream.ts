// The streaming reader under streamSyncFeed and streamFileSync: cuts a document arriving in chunks into pieces
// (XML 1.0 §2.1 document, §3 elements) and hands each to the parser with the state around it, holding one at a time.
import { either as E } from 'fp-ts'
import type { DecodedNode } from './events'
import { type Issue, xmlIssue } from './issue'
import { type Limits, type ParseOptions, resolveLimits } from './options'
import { type Binding, type PieceKind, type PieceScope, type Position, parsePiece, positionIn } from './piece'
import { advance } from './position'
import { type ScanHandler, Scanner } from './scanner'
import { sourceIssue, sourceText } from './source'
import type { Frame, Sink, StreamError, StreamPolicy } from './stream-types'
import { qualifiedName } from './tree'
import type { XmlElement, XmlNode } from './types'

export type { Frame, Sink, StreamError, StreamIssue, StreamPolicy } from './stream-types'

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
    private readonly positions = false, // every element read gets its place; event mode is then not used
  ) {}

  emit(event: Ev): void {
    if (this.each === undefined) this.out.push(event)
    else this.each(event)
  }

  fail(issues: Issue[]): void {
    if (this.failed) return
    this.failed = true
    this.scanner.stopped = true
    if (this.each === undefined) this.out.push({ type: 'error', issues })
    else this.each({ type: 'error', issues })
  }

  private failXml(error: Issue): void {
    this.fail(this.policy.parseIssues(error))
  }

  private tooLong(start: Position): void {
    const message = `more than maxLength (${this.limits.maxLength}) characters without a whole element or text; a stream holds one at a time`
    this.failXml(xmlIssue(message, start))
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

  /** Parses a piece; `failing` (markup the scanner found wrong) is parsed whatever its length, for the fault's place. */
  private parse(piece: { text: string; start: Position }, kind: PieceKind, frame = this.top(), failing = false) {
    if (piece.text.length > this.limits.maxLength && !failing) {
      this.tooLong(piece.start)
      return undefined
    }
    const scope = this.scopeOf(frame, piece.start)
    const r = parsePiece(piece.text, this.limits, scope, kind, undefined, this.positions)
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
    // No event mode with positions: an element it gives back would leave its trees' places recorded (Parser.eventNode).
    const events = this.positions ? undefined : this.policy.events?.(frame)
    const r = parsePiece(piece.text, this.limits, scope, 'content', events, this.positions)
    if (E.isRight(r)) {
      this.dispatch(frame, r.right.nodes)
      return
    }
    let from = 0
    let start = piece.start
    for (const e of [...ends, end]) {
      const text = piece.text.slice(from, e - (end - piece.text.length))
      const one = parsePiece(text, this.limits, this.scopeOf(frame, start), 'content', events, this.positions)
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

  private dispatch(frame: Frame<K>, nodes: Array<XmlNode | DecodedNode>): void {
    for (const node of nodes) {
      if (node.type === 'text') this.policy.text(frame, node.value, this)
      else if (node.type === 'decoded') this.policy.decoded!(frame, node, this)
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
    const qname = qualifiedName(element)
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
    const parsed = this.parse(piece, kind ?? (this.phase === 'prolog' ? 'start' : 'final'), undefined, !!kind)
    if (parsed) this.failXml(xmlIssue('the streaming reader could not read the markup here', piece.start))
  }
}

/**
 * Reads a whole text with a protocol's policy, synchronously, handing each event to `each` as it comes (at most
 * one {@link StreamError}, last). The reader holds pieces of `text` (slices, not copies), one at a time, so a
 * protocol that keeps values rather than trees never holds the document's tree. Never throws.
 *
 * @example
 * ```ts
 * readText(text, policy, resolveLimits(undefined), (event) => events.push(event))
 * ```
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
    reader.fail([sourceIssue(error)])
  }
}

/**
 * Reads a document from a streaming source with a protocol's policy, giving the policy's events and at most one
 * {@link StreamError}, last. Never throws: a failing source or an unexpected fault becomes the error event.
 * A hand-made iterator rather than an async generator: events waiting in the reader are handed out as resolved
 * promises, one microtask each (an async generator spends several per event, a quarter of a FILESYNC decode).
 * Requests made before the previous one settled are served in order; `return` closes the source.
 *
 * @example
 * ```ts
 * for await (const event of readStream(source, policy, { maxDepth: 64 })) console.log(event)
 * ```
 */
export function readStream<K, Ev>(
  source: unknown,
  policy: StreamPolicy<K, Ev>,
  options: ParseOptions | undefined,
): AsyncIterableIterator<Ev | StreamError> {
  type Result = IteratorResult<Ev | StreamError, undefined>
  const reader = new Reader(policy, resolveLimits(options), undefined, options?.positions === true)
  const out = reader.out
  const texts = sourceText(source)
  const DONE: Result = { value: undefined, done: true }
  let taken = 0
  let ended = false
  let pulling: Promise<unknown> | undefined

  const close = async (): Promise<void> => {
    try {
      await texts.return(undefined)
    } catch {
      // The source's own clean-up failed; the stream has ended either way.
    }
  }
  // Reads chunks until an event waits or the stream has ended.
  const pull = async (): Promise<void> => {
    try {
      while (out.length === taken && !ended) {
        const r = await texts.next()
        if (r.done === true) {
          ended = true
          reader.finish()
        } else {
          reader.push(r.value)
          if (reader.failed) {
            ended = true
            await close()
          }
        }
      }
    } catch (error) {
      ended = true
      reader.fail([sourceIssue(error)])
    }
  }
  const iterator: AsyncIterableIterator<Ev | StreamError> = {
    next(): Promise<Result> {
      if (pulling !== undefined) return pulling.then(() => iterator.next())
      if (taken < out.length) {
        const value = out[taken++]!
        if (taken === out.length) {
          out.length = 0
          taken = 0
        }
        return Promise.resolve({ value, done: false })
      }
      if (ended) return Promise.resolve(DONE)
      const p = pull().then(() => {
        pulling = undefined
      })
      pulling = p
      return p.then(() => iterator.next())
    },
    async return(): Promise<Result> {
      if (pulling !== undefined) await pulling
      const open = !ended
      ended = true
      out.length = 0
      taken = 0
      if (open) await close()
      return DONE
    },
    [Symbol.asyncIterator]() {
      return iterator
    },
  }
  return iterator
}
