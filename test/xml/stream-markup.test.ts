// Markup cut between chunks in the streaming readers (through streamSyncFeed, src/xml/stream-parser.ts): comments,
// CDATA sections, processing instructions and quoted attribute values whose ends fall across chunks, read one byte
// at a time, cut at each position, and in one chunk, give the same events; markup after `<!` that is neither a
// comment nor CDATA fails where parseXml fails. Raised from mutation seed 203008 (then against the scanner that
// stream-parser.ts replaced).
import { describe, expect, it } from 'vitest'
import { streamFileSync } from '../../src/filesync/index'
import { streamSyncFeed } from '../../src/sdata/index'
import { parseXml } from '../../src/xml/index'
import { byteByByte, collect, cutBytes } from '../support/stream'

const ATOM = 'xmlns="http://www.w3.org/2005/Atom"'
const feed = (body: string) => `<feed ${ATOM}>${body}</feed>`
const titles = (events: Array<{ type: string; entry?: { title?: string } }>) =>
  events.filter((e) => e.type === 'entry').map((e) => e.entry?.title)
const kinds = (events: Array<{ type: string }>) => events.map((e) => e.type)

/** The document read whole, one byte at a time, and cut after each of its first `n` bytes in turn. */
async function everyWay(doc: string) {
  const whole = await collect(streamSyncFeed([doc]))
  expect(await collect(streamSyncFeed(byteByByte(doc)))).toEqual(whole)
  for (let cut = 1; cut < doc.length; cut++) expect(await collect(streamSyncFeed(cutBytes(doc, [cut])))).toEqual(whole)
  return whole
}

describe('streamed markup whose end is cut between chunks', () => {
  it('a CDATA section ending in ] before ]]> (one, two, three of them) ends at its ]]>', async () => {
    const doc = feed(
      '<entry><title><![CDATA[a]]]></title></entry><entry><title><![CDATA[b]]]]></title></entry>' +
        '<entry><title><![CDATA[c]]]]]></title></entry><entry><title>d</title></entry>',
    )
    const events = await everyWay(doc)
    expect(titles(events)).toEqual(['a]', 'b]]', 'c]]]', 'd'])
    expect(kinds(events)).toEqual(['head', 'entry', 'entry', 'entry', 'entry', 'end'])
  })

  it('a CDATA section holding ]] and ]> that do not end it', async () => {
    const events = await everyWay(
      feed('<entry><title><![CDATA[x]]y]>z]]></title></entry><entry><title>e</title></entry>'),
    )
    expect(titles(events)).toEqual(['x]]y]>z', 'e'])
  })

  it('a processing instruction ending in ? before ?> ends at its ?>', async () => {
    const doc = `<?pi a??>${feed('<?pi b???><entry><title>t<?pi c??>u</title></entry><?pi ?d?><entry><title>v</title></entry>')}`
    const events = await everyWay(doc)
    expect(titles(events)).toEqual(['tu', 'v'])
    expect(kinds(events)).toEqual(['head', 'entry', 'entry', 'end'])
  })

  it('a comment holding - and -> before its --> ends at its -->', async () => {
    const doc = `<!-- a- ->-->${feed('<!--b- ->--><entry><title>t<!---->u</title></entry><!-- c- --><entry><title>v</title></entry>')}`
    const events = await everyWay(doc)
    expect(titles(events)).toEqual(['tu', 'v'])
  })

  it('a terminator begun and broken off (?x>, -x->, ]x]>) does not end the markup, even before a tag', async () => {
    const doc =
      `<?pi a?x><b/>?><!-- a-x-><b/> -->` +
      feed('<?pi ?x><entry>?><!--a-x-><entry>--><ext><![CDATA[]x]><entry>]]></ext><entry><title>t</title></entry>')
    const events = await everyWay(doc)
    expect(titles(events)).toEqual(['t'])
    expect(kinds(events)).toEqual(['head', 'entry', 'end'])
  })

  it('quoted attribute values holding > and the other quote, cut inside the quotes', async () => {
    const doc = feed(`<entry><title a="x>'y" b='z>"/'>t</title></entry><entry><title>v</title></entry>`)
    const events = await everyWay(doc)
    expect(titles(events)).toEqual([undefined, 'v'])
    expect(JSON.stringify(events[1])).toContain(`"value":"x>'y"`)
    expect(JSON.stringify(events[1])).toContain(`"value":"z>\\"/"`)
  })
})

describe('streamed tag names', () => {
  // A Folder the reader opens gives its items one by one, then itself; the name must end at white space too.
  const doc = (space: string) =>
    `<Items${space}><Folder${space}><Name>f</Name><Items${space}><Document><Name>d</Name></Document></Items></Folder></Items>`

  it.each([
    ['a space', ' '],
    ['a tab', '\t'],
    ['a line feed', '\n'],
    ['a carriage return', '\r'],
  ])('end at %s: the Folder is opened as <Folder> is', async (_, space) => {
    const plain = await collect(streamFileSync([doc('')]))
    expect(plain.map((e) => [e.type, 'path' in e ? e.path : undefined])).toEqual([
      ['item', [0, 0]],
      ['item', [0]],
      ['end', undefined],
    ])
    expect(await collect(streamFileSync([doc(space)]))).toEqual(plain)
    expect(await collect(streamFileSync(byteByByte(doc(space))))).toEqual(plain)
  })
})

describe('streamed markup after <! that is neither a comment nor CDATA', () => {
  it.each([
    ['a DOCTYPE before the root', `<!DOCTYPE feed>${feed('')}`],
    ['a DOCTYPE inside an entry', feed('<entry><!DOCTYPE x></entry>')],
    ['<!- with one dash', feed('<!-x-->')],
    ['<![CDAT without its last [', feed('<entry><title><![CDATAx]]></title></entry>')],
  ])('%s fails as parseXml fails, at the same line:column', async (_, doc) => {
    const parsed = parseXml(doc)
    if (parsed._tag === 'Right') throw new Error('expected a parse error')
    const issue = parsed.left[0]!
    for (const source of [[doc], byteByByte(doc)]) {
      const events = await collect(streamSyncFeed(source))
      const last = events[events.length - 1]!
      expect(last).toEqual({ type: 'error', issues: [issue] })
    }
  })

  it.each([
    ['before the root', `< feed ${ATOM}/>`, '1:2'],
    ['between entries', feed('<entry><title>a</title></entry>< entry/>'), '1:75'],
    ['as <>', feed('<entry><title>a</title></entry><></entry>'), '1:75'],
  ])('a < followed by no name %s fails as parseXml fails', async (_, doc, path) => {
    const issue = {
      severity: 'error',
      code: 'not-well-formed',
      path,
      steps: [],
      message: 'expected an element name after <',
    }
    const [line, column] = path.split(':').map(Number)
    expect(parseXml(doc)).toEqual({ _tag: 'Left', left: [{ ...issue, line, column }] })
    for (const source of [[doc], byteByByte(doc)]) {
      const events = await collect(streamSyncFeed(source))
      expect(events[events.length - 1]).toEqual({ type: 'error', issues: [{ ...issue, line, column }] })
    }
  })

  it('names the fault: a DOCTYPE, or malformed markup after <!', () => {
    const doctype = parseXml(feed('<entry><!DOCTYPE x></entry>'))
    expect(doctype._tag === 'Left' && [doctype.left[0]!.path, doctype.left[0]!.message]).toEqual([
      '1:50',
      'DOCTYPE is not allowed: syncwire reads no DTD, so it declares no entities and loads nothing external',
    ])
    const bang = parseXml(feed('<!-x-->'))
    expect(bang._tag === 'Left' && [bang.left[0]!.path, bang.left[0]!.message]).toEqual([
      '1:43',
      'malformed markup after <!',
    ])
  })
})
