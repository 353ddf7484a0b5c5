// The streaming readers run the in-memory parser over the text as it arrives and, where the text ends inside a
// construct, wait for the next chunk (src/xml/stream-parser.ts). Through streamSyncFeed and streamFileSync: a
// document cut at every position (text chunks cut inside surrogate pairs, byte chunks inside UTF-8 sequences)
// reads as it reads whole and as the in-memory decode reads it; a document that truly ends inside a construct
// fails as parseXml fails for the same text, with its line:column.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FileSyncXml, rebuildFileSync, streamFileSync } from '../../src/filesync/index'
import { streamSyncFeed } from '../../src/sdata/index'
import { arbFileSyncDocument } from '../../src/testing/arbitraries/index'
import { parseXml } from '../../src/xml/index'
import { numRuns } from '../support/runtime'
import { collect, cutBytes } from '../support/stream'

const ATOM = 'xmlns="http://www.w3.org/2005/Atom"'

// Every construct the parser reads, with characters of one, two, three and four UTF-8 bytes (one a surrogate pair).
const FEED =
  `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- før -->\n<?pi data ?>\n` +
  `<feed ${ATOM} xmlns:x="urn:x" x:a='v"&gt;' b="&#x1F600;&lt;">\r\n` +
  `  <entry><title>a &amp; b &#233; \u20ac \u{1F600}</title><x:ext x:k="1"><![CDATA[<raw> ]] ]]></x:ext></entry>\n` +
  `  <!-- between --><?p?>\r` +
  `  <entry><title xml:lang="fr">\u00e9t\u00e9</title><content type="text">x&#10;y</content></entry>\n` +
  `</feed>\n<!-- after -->\n`

/** The text cut into string chunks at the given UTF-16 positions (which may fall inside a surrogate pair). */
function cutText(text: string, cuts: readonly number[]): string[] {
  const at = [...new Set(cuts)].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b)
  const chunks: string[] = []
  let from = 0
  for (const c of [...at, text.length]) {
    chunks.push(text.slice(from, c))
    from = c
  }
  return chunks
}

describe('the resumable parser under streamSyncFeed', () => {
  it('reads the feed cut at every UTF-16 position, and at every byte, as it reads it whole', async () => {
    const whole = await collect(streamSyncFeed([FEED]))
    expect(whole.map((e) => e.type)).toEqual(['head', 'entry', 'entry', 'end'])
    for (let cut = 1; cut < FEED.length; cut++) {
      expect(await collect(streamSyncFeed(cutText(FEED, [cut])))).toEqual(whole)
    }
    const bytes = new TextEncoder().encode(FEED).length
    for (let cut = 1; cut < bytes; cut++) expect(await collect(streamSyncFeed(cutBytes(FEED, [cut])))).toEqual(whole)
  })

  it('fails as parseXml fails, at the same line:column, when the document ends at any position', async () => {
    for (let end = 0; end < FEED.length; end++) {
      const text = FEED.slice(0, end)
      // A prefix cut inside a surrogate pair is no text a decoder would give; the stream reads what it was given.
      const parsed = parseXml(text)
      // Up to the root's end tag every prefix is cut inside something; after it, some are whole documents.
      if (parsed._tag === 'Right') expect(end).toBeGreaterThan(FEED.indexOf('</feed>'))
      for (const chunks of [[text], cutText(text, [end >> 1, end - 1])]) {
        const events = await collect(streamSyncFeed(chunks))
        const last = events[events.length - 1]
        if (parsed._tag === 'Right') expect(last?.type).toBe('end')
        else expect(last, JSON.stringify(text)).toEqual({ type: 'error', issues: parsed.left })
      }
    }
  })

  it('gives each fault found inside a cut construct once the construct is whole, as parseXml places it', async () => {
    const faulty = [
      `<feed ${ATOM}><entry><title>a &bogus; b</title></entry></feed>`,
      `<feed ${ATOM}><entry><title a="1" a="2">t</title></entry></feed>`,
      `<feed ${ATOM}><!-- a -- b --></feed>`,
      `<feed ${ATOM}><entry><title>t</titel></entry></feed>`,
      `<feed ${ATOM}><?xml version="1.0"?></feed>`,
      `<feed ${ATOM}>\n<entry><title>]]></title></entry></feed>`,
    ]
    for (const doc of faulty) {
      const parsed = parseXml(doc)
      if (parsed._tag === 'Right') throw new Error(`parsed: ${doc}`)
      for (let cut = 1; cut < doc.length; cut++) {
        const events = await collect(streamSyncFeed(cutText(doc, [cut])))
        expect(events[events.length - 1], `${doc} cut at ${cut}`).toEqual({ type: 'error', issues: parsed.left })
      }
    }
  })
})

describe('the resumable parser under streamFileSync', () => {
  it('gives the in-memory value for generated documents in text chunks cut at arbitrary UTF-16 positions', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbFileSyncDocument({ maxDepth: 3, maxItems: 3 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 30 }),
        async (doc, fractions) => {
          const text = FileSyncXml.encode(doc)
          const chunks = cutText(
            text,
            fractions.map((f) => Math.floor(f * text.length)),
          )
          const r = FileSyncXml.decode(text)
          if (r._tag === 'Left') throw new Error('an encoded document did not decode')
          const events = await collect(streamFileSync(chunks))
          expect(events[events.length - 1]!.type).toBe('end')
          expect(rebuildFileSync(events)).toEqual(r.right)
        },
      ),
      { numRuns: numRuns(60) },
    )
  })
})

describe('a fault in the text waits for the bytes after it, as the in-memory decode reads every byte first', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text)
  const head = `<feed ${ATOM}><title>a\u0001b `

  it('bytes that do not decode, chunks after a control character, are the error the in-memory decode gives', async () => {
    const chunks = [utf8(head), utf8('more text '), utf8('and more '), Uint8Array.of(0xff), utf8('</title></feed>')]
    const whole = parseXml(Uint8Array.from(chunks.flatMap((c) => [...c])))
    const issues = whole._tag === 'Left' ? whole.left : []
    expect(issues.map((i) => i.code)).toEqual(['undecodable'])
    const events = await collect(streamSyncFeed(chunks))
    expect(events.map((e) => e.type)).toEqual(['error'])
    expect(events.at(-1)).toMatchObject({ issues: [{ code: 'undecodable', message: issues[0]!.message }] })
  })

  it('with no such bytes, the control character is the error, at its line:column, when the source ends', async () => {
    const events = await collect(streamSyncFeed([utf8(head), utf8('more text '), utf8('</title></feed>')]))
    expect(events.at(-1)).toMatchObject({
      type: 'error',
      issues: [{ code: 'not-well-formed', line: 1, column: 51, message: expect.stringContaining('U+0001') }],
    })
  })

  it('a source that never ends still gets the fault, once maxLength more characters came', async () => {
    async function* endless() {
      yield head
      for (;;) yield 'x'.repeat(100)
    }
    const events = await collect(streamSyncFeed(endless(), { parse: { maxLength: 1000 } }))
    expect(events.at(-1)).toMatchObject({ type: 'error', issues: [{ line: 1, column: 51 }] })
  })
})
