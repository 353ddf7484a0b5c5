// The streaming reader under streamSyncFeed and streamFileSync: runs the in-memory parser, made resumable
// (stream-parser.ts), over the text as it arrives, holding one unit (a whole element or text) at a time, and hands
// what it reads to a protocol's policy (XML 1.0 §2.1 document, §3 elements).
import type { DecodedNode } from './events'
import { type Issue, internalIssue, xmlIssue } from './issue'
import type { Name } from './lexer'
import { type Limits, type ParseOptions, resolveLimits } from './options'
import { SourceFault, sourceIssue, sourceText } from './source'
import { type Binding, type Position, type Scope, type StreamHost, StreamParser } from './stream-parser'
import type { Frame, Sink, StreamError, StreamPolicy } from './stream-types'
import { qualifiedName } from './tree'
import type { XmlElement, XmlNode } from './types'

export type { Frame, Sink, StreamError, StreamIssue, StreamPolicy } from './stream-types'

class Reader<K, Ev> implements StreamHost, Sink<Ev> {
  readonly out: Array<Ev | StreamError> = []
  failed = false
  private readonly frames: Array<Frame<K>> = []
  private root: Frame<K> | undefined
  private rootClosedItself = false
  /** Before the root, in it, or after its end tag (then held, and read whole at the end). */
  private phase: 'prolog' | 'body' | 'epilog' = 'prolog'
  /** The text held: from the start of the unit being read on. */
  private parts: string[] = []
  private held = 0
  /** The position of the first character held. */
  private cursor: Position = { line: 1, column: 1 }
  /** How much text the last run waited on: the next runs once as much more came (linear however small the chunks). */
  private waiting = 0
  /**
   * Whether the last run stopped at a fault it did not report (mode 'hold'). The in-memory decode refuses bytes
   * that are not text before it parses anything, so a fault in the text waits (the text after it dropped) until the
   * source ends or maxLength more characters came: bytes that fail to decode before then are reported instead,
   * as the in-memory decode reports them. A source that never ends still gets the fault, after maxLength more.
   */
  private faulty = false
  /** How much text came after the fault held. */
  private past = 0
  /** How much text came since the last run. */
  private fresh = 0
  private names: Array<Name | undefined> | undefined
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
    if (this.each === undefined) this.out.push({ type: 'error', issues })
    else this.each({ type: 'error', issues })
  }

  failXml(error: Issue): void {
    this.fail(this.policy.parseIssues(error))
  }

  tooLong(start: Position): void {
    const message = `more than maxLength (${this.limits.maxLength}) characters without a whole element or text; a stream holds one at a time`
    this.failXml(xmlIssue(message, start))
  }

  push(text: string): void {
    // The byte-order mark is taken off the first chunk only (a second one, even in a chunk of its own, is text).
    if (!this.begun) {
      this.begun = true
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    }
    if (text.length === 0) return
    if (this.faulty) {
      // The fault waits for the source's end or maxLength more characters (see faulty); the text is not needed.
      this.past += text.length
      if (this.past > this.limits.maxLength) this.read('report')
      return
    }
    this.parts.push(text)
    this.held += text.length
    this.fresh += text.length
    if (this.phase === 'epilog') {
      if (this.held > this.limits.maxLength) this.tooLong(this.cursor)
      return
    }
    if (this.fresh >= this.waiting || this.held > this.limits.maxLength) this.read('hold')
  }

  /**
   * Before a failure of the source is reported: what is whole in the text held is read. Bytes that are not text
   * fail the in-memory decode before any parse: then a well-formedness fault found before them in the text held
   * (perhaps in a unit the bytes cut) is not reported; other failures come after it.
   */
  settle(error: unknown): void {
    if (this.failed || this.phase === 'epilog') return
    const bytes = error instanceof SourceFault && error.code === 'undecodable'
    if (bytes ? this.fresh > 0 : this.fresh > 0 || this.faulty) this.read(bytes ? 'hold' : 'report')
  }

  /** Runs the parser over the text held (see StreamParser's modes). */
  private read(mode: 'final' | 'report' | 'hold'): void {
    this.fresh = 0
    const whole = this.parts.length === 1 ? this.parts[0]! : this.parts.join('')
    const last = whole.charCodeAt(whole.length - 1)
    // A high surrogate at the end waits for its pair (a chunk of text may cut a pair in two).
    const text = mode !== 'final' && last >= 0xd800 && last <= 0xdbff ? whole.slice(0, -1) : whole
    const parser = new StreamParser(text, this.limits, this.scope(), this.names, this, mode, this.positions)
    const end = parser.run(this.phase === 'prolog')
    this.names = parser.namesRead
    const mark = parser.mark
    this.cursor = parser.posAt(mark)
    const rest = mark === 0 ? whole : whole.slice(mark)
    this.parts = rest.length > 0 ? [rest] : []
    this.held = rest.length
    this.waiting = end === 'more' ? rest.length : 0
    this.faulty = end === 'fault'
    if (end === 'epilog') this.phase = 'epilog'
    if (!this.failed && this.phase === 'epilog' && this.held > this.limits.maxLength) this.tooLong(this.cursor)
  }

  private scope(): Scope {
    return { open: this.frames, start: this.cursor }
  }

  private top(): Frame<K> {
    return this.frames[this.frames.length - 1]!
  }

  rootTag(element: XmlElement, start: Position, declared: Binding[], closed: boolean): void {
    const kind = this.policy.root(element, this)
    if (this.failed) return
    this.phase = 'body'
    const qname = qualifiedName(element)
    const frame: Frame<K> = { element, kind, qname, start, depth: 1, bindings: declared }
    this.frames.push(frame)
    this.root = frame
    if (closed) {
      // The root's end (nothing, for `<root/>`) and what follows are read whole at the end of the text.
      this.rootClosedItself = true
      this.phase = 'epilog'
    }
  }

  node(node: XmlNode | DecodedNode): void {
    const frame = this.top()
    if (node.type === 'text') this.policy.text(frame, node.value, this)
    else if (node.type === 'decoded') this.policy.decoded!(frame, node, this)
    else this.policy.child(frame, node, this)
  }

  get whole(): boolean {
    return this.policy.whole === true
  }

  mayOpen(qname: string): boolean {
    return this.policy.mayOpen(this.top(), qname)
  }

  open(element: XmlElement, start: Position, declared: Binding[], closed: boolean): boolean {
    const parent = this.top()
    const kind = this.policy.open(parent, element)
    if (kind === undefined) return false
    const bindings = declared.length === 0 ? parent.bindings : [...parent.bindings, ...declared]
    const frame: Frame<K> = { element, kind, qname: qualifiedName(element), start, depth: parent.depth + 1, bindings }
    this.frames.push(frame)
    if (closed) this.close()
    return true
  }

  close(): void {
    this.policy.close(this.frames.pop()!, this)
  }

  events() {
    return this.policy.events?.(this.top())
  }

  /** The end of the document: what is held must be the root's end and what follows it. */
  finish(): void {
    if (this.failed) return
    if (this.phase !== 'epilog') this.read('final')
    const root = this.root
    if (this.failed || this.phase !== 'epilog' || root === undefined) return
    const text = this.parts.join('')
    const scope: Scope = { open: this.rootClosedItself ? [] : [root], start: this.cursor }
    const parser = new StreamParser(text, this.limits, scope, this.names, this, 'final', false)
    if (parser.closing()) this.policy.close(root, this)
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
    // The text has no source to fail: a throw is a bug (of the reader or the policy), reported as one.
    reader.fail([internalIssue(error)])
  }
}

/**
 * How many characters of a chunk the reader takes at a time (a whole document may come as one string): the events
 * of a piece are handed out before the next is read, so they do not all wait, and their values die young.
 */
const PIECE = 64 * 1024

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
  // The chunk being read and how much of it the reader has: a long chunk goes in PIECE at a time.
  let chunk = ''
  let at = 0
  // Reads chunks until an event waits or the stream has ended. What the source throws is its failure; what the
  // reader throws (a bug of its own or of the policy) is reported as that, not as the source's failure.
  const pull = async (): Promise<void> => {
    while (out.length === taken && !ended) {
      if (at >= chunk.length) {
        let r: IteratorResult<string, void>
        try {
          r = await texts.next()
        } catch (error) {
          ended = true
          try {
            reader.settle(error)
            reader.fail([sourceIssue(error)])
          } catch (fault) {
            reader.fail([internalIssue(fault), sourceIssue(error)])
          }
          return
        }
        if (r.done !== true) {
          chunk = r.value
          at = 0
          continue
        }
      }
      try {
        if (at >= chunk.length) {
          ended = true
          reader.finish()
        } else {
          const end = Math.min(chunk.length, at + PIECE)
          reader.push(at === 0 && end === chunk.length ? chunk : chunk.slice(at, end))
          at = end
          if (reader.failed) {
            ended = true
            await close()
          }
        }
      } catch (error) {
        ended = true
        reader.fail([internalIssue(error)])
        await close()
      }
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
