// Reading the bodies of the sync exchange through the sdata document codecs: a value, or issues with paths.
// Serves sync §5.1–§5.3 (entries, feeds, result feeds), core §3.10 (diagnoses) and §3.11 (tracking).
import type * as t from 'io-ts'
import { reportErrors } from '../codec/report'
import { type Issue, wholeInputIssue } from '../common/issues'
import { headerValues, type SyncHeaderInput } from '../filesync/http/headers'
import { retryAfterMs } from '../filesync/session/response'
import { SyncFeedXml } from '../sdata/codecs'
import { DiagnosesXml } from '../sdata/documents'
import type { Diagnosis } from '../sdata/model'
import { decodeBytes, type XmlInput } from '../xml/encoding'

export type { Issue } from '../common/issues'

/** A body as text: bytes are decoded as the XML layer decodes them (BOM, declaration, else UTF-8; fatally). */
export function bodyText(body: string | Uint8Array): { text: string } | { error: string } {
  if (typeof body === 'string') return { text: body }
  const read = decodeBytes(body)
  return read._tag === 'Right' ? { text: read.right } : { error: read.left[0]?.message ?? 'the body cannot be read' }
}

/** The first value of a header, case-insensitively, from a fetch `Headers` or a plain record. */
export function header(headers: SyncHeaderInput, name: string): string | undefined {
  return headerValues(headers).get(name.toLowerCase())?.[0]
}

/** The wait `Retry-After` asks for (delay-seconds or an HTTP-date), else `undefined`. */
export function retryAfter(headers: SyncHeaderInput): number | undefined {
  return retryAfterMs(headers, Date.now)
}

/** Decodes a body with a document codec; bytes are decoded to text first (see {@link bodyText}). */
export function decodeBody<A>(
  codec: t.Type<A, string, XmlInput>,
  body: string | Uint8Array,
): { value: A; text: string } | { issues: Issue[] } {
  const read = bodyText(body)
  if ('error' in read) return { issues: [wholeInputIssue(read.error, 'undecodable')] }
  if (read.text.trim() === '') return { issues: [wholeInputIssue('the body is empty', 'missing')] }
  const decoded = codec.decode(read.text)
  if (decoded._tag === 'Left') return { issues: reportErrors(decoded.left) }
  return { value: decoded.right, text: read.text }
}

/** The diagnoses an error body carries: a `diagnoses`/`diagnosis` document, or a feed's diagnoses; else none. */
export function diagnosesOf(body: string | Uint8Array): Diagnosis[] {
  const doc = decodeBody(DiagnosesXml, body)
  if ('value' in doc) return doc.value.diagnoses
  const feed = decodeBody(SyncFeedXml, body)
  if ('value' in feed) return [...feed.value.diagnoses, ...feed.value.entries.flatMap((e) => e.diagnoses)]
  return []
}
