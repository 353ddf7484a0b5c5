// The checks every SData value shares, seen through validateSyncFeed and validateDigest: text XML can carry, links,
// kept element trees, kept attributes and extensions. The exact issues of crafted values, and none for their valid
// neighbours.
import { describe, expect, it } from 'vitest'
import type { Digest, Link, Stamp, SyncFeed } from '../../src/sdata/index'
import { syncFeed, validateDigest, validateSyncFeed } from '../../src/sdata/index'
import type { XmlElement } from '../../src/xml/index'
import { rule } from '../support/issues'

const A = 'http://e/a'
const STAMP = '2008-10-30T17:23:08Z' as Stamp
const CARRY = 'holds a character XML 1.0 cannot carry (serializeXml writes U+FFFD instead)'

const el = (
  localName: string,
  children: XmlElement['children'] = [],
  prefix: string | null = null,
  attributes: XmlElement['attributes'] = [],
): XmlElement => ({ type: 'element', namespace: 'urn:c', localName, prefix, attributes, children })
const text = (value: string) => ({ type: 'text' as const, value })

const digest = (over: Partial<Digest> = {}): Digest => ({
  origin: A,
  entries: [{ endpoint: A, tick: 5, stamp: STAMP, conflictPriority: 1 }],
  ...over,
})
const feed = (over: Partial<SyncFeed> = {}): SyncFeed => syncFeed({ syncMode: 'catchUp', digest: digest(), ...over })
const error = (path: string, message: string) => rule('error', path, message)
const warning = (path: string, message: string) => rule('warning', path, message)

describe('links', () => {
  const links = (...list: Link[]) => validateSyncFeed(feed({ links: list }))
  it('a link needs a non-empty string href', () => {
    expect(links({ href: 'http://x' })).toEqual([])
    expect(links({ href: '' })).toEqual([error('/feed/link[1]/@href', 'the link has no href')])
    expect(links({ href: 5 } as never)).toEqual([
      error('/feed/link[1]/@href', 'the link has no href'),
      error('/feed/link[1]/@href', 'href is not a string'),
    ])
    expect(links({} as Link)).toEqual([error('/feed/link[1]/@href', 'the link has no href')])
  })
  it('links are located by position; href, rel, type and title are text', () => {
    expect(
      links({ href: 'http://x' }, { href: 'http://y\u0000', rel: '\u0001', type: 5, title: '\uFFFF' } as never),
    ).toEqual([
      error('/feed/link[2]/@href', `href ${CARRY}`),
      error('/feed/link[2]/@rel', `rel ${CARRY}`),
      error('/feed/link[2]/@type', 'type is not a string'),
      error('/feed/link[2]/@title', `title ${CARRY}`),
    ])
  })
  it('more than one next link is a warning', () => {
    const next = (href: string): Link => ({ rel: 'next', href })
    expect(links(next('a'), { rel: 'self', href: 's' })).toEqual([])
    expect(links(next('a'), next('b'))).toEqual([
      warning('/feed', '2 links have rel="next"; nextPage follows the first'),
    ])
    expect(links(next('a'), next('b'), next('c'))).toEqual([
      warning('/feed', '3 links have rel="next"; nextPage follows the first'),
    ])
  })
})

describe('kept element trees', () => {
  const kept = (...extensions: unknown[]) => validateDigest(digest({ extensions: extensions as XmlElement[] }))
  it('elements are located by name and position among their namesakes, with their prefix', () => {
    const tree = el('a', [el('n'), el('m'), el('n', [text('\u0000')]), el('n', [], 'p', [])], 'x')
    expect(kept(el('a'), tree)).toEqual([error('/digest/x:a[1]/n[2]/text()', `text ${CARRY}`)])
    expect(
      kept(
        el('a', [
          el('n', [], 'p', []),
          el('n', [], 'p', [{ namespace: null, localName: 'k', prefix: null, value: '\u0001' }]),
        ]),
      ),
    ).toEqual([error('/digest/a[1]/p:n[2]/@k', `attribute value ${CARRY}`)])
  })
  it('attribute values are text, named with their prefix', () => {
    const attributes = [
      { namespace: 'urn:x', localName: 'k', prefix: 'x', value: '\u0001' },
      { namespace: null, localName: 'j', prefix: null, value: 5 as never },
      { namespace: null, localName: 'ok', prefix: null, value: 'fine' },
    ]
    expect(kept(el('a', [], null, attributes))).toEqual([
      error('/digest/a[1]/@x:k', `attribute value ${CARRY}`),
      error('/digest/a[1]/@j', 'attribute value is not a string'),
    ])
  })
  it('an element name XML cannot carry', () => {
    expect(kept(el('a\u0000'))).toEqual([error('/digest/a\u0000[1]', `element name ${CARRY}`)])
  })
  it('attributes and children that are not arrays are passed over', () => {
    const odd = { ...el('a'), attributes: 'x', children: 5 } as unknown as XmlElement
    expect(kept(odd)).toEqual([])
  })
  it('extensions that are not an array', () => {
    expect(kept()).toEqual([])
    expect(validateDigest(digest({ extensions: 'x' as never }))).toEqual([
      error('/digest', 'extensions are not an array'),
    ])
    expect(validateSyncFeed(feed({ extensions: 5 as never }))).toEqual([error('/feed', 'extensions are not an array')])
  })
  it('extensions of a feed and its diagnoses are checked too', () => {
    expect(validateSyncFeed(feed({ extensions: [el('e', [text('\u0002')])] }))).toEqual([
      error('/feed/e[1]/text()', `text ${CARRY}`),
    ])
    expect(validateSyncFeed(feed({ diagnoses: [{ severity: 'Error', extensions: [] }] }))).toEqual([
      warning('/feed/sdata:diagnosis[1]/sdataCode', 'the diagnosis has no sdataCode (core §3.10 requires one)'),
    ])
  })
})

describe('kept attributes', () => {
  it('are checked on digest entries, named with their prefix; entries that are not objects are passed over', () => {
    const attributes = [null, { namespace: 'urn:x', localName: 'k', prefix: 'x', value: '\u0001' }] as never
    const d = digest()
    d.entries[0] = { ...d.entries[0]!, attributes }
    expect(validateDigest(d)).toEqual([error('/digest/digestEntry[1]/@x:k', `attribute value ${CARRY}`)])
  })
  it('a feed with attributes that are not an array is passed over', () => {
    expect(validateSyncFeed({ ...feed(), attributes: 'x' } as never)).toEqual([])
  })
  it('kept extensions of digest entries are checked at their path', () => {
    const d = digest()
    d.entries[0] = { ...d.entries[0]!, extensions: [el('q', [text('\u0003')])] }
    expect(validateDigest(d)).toEqual([error('/digest/digestEntry[1]/q[1]/text()', `text ${CARRY}`)])
  })
})

describe('endpoints', () => {
  it('an endpoint XML cannot carry', () => {
    const d = digest({ origin: 'http://e/\u0000' })
    expect(validateDigest(d)).toEqual([
      error('/digest/origin', `origin ${CARRY}`),
      warning('/digest/origin', 'the origin "http://e/\\u0000" has no digestEntry of its own'),
    ])
  })
})
