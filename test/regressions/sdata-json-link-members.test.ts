import { describe, expect, it } from 'vitest'
import { reportJsonErrors, SyncEntryJson, SyncEntryXml, SyncFeedJson, SyncFeedXml } from '../../src/sdata/index'
import { decoded } from '../support/decode'
import { jsonIssue } from '../support/issues'

// SyncFeedJson.decode({ $resources: [], $links: [{ rel: 'self', href: '…', hreflang: 'en' }] }) was Right, and
// encoding the value gave the link without `hreflang`: a `$links` item kept only the members a Link models, while
// every other object of the mapping (a state, a digest entry, a diagnosis) keeps the others in `jsonMembers`. Found
// reading src/sdata/schema/attributes.ts whole for mutation testing. Fixed in the attribute element's JSON form
// (compileAttributeElementJson in src/sdata/schema/attributes.ts), so every attribute element keeps them: the object
// is split as the rest of the mapping splits objects (splitMembers), and the writer puts the kept members back.
// The Atom link is the only attribute element (src/sdata/leaves.ts); it sits in feeds, entries and a feed's entries.
const HREF = 'http://example.com/sdata/app/-/accounts'

describe('regression: the members of a JSON link the mapping does not model survive decode → encode', () => {
  it('keeps an unknown member and a null, on feeds and entries', () => {
    const links = [{ rel: null, href: HREF, hreflang: 'en', $extra: { a: [1, null] } }]
    const feed = decoded(SyncFeedJson, { $resources: [], $links: links })
    expect(feed.links).toStrictEqual([
      { href: HREF, jsonMembers: { rel: null, hreflang: 'en', $extra: { a: [1, null] } } },
    ])
    expect(SyncFeedJson.encode(feed)).toStrictEqual({
      $links: [{ href: HREF, rel: null, hreflang: 'en', $extra: { a: [1, null] } }],
      $resources: [],
    })
    const entry = decoded(SyncEntryJson, { $links: links })
    expect(SyncEntryJson.encode(entry)).toStrictEqual({
      $links: [{ href: HREF, rel: null, hreflang: 'en', $extra: { a: [1, null] } }],
    })
  })

  it('writes the modelled members to XML, as before', () => {
    const feed = decoded(SyncFeedJson, { $resources: [], $links: [{ rel: 'self', href: HREF, hreflang: 'en' }] })
    expect(SyncFeedXml.encode(feed)).toBe(
      `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><link rel="self" href="${HREF}"/></feed>`,
    )
  })

  it.each([[null], [[1]], ['x']])('a link that is not an object (%j) is still an error at its place', (link) => {
    const r = SyncFeedJson.decode({ $resources: [], $links: [link] })
    expect(r._tag === 'Left' && reportJsonErrors(r.left)).toStrictEqual([
      jsonIssue('unexpected', '/$links/0', 'a link must be a JSON object'),
    ])
  })

  it('a link with only modelled members has no jsonMembers', () => {
    const feed = decoded(SyncFeedJson, { $resources: [], $links: [{ rel: 'self', href: HREF }] })
    expect(feed.links).toStrictEqual([{ rel: 'self', href: HREF }])
  })

  it("keeps them on the links of a feed's entries too", () => {
    const links = [{ href: HREF, $extra: [true] }]
    const json = { $resources: [{ $links: links }] }
    const feed = decoded(SyncFeedJson, json)
    expect(feed.entries[0]?.links).toStrictEqual([{ href: HREF, jsonMembers: { $extra: [true] } }])
    expect(SyncFeedJson.encode(feed)).toStrictEqual(json)
  })

  it("writes the modelled members in the description's order, then the kept ones in the order they were read", () => {
    const link = { z: 1, href: HREF, a: 2, title: 'T', rel: 'self', m: 3 }
    const entry = decoded(SyncEntryJson, { $links: [link] })
    expect(Object.keys(SyncEntryJson.encode(entry).$links?.[0] ?? {})).toStrictEqual([
      'rel',
      'title',
      'href',
      'z',
      'a',
      'm',
    ])
  })

  it('leaves XML as it was: the XML form of a link read from JSON reads back as the link without its JSON members', () => {
    const entry = decoded(SyncEntryJson, { $links: [{ rel: 'edit', href: HREF, hreflang: 'en' }] })
    const back = decoded(SyncEntryXml, SyncEntryXml.encode(entry))
    expect(back.links).toStrictEqual([{ rel: 'edit', href: HREF }])
    expect(SyncEntryJson.encode(back).$links).toStrictEqual([{ rel: 'edit', href: HREF }])
  })
})
