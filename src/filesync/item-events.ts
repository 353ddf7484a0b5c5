// FILESYNC items read in the parser's event mode: each item's value filled straight from the compiled record
// tables (src/filesync/schema.ts) as the text is scanned, with a tree only for the children kept as extensions.
// Anything the tree decode would report (or treat in another way) makes the parser read the item as a tree again.
import type * as t from 'io-ts'
import { type ElementEvents, LEAF, TREE } from '../xml/events'
import type { XmlElement } from '../xml/types'
import { inWriteOrder, leafValue, type Mutable } from './item-decode'
import type { Extension, FileSyncDocument, FolderItem, Item } from './model'
import { DOCUMENT, DOCUMENT_STREAM, type FieldSpec, FOLDER, type RecordSpec } from './schema'

/** A record being filled (an item, a nested record, a stream). */
class RecordState {
  /** The modelled child read last: extensions after it are anchored to it. */
  after: string | null = null
  /** The anchor of the extension being read. */
  anchor: string | null = null
  extensions: Extension[] | undefined = undefined
  /** The leaf being read. */
  field: FieldSpec | undefined = undefined

  constructor(
    readonly spec: RecordSpec,
    readonly out: Mutable,
    /** Whether it is an item (`Folder`, `Document`): its extensions are put in write order when it ends. */
    readonly item: boolean,
  ) {}
}

/** A `DocumentStreams` list being filled. */
class ListState {
  readonly list: Mutable[] = []
}

/** An `Items` list being filled: folders and documents as records, any other element kept whole. */
class ItemsState {
  readonly list: Item[] = []
}

type State = RecordState | ListState | ItemsState

/** The state of a `Folder` or `Document` item, as `decodeItemIn` reads it; `undefined` for any other name. */
function itemState(localName: string | null): RecordState | undefined {
  if (localName === 'Document') return new RecordState(DOCUMENT, { kind: 'Document' }, true)
  if (localName === 'Folder') return new RecordState(FOLDER, { kind: 'Folder' }, true)
  return undefined
}

const NO_CONTEXT: t.Context = []

/**
 * The reader of an `Items` list's children in event mode: `Folder` and `Document` records as
 * `decodeItemIn` reads them, with the same values (unknown items and anything unusual go to the tree decode).
 *
 * @example
 * ```ts
 * parsePiece(text, limits, scope, 'content', ITEM_EVENTS)
 * ```
 */
export const ITEM_EVENTS: ElementEvents<State> = {
  start: itemState,
  child(state, localName) {
    if (state instanceof ItemsState) {
      // Unknown items (any other name, or one with a prefix) are kept whole, as decodeItemIn keeps them.
      const item = itemState(localName)
      if (item === undefined) return TREE
      state.list.push(item.out as unknown as Item)
      return item
    }
    if (state instanceof ListState) {
      if (localName !== 'DocumentStream') return undefined
      const out: Mutable = {}
      state.list.push(out)
      return new RecordState(DOCUMENT_STREAM, out, false)
    }
    const field = localName === null ? undefined : state.spec.byName.get(localName)
    if (field === undefined || state.out[field.key] !== undefined) {
      // Kept whole, anchored as decodeRecordInto anchors it (a repeated field to its first occurrence).
      state.anchor = field === undefined ? state.after : field.name
      return TREE
    }
    state.after = field.name
    switch (field.type) {
      case 'items': {
        const items = new ItemsState()
        state.out[field.key] = items.list
        return items
      }
      case 'streams': {
        const list = new ListState()
        state.out[field.key] = list.list
        return list
      }
      case 'record': {
        const out: Mutable = {}
        state.out[field.key] = out
        return new RecordState(field.record!, out, false)
      }
      default:
        state.field = field
        return LEAF
    }
  },
  leaf(state, text) {
    const s = state as RecordState
    const field = s.field!
    if (field.type === 'text') {
      s.out[field.key] = text
      return true
    }
    const r = leafValue(field, text, NO_CONTEXT)
    if (r._tag === 'Left') return false
    s.out[field.key] = r.right
    return true
  },
  tree(state, element: XmlElement) {
    if (state instanceof ItemsState) {
      state.list.push({ kind: 'Unknown', element })
      return
    }
    const s = state as RecordState
    const extension: Extension = { after: s.anchor, element }
    if (s.extensions === undefined) s.extensions = [extension]
    else s.extensions.push(extension)
  },
  end(state) {
    if (!(state instanceof RecordState)) return true
    if (state.extensions !== undefined) state.out.extensions = state.extensions
    if (state.item) inWriteOrder(state.spec, state.out, state.out.writeMode !== undefined)
    return true
  },
  value: (state) => (state as RecordState).out,
}

/**
 * The reader of a whole document in event mode: the root `Folder` (read as a folder item is) or `Items`, every item
 * at any depth as {@link ITEM_EVENTS} reads it; the value is the {@link FileSyncDocument}. Any other root, or
 * anything unusual, gives up (the document is then read the other ways, which report what is wrong).
 *
 * @example
 * ```ts
 * new Parser(text, limits).eventDocument(DOCUMENT_EVENTS) // { value: { root: 'Items', items: [...] } }
 * ```
 */
export const DOCUMENT_EVENTS: ElementEvents<State> = {
  ...ITEM_EVENTS,
  start(localName) {
    if (localName === 'Folder') return new RecordState(FOLDER, { kind: 'Folder' }, true)
    return localName === 'Items' ? new ItemsState() : undefined
  },
  value(state): FileSyncDocument {
    if (state instanceof ItemsState) return { root: 'Items', items: state.list }
    return { root: 'Folder', folder: (state as RecordState).out as unknown as FolderItem }
  },
}
