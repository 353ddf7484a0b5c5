// The multipart/related framing of FILESYNC uploads (upload.ts): any multipart body split and built byte for byte.
// RFC 2046 §5.1.1 and RFC 2387, in the exact form the SkyDriveSync client sends (docs/decisions.md#f13).

import { either as E } from 'fp-ts'
import { type Issue, type IssueCode, wholeInputIssue } from '../../common/issues'
import { malformedOffset } from '../../xml/byte-fault'
import { BCHARS, CRLF, concatBytes, indexOfBytes } from './utf8'

// The WHATWG coders every runtime syncwire supports; declared here because the library compiles without DOM types.
declare const TextEncoder: new () => { encode(input: string): Uint8Array }
declare const TextDecoder: new (
  label: 'utf-8',
  options: { ignoreBOM: boolean },
) => { decode(input: Uint8Array): string }

// UTF-8 as the WHATWG coders write it; header lines are decoded only once known to be UTF-8 (so nothing becomes
// U+FFFD), a leading U+FEFF kept as content.
const encoder = /*#__PURE__*/ new TextEncoder()
const decoder = /*#__PURE__*/ new TextDecoder('utf-8', { ignoreBOM: true })

/**
 * One header line of a body part. `raw` is the line as read (without its CRLF) and is written back while it
 * still says `name` and `value`; that keeps odd spellings such as `Content-ID:<…>` (no space) byte-exact.
 *
 * @example
 * ```ts
 * const h: MultipartHeader = { name: 'Content-ID', value: '<LiveFolders>' }
 * ```
 */
export interface MultipartHeader {
  /** The field name as read. */
  name: string
  /** The field value with surrounding white space removed; folded lines are joined by a space. */
  value: string
  /** The exact header text (continuation lines joined with CRLF), when read from a body. */
  raw?: string
}

/**
 * One body part: its headers in order and its bytes.
 *
 * @example
 * ```ts
 * const part: MultipartPart = { headers: [{ name: 'Content-Type', value: 'application/octet-stream' }], body: new Uint8Array([1, 2]) }
 * ```
 */
export interface MultipartPart {
  /** Header lines in order. */
  headers: MultipartHeader[]
  /** The content, not including the CRLF that belongs to the next delimiter. */
  body: Uint8Array
}

/**
 * A whole multipart body, with what lies outside the parts, so that it writes back byte for byte.
 *
 * @example
 * ```ts
 * const m: MultipartBody = { boundary: 'uuid:29daebb0-acd7-429f-bc2a-e30d8c400fef', parts: [], epilogue: new Uint8Array([13, 10]) }
 * ```
 */
export interface MultipartBody {
  /** The boundary, without the leading `--`. */
  boundary: string
  /** Bytes before the first delimiter; absent when the body starts with the delimiter itself. */
  preamble?: Uint8Array
  /** The parts, in order. */
  parts: MultipartPart[]
  /** Bytes after the close delimiter (the SkyDriveSync client sends one CRLF). */
  epilogue: Uint8Array
}

/**
 * A problem with a multipart body: the one {@link Issue} shape, about the whole body (no steps, path `''`), with the
 * byte `offset` where the framing breaks when known. Code `bad-framing` for a body that does not split, `bad-value`
 * for a boundary that cannot be used.
 *
 * @deprecated Use {@link Issue}: the `message` and `offset` this name described are the issue's own.
 * @example
 * ```ts
 * const e: MultipartError = { severity: 'error', code: 'bad-framing', path: '', steps: [], message: 'no close delimiter', offset: 5120 }
 * ```
 */
export type MultipartError = Issue

/** A framing issue of the body, at `offset` when known. */
function framing(message: string, offset?: number, code: IssueCode = 'bad-framing'): Issue {
  const issue = wholeInputIssue(message, code)
  if (offset !== undefined) issue.offset = offset
  return issue
}

const DASH_DASH = /*#__PURE__*/ Uint8Array.of(45, 45)

/**
 * Reads the boundary from a `multipart/…; boundary="…"` Content-Type value (quoted or not); anything else that
 * is a valid RFC 2046 boundary is taken as the bare boundary.
 *
 * @example
 * ```ts
 * boundaryOf('multipart/related; boundary="uuid:29daebb0-acd7-429f-bc2a-e30d8c400fef"') // 'uuid:29daebb0-acd7-429f-bc2a-e30d8c400fef'
 * ```
 */
export function boundaryOf(contentTypeOrBoundary: string): string | undefined {
  const isMediaType = /^\s*multipart\//i.test(contentTypeOrBoundary)
  if (!isMediaType && !contentTypeOrBoundary.includes(';')) {
    return BCHARS.test(contentTypeOrBoundary) ? contentTypeOrBoundary : undefined
  }
  const m = /;\s*boundary\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(contentTypeOrBoundary)
  if (m === null) return undefined
  const value = m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!
  return BCHARS.test(value) ? value : undefined
}

function headerLine(h: MultipartHeader): string {
  if (h.raw !== undefined) {
    const parsed = parseHeader(h.raw)
    if (parsed.name === h.name && parsed.value === h.value) return h.raw
  }
  return `${h.name}: ${h.value}`
}

function parseHeader(raw: string): MultipartHeader {
  const colon = raw.indexOf(':')
  if (colon < 0) return { name: raw, value: '', raw }
  const value = raw
    .slice(colon + 1)
    .replace(/\r\n[ \t]+/g, ' ')
    .replace(/^[ \t]+|[ \t]+$/g, '')
  return { name: raw.slice(0, colon), value, raw }
}

/**
 * Writes a multipart body: `--boundary CRLF headers CRLF CRLF body CRLF` per part, then `--boundary--` and the
 * epilogue. A body from {@link splitMultipart} comes back byte for byte.
 *
 * @example
 * ```ts
 * const bytes = buildMultipart({ boundary: 'b', parts: [{ headers: [], body: new Uint8Array([65]) }], epilogue: new Uint8Array() })
 * // '--b\r\n\r\nA\r\n--b--'
 * ```
 */
export function buildMultipart(multipart: MultipartBody): Uint8Array {
  const chunks: Uint8Array[] = []
  const delimiter = encoder.encode(`--${multipart.boundary}`)
  if (multipart.preamble !== undefined) chunks.push(multipart.preamble, CRLF)
  for (const part of multipart.parts) {
    chunks.push(delimiter, CRLF)
    for (const h of part.headers) chunks.push(encoder.encode(headerLine(h)), CRLF)
    chunks.push(CRLF, part.body, CRLF)
  }
  chunks.push(delimiter, DASH_DASH, multipart.epilogue)
  return concatBytes(chunks)
}

/**
 * Takes a multipart body apart. Never throws: a missing boundary, first delimiter or close delimiter is a `Left`.
 * Transport padding after a delimiter is accepted and not kept.
 *
 * @example
 * ```ts
 * const r = splitMultipart(bytes, 'multipart/related; boundary="uuid:29daebb0-acd7-429f-bc2a-e30d8c400fef"')
 * // E.isRight(r) && r.right.parts.length === 2
 * ```
 */
export function splitMultipart(body: Uint8Array, contentTypeOrBoundary: string): E.Either<Issue, MultipartBody> {
  const boundary = boundaryOf(contentTypeOrBoundary)
  if (boundary === undefined) {
    return E.left(framing(`expected a multipart boundary, found '${contentTypeOrBoundary}'`))
  }
  const dashBoundary = encoder.encode(`--${boundary}`)
  const delimiter = concatBytes([CRLF, dashBoundary])
  let preamble: Uint8Array | undefined
  let at: number
  if (indexOfBytes(body.subarray(0, dashBoundary.length), dashBoundary) === 0) {
    at = 0
  } else {
    const first = indexOfBytes(body, delimiter)
    if (first < 0) return E.left(framing(`expected the delimiter --${boundary}, found none`, 0))
    preamble = body.slice(0, first)
    at = first + 2
  }
  const parts: MultipartPart[] = []
  for (;;) {
    at += dashBoundary.length
    if (body[at] === 45 && body[at + 1] === 45) {
      return E.right({ boundary, ...(preamble ? { preamble } : {}), parts, epilogue: body.slice(at + 2) })
    }
    while (body[at] === 32 || body[at] === 9) at++
    if (body[at] !== 13 || body[at + 1] !== 10) {
      return E.left(framing('expected CRLF after the delimiter', at))
    }
    at += 2
    const next = indexOfBytes(body, delimiter, at)
    if (next < 0) return E.left(framing(`expected the close delimiter --${boundary}--, found none`, at))
    const headers: MultipartHeader[] = []
    let bodyStart: number
    if (body[at] === 13 && body[at + 1] === 10) {
      bodyStart = at + 2
    } else {
      const end = indexOfBytes(body.subarray(0, next), Uint8Array.of(13, 10, 13, 10), at)
      if (end < 0) return E.left(framing('expected an empty line after the part headers', at))
      const bad = malformedOffset(body.subarray(at, end), 'utf-8')
      if (bad !== undefined) return E.left(framing('expected header lines in UTF-8, found a malformed byte', at + bad))
      const lines = decoder.decode(body.subarray(at, end)).split('\r\n')
      for (const line of lines) {
        const last = headers[headers.length - 1]
        if ((line.startsWith(' ') || line.startsWith('\t')) && last !== undefined) {
          headers[headers.length - 1] = parseHeader(`${last.raw ?? ''}\r\n${line}`)
        } else {
          headers.push(parseHeader(line))
        }
      }
      bodyStart = end + 4
    }
    parts.push({ headers, body: body.slice(bodyStart, next) })
    at = next + 2
  }
}
