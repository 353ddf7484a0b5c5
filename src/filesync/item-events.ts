// FILESYNC items read in the parser's event mode: each item's value filled straight from the compiled record
// tables (src/filesync/schema.ts) as the text is scanned, with a tree only for the children kept as extensions.
// Anything the tree decode would report (or treat in another way) makes the parser read the item as a tree again.
import type * as t from 'io-ts'
import { type ElementEvents, LEAF, TREE } from '../xml/events'
import type { XmlElement } from '../xml/types'
import { inWriteOrder, leafValue, type Mutable } from './item-decode'
import type { Extension } from './model'
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
  ) {}
}

/** A `DocumentStreams` list being filled. */
class ListState {
  readonly list: Mutable[] = []
}

type State = RecordState | ListState

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
  start(localName) {
    if (localName === 'Document') return new RecordState(DOCUMENT, { kind: 'Document' })
    if (localName === 'Folder') return new RecordState(FOLDER, { kind: 'Folder' })
    return undefined
  },
  child(state, localName) {
    if (state instanceof ListState) {
      if (localName !== 'DocumentStream') return undefined
      const out: Mutable = {}
      state.list.push(out)
      return new RecordState(DOCUMENT_STREAM, out)
    }
    const field = localName === null ? undefined : state.spec.byName.get(localName)
    if (field === undefined || state.out[field.key] !== undefined) {
      // Kept whole, anchored as decodeRecordInto anchors it (a repeated field to its first occurrence).
      state.anchor = field === undefined ? state.after : field.name
      return TREE
    }
    state.after = field.name
    switch (field.type) {
      case 'items':
        return undefined
      case 'streams': {
        const list = new ListState()
        state.out[field.key] = list.list
        return list
      }
      case 'record': {
        const out: Mutable = {}
        state.out[field.key] = out
        return new RecordState(field.record!, out)
      }
      default:
        state.field = field
        return LEAF
    }
  },
  leaf(state, text) {
    const s = state as RecordState
    const field = s.field!
    const r = leafValue(field, text, NO_CONTEXT)
    if (r._tag === 'Left') return false
    s.out[field.key] = r.right
    return true
  },
  tree(state, element: XmlElement) {
    const s = state as RecordState
    const extension: Extension = { after: s.anchor, element }
    if (s.extensions === undefined) s.extensions = [extension]
    else s.extensions.push(extension)
  },
  end(state) {
    if (state instanceof RecordState && state.extensions !== undefined) state.out.extensions = state.extensions
    return true
  },
  value(state) {
    const s = state as RecordState
    inWriteOrder(s.spec, s.out, s.out.writeMode !== undefined)
    return s.out
  },
}
