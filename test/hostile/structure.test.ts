import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { fixture } from '../support/fixtures'
import { xmlFault } from '../support/issues'
import { cutStride } from '../support/runtime'
import { KINDS, type Kind, kind } from '../totality/kinds'
import { accepted, expectRoundTrip, expectSyntaxError, rejection } from './support'

const ATOM = 'http://www.w3.org/2005/Atom'
const SYNC = 'http://schemas.sage.com/sdata/sync/2008/1'
const SDATA = 'http://schemas.sage.com/sdata/2008/1'

/** The UTF-16 offset of a 1-based line:column (CRLF, CR and LF each end a line; a leading BOM is not a column). */
function offsetOf(text: string, path: string): number {
  const [line, column] = path.split(':').map(Number) as [number, number]
  let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0
  for (let l = 1; l < line; l++) {
    const lf = text.indexOf('\n', offset)
    const cr = text.indexOf('\r', offset)
    const end = cr !== -1 && (lf === -1 || cr < lf) ? cr : lf
    offset = end + (text.startsWith('\r\n', end) ? 2 : 1)
  }
  return offset + column - 1
}

describe('hostile structure: a corpus document truncated at every character', () => {
  // parseXml gets the corpus files no codec kind covers (the codec kinds parse their own files anyway).
  const covered = new Set(KINDS.flatMap((k) => (k.name === 'parseXml' ? [] : k.corpus)))
  const corpusOf = (k: Kind) =>
    k.name === 'parseXml' ? k.corpus.filter((p) => !covered.has(p) && E.isRight(k.decode(fixture(p)))) : k.corpus

  for (const k of KINDS) {
    it(`${k.name}: every proper prefix is rejected with one issue inside the prefix, or (after the root) decodes in full`, () => {
      const faults: string[] = []
      let cuts = 0
      for (const path of corpusOf(k)) {
        const text = fixture(path)
        const whole = JSON.stringify(accepted(k, text))
        const end = text.lastIndexOf('>') + 1
        for (let cut = 0; cut < text.length; cut += cut >= end - 2 ? 1 : cutStride, cuts++) {
          const prefix = text.slice(0, cut)
          const result = k.decode(prefix)
          // Collected rather than asserted one by one: thousands of expect() calls would dominate the run time.
          if (cut >= end) {
            if (E.isLeft(result) || JSON.stringify(result.right) !== whole)
              faults.push(`${path}@${cut}: not the whole document`)
          } else if (E.isRight(result)) {
            faults.push(`${path}@${cut}: accepted`)
          } else {
            const [issue, ...more] = result.left
            const where = issue && /^\d+:\d+$/.test(issue.path) ? offsetOf(prefix, issue.path) : Number.NaN
            if (more.length > 0 || !issue || issue.message === '' || !(where <= cut)) {
              faults.push(`${path}@${cut}: ${JSON.stringify(result.left)}`)
            }
          }
        }
      }
      expect(faults).toEqual([])
      expect(cuts).toBeGreaterThan(100 / cutStride)
    })
  }

  it('names what is unfinished: an open element, an attribute value, a start tag', () => {
    const xml = kind('parseXml')
    expectSyntaxError(xml, '<r><a>', 1, 4, 'element <a> is not closed')
    expectSyntaxError(xml, '<r a="1', 1, 6, 'attribute value is not closed')
    expectSyntaxError(xml, '<r', 1, 1, 'start tag <r> is not finished')
  })
})

describe('hostile structure: malformed trees', () => {
  for (const k of KINDS) {
    it(`${k.name}: mismatched and stray end tags, two roots, text after the root`, () => {
      const n = k.open.length
      expectSyntaxError(
        k,
        `${k.open}<a></b>${k.close}`,
        1,
        n + 4,
        `end tag </b> does not match start tag <a> (line 1, column ${n + 1})`,
      )
      expect(rejection(k, `${k.open}</a>${k.close}`)).toStrictEqual([
        xmlFault(
          'not-well-formed',
          expect.stringMatching(/^end tag <\/a> does not match start tag <[^>]+> \(line 1, column 1\)$/),
          1,
          n + 1,
        ),
      ])
      const one = `${k.open}${k.close}`
      expectSyntaxError(k, one + one, 1, one.length + 1, 'a second root element; a document has exactly one')
      expectSyntaxError(k, `${one}tail`, 1, one.length + 1, 'text after the root element')
      expectSyntaxError(k, `${one}<!-- a comment is fine -->\n<?pi fine?>x`, 2, 12, 'text after the root element')
    })
  }
})

describe('hostile structure: the same prefix bound to two URIs at different depths', () => {
  it('SyncFeedXml: an inner rebinding of the Atom prefix is not an Atom entry; it is kept, in its own namespace', () => {
    const text = `<p:feed xmlns:p="${ATOM}"><p:entry xmlns:p="urn:evil"><p:id>x</p:id></p:entry><p:entry><p:id>y</p:id></p:entry></p:feed>`
    const feed = accepted<{
      entries: Array<{ id: string }>
      extensions: Array<{ namespace: string; localName: string }>
    }>(kind('SyncFeedXml'), text)
    expect(feed.entries.map((e) => e.id)).toEqual(['y'])
    expect(feed.extensions).toMatchObject([{ namespace: 'urn:evil', localName: 'entry', prefix: 'p' }])
    expectRoundTrip(kind('SyncFeedXml'), feed)
  })

  it('DigestXml: a rebound prefix and a rebound default namespace do not make digest entries or an origin', () => {
    const digest = kind('DigestXml')
    const prefixed = `<s:digest xmlns:s="${SYNC}"><s:origin>http://o/</s:origin><s:digestEntry xmlns:s="urn:evil"><s:endpoint>e</s:endpoint></s:digestEntry></s:digest>`
    expect(accepted(digest, prefixed)).toMatchObject({
      origin: 'http://o/',
      entries: [],
      extensions: [{ namespace: 'urn:evil', localName: 'digestEntry' }],
    })
    const byDefault = `<digest xmlns="${SYNC}"><origin xmlns="urn:evil">http://o/</origin></digest>`
    const value = accepted<Record<string, unknown>>(digest, byDefault)
    expect(value).toMatchObject({ entries: [], extensions: [{ namespace: 'urn:evil', localName: 'origin' }] })
    expect(value.origin).toBeUndefined()
    expectRoundTrip(digest, value)
  })

  it('FileSyncXml: Items in a namespace is not the Items collection', () => {
    const value = accepted(kind('FileSyncXml'), '<Folder><Items xmlns="urn:evil"><Folder/></Items></Folder>')
    expect(value).toMatchObject({
      root: 'Folder',
      folder: { kind: 'Folder', extensions: [{ element: { namespace: 'urn:evil', localName: 'Items' } }] },
    })
    expect((value as { folder: { items?: unknown } }).folder.items).toBeUndefined()
    expectRoundTrip(kind('FileSyncXml'), value)
  })

  it('parseXml: the rebinding is scoped; a sibling after the inner scope sees the outer binding again', () => {
    const doc = accepted<{ root: { children: Array<{ namespace: string }> } }>(
      kind('parseXml'),
      '<p:r xmlns:p="urn:a"><p:x xmlns:p="urn:b"><p:y/></p:x><p:z/></p:r>',
    )
    expect(doc.root.children.map((c) => c.namespace)).toEqual(['urn:b', 'urn:a'])
    expect(rejection(kind('parseXml'), '<r><p:x xmlns:p="urn:b"/><p:z/></r>')).toEqual([
      xmlFault('not-well-formed', 'unbound namespace prefix p in <p:z>', 1, 27),
    ])
  })
})

describe('hostile structure: a payload carrying another feed', () => {
  const inner = `<feed xmlns="${ATOM}"><entry><id>inner</id><sync:syncState xmlns:sync="${SYNC}"><sync:endpoint>http://e/</sync:endpoint><sync:tick>1</sync:tick><sync:stamp>2008-10-30T14:55:43Z</sync:stamp></sync:syncState></entry></feed>`

  it('SyncFeedXml: the inner feed stays payload data; the outer feed has one entry, no sync state', () => {
    const text = `<feed xmlns="${ATOM}"><entry><id>outer</id><payload xmlns="${SDATA}">${inner}</payload></entry></feed>`
    const feed = accepted<{ entries: Array<Record<string, unknown>> }>(kind('SyncFeedXml'), text)
    expect(feed.entries).toHaveLength(1)
    expect(feed.entries[0]).toMatchObject({
      id: 'outer',
      payload: { isDeleted: false, element: { namespace: ATOM, localName: 'feed' } },
    })
    expect(feed.entries[0]!.syncState).toBeUndefined()
    expectRoundTrip(kind('SyncFeedXml'), feed)
  })

  it('SyncEntryXml: the same, for a single entry', () => {
    const text = `<entry xmlns="${ATOM}"><id>outer</id><payload xmlns="${SDATA}">${inner}</payload></entry>`
    const entry = accepted<Record<string, unknown>>(kind('SyncEntryXml'), text)
    expect(entry).toMatchObject({ id: 'outer', payload: { element: { localName: 'feed' } } })
    expect(entry.syncState).toBeUndefined()
    expectRoundTrip(kind('SyncEntryXml'), entry)
  })
})
