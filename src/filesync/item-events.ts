// FILESYNC items read in the parser's event mode: each item's value filled straight from the compiled record
// tables (src/filesync/schema.ts) as the text is scanned, with a tree only for the children kept as extensions.
// Anything the tree decode would report (or treat in another way) makes the parser read the item as a tree again.
import { type ElementEvents, LEAF, TREE } from '../xml/events'
import type { XmlElement } from '../xml/types'
import { anchorOf, inWriteOrder, keptWhole, type Mutable, NULLABLE } from './item-decode'
import { REFUSED, readLeaf } from './leaf'
import type { Extension, FileSyncDocument, FolderItem, Item } from './model'
import { DOCUMENT, DOCUMENT_STREAM, type FieldSpec, FOLDER, type RecordSpec } from './schema'

/** A record being filled (an item, a nested record, a stream). */
class RecordState {
  /** The modelled child read last: extensions after it are anchored to it. */
  after: string | null = null
  extensions: Extension[] | undefined = undefined
  /** The leaf being read. */
  field: FieldSpec | undefined = undefined
  /**
   * Where in the response order the next field is looked for first: every field read so far is before it, so none
   * found from there on was read already.
   */
  next = 0

  constructor(
    public spec: RecordSpec,
    public out: Mutable,
    /** Whether it is an item (`Folder`, `Document`): its extensions are put in write order when it ends. */
    public item: boolean,
    /** Whether a `child` call made it: it goes to {@link spareRecords} when it ends. */
    readonly nested: boolean,
  ) {}

  /** This state made ready for another record, as the constructor makes one. */
  reset(spec: RecordSpec, out: Mutable, item: boolean): RecordState {
    this.spec = spec
    this.out = out
    this.item = item
    this.after = null
    this.extensions = undefined
    this.field = undefined
    this.next = 0
    return this
  }

  /** The modelled field `localName` names that is not read yet, or `undefined` (an extension). */
  private unread(localName: string | null): FieldSpec | undefined {
    if (localName === null) return undefined
    const order = this.spec.responseOrder
    // Listings come in the response order: the field is one of the next few, found with no lookup by name.
    const last = Math.min(order.length, this.next + LOOK_AHEAD)
    for (let k = this.next; k < last; k++) {
      if (order[k]!.name === localName) {
        this.next = k + 1
        return order[k]
      }
    }
    const field = this.spec.byName.get(localName)
    if (field === undefined || this.out[field.key] !== undefined) return undefined
    // A field further on moves the place on; one before it leaves it.
    const k = order.indexOf(field, last)
    if (k >= 0) this.next = k + 1
    return field
  }

  child(localName: string | null): State | typeof LEAF | typeof TREE | undefined {
    const field = this.unread(localName)
    // Kept whole, anchored when read (by its expanded name, which a default namespace declared on it changes).
    if (field === undefined) return TREE
    this.after = field.name
    switch (field.type) {
      case 'items': {
        const items = new ItemsState()
        this.out[field.key] = items.list
        return items
      }
      case 'streams':
        return listState(this.out, field.key)
      case 'record': {
        const out: Mutable = {}
        this.out[field.key] = out
        return recordState(field.record!, out, false)
      }
      default:
        this.field = field
        return LEAF
    }
  }

  tree(element: XmlElement): void {
    const extension: Extension = { after: anchorOf(this.spec, element, this.after), element: keptWhole(element) }
    if (this.extensions === undefined) this.extensions = [extension]
    else this.extensions.push(extension)
  }

  end(): void {
    if (this.extensions !== undefined) this.out.extensions = this.extensions
    if (this.item) inWriteOrder(this.spec, this.out, this.out.writeMode !== undefined)
    if (this.nested) {
      // Holds nothing of the value any more.
      this.out = GIVEN_BACK
      this.extensions = undefined
      this.field = undefined
      spareRecords.push(this)
    }
  }
}

/**
 * States whose element ended, for the next ones to reuse: a listing opens three or four per item (the item, its
 * stream list and stream, an identity), each garbage as soon as its element ends. Only states a `child` call made are
 * given back, at their end, after which the parser holds them no more; a state `start` made stays the parser's until
 * it has read its value. A state left midway (event mode gave up) is collected as any garbage. The spares are never
 * more than the states open at once.
 */
const spareRecords: RecordState[] = []
const spareLists: ListState[] = []

/** What a spare state holds in place of a value. */
const GIVEN_BACK: Mutable = Object.freeze({}) as Mutable

/** A nested record's state: a spare one if there is one. */
function recordState(spec: RecordSpec, out: Mutable, item: boolean): RecordState {
  const spare = spareRecords.pop()
  return spare === undefined ? new RecordState(spec, out, item, true) : spare.reset(spec, out, item)
}

/** A `DocumentStreams` list's state: a spare one if there is one. */
function listState(out: Mutable, key: string): ListState {
  const spare = spareLists.pop()
  return spare === undefined ? new ListState(out, key) : spare.reset(out, key)
}

/** How many fields past the last one read the response order is searched before a lookup by name. */
const LOOK_AHEAD = 6

/** An empty list (`DocumentStreams` with no stream yet): its place in the record, kept until the list ends. */
const NO_STREAMS: readonly Mutable[] = []

/**
 * A `DocumentStreams` list being filled, in its record's `key`: an array of exactly its length (most hold one
 * stream), put in place when the first stream starts (the key is placed when the list starts, in document order).
 */
class ListState {
  list: Mutable[] | undefined = undefined

  constructor(
    public out: Mutable,
    public key: string,
  ) {
    out[key] = NO_STREAMS
  }

  /** This state made ready for another list, as the constructor makes one. */
  reset(out: Mutable, key: string): ListState {
    this.out = out
    this.key = key
    this.list = undefined
    out[key] = NO_STREAMS
    return this
  }

  child(localName: string | null): State | undefined {
    if (localName !== 'DocumentStream') return undefined
    const out: Mutable = {}
    if (this.list === undefined) {
      this.list = [out]
      this.out[this.key] = this.list
    } else this.list.push(out)
    return recordState(DOCUMENT_STREAM, out, false)
  }

  tree(): void {}

  end(): void {
    if (this.list === undefined) this.out[this.key] = []
    this.out = GIVEN_BACK
    this.list = undefined
    spareLists.push(this)
  }
}

/** An `Items` list being filled: folders and documents as records, any other element kept whole. */
class ItemsState {
  readonly list: Item[] = []

  child(localName: string | null): State | typeof TREE {
    // Unknown items (any other name, or one with a prefix) are kept whole, as decodeItemIn keeps them.
    const item = itemState(localName, true)
    if (item === undefined) return TREE
    this.list.push(item.out as unknown as Item)
    return item
  }

  tree(element: XmlElement): void {
    this.list.push({ kind: 'Unknown', element: keptWhole(element) })
  }

  end(): void {}
}

type State = RecordState | ListState | ItemsState

// An item's value is a plain object (its prototype is Object.prototype, as a literal's), made by a constructor so
// that V8 sizes it for the fields items of its kind get (in-object slack tracking): a `{ kind }` literal has room for
// one field in place, and every further one grows a separate property array (3, 6, 9… slots, the old ones garbage).
function plainValue(kind: string): new () => Mutable {
  const Value = function (this: Mutable) {
    this.kind = kind
  } as unknown as new () => Mutable
  Value.prototype = Object.prototype
  return Value
}
const DocumentValue = plainValue('Document')
const FolderValue = plainValue('Folder')

/** The state of a `Folder` or `Document` item, as `decodeItemIn` reads it; `undefined` for any other name. */
function itemState(localName: string | null, nested: boolean): RecordState | undefined {
  const kind = localName === 'Document' ? DOCUMENT : localName === 'Folder' ? FOLDER : undefined
  if (kind === undefined) return undefined
  const out = kind === DOCUMENT ? new DocumentValue() : new FolderValue()
  return nested ? recordState(kind, out, true) : new RecordState(kind, out, true, false)
}

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
  start: (localName) => itemState(localName, false),
  child: (state, localName) => state.child(localName),
  leaf(state, text) {
    const s = state as RecordState
    const field = s.field!
    if (field.type === 'text') {
      s.out[field.key] = text
      return true
    }
    const value = text === '' && NULLABLE.has(field.type) ? null : readLeaf(field.type, text)
    if (value === REFUSED) return false
    s.out[field.key] = value
    return true
  },
  tree: (state, element: XmlElement) => state.tree(element),
  end(state) {
    state.end()
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
    if (localName === 'Folder') return itemState(localName, false)
    return localName === 'Items' ? new ItemsState() : undefined
  },
  value(state): FileSyncDocument {
    if (state instanceof ItemsState) return { root: 'Items', items: state.list }
    return { root: 'Folder', folder: (state as RecordState).out as unknown as FolderItem }
  },
}
