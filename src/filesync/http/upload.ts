// The FILESYNC upload body: the Web3S `Items` XML, then the file's bytes, in the multipart/related framing
// (multipart.ts) exactly as the SkyDriveSync client sends it (docs/decisions.md#f13).

import { either as E } from 'fp-ts'
import { randomGuid } from '../../common/guid'
import { type Issue, wholeInputIssue } from '../../common/issues'
import { namesEncoding } from '../../xml/byte-fault'
import { decodeBytes, SNIFF_BYTES, sniffEncoding } from '../../xml/encoding'
import { buildMultipart, type MultipartBody, type MultipartPart, splitMultipart } from './multipart'
import { BCHARS, CRLF, indexOfBytes } from './utf8'

// The WHATWG coders every runtime syncwire supports; declared here because the library compiles without DOM types.
declare const TextEncoder: new () => { encode(input: string): Uint8Array }

// UTF-8 as the WHATWG encoder writes it (a lone surrogate becomes U+FFFD: buildUploadBody checks the XML reads back).
const encoder = /*#__PURE__*/ new TextEncoder()

/**
 * Input of {@link buildUploadBody}.
 *
 * @example
 * ```ts
 * const input: UploadBodyInput = {
 *   xml: '<?xml version="1.0" encoding="utf-8"?><Items>…</Items>',
 *   content: new Uint8Array([0x68, 0x69]),
 *   fragmentSessionId: 'b9f41f61-eda6-4e7b-9562-74dd3b298623',
 * }
 * ```
 */
export interface UploadBodyInput {
  /** The boundary without `--`; default `uuid:<random GUID>` like the client. */
  boundary?: string
  /** The Web3S `Items` document of part 1 (its `DocumentStream/FragmentSessionId` must match `fragmentSessionId`). */
  xml: string
  /** The file's bytes (part 2). */
  content: Uint8Array
  /** The GUID that names part 2: `Content-ID:<"<fragmentSessionId>":<streamName>>`. */
  fragmentSessionId: string
  /** The stream name in part 2's Content-ID (default `Default`, the `DocumentStreamName` of upload requests). */
  streamName?: string
  /** The Content-ID of part 1 (default `LiveFolders`). */
  xmlContentId?: string
}

/**
 * A ready upload body and the Content-Type header to send with it.
 *
 * @example
 * ```ts
 * const u: UploadBody = { body: new Uint8Array(), boundary: 'uuid:…', contentType: 'multipart/related; boundary="uuid:…"' }
 * ```
 */
export interface UploadBody {
  /** The request body. */
  body: Uint8Array
  /** The boundary used. */
  boundary: string
  /** `multipart/related; boundary="<boundary>"`. */
  contentType: string
}

/**
 * An upload body taken apart: the framing (for byte-exact rebuilding) and the two parts read.
 *
 * @example
 * ```ts
 * const u: UploadParts = { boundary: 'b', parts: [], epilogue: new Uint8Array(), xml: '<Items/>', content: new Uint8Array(), fragmentSessionId: 'b9f41f61-eda6-4e7b-9562-74dd3b298623' }
 * ```
 */
export interface UploadParts extends MultipartBody {
  /**
   * Part 1 as text, less the one trailing CRLF the client adds before the delimiter: its bytes read as `FileSyncXml`
   * reads bytes (a byte-order mark, else the XML declaration's `encoding`, else UTF-8; a leading mark kept as U+FEFF).
   */
  xml: string
  /** Part 2's bytes. */
  content: Uint8Array
  /** The GUID from part 2's `Content-ID:<"…":Default>`, when it has that form. */
  fragmentSessionId?: string
  /** The stream name from part 2's Content-ID, when it has that form. */
  streamName?: string
}

/**
 * Builds a FILESYNC upload body exactly as the SkyDriveSync client frames it: part 1 `Content-ID: <LiveFolders>`,
 * `Content-Type: application/web3s+xml`, the XML and one extra CRLF; part 2 `Content-Transfer-Encoding: binary`,
 * `Content-Type: application/octet-stream`, `Content-ID:<"<fragmentSessionId>":Default>`, the bytes; a CRLF after
 * the close delimiter. A given boundary that occurs in the content is a `Left`; a generated one is redrawn.
 *
 * @example
 * ```ts
 * const r = buildUploadBody({ xml, content, fragmentSessionId: 'b9f41f61-eda6-4e7b-9562-74dd3b298623' })
 * // r.right.contentType === 'multipart/related; boundary="uuid:…"'
 * ```
 */
export function buildUploadBody(input: UploadBodyInput): E.Either<Issue, UploadBody> {
  const xml = encoder.encode(`${input.xml}\r\n`)
  // The part is written in UTF-8: it must read back as the same XML (no lone surrogate, no other encoding declared).
  const back = decodeBytes(xml.subarray(0, -2), { maxLength: Infinity })
  if (E.isLeft(back) || back.right !== input.xml) {
    const why = E.isLeft(back) ? back.left[0]!.message : 'it holds a lone surrogate or declares another encoding'
    return E.left(wholeInputIssue(`expected XML that reads back from the UTF-8 an upload carries: ${why}`, 'bad-value'))
  }
  const clashes = (b: string) => {
    const d = encoder.encode(`\r\n--${b}`)
    return indexOfBytes(input.content, d) >= 0 || indexOfBytes(xml, d) >= 0
  }
  let boundary = input.boundary
  if (boundary === undefined) {
    do boundary = `uuid:${randomGuid()}`
    while (clashes(boundary))
  } else if (!BCHARS.test(boundary)) {
    return E.left(
      wholeInputIssue(`expected a boundary of 1 to 70 RFC 2046 characters, found '${boundary}'`, 'bad-value'),
    )
  } else if (clashes(boundary)) {
    return E.left(wholeInputIssue(`the boundary '${boundary}' occurs in the content`, 'bad-value'))
  }
  const body = buildMultipart({
    boundary,
    parts: [
      {
        headers: [
          { name: 'Content-ID', value: `<${input.xmlContentId ?? 'LiveFolders'}>` },
          { name: 'Content-Type', value: 'application/web3s+xml' },
        ],
        body: xml,
      },
      {
        headers: [
          { name: 'Content-Transfer-Encoding', value: 'binary' },
          { name: 'Content-Type', value: 'application/octet-stream' },
          {
            name: 'Content-ID',
            value: `<"${input.fragmentSessionId}":${input.streamName ?? 'Default'}>`,
            raw: `Content-ID:<"${input.fragmentSessionId}":${input.streamName ?? 'Default'}>`,
          },
        ],
        body: input.content,
      },
    ],
    epilogue: CRLF,
  })
  return E.right({ body, boundary, contentType: `multipart/related; boundary="${boundary}"` })
}

/**
 * Takes a FILESYNC upload body apart: the framing, the XML of part 1 and the bytes of part 2, with the
 * FragmentSessionId read from part 2's Content-ID. Exactly two parts are expected.
 *
 * @example
 * ```ts
 * const r = splitUploadBody(bytes, 'multipart/related; boundary="uuid:29daebb0-acd7-429f-bc2a-e30d8c400fef"')
 * // r.right.fragmentSessionId === 'b9f41f61-eda6-4e7b-9562-74dd3b298623'
 * ```
 */
export function splitUploadBody(body: Uint8Array, contentTypeOrBoundary: string): E.Either<Issue, UploadParts> {
  const split = splitMultipart(body, contentTypeOrBoundary)
  if (E.isLeft(split)) return split
  const multipart = split.right
  const [first, second] = multipart.parts
  if (multipart.parts.length !== 2 || first === undefined || second === undefined) {
    return E.left(wholeInputIssue(`expected 2 parts (XML, content), found ${multipart.parts.length}`, 'bad-framing'))
  }
  const xml = partXml(first)
  if (E.isLeft(xml)) return xml
  const contentId = headerOf(second, 'content-id')
  const m = contentId === undefined ? null : /^<"([^"]*)":([^>]*)>$/.exec(contentId)
  return E.right({
    ...multipart,
    xml: xml.right,
    content: second.body,
    ...(m ? { fragmentSessionId: m[1]!, streamName: m[2]! } : {}),
  })
}

function headerOf(part: MultipartPart, name: string): string | undefined {
  return part.headers.find((h) => h.name.toLowerCase() === name)?.value
}

/**
 * The XML of part 1, less one trailing CRLF: its bytes decoded as the XML codecs decode bytes, fatally (a malformed
 * byte is their `undecodable` issue, placed in the part: line:column and byte offset from its start). A `charset`
 * in its Content-Type must name the encoding the bytes are read in; one naming another is refused, as a byte-order
 * mark the declaration contradicts is: one of them is wrong, and reading past it could change the text unseen.
 */
function partXml(part: MultipartPart): E.Either<Issue, string> {
  const { body } = part
  const n = body.length
  // The CRLF as bytes, as the client writes it (a line break in the XML's own encoding, if any, is the XML's).
  const bytes = body[n - 2] === 13 && body[n - 1] === 10 ? body.subarray(0, n - 2) : body
  const read = decodeBytes(bytes, { maxLength: Infinity })
  if (E.isLeft(read)) return E.left(read.left[0]!)
  const charset = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(headerOf(part, 'content-type') ?? '')
  const label = charset?.[1] ?? charset?.[2]
  const sniffed = sniffEncoding(bytes.subarray(0, SNIFF_BYTES))
  if (label === undefined || E.isLeft(sniffed) || namesEncoding(label, sniffed.right.encoding)) return read
  const { bomLength, declared, encoding } = sniffed.right
  const by =
    bomLength > 0 ? 'its byte-order mark' : declared !== undefined ? 'its XML declaration' : 'XML without either'
  const message = `the XML part's Content-Type says charset="${label}" but ${by} says ${encoding.toUpperCase()}`
  return E.left(wholeInputIssue(message, 'bad-value'))
}
