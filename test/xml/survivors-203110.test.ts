// Pins found by the Stryker sample of src/xml on seed 203110: each names the exact outcome, next to its valid neighbour.
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { FileSyncXml, streamFileSync } from '../../src/filesync/index'
import { SyncFeedXml, streamSyncFeed } from '../../src/sdata/index'
import { sniffEncoding } from '../../src/xml/index'
import { collect } from '../support/stream'

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0))
const lastOf = (events: Array<{ type: string }>) => events[events.length - 1]

describe('the streaming reader reads what is left at the end as the phase it is in', () => {
  it('in the prolog, as a start: the unfinished start tag after the declaration, where it stands', async () => {
    expect(lastOf(await collect(streamFileSync(['<?xml version="1.0"?><Items/>'])))?.type).toBe('end')
    expect(lastOf(await collect(streamFileSync(['<?xml version="1.0"?><Ite'])))).toMatchObject({
      type: 'error',
      issues: [{ code: 'not-well-formed', message: 'start tag <Ite> is not finished', path: '1:22' }],
    })
    expect(lastOf(await collect(streamFileSync(['<?xml version="1.0"?><!-- x'])))).toMatchObject({
      type: 'error',
      issues: [{ message: 'comment is not closed', path: '1:22' }],
    })
  })

  it('in the content, as the end: the root that is not closed, at its start tag', async () => {
    expect(lastOf(await collect(streamFileSync(['<Items></Items>'])))?.type).toBe('end')
    expect(lastOf(await collect(streamFileSync(['<Items>text'])))).toMatchObject({
      type: 'error',
      issues: [{ code: 'not-well-formed', message: 'element <Items> is not closed', path: '1:1' }],
    })
  })
})

describe('sniffEncoding reads a declaration without a BOM as ISO-8859-1', () => {
  it('quotes a non-ASCII byte of a malformed encoding name as that Latin-1 character', () => {
    expect(sniffEncoding(latin1('<?xml version="1.0" encoding="latin1"?><a/>'))).toEqual(
      E.right({ encoding: 'iso-8859-1', bomLength: 0, declared: 'latin1' }),
    )
    const sniffed = sniffEncoding(latin1('<?xml version="1.0" encoding="\u00e9"?><a/>'))
    expect(E.isLeft(sniffed) && sniffed.left).toMatchObject([
      { message: 'malformed encoding name "\u00e9"', path: '1:31' },
    ])
  })
})

describe("event mode's leaf ends only at its own end tag", () => {
  it('a leaf followed by markup that merely holds its name is read the tree way, with the exact fault', () => {
    expect(FileSyncXml.decode('<Items><Document><ETag>x</ETag></Document></Items>')).toEqual(
      E.right({ root: 'Items', items: [{ kind: 'Document', eTag: 'x' }] }),
    )
    const bad = '<Items><Document><ETag>x<?ETag></Document></Items>'
    expect(FileSyncXml.decode(bad)).toMatchObject(
      E.left([
        {
          message: 'white space is needed after the processing-instruction target',
          context: [{}, { type: { line: 1, column: 31, code: 'not-well-formed' } }],
        },
      ]),
    )
  })
})

describe('event mode gives an entry back whole', () => {
  it('an entry it gives up on after an extension (a comment follows) is read again from its start tag', async () => {
    const feed = (body: string) =>
      `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:x="urn:x"><entry><title>a</title></entry><entry>${body}</entry></feed>`
    for (const doc of [
      feed('<title>b</title><x:abc>p</x:abc><id>i</id>'),
      feed('<title>b</title><x:abc>p</x:abc><!-- c --><id>i</id>'),
    ]) {
      const entries = (await collect(streamSyncFeed([doc]))).filter((e) => e.type === 'entry')
      expect(entries.map((e) => e.type === 'entry' && [e.entry.title, e.entry.id, e.entry.extensions.length])).toEqual([
        ['a', undefined, 0],
        ['b', 'i', 1],
      ])
      expect(E.isRight(SyncFeedXml.decode(doc))).toBe(true)
    }
  })
})
