// Helpers for the streaming-decode tests: cutting a text's UTF-8 bytes into chunks, the three kinds of source, and
// comparing a stream's events with the in-memory decode of the same text. Runtime-neutral (no Node APIs).
import fc from 'fast-check'
import { expect } from 'vitest'
import type { DecodeIssue } from '../../src/codec/index'
import type { Issue } from '../../src/xml/index'
import type { Corruption } from './bytes'

/** Collects every event of a stream (a stream that throws fails the test). */
export async function collect<E>(stream: AsyncIterable<E>): Promise<E[]> {
  const out: E[] = []
  for await (const event of stream) out.push(event)
  return out
}

/** `text` cut into strings of `size` characters (the last one shorter), as a stream source. */
export function piecesOf(text: string, size: number): string[] {
  const pieces: string[] = []
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size))
  return pieces
}

/**
 * The text a stream of `text`'s UTF-8 gets: the same, except that a surrogate left alone (by a cut or a mutation
 * inside a pair) is U+FFFD, as UTF-8 has no form for it. What a stream test compares with the in-memory decode.
 */
export function sentText(text: string): string {
  return new TextDecoder().decode(new TextEncoder().encode(text))
}

/** The text's UTF-8 bytes cut at the given byte positions (sorted, deduplicated; cuts may fall inside a character). */
export function cutBytes(text: string, cuts: readonly number[]): Uint8Array[] {
  return cutByteArray(new TextEncoder().encode(text), cuts)
}

/** Bytes cut at the given positions (sorted, deduplicated, clamped to the bytes). */
export function cutByteArray(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((c) => Math.min(bytes.length, Math.max(0, c))))].sort((a, b) => a - b)
  const chunks: Uint8Array[] = []
  let from = 0
  for (const c of [...at, bytes.length]) {
    if (c > from) chunks.push(bytes.subarray(from, c))
    from = c
  }
  return chunks
}

/** Every byte its own chunk. */
export function byteByByte(text: string): Uint8Array[] {
  return Array.from(new TextEncoder().encode(text), (b) => Uint8Array.of(b))
}

/** An async iterable of the chunks that yields to the event loop between chunks. */
export async function* asyncChunks<T>(chunks: readonly T[]): AsyncGenerator<T> {
  for (const chunk of chunks) {
    await Promise.resolve()
    yield chunk
  }
}

/** A WHATWG ReadableStream of the chunks. */
export function readableOf<T>(chunks: readonly T[]): ReadableStream<T> {
  let i = 0
  return new ReadableStream<T>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]!)
      else controller.close()
    },
  })
}

/** Byte cut positions for a text of `n` UTF-8 bytes: none, a few, many, or every byte. */
export function arbCuts(): fc.Arbitrary<(n: number) => number[]> {
  return fc.oneof(
    fc.constant(() => []),
    fc
      .array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 })
      .map((fs) => (n: number) => fs.map((f) => Math.floor(f * n))),
    fc.constant((n: number) => Array.from({ length: n }, (_, i) => i)),
  )
}

/** How a source hands out its chunks. */
export type SourceKind = 'array' | 'async' | 'readable'

/** A source of the given kind over the chunks. */
export function sourceOf<T>(kind: SourceKind, chunks: readonly T[]) {
  return kind === 'array' ? chunks : kind === 'async' ? asyncChunks(chunks) : readableOf(chunks)
}

/** Inserts markup that carries no value between tags: new lines (CRLF too), indentation, comments, PIs. */
export function arbDecoration(): fc.Arbitrary<(text: string) => string> {
  return fc
    .array(fc.constantFrom('\n', '\r\n', '  ', '\t', '<!-- c -->', '<?pi x?>', '\r'), { minLength: 1, maxLength: 3 })
    .map((pieces) => (text: string) => {
      let k = 0
      return text.replace(/></g, () => `>${pieces[k++ % pieces.length]}<`)
    })
}

/** Whether an issue is a well-formedness error (its path is `line:column`). */
export function isParseIssue(issue: DecodeIssue): boolean {
  return /^\d+:\d+$/.test(issue.path)
}

/**
 * Checks a stream's events against the in-memory decode's issues of the same text: one error, last; a parse error
 * exactly as in memory; decode issues all among the in-memory ones (unless the text also had a later parse error).
 */
export function expectFailureLike(events: ReadonlyArray<{ type: string }>, inMemory: DecodeIssue[]): void {
  const errors = events.filter((e) => e.type === 'error')
  expect(errors).toHaveLength(1)
  expect(events[events.length - 1]!.type).toBe('error')
  const issues = (errors[0] as unknown as { issues: DecodeIssue[] }).issues
  expect(issues.length).toBeGreaterThan(0)
  const memoryParse = inMemory.length === 1 && isParseIssue(inMemory[0]!)
  if (isParseIssue(issues[0]!)) expect(issues).toEqual(inMemory)
  else if (!memoryParse) for (const issue of issues) expect(inMemory).toContainEqual(issue)
}

/** A {@link Corruption} of UTF-8 bytes: 0xFF, a lone continuation byte, or a multi-byte character cut short. */
export function arbCorruption(): fc.Arbitrary<Corruption> {
  return fc.record({
    kind: fc.constantFrom('ff', 'continuation', 'truncated'),
    byte: fc.integer({ min: 0x80, max: 0xbf }),
    lead: fc.constantFrom([0xc3], [0xe2], [0xe2, 0x82], [0xf0, 0x9f], [0xf0, 0x9f, 0x98]),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
  })
}

/** The stream's events end with one error event, its only one, and its issues are returned. */
export function streamedIssues(events: ReadonlyArray<{ type: string }>): Issue[] {
  expect(events.filter((e) => e.type === 'error')).toHaveLength(1)
  const last = events[events.length - 1] as { type: string; issues?: Issue[] }
  expect(last.type).toBe('error')
  return last.issues!
}
