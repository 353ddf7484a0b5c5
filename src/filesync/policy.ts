// The FILESYNC reader over the streaming XML reader's events: items decoded one at a time as their end tags come,
// for streamFileSync and for the in-memory decode alike (MS-FILESYNC §2.2.3 Folder and Items, docs/decisions.md#f1).
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { xmlStep } from '../codec/context'
import { qname } from '../codec/names'
import { reportErrors } from '../codec/report'
import { isXmlWhitespace } from '../xml/chars'
import type { ElementEvents } from '../xml/events'
import type { Issue } from '../xml/issue'
import type { Limits } from '../xml/options'
import { type Frame, readText, type Sink, type StreamPolicy } from '../xml/stream'
import { qualifiedName } from '../xml/tree'
import type { XmlElement } from '../xml/types'
import { FolderItemElement, ItemElement, ItemsElement } from './element'
import { ITEM_EVENTS } from './item-events'
import type { FileSyncDocument, Item } from './model'
import type { FileSyncEvent } from './stream'

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

/**
 * What the reader makes of an element it keeps open: a folder or an `Items` list.
 *
 * @example
 * ```ts
 * const kind: Kind = { type: 'items', elements: false, parent: undefined, path: [], count: 0, folders: 0, documents: 0 }
 * ```
 */
export type Kind = FolderKind | ItemsKind

const ROOT_STEP = xmlStep('element', [qname(null, 'Folder'), qname(null, 'Items')], false)
const ROOT_FOLDER_STEP = xmlStep('element', [qname(null, 'Folder')], false)
const ITEMS_STEP = xmlStep('element', [qname(null, 'Items')], false)
const ITEM_STEP = xmlStep('element', [qname(null, 'Folder'), qname(null, 'Document')], true)

/**
 * Decodes a document's root element (`Folder` or `Items`, no namespace; anything else is an error naming it).
 *
 * @example
 * ```ts
 * decodeRoot(parsed.root, []) // right({ root: 'Items', items: [...] })
 * ```
 */
export function decodeRoot(root: XmlElement, c: t.Context): t.Validation<FileSyncDocument> {
  if (root.namespace === null && root.localName === 'Folder') {
    const r = FolderItemElement.validate(root, c)
    return E.isRight(r) ? t.success({ root: 'Folder', folder: r.right }) : r
  }
  if (root.namespace === null && root.localName === 'Items') {
    const r = ItemsElement.validate(root, c)
    return E.isRight(r) ? t.success({ root: 'Items', items: r.right }) : r
  }
  const name = `<${qualifiedName(root)}>`
  const ns = root.namespace === null ? '' : ` in namespace ${root.namespace}`
  return t.failure(
    root,
    [...c, { key: root.localName, type: ROOT_STEP, actual: root }],
    `expected root element <Folder> or <Items> (no namespace), found ${name}${ns}`,
  )
}

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
function contextFor(base: t.Context, items: Frame<Kind>, child: XmlElement, position: number): t.ContextEntry[] {
  const kind = items.kind as ItemsKind
  const siblings: XmlElement[] = new Array(Math.max(0, position - 1)).fill(placeholder(child))
  siblings.push(child)
  const entry = { key: 'Items', type: ITEMS_STEP, actual: { ...items.element, children: siblings } }
  const folder = kind.parent
  if (folder === undefined) return [...base, entry]
  const fk = folder.kind as FolderKind
  if (fk.parent === undefined)
    return [...base, { key: 'Folder', type: ROOT_FOLDER_STEP, actual: folder.element }, entry]
  return [
    ...contextFor(base, fk.parent, folder.element, fk.position),
    { key: 'Folder', type: ITEM_STEP, actual: folder.element },
    entry,
  ]
}

/**
 * Hands out an item read whole and, first, the items nested in it, at any depth, in the order their end tags came;
 * a folder's `items`, when it has them, is emptied, as for a folder whose frame was open (see `streamFileSync`).
 */
function emitNested(sink: Sink<FileSyncEvent>, item: Item, path: number[]): void {
  if (item.kind === 'Folder' && item.items !== undefined && item.items.length > 0) {
    const items = item.items
    item.items = []
    for (let k = 0; k < items.length; k++) emitNested(sink, items[k]!, [...path, k])
  }
  sink.emit({ type: 'item', item, path })
}

/** Counts a typed item among its same-named siblings. */
function positionOf(kind: ItemsKind, el: { namespace: string | null; localName: string }): number {
  if (el.namespace !== null) return 0
  if (el.localName === 'Folder') return ++kind.folders
  if (el.localName === 'Document') return ++kind.documents
  return 0
}

/**
 * The FILESYNC policy of the streaming XML reader: folders and `Items` lists stay open, every other child of an
 * `Items` is read whole and decoded as an item; error paths are those of the in-memory decode under `base`. With
 * `elements` (a stream read with positions), each event also carries the element it was decoded from.
 *
 * @example
 * ```ts
 * readStream(source, fileSyncPolicy([]), options)
 * ```
 */
export function fileSyncPolicy(base: t.Context, elements = false): StreamPolicy<Kind, FileSyncEvent> {
  /** Decodes an item where it stands; on failure, again with the context that gives its error paths. */
  function decodeItem(el: XmlElement, items: Frame<Kind>, position: number, sink: Sink<FileSyncEvent>) {
    const r = ItemElement.validate(el, base)
    if (r._tag === 'Right') return r.right
    const shown = ItemElement.validate(el, contextFor(base, items, el, position))
    sink.fail(reportErrors(shown._tag === 'Left' ? shown.left : r.left))
    return undefined
  }

  function end(root: XmlElement, sink: Sink<FileSyncEvent>): void {
    const r = decodeRoot(root, base)
    if (r._tag === 'Left') sink.fail(reportErrors(r.left))
    else sink.emit(elements ? { type: 'end', document: r.right, element: root } : { type: 'end', document: r.right })
  }
  const emitItem = (sink: Sink<FileSyncEvent>, item: Item, path: number[], element: XmlElement) =>
    sink.emit(elements ? { type: 'item', item, path, element } : { type: 'item', item, path })

  return {
    root(element, sink) {
      const shell = { elements: false, parent: undefined, path: [] }
      if (element.namespace === null && element.localName === 'Folder') {
        return { ...shell, type: 'folder', position: 1, items: false }
      }
      if (element.namespace === null && element.localName === 'Items') {
        return { ...shell, type: 'items', count: 0, folders: 0, documents: 0 }
      }
      const r = decodeRoot(element, base)
      if (r._tag === 'Left') sink.fail(reportErrors(r.left))
      return { ...shell, type: 'items', count: 0, folders: 0, documents: 0 }
    },
    parseIssues: (error) => [error],
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
      if (item !== undefined) emitItem(sink, item, path, el)
    },
    // The children of an Items list are read in event mode where they can be; the others come to `child`.
    events: (parent) => (parent.kind.type === 'items' ? (ITEM_EVENTS as ElementEvents<unknown>) : undefined),
    // A folder all of whose text came is read whole, as the in-memory decode reads it, and handed out item by item.
    whole: true,
    decoded(parent, node, sink) {
      const kind = parent.kind as ItemsKind
      const path = [...kind.path, kind.count++]
      positionOf(kind, node)
      markElement(kind, parent.element)
      emitNested(sink, node.value as Item, path)
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
      if (item !== undefined) emitItem(sink, item, kind.path, frame.element)
    },
  }
}

const WHOLE = /*#__PURE__*/ (() => fileSyncPolicy([]))()

/**
 * Decodes a whole document's text with the streaming reader, putting every item back in its list as it comes:
 * the generic tree of one item lives at a time. `undefined` when the text is not a document that decodes (the
 * caller then reads it again the tree way, for the exact issues); the `internal` issue of a read that threw (a bug,
 * which reading again would hide).
 *
 * @example
 * ```ts
 * decodeWhole('<Items><Folder/></Items>', resolveLimits(undefined)) // { root: 'Items', items: [{ kind: 'Folder' }] }
 * ```
 */
export function decodeWhole(text: string, limits: Limits): FileSyncDocument | Issue[] | undefined {
  // lists[d]: the items read so far at depth d + 1 whose folder has not ended yet (a folder's children end first).
  const lists: Item[][] = [[]]
  let document: FileSyncDocument | undefined
  let failed: Issue[] | undefined
  readText(text, WHOLE, limits, (event) => {
    if (event.type === 'item') {
      const depth = event.path.length
      const item = event.item
      if (item.kind === 'Folder' && item.items !== undefined) {
        item.items = lists[depth] ?? []
        lists[depth] = []
      }
      const list = lists[depth - 1]
      if (list === undefined) lists[depth - 1] = [item]
      else list.push(item)
    } else if (event.type === 'end') {
      document = event.document
    } else {
      failed = event.issues
    }
  })
  if (failed?.some((issue) => issue.code === 'internal')) return failed
  if (failed !== undefined || document === undefined) return undefined
  if (document.root === 'Items') return { root: 'Items', items: lists[0]! }
  if (document.folder.items !== undefined) document.folder.items = lists[0]!
  return document
}
