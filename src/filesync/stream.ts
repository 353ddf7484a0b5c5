// Streaming decode of MS-FILESYNC documents (docs/decisions.md#f1 to #f3): every item at any depth as its own
// event, with its index path, holding one item (without its nested items) at a time however large the listing is.
import type * as t from 'io-ts'
import { xmlStep } from '../codec/context'
import { qname } from '../codec/names'
import { reportErrors, xmlErrorsToIssues } from '../codec/report'
import { isXmlWhitespace } from '../xml/chars'
import type { ParseOptions } from '../xml/parse'
import type { XmlSource } from '../xml/source'
import { type Frame, readStream, type Sink, type StreamError, type StreamPolicy } from '../xml/stream'
import type { XmlElement } from '../xml/types'
import { decodeRoot, FileSyncXml } from './document'
import { ItemElement } from './element'
import type { FileSyncDocument, FolderItem, Item } from './model'

/**
 * Options of {@link streamFileSync}.
 *
 * @example
 * ```ts
 * const options: StreamFileSyncOptions = { parse: { maxDepth: 64 } }
 * ```
 */
export interface StreamFileSyncOptions {
  /**
   * Parser limits, as `parseXml` takes them; `maxLength` bounds what the reader holds at once (one item without
   * its nested items, or the text between two items), not the document.
   */
  parse?: ParseOptions
}

/**
 * One item of the document, at any depth: decoded exactly as `FileSyncXml.decode` decodes it in place, except that
 * a folder's `items` (when it has an `Items` element) is `[]`: its children come as their own events, before it.
 *
 * @example
 * ```ts
 * const event: FileSyncItemEvent = { type: 'item', item: { kind: 'Document', relationshipName: 'a.txt' }, path: [3, 0] }
 * ```
 */
export interface FileSyncItemEvent {
  /** Discriminant of {@link FileSyncEvent}. */
  type: 'item'
  /** The item; a `Folder`'s `items` list, when present, is empty. */
  item: Item
  /**
   * Its index path: `[3, 0]` is the first item of the `Items` of the fourth item of the root's `Items` (the root
   * `Folder`'s, or the root `Items` itself).
   */
  path: number[]
}

/**
 * The last event of a document that decoded: the root `Folder` with its `items` emptied, or `{ root: 'Items',
 * items: [] }`; its items came as {@link FileSyncItemEvent}s.
 *
 * @example
 * ```ts
 * const event: FileSyncEndEvent = { type: 'end', document: { root: 'Items', items: [] } }
 * ```
 */
export interface FileSyncEndEvent {
  /** Discriminant of {@link FileSyncEvent}. */
  type: 'end'
  /** The document without its items. */
  document: FileSyncDocument
}

/**
 * What {@link streamFileSync} yields: items in the order their end tags come (so a folder follows its children),
 * then `end`, or an `error` (last) after the items that came before the fault.
 *
 * @example
 * ```ts
 * for await (const event of streamFileSync(source)) if (event.type === 'item') index(event.path, event.item)
 * ```
 */
export type FileSyncEvent = FileSyncItemEvent | FileSyncEndEvent | StreamError

interface Shell {
  /** Whether the element has had an element child (then white-space text beside its children is dropped). */
  elements: boolean
}

interface FolderKind extends Shell {
  type: 'folder'
  /** The `Items` frame it is in; `undefined` for the root. */
  parent: Frame<Kind> | undefined
  path: number[]
  /** 1-based position among the `Folder` siblings (error paths show it). */
  position: number
  /** Whether its `Items` (the first, the one that holds its items) has been read. */
  items: boolean
}

interface ItemsKind extends Shell {
  type: 'items'
  /** The folder whose `Items` it is; `undefined` for the root `Items`. */
  parent: Frame<Kind> | undefined
  /** The index path its items extend. */
  path: number[]
  count: number
  folders: number
  documents: number
}

type Kind = FolderKind | ItemsKind

const BASE: t.Context = [{ key: '', type: FileSyncXml, actual: undefined }]
// Built in pure calls, so a bundle of only the HTTP helpers drops them (tsup merges this module into a shared chunk).
const ROOT_FOLDER_STEP = /*#__PURE__*/ (() => xmlStep('element', [qname(null, 'Folder')], false))()
const ITEMS_STEP = /*#__PURE__*/ (() => xmlStep('element', [qname(null, 'Items')], false))()
const ITEM_STEP = /*#__PURE__*/ (() => xmlStep('element', [qname(null, 'Folder'), qname(null, 'Document')], true))()

/** Adds what the parser would keep of a text beside children: white space only while there is no element child. */
function addText(shell: Shell, element: XmlElement, text: string): void {
  if (shell.elements && isXmlWhitespace(text)) return
  element.children.push({ type: 'text', value: text })
}

/** Notes an element child (kept or streamed): the white space read before it is dropped. */
function markElement(shell: Shell, element: XmlElement): void {
  if (shell.elements) return
  shell.elements = true
  const only = element.children[0]
  if (only !== undefined && only.type === 'text' && isXmlWhitespace(only.value)) element.children.length = 0
}

function addElement(shell: Shell, element: XmlElement, child: XmlElement): void {
  markElement(shell, element)
  element.children.push(child)
}

function placeholder(el: XmlElement): XmlElement {
  return {
    type: 'element',
    namespace: el.namespace,
    localName: el.localName,
    prefix: null,
    attributes: [],
    children: [],
  }
}

/** The io-ts context the in-memory decode has for a child of `items` at `position`, so error paths match. */
function contextFor(items: Frame<Kind>, child: XmlElement, position: number): t.ContextEntry[] {
  const kind = items.kind as ItemsKind
  const siblings: XmlElement[] = new Array(Math.max(0, position - 1)).fill(placeholder(child))
  siblings.push(child)
  const entry = { key: 'Items', type: ITEMS_STEP, actual: { ...items.element, children: siblings } }
  const folder = kind.parent
  if (folder === undefined) return [...BASE, entry]
  const fk = folder.kind as FolderKind
  if (fk.parent === undefined)
    return [...BASE, { key: 'Folder', type: ROOT_FOLDER_STEP, actual: folder.element }, entry]
  return [
    ...contextFor(fk.parent, folder.element, fk.position),
    { key: 'Folder', type: ITEM_STEP, actual: folder.element },
    entry,
  ]
}

/** Decodes an item where it stands; on failure, again with the context that gives its error paths. */
function decodeItem(el: XmlElement, items: Frame<Kind>, position: number, sink: Sink<FileSyncEvent>): Item | undefined {
  const r = ItemElement.validate(el, BASE)
  if (r._tag === 'Right') return r.right
  const shown = ItemElement.validate(el, contextFor(items, el, position))
  sink.fail(reportErrors(shown._tag === 'Left' ? shown.left : r.left))
  return undefined
}

/** Counts a typed item among its same-named siblings. */
function positionOf(kind: ItemsKind, el: XmlElement): number {
  if (el.namespace !== null) return 0
  if (el.localName === 'Folder') return ++kind.folders
  if (el.localName === 'Document') return ++kind.documents
  return 0
}

const policy: StreamPolicy<Kind, FileSyncEvent> = {
  root(element, sink) {
    const shell = { elements: false, parent: undefined, path: [] }
    if (element.namespace === null && element.localName === 'Folder') {
      return { ...shell, type: 'folder', position: 1, items: false }
    }
    if (element.namespace === null && element.localName === 'Items') {
      return { ...shell, type: 'items', count: 0, folders: 0, documents: 0 }
    }
    const r = decodeRoot(element, BASE)
    if (r._tag === 'Left') sink.fail(reportErrors(r.left))
    return { ...shell, type: 'items', count: 0, folders: 0, documents: 0 }
  },
  parseIssues: (error) => xmlErrorsToIssues([error]),
  mayOpen(parent, name) {
    const kind = parent.kind
    return kind.type === 'folder' ? name === 'Items' && !kind.items : name === 'Folder'
  },
  open(parent, el) {
    const kind = parent.kind
    if (el.namespace !== null) return undefined
    if (kind.type === 'folder') {
      if (el.localName !== 'Items' || kind.items) return undefined
      kind.items = true
      addElement(kind, parent.element, el)
      const items: ItemsKind = {
        type: 'items',
        elements: false,
        parent,
        path: kind.path,
        count: 0,
        folders: 0,
        documents: 0,
      }
      return items
    }
    if (el.localName !== 'Folder') return undefined
    markElement(kind, parent.element)
    const path = [...kind.path, kind.count++]
    return { type: 'folder', elements: false, parent, path, position: positionOf(kind, el), items: false }
  },
  child(parent, el, sink) {
    const kind = parent.kind
    if (kind.type === 'folder') {
      addElement(kind, parent.element, el)
      return
    }
    const path = [...kind.path, kind.count++]
    const position = positionOf(kind, el)
    markElement(kind, parent.element)
    const item = decodeItem(el, parent, position, sink)
    if (item !== undefined) sink.emit({ type: 'item', item, path })
  },
  text(parent, text) {
    addText(parent.kind, parent.element, text)
  },
  close(frame, sink) {
    const kind = frame.kind
    if (kind.type === 'items') {
      if (kind.parent === undefined) end(frame.element, sink)
      return
    }
    if (kind.parent === undefined) {
      end(frame.element, sink)
      return
    }
    const item = decodeItem(frame.element, kind.parent, kind.position, sink)
    if (item !== undefined) sink.emit({ type: 'item', item, path: kind.path })
  },
}

function end(root: XmlElement, sink: Sink<FileSyncEvent>): void {
  const r = decodeRoot(root, BASE)
  if (r._tag === 'Left') sink.fail(reportErrors(r.left))
  else sink.emit({ type: 'end', document: r.right })
}

/**
 * Decodes an MS-FILESYNC document (`Folder` or `Items` root) from a stream in bounded memory: yields
 * `{ type: 'item', item, path }` for every item at any depth, then `{ type: 'end', document }`, or ends with
 * `{ type: 'error', issues }`.
 *
 * - An item's event comes when its end tag has been read, so a folder's event follows its children's; a folder's
 *   `items` is `[]` (present exactly when the in-memory value has it), and {@link rebuildFileSync} puts the
 *   children back: the events rebuild `FileSyncXml.decode`'s value exactly.
 * - The reader holds one item without its nested items (or the text between two items) at a time;
 *   `parse.maxLength` bounds that, not the document.
 * - Every rule of `parseXml` applies, in document order: a document that is not well-formed ends with the same
 *   message and `line:column` (in the whole document) as the in-memory decode, after the items before the fault.
 *   An item that does not decode ends the stream with its issues (paths as in memory, `/Folder/Items/Document[2]/…`).
 * - Never throws: a source that throws or gives something other than text or bytes ends with an error event.
 *
 * @example
 * ```ts
 * for await (const event of streamFileSync(response.body!)) {
 *   if (event.type === 'item' && event.item.kind === 'Document') await index(event.path, event.item)
 *   else if (event.type === 'error') console.error(event.issues)
 * }
 * ```
 */
export function streamFileSync(source: XmlSource, options?: StreamFileSyncOptions): AsyncIterable<FileSyncEvent> {
  return { [Symbol.asyncIterator]: () => readStream(source, policy, options?.parse) }
}

/**
 * The document a stream of {@link FileSyncEvent}s stands for: the `end` event's document with every item put back
 * at its path (the event objects are not changed); `undefined` when the stream ended with an error or no `end`.
 *
 * @example
 * ```ts
 * const events = []
 * for await (const e of streamFileSync(source)) events.push(e)
 * rebuildFileSync(events) // deep-equal to FileSyncXml.decode(text).right
 * ```
 */
export function rebuildFileSync(events: Iterable<FileSyncEvent>): FileSyncDocument | undefined {
  const placed: Array<{ path: number[]; item: Item }> = []
  const byPath = new Map<string, Item>()
  let document: FileSyncDocument | undefined
  for (const event of events) {
    if (event.type === 'error') return undefined
    if (event.type === 'end') {
      document = event.document
      break
    }
    const item =
      event.item.kind === 'Folder' && event.item.items !== undefined ? { ...event.item, items: [] } : event.item
    placed.push({ path: event.path, item })
    byPath.set(event.path.join('/'), item)
  }
  if (document === undefined) return undefined
  let top: Item[] | undefined
  if (document.root === 'Items') {
    top = []
    document = { root: 'Items', items: top }
  } else {
    const folder: FolderItem = document.folder.items === undefined ? document.folder : { ...document.folder, items: [] }
    top = folder.items
    document = { root: 'Folder', folder }
  }
  for (const { path, item } of placed) {
    const parent = path.length === 1 ? undefined : byPath.get(path.slice(0, -1).join('/'))
    const list = parent === undefined ? top : parent.kind === 'Folder' ? parent.items : undefined
    if (list !== undefined) list[path[path.length - 1]!] = item
  }
  return document
}
