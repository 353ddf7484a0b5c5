import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Digest, Stamp, SyncEntry, SyncFeed, SyncState } from '../../src/sdata/index'
import {
  type SDataIssue,
  validateDigest,
  validateSyncEntry,
  validateSyncFeed,
  validateTracking,
} from '../../src/sdata/index'
import { arbSyncFeed } from '../../src/testing/arbitraries/index'
import type { XmlElement } from '../../src/xml/index'
import { rule, stepsOf } from '../support/issues'
import { numRuns } from '../support/runtime'

const APP1 = 'http://www.example.com/sdata/myApp1/myContract/-/accounts'
const APP2 = 'http://www.example.com/sdata/myApp2/myContract/-/accounts'
const APP3 = 'http://www.example.com/sdata/sageApp3/test/-/accounts'
const CONTRACT = 'http://schemas.sage.com/myContract'

const stamp = (s: string) => s as Stamp

function account(name: string): XmlElement {
  return {
    type: 'element',
    namespace: CONTRACT,
    localName: 'account',
    prefix: null,
    attributes: [],
    children: [
      {
        type: 'element',
        namespace: CONTRACT,
        localName: 'name',
        prefix: null,
        attributes: [],
        children: [{ type: 'text', value: name }],
      },
    ],
  }
}

function entry(state: SyncState | undefined, uuid: string | undefined, name = 'x'): SyncEntry {
  const e: SyncEntry = {
    links: [],
    diagnoses: [],
    extensions: [],
    payload: { isDeleted: false, element: account(name) },
  }
  if (uuid !== undefined) e.payload!.uuid = uuid
  if (state !== undefined) e.syncState = state
  return e
}

const specDigest = (): Digest => ({
  origin: APP1,
  entries: [
    { endpoint: APP1, tick: 6, stamp: stamp('2008-10-30T17:23:08Z'), conflictPriority: 2 },
    { endpoint: APP2, tick: 10, stamp: stamp('2008-10-30T12:16:51Z'), conflictPriority: 1 },
    { endpoint: APP3, tick: 10, stamp: stamp('2008-10-30T16:47:03Z'), conflictPriority: 3 },
  ],
})

/** The value of the spec's §4.4 example feed (fixtures/sdata/spec-4.4_sync-feed_catchUp.xml). */
function specFeed(): SyncFeed {
  return {
    title: 'Account synchronization feed DD052E5C-BFAD-4ffa-8D54-D696E4959497',
    updated: stamp('2008-03-31T13:46:45Z'),
    links: [
      {
        rel: 'self',
        href: `${APP1}/$syncSource('DD052E5C')`,
        type: 'application/atom+xml; type=feed',
        title: 'Refresh',
      },
      { rel: 'next', href: `${APP1}/$syncSource('DD052E5C')\n?startIndex=11&count=10`, title: 'NextPage' },
    ],
    syncMode: 'catchUp',
    digest: specDigest(),
    diagnoses: [],
    entries: [
      {
        ...entry(
          { endpoint: APP1, tick: 5, stamp: stamp('2008-10-30T14:55:43.281Z') },
          '74926A0D-D2C0-4daa-9986-47C833691569',
        ),
        id: '',
        title: '',
      },
      entry(
        { endpoint: APP3, tick: 8, stamp: stamp('2008-10-30T13:27:19.207Z') },
        'C4411795-9943-4cf4-8705-51A74C9F0ACC',
      ),
    ],
    extensions: [],
  }
}

const errors = (issues: SDataIssue[]) => issues.filter((i) => i.severity === 'error')
const warnings = (issues: SDataIssue[]) => issues.filter((i) => i.severity === 'warning')

describe('validateSyncFeed on the spec §4.4 feed', () => {
  it('finds no error; the mixed-case uuids of the example are warnings', () => {
    const issues = validateSyncFeed(specFeed())
    expect(errors(issues)).toStrictEqual([])
    expect(warnings(issues).map((i) => i.path)).toStrictEqual([
      '/feed/entry[1]/sdata:payload/account/@sdata:uuid',
      '/feed/entry[2]/sdata:payload/account/@sdata:uuid',
    ])
  })

  it('is also a valid $syncTarget request (it carries syncMode and digest)', () => {
    expect(errors(validateSyncFeed(specFeed(), { role: 'target-request' }))).toStrictEqual([])
  })
})

describe('validateSyncFeed rules', () => {
  const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
  const at = (endpoint: string, tick: number): SyncState => ({ endpoint, tick, stamp: stamp('2008-10-30T10:00:00Z') })
  const feedOf = (...entries: SyncEntry[]): SyncFeed => ({ ...specFeed(), entries })
  const only = (issues: SDataIssue[]) => issues.map(({ severity, path, message }) => `${severity} ${path}: ${message}`)

  it('ticks must strictly increase per endpoint along the feed', () => {
    const feed = feedOf(entry(at(APP1, 4), uuid(1)), entry(at(APP2, 9), uuid(2)), entry(at(APP1, 3), uuid(3)))
    expect(only(validateSyncFeed(feed))).toStrictEqual([
      `error /feed/entry[3]/sync:syncState/tick: tick 3 of ${JSON.stringify(APP1)} does not increase (4 at /feed/entry[1]/sync:syncState)`,
    ])
  })

  it('order between different endpoints does not matter', () => {
    const feed = feedOf(entry(at(APP2, 9), uuid(1)), entry(at(APP1, 1), uuid(2)), entry(at(APP3, 2), uuid(3)))
    expect(validateSyncFeed(feed)).toStrictEqual([])
  })

  it('(endpoint, tick) pairs are unique', () => {
    const feed = feedOf(entry(at(APP1, 4), uuid(1)), entry(at(APP1, 4), uuid(2)))
    expect(only(validateSyncFeed(feed))).toStrictEqual([
      `error /feed/entry[2]/sync:syncState/tick: duplicate (endpoint, tick) pair (${JSON.stringify(APP1)}, 4), first at /feed/entry[1]/sync:syncState`,
    ])
  })

  it('every entry has a syncState and a payload uuid, except in result feeds', () => {
    const feed = feedOf(entry(undefined, uuid(1)), entry(at(APP1, 1), undefined), {
      ...entry(at(APP1, 2), uuid(3)),
      payload: undefined,
    })
    expect(only(errors(validateSyncFeed(feed)))).toStrictEqual([
      'error /feed/entry[1]/sync:syncState: the entry has no sync:syncState (sync §4.3)',
      'error /feed/entry[2]/sdata:payload/account/@sdata:uuid: the payload resource has no sdata:uuid (sync §4.4)',
      'error /feed/entry[3]/sdata:payload: the entry has no payload resource (sync §4.4)',
    ])
  })

  it('a result feed needs no syncState, payload or digest, but each entry needs http:httpStatus', () => {
    const ok: SyncEntry = {
      links: [],
      diagnoses: [],
      extensions: [],
      http: { status: 200, message: 'OK', method: 'PUT' },
    }
    const missing: SyncEntry = { links: [], diagnoses: [], extensions: [] }
    const feed: SyncFeed = { links: [], diagnoses: [], extensions: [], entries: [ok, missing] }
    expect(only(validateSyncFeed(feed, { role: 'result' }))).toStrictEqual([
      'error /feed/entry[2]/http:httpStatus: a result entry needs http:httpStatus (core §13.4)',
      'warning /feed/entry[2]/http:httpMessage: a result entry should carry http:httpMessage (core §13.4)',
    ])
  })

  it('syncMode is required of $syncTarget requests, only advised for source feeds', () => {
    const feed = { ...specFeed(), syncMode: undefined }
    expect(only(errors(validateSyncFeed(feed, { role: 'target-request' })))).toStrictEqual([
      'error /feed/sync:syncMode: a $syncTarget request needs sync:syncMode (sync §4.4)',
    ])
    expect(errors(validateSyncFeed(feed))).toStrictEqual([])
    expect(validateSyncFeed(feed).some((i) => i.path === '/feed/sync:syncMode' && i.severity === 'warning')).toBe(true)
  })

  it('the digest is required of source feeds and target requests', () => {
    const feed = { ...specFeed(), digest: undefined }
    for (const role of ['source', 'target-request'] as const) {
      expect(only(errors(validateSyncFeed(feed, { role })))).toStrictEqual([
        'error /feed/sync:digest: the feed has no sync:digest (sync §4.4)',
      ])
    }
  })

  it('conflictPriority must be in 1..9', () => {
    const digest = specDigest()
    digest.entries[0]!.conflictPriority = 0
    digest.entries[1]!.conflictPriority = 10
    expect(only(errors(validateSyncFeed({ ...specFeed(), digest })))).toStrictEqual([
      'error /feed/sync:digest/digestEntry[1]/conflictPriority: conflictPriority 0 (absent or zero) is not an integer in 1..9',
      'error /feed/sync:digest/digestEntry[2]/conflictPriority: conflictPriority 10 is not an integer in 1..9',
    ])
  })

  it('an entry tick past the digest tick is an error, equal to it a warning, an unknown endpoint a warning', () => {
    const other = 'http://elsewhere/-/accounts'
    const feed = feedOf(entry(at(APP1, 7), uuid(1)), entry(at(APP2, 10), uuid(2)), entry(at(other, 1), uuid(3)))
    expect(only(validateSyncFeed(feed))).toStrictEqual([
      "error /feed/entry[1]/sync:syncState/tick: tick 7 is past the digest's tick 6 for this endpoint",
      "warning /feed/entry[2]/sync:syncState/tick: tick 10 equals the digest's tick; a digest tick is the next one not yet used",
      `warning /feed/entry[3]/sync:syncState/endpoint: endpoint ${JSON.stringify(other)} is not in the feed's digest`,
    ])
  })

  it('lenient forms decoding accepted are warnings: tick 0, zone-less stamp, no origin', () => {
    const digest = specDigest()
    delete digest.origin
    const feed = { ...feedOf(entry({ endpoint: APP1, tick: 0, stamp: stamp('2013-06-15T08:00:00') }, uuid(1))), digest }
    const issues = validateSyncFeed(feed)
    expect(errors(issues)).toStrictEqual([])
    expect(only(issues)).toStrictEqual([
      'warning /feed/sync:digest/origin: the digest has no origin (sdatasync.xsd requires one; sync §5.8 omits it)',
      'warning /feed/entry[1]/sync:syncState/tick: tick is 0 (absent or zero); SIF drops zero ticks, so writers should start at 1',
      'warning /feed/entry[1]/sync:syncState/stamp: stamp "2013-06-15T08:00:00" has no time zone; it is read as UTC unless an offset is given',
    ])
  })

  it('hand-built values: bad stamps, unsafe ticks, bad uuids, bad syncMode', () => {
    const feed = {
      ...feedOf(
        entry({ endpoint: APP1, tick: 2 ** 53, stamp: stamp('2008-02-30T00:00:00Z') }, 'not-a-uuid'),
        entry({ endpoint: '', tick: 1.5, stamp: stamp('yesterday') }, uuid(2)),
      ),
      syncMode: 'later' as never,
    }
    expect(only(errors(validateSyncFeed(feed)))).toStrictEqual([
      'error /feed/sync:syncMode: syncMode "later" is neither catchUp nor immediate',
      'error /feed/entry[1]/sync:syncState/tick: tick 9007199254740992 is not a non-negative safe integer',
      'error /feed/entry[1]/sync:syncState/stamp: stamp "2008-02-30T00:00:00Z" is not an xs:dateTime: day 30 does not exist in 2008-02',
      'error /feed/entry[1]/sdata:payload/account/@sdata:uuid: sdata:uuid "not-a-uuid" is not a UUID',
      'error /feed/entry[2]/sync:syncState/endpoint: endpoint "" is empty or not a string',
      'error /feed/entry[2]/sync:syncState/tick: tick 1.5 is not a non-negative safe integer',
      'error /feed/entry[2]/sync:syncState/stamp: stamp "yesterday" is not an xs:dateTime: not of the form YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]',
      "error /feed/entry[1]/sync:syncState/tick: tick 9007199254740992 is past the digest's tick 6 for this endpoint",
    ])
  })

  it('characters XML cannot carry are errors, with the path of the text', () => {
    const e = entry(at(APP1, 1), uuid(1), 'bad\u0001name')
    e.title = 'lone \uD800 surrogate'
    expect(only(errors(validateSyncFeed(feedOf(e))))).toStrictEqual([
      'error /feed/entry[1]/title: title holds a character XML 1.0 cannot carry (serializeXml writes U+FFFD instead)',
      'error /feed/entry[1]/sdata:payload/account/name[1]/text(): text holds a character XML 1.0 cannot carry (serializeXml writes U+FFFD instead)',
    ])
  })

  it('a resource twice in one feed is a warning (uuids compare case-insensitively)', () => {
    const feed = feedOf(entry(at(APP1, 1), uuid(7)), entry(at(APP1, 2), uuid(7).toUpperCase()))
    expect(only(validateSyncFeed(feed))).toStrictEqual([
      `warning /feed/entry[2]/sdata:payload/account/@sdata:uuid: sdata:uuid ${uuid(7).toUpperCase()} appears again (first in entry[1]); a sync feed carries each resource once`,
    ])
  })

  it('characters XML cannot carry are found in kept parts too (digest extensions, feed attributes)', () => {
    const bad: XmlElement = {
      type: 'element',
      namespace: 'urn:x',
      localName: 'note',
      prefix: null,
      attributes: [],
      children: [{ type: 'text', value: '\u0000' }],
    }
    const digest = { ...specDigest(), extensions: [bad] }
    const feed = {
      ...specFeed(),
      digest,
      attributes: [{ namespace: null, localName: 'x', prefix: null, value: '\uFFFE' }],
    } as SyncFeed
    expect(errors(validateSyncFeed(feed)).map((i) => i.path)).toStrictEqual([
      '/feed/sync:digest/note[1]/text()',
      '/feed/@x',
    ])
  })

  it('characters XML cannot carry are found in kept attributes of digests, digest entries and states', () => {
    const attributes = [{ namespace: null, localName: 'x', prefix: null, value: '\u0001' }]
    const digest = { ...specDigest(), attributes }
    digest.entries = digest.entries.map((e, i) => (i === 0 ? { ...e, attributes } : e))
    const feed = { ...specFeed(), digest } as SyncFeed
    feed.entries[0] = { ...feed.entries[0]!, syncState: { ...feed.entries[0]!.syncState!, attributes } }
    expect(errors(validateSyncFeed(feed)).map((i) => i.path)).toStrictEqual([
      '/feed/sync:digest/@x',
      '/feed/sync:digest/digestEntry[1]/@x',
      '/feed/entry[1]/sync:syncState/@x',
    ])
  })

  it('a deleted resource with content is a warning', () => {
    const e = entry(at(APP1, 1), uuid(1))
    e.payload!.isDeleted = true
    expect(only(validateSyncFeed(feedOf(e)))).toStrictEqual([
      'warning /feed/entry[1]/sdata:payload/account: a deleted resource should be an empty element with its uuid (sync §6.1)',
    ])
  })

  it('never throws on hostile values', () => {
    const hostile = Object.defineProperty(specFeed(), 'entries', {
      get() {
        throw new Error('boom')
      },
    })
    expect(validateSyncFeed(hostile)).toStrictEqual([rule('error', '/feed', 'the value could not be inspected: boom')])
    expect(validateSyncFeed(null as never)).toStrictEqual([rule('error', '/feed', 'the feed is not an object')])
  })

  it('never throws on a thrown value that cannot be shown as text', () => {
    const unshowable = Object.defineProperty(specFeed(), 'entries', {
      get() {
        throw Object.create(null)
      },
    })
    expect(validateSyncFeed(unshowable)).toStrictEqual([
      rule('error', '/feed', 'the value could not be inspected: a value that cannot be shown'),
    ])
  })
})

describe('validateSyncFeed laws', () => {
  it('a tick-order error is reported iff some endpoint has a tick not above an earlier one', () => {
    const endpoints = [APP1, APP2]
    fc.assert(
      fc.property(arbSyncFeed({ endpoints, maxEntries: 6 }), (feed) => {
        const states = feed.entries.flatMap((e) => (e.syncState ? [e.syncState] : []))
        const expected = states.some((s, j) =>
          states.slice(0, j).some((r) => r.endpoint === s.endpoint && r.tick >= s.tick),
        )
        const reported = validateSyncFeed(feed).some(
          (i) =>
            i.severity === 'error' &&
            i.path.endsWith('/sync:syncState/tick') &&
            /does not increase|duplicate \(endpoint, tick\)/.test(i.message),
        )
        expect(reported).toBe(expected)
      }),
      { numRuns: numRuns(150) },
    )
  })

  it('every issue of any generated feed, in any role, has a path under /feed and never throws', () => {
    fc.assert(
      fc.property(
        arbSyncFeed({ maxEntries: 3 }),
        fc.constantFrom('source', 'target-request', 'result'),
        (feed, role) => {
          for (const issue of validateSyncFeed(feed, { role: role as 'source' }))
            expect(issue.path.startsWith('/feed')).toBe(true)
        },
      ),
      { numRuns: numRuns(100) },
    )
  })
})

describe('validation totality', () => {
  it('validateSyncFeed, validateSyncEntry, validateDigest and validateTracking never throw, whatever they are given', () => {
    const garbage = fc.anything({ withNullPrototype: true, withBigInt: true })
    const feedish = fc.record({
      links: garbage,
      entries: fc.array(garbage),
      digest: garbage,
      diagnoses: garbage,
      extensions: garbage,
    })
    fc.assert(
      fc.property(fc.oneof(garbage, feedish), (u) => {
        for (const validate of [validateSyncFeed, validateSyncEntry, validateDigest, validateTracking] as Array<
          (v: never) => unknown
        >) {
          expect(Array.isArray(validate(u as never))).toBe(true)
        }
      }),
    )
  })
})

describe('validateDigest', () => {
  it('accepts the spec §4.2 digest', () => {
    expect(validateDigest(specDigest())).toStrictEqual([])
  })

  it('reports duplicate endpoints and duplicate (endpoint, tick) pairs, with the path given', () => {
    const digest = specDigest()
    digest.entries.push({ ...digest.entries[0]! }, { ...digest.entries[1]!, tick: 99 })
    expect(validateDigest(digest, { path: '/entry/sdata:payload/sync:digest' })).toStrictEqual([
      rule(
        'error',
        '/entry/sdata:payload/sync:digest/digestEntry[4]/endpoint',
        `duplicate (endpoint, tick) pair (6) ${JSON.stringify(APP1)}, first in digestEntry[1]`,
      ),
      rule(
        'error',
        '/entry/sdata:payload/sync:digest/digestEntry[5]/endpoint',
        `duplicate endpoint ${JSON.stringify(APP2)}, first in digestEntry[2]`,
      ),
    ])
  })

  it('takes the path as steps, giving what the same path as text gives', () => {
    const digest = specDigest()
    digest.entries.push({ ...digest.entries[0]! })
    const text = '/entry/sdata:payload/sync:digest'
    const issues = validateDigest(digest, { path: stepsOf(text) })
    expect(issues).toStrictEqual([
      rule(
        'error',
        `${text}/digestEntry[4]/endpoint`,
        `duplicate (endpoint, tick) pair (6) ${JSON.stringify(APP1)}, first in digestEntry[1]`,
      ),
    ])
    expect(issues).toStrictEqual(validateDigest(digest, { path: text }))
  })

  it('warns about endpoints that differ only in case, and an origin with no entry of its own', () => {
    const digest: Digest = {
      origin: 'http://nowhere/-/accounts',
      entries: [
        { endpoint: APP1, tick: 1, stamp: stamp('2008-10-30T17:23:08Z'), conflictPriority: 1 },
        { endpoint: APP1.toUpperCase(), tick: 2, stamp: stamp('2008-10-30T17:23:08Z'), conflictPriority: 1 },
      ],
    }
    expect(validateDigest(digest).map((i) => `${i.severity} ${i.path}`)).toStrictEqual([
      'warning /digest/digestEntry[2]/endpoint',
      'warning /digest/origin',
    ])
  })

  it('an empty digest is an error; bad stamps and priorities are reported by entry', () => {
    expect(validateDigest({ origin: APP1, entries: [] })).toStrictEqual([
      rule('error', '/digest', 'the digest has no digestEntry (sync §4.2 requires at least one)'),
    ])
    const bad: Digest = {
      origin: APP1,
      entries: [{ endpoint: APP1, tick: -1, stamp: stamp('2008-10-30T25:00:00Z'), conflictPriority: 3.5 }],
    }
    expect(validateDigest(bad).map((i) => i.path)).toStrictEqual([
      '/digest/digestEntry[1]/tick',
      '/digest/digestEntry[1]/stamp',
      '/digest/digestEntry[1]/conflictPriority',
    ])
  })
})

describe('validateTracking', () => {
  it('warns about the namespace without /1 that the sync examples use', () => {
    expect(
      validateTracking({ namespace: 'http://schemas.sage.com/sdata/2008', phase: 'Running', extensions: [] }),
    ).toStrictEqual([
      rule(
        'warning',
        '/tracking',
        'the tracking namespace http://schemas.sage.com/sdata/2008 lacks /1 (core §3.11 uses http://schemas.sage.com/sdata/2008/1)',
      ),
    ])
  })

  it('accepts the core §3.11 form and rejects negative seconds and a non-decimal progress', () => {
    const ok = {
      namespace: 'http://schemas.sage.com/sdata/2008/1',
      progress: '12.0',
      elapsedSeconds: 95,
      pollingMillis: 500,
      extensions: [],
    }
    expect(validateTracking(ok)).toStrictEqual([])
    expect(validateTracking({ ...ok, elapsedSeconds: -1, progress: '12%' }).map((i) => i.path)).toStrictEqual([
      '/tracking/elapsedSeconds',
      '/tracking/progress',
    ])
  })
})

describe("validateSyncFeed: the feed's own members", () => {
  const base = (): SyncFeed => ({
    links: [],
    diagnoses: [],
    extensions: [],
    syncMode: 'catchUp',
    digest: specDigest(),
    entries: [],
  })
  const issue = (severity: 'error' | 'warning', path: string, message: string) => rule(severity, path, message)
  it('a feed that is not an object', () => {
    for (const bad of [null, 5, 'feed']) {
      expect(validateSyncFeed(bad as never)).toStrictEqual([issue('error', '/feed', 'the feed is not an object')])
    }
  })
  it('no syncMode: an error for a target request, a warning for a source feed, nothing for a result feed', () => {
    const feed = { ...base(), syncMode: undefined }
    expect(validateSyncFeed(feed)).toStrictEqual([
      issue(
        'warning',
        '/feed/sync:syncMode',
        'the feed has no sync:syncMode; it is required once posted to $syncTarget',
      ),
    ])
    expect(validateSyncFeed(feed, { role: 'target-request' })).toStrictEqual([
      issue('error', '/feed/sync:syncMode', 'a $syncTarget request needs sync:syncMode (sync §4.4)'),
    ])
    expect(validateSyncFeed(feed, { role: 'result' })).toStrictEqual([])
  })
  it('both sync modes are accepted in every role', () => {
    for (const role of ['source', 'target-request', 'result'] as const) {
      for (const syncMode of ['catchUp', 'immediate'] as const) {
        expect(validateSyncFeed({ ...base(), syncMode }, { role })).toStrictEqual([])
      }
    }
  })
  it('a result feed needs no digest, but a digest it has is checked', () => {
    expect(validateSyncFeed({ ...base(), digest: undefined }, { role: 'result' })).toStrictEqual([])
    expect(validateSyncFeed({ ...base(), digest: { origin: APP1, entries: [] } }, { role: 'result' })).toStrictEqual([
      issue('error', '/feed/sync:digest', 'the digest has no digestEntry (sync §4.2 requires at least one)'),
    ])
  })
  it('opensearch figures must be safe integers, startIndex from 1', () => {
    const os = (opensearch: SyncFeed['opensearch']) => validateSyncFeed({ ...base(), opensearch })
    expect(os({ totalResults: 0, startIndex: 1, itemsPerPage: 0 })).toStrictEqual([])
    expect(os({ totalResults: -1, startIndex: 1.5, itemsPerPage: 2 ** 53 })).toStrictEqual([
      issue('error', '/feed/opensearch:totalResults', 'totalResults -1 is not an integer >= 0'),
      issue('error', '/feed/opensearch:startIndex', 'startIndex 1.5 is not an integer >= 1'),
      issue('error', '/feed/opensearch:itemsPerPage', `itemsPerPage ${2 ** 53} is not an integer >= 0`),
    ])
    expect(os({ totalResults: '3' as never })).toStrictEqual([
      issue('error', '/feed/opensearch:totalResults', 'totalResults "3" is not an integer >= 0'),
    ])
  })
  it('a page holding more entries than itemsPerPage is a warning', () => {
    const withEntries = (itemsPerPage: number, n: number) => {
      const feed = specFeed()
      return validateSyncFeed({ ...feed, entries: feed.entries.slice(0, n), opensearch: { itemsPerPage } }).filter(
        (i) => i.path === '/feed/opensearch:itemsPerPage',
      )
    }
    expect(withEntries(2, 2)).toStrictEqual([])
    expect(withEntries(0, 1)).toStrictEqual([
      issue('warning', '/feed/opensearch:itemsPerPage', 'the page holds 1 entries, more than itemsPerPage 0'),
    ])
    expect(withEntries(1, 2)).toStrictEqual([
      issue('warning', '/feed/opensearch:itemsPerPage', 'the page holds 2 entries, more than itemsPerPage 1'),
    ])
    expect(withEntries(1.5, 2)).toStrictEqual([
      issue('error', '/feed/opensearch:itemsPerPage', 'itemsPerPage 1.5 is not an integer >= 0'),
    ])
  })
  it('updated, diagnoses and kept attributes of the feed are checked at /feed', () => {
    expect(validateSyncFeed({ ...base(), updated: stamp('2008-10-30T17:23:08') })).toStrictEqual([
      issue(
        'warning',
        '/feed/updated',
        'stamp "2008-10-30T17:23:08" has no time zone; it is read as UTC unless an offset is given',
      ),
    ])
    expect(validateSyncFeed({ ...base(), diagnoses: 'x' as never })).toStrictEqual([
      issue('error', '/feed', 'diagnoses are not an array'),
    ])
  })
})

describe('validateTracking: figures and text', () => {
  const NS = 'http://schemas.sage.com/sdata/2008/1'
  const tracking = (over: object) => validateTracking({ namespace: NS, extensions: [], ...over })
  it('seconds and milliseconds are non-negative safe integers', () => {
    expect(tracking({ elapsedSeconds: 0, remainingSeconds: 0, pollingMillis: 0 })).toStrictEqual([])
    expect(tracking({ elapsedSeconds: 1.5, remainingSeconds: -1, pollingMillis: 2 ** 53 })).toStrictEqual([
      rule('error', '/tracking/elapsedSeconds', 'elapsedSeconds 1.5 is not a non-negative integer'),
      rule('error', '/tracking/remainingSeconds', 'remainingSeconds -1 is not a non-negative integer'),
      rule('error', '/tracking/pollingMillis', `pollingMillis ${2 ** 53} is not a non-negative integer`),
    ])
  })
  it('progress is an xs:decimal', () => {
    for (const progress of ['12', '+1.', '-.5', '0.25', '100.0']) expect(tracking({ progress })).toStrictEqual([])
    for (const progress of ['.', '1e3', ' 1', '1.2.3', '', '12%', '1 ', 'x1']) {
      expect(tracking({ progress })).toStrictEqual([
        rule('error', '/tracking/progress', `progress ${JSON.stringify(progress)} is not an xs:decimal`),
      ])
    }
  })
  it('phase and phaseDetail are text; extensions are checked', () => {
    expect(tracking({ phase: 'Running', phaseDetail: 'step 2' })).toStrictEqual([])
    expect(tracking({ phase: 1, phaseDetail: '\u0000' })).toStrictEqual([
      rule('error', '/tracking/phase', 'phase is not a string'),
      rule(
        'error',
        '/tracking/phaseDetail',
        'phaseDetail holds a character XML 1.0 cannot carry (serializeXml writes U+FFFD instead)',
      ),
    ])
    expect(tracking({ extensions: 'x' })).toStrictEqual([rule('error', '/tracking', 'extensions are not an array')])
  })
})
