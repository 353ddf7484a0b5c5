// A kept subtree (a payload's resource, an entry's unknown child) is made self-contained: declarations are added on
// its root for the prefixes it uses but binds outside itself, where the binding differs from what an encoded SData
// document declares on its root. The readers of a feed's entries know the bindings the parser had in scope around each
// tree they are given and skip the walk of the subtree when those all agree; the tree way (a caller's tree) always
// walks. Checked here: both give the same value, in memory, streamed and with payloads on access, whatever the
// feed, the entry, `sdata:payload` and the resource declare, and whatever prefixes the resource's elements use.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  rebuildSyncFeed,
  reportErrors,
  type SyncFeed,
  SyncFeedXml,
  streamSyncFeed,
  syncFeedElement,
  syncFeedXml,
} from '../../src/sdata/index'
import { parseXml, type XmlElement } from '../../src/xml/index'
import { numRuns } from '../support/runtime'
import { collect } from '../support/stream'

const ATOM = 'http://www.w3.org/2005/Atom'
const SDATA = 'http://schemas.sage.com/sdata/2008/1'
const SYNC = 'http://schemas.sage.com/sdata/sync/2008/1'
const XSI = 'http://www.w3.org/2001/XMLSchema-instance'
const XML = 'http://www.w3.org/XML/1998/namespace'
const OnAccess = syncFeedXml(undefined, { payloads: 'on-access' })

/** The feed decoded the tree way (parseXml's whole tree, then the feed's element codec): a caller's tree, walked. */
function treeWay(text: string): { value: SyncFeed } | { issues: unknown } {
  const parsed = parseXml(text)
  if (parsed._tag === 'Left') return { issues: parsed.left.map((i) => i.message) }
  const r = syncFeedElement().decode(parsed.right.root)
  return r._tag === 'Right' ? { value: r.right } : { issues: reportErrors(r.left).map((i) => i.message) }
}

/** Every payload element read all the way down (a payload built on first access is built). */
function touched(feed: SyncFeed): SyncFeed {
  const stack: XmlElement[] = feed.entries.flatMap((e) => (e.payload === undefined ? [] : [e.payload.element]))
  while (stack.length > 0) for (const c of stack.pop()!.children) if (c.type === 'element') stack.push(c)
  return feed
}

async function expectSameAsTreeWay(text: string): Promise<void> {
  const expected = treeWay(text)
  const r = SyncFeedXml.decode(text)
  if (r._tag === 'Left') {
    expect({ issues: reportErrors(r.left).map((i) => i.message) }).toStrictEqual(expected)
    return
  }
  expect({ value: r.right }).toStrictEqual(expected)
  expect(rebuildSyncFeed(await collect(streamSyncFeed([text])))).toStrictEqual(r.right)
  const lazy = OnAccess.decode(text)
  expect(lazy._tag === 'Right' ? { value: touched(lazy.right) } : lazy).toStrictEqual(expected)
}

// Declarations to put on the feed, the entry, `sdata:payload`, the resource and the resource's elements: the ones an
// encoded document has, the same prefixes bound elsewhere, the default namespace moved or undeclared, extra prefixes.
const DECLARATIONS = [
  `xmlns:sdata="${SDATA}"`,
  `xmlns:sdata="urn:not-sdata"`,
  `xmlns:sync="${SYNC}"`,
  'xmlns:sync="urn:not-sync"',
  `xmlns:xsi="${XSI}"`,
  'xmlns:q="urn:q"',
  'xmlns:q="urn:q2"',
  'xmlns="urn:r"',
  'xmlns=""',
  `xmlns="${ATOM}"`,
  `xmlns:xml="${XML}"`,
]
const arbDeclarations = fc.uniqueArray(fc.constantFrom(...DECLARATIONS), {
  maxLength: 3,
  // One declaration of a prefix per element.
  selector: (d) => d.slice(0, d.indexOf('=')),
})
const attributes = (ds: readonly string[]) => ds.map((d) => ` ${d}`).join('')

// The names of the resource's elements and attributes: unprefixed, in the prefixes above, in the xml namespace.
const arbName = fc.constantFrom('a', 'q:b', 'sdata:c', 'sync:d', 'xsi:e', 'xml:f')
const arbAttribute = fc.constantFrom('', ' q:x="1"', ' xml:lang="en"', ' sdata:uuid="u"', ' xsi:type="t"', ' y="2"')

/** A resource body: elements of those names, with those attributes and declarations, nested a few deep. */
const { body: arbBody } = fc.letrec<{ body: string }>((tie) => ({
  body: fc
    .array(
      fc.tuple(arbName, arbAttribute, arbDeclarations, fc.oneof(fc.constant('v'), tie('body') as fc.Arbitrary<string>)),
      { maxLength: 3 },
    )
    .map((children) =>
      children
        .map(([name, attribute, ds, inner]) => `<${name}${attribute}${attributes(ds)}>${inner}</${name}>`)
        .join(''),
    ),
}))

describe('kept subtrees made self-contained without a walk when the bindings around them agree', () => {
  // The feed binds each prefix as an encoded document does (mostly, so that the walk is often skipped), elsewhere, or
  // not at all.
  const arbFeedBindings = fc.record({
    sdata: fc.constantFrom(SDATA, SDATA, 'urn:not-sdata', undefined),
    sync: fc.constantFrom(SYNC, SYNC, 'urn:not-sync', undefined),
    xsi: fc.constantFrom(XSI, undefined),
    q: fc.constantFrom(undefined, undefined, 'urn:q'),
    xml: fc.constantFrom(undefined, undefined, XML),
    // With Atom under a prefix of its own, the default namespace is free.
    default: fc.constantFrom(undefined, 'urn:d', ''),
  })

  it('gives the tree way’s value for arbitrary declarations and prefixes, in memory, streamed and on access', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          feed: arbFeedBindings,
          atomPrefixed: fc.constantFrom(false, false, true),
          entry: fc.constantFrom([], ['xmlns:q="urn:q"'], [`xmlns:sdata="${SDATA}"`]),
          payload: arbDeclarations,
          resource: arbDeclarations,
          body: arbBody,
          kept: fc.boolean(),
        }),
        async ({ feed, atomPrefixed, entry, payload, resource, body, kept }) => {
          // The feed and entry in Atom (prefixed or the default namespace), `sdata:payload` under `sdata` where the
          // feed binds it so, else under a prefix `s` of its own (which no encoded document binds: no walk skipped).
          const a = atomPrefixed ? 'a:' : ''
          const s = feed.sdata === SDATA ? 'sdata' : 's'
          const { default: moved, ...prefixes } = feed
          const bindings = [
            atomPrefixed ? `xmlns:a="${ATOM}"` : `xmlns="${ATOM}"`,
            ...(s === 's' ? [`xmlns:s="${SDATA}"`] : []),
            ...Object.entries(prefixes).flatMap(([p, uri]) => (uri === undefined ? [] : [`xmlns:${p}="${uri}"`])),
            ...(atomPrefixed && moved !== undefined ? [`xmlns="${moved}"`] : []),
          ]
          const resourceElement = `<r${attributes(resource)}>${body}</r>`
          // Or the same element as an unknown child of the entry, kept whole as an extension.
          const child = kept ? resourceElement : `<${s}:payload${attributes(payload)}>${resourceElement}</${s}:payload>`
          const text =
            `<${a}feed${attributes(bindings)}><${a}entry${attributes(entry)}><${a}id>i</${a}id>${child}</${a}entry>` +
            `<${a}entry><${a}id>j</${a}id>${child}</${a}entry></${a}feed>`
          await expectSameAsTreeWay(text)
        },
      ),
      { numRuns: numRuns(300) },
    )
  })

  it('declares what the walk declares: bindings of the feed or of sdata:payload, nothing for xml', async () => {
    const text = (feedDeclarations: string, payload: string) =>
      `<feed xmlns="${ATOM}" xmlns:sdata="${SDATA}"${feedDeclarations}><entry><id>i</id>${payload}</entry></feed>`
    const resource = (feed: SyncFeed) => feed.entries[0]!.payload!.element
    // The declarations on the payload's resource, the fast way and the tree way (a caller's tree, always walked).
    const declarations = async (t: string, of = resource) => {
      const r = SyncFeedXml.decode(t)
      if (r._tag === 'Left') throw new Error(JSON.stringify(reportErrors(r.left)))
      await expectSameAsTreeWay(t)
      return of(r.right).attributes.map((d) => `${d.prefix ?? ''}:${d.localName}=${d.value}`)
    }
    const payload = (r: string, attributes = '') => `<sdata:payload${attributes}>${r}</sdata:payload>`
    // Bindings around that agree with an encoded document's: nothing added.
    expect(
      await declarations(text(` xmlns:xsi="${XSI}"`, payload('<r xmlns="urn:r"><x sdata:uuid="u"/></r>'))),
    ).toEqual([':xmlns=urn:r'])
    // An unprefixed resource in Atom, the feed's default namespace: nothing added.
    expect(await declarations(text('', payload('<r><x/></r>')))).toEqual([])
    // A prefix bound on the feed only, used in the payload: declared on the resource.
    expect(await declarations(text(' xmlns:q="urn:q"', payload('<r xmlns="urn:r"><q:x/></r>')))).toEqual([
      ':xmlns=urn:r',
      'xmlns:q=urn:q',
    ])
    // `sync` bound elsewhere on the feed.
    expect(
      await declarations(text(' xmlns:sync="urn:other"', payload('<r xmlns="urn:r"><x sync:y="1"/></r>'))),
    ).toEqual([':xmlns=urn:r', 'xmlns:sync=urn:other'])
    // Bound on sdata:payload, around the resource (the bindings around the entry agree): declared on the resource.
    expect(await declarations(text('', payload('<r><x/></r>', ' xmlns="urn:p"')))).toEqual([':xmlns=urn:p'])
    expect(await declarations(text('', payload('<r xmlns="urn:r"><q:x/></r>', ' xmlns:q="urn:q"')))).toEqual([
      ':xmlns=urn:r',
      'xmlns:q=urn:q',
    ])
    // Names in the xml namespace need no declaration, as xml: attributes do not, declarations below or not.
    expect(await declarations(text('', payload('<r xmlns="urn:r"><xml:x xml:lang="en"/></r>')))).toEqual([
      ':xmlns=urn:r',
    ])
    expect(await declarations(text('', payload('<r xmlns="urn:r"><a xmlns:q="urn:q"><xml:x/></a></r>')))).toEqual([
      ':xmlns=urn:r',
    ])
    // A digest's entry keeps an unknown child deeper in the tree: the bindings of the digest count.
    const digest =
      `<sync:digest xmlns:sync="${SYNC}" xmlns:q="urn:q"><sync:origin>http://e/</sync:origin><sync:digestEntry>` +
      '<sync:endpoint>http://e/</sync:endpoint><sync:tick>1</sync:tick><sync:stamp>2008-10-30T14:55:43Z</sync:stamp>' +
      '<q:x/></sync:digestEntry></sync:digest>'
    const kept = (feed: SyncFeed) => feed.entries[0]!.digest!.entries[0]!.extensions![0]!
    expect(await declarations(text('', payload(digest)), kept)).toEqual(['xmlns:q=urn:q'])
  })
})
