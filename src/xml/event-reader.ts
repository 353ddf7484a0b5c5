// The parser's event mode: the children of one open element read straight into a protocol's values (events.ts),
// with no tree, giving up to the tree path at anything it does not take (the same value or the exact error then).

import { type DecodedNode, type ElementEvents, LEAF, SCAN, TREE } from './events'
import { AMP, BANG, GT, isSpace, LT, type Name, QUESTION, SLASH, SyntaxFault, TEXT_PLAIN } from './lexer'
import { DEFAULT_LIMITS } from './options'
import { NO_SCAN } from './tree-builder'
import { TreeReader } from './tree-reader'
import type { XmlElement } from './types'

/**
 * How deep event mode reads: its reading of nested elements recurses, the tree's does not, so past the default
 * `maxDepth` (a limit a caller may raise) elements are read as a tree, never into the end of the stack.
 */
const EVENT_DEPTH = DEFAULT_LIMITS.maxDepth

/**
 * Event mode's reading of an element: its content, leaves and end tags checked as the tree checks them, and where
 * it gave up: at something well-formed (refused) or at what may be a fault (suspected, read on as a tree).
 */
export abstract class EventReader extends TreeReader {
  /**
   * Where {@link eventDocument} reads on as a tree after event mode gave up (see {@link resume}): the offset, and the
   * depth of the element being read there (the open elements above it have their names and starts in `qnames` and
   * `starts`). `refused` when event mode gave up at something well-formed (a value refused, attributes, a comment):
   * no fault is looked for then. `eventFault`: the fault met in event mode, which is the tree's own (the same code).
   */
  protected resumeAt = -1
  protected resumeDepth = 0
  protected refused = false
  protected eventFault: SyntaxFault | undefined

  /**
   * Reads the child element at `<` in event mode; `false`, with nothing read, at anything the fast way does not
   * take (attributes, a namespace, text in a record, markup other than elements, a fault, a value refused): the
   * caller then reads it as a tree, which gives the same value or the exact error.
   */
  protected override eventElement(read?: Name): boolean {
    const node = this.eventNode(read)
    if (node === undefined) return false
    this.addChildElement(node as unknown as XmlElement)
    return true
  }

  /**
   * The element at `<` read in event mode, or `undefined` with nothing read (see {@link eventElement}); `read`: its
   * name, when the caller read it already (the streaming reader, to tell whether it opens a frame).
   */
  protected eventNode(read?: Name): DecodedNode | undefined {
    const events = this.events!
    const d = this.depth
    const start = this.i
    const namespaces = events.namespaces === true
    if (
      d >= Math.min(this.limits.maxDepth, EVENT_DEPTH) ||
      (!namespaces && this.defaultUri !== undefined && this.defaultUri !== null)
    ) {
      return undefined
    }
    const pending = this.pending
    const marks = this.declared.length
    const stacked = this.childTop
    let node: DecodedNode | undefined
    this.pending = ''
    try {
      let name: Name
      if (read === undefined) {
        this.i = start + 1
        name = this.qname('an element name after <')
      } else {
        this.i = start + 1 + read.qname.length
        name = read
      }
      const ns = namespaces ? this.eventNamespace(name.prefix) : name.prefix === null ? null : undefined
      const state = ns === undefined ? undefined : events.start(name.localName, ns)
      if (state === undefined) this.refused = true
      else if (this.eventContent(events, state, name, d + 1, start)) {
        if (events.end(state))
          node = { type: 'decoded', namespace: ns!, localName: name.localName, value: events.value(state) }
        else this.refused = true
      }
    } catch (error) {
      // A fault of the text is the tree's own (the same code): read as a tree, it gives the exact error. Anything
      // else thrown is a bug (of the parser, a protocol's reader or a user's codec), and passes on to be reported:
      // read again as a tree, it would only make the decode slower without a word.
      if (!(error instanceof SyntaxFault)) throw error
      node = undefined
      this.eventFault = error
    }
    this.pending = pending
    this.depth = d
    this.scanDepth = NO_SCAN
    // Given back: the text, the bindings and the children read are rewound. The elements `recorded` for positions
    // (trees read in the attempt) would not be, and their offsets would break the order the places are counted in
    // (`recordPositions`): event mode never runs with positions, so nothing is recorded here. parseXml with positions
    // reads without events, the streaming readers turn events off with positions (stream.ts), eventChildren and
    // eventDocument record nothing. test/sdata/stream-positions.test.ts pins the places after an entry given back.
    if (node === undefined) {
      this.i = start
      while (this.declared.length > marks) this.unbind()
      this.childTop = stacked
    }
    return node
  }

  /**
   * Reads, in event mode, the rest of a start tag whose name was read, its content and its end tag; children are
   * at depth `level`. `false` gives up.
   */
  private eventContent(
    events: ElementEvents<unknown>,
    state: unknown,
    parent: Name,
    level: number,
    start: number,
  ): boolean {
    const s = this.s
    const qname = parent.qname
    // The element's name and start, for the tree's messages should eventDocument read on as a tree (see resume).
    this.qnames[level - 1] = qname
    this.starts[level - 1] = start
    let previous: Name | undefined
    let i = this.i
    let c = s.charCodeAt(i)
    // White space before > or /> (`<LabelHash />`, as SharePoint writes empty elements) is no attribute.
    while (isSpace(c)) c = s.charCodeAt(++i)
    if (c === SLASH) {
      if (s.charCodeAt(i + 1) !== GT) return this.suspect(start, level - 1)
      this.i = i + 2
      return true
    }
    // Attributes (after white space) are well-formed; anything else after the name is the tree's to judge.
    if (c !== GT) return i > this.i && this.continuesName(i) ? this.refuse() : this.suspect(start, level - 1)
    i++
    let children = false
    let spaced = false
    for (;;) {
      const top = i
      while (isSpace(s.charCodeAt(i))) {
        i++
        spaced = true
      }
      // Text in a record, or the end of the text.
      if (s.charCodeAt(i) !== LT) return this.suspect(top, level)
      c = s.charCodeAt(i + 1)
      if (c === SLASH) {
        // White space alone is text the tree keeps (and a record refuses).
        if (spaced && !children) return this.refuse()
        const end = this.eventEndTag(i + 2, qname)
        if (end < 0) return this.suspect(top, level)
        this.i = end
        return true
      }
      // Markup other than elements, or a child deeper than maxDepth (the tree's checks and messages) or than event
      // mode reads.
      if (c === BANG || c === QUESTION) return this.refuse()
      if (level >= Math.min(this.limits.maxDepth, EVENT_DEPTH)) return this.suspect(top, level)
      // Records repeat their children in the same order: the name read after the same name last time is likely
      // the one here, and comparing it in place spares reading the name again (same text, same name).
      const guess = previous === undefined ? parent.first : previous.next
      let name: Name
      if (guess !== undefined && s.startsWith(guess.qname, i + 1) && !this.continuesName(i + 1 + guess.qname.length)) {
        name = guess
        this.i = i + 1 + guess.qname.length
      } else {
        this.i = i + 1
        name = this.qname('an element name after <')
        if (previous === undefined) parent.first = name
        else previous.next = name
      }
      previous = name
      children = true
      let kind: unknown
      if (events.namespaces !== true) kind = events.child(state, name.prefix === null ? name.localName : null)
      else {
        const ns = this.eventNamespace(name.prefix)
        if (ns === undefined) return this.suspect(top, level)
        kind = events.child(state, name.localName, ns)
      }
      if (kind === undefined) return this.refuse()
      if (kind === TREE || kind === SCAN) {
        this.i = i
        this.hasElementChild[level - 1] = true
        this.childStarts[level - 1] = this.childTop
        this.depth = level
        if (kind === SCAN) this.scanDepth = level + 2
        const made = this.namesMade
        this.startTag()
        this.contentUntil(level, false)
        this.scanDepth = NO_SCAN
        events.tree(state, this.childStack[--this.childTop] as XmlElement, this.namesMade === made, this)
      } else if (kind === LEAF) {
        const text = this.eventLeaf(name.qname)
        if (text === undefined) return this.refused ? false : this.suspect(top, level)
        if (!events.leaf(state, text)) return this.refuse()
      } else {
        if (!this.eventContent(events, kind, name, level + 1, i)) return false
        if (!events.end(kind)) return this.refuse()
      }
      i = this.i
    }
  }

  /** Event mode gives up at what may be a fault: {@link eventDocument} reads on as a tree from `at` (see resume). */
  private suspect(at: number, depth: number): false {
    this.resumeAt = at
    this.resumeDepth = depth
    return false
  }

  /** Event mode gives up at something well-formed (a value refused, attributes, markup): no fault to look for. */
  private refuse(): false {
    this.refused = true
    return false
  }

  /** The namespace of an element name with `prefix` in scope; `undefined` for an unbound prefix (the tree reports it). */
  private eventNamespace(prefix: string | null): string | null | undefined {
    if (prefix === null) return this.defaultUri ?? null
    return this.lookup(prefix) ?? undefined
  }

  /** The text of a leaf in event mode, after its name, through its end tag; `undefined` gives up. */
  private eventLeaf(qname: string): string | undefined {
    const s = this.s
    let i = this.i
    let c = s.charCodeAt(i)
    while (isSpace(c)) c = s.charCodeAt(++i)
    if (c === SLASH) {
      if (s.charCodeAt(i + 1) !== GT) return undefined
      this.i = i + 2
      return ''
    }
    if (c !== GT) {
      if (i > this.i && this.continuesName(i)) this.refused = true
      return undefined
    }
    i++
    let from = i
    let text = ''
    for (;;) {
      c = s.charCodeAt(i)
      if (c < 128 ? TEXT_PLAIN[c] === 1 : c < 0xd800) {
        i++
        continue
      }
      // Past U+D7FF as the tree reads it: a pair, or the tree's own fault for a lone surrogate or U+FFFE/U+FFFF.
      if (c >= 0xd800) {
        i += this.nonBmpWidth(c, i)
        continue
      }
      if (c === AMP) {
        text += s.slice(from, i)
        this.i = i
        text += this.reference()
        i = this.i
      } else if (c === 0xd) {
        // A line end (§2.11): CR LF and a CR alone become LF, as the tree reads them.
        text += s.slice(from, i)
        text += '\n'
        if (s.charCodeAt(++i) === 0xa) i++
      } else break
      from = i
    }
    if (c !== LT || s.charCodeAt(i + 1) !== SLASH) {
      // A character or markup the tree takes (>, a child, a comment) is no fault; the end of the text or a control
      // character is the tree's to report.
      if (c === LT || c >= 0x20) this.refused = true
      return undefined
    }
    const end = this.eventEndTag(i + 2, qname)
    if (end < 0) return undefined
    this.i = end
    return from === i ? text : text + s.slice(from, i)
  }

  /**
   * Where the element whose start tag is at `this.i`, named `qname`, ends as a search for its name finds it: the
   * offset after its end tag, or -1 when the text held ends first. A guess (its name as a tag in a comment, CDATA
   * section or PI throws it off) that spares a read bound to be cut (the streaming reader's): event mode's read
   * decides.
   */
  protected elementEnd(qname: string): number {
    const s = this.s
    const n = qname.length
    let open = 0
    let at = this.i
    for (;;) {
      const k = s.indexOf(qname, at + 1)
      if (k < 0) return -1
      at = k + n
      if (this.continuesName(at)) continue
      const before = s.charCodeAt(k - 1)
      if (before === LT) {
        const gt = s.indexOf('>', at)
        if (gt < 0) return -1
        if (s.charCodeAt(gt - 1) !== SLASH) open++
        else if (open === 0) return gt + 1
      } else if (before === SLASH && s.charCodeAt(k - 2) === LT && --open === 0) {
        const gt = s.indexOf('>', at)
        return gt < 0 ? -1 : gt + 1
      }
    }
  }

  /** After `</` at `at`: the end of the end tag `qname`, white space before > allowed; -1 for the tree to judge. */
  private eventEndTag(at: number, qname: string): number {
    const s = this.s
    if (!s.startsWith(qname, at)) return -1
    let i = at + qname.length
    while (isSpace(s.charCodeAt(i))) i++
    return s.charCodeAt(i) === GT ? i + 1 : -1
  }
}
