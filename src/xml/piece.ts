// The parser run on one piece of a larger document (a prolog with the root's start tag, a child element, the text
// between children, an end tag) with the state around it, so streaming applies every check of XML 1.0 and Namespaces.
import { either as E } from 'fp-ts'
import type { DecodedNode, ElementEvents } from './events'
import { type Issue, xmlIssue } from './issue'
import type { Limits } from './options'
import { Parser, SyntaxFault } from './parse'
import { lineAndColumn } from './position'
import { recordPositions } from './positions'
import type { XmlElement, XmlNode } from './types'

/** A 1-based line and column in the whole document. */
export interface Position {
  line: number
  column: number
}

/** A namespace binding in scope: prefix (`''` for the default namespace) and URI (`null` = undeclared default). */
export type Binding = readonly [prefix: string, uri: string | null]

/** What encloses a piece: the open elements around it and where the piece starts in the whole document. */
export interface PieceScope {
  /** How many elements are open around the piece (0 in the prolog). */
  depth: number
  /** The innermost open element's name as written and the position of its start tag. */
  open: { qname: string; start: Position } | undefined
  /** The namespace bindings in scope, outermost first (a later binding of a prefix hides an earlier one). */
  bindings: readonly Binding[]
  /** Where the piece's first character is in the whole document. */
  start: Position
}

/**
 * How to read a piece:
 * - `start`: the prolog and the root's start tag (nothing after it);
 * - `tag`: one start tag, of a child of the open element;
 * - `content`: content of the open element (text, markup, whole child elements), which stays open;
 * - `final`: the same at the end of the document, so the open element is reported as not closed;
 * - `close`: the open element's end tag; after the root's, everything up to the end of the document.
 */
export type PieceKind = 'start' | 'tag' | 'content' | 'final' | 'close'

/** What a piece held: its nodes (`content`), or the element of a start tag and the bindings it declared. */
export interface PieceResult {
  /** With event mode, children read that way come as {@link DecodedNode}s. */
  nodes: Array<XmlNode | DecodedNode>
  element: XmlElement | undefined
  declared: Binding[]
}

/** Where an offset of a piece is in the whole document; a negative offset stands for the open element's start tag. */
export function positionIn(piece: string, scope: PieceScope, offset: number): Position {
  if (offset < 0 && scope.open !== undefined) return scope.open.start
  const local = lineAndColumn(piece, Math.max(0, offset))
  return local.line === 1
    ? { line: scope.start.line, column: scope.start.column + local.column - 1 }
    : { line: scope.start.line + local.line - 1, column: local.column }
}

/** An element with no name or content: the stand-in for the element a piece sits in. */
function standIn(): XmlElement {
  return { type: 'element', namespace: null, localName: '', prefix: null, attributes: [], children: [] }
}

// Stands for a root element that closed itself (`<feed/>`) when only what follows it is left to read.
const CLOSED_ROOT = standIn()

class PieceParser extends Parser {
  private readonly holder: XmlElement | undefined

  constructor(
    text: string,
    limits: Limits,
    private readonly scope: PieceScope,
    events: ElementEvents<unknown> | undefined,
    positions: boolean,
  ) {
    super(text, limits)
    if (positions) this.recorded = { elements: [], starts: [] }
    if (events !== undefined && scope.depth > 0) {
      this.events = events
      this.eventsDepth = scope.depth
    }
    for (const [prefix, uri] of scope.bindings) this.bind(prefix, uri)
    const d = scope.depth
    if (d > 0) {
      const holder = standIn()
      this.holder = holder
      this.elements[d - 1] = holder
      this.qnames[d - 1] = scope.open?.qname ?? ''
      this.starts[d - 1] = -1
      this.bindingMarks[d - 1] = this.declared.length
      this.hasElementChild[d - 1] = false
      this.childStarts[d - 1] = this.childTop
      this.depth = d
    }
  }

  protected override position(offset: number): Position {
    return positionIn(this.s, this.scope, offset)
  }

  read(kind: PieceKind): PieceResult {
    const result = this.readPiece(kind)
    const recorded = this.recorded
    if (recorded !== undefined) recordPositions(this.s, recorded.elements, recorded.starts, this.scope.start)
    return result
  }

  private readPiece(kind: PieceKind): PieceResult {
    const base = this.scope.depth
    if (kind === 'start' || kind === 'tag') {
      let element: XmlElement
      if (kind === 'start') {
        // The reader took the document's byte-order mark off already: a second one is text, as for parseXml.
        if (this.s.charCodeAt(0) === 0xfeff) throw new SyntaxFault('text before the root element', 0)
        this.rootTagOnly = true
        element = this.document()
      } else element = this.startTag()
      const declared: Binding[] = []
      if (this.depth > base) {
        // Still open: the parser gives it its children when it closes, which happens in another piece or never.
        element.children = []
        for (let k = this.bindingMarks[base]!; k < this.declared.length; k++) {
          const prefix = this.declared[k]!
          declared.push([prefix, this.lookup(prefix) ?? null])
        }
      }
      return { nodes: [], element, declared }
    }
    if (kind === 'close') {
      if (base === 0) this.misc(CLOSED_ROOT)
      else this.contentUntil(base - 1, false)
      if (base === 1) this.misc(this.holder)
      return { nodes: [], element: undefined, declared: [] }
    }
    this.contentUntil(base - 1, kind === 'content')
    this.flushText()
    // The open element's children so far are on the parser's child stack (see Parser.childStack).
    const nodes = this.holder === undefined ? [] : this.childStack.slice(this.childStarts[base - 1]!, this.childTop)
    return { nodes, element: undefined, declared: [] }
  }

  fault(error: unknown): Issue {
    if (error instanceof SyntaxFault) return xmlIssue(error.message, this.position(error.offset))
    return xmlIssue(`the XML parser failed unexpectedly: ${String(error)}`)
  }
}

/**
 * Parses one piece of a document with the state that encloses it; the first error has line and column in the
 * whole document. Every rule of `parseXml` applies, except `maxLength` (the caller limits what it holds). With
 * `events`, the open element's children are read in event mode where they can be (see {@link ElementEvents}).
 * With `positions`, every element read gets its place in the whole document (`elementPosition`).
 */
export function parsePiece(
  text: string,
  limits: Limits,
  scope: PieceScope,
  kind: PieceKind,
  events?: ElementEvents<unknown>,
  positions = false,
): E.Either<Issue, PieceResult> {
  const parser = new PieceParser(text, limits, scope, events, positions)
  try {
    return E.right(parser.read(kind))
  } catch (error) {
    return E.left(parser.fault(error))
  }
}
