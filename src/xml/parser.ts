// The parser the readers run (the top of its class chain, lexer.ts up): parseXml's trees, whole documents in event
// mode, trees whose root's children go through event mode, an element's close (where the scan hands elements
// over) and a scanned element read again.

import { EventReader } from './event-reader'
import type { ElementEvents, ReadAgain } from './events'
import { BANG, isSpace, LT, QUESTION, SLASH, SyntaxFault } from './lexer'
import type { Limits } from './options'
import { NONE } from './tree'
import { copyOut, OPEN } from './tree-builder'
import type { XmlElement, XmlNode } from './types'

/**
 * The parser itself; internal (the streaming readers run it on one piece of a document at a time). It is its own
 * namespace scope stack, so resolving a prefix costs no more than a method call.
 */
export class Parser extends EventReader {
  /** The text and limits lazy children are read again from, with one parser for them all (not this one). */
  private again: Again | undefined

  /**
   * Reads a whole document with its root element in event mode: the root's value; at a well-formedness error, its
   * fault, the one {@link parseXml} finds; `undefined` when event mode gave up at something well-formed: the caller
   * reads the text again. Anything else thrown (a bug) passes on, for the decode's guard to report. The text is read
   * once either way: where event mode gives up at what may be a fault, the parser reads on from there as a tree (see
   * {@link resume}).
   */
  eventDocument(events: ElementEvents<unknown>): { value: unknown } | SyntaxFault | undefined {
    const s = this.s
    this.events = events
    this.eventsDepth = 0
    try {
      if (s.charCodeAt(0) === 0xfeff) this.i = 1
      if (
        s.startsWith('<?xml', this.i) &&
        (isSpace(s.charCodeAt(this.i + 5)) || s.charCodeAt(this.i + 5) === QUESTION)
      ) {
        this.xmlDeclaration()
      }
      for (;;) {
        this.skipSpace()
        if (s.charCodeAt(this.i) !== LT) break
        if (s.startsWith('<!--', this.i)) this.comment()
        else if (s.charCodeAt(this.i + 1) === QUESTION) this.processingInstruction()
        else break
      }
      const next = s.charCodeAt(this.i + 1)
      // No root here (text, the end, a DOCTYPE, an end tag): the tree's reading of the prolog, which fails.
      if (s.charCodeAt(this.i) !== LT || next === BANG || next === SLASH) {
        this.misc(undefined)
        return undefined
      }
      this.resumeAt = this.i
      const root = this.eventNode()
      if (root === undefined) {
        if (this.eventFault !== undefined) return this.eventFault
        if (!this.refused) this.resume()
        return undefined
      }
      this.misc(root as unknown as XmlElement)
      return { value: root.value }
    } catch (error) {
      if (error instanceof SyntaxFault) return error
      throw error
    }
  }

  /**
   * After event mode gave up at what may be a fault, reads the rest of the document as a tree from where it stopped
   * ({@link resumeAt}, {@link resumeDepth}): everything before was read by event mode, which takes only what the
   * tree takes, so the first fault from there is the document's first, as {@link parseXml} reports it (thrown).
   * The elements still open get stand-ins, with the names and starts event mode recorded for the tree's messages.
   */
  private resume(): void {
    const depth = this.resumeDepth
    this.events = undefined
    this.eventsDepth = -1
    this.childTop = 0
    this.pending = ''
    for (let d = 0; d < depth; d++) {
      this.elements[d] = {
        type: 'element',
        namespace: null,
        localName: '',
        prefix: null,
        attributes: [],
        children: OPEN,
      }
      this.childStarts[d] = 0
      this.bindingMarks[d] = this.declared.length
      this.hasElementChild[d] = true
    }
    this.depth = depth
    this.i = this.resumeAt
    if (depth === 0) {
      this.misc(undefined)
      return
    }
    const root = this.elements[0]!
    this.contentUntil(0, false)
    this.misc(root)
  }

  /**
   * Reads a whole document as a tree whose root's children go through event mode: each child `events` takes is a
   * {@link DecodedNode} in the root's children, every other a tree. At a well-formedness error, its fault: the one
   * {@link parseXml} finds, since event mode takes only what the tree takes and gives back anything else, unread, to
   * be read as a tree. Anything else thrown (a bug) passes on, for the decode's guard to report.
   */
  eventChildren(events: ElementEvents<unknown>): XmlElement | SyntaxFault {
    this.events = events
    this.eventsDepth = 1
    this.compact = true
    try {
      return this.document()
    } catch (error) {
      if (error instanceof SyntaxFault) return error
      throw error
    }
  }

  protected override closeElement(): void {
    this.flushText()
    const d = this.depth - 1
    const mark = this.bindingMarks[d]!
    while (this.declared.length > mark) this.unbind()
    const top = this.childTop
    const start = this.childStarts[d]!
    if (d < this.scanDepth - 1)
      this.elements[d]!.children = top > start ? copyOut(this.childStack, start, top) : this.compact ? NONE : []
    else if (d === this.scanDepth - 1) {
      // Scanned content: the events' element, whose children are read again from its start tag, stands for it (it
      // is the last child of its parent: nothing of its content went onto the stack).
      this.again ??= new Again(this.s, this.limits)
      this.childStack[start - 1] = this.events!.scanned!(
        this.elements[d]!,
        this.again,
        this.starts[d]!,
        this.scanScope(),
      )
    }
    this.childTop = start
    this.elements[d] = undefined as unknown as XmlElement
    this.openNames[d] = undefined
    this.depth = d
  }

  /** The bindings in scope as (prefix, URI, …), for reading again (see {@link readAgain}). */
  private scanScope(): Array<string | null> {
    const scope: Array<string | null> = []
    for (const p of this.declared) scope.push(p, this.lookup(p)!)
    return scope
  }

  /**
   * The children of the element at `start` as a compact tree, with the bindings `scope` (prefix, URI, …) in scope:
   * the text of a lazy element, which a scan checked already.
   */
  readAgain(start: number, scope: ReadonlyArray<string | null>): XmlNode[] {
    this.compact = true
    for (let k = 0; k < scope.length; k += 2) this.bind(scope[k]!, scope[k + 1] as string | null)
    this.i = start
    const el = this.startTag()
    this.contentUntil(0, false)
    while (this.declared.length > 0) this.unbind()
    return el.children
  }
}

/** Reads the children of scanned elements again from their text, with one parser for them all (see `readAgain`). */
class Again implements ReadAgain {
  private parser: Parser | undefined
  constructor(
    private readonly s: string,
    private readonly limits: Limits,
  ) {}

  read(start: number, scope: ReadonlyArray<string | null>): XmlNode[] {
    this.parser ??= new Parser(this.s, this.limits)
    return this.parser.readAgain(start, scope)
  }
}
