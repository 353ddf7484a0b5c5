import { describe, expect, it } from 'vitest'
import { headerValues, parseSyncResponseHeaders } from '../../../src/filesync/index'
import { fixture } from '../../support/fixtures'
import { headerFault } from '../../support/issues'

interface Exchange {
  method: string
  response_headers: Record<string, string>
}

const exchanges = JSON.parse(fixture('filesync/spo-2025-12-http-headers.json')) as Exchange[]

describe('parseSyncResponseHeaders on the captured SPO exchanges', () => {
  it.each(exchanges.map((e, i) => [i, e] as const))('reads exchange %i without issues', (_, e) => {
    const { headers, issues } = parseSyncResponseHeaders(e.response_headers)
    expect(issues).toEqual([])
    const raw = e.response_headers
    expect(headers.syncStatus).toBe(raw['X-SyncStatus'])
    expect(headers.syncToken).toBe(raw['X-SyncToken'])
    expect(headers.quotaState).toBe(raw['X-QuotaState'])
    expect(headers.listLevelQuotaState).toBe(raw['X-ListLevelQuotaState'])
    expect(headers.lastProcessedChange).toBe(raw['X-LastProcessedChange'])
    expect(headers.hasMoreData).toBeUndefined()
  })

  it('reads the changes answers as IncrementalChanges with the token verbatim', () => {
    const { headers } = parseSyncResponseHeaders(exchanges[1]!.response_headers)
    expect(headers).toEqual({
      syncStatus: 'IncrementalChanges',
      syncToken: '4;%234;%231;3;5d2445a6-f48d-4f6c-b190-640d11e29a93;638981499974730000;832323987;%23;%23;%230;%23',
      quotaState: 'Normal',
      listLevelQuotaState: 'Normal',
      lastProcessedChange: '1;3;5d2445a6-f48d-4f6c-b190-640d11e29a93;638981499974730000;832323987',
    })
  })

  it('finds the write answers carry no sync headers', () => {
    expect(parseSyncResponseHeaders(exchanges[0]!.response_headers).headers).toEqual({})
  })
})

describe('parseSyncResponseHeaders', () => {
  it('looks names up case-insensitively, as Node lower-cases them', () => {
    const { headers, issues } = parseSyncResponseHeaders({
      'x-syncstatus': 'FullData',
      'x-hasmoredata': 'true',
      'X-SYNCTOKEN': ' 4;%234 ',
      'x-requestdigest': '0x1234,07 Nov 2025 22:06:37 -0000',
    })
    expect(issues).toEqual([])
    expect(headers).toEqual({
      syncStatus: 'FullData',
      hasMoreData: true,
      syncToken: '4;%234',
      requestDigest: '0x1234,07 Nov 2025 22:06:37 -0000',
    })
  })

  it.each([
    ['True', true],
    ['true', true],
    ['False', false],
    ['false', false],
  ])('reads X-HasMoreData %s', (value, expected) => {
    expect(parseSyncResponseHeaders({ 'X-HasMoreData': value }).headers.hasMoreData).toBe(expected)
  })

  it('reports an unreadable X-HasMoreData and leaves it out', () => {
    expect(parseSyncResponseHeaders({ 'X-HasMoreData': 'yes' })).toEqual({
      headers: {},
      issues: [headerFault('error', 'bad-value', 'X-HasMoreData', "expected True or False, found 'yes'")],
    })
  })

  it.each(['NoChanges', 'IncrementalChanges', 'FullData', 'CurrentSyncTokenOnly'])('knows %s', (status) => {
    expect(parseSyncResponseHeaders({ 'X-SyncStatus': status })).toEqual({
      headers: { syncStatus: status },
      issues: [],
    })
  })

  it.each(['ResetReupload', 'Reupload', 'DifferentialUpload'])('reads ResyncNeeded with ResyncAction %s', (action) => {
    const expected = { headers: { syncStatus: 'ResyncNeeded', resyncAction: action }, issues: [] }
    expect(parseSyncResponseHeaders({ 'X-SyncStatus': 'ResyncNeeded', 'X-ResyncAction': action })).toEqual(expected)
    expect(parseSyncResponseHeaders({ 'X-SyncStatus': `ResyncNeeded; ResyncAction=${action}` })).toEqual(expected)
  })

  it('warns about ResyncNeeded without an action', () => {
    expect(parseSyncResponseHeaders({ 'X-SyncStatus': 'ResyncNeeded' }).issues).toEqual([
      headerFault('warning', 'missing', 'ResyncAction', 'ResyncNeeded came without a ResyncAction'),
    ])
  })

  it('warns about a ResyncAction that comes with another status, or with none, and keeps it', () => {
    const warning = headerFault('warning', 'rule', 'ResyncAction', 'a ResyncAction without X-SyncStatus: ResyncNeeded')
    const changes = parseSyncResponseHeaders({ 'X-SyncStatus': 'IncrementalChanges', 'X-ResyncAction': 'Reupload' })
    expect(changes.headers).toMatchObject({ syncStatus: 'IncrementalChanges', resyncAction: 'Reupload' })
    expect(changes.issues).toEqual([warning])
    expect(parseSyncResponseHeaders({ 'X-ResyncAction': 'Reupload' }).issues).toEqual([warning])
    expect(parseSyncResponseHeaders({ 'X-SyncStatus': 'ResyncNeeded', 'X-ResyncAction': 'Reupload' }).issues).toEqual(
      [],
    )
  })

  it('keeps and flags unknown status, action and quota values', () => {
    const { headers, issues } = parseSyncResponseHeaders({
      'X-SyncStatus': 'ResyncNeeded',
      ResyncAction: 'Rebuild',
      'X-QuotaState': 'exceeded',
    })
    expect(headers).toEqual({ syncStatus: 'ResyncNeeded', resyncAction: 'Rebuild', quotaState: 'exceeded' })
    expect(issues.map((i) => [i.severity, i.path])).toEqual([
      ['warning', 'ResyncAction'],
      ['warning', 'X-QuotaState'],
    ])
    expect(parseSyncResponseHeaders({ 'X-SyncStatus': 'Paused' })).toEqual({
      headers: { syncStatus: 'Paused' },
      issues: [
        headerFault(
          'warning',
          'bad-value',
          'X-SyncStatus',
          "expected one of NoChanges, IncrementalChanges, FullData, ResyncNeeded, CurrentSyncTokenOnly, found 'Paused'",
        ),
      ],
    })
  })

  it('reports a header repeated with different values and uses the first', () => {
    const { headers, issues } = parseSyncResponseHeaders({ 'X-SyncToken': ['a', 'b'], 'x-synctoken': undefined })
    expect(headers.syncToken).toBe('a')
    expect(issues).toEqual([
      headerFault('error', 'unexpected', 'X-SyncToken', 'sent 2 times with different values; the first is used'),
    ])
  })

  it('never throws on odd input', () => {
    expect(parseSyncResponseHeaders({ 'X-SyncStatus': [], 'X-HasMoreData': undefined }).headers).toEqual({})
    expect(parseSyncResponseHeaders(null as never)).toEqual({ headers: {}, issues: [] })
  })
})

describe('parseSyncResponseHeaders on a WHATWG Headers object (what fetch returns)', () => {
  it.each(exchanges.map((e, i) => [i, e] as const))('reads exchange %i as it reads the record', (_, e) => {
    expect(parseSyncResponseHeaders(new Headers(e.response_headers))).toEqual(
      parseSyncResponseHeaders(e.response_headers),
    )
  })

  it('reads every field and reports bad values, as for a record', () => {
    const record = {
      'X-SyncStatus': 'ResyncNeeded',
      'X-ResyncAction': 'Reupload',
      'X-SyncToken': ' 4;%234 ',
      'X-HasMoreData': 'yes',
      'X-QuotaState': 'exceeded',
      'X-RequestDigest': '0x1,07 Nov 2025',
    }
    const fromHeaders = parseSyncResponseHeaders(new Headers(record))
    expect(fromHeaders).toEqual(parseSyncResponseHeaders(record))
    expect(fromHeaders.headers).toEqual({
      syncStatus: 'ResyncNeeded',
      resyncAction: 'Reupload',
      syncToken: '4;%234',
      quotaState: 'exceeded',
      requestDigest: '0x1,07 Nov 2025',
    })
    expect(fromHeaders.issues.map((i) => i.path)).toEqual(['X-HasMoreData', 'X-QuotaState'])
  })

  it('sees an appended header as one combined value, as fetch does', () => {
    const h = new Headers()
    h.append('X-SyncToken', 'a')
    h.append('x-synctoken', 'b')
    expect(parseSyncResponseHeaders(h).headers.syncToken).toBe('a, b')
  })
})

describe('headerValues', () => {
  it('lower-cases names and keeps every value of a record, a Headers object and a Map', () => {
    expect([...headerValues({ 'X-A': ['1', '2'], 'x-a': '3', 'X-B': undefined })]).toEqual([
      ['x-a', ['1', '2', '3']],
      ['x-b', []],
    ])
    expect([...headerValues(new Headers({ 'X-A': '1' }))]).toEqual([['x-a', ['1']]])
    expect([...headerValues(new Map([['X-A', '1']]))]).toEqual([['x-a', ['1']]])
  })

  it('never throws: odd input is empty, a throwing getter keeps what was read', () => {
    expect(headerValues(null).size).toBe(0)
    expect(headerValues('X-A: 1' as never).size).toBe(0)
    const hostile = {
      'X-A': '1',
      get 'X-B'(): string {
        throw new Error('no')
      },
    }
    expect([...headerValues(hostile)]).toEqual([['x-a', ['1']]])
    expect(
      headerValues({
        forEach: () => {
          throw new Error('no')
        },
      }).size,
    ).toBe(0)
  })
})
