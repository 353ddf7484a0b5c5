// Streaming decode of MS-FILESYNC documents (docs/decisions.md#f1 to #f3): every item at any depth as its own
// event, with its index path, in memory bounded by maxLength however large the listing is.
import type { ParseOptions } from '../xml/parse'
import type { XmlSource } from '../xml/source'
import { readStream, type StreamError } from '../xml/stream'
import type { XmlElement } from '../xml/types'
import { FileSyncXml } from './document'
import type { FileSyncDocument, FolderItem, Item } from './model'
import { fileSyncPolicy } from './policy'

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
   * its nested items, the text between two items, or a folder read whole), not the document. With
   * `positions: true`, every element read gets its place in the whole document (`elementPosition`), each event
   * carries the `element` it was decoded from, and the issues of an error event have the `line` and `column` of
   * the deepest element of their path, as with `parseXml`.
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
  /**
   * With `parse.positions`: the item's element as read (a folder's without the items that came before it), whose
   * elements have their place in the document (`elementPosition`); absent otherwise.
   */
  element?: XmlElement
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
  /** With `parse.positions`: the root element as read (without its items); absent otherwise. */
  element?: XmlElement
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

// Error paths start where FileSyncXml's do; built in a pure call, so a bundle of only the HTTP helpers drops it.
const BASE = [{ key: '', type: FileSyncXml, actual: undefined }]
const POLICY = /*#__PURE__*/ (() => fileSyncPolicy(BASE))()

/**
 * Decodes an MS-FILESYNC document (`Folder` or `Items` root) from a stream in bounded memory: yields
 * `{ type: 'item', item, path }` for every item at any depth, then `{ type: 'end', document }`, or ends with
 * `{ type: 'error', issues }`.
 *
 * - An item's event comes when its end tag has been read, so a folder's event follows its children's; a folder's
 *   `items` is `[]` (present exactly when the in-memory value has it), and {@link rebuildFileSync} puts the
 *   children back: the events rebuild `FileSyncXml.decode`'s value exactly.
 * - The reader holds one item without its nested items (or the text between two items) at a time, or a whole
 *   folder when all of its text came at once: it then reads the folder as `FileSyncXml.decode` does and hands its
 *   items out one by one, the same events as item by item. `parse.maxLength` bounds what it holds, not the document.
 * - Every rule of `parseXml` applies, in document order: a document that is not well-formed ends with the same
 *   message and `line:column` (in the whole document) as the in-memory decode, after the items before the fault.
 *   So does a byte that is not valid in the document's encoding: the `undecodable` issue `FileSyncXml.decode` of the
 *   same bytes gives (message, byte `offset`, `line:column`), however the bytes are cut into chunks.
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
  const policy = options?.parse?.positions === true ? fileSyncPolicy(BASE, true) : POLICY
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
