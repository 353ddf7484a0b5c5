// The in-memory parser made resumable for the streaming reader: it reads the text that has arrived with the state
// around it (the open elements kept by the reader), hands each whole unit over, and when the text ends inside a
// construct (a fault flagged `end`), stops there: the reader runs it again from that unit once more text came.
// Implements XML 1.0 §2.1 (document), §3 (elements) read as a stream; every check is the in-memory parser's.
import type { DecodedNode, ElementEvents } from './events'
import { type Issue, internalIssue, xmlIssue } from './issue'
import { BANG, type Name, QUESTION, SLASH, SyntaxFault } from './lexer'
import type { Limits } from './options'
import { Parser } from './parser'
import { advance, lineAndColumn } from './position'
import { recordPositions } from './positions'
import type { XmlElement, XmlNode } from './types'

/** A 1-based line and column in the whole document. */
export interface Position {
  line: number
  column: number
}

/** A namespace binding in scope: prefix (`''` for the default namespace) and URI (`null` = undeclared default). */
export type Binding = readonly [prefix: string, uri: string | null]

/** An element the reader keeps open: its name as written, where its start tag is, the bindings in scope in it. */
export interface OpenElement {
  qname: string
  start: Position
  /** Outermost first (a later binding of a prefix hides an earlier one); its parent's, then its own declarations. */
  bindings: readonly Binding[]
}

/** What encloses the text read: the elements the reader keeps open and where the text starts in the document. */
export interface Scope {
  /** The open elements, outermost first (none in the prolog, and after a root that closed itself). */
  open: readonly OpenElement[]
  /** Where the text's first character is in the whole document. */
  start: Position
}

/** The reader the parser hands what it reads to (the innermost open element is its innermost frame). */
export interface StreamHost {
  readonly failed: boolean
  /** The root's start tag, at `start`, with the bindings it declared; `closed` for `<root/>`. */
  rootTag(element: XmlElement, start: Position, declared: Binding[], closed: boolean): void
  /** A whole child (element, text, or one read in event mode) of the innermost frame. */
  node(node: XmlNode | DecodedNode): void
  /** Whether a child start tag (by its name as written) might open a frame. */
  mayOpen(qname: string): boolean
  /**
   * Whether a child that might open a frame is first tried whole in event mode, when all of it is in the text held
   * (see `StreamPolicy.whole`).
   */
  readonly whole: boolean
  /** A child start tag at `start`: whether it opens a frame (closed at once when `closed`), else it is read whole. */
  open(element: XmlElement, start: Position, declared: Binding[], closed: boolean): boolean
  /** The innermost frame's end tag was read. */
  close(): void
  /** The reader of the innermost frame's children in event mode, if any. */
  events(): ElementEvents<unknown> | undefined
  /** More than maxLength characters from `start` without a whole unit. */
  tooLong(start: Position): void
  /** A well-formedness error. */
  failXml(issue: Issue): void
}

/**
 * How a run ended: waiting for more text, at the root's end (the rest is read whole at the end), at a fault not
 * reported (mode 'hold'), or done.
 */
export type RunEnd = 'more' | 'epilog' | 'fault' | 'done'

/** An element with no name or content: the stand-in for an element the reader keeps open. */
function standIn(): XmlElement {
  return { type: 'element', namespace: null, localName: '', prefix: null, attributes: [], children: [] }
}

/**
 * The parser run over the text held by the streaming reader. A unit (text and markup up to a whole element or a
 * frame's start or end tag) is handed over whole; {@link mark} is where the unit being read starts.
 */
export class StreamParser extends Parser {
  /** Where the unit being read starts: everything before it was handed over. */
  mark = 0
  /** Offset and position last computed (positions move forward as units are handed over). */
  private at = 0
  private cursor: Position
  /** The name {@link eventName} read last at each depth (see there). */
  private readonly eventNames: Array<Name | undefined> = []
  /** Where the last element that event mode gave up on whole ends: those nested in it are not tried whole again. */
  private notWholeBefore = -1

  constructor(
    text: string,
    limits: Limits,
    private readonly scope: Scope,
    names: Array<Name | undefined> | undefined,
    private readonly host: StreamHost,
    /**
     * 'final': the text is the rest of the document (a fault flagged `end` is then a fault); 'report': more text may
     * come, faults are reported; 'hold': as 'report', but a fault ends the run without being reported (see Reader).
     */
    private readonly mode: 'final' | 'report' | 'hold',
    private readonly positions: boolean,
  ) {
    super(text, limits, names)
    this.cursor = scope.start
    if (positions) this.recorded = { elements: [], starts: [] }
    // The open elements get stand-ins, their names, their starts (offsets -1, -2, … stand for them, see position)
    // and their declarations, so that closing one unbinds what it declared.
    const open = scope.open
    for (let d = 0; d < open.length; d++) {
      const el = open[d]!
      this.elements[d] = standIn()
      this.qnames[d] = el.qname
      this.starts[d] = -1 - d
      this.bindingMarks[d] = this.declared.length
      this.hasElementChild[d] = false
      this.childStarts[d] = 0
      const inherited = d === 0 ? 0 : open[d - 1]!.bindings.length
      for (let k = inherited; k < el.bindings.length; k++) this.bind(el.bindings[k]![0], el.bindings[k]![1])
    }
    this.depth = open.length
    if (open.length > 0) this.frameEvents()
  }

  /** The names read, for the next run. */
  get namesRead(): Array<Name | undefined> {
    return this.nameCache
  }

  protected override position(offset: number): Position {
    const scope = this.scope
    if (offset < 0) return scope.open[-1 - offset]?.start ?? scope.start
    const local = lineAndColumn(this.s, Math.max(0, offset))
    return local.line === 1
      ? { line: scope.start.line, column: scope.start.column + local.column - 1 }
      : { line: scope.start.line + local.line - 1, column: local.column }
  }

  /** The position of `offset` in the whole document (offsets asked for mostly increase). */
  posAt(offset: number): Position {
    if (offset < this.at) return this.position(offset)
    this.cursor = advance(this.cursor, this.s.slice(this.at, offset))
    this.at = offset
    return this.cursor
  }

  /** Reads from the start of the text: the prolog and root's start tag first when `prolog`. */
  run(prolog: boolean): RunEnd {
    try {
      if (prolog && !this.prolog()) return this.host.failed ? 'done' : 'epilog'
      return this.body()
    } catch (error) {
      return this.fault(error)
    }
  }

  /** At the end of the document: the root's end tag (unless it closed itself) and what follows, checked. */
  closing(): boolean {
    try {
      if (this.depth === 0) this.misc(this.elements[0] ?? standIn())
      else {
        const root = this.elements[0]!
        this.contentUntil(0, false)
        this.misc(root)
      }
      return true
    } catch (error) {
      this.fault(error)
      return false
    }
  }

  private fault(error: unknown): RunEnd {
    const host = this.host
    if (host.failed) return 'done'
    if (!(error instanceof SyntaxFault)) {
      // A bug (the parser's, a protocol's reader's, a user's codec's): reported, as in memory.
      host.failXml(internalIssue(error))
      return 'done'
    }
    const cut = error.end && this.mode !== 'final'
    // Counted the same whatever the chunking: how far the unit went before it ended, failed or was cut.
    const reached = cut ? this.len : Math.max(this.i, error.offset)
    if (reached - this.mark > this.limits.maxLength) host.tooLong(this.posAt(this.mark))
    else if (cut) return 'more'
    else if (this.mode === 'hold') return 'fault'
    else host.failXml(xmlIssue(error.message, this.position(error.offset)))
    return 'done'
  }

  /** The prolog and the root's start tag; `false` when the root closed itself (or the reader failed). */
  private prolog(): boolean {
    // The reader took the document's byte-order mark off already: a second one is text, as for parseXml.
    if (this.s.charCodeAt(0) === 0xfeff) this.fail('text before the root element', 0)
    this.rootTagOnly = true
    const element = this.document()
    if (!this.within()) return false
    const closed = this.depth === 0
    element.children = []
    const declared = closed ? [] : this.declaredSince(0)
    this.place()
    this.host.rootTag(element, this.posAt(this.starts[0]!), declared, closed)
    this.mark = this.i
    if (closed || this.host.failed) return false
    this.elements[0] = standIn()
    this.childStarts[0] = this.childTop = 0
    this.frameEvents()
    return true
  }

  private body(): RunEnd {
    const s = this.s
    const host = this.host
    for (;;) {
      if (host.failed) return 'done'
      const base = this.depth
      // Text, comments, PIs and CDATA sections up to the next tag.
      let next: number
      for (;;) {
        this.text()
        if (this.i >= this.len)
          this.fail(`element <${this.qnames[base - 1]}> is not closed`, this.starts[base - 1], true)
        next = s.charCodeAt(this.i + 1)
        if (next === BANG) this.bangInContent()
        else if (next === QUESTION) this.processingInstruction()
        else break
      }
      if (next === SLASH) {
        if (base === 1) {
          // The root's end tag and what follows are read whole at the end of the document.
          this.flushText()
          if (!this.commit(base)) return 'done'
          return 'epilog'
        }
        const holder = this.elements[base - 1]!
        this.endTag()
        if (!this.within()) return 'done'
        // Closing gave the stand-in the frame's last children (the text before its end tag).
        for (const node of holder.children) if (!host.failed) host.node(node)
        this.mark = this.i
        if (host.failed) return 'done'
        host.close()
        this.frameEvents()
        continue
      }
      if (this.events !== undefined) {
        const name = this.eventName()
        if (host.mayOpen(name.qname) ? this.wholeElement(name) : this.eventElement(name)) {
          if (!this.commit(base)) return 'done'
          continue
        }
      }
      const element = this.startTag()
      const closed = this.depth === base
      if (host.mayOpen(this.qnames[base]!)) {
        if (!this.within()) return 'done'
        if (!this.opened(element, base, closed)) continue
        element.children = []
      }
      if (!closed) this.contentUntil(base, false)
      if (!this.commit(base)) return 'done'
    }
  }

  /**
   * A child start tag a frame may open for: the text before it is handed over, then the host decides; `false`
   * when it opened a frame (or failed), `true` when the child is to be read whole.
   */
  private opened(element: XmlElement, base: number, closed: boolean): boolean {
    const host = this.host
    const tagStart = this.starts[base]!
    const from = this.childStarts[base - 1]!
    const at = this.childTop - 1 // the element; the text before it below
    for (let k = from; k < at && !host.failed; k++) host.node(this.childStack[k]!)
    this.childStack[from] = element
    this.childTop = from + 1
    if (!closed) this.childStarts[base] = this.childTop
    this.mark = tagStart
    if (host.failed) return false
    const declared = closed ? [] : this.declaredSince(base)
    this.place()
    const start = this.posAt(tagStart)
    element.children = []
    if (!host.open(element, start, declared, closed)) return true
    this.childTop = from
    if (!closed) {
      this.childStarts[base] = from
      this.elements[base] = standIn()
      this.frameEvents()
    }
    this.mark = this.i
    return false
  }

  /**
   * The name of the start tag at `<`, which event mode then takes as read. `this.i` stays at `<`.
   */
  private eventName(): Name {
    const lt = this.i
    // Siblings in a list mostly share their name: the last one read at this depth is compared in place first.
    const d = this.depth
    const last = this.eventNames[d]
    let name: Name
    if (last !== undefined && this.nameAt(last.qname, lt + 1)) name = last
    else {
      this.i = lt + 1
      name = this.qname('an element name after <')
      this.i = lt
      this.eventNames[d] = name
    }
    return name
  }

  /**
   * A child that might open a frame, read whole in event mode when the host asks for it and all of it is in the
   * text held, within maxLength (else, or when event mode gives up, it opens its frame as any other): a nested
   * listing then costs what the in-memory decode costs, not a frame per element. `this.i` stays at `<` when not.
   */
  private wholeElement(name: Name): boolean {
    // Inside an element given up on, event mode would give up again at the same place: each character is read in
    // at most one attempt, however deep the nesting (else a comment deep down is read once per enclosing folder).
    if (!this.host.whole || this.i < this.notWholeBefore) return false
    const start = this.i
    const end = this.elementEnd(name.qname)
    if (end < 0 || end - this.mark > this.limits.maxLength) return false
    const node = this.eventNode(name)
    if (node === undefined || this.i - this.mark > this.limits.maxLength) {
      // Given up, or longer than the guess above (a name in a comment, say): read as a frame, a unit at a time.
      this.notWholeBefore = Math.max(end, this.i)
      this.i = start
      return false
    }
    this.addChildElement(node as unknown as XmlElement)
    return true
  }

  /** The bindings declared by the element open at depth `d + 1`, as they resolve now. */
  private declaredSince(d: number): Binding[] {
    const declared: Binding[] = []
    for (let k = this.bindingMarks[d]!; k < this.declared.length; k++) {
      const prefix = this.declared[k]!
      declared.push([prefix, this.lookup(prefix) ?? null])
    }
    return declared
  }

  /** Whether the unit read so far is within maxLength (else the host was told). */
  private within(): boolean {
    if (this.i - this.mark <= this.limits.maxLength) return true
    this.host.tooLong(this.posAt(this.mark))
    return false
  }

  /** Hands the whole unit read over to the host (the children of the frame at `base` since the last one). */
  private commit(base: number): boolean {
    if (!this.within()) return false
    this.place()
    const from = this.childStarts[base - 1]!
    const to = this.childTop
    const host = this.host
    for (let k = from; k < to && !host.failed; k++) host.node(this.childStack[k]!)
    this.childTop = from
    this.mark = this.i
    return !host.failed
  }

  /** With positions: gives the elements read in the unit their places in the whole document. */
  private place(): void {
    const recorded = this.recorded
    if (recorded === undefined || recorded.elements.length === 0) return
    const mark = this.mark
    const starts = recorded.starts.map((offset) => offset - mark)
    recordPositions(this.s.slice(mark, this.i), recorded.elements, starts, this.posAt(mark))
    recorded.elements = []
    recorded.starts = []
  }

  /** Event mode for the children of the innermost open element (never with positions; see Parser.eventNode). */
  private frameEvents(): void {
    const events = this.positions ? undefined : this.host.events()
    this.events = events
    this.eventsDepth = events === undefined ? -1 : this.depth
  }
}
