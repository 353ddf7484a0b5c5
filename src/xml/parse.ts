// Hardened, namespace-aware XML 1.0 parser: text -> XmlDocument, or the first well-formedness error with line:column.
// Implements XML 1.0 (fifth edition) §2 (documents, chars, names, CDATA, comments, PIs, declaration, §2.11 line ends),
// §3.1 (tags, unique attributes), §3.3.3 (attribute-value normalisation), §4.1 (references), Namespaces in XML 1.0 §3–6.

import { either as E } from 'fp-ts'
import { ASCII_NAME_CLASS, isNameStartUnit, isNameUnit, isXmlCodePoint, isXmlWhitespace } from './chars'
import { ENCODING_NAME, inputText, type XmlInput } from './encoding'
import { type DecodedNode, type ElementEvents, LEAF, type ReadAgain, SCAN, TREE } from './events'
import { type Issue, xmlIssue } from './issue'
import { type Limits, type ParseOptions, resolveLimits } from './options'
import { lineAndColumn } from './position'
import { recordPositions } from './positions'
import { NamespaceScopes } from './scopes'
import { NONE } from './tree'
import type { XmlAttribute, XmlDocument, XmlElement, XmlNode } from './types'
import { XML_NAMESPACE, XMLNS_NAMESPACE } from './types'

export { DEFAULT_LIMITS, type ParseOptions, type XmlError } from './options'

/**
 * Parses XML text or bytes into a namespace-resolved {@link XmlDocument}, or returns the first fatal error (XML 1.0 §1.2:
 * a well-formedness error ends parsing) as a one-element array.
 *
 * Rules: exactly one root; legal names (QNames); only XML 1.0 characters; no `<` in attribute values; no `]]>` in
 * text; tags must match; no duplicate attributes, also by expanded name; only the five predefined entities and
 * character references to XML characters; any DOCTYPE is rejected (no DTD, so no entity expansion and no external
 * entity); unbound prefixes are errors; CRLF and lone CR become LF; attribute values are normalised (§3.3.3);
 * whitespace-only text is dropped in elements that also have element children; comments and PIs are checked and
 * skipped; CDATA becomes text; a BOM and an XML declaration (first thing only) are accepted.
 *
 * Input: a string, or bytes (`Uint8Array`, `ArrayBuffer`) decoded as XML 1.0 Appendix F says: a byte-order mark
 * decides (UTF-8, UTF-16LE, UTF-16BE), else the declaration's `encoding`, else UTF-8; decoding is fatal, so a
 * malformed byte is an error naming its byte offset (see `decodeBytes`). A string that starts with U+FEFF while
 * its declaration names an encoding other than UTF-8 or UTF-16 is refused as contradictory.
 *
 * Why this is not fast-xml-parser's tree: its `XMLParser` (5.12, `preserveOrder`) throws on elements named
 * `__proto__`, `constructor` or `prototype`, renames `hasOwnProperty`, `toString`… to `__hasOwnProperty`… (so such
 * names are lost or ambiguous), resolves no namespaces, and misses several well-formedness rules (two roots, control
 * characters, `<` in attribute values, undefined entities). A full check of our own has to scan the whole text
 * anyway, and building the tree in that same linear pass is cheap, while fast-xml-parser's own pass alone takes
 * 3–4 times as long as this whole parse on 8 MB SData and MS-FILESYNC documents (before any conversion of its
 * output). So fast-xml-parser serves as a reference in the test suite, not on this path. The tree is made only of
 * arrays and fixed-shape objects, never of objects keyed by document names, so no name can touch a prototype.
 * Parsing is iterative (no recursion proportional to depth) and linear in the input.
 *
 * Never throws: any unexpected failure is returned as an error too.
 *
 * @example
 * ```ts
 * const result = parseXml('<a:x xmlns:a="urn:a">1</a:x>')
 * if (E.isRight(result)) result.right.root.namespace // 'urn:a'
 * parseXml(new TextEncoder().encode('<a/>')) // bytes: UTF-8 here; a BOM or the declaration may say otherwise
 * ```
 */
export function parseXml(input: XmlInput, options?: ParseOptions): E.Either<Issue[], XmlDocument> {
  const limits = resolveLimits(options)
  const decoded = inputText(input, limits.maxLength)
  if (E.isLeft(decoded)) return decoded
  const text = decoded.right
  if (text.length > limits.maxLength) {
    return E.left([xmlIssue(`the input is ${text.length} characters long, more than maxLength (${limits.maxLength})`)])
  }
  try {
    if (options?.positions !== true) return E.right({ root: new Parser(text, limits).document() })
    // positions: true (a separate path, so the default parse does no extra work per element)
    const parser = new Parser(text, limits)
    const recorded = { elements: [] as XmlElement[], starts: [] as number[] }
    parser.recorded = recorded
    const root = parser.document()
    recordPositions(text, recorded.elements, recorded.starts)
    return E.right({ root })
  } catch (error) {
    if (error instanceof SyntaxFault) return E.left([error.toXmlError(text)])
    return E.left([xmlIssue(`the XML parser failed unexpectedly: ${String(error)}`)])
  }
}

/** Internal control flow for the first fatal error; never escapes {@link parseXml}. */
export class SyntaxFault {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}

  toXmlError(text: string): Issue {
    return xmlIssue(this.message, lineAndColumn(text, this.offset))
  }
}

const LT = 60
const GT = 62
const AMP = 38
const SLASH = 47
const BANG = 33
const QUESTION = 63
const EQUALS = 61
const QUOT = 34
const APOS = 39
const COLON = 58
const SEMICOLON = 59
const HASH = 35
const RBRACKET = 93
const DASH = 45

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0xa || c === 0x9 || c === 0xd
}

/** A QName as read: the whole, and its prefix (`null` for none) and local part. */
interface Name {
  readonly qname: string
  readonly prefix: string | null
  readonly localName: string
  /** The name of the first child last read in an element of this name (see eventContent, childName). */
  first: Name | undefined
  /** The name of the sibling last read after an element of this name. */
  next: Name | undefined
  /** The names of the attributes last read on an element of this name, in their order (see startTag). */
  attributes: Name[] | undefined
}

// The name cache: 256 slots, and names no longer than this are kept (longer ones are rare and not worth it).
const NAME_SLOTS_MASK = 255
const MAX_INTERNED = 64

// ASCII characters that need no attention in text (1): not markup (< & >), not a control other than tab and LF (CR
// becomes LF). In attribute values the quotes also end or may end the value, and tab and LF become spaces.
const TEXT_PLAIN = new Uint8Array(128)
const VALUE_PLAIN = new Uint8Array(128)
for (let c = 0x20; c < 128; c++) {
  TEXT_PLAIN[c] = c === LT || c === AMP || c === GT ? 0 : 1
  VALUE_PLAIN[c] = c === LT || c === AMP || c === QUOT || c === APOS ? 0 : 1
}
TEXT_PLAIN[0x9] = 1
TEXT_PLAIN[0xa] = 1

const PREDEFINED_ENTITIES = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['apos', "'"],
  ['quot', '"'],
])

// The children of an element still open; replaced when it closes (frozen, so that a mistake would throw rather
// than share children between elements). The streaming readers give an element they keep open an array of its own.
const OPEN: XmlNode[] = Object.freeze([]) as unknown as XmlNode[]

/** What {@link Parser.checkUnique} compares of an attribute. */
interface ExpandedName {
  namespace: string | null
  localName: string
}

/** No depth is scanned (see {@link SCAN}). */
const NO_SCAN = 0x3fffffff

/**
 * The parser itself; internal (the streaming readers run it on one piece of a document at a time). It is its own
 * namespace scope stack, so resolving a prefix costs no more than a method call.
 */
export class Parser extends NamespaceScopes {
  protected readonly s: string
  protected readonly len: number
  protected i = 0
  protected readonly limits: Limits

  // Open elements, as parallel stacks (no recursion, no per-frame objects).
  protected depth = 0
  protected readonly elements: XmlElement[] = []
  protected readonly qnames: string[] = []
  protected readonly starts: number[] = []
  protected readonly bindingMarks: number[] = []
  protected readonly hasElementChild: boolean[] = []
  // The tree's guess of the next start tag's name (see childName): the name of each element open as a tree
  // (`undefined` at a depth that is not, such as an element read in event mode) and of its last child so far.
  private readonly openNames: Array<Name | undefined> = []
  private readonly lastChildren: Array<Name | undefined> = []
  // The children of every open element, in one stack: an element's start at `childStarts[depth]`. Its children
  // become an array of exactly their number when it closes (an array grown by push from [] holds spare room). The
  // stack ends at `childTop`: it is never shortened (setting an array's length is a call into the runtime, and
  // trims its store), entries past the top are stale and are written over.
  protected readonly childStack: XmlNode[] = []
  protected childTop = 0
  protected readonly childStarts: number[] = []
  /** With `positions: true`: every element read and the offset of its `<`, in document order. */
  recorded: { elements: XmlElement[]; starts: number[] } | undefined
  /** Text read in the innermost open element since its last child element started or ended. */
  private pending = ''
  /**
   * Whether trees are built in the compact form kept values hold (see `compactTree`): attribute arrays of exactly
   * their length, every empty attribute or children array the one shared frozen empty array. Set by
   * {@link eventChildren}, whose trees are the reader's own.
   */
  private compact = false
  /** Event mode (the streaming readers): children of the element open at {@link eventsDepth} go to `events`. */
  protected events: ElementEvents<unknown> | undefined
  protected eventsDepth = -1
  /**
   * Where {@link eventDocument} reads on as a tree after event mode gave up (see {@link resume}): the offset, and the
   * depth of the element being read there (the open elements above it have their names and starts in `qnames` and
   * `starts`). `refused` when event mode gave up at something well-formed (a value refused, attributes, a comment):
   * no fault is looked for then. `eventFault`: the fault met in event mode, which is the tree's own (the same code).
   */
  private resumeAt = -1
  private resumeDepth = 0
  private refused = false
  private eventFault: SyntaxFault | undefined

  // Attributes of the start tag being read, reused across tags.
  private readonly attrNames: Name[] = []
  /** Names read so far, by a hash of their text (see {@link qname}). */
  private readonly names: Array<Name | undefined> = new Array(NAME_SLOTS_MASK + 1)
  private readonly attrValues: string[] = []
  /** The attributes of the element being opened, reused across tags (see openElement). */
  private readonly attrList: XmlAttribute[] = []
  private readonly attrStarts: number[] = []
  /** The expanded names of a scanned element's attributes, reused across tags (see {@link checkScanned}). */
  private readonly scannedNames: ExpandedName[] = []
  /**
   * Elements this deep and deeper are scanned, with every check of the tree and nothing built (see {@link SCAN});
   * the elements one level up go to `events.scanned` with the read of their children ({@link readAgain}).
   */
  private scanDepth = NO_SCAN
  /** The text and limits lazy children are read again from, with one parser for them all (not this one). */
  private again: Again | undefined

  constructor(s: string, limits: Limits) {
    super()
    this.s = s
    this.len = s.length
    this.limits = limits
  }

  private fail(message: string, offset: number = this.i): never {
    throw new SyntaxFault(message, offset)
  }

  document(): XmlElement {
    const s = this.s
    if (s.charCodeAt(0) === 0xfeff) this.i = 1
    if (s.startsWith('<?xml', this.i) && (isSpace(s.charCodeAt(this.i + 5)) || s.charCodeAt(this.i + 5) === QUESTION)) {
      this.xmlDeclaration()
    }
    return this.misc(undefined)
  }

  /** Whether {@link misc} stops after the root's start tag (the streaming readers parse the rest piece by piece). */
  protected rootTagOnly = false

  /** 1-based line and column of an offset (the streaming readers map pieces back into the whole document). */
  protected position(offset: number): { line: number; column: number } {
    return lineAndColumn(this.s, offset)
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
        else this.fail(root ? 'markup after the root element' : 'markup before the root element')
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
    if (!root) this.fail('no root element')
    return root
  }

  // --- prolog ---------------------------------------------------------------------------------------------------

  private doctype(): never {
    this.fail('DOCTYPE is not allowed: syncwire reads no DTD, so it declares no entities and loads nothing external')
  }

  private xmlDeclaration(): void {
    const s = this.s
    const start = this.i
    this.i += 5
    const pseudo = (name: string, required: boolean): string | undefined => {
      const before = this.i
      const spaced = this.skipSpace()
      if (!s.startsWith(name, this.i)) {
        this.i = before
        if (required) this.fail(`the XML declaration needs ${name}`)
        return undefined
      }
      if (!spaced) this.fail(`white space is needed before ${name} in the XML declaration`)
      this.i += name.length
      this.skipSpace()
      if (s.charCodeAt(this.i) !== EQUALS) this.fail(`expected = after ${name}`)
      this.i++
      this.skipSpace()
      const quote = s.charCodeAt(this.i)
      if (quote !== QUOT && quote !== APOS) this.fail(`expected a quoted value for ${name}`)
      const close = s.indexOf(quote === QUOT ? '"' : "'", this.i + 1)
      if (close < 0) this.fail(`unterminated value of ${name}`)
      const value = s.slice(this.i + 1, close)
      this.i = close + 1
      return value
    }
    const version = pseudo('version', true)!
    if (!/^1\.[0-9]+$/.test(version)) this.fail(`unsupported XML version "${version}"`, start)
    const encoding = pseudo('encoding', false)
    if (encoding !== undefined && !ENCODING_NAME.test(encoding)) {
      this.fail(`malformed encoding name "${encoding}"`, start)
    }
    const standalone = pseudo('standalone', false)
    if (standalone !== undefined && standalone !== 'yes' && standalone !== 'no') {
      this.fail('standalone must be "yes" or "no"', start)
    }
    this.skipSpace()
    if (!s.startsWith('?>', this.i)) this.fail('malformed XML declaration')
    this.i += 2
  }

  // --- content --------------------------------------------------------------------------------------------------

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
        this.fail(`element <${this.qnames[d]}> is not closed`, this.starts[d])
      }
      // At '<'.
      const next = s.charCodeAt(this.i + 1)
      if (next === SLASH) this.endTag()
      else if (next === BANG) {
        if (s.startsWith('<!--', this.i)) this.comment()
        else if (s.startsWith('<![CDATA[', this.i)) this.cdata()
        else if (s.startsWith('<!DOCTYPE', this.i)) this.doctype()
        else this.fail('malformed markup after <!')
      } else if (next === QUESTION) this.processingInstruction()
      else if (this.depth !== this.eventsDepth || !this.eventElement()) this.startTag()
    }
  }

  /**
   * Reads the child element at `<` in event mode; `false`, with nothing read, at anything the fast way does not
   * take (attributes, a namespace, text in a record, markup other than elements, a fault, a value refused): the
   * caller then reads it as a tree, which gives the same value or the exact error.
   */
  private eventElement(): boolean {
    const node = this.eventNode()
    if (node === undefined) return false
    this.addChildElement(node as unknown as XmlElement)
    return true
  }

  /** The element at `<` read in event mode, or `undefined` with nothing read (see {@link eventElement}). */
  private eventNode(): DecodedNode | undefined {
    const events = this.events!
    const d = this.depth
    const start = this.i
    const namespaces = events.namespaces === true
    if (d >= this.limits.maxDepth || (!namespaces && this.defaultUri !== undefined && this.defaultUri !== null)) {
      return undefined
    }
    const pending = this.pending
    const marks = this.declared.length
    const stacked = this.childTop
    let node: DecodedNode | undefined
    this.pending = ''
    try {
      this.i = start + 1
      const name = this.qname('an element name after <')
      const ns = namespaces ? this.eventNamespace(name.prefix) : name.prefix === null ? null : undefined
      const state = ns === undefined ? undefined : events.start(name.localName, ns)
      if (state === undefined) this.refused = true
      else if (this.eventContent(events, state, name, d + 1, start)) {
        if (events.end(state))
          node = { type: 'decoded', namespace: ns!, localName: name.localName, value: events.value(state) }
        else this.refused = true
      }
    } catch (error) {
      node = undefined
      if (error instanceof SyntaxFault) this.eventFault = error
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
   * Reads a whole document with its root element in event mode: the root's value; at a well-formedness error, its
   * fault, the one {@link parseXml} finds; `undefined` when event mode gave up at something well-formed (or the run
   * failed unexpectedly): the caller reads the text again. The text is read once either way: where event mode gives
   * up at what may be a fault, the parser reads on from there as a tree (see {@link resume}).
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
      return error instanceof SyntaxFault ? error : undefined
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
   * be read as a tree. `undefined` at an unexpected failure (the caller reads the text again).
   */
  eventChildren(events: ElementEvents<unknown>): XmlElement | SyntaxFault | undefined {
    this.events = events
    this.eventsDepth = 1
    this.compact = true
    try {
      return this.document()
    } catch (error) {
      return error instanceof SyntaxFault ? error : undefined
    }
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
      // Markup other than elements, or a child deeper than maxDepth: the tree's checks and messages.
      if (c === BANG || c === QUESTION) return this.refuse()
      if (level >= this.limits.maxDepth) return this.suspect(top, level)
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
        this.startTag()
        this.contentUntil(level, false)
        this.scanDepth = NO_SCAN
        events.tree(state, this.childStack[--this.childTop] as XmlElement)
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

  /** After `</` at `at`: the end of the end tag `qname`, white space before > allowed; -1 for the tree to judge. */
  private eventEndTag(at: number, qname: string): number {
    const s = this.s
    if (!s.startsWith(qname, at)) return -1
    let i = at + qname.length
    while (isSpace(s.charCodeAt(i))) i++
    return s.charCodeAt(i) === GT ? i + 1 : -1
  }

  /** Scans character data up to the next '<' (or the end), appending it to {@link pending}. */
  private text(): void {
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

  /** Width (1 or 2) of the character at `i` whose first unit `c` is >= U+D800; fails on non-characters. */
  private nonBmpWidth(c: number, i: number): number {
    if (c < 0xdc00) {
      const d = this.s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) return 2
      this.fail(`lone surrogate U+${hex4(c)} is not an XML character`, i)
    }
    if (c < 0xe000) this.fail(`lone surrogate U+${hex4(c)} is not an XML character`, i)
    if (c >= 0xfffe) this.fail(`U+${hex4(c)} is not an XML character`, i)
    return 1
  }

  /** Checks the character at `i` (any context) and returns its width. */
  private charWidth(i: number): number {
    const c = this.s.charCodeAt(i)
    if (c >= 0x20 && c < 0xd800) return 1
    if (c === 0xa || c === 0x9 || c === 0xd) return 1
    if (c < 0x20) this.fail(`control character U+${hex4(c)} is not allowed in XML`, i)
    return this.nonBmpWidth(c, i)
  }

  /** Reads a reference at '&' and returns its replacement text (§4.1; only predefined entities, §4.6). */
  private reference(): string {
    const s = this.s
    const at = this.i
    let i = at + 1
    if (s.charCodeAt(i) === HASH) {
      i++
      let base = 10
      if (s.charCodeAt(i) === 120 /* x */) {
        base = 16
        i++
      }
      let code = 0
      let digits = 0
      for (;;) {
        const c = s.charCodeAt(i)
        let d: number
        if (c >= 48 && c <= 57) d = c - 48
        else if (base === 16 && c >= 97 && c <= 102) d = c - 87
        else if (base === 16 && c >= 65 && c <= 70) d = c - 55
        else break
        // Saturate past the last code point so long digit runs cannot lose precision.
        if (code <= 0x10ffff) code = code * base + d
        digits++
        i++
      }
      if (digits === 0 || s.charCodeAt(i) !== SEMICOLON) this.fail('malformed character reference', at)
      const written = s.slice(at, i + 1)
      if (!isXmlCodePoint(code)) this.fail(`character reference ${written} is not an XML character`, at)
      this.i = i + 1
      return String.fromCodePoint(code)
    }
    const nameEnd = this.nameEnd(i, false)
    if (nameEnd === i) this.fail('a bare & must be written &amp;', at)
    if (s.charCodeAt(nameEnd) !== SEMICOLON) this.fail('entity reference without ;', at)
    const name = s.slice(i, nameEnd)
    const value = PREDEFINED_ENTITIES.get(name)
    if (value === undefined) this.fail(`undefined entity &${name}; (only &lt; &gt; &amp; &apos; &quot; exist)`, at)
    this.i = nameEnd + 1
    return value
  }

  /** End of the Name starting at `i` (`i` itself when there is none); without `colons`, a colon ends the name. */
  private nameEnd(i: number, colons: boolean): number {
    const s = this.s
    const start = i
    const c0 = s.charCodeAt(i)
    if (c0 < 128) {
      if (!isNameStartUnit(c0) || (!colons && c0 === COLON)) return i
      i++
    } else if (c0 >= 0xd800 && c0 <= 0xdb7f) {
      const d = s.charCodeAt(i + 1)
      if (!(d >= 0xdc00 && d <= 0xdfff)) return i
      i += 2
    } else if (isNameStartUnit(c0)) i++
    else return i
    for (;;) {
      const c = s.charCodeAt(i)
      if (c < 128) {
        if (!isNameUnit(c) || (!colons && c === COLON)) break
        i++
      } else if (c >= 0xd800 && c <= 0xdb7f) {
        const d = s.charCodeAt(i + 1)
        if (!(d >= 0xdc00 && d <= 0xdfff)) break
        i += 2
      } else if (isNameUnit(c)) i++
      else break
    }
    if (i - start > this.limits.maxNameLength) {
      this.fail(`name longer than maxNameLength (${this.limits.maxNameLength})`, start)
    }
    return i
  }

  /** Reads a QName at `this.i`, leaving `this.i` after it; the same name read again gives the same object. */
  private qname(what: string): Name {
    const s = this.s
    const start = this.i
    let end = start
    let colon = -1
    let colons = 0
    let hash = 0
    // ASCII names are read in one pass (their end, colons and hash); any other character takes the general way.
    let c = s.charCodeAt(end)
    if (c < 128 && (ASCII_NAME_CLASS[c]! & 1) !== 0) {
      do {
        if (c === COLON) {
          colons++
          colon = end
        }
        hash = (Math.imul(hash, 31) + c) | 0
        c = s.charCodeAt(++end)
      } while (c < 128 && ASCII_NAME_CLASS[c]! !== 0)
    }
    if (c >= 128 || end === start) {
      end = this.nameEnd(start, true)
      if (end === start) this.fail(`expected ${what}`)
      colon = -1
      colons = 0
      hash = 0
      for (let k = start; k < end; k++) {
        const u = s.charCodeAt(k)
        hash = (Math.imul(hash, 31) + u) | 0
        if (u === COLON) {
          colons++
          colon = k
        }
      }
    } else if (end - start > this.limits.maxNameLength) {
      this.fail(`name longer than maxNameLength (${this.limits.maxNameLength})`, start)
    }
    if (colons > 1) this.fail(`name ${s.slice(start, end)} has more than one colon`, start)
    this.i = end
    // Names repeat: a document of thousands of elements has a few dozen names. Reusing them spares a string (two
    // with a prefix) per element and attribute, and a lookup by a reused string need not hash it again.
    const slot = (hash ^ (hash >>> 10)) & NAME_SLOTS_MASK
    const known = this.names[slot]
    if (known !== undefined && known.qname.length === end - start && s.startsWith(known.qname, start)) return known
    if (colon === start || colon === end - 1)
      this.fail(`name ${s.slice(start, end)} has an empty prefix or local name`, start)
    const qname = s.slice(start, end)
    let name: Name
    if (colon > 0) {
      const local = s.charCodeAt(colon + 1)
      if (!isNameStartUnit(local) && !(local >= 0xd800 && local <= 0xdb7f)) {
        this.fail(`local name in ${qname} cannot start with that character`, colon + 1)
      }
      const prefix = qname.slice(0, colon - start)
      name = {
        qname,
        prefix,
        localName: qname.slice(colon - start + 1),
        first: undefined,
        next: undefined,
        attributes: undefined,
      }
    } else name = { qname, prefix: null, localName: qname, first: undefined, next: undefined, attributes: undefined }
    if (end - start <= MAX_INTERNED) this.names[slot] = name
    return name
  }

  /** Whether the character at `i` could continue a name (so a name read up to `i` would be longer). */
  private continuesName(i: number): boolean {
    const c = this.s.charCodeAt(i)
    if (c < 128) return isNameUnit(c)
    return (c >= 0xd800 && c <= 0xdb7f) || isNameUnit(c)
  }

  private skipSpace(): boolean {
    const s = this.s
    const start = this.i
    let i = start
    while (isSpace(s.charCodeAt(i))) i++
    this.i = i
    return i > start
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
        if (s.charCodeAt(this.i + 1) !== GT) this.fail(`expected > after / in the empty-element tag <${qname}>`)
        this.i += 2
        selfClosing = true
        break
      }
      if (this.i >= this.len) this.fail(`start tag <${qname}> is not finished`, tagStart)
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
      if (s.charCodeAt(this.i) !== EQUALS) this.fail(`expected = after attribute ${attrName.qname}`)
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
    const qname = guess.qname
    const end = this.i + qname.length
    if (!this.s.startsWith(qname, this.i) || this.continuesName(end)) return undefined
    this.i = end
    return guess
  }

  /** Reads a quoted attribute value, normalised per §3.3.3 for CDATA attributes. */
  private attributeValue(): string {
    const s = this.s
    const len = this.len
    const quote = s.charCodeAt(this.i)
    if (quote !== QUOT && quote !== APOS) this.fail('expected a quoted attribute value')
    const valueStart = this.i
    let i = this.i + 1
    let start = i
    let value = ''
    for (;;) {
      if (i >= len) this.fail('attribute value is not closed', valueStart)
      const c = s.charCodeAt(i)
      if (c < 128 ? VALUE_PLAIN[c] === 1 : c < 0xd800) {
        i++
        continue
      }
      if (c === quote) break
      if (c === LT) this.fail('< is not allowed in attribute values; write &lt;', i)
      if (c === AMP) {
        value += s.slice(start, i)
        this.i = i
        value += this.reference()
        i = this.i
        start = i
        continue
      }
      if (c >= 0x20) {
        i += c < 0xd800 ? 1 : this.nonBmpWidth(c, i)
        continue
      }
      if (c === 0x9 || c === 0xa || c === 0xd) {
        value += s.slice(start, i)
        value += ' '
        i++
        if (c === 0xd && s.charCodeAt(i) === 0xa) i++
        start = i
        continue
      }
      this.fail(`control character U+${hex4(c)} is not allowed in XML`, i)
    }
    this.i = i + 1
    return value + s.slice(start, i)
  }

  /** Resolves namespaces of the start tag just read, checks its attributes and pushes the element. */
  private openElement(name: Name, count: number, tagStart: number): XmlElement {
    const names = this.attrNames
    const values = this.attrValues
    const starts = this.attrStarts
    const mark = this.declared.length
    const qname = name.qname
    // Declarations first: they apply to the element's own name and attributes (Namespaces §5).
    for (let k = 0; k < count; k++) {
      const attr = names[k]!
      if (attr.qname === 'xmlns') {
        const uri = values[k]!
        if (uri === XML_NAMESPACE || uri === XMLNS_NAMESPACE) {
          this.fail(`${uri} cannot be the default namespace`, starts[k])
        }
        this.bind('', uri === '' ? null : uri)
      } else if (attr.prefix === 'xmlns') {
        const prefix = attr.localName
        const uri = values[k]!
        if (prefix === 'xmlns') this.fail('the prefix xmlns cannot be declared', starts[k])
        if (prefix === 'xml') {
          if (uri !== XML_NAMESPACE) this.fail(`the prefix xml can only be bound to ${XML_NAMESPACE}`, starts[k])
        } else if (uri === XML_NAMESPACE || uri === XMLNS_NAMESPACE) {
          this.fail(`${uri} can only be bound to its reserved prefix`, starts[k])
        } else if (uri === '') {
          this.fail(`xmlns:${prefix}="" cannot undeclare a prefix in XML 1.0`, starts[k])
        }
        this.bind(prefix, uri)
      }
    }
    const prefix = name.prefix
    const localName = name.localName
    let namespace: string | null
    if (prefix !== null) {
      if (prefix === 'xmlns') this.fail('an element name cannot use the prefix xmlns', tagStart + 1)
      const uri = this.lookup(prefix)
      if (uri === undefined || uri === null) this.fail(`unbound namespace prefix ${prefix} in <${qname}>`, tagStart + 1)
      namespace = uri
    } else {
      namespace = this.defaultUri ?? null
    }
    // Of a scanned element nothing is built: its attributes are checked, and none are left to build.
    if (this.depth >= this.scanDepth) count = this.checkScanned(count)
    // The array kept holds exactly the attributes (one grown from [] has room for 16 more): they are gathered in a
    // reused array and copied out (a compact tree's empty array is the shared one; a tree's own is its own).
    const list = this.attrList
    for (let k = 0; k < count; k++) {
      const attr = names[k]!
      const attrPrefix = attr.prefix
      let attribute: XmlAttribute
      if (attrPrefix === null) {
        attribute =
          attr.qname === 'xmlns'
            ? { namespace: XMLNS_NAMESPACE, localName: 'xmlns', prefix: null, value: values[k]! }
            : { namespace: null, localName: attr.localName, prefix: null, value: values[k]! }
      } else {
        let uri: string | null | undefined
        if (attrPrefix === 'xmlns') uri = XMLNS_NAMESPACE
        else {
          uri = this.lookup(attrPrefix)
          if (uri === undefined || uri === null) {
            this.fail(`unbound namespace prefix ${attrPrefix} in attribute ${attr.qname}`, starts[k])
          }
        }
        attribute = { namespace: uri, localName: attr.localName, prefix: attrPrefix, value: values[k]! }
      }
      list[k] = attribute
    }
    const depth = this.depth
    const scanned = depth >= this.scanDepth
    if (count > 1) this.checkUnique(list, count)
    const attributes = scanned ? NONE : count > 0 ? copyOut(list, 0, count) : this.compact ? NONE : []
    // Nothing is built of a scanned element: its parent stands for it on the stacks.
    const element: XmlElement = scanned
      ? this.elements[depth - 1]!
      : { type: 'element', namespace, localName, prefix, attributes, children: OPEN }
    if (this.recorded !== undefined) {
      this.recorded.elements.push(element)
      this.recorded.starts.push(tagStart)
    }
    if (scanned) this.hasElementChild[depth - 1] = true
    else if (depth > 0) this.addChildElement(element)
    this.elements[depth] = element
    this.childStarts[depth] = this.childTop
    this.qnames[depth] = qname
    this.openNames[depth] = name
    this.lastChildren[depth] = undefined
    this.starts[depth] = tagStart
    this.bindingMarks[depth] = mark
    this.hasElementChild[depth] = false
    this.depth = depth + 1
    return element
  }

  /**
   * Checks the attributes of a scanned element (see {@link SCAN}) as the tree checks them, in the same order, with
   * nothing built; 0, the number left to build.
   */
  private checkScanned(count: number): 0 {
    const names = this.attrNames
    const checked = this.scannedNames
    for (let k = 0; k < count; k++) {
      const attr = names[k]!
      const prefix = attr.prefix
      let uri: string | null | undefined = null
      if (prefix === 'xmlns' || attr.qname === 'xmlns') uri = XMLNS_NAMESPACE
      else if (prefix !== null) {
        uri = this.lookup(prefix)
        if (uri === undefined || uri === null) {
          this.fail(`unbound namespace prefix ${prefix} in attribute ${attr.qname}`, this.attrStarts[k])
        }
      }
      const name = checked[k]
      if (name === undefined) checked[k] = { namespace: uri, localName: attr.localName }
      else {
        name.namespace = uri
        name.localName = attr.localName
      }
    }
    if (count > 1) this.checkUnique(checked, count)
    return 0
  }

  private checkUnique(attributes: ReadonlyArray<ExpandedName>, count: number): void {
    const names = this.attrNames
    const duplicate = (a: number, b: number): never => {
      const first = names[a]!.qname
      const second = names[b]!.qname
      this.fail(
        first === second
          ? `duplicate attribute ${second}`
          : `attributes ${first} and ${second} have the same expanded name {${attributes[b]!.namespace}}${attributes[b]!.localName}`,
        this.attrStarts[b],
      )
    }
    if (count <= 16) {
      for (let b = 1; b < count; b++) {
        const y = attributes[b]!
        for (let a = 0; a < b; a++) {
          const x = attributes[a]!
          if (x.localName === y.localName && x.namespace === y.namespace) duplicate(a, b)
        }
      }
      return
    }
    const seen = new Map<string, number>()
    for (let b = 0; b < count; b++) {
      const y = attributes[b]!
      const key = `${y.namespace ?? ''} ${y.localName}`
      const a = seen.get(key)
      if (a !== undefined) duplicate(a, b)
      seen.set(key, b)
    }
  }

  /** Appends a child element to the innermost open element, settling pending text first. */
  private addChildElement(element: XmlElement): void {
    const d = this.depth - 1
    const children = this.childStack
    this.flushText()
    if (!this.hasElementChild[d]) {
      this.hasElementChild[d] = true
      // Texts merge until an element starts, so only one text can precede the first element child.
      const start = this.childStarts[d]!
      const only = this.childTop > start ? children[start] : undefined
      if (only !== undefined && only.type === 'text' && isXmlWhitespace(only.value)) this.childTop = start
    }
    children[this.childTop++] = element
  }

  protected flushText(): void {
    const text = this.pending
    if (text === '') return
    this.pending = ''
    const d = this.depth - 1
    if (this.hasElementChild[d] && isXmlWhitespace(text)) return
    const node: XmlNode = { type: 'text', value: text }
    this.childStack[this.childTop++] = node
  }

  private closeElement(): void {
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

  private endTag(): void {
    const s = this.s
    const tagStart = this.i
    const d = this.depth - 1
    const open = this.qnames[d]!
    let i = tagStart + 2 + open.length
    let c = s.charCodeAt(i)
    // Comparing in place avoids a string per end tag; a longer name fails the name-character check after it.
    if (!s.startsWith(open, tagStart + 2) || (c !== GT && this.continuesName(i))) {
      this.i = tagStart + 2
      const name = this.qname('an element name after </').qname
      const { line, column } = this.position(this.starts[d]!)
      this.fail(`end tag </${name}> does not match start tag <${open}> (line ${line}, column ${column})`, tagStart)
    }
    while (isSpace(c)) c = s.charCodeAt(++i)
    if (c !== GT) this.fail(`expected > to close </${open}`, i)
    this.i = i + 1
    this.closeElement()
  }

  private comment(): void {
    const s = this.s
    const start = this.i
    let i = start + 4
    for (;;) {
      if (i >= this.len) this.fail('comment is not closed', start)
      const c = s.charCodeAt(i)
      if (c === DASH && s.charCodeAt(i + 1) === DASH) {
        if (s.charCodeAt(i + 2) !== GT) this.fail('-- is not allowed inside a comment', i)
        this.i = i + 3
        return
      }
      i += c >= 0x20 && c < 0xd800 ? 1 : this.charWidth(i)
    }
  }

  private cdata(): void {
    const s = this.s
    const start = this.i
    const from = start + 9
    const end = s.indexOf(']]>', from)
    if (end < 0) this.fail('CDATA section is not closed', start)
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

  private processingInstruction(): void {
    const s = this.s
    const start = this.i
    const targetStart = start + 2
    const targetEnd = this.nameEnd(targetStart, false)
    if (targetEnd === targetStart) this.fail('expected a processing-instruction target after <?')
    const target = s.slice(targetStart, targetEnd)
    if (target.toLowerCase() === 'xml') {
      this.fail('an XML declaration is allowed only at the very start of the document', start)
    }
    if (s.charCodeAt(targetEnd) === COLON)
      this.fail('a processing-instruction target cannot contain a colon', targetEnd)
    let i = targetEnd
    if (s.startsWith('?>', i)) {
      this.i = i + 2
      return
    }
    if (!isSpace(s.charCodeAt(i))) this.fail('white space is needed after the processing-instruction target', i)
    for (;;) {
      if (i >= this.len) this.fail('processing instruction is not closed', start)
      if (s.charCodeAt(i) === QUESTION && s.charCodeAt(i + 1) === GT) {
        this.i = i + 2
        return
      }
      i += this.charWidth(i)
    }
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

/**
 * `from.slice(start, end)`, for the arrays a tree keeps. The tree outlives many young collections, and an array
 * literal is allocated where the runtime learns from its site that its arrays live long (old space, not copied by
 * each young collection), while `slice` always allocates young: short lists, the most common, are literals.
 */
function copyOut<T>(from: T[], start: number, end: number): T[] {
  switch (end - start) {
    case 1:
      return [from[start]!]
    case 2:
      return [from[start]!, from[start + 1]!]
    case 3:
      return [from[start]!, from[start + 1]!, from[start + 2]!]
    case 4:
      return [from[start]!, from[start + 1]!, from[start + 2]!, from[start + 3]!]
    case 5:
      return [from[start]!, from[start + 1]!, from[start + 2]!, from[start + 3]!, from[start + 4]!]
    default:
      return from.slice(start, end)
  }
}

function hex4(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, '0')
}
