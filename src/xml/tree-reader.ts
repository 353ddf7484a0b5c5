// The parser's tree path: a document (prolog, one root, what follows), content, character data, CDATA sections and
// tags, read into a tree. Implements XML 1.0 (fifth edition) §2.1 (documents), §2.4 (character data), §2.7 (CDATA),
// §2.11 (line ends) and §3.1 (start and end tags).

import type { ElementEvents } from './events'
import { AMP, BANG, EQUALS, GT, hex4, isSpace, LT, type Name, QUESTION, RBRACKET, SLASH, TEXT_PLAIN } from './lexer'
import { TreeBuilder } from './tree-builder'
import type { XmlElement } from './types'

/**
 * Reads a document, or content down to a depth, as a tree; the children of the element at {@link eventsDepth} go
 * to event mode first ({@link EventReader}).
 */
export abstract class TreeReader extends TreeBuilder {
  /** Event mode (the streaming readers): children of the element open at {@link eventsDepth} go to `events`. */
  protected events: ElementEvents<unknown> | undefined
  protected eventsDepth = -1

  /** Whether {@link misc} stops after the root's start tag (the streaming readers parse the rest piece by piece). */
  protected rootTagOnly = false

  // Called here, defined above in the chain: eventElement in EventReader (event-reader.ts), closeElement in Parser (parser.ts).
  protected abstract eventElement(): boolean
  protected abstract closeElement(): void

  document(): XmlElement {
    const s = this.s
    if (s.charCodeAt(0) === 0xfeff) this.i = 1
    if (s.startsWith('<?xml', this.i) && (isSpace(s.charCodeAt(this.i + 5)) || s.charCodeAt(this.i + 5) === QUESTION)) {
      this.xmlDeclaration()
    }
    return this.misc(undefined)
  }

  /** Reads white space, comments and PIs around the root, and the root itself unless `root` was read already. */
  protected misc(root: XmlElement | undefined): XmlElement {
    const s = this.s
    for (;;) {
      this.skipSpace()
      if (this.i >= this.len) break
      const c = s.charCodeAt(this.i)
      if (c !== LT) {
        this.fail(root ? 'text after the root element' : 'text before the root element')
      }
      const next = s.charCodeAt(this.i + 1)
      if (next === BANG) {
        if (s.startsWith('<!--', this.i)) this.comment()
        else if (s.startsWith('<!DOCTYPE', this.i)) this.doctype()
        else
          this.fail(
            root ? 'markup after the root element' : 'markup before the root element',
            this.i,
            this.cutMarkup(this.i),
          )
      } else if (next === QUESTION) {
        this.processingInstruction()
      } else if (next === SLASH) {
        this.fail(`end tag without a start tag`)
      } else if (root) {
        this.fail('a second root element; a document has exactly one')
      } else if (this.rootTagOnly) {
        return this.startTag()
      } else {
        root = this.content()
      }
    }
    if (!root) this.fail('no root element', this.i, true)
    return root
  }

  /** Reads the root element and everything inside it; returns the root. */
  private content(): XmlElement {
    const root = this.startTag()
    this.contentUntil(0, false)
    return root
  }

  /**
   * Reads content until the depth drops to `floor`; with `open`, the text may end while the element at depth
   * `floor + 1` is still open (a piece of a larger document).
   */
  protected contentUntil(floor: number, open: boolean): void {
    const s = this.s
    while (this.depth > floor) {
      this.text()
      if (this.i >= this.len) {
        if (open && this.depth === floor + 1) return
        const d = this.depth - 1
        this.fail(`element <${this.qnames[d]}> is not closed`, this.starts[d], true)
      }
      // At '<'.
      const next = s.charCodeAt(this.i + 1)
      if (next === SLASH) this.endTag()
      else if (next === BANG) this.bangInContent()
      else if (next === QUESTION) this.processingInstruction()
      else if (this.depth !== this.eventsDepth || !this.eventElement()) this.startTag()
    }
  }

  /** At `<!` in an element's content: a comment, a CDATA section or a DOCTYPE (refused), else a fault. */
  protected bangInContent(): void {
    const s = this.s
    if (s.startsWith('<!--', this.i)) this.comment()
    else if (s.startsWith('<![CDATA[', this.i)) this.cdata()
    else if (s.startsWith('<!DOCTYPE', this.i)) this.doctype()
    else this.fail('malformed markup after <!', this.i, this.cutMarkup(this.i))
  }

  /** Scans character data up to the next '<' (or the end), appending it to {@link pending}. */
  protected text(): void {
    const s = this.s
    const len = this.len
    let i = this.i
    if (this.pending === '') {
      // No text (markup follows markup, the most common case): nothing to do.
      if (s.charCodeAt(i) === LT) return
      // Indentation between elements is dropped anyway: skip it without building a string, unless a comment, PI or
      // CDATA section follows (their text would join it) or it is the only text of a leaf.
      let j = i
      while (isSpace(s.charCodeAt(j))) j++
      if (j > i && s.charCodeAt(j) === LT) {
        const next = s.charCodeAt(j + 1)
        if (next !== BANG && next !== QUESTION && (next !== SLASH || this.hasElementChild[this.depth - 1])) {
          this.i = j
          return
        }
      }
    }
    const runStart = i
    let start = i
    let pending = this.pending
    for (;;) {
      if (i >= len) break
      const c = s.charCodeAt(i)
      if (c < 128 ? TEXT_PLAIN[c] === 1 : c < 0xd800) {
        i++
        continue
      }
      if (c === LT) break
      if (c === AMP) {
        pending += s.slice(start, i)
        this.i = i
        pending += this.reference()
        i = this.i
        start = i
        continue
      }
      if (c >= 0x20) {
        if (c === GT) {
          if (i - 2 >= runStart && s.charCodeAt(i - 1) === RBRACKET && s.charCodeAt(i - 2) === RBRACKET) {
            this.fail(']]> is not allowed in text; write ]]&gt;', i - 2)
          }
          i++
        } else if (c < 0xd800) i++
        else i += this.nonBmpWidth(c, i)
        continue
      }
      if (c === 0xd) {
        pending += s.slice(start, i)
        pending += '\n'
        i++
        if (s.charCodeAt(i) === 0xa) i++
        start = i
        continue
      }
      if (c === 0xa || c === 0x9) {
        i++
        continue
      }
      this.fail(`control character U+${hex4(c)} is not allowed in XML`, i)
    }
    this.pending = this.depth >= this.scanDepth ? '' : pending + s.slice(start, i)
    this.i = i
  }

  protected startTag(): XmlElement {
    const s = this.s
    const limits = this.limits
    const tagStart = this.i
    if (this.depth >= limits.maxDepth) {
      this.fail(`elements nested deeper than maxDepth (${limits.maxDepth})`, tagStart)
    }
    this.i++
    const name = this.childName(this.depth)
    const qname = name.qname
    const names = this.attrNames
    const values = this.attrValues
    const starts = this.attrStarts
    let count = 0
    let selfClosing = false
    for (;;) {
      const spaced = this.skipSpace()
      const c = s.charCodeAt(this.i)
      if (c === GT) {
        this.i++
        break
      }
      if (c === SLASH) {
        if (s.charCodeAt(this.i + 1) !== GT)
          this.fail(`expected > after / in the empty-element tag <${qname}>`, this.i, this.i + 1 >= this.len)
        this.i += 2
        selfClosing = true
        break
      }
      if (this.i >= this.len) this.fail(`start tag <${qname}> is not finished`, tagStart, true)
      if (!spaced) this.fail('white space is needed between attributes')
      if (count >= limits.maxAttributes) {
        this.fail(`more than maxAttributes (${limits.maxAttributes}) attributes on <${qname}>`, this.i)
      }
      const attrStart = this.i
      // Elements of a name mostly carry the same attributes in the same order (see childName).
      let attrName = this.guessed(name.attributes?.[count])
      if (attrName === undefined) {
        attrName = this.qname('an attribute name')
        name.attributes ??= []
        name.attributes[count] = attrName
      }
      names[count] = attrName
      starts[count] = attrStart
      this.skipSpace()
      if (s.charCodeAt(this.i) !== EQUALS)
        this.fail(`expected = after attribute ${attrName.qname}`, this.i, this.i >= this.len)
      this.i++
      this.skipSpace()
      values[count] = this.attributeValue()
      count++
    }
    const element = this.openElement(name, count, tagStart)
    if (selfClosing) this.closeElement()
    return element
  }

  /**
   * Reads the name of a start tag at depth `d`, after its `<`. Documents repeat their structure (records of the same
   * children in the same order): the name read after the same name last time, in an element of the same name (see
   * {@link Name.first}, {@link Name.next}), is likely the one here, and comparing it in place spares reading and
   * hashing the name again (same text, same name, so the same checks passed).
   */
  private childName(d: number): Name {
    const parent = d > 0 ? this.openNames[d - 1] : undefined
    if (parent === undefined) return this.qname('an element name after <')
    const previous = this.lastChildren[d - 1]
    let name = this.guessed(previous === undefined ? parent.first : previous.next)
    if (name === undefined) {
      name = this.qname('an element name after <')
      if (previous === undefined) parent.first = name
      else previous.next = name
    }
    this.lastChildren[d - 1] = name
    return name
  }

  /** `guess` when the name at `this.i` is its text whole (then read), else `undefined` with nothing read. */
  private guessed(guess: Name | undefined): Name | undefined {
    if (guess === undefined) return undefined
    if (!this.nameAt(guess.qname, this.i)) return undefined
    this.i += guess.qname.length
    return guess
  }

  protected endTag(): void {
    const s = this.s
    const tagStart = this.i
    const d = this.depth - 1
    const open = this.qnames[d]!
    let i = tagStart + 2 + open.length
    let c = s.charCodeAt(i)
    // Comparing in place avoids a string per end tag; a longer name fails the name-character check after it.
    if (!this.nameAt(open, tagStart + 2)) {
      this.i = tagStart + 2
      const name = this.qname('an element name after </').qname
      const { line, column } = this.position(this.starts[d]!)
      const message = `end tag </${name}> does not match start tag <${open}> (line ${line}, column ${column})`
      this.fail(message, tagStart, this.i >= this.len)
    }
    while (isSpace(c)) c = s.charCodeAt(++i)
    if (c !== GT) this.fail(`expected > to close </${open}`, i, i >= this.len)
    this.i = i + 1
    this.closeElement()
  }

  protected cdata(): void {
    const s = this.s
    const start = this.i
    const from = start + 9
    const end = s.indexOf(']]>', from)
    if (end < 0) this.fail('CDATA section is not closed', start, true)
    let pending = this.pending
    let run = from
    for (let i = from; i < end; ) {
      const c = s.charCodeAt(i)
      if (c >= 0x20 && c < 0xd800) {
        i++
      } else if (c === 0xd) {
        pending += s.slice(run, i)
        pending += '\n'
        i++
        if (s.charCodeAt(i) === 0xa) i++
        run = i
      } else i += this.charWidth(i)
    }
    // Scanned text is checked, not kept (see text).
    if (this.depth < this.scanDepth) this.pending = pending + s.slice(run, end)
    this.i = end + 3
  }
}
