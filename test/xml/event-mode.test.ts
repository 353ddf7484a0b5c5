// The parser's event mode (the streamed feed reads its entries through it): each child's name is first guessed from
// the children of the previous record; a guess of the same length that is not the name read must not be taken, so
// an entry whose children come in another order, or are others, reads as the tree way reads it.
// Raised from mutation seed 203008 (src/xml/parse.ts, the guessed name).
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { reportErrors } from '../../src/codec/index'
import { SyncFeedXml, streamSyncFeed } from '../../src/sdata/index'
import { parseXml } from '../../src/xml/index'
import { collect } from '../support/stream'

const FEED = 'xmlns="http://www.w3.org/2005/Atom" xmlns:x="urn:x"'
const entries = (events: Array<{ type: string; entry?: unknown }>) =>
  events.filter((e) => e.type === 'entry').map((e) => e.entry as { title?: string; extensions: unknown[] })

describe('event mode: children named otherwise than the previous record guessed', () => {
  it('an empty x:abc where the previous entry began with title (same length) is an extension, not a title', async () => {
    const doc = `<feed ${FEED}><entry><title>a</title></entry><entry><x:abc/></entry><entry><title>c</title></entry></feed>`
    const [first, second, third] = entries(await collect(streamSyncFeed([doc])))
    expect(first).toEqual({ links: [], diagnoses: [], extensions: [], title: 'a' })
    expect(second!.title).toBeUndefined()
    expect(second!.extensions).toHaveLength(1)
    expect(second!.extensions[0]).toMatchObject({ namespace: 'urn:x', localName: 'abc', prefix: 'x', children: [] })
    expect(third).toEqual({ links: [], diagnoses: [], extensions: [], title: 'c' })
  })

  it('children in another order than the previous entry keep their values', async () => {
    const doc =
      `<feed ${FEED}><entry><title>a</title><x:abc>p</x:abc></entry>` +
      `<entry><x:abc>q</x:abc><title>b</title></entry></feed>`
    const [first, second] = entries(await collect(streamSyncFeed([doc])))
    expect([first!.title, second!.title]).toEqual(['a', 'b'])
    expect(second!.extensions).toEqual([
      expect.objectContaining({ localName: 'abc', children: [{ type: 'text', value: 'q' }] }),
    ])
  })
  // Each fault is the tree way's, at the end tag (in the streamed and the whole decode alike); the first entry is
  // read the event way, so the second one's leaf is guessed (mutation seed 203102, parse.ts).
  const faulty = (leaf: string) => `<feed ${FEED}><entry><title>a</title></entry><entry>${leaf}</entry></feed>`
  it.each([
    [
      'another name of the same length',
      '<title>b</xxxxx>',
      'end tag </xxxxx> does not match start tag <title>',
      '</xxxxx>',
    ],
    [
      'a two-letter name whose text ends in that name',
      '<id>id</xy>',
      'end tag </xy> does not match start tag <id>',
      '</xy>',
    ],
    ['its name and then < rather than >', '<title>b</title<<x:abc/>', 'expected > to close </title', '<<x:abc/>'],
  ])('a leaf closed by %s fails', async (_, leaf, text, fault) => {
    const doc = faulty(leaf)
    const open = doc.indexOf(leaf) + 1
    const column = doc.indexOf(fault) + 1
    const message = text.startsWith('end tag') ? `${text} (line 1, column ${open})` : text
    const events = await collect(streamSyncFeed([doc]))
    expect(events[events.length - 1]).toEqual({
      type: 'error',
      issues: [
        { severity: 'error', code: 'not-well-formed', path: `1:${column}`, steps: [], message, line: 1, column },
      ],
    })
    const whole = SyncFeedXml.decode(doc)
    expect(E.isLeft(whole) && whole.left.map((e) => e.message)).toEqual([message])
  })
})

// Raised from mutation seed 203311 (src/xml/event-reader.ts: `eventNamespace` and the rewind in `eventNode`).
describe('event mode: namespaces as the tree reads them', () => {
  const ATOM = 'http://www.w3.org/2005/Atom'
  const SDATA = 'http://schemas.sage.com/sdata/2008/1'
  const tree = (doc: string) => parseXml(doc)

  it('a child with a prefix bound on the feed is in that prefix namespace (x:entry is an extension, not an entry)', () => {
    const doc = `<feed xmlns="${ATOM}" xmlns:x="urn:other"><title>t</title><x:entry><x:id>1</x:id></x:entry><entry><id>2</id></entry></feed>`
    const decoded = SyncFeedXml.decode(doc)
    expect(E.isRight(decoded)).toBe(true)
    const feed = (decoded as E.Right<{ entries: Array<{ id?: string }>; extensions: unknown[] }>).right
    expect(feed.entries.map((e) => e.id)).toEqual(['2'])
    expect(feed.extensions).toHaveLength(1)
    expect(feed.extensions[0]).toMatchObject({ namespace: 'urn:other', localName: 'entry', prefix: 'x' })
    expect(E.isRight(tree(doc))).toBe(true)
  })

  it('a fault inside a payload gives back its bindings: the entry read again as a tree sees the feed prefixes', () => {
    // Inside the payload, z rebinds y to x's namespace and then fails (an undefined entity). The entry is read
    // again as a tree: were z's binding kept, q's x:a and y:a would share an expanded name, a fault before it.
    const doc =
      `<feed xmlns="${ATOM}" xmlns:sdata="${SDATA}" xmlns:x="urn:b" xmlns:y="urn:a"><entry><id>1</id>` +
      '<sdata:payload><q x:a="1" y:a="2"/><z xmlns:y="urn:b">&bogus;</z></sdata:payload></entry></feed>'
    const message = 'undefined entity &bogus; (only &lt; &gt; &amp; &apos; &quot; exist)'
    const parsed = tree(doc)
    expect(E.isLeft(parsed) && parsed.left.map((e) => e.message)).toEqual([message])
    const decoded = SyncFeedXml.decode(doc)
    expect(E.isLeft(decoded) && reportErrors(decoded.left).map((e) => e.message)).toEqual([message])
  })
})
