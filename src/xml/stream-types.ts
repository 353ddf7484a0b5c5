// The shapes the streaming reader shares with the protocols: its error event, the frames it keeps open, the sink
// and the policy hooks a protocol fills in (XML 1.0 §3 elements, read piece by piece).

import type { DecodedNode, ElementEvents } from './events'
import type { Issue } from './issue'
import type { Binding, Position } from './stream-parser'
import type { XmlElement } from './types'

/**
 * The event that ends a stream whose document is malformed or does not decode: the issues of the first faulty
 * part, in document order ({@link Issue}s: `path` is `line:column` in the whole document for text that is not
 * well-formed, `''` with code `incomplete` for a source that failed or ended early).
 *
 * @example
 * ```ts
 * const failed: StreamError = { type: 'error', issues: [xmlIssue('element <entry> is not closed', { line: 3, column: 14 })] }
 * ```
 */
export interface StreamError {
  /** Discriminant. */
  type: 'error'
  /** What is wrong, and where (the issues `reportErrors` gives, for a part that does not decode). */
  issues: Issue[]
}

/**
 * One issue of a {@link StreamError}.
 *
 * @deprecated Use {@link Issue}: stream errors carry the one issue shape (`severity`, `code`, `steps` beside the
 * `path` and `message` this name described).
 * @example
 * ```ts
 * const issue: StreamIssue = xmlIssue('element <entry> is not closed', { line: 3, column: 14 })
 * ```
 */
export type StreamIssue = Issue

/** An element the reader keeps open while its children stream past (a feed, a folder, an `Items` list). */
export interface Frame<K> {
  /** The start tag, read; the protocol fills `children` with what it keeps. */
  element: XmlElement
  /** What the protocol made of it. */
  kind: K
  /** The name as written, for the end-tag check. */
  qname: string
  /** Where its start tag is. */
  start: Position
  /** Its depth (the root is 1). */
  depth: number
  /** Namespace bindings in scope inside it. */
  bindings: Binding[]
}

/** Where the reader reports decoded values and faults. */
export interface Sink<Ev> {
  emit(event: Ev): void
  fail(issues: Issue[]): void
}

/** What a protocol decides while a document streams by; a hook that calls `sink.fail` ends the stream. */
export interface StreamPolicy<K, Ev> {
  /** The root's start tag: the kind of its frame (after `sink.fail` the value is not used). */
  root(element: XmlElement, sink: Sink<Ev>): K
  /** Whether a child start tag (by its name as written) might open a frame; it is then read on its own first. */
  mayOpen(parent: Frame<K>, qname: string): boolean
  /** A child start tag read on its own: the kind of frame it opens, or `undefined` to read the child whole. */
  open(parent: Frame<K>, element: XmlElement): K | undefined
  /** A whole child element. */
  child(parent: Frame<K>, element: XmlElement, sink: Sink<Ev>): void
  /** The reader of a frame's children in event mode (see `ElementEvents`), or `undefined` to read trees only. */
  events?(parent: Frame<K>): ElementEvents<unknown> | undefined
  /**
   * With {@link events}: a child that {@link mayOpen} may open a frame is first read whole in event mode, when all of
   * it is in the text held and within maxLength; its value, nested values included, then comes to {@link decoded}.
   */
  whole?: boolean
  /** A child read in event mode (only with {@link events}). */
  decoded?(parent: Frame<K>, node: DecodedNode, sink: Sink<Ev>): void
  /** The text between two children (never empty; may be white space). */
  text(parent: Frame<K>, text: string, sink: Sink<Ev>): void
  /** A frame ended; for the root, after the rest of the document was checked too. */
  close(frame: Frame<K>, sink: Sink<Ev>): void
  /** The issues of a parse error (the protocols report them as their document codecs do). */
  parseIssues(error: Issue): Issue[]
}
