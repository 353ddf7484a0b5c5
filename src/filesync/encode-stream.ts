// Streaming encode of MS-FILESYNC documents (protocol notes §3.1, §6.1, §6.3): the root's own fields, then its items
// as they come, in string chunks; the text is exactly what FileSyncXml.encode writes for the whole document.
import { type FileSyncXmlOptions, prologue } from './document'
import type { FileSyncDocument, Item } from './model'
import { writeRootStream } from './write'

// Chunks are handed out once about this many UTF-16 units are written.
const CHUNK = 1 << 14

/**
 * Encodes an MS-FILESYNC document in string chunks from its head and a stream of items, in bounded memory: the
 * counterpart of {@link streamFileSync}. The items extend the root's item list: the `Items` root's, or the root
 * `Folder`'s `Items` (written even when `head.folder.items` is absent, once an item comes). Each streamed item is
 * written whole, nested items included.
 *
 * - The concatenated chunks equal `FileSyncXml.encode` (or `fileSyncXml(options).encode`) of the document with
 *   the items appended to that list, byte for byte: the same writer writes both. With no item streamed, they
 *   equal the encoding of `head` itself.
 * - The root folder's fields that SharePoint writes after `Items` come after the last item; every field is taken
 *   from `head`.
 * - A chunk is handed out once about 16 K characters are written, between two items, so the encoder holds one
 *   item and one chunk at a time. `items` is read as the chunks are asked for.
 *
 * @example
 * ```ts
 * const head: FileSyncDocument = { root: 'Folder', folder: { kind: 'Folder', relationshipName: 'RootFolder', items: [] } }
 * const chunks = encodeFileSyncStream(head, listDocuments()) // an async generator of items
 * await pipeline(Readable.from(chunks), createWriteStream('listing.xml'))
 * ```
 */
export async function* encodeFileSyncStream(
  head: FileSyncDocument,
  items: Iterable<Item> | AsyncIterable<Item>,
  options?: FileSyncXmlOptions,
): AsyncGenerator<string, void, undefined> {
  let first = true
  for await (const chunk of writeRootStream(
    head.root === 'Folder' ? head.folder : { items: head.items },
    items,
    CHUNK,
  )) {
    yield first ? prologue(options) + chunk : chunk
    first = false
  }
}
