// The streaming byte decoder's faults as a streamed reader reports them (through streamSyncFeed): a stream that ends
// inside a character, a malformed UTF-16BE unit, and an encoding TextDecoder reads in streaming mode. Raised from
// mutation seed 203006 (src/xml/byte-stream.ts).
import { describe, expect, it } from 'vitest'
import { streamFileSync } from '../../src/filesync/index'
import { streamSyncFeed } from '../../src/sdata/index'
import { parseXml } from '../../src/xml/index'
import { collect } from '../support/stream'

const ATOM = 'xmlns="http://www.w3.org/2005/Atom"'
const DOC = '<feed xmlns="http://www.w3.org/2005/Atom"><title>ab</title></feed>'
const lastOf = (events: Array<{ type: string }>) => JSON.stringify(events[events.length - 1])
const utf16be = (text: string): Uint8Array => {
  const out = new Uint8Array(text.length * 2 + 2)
  out.set([0xfe, 0xff])
  for (let i = 0; i < text.length; i++) out.set([text.charCodeAt(i) >> 8, text.charCodeAt(i) & 0xff], 2 + 2 * i)
  return out
}

describe('streamed bytes: faults by byte offset', () => {
  it('a stream that ends inside a UTF-8 character ends with an error naming that byte, not silently', async () => {
    const doc = new TextEncoder().encode(`${DOC}\n`)
    const events = await collect(streamSyncFeed([doc, Uint8Array.of(0xe2, 0x82)]))
    expect(lastOf(events)).toContain(`the input ends inside a UTF-8 character (byte offset ${doc.length})`)
    // A short input whose start never settles is decoded whole at its end: the offset counts the BOM and the text.
    const head = new TextEncoder().encode('\uFEFF<?xml version="1.0"')
    const short = await collect(streamSyncFeed([new Uint8Array([...head, 0xe2, 0x82])]))
    expect(lastOf(short)).toContain(`the input ends inside a UTF-8 character (byte offset ${head.length})`)
  })

  it('a lone UTF-16BE high surrogate is named at its byte offset', async () => {
    const bytes = utf16be(DOC)
    const at = 2 + 2 * DOC.indexOf('ab')
    bytes.set([0xd8, 0x3d], at) // a high surrogate followed by "b": malformed
    const events = await collect(streamSyncFeed([bytes.subarray(0, at - 5), bytes.subarray(at - 5)]))
    expect(lastOf(events)).toContain(`malformed UTF-16BE at byte offset ${at}`)
  })

  it('an encoding TextDecoder streams (Shift_JIS) decodes across cuts and places a bad byte as in memory', async () => {
    const head = '<?xml version="1.0" encoding="Shift_JIS"?>'
    // "日本" in Shift_JIS (93 FA 96 7B) as the title, cut inside the first character.
    const text = Uint8Array.from(`${head}${DOC.replace('ab', '\u0001\u0002')}`, (c) => c.charCodeAt(0))
    const at = text.indexOf(1)
    const good = new Uint8Array([...text.subarray(0, at), 0x93, 0xfa, 0x96, 0x7b, ...text.subarray(at + 2)])
    const events = await collect(streamSyncFeed([good.subarray(0, at + 1), good.subarray(at + 1)]))
    expect(events[events.length - 1]!.type).toBe('end')
    expect(JSON.stringify(events)).toContain('日本')
    // 85 7F: a lead byte, then a byte no character has after it, named at the lead byte
    // (test/xml/byte-stream-multibyte.test.ts and encoding-offsets.test.ts have more).
    const bad = new Uint8Array([...good.subarray(0, at), 0x85, 0x7f, ...good.subarray(at + 4)])
    const [issue] = (parseXml(bad) as { left: unknown[] }).left
    expect(issue).toMatchObject({ code: 'undecodable', line: 1, column: at + 1, offset: at })
    const broken = await collect(streamSyncFeed([bad.subarray(0, at - 3), bad.subarray(at - 3)]))
    expect(lastOf(broken)).toContain(JSON.stringify(issue))
  })

  it('ISO-2022-JP, whose escape sequences hold for all bytes after them, names the bad byte as in memory', async () => {
    // (test/xml/byte-stream-iso2022jp.test.ts has more.)
    const doc = Uint8Array.from(`<?xml version="1.0" encoding="ISO-2022-JP"?>${DOC}`, (c) => c.charCodeAt(0))
    const at = doc.indexOf(0x61) // "a" of the title
    const bad = new Uint8Array([...doc.subarray(0, at), 0x80, ...doc.subarray(at + 1)])
    const [issue] = (parseXml(bad) as { left: unknown[] }).left
    expect(issue).toMatchObject({ code: 'undecodable', offset: at, line: 1, column: at + 1 })
    const broken = await collect(streamSyncFeed([bad.subarray(0, at - 3), bad.subarray(at - 3)]))
    expect(lastOf(broken)).toBe(JSON.stringify({ type: 'error', issues: [issue] }))
  })
  // The encoding is known only once the BOM and the declaration are read: chunks of one byte must not settle it
  // before (mutation seed 203008, byte-stream.ts).
  const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))
  const BOM = [0xef, 0xbb, 0xbf]
  const declared = (encoding: string) => `<?xml version="1.0" encoding="${encoding}"?>`
  const oneByOne = (bytes: Uint8Array) => Array.from(bytes, (b) => Uint8Array.of(b))

  it('a declared ISO-8859-1 read one byte at a time decodes E9 as \u00e9, as one chunk does', async () => {
    const doc = latin1(`${declared('ISO-8859-1')}${DOC.replace('ab', '\u00e9')}`)
    const whole = await collect(streamSyncFeed([doc]))
    expect(lastOf(whole)).toContain('"type":"end"')
    expect(JSON.stringify(whole)).toContain('"title":"\u00e9"')
    expect(await collect(streamSyncFeed(oneByOne(doc)))).toEqual(whole)
  })

  it('a UTF-8 BOM and a declaration of UTF-8, one byte at a time, read as one chunk', async () => {
    const doc = new Uint8Array([
      ...BOM,
      ...new TextEncoder().encode(`${declared('UTF-8')}${DOC.replace('ab', '\u00e9')}`),
    ])
    const whole = await collect(streamSyncFeed([doc]))
    expect(JSON.stringify(whole)).toContain('"title":"\u00e9"')
    expect(await collect(streamSyncFeed(oneByOne(doc)))).toEqual(whole)
  })

  it('a UTF-8 BOM before a declaration of ISO-8859-1 fails, one byte at a time too', async () => {
    const doc = new Uint8Array([...BOM, ...latin1(`${declared('ISO-8859-1')}${DOC}`)])
    const message = 'the byte-order mark says UTF-8 but the XML declaration says encoding=\\"ISO-8859-1\\"'
    for (const source of [[doc], oneByOne(doc)]) {
      const events = await collect(streamSyncFeed(source))
      expect(events).toHaveLength(1)
      expect(lastOf(events)).toContain(message)
    }
  })
  const utf16 = (text: string, littleEndian: boolean) => {
    const out = new Uint8Array(text.length * 2 + 2)
    out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff])
    for (let i = 0; i < text.length; i++) {
      const u = text.charCodeAt(i)
      out.set(littleEndian ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff], 2 + 2 * i)
    }
    return out
  }

  it.each([
    ['UTF-16LE', true],
    ['UTF-16BE', false],
  ])('%s with its BOM, one byte at a time, reads as one chunk does', async (_, littleEndian) => {
    const doc = utf16(`${declared('UTF-16')}${DOC.replace('ab', '\u00e9\u65e5')}`, littleEndian)
    const whole = await collect(streamSyncFeed([doc]))
    expect(JSON.stringify(whole)).toContain('"title":"\u00e9\u65e5"')
    expect(await collect(streamSyncFeed(oneByOne(doc)))).toEqual(whole)
  })

  it.each([
    ['UTF-16LE', true, 'UTF-8'],
    ['UTF-16BE', false, 'ISO-8859-1'],
  ])('a %s BOM before a declaration of %s fails, one byte at a time too', async (label, littleEndian, encoding) => {
    const doc = utf16(`${declared(encoding as string)}${DOC}`, littleEndian as boolean)
    for (const source of [[doc], oneByOne(doc)]) {
      const events = await collect(streamSyncFeed(source))
      expect(events).toHaveLength(1)
      expect(lastOf(events)).toContain(
        `the byte-order mark says ${label} but the XML declaration says encoding=\\"${encoding}\\"`,
      )
    }
  })
  it('a UTF-16 BOM, a second U+FEFF and a declaration of UTF-8: the contradiction parseXml reports, byte by byte too', async () => {
    // The sniffer and the check that the first bytes are settled read the declaration from the same text (the second
    // mark dropped); byte by byte the stream used to settle on the mark alone and read on as UTF-16.
    const doc = utf16(`\uFEFF${declared('UTF-8')}${DOC}`, true)
    const [issue] = (parseXml(doc) as { left: unknown[] }).left
    expect(issue).toMatchObject({ code: 'not-well-formed', line: 1, column: 31 })
    for (const source of [[doc], oneByOne(doc)]) {
      const events = await collect(streamSyncFeed(source))
      expect(lastOf(events)).toBe(JSON.stringify({ type: 'error', issues: [issue] }))
    }
  })
  it('a declaration not closed in the first 1024 bytes: the encoding is settled there, and entries come as read', async () => {
    // The sniffer reads the first 1024 bytes only; past them the reader decodes on, and hands out each entry before
    // the source is asked for more (mutation seed 203102, byte-stream.ts).
    const head = new TextEncoder().encode(`<?xml version="1.0"${' '.repeat(1100)}?><feed ${ATOM}>`)
    const entry = (title: string) => new TextEncoder().encode(`<entry><title>${title}</title></entry>`)
    let asked = 0
    async function* source() {
      for (const chunk of [head, entry('one'), entry('two'), new TextEncoder().encode('</feed>')]) {
        asked++
        yield chunk
      }
    }
    const seen: Array<[string, number]> = []
    for await (const event of streamSyncFeed(source())) seen.push([event.type, asked])
    expect(seen).toEqual([
      ['head', 2],
      ['entry', 2],
      ['entry', 3],
      ['end', 4],
    ])
  })
})

// A byte-order mark that the declaration contradicts is a fault of the text at the declaration's `encoding`
// (docs/encodings.md): `not-well-formed` at 1:column, whether the whole input is decoded or streamed, in one chunk
// or one byte (one character) at a time, and for a string that starts with U+FEFF as for bytes.
describe('a byte-order mark the declaration contradicts: one issue, in memory and streamed', () => {
  const LABELS = ['UTF-8', 'utf-16', 'UTF-16LE', 'UTF-16BE', 'ISO-8859-1', 'US-ASCII', 'windows-1252', 'Shift_JIS']
  const text = (label: string) => `<?xml version="1.0" encoding="${label}"?><Items/>`
  const units = (t: string, le: boolean) => Array.from(t, (c) => c.charCodeAt(0)).flatMap((u) => (le ? [u, 0] : [0, u]))
  // Each mark, the labels it agrees with (every other label contradicts it), and the input as one piece.
  const MARKS: Array<[string, readonly string[], (t: string) => Uint8Array | string]> = [
    ['UTF-8', ['UTF-8'], (t) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(t)])],
    ['UTF-16LE', ['utf-16', 'UTF-16LE'], (t) => new Uint8Array([0xff, 0xfe, ...units(t, true)])],
    ['UTF-16BE', ['utf-16', 'UTF-16BE'], (t) => new Uint8Array([0xfe, 0xff, ...units(t, false)])],
    ['U+FEFF', ['UTF-8', 'utf-16', 'UTF-16LE', 'UTF-16BE'], (t) => `\uFEFF${t}`],
  ]
  const pieces = (input: Uint8Array | string) =>
    typeof input === 'string' ? Array.from(input) : Array.from(input, (b) => Uint8Array.of(b))

  it.each(MARKS)('a %s mark: each contradiction the same issue at the declaration', async (mark, agrees, encode) => {
    for (const label of LABELS) {
      const input = encode(text(label))
      const memory = parseXml(input)
      const streams = [
        await collect(streamFileSync([input])),
        await collect(streamFileSync(pieces(input))),
        await collect(streamSyncFeed(pieces(input))),
      ]
      if (agrees.includes(label)) {
        expect(memory._tag, label).toBe('Right')
        for (const events of streams.slice(0, 2)) expect(events.at(-1)?.type, label).toBe('end')
        continue
      }
      const column = text(label).indexOf(label) + 1
      expect(memory, label).toEqual({
        _tag: 'Left',
        left: [
          {
            severity: 'error',
            code: 'not-well-formed',
            path: `1:${column}`,
            steps: [],
            message: expect.stringMatching(
              mark === 'U+FEFF' ? /starts with a byte-order mark/ : /byte-order mark says/,
            ),
            line: 1,
            column,
          },
        ],
      })
      if (memory._tag === 'Left') {
        for (const events of streams) expect(events, label).toEqual([{ type: 'error', issues: memory.left }])
      }
    }
  })
})
