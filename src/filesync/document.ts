// The MS-FILESYNC document codec: XML text or bytes -> FileSyncDocument -> XML text, rooted at `Folder` or `Items`.
// Implements docs/decisions.md#f12 (serialization: declaration, BOM) and docs/decisions.md#f1 (two roots, anything else an error).
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { parseFailures } from '../codec/context'
import { type DocumentOptions, readWholeFast, totalDecode } from '../codec/document'
import { isXmlInput, type XmlInput } from '../xml/encoding'
import type { ElementEvents } from '../xml/events'
import type { Issue } from '../xml/issue'
import type { Limits } from '../xml/options'
import { Parser, parseXml, SyntaxFault } from '../xml/parse'
import { FolderItemElement } from './element'
import { DOCUMENT_EVENTS } from './item-events'
import type { FileSyncDocument } from './model'
import { decodeRoot, decodeWhole } from './policy'
import { writeRoot } from './write'

/**
 * How {@link fileSyncXml} reads (`parse`: the parser's limits) and writes a document.
 *
 * @example
 * ```ts
 * const options: FileSyncXmlOptions = { bom: true } // as SharePoint Online sends responses
 * const big: FileSyncXmlOptions = { parse: { maxLength: 256 * 1024 * 1024 } }
 * ```
 */
export interface FileSyncXmlOptions extends DocumentOptions {
  /** Write `<?xml version="1.0" encoding="utf-8"?>` first (default `true`). */
  declaration?: boolean
  /** Write a U+FEFF byte-order mark first (default `false`: client bodies have none; SPO responses do). */
  bom?: boolean
}

const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'

/**
 * The fast ways to a document that decodes: the whole text in one parser run in event mode (values filled as the
 * text is scanned, trees only for extensions and unknown items); should that give up (something unusual anywhere),
 * the streaming reader over the whole text, which holds one item's tree at a time. A text that is not well-formed
 * gives its error from that one run, as `parseXml` reports it (the run found the same first fault), and is not
 * read again.
 */
function decodeFast(text: string, limits: Limits): FileSyncDocument | Issue[] | undefined {
  const read = new Parser(text, limits).eventDocument(DOCUMENT_EVENTS as ElementEvents<unknown>)
  if (read instanceof SyntaxFault) return [read.toXmlError(text)]
  return read === undefined ? decodeWhole(text, limits) : (read.value as FileSyncDocument)
}

function decodeText(input: XmlInput, c: t.Context, options?: FileSyncXmlOptions): t.Validation<FileSyncDocument> {
  // Whatever the fast ways cannot decode is read again the tree way, which gives every issue with the same paths
  // and positions.
  const document = readWholeFast(input, options, decodeFast)
  if (Array.isArray(document)) return t.failures(parseFailures(document, c, input, undefined))
  if (document !== undefined) return t.success(document)
  const parsed = parseXml(input, options?.parse)
  if (E.isLeft(parsed)) {
    return t.failures(parseFailures(parsed.left, c, input, undefined))
  }
  return decodeRoot(parsed.right.root, c)
}

/**
 * What a document's text starts with under `options`: the BOM and the declaration, when asked for.
 *
 * @example
 * ```ts
 * prologue({ bom: true }) // '\uFEFF<?xml version="1.0" encoding="utf-8"?>'
 * ```
 */
export function prologue(options: FileSyncXmlOptions | undefined): string {
  return `${options?.bom ? '\uFEFF' : ''}${options?.declaration === false ? '' : DECLARATION}`
}

function encodeDocument(doc: FileSyncDocument, options: FileSyncXmlOptions | undefined): string {
  return prologue(options) + writeRoot(doc.root === 'Folder' ? doc.folder : { items: doc.items })
}

function isDocument(u: unknown): u is FileSyncDocument {
  if (typeof u !== 'object' || u === null) return false
  const d = u as { root?: unknown; folder?: unknown; items?: unknown }
  return (d.root === 'Folder' && FolderItemElement.is(d.folder)) || (d.root === 'Items' && Array.isArray(d.items))
}

/**
 * Builds the document codec with other parser limits (`parse`) or write options (a BOM, no declaration);
 * otherwise decoding is the same as {@link FileSyncXml}'s.
 *
 * @example
 * ```ts
 * const SpoResponseXml = fileSyncXml({ bom: true })
 * SpoResponseXml.encode(doc).startsWith('\uFEFF<?xml') // true
 * ```
 */
export function fileSyncXml(options?: FileSyncXmlOptions): t.Type<FileSyncDocument, string, XmlInput> {
  return new t.Type<FileSyncDocument, string, XmlInput>(
    'FileSyncXml',
    isDocument,
    (text, c) =>
      isXmlInput(text)
        ? totalDecode(text, c, () => decodeText(text, c, options))
        : t.failure(text, c, 'expected XML text'),
    (doc) => encodeDocument(doc, options),
  )
}

/**
 * The MS-FILESYNC document codec: decodes XML text or bytes (`Uint8Array`, `ArrayBuffer`; see `parseXml` for the
 * encoding detection) whose root is `Folder` (listings and `Filter=changes`
 * responses, nested or flat) or `Items` (write requests and responses); any other root is an error naming it.
 * The text may start with a BOM and an XML declaration. Decoding never throws; errors carry XML paths
 * (`/Folder/Items/Document[2]/DocumentStreams/DocumentStream[1]/DataSize`) or `line:column` for text that is not
 * well-formed (see `reportErrors`).
 *
 * Encoding writes `<?xml version="1.0" encoding="utf-8"?>` and no BOM, no whitespace between elements, modelled
 * fields in SharePoint Online's order, and every unknown element back in place. Use {@link fileSyncXml} for a BOM.
 *
 * @example
 * ```ts
 * const r = FileSyncXml.decode(text)
 * if (E.isRight(r) && r.right.root === 'Folder') console.log(r.right.folder.items?.length)
 * const xml = FileSyncXml.encode({ root: 'Items', items: [{ kind: 'Folder', relationshipName: 'new', writeMode: 'Create', items: [] }] })
 * ```
 */
export const FileSyncXml: t.Type<FileSyncDocument, string, XmlInput> = fileSyncXml()
