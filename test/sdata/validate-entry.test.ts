// validateSyncEntry, one rule per test: the exact issues (severity, path, message) of a crafted value, by role, and
// none for its valid neighbour. Covers the entry's own members, the payload, the HTTP result of a result entry, the
// diagnoses and the members decoding keeps as extensions (a nil syncState, a second payload).
import { describe, expect, it } from 'vitest'
import type { Diagnosis, Digest, Stamp, SyncEntry, SyncEntryRole } from '../../src/sdata/index'
import { SDATA_NS, SYNC_NS, validateSyncEntry, XSI_NS } from '../../src/sdata/index'
import type { XmlElement } from '../../src/xml/index'
import { rule } from '../support/issues'

const A = 'http://e/a'
const UUID = '74926a0d-0000-4f4f-8b8b-000000000001'
const STAMP = '2008-10-30T17:23:08Z' as Stamp

const el = (
  localName: string,
  children: XmlElement['children'] = [],
  namespace = 'urn:c',
  attributes: XmlElement['attributes'] = [],
): XmlElement => ({ type: 'element', namespace, localName, prefix: null, attributes, children })

const digest = (): Digest => ({ origin: A, entries: [{ endpoint: A, tick: 5, stamp: STAMP, conflictPriority: 1 }] })

/** A valid source entry, with `over` laid on top. */
const entry = (over: Partial<SyncEntry> = {}): SyncEntry => ({
  links: [],
  diagnoses: [],
  extensions: [],
  syncState: { endpoint: A, tick: 1, stamp: STAMP },
  payload: { uuid: UUID, isDeleted: false, element: el('account') },
  ...over,
})
const bare = (over: Partial<SyncEntry> = {}): SyncEntry => ({ links: [], diagnoses: [], extensions: [], ...over })
const check = (e: SyncEntry, role: SyncEntryRole) => validateSyncEntry(e, { role })
const error = (path: string, message: string) => rule('error', path, message)
const warning = (path: string, message: string) => rule('warning', path, message)

describe('what each role requires of an entry', () => {
  const noState = error('/entry/sync:syncState', 'the entry has no sync:syncState (sync §4.3)')
  const noPayload = error('/entry/sdata:payload', 'the entry has no payload resource (sync §4.4)')
  const noDigest = error(
    '/entry/sdata:payload/sync:digest',
    'the entry carries no sync:digest in its payload (sync §5.1)',
  )
  it('source and target-request entries need a syncState and a payload', () => {
    for (const role of ['source', 'target-request'] as const) {
      expect(check(entry(), role)).toEqual([])
      expect(check(bare(), role)).toEqual([noState, noPayload])
      expect(check(entry({ syncState: undefined }), role)).toEqual([noState])
      expect(check(entry({ payload: undefined }), role)).toEqual([noPayload])
    }
  })
  it('a digest entry (the default role) needs a digest in its payload, and no syncState', () => {
    expect(validateSyncEntry(bare())).toEqual([noDigest])
    expect(check(bare(), 'digest')).toEqual([noDigest])
    expect(validateSyncEntry(bare({ digest: digest() }))).toEqual([])
  })
  it('only a digest entry needs a digest', () => {
    for (const role of ['source', 'target-request'] as const) expect(check(entry(), role)).toEqual([])
  })
  it('a result entry needs neither a syncState, a payload nor a digest', () => {
    expect(check(bare({ http: { status: 200, message: 'OK' } }), 'result')).toEqual([])
  })
  it("a digest in an entry's payload is checked at its path", () => {
    expect(validateSyncEntry(bare({ digest: { origin: A, entries: [] } }))).toEqual([
      error('/entry/sdata:payload/sync:digest', 'the digest has no digestEntry (sync §4.2 requires at least one)'),
    ])
  })
})

describe("the entry's own members", () => {
  it('id, title and content must be strings', () => {
    expect(check(entry({ id: 1, title: 2, content: 3 } as never), 'source')).toEqual([
      error('/entry/id', 'id is not a string'),
      error('/entry/title', 'title is not a string'),
      error('/entry/content', 'content is not a string'),
    ])
  })
  it('updated must be an xs:dateTime with a zone', () => {
    expect(check(entry({ updated: STAMP }), 'source')).toEqual([])
    expect(check(entry({ updated: '2008-10-30T17:23:08' as Stamp }), 'source')).toEqual([
      warning(
        '/entry/updated',
        'stamp "2008-10-30T17:23:08" has no time zone; it is read as UTC unless an offset is given',
      ),
    ])
  })
  it('links are checked at the entry', () => {
    expect(check(entry({ links: [{ href: '' }] }), 'source')).toEqual([
      error('/entry/link[1]/@href', 'the link has no href'),
    ])
  })
  it('kept attributes and extensions are checked at the entry', () => {
    const bad = 'a\u0000b'
    const attributes = [{ namespace: 'urn:x', localName: 'k', prefix: 'x', value: bad }]
    expect(check(entry({ attributes } as Partial<SyncEntry>), 'source')).toEqual([
      error(
        '/entry/@x:k',
        'attribute value holds a character XML 1.0 cannot carry (serializeXml writes U+FFFD instead)',
      ),
    ])
    expect(check(entry({ extensions: 'x' as never }), 'source')).toEqual([
      error('/entry', 'extensions are not an array'),
    ])
  })
})

describe('the syncState', () => {
  it('a state that is not an object', () => {
    expect(check(entry({ syncState: 'x' as never }), 'source')).toEqual([
      error('/entry/sync:syncState', 'the syncState is not an object'),
    ])
  })
  it('its user must be a string', () => {
    expect(check(entry({ syncState: { endpoint: A, tick: 1, stamp: STAMP, user: 'u' } }), 'source')).toEqual([])
    expect(check(entry({ syncState: { endpoint: A, tick: 1, stamp: STAMP, user: 7 as never } }), 'source')).toEqual([
      error('/entry/sync:syncState/user', 'user is not a string'),
    ])
  })
  it('its endpoint, tick and stamp are checked at their paths', () => {
    const state = { endpoint: '', tick: -1, stamp: 5 } as never
    expect(check(entry({ syncState: state }), 'source')).toEqual([
      error('/entry/sync:syncState/endpoint', 'endpoint "" is empty or not a string'),
      error('/entry/sync:syncState/tick', 'tick -1 is not a non-negative safe integer'),
      error('/entry/sync:syncState/stamp', 'stamp 5 is not a string'),
    ])
  })
  it('tick 0 is a warning; an unsafe tick an error', () => {
    expect(check(entry({ syncState: { endpoint: A, tick: 0, stamp: STAMP } }), 'source')).toEqual([
      warning(
        '/entry/sync:syncState/tick',
        'tick is 0 (absent or zero); SIF drops zero ticks, so writers should start at 1',
      ),
    ])
    expect(check(entry({ syncState: { endpoint: A, tick: 2 ** 53, stamp: STAMP } }), 'source')).toEqual([
      error('/entry/sync:syncState/tick', `tick ${2 ** 53} is not a non-negative safe integer`),
    ])
  })
  it('its kept extensions and attributes are checked', () => {
    const state = {
      endpoint: A,
      tick: 1,
      stamp: STAMP,
      extensions: [el('x', [{ type: 'text', value: '\u0001' }])],
      attributes: [{ namespace: null, localName: 'k', prefix: null, value: '\u0002' }],
    } as never
    const carry = 'holds a character XML 1.0 cannot carry (serializeXml writes U+FFFD instead)'
    expect(check(entry({ syncState: state }), 'source')).toEqual([
      error('/entry/sync:syncState/x[1]/text()', `text ${carry}`),
      error('/entry/sync:syncState/@k', `attribute value ${carry}`),
    ])
  })
})

describe('the payload', () => {
  const withPayload = (payload: Partial<NonNullable<SyncEntry['payload']>>) =>
    entry({ payload: { uuid: UUID, isDeleted: false, element: el('account'), ...payload } })
  it('a payload with no uuid is an error in source and target-request entries only', () => {
    const noUuid = withPayload({ uuid: undefined })
    for (const role of ['source', 'target-request'] as const) {
      expect(check(noUuid, role)).toEqual([
        error('/entry/sdata:payload/account/@sdata:uuid', 'the payload resource has no sdata:uuid (sync §4.4)'),
      ])
    }
    expect(check({ ...noUuid, http: { status: 200, message: 'OK' } }, 'result')).toEqual([])
    expect(check({ ...noUuid, digest: digest() }, 'digest')).toEqual([])
  })
  it('a uuid that is not a UUID', () => {
    expect(check(withPayload({ uuid: 'nope' }), 'source')).toEqual([
      error('/entry/sdata:payload/account/@sdata:uuid', 'sdata:uuid "nope" is not a UUID'),
    ])
  })
  it('a uuid in mixed case is a warning; one case throughout is fine', () => {
    expect(check(withPayload({ uuid: UUID.toUpperCase() }), 'source')).toEqual([])
    expect(check(withPayload({ uuid: '74926A0D-0000-4f4f-8b8b-000000000001' }), 'source')).toEqual([
      warning(
        '/entry/sdata:payload/account/@sdata:uuid',
        'sdata:uuid 74926A0D-0000-4f4f-8b8b-000000000001 mixes upper and lower case; compare it case-insensitively',
      ),
    ])
  })
  it('key, url, lookup and descriptor must be strings', () => {
    const payload = { key: 1, url: 2, lookup: 3, descriptor: 4 } as never
    expect(check(withPayload(payload), 'source')).toEqual([
      error('/entry/sdata:payload/account/@sdata:key', 'sdata:key is not a string'),
      error('/entry/sdata:payload/account/@sdata:url', 'sdata:url is not a string'),
      error('/entry/sdata:payload/account/@sdata:lookup', 'sdata:lookup is not a string'),
      error('/entry/sdata:payload/account/@sdata:descriptor', 'sdata:descriptor is not a string'),
    ])
    expect(check(withPayload({ key: 'k', url: 'http://u', lookup: 'l', descriptor: 'd' }), 'source')).toEqual([])
  })
  it('the resource element is named by its prefix in paths', () => {
    const element = { ...el('account', [el('name', [{ type: 'text', value: '\u0003' }])]), prefix: 'c' }
    expect(check(withPayload({ element }), 'source')).toEqual([
      error(
        '/entry/sdata:payload/c:account/name[1]/text()',
        'text holds a character XML 1.0 cannot carry (serializeXml writes U+FFFD instead)',
      ),
    ])
  })
  it('a deleted resource with only text is not warned about', () => {
    expect(
      check(withPayload({ isDeleted: true, element: el('account', [{ type: 'text', value: ' ' }]) }), 'source'),
    ).toEqual([])
  })
})

describe('the HTTP result of a result entry (core §13.4)', () => {
  const result = (http: SyncEntry['http']) => check(bare({ http }), 'result')
  it('no http at all: the status is an error, the message a warning', () => {
    expect(check(bare(), 'result')).toEqual([
      error('/entry/http:httpStatus', 'a result entry needs http:httpStatus (core §13.4)'),
      warning('/entry/http:httpMessage', 'a result entry should carry http:httpMessage (core §13.4)'),
    ])
  })
  it('the status must be an integer in 100..599', () => {
    for (const status of [100, 200, 599]) expect(result({ status, message: 'm' })).toEqual([])
    for (const status of [99, 600, 200.5, -200]) {
      expect(result({ status, message: 'm' })).toEqual([
        error('/entry/http:httpStatus', `httpStatus ${status} is not an HTTP status code`),
      ])
    }
  })
  it('a successful POST should give a location', () => {
    const post = (status: number, location?: string) =>
      result({ status, message: 'm', method: 'POST', ...(location === undefined ? {} : { location }) })
    const noLocation = warning('/entry/http:location', 'a successful create should give http:location (core §13.4)')
    expect(post(201)).toEqual([noLocation])
    expect(post(200)).toEqual([noLocation])
    expect(post(299)).toEqual([noLocation])
    expect(post(201, '')).toEqual([noLocation])
    expect(post(201, 'http://e/a(1)')).toEqual([])
    expect(post(199)).toEqual([])
    expect(post(300)).toEqual([])
    expect(result({ status: 201, message: 'm', method: 'PUT' })).toEqual([])
  })
  it('message, method, location and etag must be strings', () => {
    const http = { status: 200, message: 1, method: 'GET', location: 2, etag: 3 } as never
    expect(result(http)).toEqual([
      error('/entry/http:message', 'message is not a string'),
      error('/entry/http:location', 'location is not a string'),
      error('/entry/http:etag', 'etag is not a string'),
    ])
  })
  it('other roles do not look at http', () => {
    expect(check(entry({ http: {} }), 'source')).toEqual([])
  })
})

describe('diagnoses (core §3.10)', () => {
  const withDiagnoses = (diagnoses: Diagnosis[]) => check(entry({ diagnoses }), 'source')
  it('diagnoses that are not an array', () => {
    expect(withDiagnoses('x' as never)).toEqual([error('/entry', 'diagnoses are not an array')])
  })
  it('a diagnosis with no severity, located by its position', () => {
    expect(
      withDiagnoses([
        { severity: 'Error', sdataCode: 'X', extensions: [] },
        { sdataCode: 'X', extensions: [] },
      ]),
    ).toEqual([
      warning('/entry/sdata:diagnosis[2]/severity', 'the diagnosis has no severity (core §3.10 requires one)'),
    ])
  })
  it('a severity that is not a string is an error, not an unknown severity', () => {
    expect(withDiagnoses([{ severity: 5, sdataCode: 'X', extensions: [] } as never])).toEqual([
      error('/entry/sdata:diagnosis[1]/severity', 'severity is not a string'),
    ])
  })
  it('an applicationCode with no sdataCode only misses the sdataCode', () => {
    expect(withDiagnoses([{ severity: 'Error', applicationCode: '42', extensions: [] }])).toEqual([
      warning('/entry/sdata:diagnosis[1]/sdataCode', 'the diagnosis has no sdataCode (core §3.10 requires one)'),
    ])
  })
  it('text members must be strings; null (as JSON writes it) is allowed', () => {
    const nulls = { message: null, stackTrace: null, payloadPath: null, applicationCode: null } as never
    expect(withDiagnoses([{ severity: 'Error', sdataCode: 'X', extensions: [], ...(nulls as object) }])).toEqual([])
    const numbers = { message: 1, stackTrace: 2, payloadPath: 3, applicationCode: 4 } as never
    expect(withDiagnoses([{ severity: 'Error', sdataCode: 'X', extensions: [], ...(numbers as object) }])).toEqual([
      error('/entry/sdata:diagnosis[1]/applicationCode', 'applicationCode is not a string'),
      error('/entry/sdata:diagnosis[1]/message', 'message is not a string'),
      error('/entry/sdata:diagnosis[1]/stackTrace', 'stackTrace is not a string'),
      error('/entry/sdata:diagnosis[1]/payloadPath', 'payloadPath is not a string'),
    ])
  })
  it('kept extensions of a diagnosis are checked at its path', () => {
    expect(withDiagnoses([{ severity: 'Error', sdataCode: 'X', extensions: [null as never] }])).toEqual([
      error('/entry/sdata:diagnosis[1]/*[1]', 'not an XML element'),
    ])
  })
})

describe('members decoding keeps as extensions', () => {
  const nilAttr = (value: string) => ({ namespace: XSI_NS, localName: 'nil', prefix: 'xsi', value })
  const nilState = (value = 'true') => el('syncState', [], SYNC_NS, [nilAttr(value)])
  const payloadElement = () => el('payload', [el('account')], SDATA_NS)
  const nilWarning = warning(
    '/entry/sync:syncState',
    'the sync:syncState is nil (xsi:nil="true"); it is read as no state and written back as it is',
  )
  const second = (n: number) =>
    error(
      `/entry/sdata:payload[${n}]`,
      `the entry has ${n} sdata:payload elements; an entry carries one (sync §4.4) and only the first is read`,
    )
  it('a nil syncState is a warning, in any spelling of true', () => {
    expect(validateSyncEntry(bare({ digest: digest(), extensions: [nilState()] }))).toEqual([nilWarning])
    expect(validateSyncEntry(bare({ digest: digest(), extensions: [nilState('1')] }))).toEqual([nilWarning])
  })
  it('a syncState that is not nil, or a nil element of another name or namespace, is no warning', () => {
    for (const x of [
      nilState('false'),
      el('syncState', [], SYNC_NS),
      el('other', [], SYNC_NS, [nilAttr('true')]),
      el('syncState', [], SDATA_NS, [nilAttr('true')]),
    ]) {
      expect(validateSyncEntry(bare({ digest: digest(), extensions: [x] }))).toEqual([])
    }
  })
  it('a second payload is an error, beside a payload or a digest', () => {
    expect(check(entry({ extensions: [payloadElement()] }), 'source')).toEqual([second(2)])
    expect(validateSyncEntry(bare({ digest: digest(), extensions: [payloadElement()] }))).toEqual([second(2)])
  })
  it('kept payloads beyond the first are each reported, counting the one read', () => {
    expect(check(entry({ extensions: [payloadElement(), payloadElement()] }), 'source')).toEqual([second(2), second(3)])
  })
  it('with no payload read, the first kept payload is the first payload', () => {
    const noPayload = bare({ http: { status: 200, message: 'OK' }, extensions: [payloadElement()] })
    expect(check(noPayload, 'result')).toEqual([])
    expect(check({ ...noPayload, extensions: [payloadElement(), payloadElement()] }, 'result')).toEqual([second(2)])
  })
  it('a payload element in another namespace is not a payload', () => {
    expect(check(entry({ extensions: [el('payload', [], SYNC_NS)] }), 'source')).toEqual([])
  })
})
