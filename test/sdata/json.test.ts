import fc from 'fast-check'
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import type { ElementJsonObject, Stamp, SyncEntry, SyncFeed } from '../../src/sdata/index'
import {
  DiagnosesJson,
  DiagnosisJson,
  DigestJson,
  reportJsonErrors,
  SyncEntryJson,
  SyncFeedJson,
  SyncStateJson,
  syncFeedJson,
  TrackingJson,
  XmlElementJson,
} from '../../src/sdata/index'
import {
  arbDiagnosesDocument,
  arbDiagnosis,
  arbDigest,
  arbLink,
  arbPayloadResource,
  arbSyncEntry,
  arbSyncFeed,
  arbSyncState,
  arbTracking,
} from '../../src/testing/arbitraries/index'
import type { Issue, IssueCode, XmlElement } from '../../src/xml/index'
import { fixture } from '../support/fixtures'
import { jsonIssue } from '../support/issues'
import { numRuns } from '../support/runtime'

const MY_APP1 = 'http://www.example.com/sdata/myApp1/myContract/-/accounts'
const MY_APP2 = 'http://www.example.com/sdata/myApp2/myContract/-/accounts'

function issuesOf<A>(result: E.Either<t.Errors, A>): Issue[] {
  if (E.isRight(result)) throw new Error('expected a decode failure')
  return reportJsonErrors(result.left)
}

function viaText(json: unknown): unknown {
  return JSON.parse(JSON.stringify(json))
}

describe('SyncFeedJson on the corpus (DotNetSDataClient sync-feed JSON mapping)', () => {
  const text = fixture('sdata/DotNetSDataClient_sync-feed_json-mapping.json')

  it('decodes $syncMode, $digest and its entries with the spec numbers', () => {
    const result = SyncFeedJson.decode(JSON.parse(text))
    expect(E.isRight(result)).toBe(true)
    const feed = (result as E.Right<SyncFeed>).right
    expect(feed.syncMode).toBe('catchUp')
    expect(feed.digest?.origin).toBe(MY_APP1)
    expect(feed.digest?.entries).toStrictEqual([
      { endpoint: MY_APP1, tick: 6, stamp: '2008-10-30T17:23:08Z', conflictPriority: 2 },
      { endpoint: MY_APP2, tick: 10, stamp: '2008-10-30T12:16:51Z', conflictPriority: 1 },
    ])
    expect(feed.entries).toStrictEqual([])
    expect(feed.links).toStrictEqual([])
  })

  it('encodes the decoded value back to the same JSON object', () => {
    const json = JSON.parse(text)
    const result = SyncFeedJson.decode(json)
    expect(E.isRight(result) && SyncFeedJson.encode(result.right)).toStrictEqual(json)
  })
})

// fast-check records may have a null prototype, so the laws compare with toEqual (values, not prototypes).
describe('JSON mapping laws', () => {
  it('decode ∘ encode = id for feeds (through JSON text)', () => {
    fc.assert(
      fc.property(arbSyncFeed({ maxEntries: 3 }), (feed) => {
        expect(SyncFeedJson.decode(viaText(SyncFeedJson.encode(feed)))).toEqual(E.right(feed))
      }),
      { numRuns: numRuns(150) },
    )
  })

  it('decode ∘ encode = id for entries, digests, syncStates and diagnoses', () => {
    fc.assert(
      fc.property(arbSyncEntry(), arbDigest(), arbSyncState(), arbDiagnosis(), (entry, digest, state, diagnosis) => {
        expect(SyncEntryJson.decode(viaText(SyncEntryJson.encode(entry)))).toEqual(E.right(entry))
        expect(DigestJson.decode(viaText(DigestJson.encode(digest)))).toEqual(E.right(digest))
        expect(SyncStateJson.decode(viaText(SyncStateJson.encode(state)))).toEqual(E.right(state))
        expect(DiagnosisJson.decode(viaText(DiagnosisJson.encode(diagnosis)))).toEqual(E.right(diagnosis))
      }),
      { numRuns: numRuns(150) },
    )
  })

  it('decode ∘ encode = id for links that hold members the mapping does not model (and nulls), in feeds and entries', () => {
    const modelled = ['rel', 'type', 'title', 'href']
    const others = fc.dictionary(
      fc.string({ maxLength: 6 }).filter((k) => !modelled.includes(k)),
      // As JSON text carries a value: `JSON.stringify` writes -0 as 0, so a generated -0 could not come back from
      // the text this property goes through (a counterexample once: `{"": [-0]}`).
      fc.jsonValue({ maxDepth: 2 }).map(viaText),
      { maxKeys: 3 },
    )
    const link = fc.tuple(arbLink(), others, fc.subarray(['rel', 'type', 'title'])).map(([l, members, nulls]) => {
      const jsonMembers: Record<string, unknown> = { ...members }
      for (const k of nulls) if (l[k as keyof typeof l] === undefined) jsonMembers[k] = null
      return Object.keys(jsonMembers).length > 0 ? { ...l, jsonMembers } : l
    })
    const links = fc.array(link, { maxLength: 3 })
    fc.assert(
      fc.property(arbSyncFeed({ maxEntries: 0 }), arbSyncEntry(), links, links, (feed, entry, l1, l2) => {
        const f = { ...feed, links: l1 } as SyncFeed
        const e = { ...entry, links: l2 } as SyncEntry
        expect(SyncFeedJson.decode(viaText(SyncFeedJson.encode(f)))).toEqual(E.right(f))
        expect(SyncEntryJson.decode(viaText(SyncEntryJson.encode(e)))).toEqual(E.right(e))
      }),
      { numRuns: numRuns(100) },
    )
  })

  it('decode ∘ encode = id for diagnoses documents and tracking bodies', () => {
    fc.assert(
      fc.property(arbDiagnosesDocument(), arbTracking(), (diagnoses, tracking) => {
        expect(DiagnosesJson.decode(viaText(DiagnosesJson.encode(diagnoses)))).toEqual(E.right(diagnoses))
        expect(TrackingJson.decode(viaText(TrackingJson.encode(tracking)))).toEqual(E.right(tracking))
      }),
      { numRuns: numRuns(150) },
    )
  })

  it('decode ∘ encode = id for payload element trees, any text included (lone surrogates, controls)', () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 8 })
    const element = arbPayloadResource().chain((p) =>
      anyText.map((text) => ({
        ...p.element,
        children: [...p.element.children, { type: 'text' as const, value: text }],
      })),
    )
    fc.assert(
      fc.property(element, (el) => {
        expect(XmlElementJson.decode(viaText(XmlElementJson.encode(el)))).toEqual(E.right(el))
      }),
      { numRuns: numRuns(150) },
    )
  })

  it('decoding never throws, whatever the JSON', () => {
    const feedish = fc.oneof(
      fc.jsonValue(),
      arbSyncFeed({ maxEntries: 2 }).map((f) => SyncFeedJson.encode(f) as unknown),
      fc.dictionary(
        fc.constantFrom('$resources', '$digest', '$syncMode', '$links', '$diagnoses', '$extensions', '$next'),
        fc.jsonValue(),
      ),
    )
    fc.assert(
      fc.property(feedish, (json) => {
        const result = SyncFeedJson.decode(json)
        if (E.isLeft(result)) expect(reportJsonErrors(result.left).length).toBeGreaterThan(0)
      }),
    )
  })
})

describe('kept parts beyond the modelled fields', () => {
  const foreign: XmlElement = {
    type: 'element',
    namespace: 'urn:x-foreign',
    localName: 'note',
    prefix: 'f',
    attributes: [],
    children: [{ type: 'text', value: 'kept' }],
  }
  const lang = { namespace: 'http://www.w3.org/XML/1998/namespace', localName: 'lang', prefix: 'xml', value: 'en' }
  const stamp = '2008-10-30T17:23:08Z' as Stamp

  it('carries extensions of digests, digest entries and syncStates, and attributes of entries and feeds', () => {
    const feed = {
      links: [],
      diagnoses: [],
      extensions: [],
      attributes: [lang],
      digest: {
        entries: [{ endpoint: MY_APP1, tick: 1, stamp, conflictPriority: 1, extensions: [foreign] }],
        extensions: [foreign],
      },
      entries: [
        {
          links: [],
          diagnoses: [],
          extensions: [],
          attributes: [lang],
          syncState: { endpoint: MY_APP1, tick: 0, stamp, extensions: [foreign] },
        },
      ],
    } as SyncFeed
    const json = SyncFeedJson.encode(feed)
    expect(json.$attributes).toStrictEqual([
      { name: 'lang', namespace: 'http://www.w3.org/XML/1998/namespace', prefix: 'xml', value: 'en' },
    ])
    expect(json.$digest?.$extensions).toStrictEqual([
      { name: 'note', namespace: 'urn:x-foreign', prefix: 'f', children: ['kept'] },
    ])
    expect(SyncFeedJson.decode(viaText(json))).toStrictEqual(E.right(feed))
  })
})

describe('totality', () => {
  it('every JSON codec answers Left or Right on any value, never throws', () => {
    const codecs = [
      SyncFeedJson,
      SyncEntryJson,
      DigestJson,
      SyncStateJson,
      DiagnosisJson,
      DiagnosesJson,
      TrackingJson,
      XmlElementJson,
    ]
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withBigInt: true, withDate: true }),
        (u) => {
          for (const codec of codecs) expect(['Left', 'Right']).toContain(codec.decode(u)._tag)
        },
      ),
    )
  })
})

describe('JSON decoding errors name their JSON path', () => {
  const state = { endpoint: MY_APP1, tick: 5, stamp: '2008-10-30T14:55:43.281Z' }

  it.each([
    [
      'a negative tick',
      { $resources: [{ $syncState: { ...state, tick: -1 } }] },
      '/$resources/0/$syncState/tick',
      'tick must be a non-negative safe integer',
      'bad-value',
    ],
    [
      'a tick past 2^53',
      { $resources: [{ $syncState: { ...state, tick: 2 ** 53 } }] },
      '/$resources/0/$syncState/tick',
      'tick must be a non-negative safe integer',
      'bad-value',
    ],
    [
      'a string tick',
      { $digest: { digestEntry: [{ ...state, tick: '6', conflictPriority: 1 }] }, $resources: [] },
      '/$digest/digestEntry/0/tick',
      'tick must be a non-negative safe integer',
      'bad-value',
    ],
    [
      'syncMode later',
      { $syncMode: 'later', $resources: [] },
      '/$syncMode',
      '$syncMode "later" is neither catchUp nor immediate',
      'bad-value',
    ],
    [
      'a digestEntry with no endpoint',
      { $digest: { digestEntry: [{ tick: 1, stamp: state.stamp }] }, $resources: [] },
      '/$digest/digestEntry/0/endpoint',
      'endpoint is missing',
      'missing',
    ],
    [
      'a bad stamp',
      { $resources: [{ $syncState: { ...state, stamp: '2008-13-30T00:00:00Z' } }] },
      '/$resources/0/$syncState/stamp',
      'stamp "2008-13-30T00:00:00Z" is not an xs:dateTime: month 13 is out of range',
      'bad-value',
    ],
    [
      'no $resources',
      { $syncMode: 'catchUp' },
      '/$resources',
      '$resources is missing (SData 2.0 requires it)',
      'missing',
    ],
    [
      'a $forms spelling that is not one',
      { $resources: [{ $uuid: '74926A0D-D2C0-4daa-9986-47C833691569', $forms: { url: 'url' } }] },
      '/$resources/0/$forms/url',
      '$forms.url must be "uri"',
      'bad-value',
    ],
    [
      'a native property that is not JSON',
      { $resources: [{ $uuid: '74926A0D-D2C0-4daa-9986-47C833691569', Title: () => 'T' }] },
      '/$resources/0/Title',
      'expected a JSON value, found function',
      'unexpected',
    ],
    [
      'an element child that is a number',
      { $resources: [{ $resource: { name: 'a', children: [1] } }] },
      '/$resources/0/$resource/children/0',
      'an element must be a JSON object',
      'unexpected',
    ],
    [
      'a link with no href',
      { $links: [{ rel: 'next' }], $resources: [] },
      '/$links/0/href',
      'href is missing',
      'missing',
    ],
  ])('%s', (_, json, path, message, code) => {
    expect(issuesOf(SyncFeedJson.decode(json))).toStrictEqual([jsonIssue(code as IssueCode, path, message)])
  })

  it('reports every problem of a document, not only the first', () => {
    const json = { $syncMode: 'x', $resources: [{ $syncState: { tick: -1 } }] }
    expect(issuesOf(SyncFeedJson.decode(json)).map((i) => i.path)).toStrictEqual([
      '/$syncMode',
      '/$resources/0/$syncState/endpoint',
      '/$resources/0/$syncState/tick',
      '/$resources/0/$syncState/stamp',
    ])
  })

  it('refuses an element tree deeper than the limit, and a cyclic one, without throwing', () => {
    let deep: Record<string, unknown> = { name: 'leaf' }
    for (let i = 0; i < 1100; i++) deep = { name: 'n', children: [deep] }
    expect(E.isLeft(XmlElementJson.decode(deep))).toBe(true)
    const cyclic: Record<string, unknown> = { name: 'c' }
    cyclic.children = [cyclic]
    expect(E.isLeft(XmlElementJson.decode(cyclic))).toBe(true)
  })

  it('turns a throwing getter into an internal issue, not a throw', () => {
    const hostile = Object.defineProperty({}, '$resources', {
      enumerable: true,
      get() {
        throw new Error('boom')
      },
    })
    expect(issuesOf(SyncFeedJson.decode(hostile))).toStrictEqual([
      jsonIssue('internal', '', 'could not decode the document: boom'),
    ])
  })
})

describe('lenient JSON forms of the .NET client', () => {
  it('reads /Date(ms)/ stamps as lexical xs:dateTime', () => {
    expect(SyncStateJson.decode({ endpoint: MY_APP1, tick: 1, stamp: '/Date(1371283200000)/' })).toStrictEqual(
      E.right({ endpoint: MY_APP1, tick: 1, stamp: '2013-06-15T08:00:00Z' }),
    )
    expect(SyncStateJson.decode({ endpoint: MY_APP1, stamp: '/Date(1371283200000+0200)/' })).toStrictEqual(
      E.right({ endpoint: MY_APP1, tick: 0, stamp: '2013-06-15T10:00:00+02:00' }),
    )
  })

  it('reads $next-style link members after $links', () => {
    const result = SyncFeedJson.decode({ $links: [{ rel: 'self', href: 'a' }], $next: 'b', $resources: [] })
    expect(E.isRight(result) && result.right.links).toStrictEqual([
      { rel: 'self', href: 'a' },
      { rel: 'next', href: 'b' },
    ])
  })

  it('reads diagnoses with plain member names and a single $diagnosis object', () => {
    const result = SyncEntryJson.decode({
      $diagnosis: { severity: 'error', sdataCode: 'BadUrlSyntax', applicationCode: null },
    })
    expect(E.isRight(result) && result.right.diagnoses).toStrictEqual([
      { severity: 'error', sdataCode: 'BadUrlSyntax', applicationCode: null, extensions: [] },
    ])
  })

  it('refuses $diagnosis beside $diagnoses, in an entry and in a diagnoses document, rather than drop one', () => {
    const one = { severity: 'error', sdataCode: 'BadUrlSyntax', applicationCode: null }
    const decoders: Array<(u: unknown) => E.Either<t.Errors, unknown>> = [SyncEntryJson.decode, DiagnosesJson.decode]
    for (const decode of decoders) {
      const result = decode({ $diagnoses: [one], $diagnosis: one })
      if (E.isRight(result)) throw new Error('both kept? one was dropped')
      expect(reportJsonErrors(result.left).map((issue) => [issue.path, issue.message])).toEqual([
        ['/$diagnosis', '$diagnosis beside $diagnoses: give one of them'],
      ])
      expect(E.isRight(decode({ $diagnoses: [one] }))).toBe(true)
    }
  })

  it('reads a missing tick or conflictPriority as 0, as the XML codec does for SIF', () => {
    const stamp = '2008-10-30T17:23:08Z'
    expect(DigestJson.decode({ digestEntry: [{ endpoint: MY_APP1, stamp }] })).toStrictEqual(
      E.right({ entries: [{ endpoint: MY_APP1, tick: 0, stamp, conflictPriority: 0 }] }),
    )
  })
})

describe('the JSON form', () => {
  const entry: SyncEntry = {
    id: '',
    title: '',
    links: [],
    syncState: { endpoint: MY_APP1, tick: 5, stamp: '2008-10-30T14:55:43.281Z' as Stamp },
    payload: {
      uuid: '74926A0D-D2C0-4daa-9986-47C833691569',
      isDeleted: false,
      element: {
        type: 'element',
        namespace: 'http://schemas.sage.com/myContract',
        localName: 'account',
        prefix: null,
        attributes: [],
        children: [
          {
            type: 'element',
            namespace: 'http://schemas.sage.com/myContract',
            localName: 'name',
            prefix: null,
            attributes: [],
            children: [{ type: 'text', value: 'Natural Goods Ltd.' }],
          },
        ],
      },
    },
    diagnoses: [],
    extensions: [],
  }

  it('puts the syncState in $syncState, the lifted attributes beside it and the resource in $resource', () => {
    expect(SyncEntryJson.encode(entry)).toStrictEqual({
      $id: '',
      $title: '',
      $syncState: { endpoint: MY_APP1, tick: 5, stamp: '2008-10-30T14:55:43.281Z' },
      $uuid: '74926A0D-D2C0-4daa-9986-47C833691569',
      $resource: {
        name: 'account',
        namespace: 'http://schemas.sage.com/myContract',
        children: [{ name: 'name', namespace: 'http://schemas.sage.com/myContract', children: ['Natural Goods Ltd.'] }],
      },
    })
  })

  it('writes $isDeleted only for deleted resources', () => {
    const deleted = { ...entry, payload: { ...entry.payload!, isDeleted: true } }
    expect(SyncEntryJson.encode(deleted).$isDeleted).toBe(true)
    expect('$isDeleted' in SyncEntryJson.encode(entry)).toBe(false)
  })
})

describe('typed payloads (syncFeedJson with a contract codec)', () => {
  const NS = 'http://schemas.sage.com/myContract'
  interface Account {
    name: string
  }
  const nameOf = (el: XmlElement): string | undefined => {
    const child = el.children.find((c) => c.type === 'element' && c.localName === 'name')
    if (child?.type !== 'element') return undefined
    return child.children.map((c) => (c.type === 'text' ? c.value : '')).join('')
  }
  const Account = new t.Type<Account, XmlElement, XmlElement>(
    'Account',
    (u): u is Account => typeof (u as Account)?.name === 'string',
    (el, c) => {
      const name = nameOf(el)
      return name === undefined ? t.failure(el, c, 'an account needs a name') : t.success({ name })
    },
    (a) => ({
      type: 'element',
      namespace: NS,
      localName: 'account',
      prefix: null,
      attributes: [],
      children: [
        {
          type: 'element',
          namespace: NS,
          localName: 'name',
          prefix: null,
          attributes: [],
          children: [{ type: 'text', value: a.name }],
        },
      ],
    }),
  )
  const AccountFeedJson = syncFeedJson(Account)
  const json = {
    $resources: [
      {
        $uuid: '74926a0d-d2c0-4daa-9986-47c833691569',
        $resource: {
          name: 'account',
          namespace: NS,
          children: [{ name: 'name', namespace: NS, children: ['Natural Goods Ltd.'] }],
        },
      },
    ],
  }

  it('decodes payload.value with the contract codec and encodes it back', () => {
    const result = AccountFeedJson.decode(json)
    expect(E.isRight(result) && result.right.entries[0]!.payload!.value).toStrictEqual({ name: 'Natural Goods Ltd.' })
    expect(E.isRight(result) && AccountFeedJson.encode(result.right)).toStrictEqual(json)
  })

  it('writes the typed value, not the kept element, when both are there', () => {
    const result = AccountFeedJson.decode(json)
    if (E.isLeft(result)) throw new Error('decode failed')
    result.right.entries[0]!.payload!.value = { name: 'Renamed' }
    const again = AccountFeedJson.decode(viaText(AccountFeedJson.encode(result.right)))
    expect(E.isRight(again) && again.right.entries[0]!.payload!.value).toStrictEqual({ name: 'Renamed' })
  })

  it('reports a payload the contract codec refuses at the $resource path', () => {
    const bad = { $resources: [{ $resource: { name: 'account', namespace: NS } }] }
    expect(issuesOf(AccountFeedJson.decode(bad))).toStrictEqual([
      jsonIssue('unexpected', '/$resources/0/$resource', 'an account needs a name'),
    ])
  })

  it('reports a contract codec that throws as one internal issue, not a throw', () => {
    const Throwing = new t.Type<Account, XmlElement, XmlElement>(
      'Throwing',
      Account.is,
      () => {
        throw new Error('codec bug')
      },
      Account.encode,
    )
    expect(issuesOf(syncFeedJson(Throwing).decode(json))).toStrictEqual([
      jsonIssue('internal', '', 'could not decode the document: codec bug'),
    ])
  })
})

describe('standalone documents', () => {
  it('reads the SData 2.0 diagnoses example', () => {
    const json = {
      $diagnoses: [
        {
          $severity: 'error',
          $sdataCode: 'BadWhereSyntax',
          $message: 'Invalid query syntax',
          $applicationCode: '2403',
        },
      ],
    }
    expect(DiagnosesJson.decode(json)).toStrictEqual(
      E.right({
        root: 'diagnoses',
        diagnoses: [
          {
            severity: 'error',
            sdataCode: 'BadWhereSyntax',
            message: 'Invalid query syntax',
            applicationCode: '2403',
            extensions: [],
          },
        ],
      }),
    )
  })

  it('reads the SData 2.0 tracking example, keeping $progress 12.0 as a decimal', () => {
    const json = JSON.parse(
      '{"$tracking":{"$phase":"Archiving FY 2007","$phaseDetail":"Compressing file archive.dat","$progress":12.0,"$elapsedSeconds":95,"$remainingSeconds":568,"$pollingMillis":500}}',
    )
    expect(TrackingJson.decode(json)).toStrictEqual(
      E.right({
        namespace: 'http://schemas.sage.com/sdata/2008/1',
        phase: 'Archiving FY 2007',
        phaseDetail: 'Compressing file archive.dat',
        progress: '12',
        elapsedSeconds: 95,
        remainingSeconds: 568,
        pollingMillis: 500,
        extensions: [],
      }),
    )
    expect(
      TrackingJson.encode({ namespace: 'http://schemas.sage.com/sdata/2008', progress: '12.0', extensions: [] }),
    ).toStrictEqual({
      $tracking: { $progress: '12.0', $namespace: 'http://schemas.sage.com/sdata/2008' },
    })
  })
})

describe('nothing is lost at depth', () => {
  /** A chain of `levels` elements, the deepest holding the text `LEAF`. */
  function chain(levels: number): XmlElement {
    let element: XmlElement = {
      type: 'element',
      namespace: null,
      localName: 'leaf',
      prefix: null,
      attributes: [],
      children: [{ type: 'text', value: 'LEAF' }],
    }
    for (let i = 1; i < levels; i++) {
      element = { type: 'element', namespace: null, localName: 'a', prefix: null, attributes: [], children: [element] }
    }
    return element
  }
  const deepest = (json: ElementJsonObject): { levels: number; text: unknown } => {
    let levels = 1
    let at = json
    while (typeof at.children?.[0] === 'object') {
      at = at.children[0]
      levels++
    }
    return { levels, text: at.children?.[0] }
  }

  it('XmlElementJson writes every level of a tree deeper than it reads back, which then fails with its path', () => {
    const json = XmlElementJson.encode(chain(1501))
    expect(deepest(json)).toStrictEqual({ levels: 1501, text: 'LEAF' })
    const issues = issuesOf(XmlElementJson.decode(json))
    expect(issues).toHaveLength(1)
    expect(issues[0]!.path).toBe('/children/0'.repeat(1001))
  })

  it('XmlElementJson writes a tree 10^5 deep without a stack overflow', () => {
    expect(deepest(XmlElementJson.encode(chain(100_000)))).toStrictEqual({ levels: 100_000, text: 'LEAF' })
  })

  it('decode ∘ encode = id for the deepest tree XmlElementJson reads', () => {
    const element = chain(1001)
    expect(XmlElementJson.decode(viaText(XmlElementJson.encode(element)))).toStrictEqual(E.right(element))
  })
})

describe('null members (SData JSON: any member may be null)', () => {
  const stamp = '2008-10-30T17:23:08Z'

  it('a null the mapping reads as the default of a member is written back as null, arrays included', () => {
    const digests = [
      { digestEntry: null },
      { origin: null, digestEntry: null },
      { digestEntry: [{ endpoint: MY_APP1, tick: null, stamp, conflictPriority: null }] },
    ]
    for (const json of digests) {
      const digest = DigestJson.decode(json)
      if (E.isLeft(digest)) throw new Error('refused')
      expect(DigestJson.encode(digest.right)).toStrictEqual(json)
    }
    const feed = { $resources: [], $digest: { digestEntry: null } }
    const decoded = SyncFeedJson.decode(feed)
    if (E.isLeft(decoded)) throw new Error('refused')
    expect(SyncFeedJson.encode(decoded.right).$digest).toStrictEqual(feed.$digest)
  })

  it('decode ∘ encode ∘ decode = decode for digests and syncStates with any member null', () => {
    const withNulls = <A>(arb: fc.Arbitrary<A>, encode: (a: A) => object, members: string[]) =>
      fc.tuple(arb, fc.subarray(members)).map(([value, nulls]) => {
        const json: Record<string, unknown> = { ...encode(value) }
        for (const k of nulls) json[k] = null
        return json
      })
    const digest = withNulls(arbDigest(), DigestJson.encode, ['origin', 'digestEntry'])
    const state = withNulls(arbSyncState(), SyncStateJson.encode, ['endpoint', 'tick', 'stamp', 'user'])
    const again = <A, O>(codec: t.Type<A, O, unknown>, json: unknown): void => {
      const once = codec.decode(json)
      if (E.isRight(once)) expect(codec.decode(viaText(codec.encode(once.right)))).toStrictEqual(once)
    }
    fc.assert(
      fc.property(digest, state, (d, s) => {
        again(DigestJson, d)
        again(SyncStateJson, s)
      }),
      { numRuns: numRuns(150) },
    )
  })
})
