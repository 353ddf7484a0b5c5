import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import type { Link, Stamp, SyncEntry, SyncFeed, SyncState } from '../../src/sdata/index'
import { checkPageSequence, nextPage, SyncFeedXml } from '../../src/sdata/index'
import { fixture } from '../support/fixtures'
import { rule } from '../support/issues'
import { numRuns } from '../support/runtime'

const APP1 = 'http://www.example.com/sdata/myApp1/myContract/-/accounts'
const APP2 = 'http://www.example.com/sdata/myApp2/myContract/-/accounts'
// The spec's §4.4 next link, with the line break the example has inside the URL.
const SPEC_NEXT = `${APP1}/$syncSource('DD052E5C-BFAD-4ffa-8D54-D696E4959497')\n?startIndex=11&count=10`

const at = (endpoint: string, tick: number): SyncState => ({ endpoint, tick, stamp: '2008-10-30T10:00:00Z' as Stamp })
const entry = (state: SyncState): SyncEntry => ({ links: [], syncState: state, diagnoses: [], extensions: [] })

function page(states: SyncState[], next?: string, extra: Partial<SyncFeed> = {}): SyncFeed {
  const links: Link[] = [{ rel: 'self', href: 'http://x/self' }]
  if (next !== undefined) links.push({ rel: 'next', href: next, type: 'application/atom+xml; type=feed' })
  return { links, syncMode: 'catchUp', diagnoses: [], entries: states.map(entry), extensions: [], ...extra }
}

describe('nextPage', () => {
  it('gives the decoded §4.4 feed its next href as the XML layer reads it (XML 1.0 §3.3.3 turns the line break into a space)', () => {
    const feed = SyncFeedXml.decode(fixture('sdata/spec-4.4_sync-feed_catchUp.xml'))
    expect(E.isRight(feed) && nextPage(feed.right)).toBe(SPEC_NEXT.replace('\n', ' '))
  })

  it('gives the next href exactly as sent, multi-line included', () => {
    expect(nextPage(page([], SPEC_NEXT))).toBe(SPEC_NEXT)
  })

  it('is undefined on the last page', () => {
    expect(nextPage(page([]))).toBeUndefined()
    expect(nextPage({ links: [] })).toBeUndefined()
  })

  it('takes the first next link, and accepts the IANA IRI of the relation (RFC 4287 §4.2.7.2)', () => {
    expect(
      nextPage({
        links: [
          { rel: 'next', href: 'a' },
          { rel: 'next', href: 'b' },
        ],
      }),
    ).toBe('a')
    expect(nextPage({ links: [{ rel: 'http://www.iana.org/assignments/relation/next', href: 'c' }] })).toBe('c')
    expect(nextPage({ links: [{ rel: 'Next', href: 'd' }, { href: 'e' }] })).toBeUndefined()
  })
})

describe('checkPageSequence', () => {
  it('accepts pages whose ticks keep increasing per endpoint', () => {
    const pages = [page([at(APP1, 1), at(APP2, 7)], 'p2'), page([at(APP1, 2), at(APP2, 8)], 'p3'), page([at(APP1, 5)])]
    expect(checkPageSequence(pages)).toStrictEqual([])
  })

  it('reports a tick that goes back across pages, at its page and entry', () => {
    const pages = [page([at(APP1, 4), at(APP2, 7)], 'p2'), page([at(APP2, 8), at(APP1, 3)])]
    expect(checkPageSequence(pages)).toStrictEqual([
      rule(
        'error',
        '/page[2]/feed/entry[2]/sync:syncState/tick',
        `tick 3 of ${JSON.stringify(APP1)} does not increase (4 at /page[1]/feed/entry[1]/sync:syncState)`,
      ),
    ])
  })

  it('reports an (endpoint, tick) pair repeated on a later page', () => {
    const pages = [page([at(APP1, 4)], 'p2'), page([at(APP1, 4)])]
    expect(checkPageSequence(pages).map((i) => i.path)).toStrictEqual(['/page[2]/feed/entry[1]/sync:syncState/tick'])
  })

  it('leaves problems inside one page to validateSyncFeed', () => {
    const pages = [page([at(APP1, 4), at(APP1, 2)], 'p2'), page([at(APP1, 5)])]
    expect(checkPageSequence(pages)).toStrictEqual([])
  })

  it('a page followed by more pages needs a next link, and a next link must not loop', () => {
    const pages = [page([at(APP1, 1)]), page([at(APP1, 2)], 'p3'), page([at(APP1, 3)], 'p3'), page([at(APP1, 4)])]
    expect(checkPageSequence(pages).map((i) => `${i.severity} ${i.path}: ${i.message}`)).toStrictEqual([
      'error /page[1]/feed/link: page 1 has no next link, yet more pages follow',
      "error /page[3]/feed/link: the next link repeats page 2's; following it would loop",
    ])
  })

  it('warns when syncMode changes, startIndex does not follow on, or a page before the last is short', () => {
    const pages = [
      page([at(APP1, 1)], 'p2', { opensearch: { startIndex: 1, itemsPerPage: 2 } }),
      page([at(APP1, 2)], undefined, { syncMode: 'immediate', opensearch: { startIndex: 4, itemsPerPage: 2 } }),
    ]
    expect(checkPageSequence(pages).map((i) => `${i.severity} ${i.path}`)).toStrictEqual([
      'warning /page[2]/feed/sync:syncMode',
      'warning /page[1]/feed/opensearch:itemsPerPage',
      'warning /page[2]/feed/opensearch:startIndex',
    ])
  })

  it('law: splitting a feed with increasing ticks into pages gives no tick errors; swapping pages does', () => {
    const arb = fc
      .tuple(fc.array(fc.constantFrom(APP1, APP2), { minLength: 2, maxLength: 12 }), fc.integer({ min: 1, max: 11 }))
      .map(([endpoints, cut]) => {
        const next = new Map<string, number>()
        const states = endpoints.map((e) => {
          const tick = (next.get(e) ?? 0) + 1
          next.set(e, tick)
          return at(e, tick)
        })
        const k = Math.min(cut, states.length - 1)
        return [states.slice(0, k), states.slice(k)] as const
      })
    fc.assert(
      fc.property(arb, ([first, second]) => {
        expect(checkPageSequence([page(first, 'p2'), page(second)])).toStrictEqual([])
        const sharesEndpoint = first.some((a) => second.some((b) => a.endpoint === b.endpoint))
        const swapped = checkPageSequence([page(second, 'p2'), page(first)])
        expect(swapped.some((i) => i.severity === 'error')).toBe(sharesEndpoint)
      }),
      { numRuns: numRuns(200) },
    )
  })
})

describe('checkPageSequence messages', () => {
  it('a changed syncMode, a short page before the last and a startIndex that does not follow on', () => {
    const pages = [
      page([at(APP1, 1)], 'p2', { opensearch: { startIndex: 1, itemsPerPage: 2 } }),
      page([at(APP1, 2)], undefined, { syncMode: 'immediate', opensearch: { startIndex: 4, itemsPerPage: 2 } }),
    ]
    expect(checkPageSequence(pages)).toStrictEqual([
      rule('warning', '/page[2]/feed/sync:syncMode', "syncMode immediate differs from page 1's catchUp"),
      rule(
        'warning',
        '/page[1]/feed/opensearch:itemsPerPage',
        'page 1 holds 1 entries, fewer than itemsPerPage 2, but is not the last page',
      ),
      rule(
        'warning',
        '/page[2]/feed/opensearch:startIndex',
        'startIndex 4 does not follow page 1 (startIndex 1 + 1 entries)',
      ),
    ])
  })

  it('full pages whose startIndex follows on are fine; the last page may be short', () => {
    const os = (startIndex: number) => ({ opensearch: { startIndex, itemsPerPage: 2 } })
    const pages = [
      page([at(APP1, 1), at(APP1, 2)], 'p2', os(1)),
      page([at(APP1, 3), at(APP1, 4)], 'p3', os(3)),
      page([at(APP1, 5)], undefined, os(5)),
    ]
    expect(checkPageSequence(pages)).toStrictEqual([])
  })

  it('a startIndex is only compared when both pages give one', () => {
    const pages = [page([at(APP1, 1)], 'p2', { opensearch: { startIndex: 1 } }), page([at(APP1, 2)], undefined, {})]
    expect(checkPageSequence(pages)).toStrictEqual([])
    const noStart = [
      page([at(APP1, 1)], 'p2', { opensearch: {} }),
      page([], undefined, { opensearch: { startIndex: 9 } }),
    ]
    expect(checkPageSequence(noStart)).toStrictEqual([])
  })

  it('a repeated (endpoint, tick) pair names its first page', () => {
    const pages = [page([at(APP2, 1), at(APP1, 4)], 'p2'), page([at(APP1, 4)])]
    expect(checkPageSequence(pages)).toStrictEqual([
      rule(
        'error',
        '/page[2]/feed/entry[1]/sync:syncState/tick',
        `duplicate (endpoint, tick) pair (${JSON.stringify(APP1)}, 4), first at /page[1]/feed/entry[2]/sync:syncState`,
      ),
    ])
  })

  it('entries that are not an array, or without a state, are skipped', () => {
    const noArray = { ...page([], 'p2'), entries: 'x' as never }
    const noState: SyncFeed = { ...page([]), entries: [null as never, { links: [], diagnoses: [], extensions: [] }] }
    expect(checkPageSequence([noArray, noState])).toStrictEqual([])
  })

  it('pages that cannot be inspected give one error', () => {
    const issues = checkPageSequence(null as never)
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ severity: 'error', path: '/' })
    expect(issues[0]!.message.startsWith('the pages could not be inspected: ')).toBe(true)
    const boom = new Proxy([], {
      get(target, key) {
        if (key === 'forEach') throw 'no'
        return Reflect.get(target, key)
      },
    })
    expect(checkPageSequence(boom)).toStrictEqual([rule('error', '/', 'the pages could not be inspected: no')])
  })

  it('nextPage skips links that are not objects, and a next link with no href', () => {
    expect(nextPage({ links: [null as never, { rel: 'next' } as Link, { rel: 'next', href: 'h' }] })).toBe('h')
    expect(nextPage({ links: 'x' as never })).toBeUndefined()
    expect(nextPage(undefined as never)).toBeUndefined()
  })
})
