// The streaming readers' sources and totality (through streamSyncFeed and streamFileSync): every kind of source,
// sources that throw or give wrong chunks, bytes that are not UTF-8, BOMs, and stopping early.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FileSyncXml, streamFileSync } from '../../src/filesync/index'
import { streamSyncFeed } from '../../src/sdata/index'
import { parseXml } from '../../src/xml/index'
import { fixture } from '../support/fixtures'
import { wholeFault } from '../support/issues'
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
    if (parsed._tag === 'Right') throw new Error('expected a parse error')
    const e = parsed.left[0]!
    expect(e.message).toContain('undefined entity')
    // The parser's issue as it is: `line:column` as the path, its line and column, code `not-well-formed`.
    expect(e.code).toBe('not-well-formed')
    const expected = { type: 'error', issues: [e] }
    expect(lastOf(await collect(streamSyncFeed([broken])))).toStrictEqual(expected)
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
      issues: [wholeFault('incomplete', 'the source failed: connection reset')],
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
      issues: [wholeFault('incomplete', 'the source failed: nope')],
    })
    // A thrown value that cannot even be turned into text is still named (mutation seed 203102, issue.ts).
    async function* opaque() {
      yield FEED.slice(0, cut)
      throw Object.create(null)
    }
    expect(lastOf(await collect(streamSyncFeed(opaque())))).toEqual({
      type: 'error',
      issues: [wholeFault('incomplete', 'the source failed: a value that cannot be shown')],
    })
    const erroring = new ReadableStream<string>({
      pull(controller) {
        controller.error(new Error('aborted'))
      },
    })
    expect(lastOf(await collect(streamSyncFeed(erroring)))).toEqual({
      type: 'error',
      issues: [wholeFault('incomplete', 'the source failed: aborted')],
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
      issues: [wholeFault('unexpected', 'expected chunks of text or bytes, found number')],
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

describe('streaming bytes in other encodings', () => {
  const utf16 = (text: string, littleEndian: boolean): Uint8Array => {
    const out = new Uint8Array(2 + text.length * 2)
    out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff])
    for (let i = 0; i < text.length; i++) {
      const u = text.charCodeAt(i)
      out[2 + 2 * i + (littleEndian ? 0 : 1)] = u & 0xff
      out[2 + 2 * i + (littleEndian ? 1 : 0)] = u >> 8
    }
    return out
  }
  const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0))
  const cut = (bytes: Uint8Array, at: readonly number[]): Uint8Array[] => {
    const points = [...new Set(at.map((p) => Math.min(bytes.length, p)))].sort((a, b) => a - b)
    const parts: Uint8Array[] = []
    let from = 0
    for (const p of [...points, bytes.length]) {
      parts.push(bytes.slice(from, p))
      from = p
    }
    return parts
  }
  const DOC = '<feed xmlns="http://www.w3.org/2005/Atom"><title>Caf\u00e9 \u00bd \u20ac\ud83d\ude00</title></feed>'
  const LATIN = `<?xml version="1.0" encoding="ISO-8859-1"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Caf\u00e9 \u00bd \u00ff</title></feed>`
  const documents: Array<[string, Uint8Array]> = [
    ['UTF-16LE', utf16(DOC, true)],
    ['UTF-16BE', utf16(DOC, false)],
    ['ISO-8859-1', latin1(LATIN)],
  ]

  it('streams UTF-16 (BOM) and declared ISO-8859-1 bytes cut anywhere to the in-memory value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), async (points, odd) => {
        for (const [, bytes] of documents) {
          // Odd cuts fall inside UTF-16 code units (and inside the surrogate pair).
          const at = points.map((p) => (p % bytes.length) | (odd ? 1 : 0))
          const events = await collect(streamSyncFeed(cut(bytes, at)))
          const expected = await collect(streamSyncFeed([bytes]))
          expect(lastOf(expected).type).toBe('end')
          expect(events).toEqual(expected)
          const parsed = parseXml(bytes)
          expect(parsed._tag).toBe('Right')
          const title = JSON.stringify(events).includes('Caf\u00e9')
          expect(title).toBe(true)
        }
      }),
      { numRuns: 30 },
    )
  })

  it('cuts at every byte of a UTF-16 document with a surrogate pair', async () => {
    for (const [name, bytes] of documents) {
      const expected = await collect(streamSyncFeed([bytes]))
      const events = await collect(
        streamSyncFeed(
          cut(
            bytes,
            Array.from(bytes, (_, i) => i),
          ),
        ),
      )
      expect(events, name).toEqual(expected)
    }
  })

  it('ends with an error event for a BOM that contradicts the declaration, or a malformed byte', async () => {
    const contradiction = utf16('<?xml version="1.0" encoding="ISO-8859-1"?><feed/>', true)
    const events = await collect(streamSyncFeed(cut(contradiction, [1, 3, 5])))
    expect(lastOf(events).type).toBe('error')
    expect(JSON.stringify(lastOf(events))).toContain('byte-order mark says UTF-16LE')
    const bad = new TextEncoder().encode('<feed xmlns="http://www.w3.org/2005/Atom"><title>ab</title></feed>')
    const at = bad.indexOf(0x62)
    bad[at] = 0xc3 // a lead byte followed by "<": malformed UTF-8
    bad[at + 1] = 0x28
    const broken = await collect(streamSyncFeed(cut(bad, [at + 1, at - 3])))
    expect(JSON.stringify(lastOf(broken))).toContain(`malformed UTF-8 at byte offset ${at}`)
    const lone = utf16(DOC, true)
    const high = lone.length - 2 * '</title></feed>'.length - 4
    lone[high + 2] = 0x41 // the low surrogate becomes "A": a lone high surrogate
    lone[high + 3] = 0x00
    const loneEvents = await collect(streamSyncFeed(cut(lone, [high + 1, high + 3])))
    expect(JSON.stringify(lastOf(loneEvents))).toContain(`malformed UTF-16LE at byte offset ${high}`)
  })
})
