// The open elements of the parser and the tree it builds: an element opened (its namespaces resolved, its
// attributes checked unique), its children and text settled. Implements XML 1.0 (fifth edition) §3.1 (unique
// attributes) and Namespaces in XML 1.0 §4–6 (declaring and applying namespaces, uniqueness by expanded name).

import { isXmlWhitespace } from './chars'
import { shared } from './intern'
import type { Name } from './lexer'
import { MarkupReader } from './markup'
import { NONE } from './tree'
import type { XmlAttribute, XmlElement, XmlNode } from './types'
import { XML_NAMESPACE, XMLNS_NAMESPACE } from './types'

// The children of an element still open; replaced when it closes (frozen, so that a mistake would throw rather
// than share children between elements). The streaming readers give an element they keep open an array of its own.
export const OPEN: XmlNode[] = Object.freeze([]) as unknown as XmlNode[]

/** What {@link Parser.checkUnique} compares of an attribute. */
interface ExpandedName {
  namespace: string | null
  localName: string
}

/** No depth is scanned (see {@link SCAN}). */
export const NO_SCAN = 0x3fffffff

/**
 * The parser's open elements as parallel stacks, with the children of them all on one stack, and the opening of
 * an element and the settling of its children and text (closing is {@link Parser}'s: the scan hands elements over).
 */
export class TreeBuilder extends MarkupReader {
  // Open elements, as parallel stacks (no recursion, no per-frame objects).
  protected depth = 0
  protected readonly elements: XmlElement[] = []
  protected readonly qnames: string[] = []
  protected readonly starts: number[] = []
  protected readonly bindingMarks: number[] = []
  protected readonly hasElementChild: boolean[] = []
  // The tree's guess of the next start tag's name (see childName): the name of each element open as a tree
  // (`undefined` at a depth that is not, such as an element read in event mode) and of its last child so far.
  protected readonly openNames: Array<Name | undefined> = []
  protected readonly lastChildren: Array<Name | undefined> = []
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
  protected pending = ''
  /**
   * Whether trees are built in the compact form kept values hold (see `compactTree`): attribute arrays of exactly
   * their length, every empty attribute or children array the one shared frozen empty array. Set by
   * {@link eventChildren}, whose trees are the reader's own.
   */
  protected compact = false

  // Attributes of the start tag being read, reused across tags.
  protected readonly attrNames: Name[] = []
  protected readonly attrValues: string[] = []
  /** The attributes of the element being opened, reused across tags (see openElement). */
  private readonly attrList: XmlAttribute[] = []
  protected readonly attrStarts: number[] = []
  /** The expanded names of a scanned element's attributes, reused across tags (see {@link checkScanned}). */
  private readonly scannedNames: ExpandedName[] = []
  /**
   * Elements this deep and deeper are scanned, with every check of the tree and nothing built (see {@link SCAN});
   * the elements one level up go to `events.scanned` with the read of their children ({@link readAgain}).
   */
  protected scanDepth = NO_SCAN

  /** Resolves namespaces of the start tag just read, checks its attributes and pushes the element. */
  protected openElement(name: Name, count: number, tagStart: number): XmlElement {
    const names = this.attrNames
    const values = this.attrValues
    const starts = this.attrStarts
    const mark = this.declared.length
    const qname = name.qname
    // Declarations first: they apply to the element's own name and attributes (Namespaces §5).
    for (let k = 0; k < count; k++) {
      const attr = names[k]!
      // A declared URI is the shared string (see shared), and so is every namespace resolved through its binding:
      // one hash lookup per declaration, and readers compare namespaces with their constants by identity.
      if (attr.qname === 'xmlns') {
        const uri = shared(values[k]!)
        values[k] = uri
        if (uri === XML_NAMESPACE || uri === XMLNS_NAMESPACE) {
          this.fail(`${uri} cannot be the default namespace`, starts[k])
        }
        this.bind('', uri === '' ? null : uri)
      } else if (attr.prefix === 'xmlns') {
        const prefix = attr.localName
        const uri = shared(values[k]!)
        values[k] = uri
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
      const namespace = this.attributeNamespace(attr, starts[k]!)
      list[k] = { namespace, localName: attr.localName, prefix: attr.prefix, value: values[k]! }
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
   * The namespace of the attribute `attr` whose name starts at `at`, the element's own declarations bound: none
   * without a prefix (Namespaces in XML §6.2), the xmlns namespace for `xmlns` and `xmlns:*`, else its prefix's; an
   * unbound prefix fails.
   */
  private attributeNamespace(attr: Name, at: number): string | null {
    const prefix = attr.prefix
    if (prefix === null) return attr.qname === 'xmlns' ? XMLNS_NAMESPACE : null
    if (prefix === 'xmlns') return XMLNS_NAMESPACE
    const uri = this.lookup(prefix)
    if (uri === undefined || uri === null)
      this.fail(`unbound namespace prefix ${prefix} in attribute ${attr.qname}`, at)
    return uri
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
      const uri = this.attributeNamespace(attr, this.attrStarts[k]!)
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
    if (count <= 16) {
      for (let b = 1; b < count; b++) {
        const y = attributes[b]!
        for (let a = 0; a < b; a++) {
          const x = attributes[a]!
          if (x.localName === y.localName && x.namespace === y.namespace) this.duplicate(attributes, a, b)
        }
      }
      return
    }
    const seen = new Map<string, number>()
    for (let b = 0; b < count; b++) {
      const y = attributes[b]!
      const key = `${y.namespace ?? ''} ${y.localName}`
      const a = seen.get(key)
      if (a !== undefined) this.duplicate(attributes, a, b)
      seen.set(key, b)
    }
  }

  /** Fails at attribute `b`, the same as attribute `a` by expanded name (a method: a closure would cost every tag). */
  private duplicate(attributes: ReadonlyArray<ExpandedName>, a: number, b: number): never {
    const first = this.attrNames[a]!.qname
    const second = this.attrNames[b]!.qname
    this.fail(
      first === second
        ? `duplicate attribute ${second}`
        : `attributes ${first} and ${second} have the same expanded name {${attributes[b]!.namespace}}${attributes[b]!.localName}`,
      this.attrStarts[b],
    )
  }

  /** Appends a child element to the innermost open element, settling pending text first. */
  protected addChildElement(element: XmlElement): void {
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
    // A text of several pieces is a rope; reading a character flattens it now, while it is young, so that the tree
    // keeps one flat string, not the rope and its pieces.
    text.charCodeAt(0)
    const node: XmlNode = { type: 'text', value: text }
    this.childStack[this.childTop++] = node
  }
}

/**
 * `from.slice(start, end)`, for the arrays a tree keeps. The tree outlives many young collections, and an array
 * literal is allocated where the runtime learns from its site that its arrays live long (old space, not copied by
 * each young collection), while `slice` always allocates young: short lists, the most common, are literals.
 */
export function copyOut<T>(from: T[], start: number, end: number): T[] {
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
