// The event mode of the parser: a protocol reads the children of one open element straight into its values while
// the text is scanned, with no generic tree, and gives up (the element is then read as a tree) at anything unusual.
import type { XmlElement, XmlNode } from './types'

/** What a child element read in event mode is: a leaf whose text is taken (`LEAF`), or one read whole (`TREE`). */
export const LEAF = 1
/** See {@link LEAF}. */
export const TREE = 2
/**
 * Read whole like `TREE`, except the content of its child elements: scanned with every check the tree makes and
 * nothing built, each handed to `scanned` with the read of its children from the text. For an in-memory text only
 * (the read keeps it).
 */
export const SCAN = 3

/**
 * A protocol's reader of elements in event mode, with a state per element being filled. The parser only calls it
 * for elements without attributes, in no namespace (unless {@link namespaces}), with no comment, PI or CDATA section
 * inside, and with text only in leaves; any other element, or a `false` or `undefined` answer, sends the whole child
 * back to the tree.
 *
 * @example
 * ```ts
 * const events: ElementEvents<string[]> = { start: () => [], child: () => LEAF, leaf: (s, t) => s.push(t) > 0,
 *   tree: () => {}, end: () => true, value: (s) => s }
 * ```
 */
export interface ElementEvents<S> {
  /**
   * With `true`, elements in any namespace are read too: {@link start} and {@link child} get every name with its
   * namespace URI (`null` for none) resolved from the bindings in scope; a name whose prefix is unbound gives up.
   */
  readonly namespaces?: boolean
  /**
   * A child of the open element, by local name (and namespace, see {@link namespaces}): the state that takes its
   * content, or `undefined` for a tree.
   */
  start(localName: string, namespace: string | null): S | undefined
  /**
   * A child of the element `state` stands for, by local name (`null` when the name has a prefix, unless
   * {@link namespaces}) and namespace (only with {@link namespaces}): `LEAF` (its text comes to {@link leaf}), `TREE`
   * or `SCAN` (read whole, to {@link tree}), a nested state, or `undefined` to give up.
   */
  child(
    state: S,
    localName: string | null,
    namespace?: string | null,
  ): S | typeof LEAF | typeof TREE | typeof SCAN | undefined
  /** The text of the leaf just announced; `false` gives up. */
  leaf(state: S, text: string): boolean
  /**
   * The child just announced as `TREE`, read whole; `named` when none of its names is a new string (each is the
   * string of a name read before it, so it adds none; see `compactTree`); `around`, the bindings in scope around it
   * (the parser's own, valid during the call only).
   */
  tree(state: S, element: XmlElement, named: boolean, around: InScope): void
  /**
   * A child element of a `SCAN` child, its content scanned and its `children` not built: `again.read(start, scope)`
   * builds them from the text (required with `SCAN`). The element returned stands for it in its parent's children.
   */
  scanned?(element: XmlElement, again: ReadAgain, start: number, scope: ReadonlyArray<string | null>): XmlElement
  /** The element of `state` ended; `false` gives up. */
  end(state: S): boolean
  /** The value of an element that {@link start} took, after its end. */
  value(state: S): unknown
}

/**
 * The namespace bindings in scope at a place of the document: the prefixes bound there, outermost first (`''` for
 * the default namespace; a prefix bound again repeats), and the URI a prefix resolves to there (`null` for an
 * undeclared default namespace, `undefined` when unbound). The `xml` prefix is bound without being listed.
 */
export interface InScope {
  readonly declared: readonly string[]
  lookup(prefix: string): string | null | undefined
}

/** Reads the children of a scanned element again, from the text the parser scanned (one for all its elements). */
export interface ReadAgain {
  /** The children of the element whose start tag is at `start`, with the bindings `scope` (prefix, URI, …) in scope. */
  read(start: number, scope: ReadonlyArray<string | null>): XmlNode[]
}

/** A child read in event mode, in the parser's list of children in place of its element. */
export interface DecodedNode {
  readonly type: 'decoded'
  readonly namespace: string | null
  readonly localName: string
  readonly value: unknown
}
