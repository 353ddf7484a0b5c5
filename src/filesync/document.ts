// The MS-FILESYNC document codec: XML text or bytes -> FileSyncDocument -> XML text, rooted at `Folder` or `Items`.
// Implements docs/decisions.md#f12 (serialization: declaration, BOM) and docs/decisions.md#f1 (two roots, anything else an error).
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { textPosition, xmlStep } from '../codec/context'
import type { DocumentOptions } from '../codec/document'
import { qname } from '../codec/names'
import { isXmlInput, type XmlInput } from '../xml/encoding'
import { parseXml } from '../xml/parse'
import type { XmlElement } from '../xml/types'
import { FolderItemElement, ItemsElement } from './element'
import type { FileSyncDocument } from './model'
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
const ROOT_STEP = xmlStep('element', [qname(null, 'Folder'), qname(null, 'Items')], false)

function decodeText(text: XmlInput, c: t.Context, options?: FileSyncXmlOptions): t.Validation<FileSyncDocument> {
  const parsed = parseXml(text, options?.parse)
  if (E.isLeft(parsed)) {
    return t.failures(
      parsed.left.map((e) => ({
        value: text,
        context: [...c, { key: '', type: textPosition(e.line, e.column), actual: undefined }],
        message: e.message,
      })),
    )
  }
  return decodeRoot(parsed.right.root, c)
}

/**
 * Decodes a document's root element (`Folder` or `Items`, no namespace; anything else is an error naming it).
 * Internal: the document codec and the streaming reader share it.
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
  const name = `<${root.prefix ? `${root.prefix}:` : ''}${root.localName}>`
  const ns = root.namespace === null ? '' : ` in namespace ${root.namespace}`
  return t.failure(
    root,
    [...c, { key: root.localName, type: ROOT_STEP, actual: root }],
    `expected root element <Folder> or <Items> (no namespace), found ${name}${ns}`,
  )
}

function encodeDocument(doc: FileSyncDocument, options: FileSyncXmlOptions | undefined): string {
  const body = writeRoot(doc.root === 'Folder' ? doc.folder : { items: doc.items })
  return `${options?.bom ? '\uFEFF' : ''}${options?.declaration === false ? '' : DECLARATION}${body}`
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
    (text, c) => (isXmlInput(text) ? decodeText(text, c, options) : t.failure(text, c, 'expected XML text')),
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
