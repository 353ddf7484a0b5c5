// The streaming readers' sources (through streamFileSync): each fault's exact issue, bytes and text mixed in one
// source, a whole string or buffer given as the source, and a ReadableStream read to its end (not cancelled).
import { describe, expect, it } from 'vitest'
import { streamFileSync } from '../../src/filesync/index'
import { wholeFault, xmlFault } from '../support/issues'
import { collect } from '../support/stream'

const utf8 = (text: string) => new TextEncoder().encode(text)
const EMPTY = [{ type: 'end', document: { root: 'Items', items: [] } }]
const fault = (code: 'unexpected' | 'undecodable', message: string) => [
  { type: 'error', issues: [wholeFault(code, message)] },
]
// A malformed byte's issue, as `decodeBytes` gives it for the same bytes whole: its line:column and byte offset.
const byteFault = (message: string, line: number, column: number, offset: number) => [
  { type: 'error', issues: [{ ...xmlFault('undecodable', message, line, column), offset }] },
]

describe('streamed sources', () => {
  it.each([
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an object that is no iterable', {}],
  ])('%s is no source', async (_, source) => {
    expect(await collect(streamFileSync(source as never))).toEqual(
      fault('unexpected', 'expected an async iterable, an iterable or a ReadableStream of strings or bytes'),
    )
  })

  it('a chunk that is null is named', async () => {
    expect(await collect(streamFileSync(['<Items>', null as never]))).toEqual(
      fault('unexpected', 'expected chunks of text or bytes, found null'),
    )
  })

  it('a whole string, Uint8Array or ArrayBuffer is a source of one chunk', async () => {
    for (const source of ['<Items/>', utf8('<Items/>'), utf8('<Items/>').buffer]) {
      expect(await collect(streamFileSync(source as never))).toEqual(EMPTY)
    }
  })

  it('bytes then text: the bytes end where the text begins', async () => {
    expect(await collect(streamFileSync([utf8('<Ite'), 'ms></Items>']))).toEqual(EMPTY)
    expect(await collect(streamFileSync(['<Items>', utf8('</Ite'), 'ms>']))).toEqual(EMPTY)
    // A character the bytes began is cut off by the text: its offset counts the bytes before it.
    expect(await collect(streamFileSync([Uint8Array.of(...utf8('<Items>'), 0xc3), '</Items>']))).toEqual(
      byteFault('the input ends inside a UTF-8 character (byte offset 7)', 1, 8, 7),
    )
  })

  it('bytes that are not UTF-8, or that end inside a character, are named by byte offset', async () => {
    expect(await collect(streamFileSync([utf8('<Items>'), Uint8Array.of(0xc3, 0x28)]))).toEqual(
      byteFault('malformed UTF-8 at byte offset 7 (bytes C3 28)', 1, 8, 7),
    )
    expect(await collect(streamFileSync([Uint8Array.of(...utf8('<Items>'), 0xc3)]))).toEqual(
      byteFault('the input ends inside a UTF-8 character (byte offset 7)', 1, 8, 7),
    )
  })

  it('a ReadableStream read to its end is released, not cancelled', async () => {
    let cancelled = false
    const chunks = [utf8('<Items>'), utf8('</Items>')]
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift()
        if (next === undefined) controller.close()
        else controller.enqueue(next)
      },
      cancel() {
        cancelled = true
      },
    })
    expect(await collect(streamFileSync(stream))).toEqual(EMPTY)
    expect(cancelled).toBe(false)
    // Released: the stream can be locked again.
    expect(() => stream.getReader().releaseLock()).not.toThrow()
  })
  it('a hand-made ReadableStreamLike is cancelled only when the reader stops early, and released either way', async () => {
    const like = (chunks: string[]) => {
      const calls: string[] = []
      const stream = {
        getReader: () => ({
          read: async () => {
            const value = chunks.shift()
            return value === undefined ? { done: true } : { done: false, value }
          },
          cancel: async () => {
            calls.push('cancel')
          },
          releaseLock: () => {
            calls.push('release')
          },
        }),
      }
      return { stream, calls }
    }
    const whole = like(['<Items>', '</Items>'])
    expect(await collect(streamFileSync(whole.stream))).toEqual(EMPTY)
    expect(whole.calls).toEqual(['release'])
    const early = like(['<Items>', '<Document/>', '<Document/>', '</Items>'])
    for await (const event of streamFileSync(early.stream)) if (event.type === 'item') break
    expect(early.calls).toEqual(['cancel', 'release'])
  })
})
