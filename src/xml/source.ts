// Text chunks from a streaming source: strings pass through, bytes are decoded incrementally and fatally.
// Implements the "Input" rules of the streaming readers (WHATWG Streams, async and sync iterables; Encoding API).
import { type ByteDecoding, ByteFault, byteDecoding, prologSettled } from './byte-stream'
import { checkText, SNIFF_BYTES } from './encoding'
import { type Issue, thrownMessage, xmlIssue } from './issue'
/**
 * The part of a WHATWG `ReadableStream` the streaming readers use (declared here: the library compiles without DOM
 * types), so `fetch(...).body`, a `Blob`'s `stream()` and Node's web streams all fit.
 *
 * @example
 * ```ts
 * const body: ReadableStreamLike<Uint8Array> = (await fetch(url)).body!
 * ```
 */
export interface ReadableStreamLike<T> {
  /** Locks the stream to a reader. */
  getReader(): {
    /** The next chunk, or `done`. */
    read(): Promise<{ done: boolean; value?: T }>
    /** Stops the stream (when the consumer leaves early). */
    cancel(reason?: unknown): Promise<void>
    /** Unlocks the stream. */
    releaseLock(): void
  }
}

/**
 * Where a streaming reader (`streamSyncFeed`, `streamFileSync`) reads a document from: an async or sync iterable
 * of chunks, or a WHATWG `ReadableStream` of chunks (a Node stream is an async iterable). A chunk is text or bytes
 * (`Uint8Array`, Node's `Buffer` included, or an `ArrayBuffer`); bytes are decoded as `parseXml` decodes
 * them (a BOM, else the XML declaration's `encoding`, else UTF-8; fatally: a malformed byte ends the stream with the
 * error `parseXml` gives for the same bytes, its byte offset and line:column, after the events before it).
 *
 * @example
 * ```ts
 * const source: XmlSource = (await fetch(url)).body!
 * const fromFile: XmlSource = createReadStream('feed.xml') // Node
 * const inMemory: XmlSource = ['<feed xmlns="http://www.w3.org/2005/Atom">', '</feed>']
 * ```
 */
export type XmlSource =
  | AsyncIterable<Uint8Array | ArrayBuffer | string>
  | Iterable<Uint8Array | ArrayBuffer | string>
  | ReadableStreamLike<Uint8Array | ArrayBuffer | string>

/**
 * A reason the source gave no usable text: not a source, a chunk of another type, bytes that are not text, or a
 * start whose encoding cannot be told (a byte-order mark the declaration contradicts, …). `issue` reports the last
 * two as the in-memory decode of the same bytes does (a malformed byte with its offset, line and column).
 */
export class SourceFault {
  constructor(
    readonly message: string,
    /** `undecodable` for bytes that are not text, `unexpected` for a source or chunk of another type. */
    readonly code: 'undecodable' | 'unexpected' = 'undecodable',
    /** The issue `parseXml` gives for the same bytes whole, when it is known (see `byteDecoding`). */
    readonly issue?: Issue,
  ) {}
}

// A byte fault ends the source like any other fault of it.
function bytes(decoding: ByteDecoding, chunk?: Uint8Array): string {
  try {
    return chunk === undefined ? decoding.end() : decoding.push(chunk)
  } catch (error) {
    throw error instanceof ByteFault ? new SourceFault(error.message, 'undecodable', error.issue) : error
  }
}

/** The held start of a text source that began with U+FEFF, once its declaration (if any) is checked against it. */
function checked(head: string): string {
  const issue = checkText(head)
  if (issue !== undefined) throw new SourceFault(issue.message, 'undecodable', issue)
  return head
}

/**
 * The issue of a source that failed: its own fault (bytes that are not text, chunks of another type), placed as the
 * in-memory decode places it, or `incomplete` for what the source itself threw.
 */
export function sourceIssue(error: unknown): Issue {
  return error instanceof SourceFault
    ? (error.issue ?? xmlIssue(error.message, undefined, error.code))
    : xmlIssue(`the source failed: ${thrownMessage(error)}`, undefined, 'incomplete')
}

function isReadableStream(u: unknown): u is ReadableStreamLike<unknown> {
  return typeof u === 'object' && u !== null && typeof (u as ReadableStreamLike<unknown>).getReader === 'function'
}

async function* chunksOf(source: unknown): AsyncGenerator<unknown, void, undefined> {
  if (typeof source === 'string' || source instanceof Uint8Array || source instanceof ArrayBuffer) {
    yield source
    return
  }
  if (isReadableStream(source)) {
    const reader = source.getReader()
    let done = false
    try {
      for (;;) {
        const r = await reader.read()
        if (r.done) {
          done = true
          return
        }
        yield r.value
      }
    } finally {
      if (!done) await reader.cancel().catch(() => undefined)
      reader.releaseLock()
    }
  }
  if (typeof source === 'object' && source !== null) {
    if (typeof (source as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
      yield* source as AsyncIterable<unknown>
      return
    }
    if (typeof (source as Iterable<unknown>)[Symbol.iterator] === 'function') {
      yield* source as Iterable<unknown>
      return
    }
  }
  throw new SourceFault('expected an async iterable, an iterable or a ReadableStream of strings or bytes', 'unexpected')
}

/**
 * The source's text, chunk by chunk (empty chunks skipped). Throws a {@link SourceFault} for a bad source or chunk
 * and passes on whatever the source itself throws; the streaming readers turn both into an error event
 * ({@link sourceIssue}). A malformed byte is thrown once the bytes after it that its issue shows have arrived: a
 * source that fails or ends before then still gives that byte's fault, the first in the input.
 */
export async function* sourceText(source: unknown): AsyncGenerator<string, void, undefined> {
  let decoding: ByteDecoding | undefined
  // A text source whose first text starts with U+FEFF: that text, held until the declaration after the mark is
  // settled (closed, impossible, or SNIFF_BYTES characters on), then checked as `parseXml` checks a string.
  let head: string | undefined
  let started = false
  try {
    for await (const chunk of chunksOf(source)) {
      let text: string
      if (typeof chunk === 'string') {
        if (decoding !== undefined) text = bytes(decoding) + chunk
        else text = chunk
        decoding = undefined
        if (!started && text.charCodeAt(0) === 0xfeff) head = ''
      } else if (chunk instanceof Uint8Array || chunk instanceof ArrayBuffer) {
        decoding ??= byteDecoding()
        text = bytes(decoding, chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk))
      } else {
        throw new SourceFault(
          `expected chunks of text or bytes, found ${chunk === null ? 'null' : typeof chunk}`,
          'unexpected',
        )
      }
      if (text.length === 0) continue
      started = true
      if (head !== undefined) {
        head += text
        if (head.length <= SNIFF_BYTES && !prologSettled(head.slice(1))) continue
        text = checked(head)
        head = undefined
      }
      yield text
    }
  } catch (error) {
    // A malformed byte found before (bytes then text end the bytes first, so it is this decoding's): its fault first.
    if (decoding?.failing === true) bytes(decoding)
    throw error
  }
  const rest = (head === undefined ? '' : checked(head)) + (decoding === undefined ? '' : bytes(decoding))
  if (rest.length > 0) yield rest
}
