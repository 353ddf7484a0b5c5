// Writes FILESYNC values straight to XML text, the same text `serializeXml` gives for the element codecs' trees.
// Implements docs/decisions.md#f12 (no namespaces, no whitespace between elements) and docs/decisions.md#f3 (SPO order on encode).
import { escapeText, Writer } from '../xml/serialize'
import { iterate } from '../xml/serialize-stream'
import type { XmlElement, XmlNode } from '../xml/types'
import { booleanText, LEAF_TEXT } from './leaf'
import type { Extension, FolderItem, Item } from './model'
import { DOCUMENT, DOCUMENT_STREAM, type FieldSpec, FOLDER, type RecordSpec, type Tags, tagsOf } from './schema'

// Building an element tree and serialising it costs about as much again as writing the text directly, and
// encoding has to beat fast-xml-parser's builder; so the document codec writes text, and only unknown elements
// (which may carry namespaces and attributes) go through `serializeXml`. Iterative: values built by hand may
// nest deeper than any parsed document, and encoding must never overflow the stack.

type Mutable = Record<string, unknown>

interface Placed {
  at: number
  element: XmlElement
}

/** An open record element: `r` is the next field of `order` to write; extensions anchored before it are out. */
interface RecordFrame {
  readonly list: false
  readonly tags: Tags
  readonly value: Mutable
  readonly request: boolean
  readonly order: readonly FieldSpec[]
  readonly placed: Placed[] | undefined
  r: number
  next: number
}

/** An open `Items` or `DocumentStreams` element: `i` is the next child to write. */
interface ListFrame {
  readonly list: true
  readonly children: readonly unknown[]
  readonly streams: boolean
  readonly request: boolean
  readonly tags: Tags
  i: number
  /** More children follow from the caller (a streamed list): when these are written, `drain` pauses here. */
  more: boolean
}

type Frame = RecordFrame | ListFrame

const EMPTY: readonly Placed[] = []

// The tags of the elements not written as a field of a record.
const FOLDER_TAGS = tagsOf('Folder')
const DOCUMENT_TAGS = tagsOf('Document')
const ITEMS_TAGS = tagsOf('Items')
const STREAMS_TAGS = tagsOf('DocumentStreams')
const STREAM_TAGS = tagsOf('DocumentStream')

/** Where the writer puts what it writes: XML text (the document codec) or an element tree (the element codecs). */
interface Sink {
  openTag(tags: Tags): void
  closeTag(tags: Tags): void
  emptyTag(tags: Tags): void
  leaf(field: FieldSpec, s: string): void
  element(el: XmlElement): void
}

// Appends to one string (the serializer's buffer, a ChunkedText): about twice as fast as pushing parts and joining
// them. The tags are the schema's, written once. Unknown elements are written by the serializer into the same
// buffer, each in a scope of its own (FILESYNC binds no namespace), as `serializeXml` writes them alone.
class TextSink extends Writer implements Sink {
  openTag(tags: Tags): void {
    this.out += tags.open
  }
  closeTag(tags: Tags): void {
    this.out += tags.close
    this.settle()
  }
  emptyTag(tags: Tags): void {
    this.out += tags.empty
  }
  leaf(field: FieldSpec, s: string): void {
    if (s === '') this.out += field.empty
    else {
      this.out += field.open
      this.out += escapeText(s)
      this.out += field.close
    }
  }
  element(el: XmlElement): void {
    this.writeAlone(el)
    this.settle()
  }
}

function bare(localName: string, children: XmlNode[]): XmlElement {
  return { type: 'element', namespace: null, localName, prefix: null, attributes: [], children }
}

class TreeSink implements Sink {
  private readonly open_: XmlElement[] = [bare('', [])]
  private top(): XmlElement {
    return this.open_[this.open_.length - 1]!
  }
  get root(): XmlElement {
    return this.open_[0]!.children[0] as XmlElement
  }
  openTag(tags: Tags): void {
    const el = bare(tags.name, [])
    this.top().children.push(el)
    this.open_.push(el)
  }
  closeTag(): void {
    this.open_.pop()
  }
  emptyTag(tags: Tags): void {
    this.top().children.push(bare(tags.name, []))
  }
  leaf(field: FieldSpec, s: string): void {
    this.top().children.push(bare(field.name, s === '' ? [] : [{ type: 'text', value: s }]))
  }
  element(el: XmlElement): void {
    this.top().children.push(el)
  }
}

function leafText(field: FieldSpec, x: unknown): string {
  if (field.type === 'text') return x as string
  if (x === null) return ''
  if (field.type === 'boolean') return booleanText(x as { value: boolean })
  return LEAF_TEXT[field.type]!(x)
}

/**
 * Opens a record: writes its start tag (or the whole empty element) and returns its frame, or `undefined` when
 * it was empty and is already written.
 */
function openRecord(
  spec: RecordSpec,
  tags: Tags,
  value: Mutable,
  request: boolean,
  out: Sink,
): RecordFrame | undefined {
  const order = request ? spec.requestOrder : spec.responseOrder
  const extensions = value.extensions as Extension[] | undefined
  let placed: Placed[] | undefined
  let empty = true
  if (extensions !== undefined && extensions.length > 0) {
    placed = placeExtensions(extensions, request ? spec.requestRank : spec.responseRank, order.length)
    empty = false
  } else {
    for (const field of order) {
      if (value[field.key] !== undefined) {
        empty = false
        break
      }
    }
  }
  if (empty) {
    out.emptyTag(tags)
    return undefined
  }
  out.openTag(tags)
  return { list: false, tags, value, request, order, placed, r: 0, next: 0 }
}

function openItem(item: Item, out: Sink): RecordFrame | undefined {
  if (item.kind === 'Unknown') {
    out.element(item.element)
    return undefined
  }
  const folder = item.kind === 'Folder'
  // SPO writes request bodies (those with a WriteMode) in another order than listings and write responses.
  return openRecord(
    folder ? FOLDER : DOCUMENT,
    folder ? FOLDER_TAGS : DOCUMENT_TAGS,
    item as unknown as Mutable,
    item.writeMode !== undefined,
    out,
  )
}

function openList(
  children: readonly unknown[],
  streams: boolean,
  request: boolean,
  out: Sink,
  more = false,
): ListFrame | undefined {
  const tags = streams ? STREAMS_TAGS : ITEMS_TAGS
  if (children.length === 0 && !more) {
    out.emptyTag(tags)
    return undefined
  }
  out.openTag(tags)
  return { list: true, children, streams, request, tags, i: 0, more }
}

/**
 * Writes the frames on `stack` until it is empty, or until the list `streamed` (whose further items the caller
 * writes) has had its own items written: then that list's frame is left on top.
 */
function drain(stack: Frame[], out: Sink, streamed?: readonly unknown[]): void {
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!
    if (f.list) {
      if (f.i === f.children.length) {
        if (f.more) return
        out.closeTag(f.tags)
        stack.pop()
        continue
      }
      const child = f.children[f.i++]
      const frame = f.streams
        ? openRecord(DOCUMENT_STREAM, STREAM_TAGS, child as Mutable, f.request, out)
        : openItem(child as Item, out)
      if (frame !== undefined) stack.push(frame)
      continue
    }
    const placed = f.placed ?? EMPTY
    const order = f.order
    let pushed = false
    while (!pushed && f.r <= order.length) {
      while (f.next < placed.length && placed[f.next]!.at < f.r) out.element(placed[f.next++]!.element)
      if (f.r === order.length) break
      const field = order[f.r++]!
      const x = f.value[field.key]
      if (x === undefined) continue
      let frame: Frame | undefined
      switch (field.type) {
        case 'items':
          frame = openList(x as Item[], false, f.request, out, x === streamed)
          break
        case 'streams':
          frame = openList(x as Mutable[], true, f.request, out)
          break
        case 'record':
          frame = openRecord(field.record!, field, x as Mutable, f.request, out)
          break
        default: {
          const s = leafText(field, x)
          out.leaf(field, s)
        }
      }
      if (frame !== undefined) {
        stack.push(frame)
        pushed = true
      }
    }
    if (pushed) continue
    while (f.next < placed.length) out.element(placed[f.next++]!.element)
    out.closeTag(f.tags)
    stack.pop()
  }
}

/**
 * Extensions sorted by their anchor's place in the write order (-1 for "first"); the same anchor keeps array
 * order (`i` is the index in `extensions`), and an anchor the table does not know goes after every modelled field.
 *
 * @example
 * ```ts
 * placeExtensions([{ after: 'ETag', element }], FOLDER.responseRank, FOLDER.responseOrder.length) // [{ at: 2, i: 0, element }]
 * ```
 */
export function placeExtensions(
  extensions: readonly Extension[],
  rank: ReadonlyMap<string, number>,
  end: number,
): Array<{ at: number; i: number; element: XmlElement }> {
  return extensions
    .map((ext, i) => ({ at: ext.after === null ? -1 : (rank.get(ext.after) ?? end), i, element: ext.element }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
}

function write(root: Item | { readonly items: readonly Item[] }, out: Sink): void {
  const frame = 'kind' in root ? openItem(root, out) : openList(root.items, false, false, out)
  if (frame !== undefined) drain([frame], out)
}

/**
 * Writes a document's root (its `Folder`, or the item list of an `Items` root) as XML text, without declaration.
 *
 * @example
 * ```ts
 * writeRoot({ kind: 'Folder', relationshipName: 'RootFolder', items: [] }) // '<Folder><RelationshipName>RootFolder</RelationshipName><Items/></Folder>'
 * ```
 */
export function writeRoot(root: Item | { readonly items: readonly Item[] }): string {
  const out = new TextSink()
  write(root, out)
  return out.finish()
}

/**
 * Writes what {@link writeRoot} writes for `root` with `more` appended to its item list (the `Items` root's, or
 * the root `Folder`'s `Items`, made present), in chunks of at least `min` UTF-16 units (the last may be shorter),
 * handed out between two items. The same frames write both, so the texts agree.
 *
 * @example
 * ```ts
 * for await (const chunk of writeRootStream({ items: [] }, items, 1 << 14)) out.write(chunk)
 * ```
 */
export async function* writeRootStream(
  root: FolderItem | { readonly items: readonly Item[] },
  more: Iterable<Item> | AsyncIterable<Item>,
  min: number,
): AsyncGenerator<string, void, undefined> {
  const out = new TextSink()
  const iterator = iterate(more)
  let step = await iterator.next()
  if (step.done === true) {
    write(root, out)
    yield out.finish()
    return
  }
  const list = (root.items ?? []) as Item[]
  const stack: Frame[] = []
  if ('kind' in root) stack.push(openItem(root.items === list ? root : { ...root, items: list }, out)!)
  else stack.push(openList(list, false, false, out, true)!)
  drain(stack, out, list)
  const streamed = stack[stack.length - 1] as ListFrame
  try {
    while (step.done !== true) {
      const frame = openItem(step.value, out)
      if (frame !== undefined) drain([frame], out)
      const chunk = out.take(min)
      if (chunk !== undefined) yield chunk
      step = await iterator.next()
    }
  } finally {
    if (step.done !== true) await iterator.return?.()
  }
  streamed.more = false
  drain(stack, out)
  yield out.finish()
}

/**
 * Builds the element tree of an item, of an `Items` list, or of a record inside an item (`DocumentStream`,
 * `ModifierIdentity`): the same elements {@link writeRoot} writes as text. Iterative, like the text writer.
 *
 * @example
 * ```ts
 * buildTree({ kind: 'Document', relationshipName: 'a.txt' }).children.length // 1
 * ```
 */
export function buildTree(root: Item | { readonly items: readonly Item[] }): XmlElement
export function buildTree(root: Mutable, spec: RecordSpec, name: string): XmlElement
export function buildTree(
  root: Item | { readonly items: readonly Item[] } | Mutable,
  spec?: RecordSpec,
  name?: string,
): XmlElement {
  const out = new TreeSink()
  if (spec === undefined) write(root as Item | { readonly items: readonly Item[] }, out)
  else {
    const frame = openRecord(spec, tagsOf(name!), root as Mutable, false, out)
    if (frame !== undefined) drain([frame], out)
  }
  return out.root
}
