import fc from 'fast-check'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { child, element, NonNegativeInteger, optionalChild, qname, record, text } from '../../src/codec/index'
import {
  deletedPayload,
  type PayloadResource,
  payload,
  type SyncFeed,
  SyncFeedXml,
  stamp,
  syncEntry,
  syncFeed,
  syncFeedXml,
  validateSyncFeed,
} from '../../src/sdata/index'
import { numRuns } from '../support/runtime'

const XMLNS = 'http://www.w3.org/2000/xmlns/'

const C = 'http://schemas.sage.com/myContract'
const Account = element(
  qname(C, 'account'),
  record({
    name: child(qname(C, 'name'), text(t.string)),
    employees: optionalChild(qname(C, 'employees'), text(NonNegativeInteger)),
  }),
)
const AccountFeedXml = syncFeedXml(Account)
const ENDPOINT = 'http://www.example.com/sdata/myApp1/myContract/-/accounts'

describe('syncFeed, syncEntry', () => {
  it('fill in the lists a value must have, and keep what was given', () => {
    expect(syncFeed()).toEqual({ links: [], diagnoses: [], entries: [], extensions: [] })
    expect(syncEntry()).toEqual({ links: [], diagnoses: [], extensions: [] })
    const link = { rel: 'next', href: 'http://example.com/next' }
    expect(syncFeed({ title: 'T', links: [link] })).toEqual({
      title: 'T',
      links: [link],
      diagnoses: [],
      entries: [],
      extensions: [],
    })
    expect(syncEntry({ id: 'e', links: [link] }).links).toEqual([link])
  })
})

describe('payload', () => {
  it('builds the element from a typed value with the contract codec', () => {
    const built = payload(Account, { name: 'Acme', employees: 12 }, { uuid: 'u-1' })
    expect(built.value).toEqual({ name: 'Acme', employees: 12 })
    // The element as decoding would give it: the codec's tree, with the declaration of the namespace it uses.
    const encoded = Account.encode({ name: 'Acme', employees: 12 })
    expect(built.element).toEqual({
      ...encoded,
      attributes: [{ namespace: XMLNS, prefix: null, localName: 'xmlns', value: C }],
    })
    expect(built.uuid).toBe('u-1')
    expect(built.isDeleted).toBe(false)
  })

  it('takes an element for an untyped resource, adding only the declarations it relies on', () => {
    const declared = payload(Account, { name: 'x' }).element
    expect(payload(declared, { uuid: 'u-2' })).toEqual({ uuid: 'u-2', isDeleted: false, element: declared })
    expect(payload(Account.encode({ name: 'x' }))).toEqual({ isDeleted: false, element: declared })
  })

  it('builds a deleted resource as an empty element with its uuid (sync §6.1)', () => {
    expect(deletedPayload(qname(C, 'account', 'c'), { uuid: 'u-3' })).toEqual({
      uuid: 'u-3',
      isDeleted: true,
      element: {
        type: 'element',
        namespace: C,
        localName: 'account',
        prefix: 'c',
        attributes: [{ namespace: XMLNS, prefix: 'xmlns', localName: 'c', value: C }],
        children: [],
      },
    })
  })
})

// Random feeds made only with the builders: an endpoint's entries with increasing ticks, typed payloads, deletes.
const account = fc.record(
  {
    name: fc.string({ unit: fc.constantFrom('a', 'b', 'Z', ' ', '&', '<', 'é') }),
    employees: fc.nat(),
  },
  { requiredKeys: ['name'] },
)
/** A feed made only with the builders: one endpoint's entries with increasing ticks, each built by `entryOf`. */
function feedOf<V>(
  resources: fc.Arbitrary<Array<[{ name: string; employees?: number }, string, boolean]>>,
  entryOf: (value: { name: string; employees?: number }, uuid: string, deleted: boolean) => PayloadResource<V>,
): fc.Arbitrary<SyncFeed<V>> {
  const when = fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  return fc.record({ when, resources }).map(({ when, resources }) => {
    const at = stamp(when)
    return syncFeed<V>({
      syncMode: 'catchUp',
      digest: {
        origin: ENDPOINT,
        entries: [{ endpoint: ENDPOINT, tick: resources.length + 1, stamp: at, conflictPriority: 1 }],
      },
      entries: resources.map(([value, uuid, deleted], i) =>
        syncEntry<V>({
          id: `${ENDPOINT}('${uuid}')`,
          syncState: { endpoint: ENDPOINT, tick: i + 1, stamp: at },
          payload: entryOf(value, uuid, deleted),
        }),
      ),
    })
  })
}
const resources = fc.array(fc.tuple(account, fc.uuid(), fc.boolean()), { maxLength: 6 })
/** Typed payloads (a contract codec reads every resource, so no deletes here). */
const typedFeed = feedOf(resources, (value, uuid) => payload(Account, value, { uuid }))
/** Untyped payloads and deletes. */
const untypedFeed = feedOf(resources, (value, uuid, deleted) =>
  deleted ? deletedPayload(qname(C, 'account'), { uuid }) : payload(Account.encode(value), { uuid }),
)

describe('built values', () => {
  it('encode and decode back equal', () => {
    fc.assert(
      fc.property(typedFeed, untypedFeed, (typed, untyped) => {
        const decoded = AccountFeedXml.decode(AccountFeedXml.encode(typed))
        expect(decoded._tag).toBe('Right')
        if (decoded._tag === 'Right') expect(decoded.right).toEqual(typed)
        const plain = SyncFeedXml.decode(SyncFeedXml.encode(untyped))
        expect(plain._tag).toBe('Right')
        if (plain._tag === 'Right') expect(plain.right).toEqual(untyped)
      }),
      { numRuns: numRuns(100) },
    )
  })

  it('validate clean as a source feed', () => {
    fc.assert(
      fc.property(typedFeed, untypedFeed, (typed, untyped) => {
        expect(validateSyncFeed(typed, { role: 'source' })).toEqual([])
        expect(validateSyncFeed(untyped, { role: 'source' })).toEqual([])
      }),
      { numRuns: numRuns(100) },
    )
  })

  it('a typed payload encodes with the untyped codec too, to the same element', () => {
    const feed = syncFeed({
      entries: [syncEntry({ payload: payload(Account, { name: 'Acme' }, { uuid: 'u' }) })],
    })
    const decoded = SyncFeedXml.decode(SyncFeedXml.encode(feed))
    expect(decoded._tag).toBe('Right')
    if (decoded._tag === 'Right')
      expect(decoded.right.entries[0]?.payload?.element).toEqual(feed.entries[0]?.payload?.element)
  })
})

describe('payload fields', () => {
  it('isDeleted given in the fields is kept, for a typed value and for an element', () => {
    const typed = payload(Account, { name: 'x' }, { uuid: 'u', isDeleted: true })
    expect(typed.isDeleted).toBe(true)
    expect(typed.uuid).toBe('u')
    const untyped = payload(Account.encode({ name: 'x' }), { isDeleted: true, key: 'k' })
    expect(untyped).toEqual({ isDeleted: true, key: 'k', element: typed.element })
    expect(payload(Account, { name: 'x' })).toEqual({ isDeleted: false, element: typed.element, value: { name: 'x' } })
  })
  it('the builders keep every list given, and fill in each one left out or null', () => {
    const link = { rel: 'self', href: 'h' }
    const diagnosis = { severity: 'Error', sdataCode: 'X', extensions: [] }
    const kept = { type: 'element' as const, namespace: C, localName: 'x', prefix: null, attributes: [], children: [] }
    expect(syncEntry({ diagnoses: [diagnosis], extensions: [kept] })).toEqual({
      links: [],
      diagnoses: [diagnosis],
      extensions: [kept],
    })
    expect(syncFeed({ entries: [syncEntry()], diagnoses: null as never })).toEqual({
      links: [],
      diagnoses: [],
      entries: [{ links: [], diagnoses: [], extensions: [] }],
      extensions: [],
    })
    expect(syncFeed({ links: [link], extensions: [kept] })).toMatchObject({ links: [link], extensions: [kept] })
  })
})
