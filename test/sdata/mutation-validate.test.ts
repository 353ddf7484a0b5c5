// validateDigest / validateSyncEntry / validateSyncFeed / validateTracking, one rule per test: the exact issue
// (severity, path, message) for a crafted bad value, and no issue for the valid neighbour.
// Raised from mutation testing (issue 7): messages, conditions, the zone regex and the depth limit were unasserted.
import { describe, expect, it } from 'vitest'
import type { Digest, DigestEntry, Stamp, SyncEntry, SyncFeed, Tracking } from '../../src/sdata/index'
import { validateDigest, validateSyncEntry, validateSyncFeed, validateTracking } from '../../src/sdata/index'
import type { XmlElement } from '../../src/xml/index'
import { rule } from '../support/issues'

const A = 'http://e/a'
const B = 'http://e/b'
const UUID = '74926a0d-0000-4f4f-8b8b-000000000001'
const stamp = (s: string) => s as Stamp

const el = (localName: string, children: XmlElement['children'] = []): XmlElement => ({
  type: 'element',
  namespace: 'urn:c',
  localName,
  prefix: null,
  attributes: [],
  children,
})

const dEntry = (over: Partial<Record<keyof DigestEntry, unknown>> = {}): DigestEntry =>
  ({ endpoint: A, tick: 5, stamp: stamp('2008-10-30T17:23:08Z'), conflictPriority: 1, ...over }) as DigestEntry
const digest = (entries: unknown[] = [dEntry()], origin: unknown = A): Digest =>
  ({ origin, entries }) as unknown as Digest

const entry = (over: Partial<SyncEntry> = {}): SyncEntry => ({
  links: [],
  diagnoses: [],
  extensions: [],
  syncState: { endpoint: A, tick: 1, stamp: stamp('2008-10-30T17:23:08Z') },
  payload: { uuid: UUID, isDeleted: false, element: el('account') },
  ...over,
})
const feed = (over: Partial<SyncFeed> = {}): SyncFeed => ({
  links: [],
  diagnoses: [],
  extensions: [],
  syncMode: 'catchUp',
  digest: digest(),
  entries: [entry()],
  ...over,
})
const resultEntry = (http: SyncEntry['http']): SyncEntry => ({ links: [], diagnoses: [], extensions: [], http })

describe('the base values are valid', () => {
  it('digest, source entry, feed, tracking', () => {
    expect(validateDigest(digest())).toEqual([])
    expect(validateSyncEntry(entry(), { role: 'source' })).toEqual([])
    expect(validateSyncFeed(feed())).toEqual([])
    expect(validateTracking({ namespace: 'http://schemas.sage.com/sdata/2008/1', extensions: [] })).toEqual([])
  })
})

describe('stamps: the time zone', () => {
  const issuesFor = (s: string) => validateDigest(digest([dEntry({ stamp: s })]))
  it.each([
    '2008-10-30T17:23:08Z',
    '2008-10-30T17:23:08+01:00',
    '2008-10-30T17:23:08-05:30',
    '2008-10-30T17:23:08.5+14:00',
  ])('%s has a zone', (s) => expect(issuesFor(s)).toEqual([]))
  it('a stamp without zone is a warning', () => {
    expect(issuesFor('2008-10-30T17:23:08')).toEqual([
      rule(
        'warning',
        '/digest/digestEntry[1]/stamp',
        'stamp "2008-10-30T17:23:08" has no time zone; it is read as UTC unless an offset is given',
      ),
    ])
  })
  it('a malformed offset is not an xs:dateTime (error, no zone warning on top)', () => {
    for (const s of [
      '2008-10-30T17:23:08+1:00',
      '2008-10-30T17:23:08+01:0',
      '2008-10-30T17:23:08+0100',
      '2008-10-30T17:23:08+01:00x',
    ]) {
      const issues = issuesFor(s)
      expect(issues).toHaveLength(1)
      expect(issues[0]).toMatchObject({ severity: 'error', path: '/digest/digestEntry[1]/stamp' })
      expect(issues[0]!.message.startsWith(`stamp ${JSON.stringify(s)} is not an xs:dateTime: `)).toBe(true)
    }
  })
  it('a stamp that is not a string', () => {
    expect(issuesFor(12 as unknown as string)).toEqual([
      rule('error', '/digest/digestEntry[1]/stamp', 'stamp 12 is not a string'),
    ])
  })
})

describe('digest rules', () => {
  it('an empty or blank endpoint, and one that is not a string', () => {
    expect(validateDigest(digest([dEntry({ endpoint: '   ' })], '   '))).toEqual([
      rule('error', '/digest/origin', 'origin "   " is empty or not a string'),
      rule('error', '/digest/digestEntry[1]/endpoint', 'endpoint "   " is empty or not a string'),
    ])
    expect(validateDigest(digest([dEntry({ endpoint: 7 })]))).toEqual([
      rule('error', '/digest/digestEntry[1]/endpoint', 'endpoint 7 is empty or not a string'),
      rule('warning', '/digest/origin', 'the origin "http://e/a" has no digestEntry of its own'),
    ])
  })
  it('an empty origin', () => {
    expect(validateDigest(digest([dEntry()], ''))).toEqual([
      rule('error', '/digest/origin', 'origin "" is empty or not a string'),
      rule('warning', '/digest/origin', 'the origin "" has no digestEntry of its own'),
    ])
  })
  it('entries that are not an array', () => {
    expect(validateDigest({ origin: A, entries: 'nope' } as unknown as Digest)).toEqual([
      rule('error', '/digest', 'the digest entries are not an array'),
      rule('error', '/digest', 'the digest has no digestEntry (sync §4.2 requires at least one)'),
    ])
  })
  it('entries that are not objects', () => {
    expect(validateDigest(digest([null, 5, dEntry()]))).toEqual([
      rule('error', '/digest/digestEntry[1]', 'the digestEntry is not an object'),
      rule('error', '/digest/digestEntry[2]', 'the digestEntry is not an object'),
    ])
  })
  it('conflictPriority outside 1..9', () => {
    const at = (p: unknown) => validateDigest(digest([dEntry({ conflictPriority: p })]))
    expect(at(0)).toEqual([
      rule(
        'error',
        '/digest/digestEntry[1]/conflictPriority',
        'conflictPriority 0 (absent or zero) is not an integer in 1..9',
      ),
    ])
    for (const [p, shown] of [
      [10, '10'],
      [-1, '-1'],
      [1.5, '1.5'],
      ['3', '"3"'],
    ] as const) {
      expect(at(p)).toEqual([
        rule('error', '/digest/digestEntry[1]/conflictPriority', `conflictPriority ${shown} is not an integer in 1..9`),
      ])
    }
    expect(at(1)).toEqual([])
    expect(at(9)).toEqual([])
  })
  it('endpoints that differ only in letter case (Unicode folding: KELVIN SIGN is k)', () => {
    const warn = (first: string, second: string) =>
      validateDigest(digest([dEntry({ endpoint: first }), dEntry({ endpoint: second, tick: 6 })], first))
    expect(warn('http://e/ABC', 'http://e/abc')).toEqual([
      rule(
        'warning',
        '/digest/digestEntry[2]/endpoint',
        `endpoint "http://e/abc" differs only in letter case from digestEntry[1]'s`,
      ),
    ])
    expect(warn('http://e/k', 'http://e/\u212A')).toEqual([
      rule(
        'warning',
        '/digest/digestEntry[2]/endpoint',
        `endpoint "http://e/\u212A" differs only in letter case from digestEntry[1]'s`,
      ),
    ])
    expect(warn(A, B)).toEqual([])
  })
  it('an extension that is not an element', () => {
    const d = { ...digest(), extensions: [null, 5] } as unknown as Digest
    expect(validateDigest(d)).toEqual([
      rule('error', '/digest/*[1]', 'not an XML element'),
      rule('error', '/digest/*[2]', 'not an XML element'),
    ])
  })
  it('element trees: depth 1000 is fine, 1001 is too deep', () => {
    const chain = (levels: number): { root: XmlElement; path: string } => {
      let node = el('n')
      let path = ''
      for (let i = 0; i < levels; i++) {
        node = el('n', [node])
        path += '/n[1]'
      }
      return { root: node, path }
    }
    const ok = chain(1000)
    expect(validateDigest({ ...digest(), extensions: [ok.root] })).toEqual([])
    const deep = chain(1001)
    expect(validateDigest({ ...digest(), extensions: [deep.root] })).toEqual([
      rule('error', `/digest/n[1]${deep.path}`, 'element tree deeper than 1000'),
    ])
  })
})

describe('links and diagnoses', () => {
  it('links that are not an array', () => {
    expect(validateSyncFeed(feed({ links: 'x' as unknown as [] }))).toEqual([
      rule('error', '/feed', 'links are not an array'),
    ])
  })
  it('a rel and a title that are not strings', () => {
    expect(validateSyncFeed(feed({ links: [{ href: 'http://x', rel: 5, title: 6 } as never] }))).toEqual([
      rule('error', '/feed/link[1]/@rel', 'rel is not a string'),
      rule('error', '/feed/link[1]/@title', 'title is not a string'),
    ])
  })
  it('severity in any letter case is known; others warn', () => {
    const d = (severity: string) =>
      validateSyncFeed(feed({ diagnoses: [{ severity, sdataCode: 'X', extensions: [] }] }))
    expect(d('Error')).toEqual([])
    expect(d('FATAL')).toEqual([])
    expect(d('bogus')).toEqual([
      rule(
        'warning',
        '/feed/sdata:diagnosis[1]/severity',
        'severity "bogus" is none of Info, Warning, Transient, Error, Fatal',
      ),
    ])
  })
  it('no sdataCode; applicationCode without ApplicationDiagnosis', () => {
    expect(validateSyncFeed(feed({ diagnoses: [{ severity: 'error', extensions: [] }] }))).toEqual([
      rule('warning', '/feed/sdata:diagnosis[1]/sdataCode', 'the diagnosis has no sdataCode (core §3.10 requires one)'),
    ])
    const app = (sdataCode: string) =>
      validateSyncFeed(feed({ diagnoses: [{ severity: 'error', sdataCode, applicationCode: '42', extensions: [] }] }))
    expect(app('BadWhereSyntax')).toEqual([
      rule(
        'warning',
        '/feed/sdata:diagnosis[1]/applicationCode',
        'applicationCode is only meaningful with sdataCode ApplicationDiagnosis',
      ),
    ])
    expect(app('ApplicationDiagnosis')).toEqual([])
  })
})

describe('payloads', () => {
  it('a payload whose element is not an element is located at *', () => {
    expect(
      validateSyncEntry(entry({ payload: { uuid: UUID, isDeleted: true, element: null as unknown as XmlElement } }), {
        role: 'source',
      }),
    ).toEqual([rule('error', '/entry/sdata:payload/*', 'not an XML element')])
  })
  it('isDeleted that is not a boolean', () => {
    expect(
      validateSyncEntry(entry({ payload: { uuid: UUID, isDeleted: 'yes' as never, element: el('account') } }), {
        role: 'source',
      }),
    ).toEqual([rule('error', '/entry/sdata:payload/account/@sdata:isDeleted', 'isDeleted is not a boolean')])
  })
  it('a deleted resource with children warns; without children it does not', () => {
    const deleted = (element: XmlElement) =>
      validateSyncEntry(entry({ payload: { uuid: UUID, isDeleted: true, element } }), { role: 'source' })
    expect(deleted(el('account'))).toEqual([])
    expect(deleted(el('account', [el('name')]))).toEqual([
      rule(
        'warning',
        '/entry/sdata:payload/account',
        'a deleted resource should be an empty element with its uuid (sync §6.1)',
      ),
    ])
  })
})

describe('entries and results', () => {
  it('a standalone entry that is not an object', () => {
    for (const bad of [null, 5]) {
      expect(validateSyncEntry(bad as unknown as SyncEntry)).toEqual([
        rule('error', '/entry', 'the entry is not an object'),
      ])
    }
  })
  it('httpMethod outside GET, PUT, POST, DELETE warns', () => {
    const base = { status: 200, message: 'OK' }
    expect(validateSyncEntry(resultEntry({ ...base, method: 'GET' }), { role: 'result' })).toEqual([])
    expect(validateSyncEntry(resultEntry(base), { role: 'result' })).toEqual([])
    expect(validateSyncEntry(resultEntry({ ...base, method: 'PATCH' }), { role: 'result' })).toEqual([
      rule('warning', '/entry/http:httpMethod', 'httpMethod "PATCH" is none of GET, PUT, POST, DELETE'),
    ])
  })
})

describe('feed rules', () => {
  it('id and title that are not strings', () => {
    expect(validateSyncFeed(feed({ id: 1 as never, title: 2 as never }))).toEqual([
      rule('error', '/feed/id', 'id is not a string'),
      rule('error', '/feed/title', 'title is not a string'),
    ])
  })
  it('a feed updated that is not an xs:dateTime', () => {
    const issues = validateSyncFeed(feed({ updated: stamp('yesterday') }))
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ severity: 'error', path: '/feed/updated' })
    expect(issues[0]!.message.startsWith('stamp "yesterday" is not an xs:dateTime: ')).toBe(true)
  })
  it('entries that are not an array', () => {
    expect(validateSyncFeed(feed({ entries: 'x' as never }))).toEqual([
      rule('error', '/feed', 'the entries are not an array'),
    ])
  })
  it('an entry that is not an object', () => {
    expect(validateSyncFeed(feed({ entries: [null as never, entry()] }))).toEqual([
      rule('error', '/feed/entry[1]', 'the entry is not an object'),
    ])
  })
  it('opensearch startIndex below 1', () => {
    expect(validateSyncFeed(feed({ opensearch: { startIndex: 0 } }))).toEqual([
      rule('error', '/feed/opensearch:startIndex', 'startIndex 0 is not an integer >= 1'),
    ])
    expect(validateSyncFeed(feed({ opensearch: { startIndex: 1, totalResults: 0, itemsPerPage: 1 } }))).toEqual([])
  })
})

describe('tracking', () => {
  const tr = (namespace: unknown): Tracking => ({ namespace, extensions: [] }) as unknown as Tracking
  it('the namespace', () => {
    expect(validateTracking(tr('http://schemas.sage.com/sdata/2008/1'))).toEqual([])
    expect(validateTracking(tr('http://schemas.sage.com/sdata/2008'))).toEqual([
      rule(
        'warning',
        '/tracking',
        'the tracking namespace http://schemas.sage.com/sdata/2008 lacks /1 (core §3.11 uses http://schemas.sage.com/sdata/2008/1)',
      ),
    ])
    expect(validateTracking(tr('urn:x'))).toEqual([rule('error', '/tracking', '"urn:x" is not the SData namespace')])
  })
})
