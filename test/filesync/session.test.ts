import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import {
  type ChangesStep,
  changesUrl,
  createChangesSession,
  DEFAULT_RETRY_AFTER_MS,
  type FileSyncResponse,
  FileSyncXml,
  type Item,
  parseSyncResponseHeaders,
  readChangesResponse,
  retryAfterMs,
} from '../../src/filesync/index'
import type { Issue } from '../../src/xml/index'
import { fixture } from '../support/fixtures'
import { decodeIssue, headerFault, wholeFault } from '../support/issues'
import { numRuns } from '../support/runtime'
import { ChangesServer, change, ids, LIBRARY, SITE, text, tokenAt } from './session-server'

interface Exchange {
  method: string
  path: string
  request_headers: Record<string, string>
  response_headers: Record<string, string>
}
const exchanges = JSON.parse(fixture('filesync/spo-2025-12-http-headers.json')) as Exchange[]
const capturedGets = exchanges.filter((e) => e.method === 'GET')

function items(xml: string): Item[] {
  const r = FileSyncXml.decode(xml)
  if (E.isLeft(r) || r.right.root !== 'Folder') throw new Error('fixture does not decode')
  return r.right.folder.items ?? []
}

/** Runs a session against the server until it stops, collecting every changes step's items. */
function drain(server: ChangesServer, session: ReturnType<typeof createChangesSession>) {
  const steps: ChangesStep[] = []
  const got: Item[] = []
  for (let request = session.next(), i = 0; request && i < 100; request = session.next(), i++) {
    const step = session.receive(server.answer(request))
    steps.push(step)
    if (step.type === 'changes') got.push(...step.items)
  }
  return { steps, got }
}

describe('createChangesSession: the first pass', () => {
  it('walks several FullData pages, committing each page token, then stops', () => {
    const server = new ChangesServer()
    server.append(5)
    const session = createChangesSession({ siteUrl: SITE, libraryId: LIBRARY, maxItemCount: 2, flat: true })
    expect(session.syncToken).toBeUndefined()
    const { steps, got } = drain(server, session)
    expect(steps.map((s) => s.type === 'changes' && [s.syncStatus, s.more, s.items.length])).toEqual([
      ['FullData', true, 2],
      ['IncrementalChanges', true, 2],
      ['IncrementalChanges', false, 1],
    ])
    expect(text(got as never)).toBe(text(server.history))
    expect(session.syncToken).toBe(tokenAt(5))
    expect(session.state).toBe('caught-up')
    expect(session.next()).toBeUndefined()
    // The first query has no token; each later one carries the token of the page before, as changesUrl builds it.
    expect(server.requests.map((r) => r.url)).toEqual([
      changesUrl(SITE, LIBRARY, { maxItemCount: 2 }),
      changesUrl(SITE, LIBRARY, { maxItemCount: 2, syncToken: tokenAt(2) }),
      changesUrl(SITE, LIBRARY, { maxItemCount: 2, syncToken: tokenAt(4) }),
    ])
    expect(server.requests[0]).toEqual({
      method: 'GET',
      url: server.requests[0]!.url,
      headers: { Accept: 'application/web3s+xml', Application: 'SkyDriveSync', 'X-ResponseStructure': 'Flat' },
    })
  })

  it('asks for the nested structure unless flat is set', () => {
    const session = createChangesSession({ siteUrl: SITE, libraryId: LIBRARY })
    expect(session.next()?.headers).toEqual({ Accept: 'application/web3s+xml', Application: 'SkyDriveSync' })
  })

  it('hands out the items of the captured SPO pages, with the captured headers, as bytes and as text', () => {
    const pages = [
      'spo-2025-03-changes-folder-created.response.xml',
      'spo-2025-06-changes-document-created.response.xml',
      'spo-2025-08-changes-document-created-2.response.xml',
      'spo-2025-11-changes-document-updated.response.xml',
    ].map((f) => fixture(`filesync/${f}`))
    const token = parseSyncResponseHeaders(capturedGets[0]!.response_headers).headers.syncToken!
    const session = createChangesSession({ siteUrl: SITE, libraryId: LIBRARY, syncToken: 'start', flat: true })
    pages.forEach((xml, i) => {
      const last = i === pages.length - 1
      const request = session.next()
      expect(request?.url).toContain(i === 0 ? 'SyncToken=start&' : `SyncToken=${token}${i}&`)
      const headers = new Headers(capturedGets[i % capturedGets.length]!.response_headers)
      headers.set('X-SyncToken', `${token}${i + 1}`)
      if (!last) headers.set('X-HasMoreData', 'True')
      const body = i % 2 === 0 ? new TextEncoder().encode(xml) : xml
      const step = session.receive({ status: 200, headers, body })
      expect(step.type === 'changes' && step.items).toEqual(items(xml))
      expect(step.type === 'changes' && [step.syncStatus, step.more, step.headers.quotaState]).toEqual([
        'IncrementalChanges',
        !last,
        'Normal',
      ])
      expect(session.syncToken).toBe(`${token}${i + 1}`)
    })
    expect(session.next()).toBeUndefined()
  })
})

describe('createChangesSession: caught up', () => {
  it('stops on NoChanges and commits the token it carries', () => {
    const server = new ChangesServer()
    server.append(3)
    const session = createChangesSession({ siteUrl: SITE, libraryId: LIBRARY, syncToken: tokenAt(3) })
    const { steps } = drain(server, session)
    expect(steps).toEqual([expect.objectContaining({ type: 'no-changes', syncToken: tokenAt(3) })])
    expect(session.state).toBe('caught-up')
    expect(session.next()).toBeUndefined()
  })

  it('keeps its token on a NoChanges without one', () => {
    const session = createChangesSession({ siteUrl: SITE, libraryId: LIBRARY, syncToken: 'kept' })
    session.next()
    expect(session.receive({ status: 200, headers: { 'X-SyncStatus': 'NoChanges' }, body: '' }).type).toBe('no-changes')
    expect(session.syncToken).toBe('kept')
  })
})

/** What is at fault in a session's issue, told by its code and steps: the status, a header, the session's use, the body. */
const faultOf = (i: Issue): 'status' | 'header' | 'session' | 'body' =>
  i.code === 'bad-status'
    ? 'status'
    : i.code === 'call-order'
      ? 'session'
      : i.steps[0]?.kind === 'header'
        ? 'header'
        : 'body'

describe('createChangesSession: a bad page is repeated, never skipped', () => {
  it.each([
    ['bad-body', 'body'],
    ['bad-utf8', 'body'],
    ['missing-token', 'header'],
    ['missing-status', 'header'],
    ['server-error', 'status'],
  ] as const)('%s: error, token kept, the same request again, no item lost', (fault, source) => {
    const server = new ChangesServer()
    server.append(4)
    const session = createChangesSession({ siteUrl: SITE, libraryId: LIBRARY, maxItemCount: 2 })
    const got: Item[] = []
    const first = session.receive(server.answer(session.next()!))
    if (first.type === 'changes') got.push(...first.items)
    const before = session.syncToken
    const request = session.next()!
    const bad = session.receive(server.answer(request, fault))
    expect(bad.type).toBe('error')
    expect(bad.type === 'error' && bad.issues.map(faultOf)).toContain(source)
    expect(session.syncToken).toBe(before)
    expect(session.next()).toEqual(request)
    const good = session.receive(server.answer(request))
    if (good.type === 'changes') got.push(...good.items)
    expect(ids(got)).toEqual(ids(server.history))
    expect(session.syncToken).toBe(tokenAt(4))
  })

  it('names what is missing or broken', () => {
    const read = (r: FileSyncResponse) => readChangesResponse(r)
    expect(read({ status: 200, headers: {}, body: '' })).toEqual({
      type: 'error',
      status: 200,
      issues: [headerFault('error', 'missing', 'X-SyncStatus', 'missing')],
    })
    const broken = read({ status: 200, headers: { 'X-SyncStatus': 'FullData', 'X-SyncToken': 't' }, body: '<Folder>' })
    expect(broken.type === 'error' && broken.issues[0]?.path).toMatch(/^\d+:\d+$/)
    const items = read({
      status: 200,
      headers: { 'X-SyncStatus': 'FullData', 'X-SyncToken': 't' },
      body: '<Items></Items>',
    })
    expect(items.type === 'error' && items.issues).toEqual([
      decodeIssue('unexpected', '/Items', 'expected a <Folder> changes listing, found <Items>'),
    ])
    const more = read({ status: 200, headers: { 'X-SyncStatus': 'FullData', 'X-HasMoreData': 'maybe' }, body: '' })
    expect(more.type === 'error' && more.issues.map((i) => i.path)).toEqual(['X-HasMoreData'])
    const unknown = read({ status: 200, headers: { 'X-SyncStatus': 'Paused' }, body: '' })
    expect(unknown.type === 'error' && unknown.issues.map((i) => i.path)).toEqual(['X-SyncStatus'])
    expect(read({ status: 404, headers: {}, body: '' })).toEqual({
      type: 'error',
      status: 404,
      issues: [wholeFault('bad-status', 'expected 200, found 404')],
    })
  })

  it('refuses an empty page that promises more under the same token (no progress, no endless loop)', () => {
    const session = createChangesSession({ siteUrl: SITE, libraryId: LIBRARY, syncToken: tokenAt(2) })
    const request = session.next()
    const headers = { 'X-SyncStatus': 'IncrementalChanges', 'X-SyncToken': tokenAt(2), 'X-HasMoreData': 'True' }
    const empty = '<Folder><Items></Items></Folder>'
    expect(session.receive({ status: 200, headers, body: empty })).toMatchObject({
      type: 'error',
      issues: [{ code: 'rule', path: 'X-HasMoreData', steps: [{ kind: 'header', name: 'X-HasMoreData' }] }],
    })
    expect(session.next()).toEqual(request)
    const moved = session.receive({ status: 200, headers: { ...headers, 'X-SyncToken': tokenAt(3) }, body: empty })
    expect(moved).toMatchObject({ type: 'changes', more: true, items: [] })
    expect(session.syncToken).toBe(tokenAt(3))
  })

  it('treats receive() without a request out as an error that changes nothing', () => {
    const session = createChangesSession({ siteUrl: SITE, libraryId: LIBRARY })
    const step = session.receive({
      status: 200,
      headers: { 'X-SyncStatus': 'NoChanges', 'X-SyncToken': 'x' },
      body: '',
    })
    expect(step.type === 'error' && step.issues[0] && faultOf(step.issues[0])).toBe('session')
    expect([session.state, session.syncToken]).toEqual(['ready', undefined])
    expect(session.next()).toEqual(session.next())
  })
})

describe('createChangesSession: retry', () => {
  it('waits the seconds of a 429 Retry-After and repeats the request', () => {
    const server = new ChangesServer()
    server.append(1)
    const session = createChangesSession({ siteUrl: SITE, libraryId: LIBRARY })
    const request = session.next()!
    expect(session.receive(server.answer(request, 'throttle-seconds'))).toEqual({
      type: 'retry',
      status: 429,
      afterMs: 7000,
    })
    expect(session.syncToken).toBeUndefined()
    expect(session.next()).toEqual(request)
  })

  it('measures a 503 HTTP-date Retry-After from the injected clock', () => {
    const server = new ChangesServer()
    const session = createChangesSession({ siteUrl: SITE, libraryId: LIBRARY, now: () => server.clock })
    expect(session.receive(server.answer(session.next()!, 'throttle-date'))).toEqual({
      type: 'retry',
      status: 503,
      afterMs: 42_000,
    })
    const late = createChangesSession({ siteUrl: SITE, libraryId: LIBRARY, now: () => server.clock + 60_000 })
    expect(late.receive(server.answer(late.next()!, 'throttle-date'))).toMatchObject({ afterMs: 0 })
  })

  it('falls back to the default without a readable Retry-After', () => {
    const server = new ChangesServer()
    const session = createChangesSession({ siteUrl: SITE, libraryId: LIBRARY })
    expect(session.receive(server.answer(session.next()!, 'unavailable'))).toMatchObject({
      afterMs: DEFAULT_RETRY_AFTER_MS,
    })
    const custom = createChangesSession({ siteUrl: SITE, libraryId: LIBRARY, defaultRetryAfterMs: 5 })
    custom.next()
    expect(custom.receive({ status: 429, headers: { 'Retry-After': 'soon' }, body: '' })).toMatchObject({ afterMs: 5 })
  })

  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Thu, 01 Jan 1970 00:00:05 GMT', 3000],
    ['Thursday, 01-Jan-70 00:00:05 GMT', 3000],
    ['Thu Jan  1 00:00:05 1970', 3000],
    ['Thu, 01 Jan 1970 00:00:01 GMT', 0],
    ['-1', undefined],
    ['1.5', undefined],
    ['', undefined],
    ['Someday', undefined],
  ])('reads Retry-After %j', (value, expected) => {
    expect(retryAfterMs({ 'retry-after': value }, () => 2000)).toBe(expected)
    expect(retryAfterMs(new Headers({ 'Retry-After': value }), () => 2000)).toBe(expected)
  })
})

describe('createChangesSession: token-only and resync', () => {
  it('commits the token of CurrentSyncTokenOnly and stops', () => {
    const session = createChangesSession({ siteUrl: SITE, libraryId: LIBRARY, syncToken: tokenAt(1) })
    session.next()
    const step = session.receive({
      status: 200,
      headers: { 'X-SyncStatus': 'CurrentSyncTokenOnly', 'X-SyncToken': tokenAt(9) },
      body: '',
    })
    expect(step).toMatchObject({ type: 'token-only', syncToken: tokenAt(9) })
    expect([session.syncToken, session.state, session.next()]).toEqual([tokenAt(9), 'caught-up', undefined])
  })

  it('reports CurrentSyncTokenOnly without a token as an error', () => {
    const session = createChangesSession({ siteUrl: SITE, libraryId: LIBRARY, syncToken: 'a' })
    session.next()
    const step = session.receive({ status: 200, headers: { 'X-SyncStatus': 'CurrentSyncTokenOnly' }, body: '' })
    expect(step.type).toBe('error')
    expect(session.syncToken).toBe('a')
  })

  it.each(['ResetReupload', 'Reupload', 'DifferentialUpload'])('stops on ResyncNeeded (%s), token kept', (action) => {
    const session = createChangesSession({ siteUrl: SITE, libraryId: LIBRARY, syncToken: tokenAt(1) })
    session.next()
    const step = session.receive({
      status: 200,
      headers: new Headers({ 'X-SyncStatus': 'ResyncNeeded', 'X-ResyncAction': action, 'X-SyncToken': tokenAt(2) }),
      body: '',
    })
    expect(step).toMatchObject({ type: 'resync', action, syncToken: tokenAt(2), warnings: [] })
    expect([session.syncToken, session.state, session.next()]).toEqual([tokenAt(1), 'resync', undefined])
  })

  it('passes on ResyncNeeded without an action, with a warning', () => {
    const step = readChangesResponse({ status: 200, headers: { 'X-SyncStatus': 'ResyncNeeded' }, body: '' })
    expect(step.type === 'resync' && [step.action, step.warnings.map((w) => w.path)]).toEqual([
      undefined,
      ['ResyncAction'],
    ])
  })
})

describe('createChangesSession: resume', () => {
  it('from a stored token asks exactly what the interrupted session would have asked', () => {
    const server = new ChangesServer()
    server.append(7)
    const options = { siteUrl: SITE, libraryId: LIBRARY, maxItemCount: 3, flat: true }
    const a = createChangesSession(options)
    const got: Item[] = []
    const first = a.receive(server.answer(a.next()!))
    if (first.type === 'changes') got.push(...first.items)
    const stored = a.syncToken
    const b = createChangesSession({ ...options, syncToken: stored })
    expect(b.next()).toEqual(a.next())
    const rest = drain(server, b)
    expect(ids([...got, ...rest.got])).toEqual(ids(server.history))
    expect(ids(rest.got)).toEqual(ids([change(4), change(5), change(6), change(7)]))
  })
})

describe('Headers objects and plain records', () => {
  it('read the same in parseSyncResponseHeaders, for every captured exchange', () => {
    for (const e of exchanges) {
      expect(parseSyncResponseHeaders(new Headers(e.response_headers))).toEqual(
        parseSyncResponseHeaders(e.response_headers),
      )
    }
    expect(parseSyncResponseHeaders(new Headers(capturedGets[0]!.response_headers)).headers.syncStatus).toBe(
      'IncrementalChanges',
    )
    expect(parseSyncResponseHeaders(new Map([['X-HasMoreData', 'True']])).headers).toEqual({ hasMoreData: true })
  })

  it('give the same session steps', () => {
    const server = new ChangesServer()
    server.append(3)
    for (const fault of ['none', 'missing-status', 'throttle-seconds'] as const) {
      const answer = server.answer(createChangesSession({ siteUrl: SITE, libraryId: LIBRARY }).next()!, fault)
      const asRecord = readChangesResponse(answer)
      const asHeaders = readChangesResponse({ ...answer, headers: new Headers(answer.headers as never) })
      expect(asHeaders).toEqual(asRecord)
    }
  })

  it('an empty Headers object is missing X-SyncStatus, not an empty success', () => {
    expect(parseSyncResponseHeaders(new Headers())).toEqual({ headers: {}, issues: [] })
    expect(readChangesResponse({ status: 200, headers: new Headers(), body: '' })).toMatchObject({
      type: 'error',
      issues: [{ path: 'X-SyncStatus', message: 'missing' }],
    })
  })
})

describe('properties', () => {
  it('Retry-After: delay-seconds and every HTTP-date form give the wait the clock says', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 4_000_000_000 }),
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        (seconds, at, now) => {
          expect(retryAfterMs({ 'Retry-After': String(seconds) }, () => now)).toBe(seconds * 1000)
          const date = new Date(at * 1000).toUTCString()
          expect(retryAfterMs(new Headers({ 'Retry-After': date }), () => now)).toBe(Math.max(0, at * 1000 - now))
        },
      ),
      { numRuns: numRuns(200) },
    )
  })

  it('parseSyncResponseHeaders reads a Headers object exactly as the record it was made from', () => {
    const names = ['X-SyncStatus', 'X-SyncToken', 'X-HasMoreData', 'X-QuotaState', 'X-ResyncAction', 'X-RequestDigest']
    const value = fc.oneof(
      fc.constantFrom('NoChanges', 'FullData', 'ResyncNeeded', 'True', 'false', 'Normal', 'Reupload', 'odd'),
      fc.stringMatching(/^[!-~]([ -~]*[!-~])?$/),
    )
    const record = fc.dictionary(
      fc.constantFrom(...names).chain((n) => fc.constantFrom(n, n.toLowerCase(), n.toUpperCase())),
      value,
      { maxKeys: 6 },
    )
    fc.assert(
      fc.property(record, (r) => {
        const unique = Object.fromEntries(
          Object.entries(r).filter(([k], i, all) => all.findIndex(([j]) => j.toLowerCase() === k.toLowerCase()) === i),
        )
        expect(parseSyncResponseHeaders(new Headers(unique))).toEqual(parseSyncResponseHeaders(unique))
      }),
      { numRuns: numRuns(200) },
    )
  })
})
