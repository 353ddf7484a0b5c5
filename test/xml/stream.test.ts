// The streaming readers' sources and totality (through streamSyncFeed and streamFileSync): every kind of source,
// sources that throw or give wrong chunks, bytes that are not UTF-8, BOMs, and stopping early.
import { describe, expect, it } from 'vitest'
import { FileSyncXml, streamFileSync } from '../../src/filesync/index'
import { streamSyncFeed } from '../../src/sdata/index'
import { parseXml } from '../../src/xml/parse'
import { fixture } from '../support/fixtures'
import { asyncChunks, collect, cutBytes, readableOf } from '../support/stream'

const FEED = fixture('sdata/spec-4.4_sync-feed_catchUp.xml')
const entriesOf = (events: Array<{ type: string }>) => events.filter((e) => e.type === 'entry').length
const lastOf = (events: Array<{ type: string }>) => events[events.length - 1] as { type: string; issues?: unknown }

describe('streaming sources', () => {
  it('reads sync iterables, async iterables and ReadableStreams of bytes or strings alike', async () => {
    const expected = await collect(streamSyncFeed([FEED]))
    expect(lastOf(expected).type).toBe('end')
    const bytes = cutBytes(FEED, [10, 11, 12, 400])
    const strings = [FEED.slice(0, 5), FEED.slice(5, 300), FEED.slice(300)]
    for (const source of [
      bytes,
      strings,
      asyncChunks(bytes),
      asyncChunks(strings),
      readableOf(bytes),
      readableOf(strings),
    ]) {
      expect(await collect(streamSyncFeed(source))).toEqual(expected)
    }
    // A whole document as one string or one buffer, and an ArrayBuffer chunk.
    expect(await collect(streamSyncFeed(FEED as never))).toEqual(expected)
    expect(await collect(streamSyncFeed([new TextEncoder().encode(FEED).buffer]))).toEqual(expected)
  })

  it('drops a BOM from bytes and from text, and counts columns without it as parseXml does', async () => {
    const bom = `\uFEFF${FEED}`
    expect(lastOf(await collect(streamSyncFeed(cutBytes(bom, [1, 2, 3])))).type).toBe('end')
    const broken = `\uFEFF<feed xmlns="http://www.w3.org/2005/Atom"><id>&x;</id></feed>`
    const parsed = parseXml(broken)
    const e = parsed._tag === 'Left' ? parsed.left[0]! : { line: 0, column: 0, message: '' }
    expect(e.message).toContain('undefined entity')
    const expected = { type: 'error', issues: [{ path: `${e.line}:${e.column}`, message: e.message }] }
    expect(lastOf(await collect(streamSyncFeed([broken])))).toEqual(expected)
    expect(lastOf(await collect(streamSyncFeed(cutBytes(broken, [1]))))).toEqual(expected)
  })

  it('ends with an error event, never a throw, when the source throws', async () => {
    const cut = FEED.indexOf('</entry>') + 8
    async function* failing() {
      yield FEED.slice(0, cut)
      throw new Error('connection reset')
    }
    const events = await collect(streamSyncFeed(failing()))
    expect(entriesOf(events)).toBe(1)
    expect(lastOf(events)).toEqual({
      type: 'error',
      issues: [{ path: '', message: 'the source failed: connection reset' }],
    })
    const failingSync = (): Iterable<string> => ({
      [Symbol.iterator]: () => ({
        next: () => {
          throw 'nope'
        },
      }),
    })
    expect(lastOf(await collect(streamFileSync(failingSync())))).toEqual({
      type: 'error',
      issues: [{ path: '', message: 'the source failed: nope' }],
    })
    const erroring = new ReadableStream<string>({
      pull(controller) {
        controller.error(new Error('aborted'))
      },
    })
    expect(lastOf(await collect(streamSyncFeed(erroring)))).toEqual({
      type: 'error',
      issues: [{ path: '', message: 'the source failed: aborted' }],
    })
  })

  it('ends with an error event for what is not a source, a chunk that is not text or bytes, and bad UTF-8', async () => {
    for (const source of [42, null, undefined, {}]) {
      const events = await collect(streamSyncFeed(source as never))
      expect(events).toHaveLength(1)
      expect(lastOf(events).type).toBe('error')
    }
    const events = await collect(streamFileSync(['<Items>', 7 as never, '</Items>']))
    expect(lastOf(events)).toEqual({
      type: 'error',
      issues: [{ path: '', message: 'expected chunks of text or bytes, found number' }],
    })
    const bad = await collect(streamFileSync([new TextEncoder().encode('<Items>'), Uint8Array.of(0xc3, 0x28)]))
    expect(lastOf(bad).type).toBe('error')
    const cut = await collect(streamFileSync([Uint8Array.of(0x3c, 0x49, 0x74, 0x65, 0x6d, 0x73, 0x3e, 0xc3)]))
    expect(lastOf(cut).type).toBe('error')
  })

  it('reads a character split across byte chunks as one character', async () => {
    const text = '<Items><X>é€😀</X></Items>'
    const r = FileSyncXml.decode(text)
    for (let cut = 0; cut <= new TextEncoder().encode(text).length; cut++) {
      const events = await collect(streamFileSync(cutBytes(text, [cut])))
      expect(events.filter((e) => e.type === 'item').map((e) => (e as { item: unknown }).item)).toEqual(
        r._tag === 'Right' && r.right.root === 'Items' ? r.right.items : [],
      )
    }
  })

  it('stops reading and cancels a ReadableStream when the consumer stops early', async () => {
    let cancelled = false
    let pulls = 0
    const chunks = cutBytes(
      FEED,
      Array.from({ length: FEED.length / 40 }, (_, i) => i * 40),
    )
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(chunks[pulls++]!)
        if (pulls === chunks.length) controller.close()
      },
      cancel() {
        cancelled = true
      },
    })
    for await (const event of streamSyncFeed(stream)) if (event.type === 'entry') break
    expect(cancelled).toBe(true)
    expect(pulls).toBeLessThan(chunks.length)
  })
})
