// Text chunks from a streaming source: strings pass through, bytes are decoded incrementally and fatally.
// Implements the "Input" rules of the streaming readers (WHATWG Streams, async and sync iterables; Encoding API).
import { type ByteDecoding, ByteFault, byteDecoding } from './byte-stream'
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
 * them (a BOM, else the XML declaration's `encoding`, else UTF-8; fatally, a malformed byte ends the stream with an
 * error naming its byte offset).
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

/** A reason the source gave no usable text: not a source, a chunk of another type, bytes that are not text. */
export class SourceFault {
  constructor(
    readonly message: string,
    /** `undecodable` for bytes that are not text, `unexpected` for a source or chunk of another type. */
    readonly code: 'undecodable' | 'unexpected' = 'undecodable',
  ) {}
}

// A byte fault ends the source like any other fault of it.
function bytesPush(decoding: ByteDecoding, chunk: Uint8Array): string {
  try {
    return decoding.push(chunk)
  } catch (error) {
    throw error instanceof ByteFault ? new SourceFault(error.message) : error
  }
}

function bytesEnd(decoding: ByteDecoding): string {
  try {
    return decoding.end()
  } catch (error) {
    throw error instanceof ByteFault ? new SourceFault(error.message) : error
  }
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
 * and passes on whatever the source itself throws; the streaming readers turn both into an error event.
 */
export async function* sourceText(source: unknown): AsyncGenerator<string, void, undefined> {
  let decoding: ByteDecoding | undefined
  for await (const chunk of chunksOf(source)) {
    let text: string
    if (typeof chunk === 'string') {
      if (decoding !== undefined) text = bytesEnd(decoding) + chunk
      else text = chunk
      decoding = undefined
    } else if (chunk instanceof Uint8Array || chunk instanceof ArrayBuffer) {
      decoding ??= byteDecoding()
      text = bytesPush(decoding, chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk))
    } else {
      throw new SourceFault(
        `expected chunks of text or bytes, found ${chunk === null ? 'null' : typeof chunk}`,
        'unexpected',
      )
    }
    if (text.length > 0) yield text
  }
  if (decoding !== undefined) {
    const rest = bytesEnd(decoding)
    if (rest.length > 0) yield rest
  }
}
