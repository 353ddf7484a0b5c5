import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import {
  buildUploadBody,
  changesUrl,
  createChangesSession,
  createFirstRunSession,
  createWriteSession,
  FileSyncXml,
  policyRule,
  policyUrl,
  splitUploadBody,
  writeUrl,
} from '../../src/filesync/index'
import { fixture } from '../support/fixtures'
import { ChangesServer, ids, LIBRARY, SITE, tokenAt } from './session-server'

const policyXml = fixture('filesync/rest/policy.xml.txt')

describe('createFirstRunSession', () => {
  it('asks for the policy first, then runs the full changes pass', () => {
    const server = new ChangesServer()
    server.append(3)
    const run = createFirstRunSession({ siteUrl: SITE, libraryId: LIBRARY, maxItemCount: 2, flat: true })
    expect(run.state).toBe('policy')
    const first = run.next()!
    expect(first).toEqual({
      method: 'GET',
      url: policyUrl(SITE, LIBRARY),
      headers: { Accept: 'application/xml', Application: 'SkyDriveSync' },
    })
    // A throttled or failed policy request is asked again.
    expect(run.receive({ status: 429, headers: { 'Retry-After': '3' }, body: '' })).toEqual({
      type: 'retry',
      status: 429,
      afterMs: 3000,
    })
    expect(run.next()).toEqual(first)
    const broken = run.receive({ status: 200, headers: {}, body: '<PolicyDocument><Rule/></PolicyDocument>' })
    expect(broken.type === 'error' && broken.issues.map((i) => i.path)).toEqual(['/PolicyDocument/Rule[1]/@name'])
    expect(run.next()).toEqual(first)
    expect(run.receive({ status: 500, headers: {}, body: '' }).type).toBe('error')
    run.next()
    const policy = run.receive({ status: 200, headers: new Headers(), body: new TextEncoder().encode(policyXml) })
    expect(policy.type === 'policy' && policyRule(policy.policy, 'ItemCount')).toBe('500')
    expect(run.policy?.rules.length).toBe(4)
    expect(run.state).toBe('ready')
    const got = []
    for (let request = run.next(); request; request = run.next()) {
      const step = run.receive(server.answer(request))
      if (step.type === 'changes') got.push(...step.items)
    }
    expect(server.requests[0]?.url).toBe(changesUrl(SITE, LIBRARY, { maxItemCount: 2 }))
    expect(ids(got)).toEqual(ids(server.history))
    expect(run.syncToken).toBe(tokenAt(3))
    expect(run.state).toBe('caught-up')
  })

  it('refuses receive() before next() and undecodable bytes', () => {
    const run = createFirstRunSession({ siteUrl: SITE, libraryId: LIBRARY })
    expect(run.receive({ status: 200, headers: {}, body: policyXml }).type).toBe('error')
    expect(run.policy).toBeUndefined()
    run.next()
    const bad = run.receive({ status: 200, headers: {}, body: new Uint8Array([0x3c, 0xff]) })
    expect(bad.type === 'error' && bad.issues[0]?.message).toContain('malformed UTF-8 at byte offset 1')
  })
})

describe('createWriteSession', () => {
  const requestPart = fixture('filesync/spo-2025-04-write-document-create.request-part.xml').replace(/^\uFEFF/, '')
  const responseXml = fixture('filesync/spo-2025-05-write-document-create.response.xml')
  const upload = buildUploadBody({
    xml: requestPart,
    content: new Uint8Array([0x68, 0x69]),
    fragmentSessionId: 'b9f41f61-eda6-4e7b-9562-74dd3b298623',
    boundary: 'uuid:29daebb0-acd7-429f-bc2a-e30d8c400fef',
  })
  if (E.isLeft(upload)) throw new Error(upload.left.message)
  const digest = '0x8A9F,07 Nov 2025 22:06:37 -0000'

  it('resends the upload with the X-RequestDigest of a 403, then reads the Items answer', () => {
    const write = createWriteSession({ siteUrl: SITE, libraryId: LIBRARY, body: upload.right, syncToken: 'not-sent' })
    const first = write.next()!
    expect(first).toEqual({
      method: 'POST',
      url: writeUrl(SITE, LIBRARY),
      headers: { 'Content-Type': upload.right.contentType, Application: 'SkyDriveSync' },
      body: upload.right.body,
    })
    const parts = splitUploadBody(first.body as Uint8Array, first.headers['Content-Type']!)
    expect(E.isRight(parts) && parts.right.xml).toBe(requestPart)
    expect(write.receive({ status: 403, headers: new Headers({ 'X-RequestDigest': digest }), body: '' })).toEqual({
      type: 'digest',
      requestDigest: digest,
    })
    const second = write.next()!
    expect(second.headers).toEqual({ ...first.headers, 'X-RequestDigest': digest })
    expect(second.body).toBe(first.body)
    const done = write.receive({ status: 200, headers: {}, body: responseXml })
    const expected = FileSyncXml.decode(responseXml)
    expect(done).toEqual({
      type: 'written',
      items: E.isRight(expected) && expected.right.root === 'Items' && expected.right.items,
    })
    expect(done.type === 'written' && done.items[0]?.kind === 'Document' && done.items[0].writeStatus).toBe('Success')
    expect([write.done, write.next(), write.requestDigest]).toEqual([true, undefined, digest])
  })

  it('sends a metadata write as web3s+xml with the sync token and a known digest', () => {
    const xml = fixture('filesync/spo-2025-01-write-folder-create.request.xml')
    const write = createWriteSession({
      siteUrl: SITE,
      libraryId: LIBRARY,
      body: xml,
      syncToken: 't;1',
      requestDigest: digest,
    })
    expect(write.next()).toEqual({
      method: 'POST',
      url: writeUrl(SITE, LIBRARY, { syncToken: 't;1' }),
      headers: { 'Content-Type': 'application/web3s+xml', Application: 'SkyDriveSync', 'X-RequestDigest': digest },
      body: xml,
    })
  })

  it('gives up on a 403 without a new digest, and after too many refreshes', () => {
    const write = createWriteSession({ siteUrl: SITE, libraryId: LIBRARY, body: '<Items/>', maxDigestRefreshes: 1 })
    write.next()
    expect(write.receive({ status: 403, headers: {}, body: '' }).type).toBe('error')
    write.next()
    expect(write.receive({ status: 403, headers: { 'X-RequestDigest': 'a' }, body: '' }).type).toBe('digest')
    write.next()
    expect(write.receive({ status: 403, headers: { 'X-RequestDigest': 'a' }, body: '' }).type).toBe('error')
    write.next()
    expect(write.receive({ status: 403, headers: { 'X-RequestDigest': 'b' }, body: '' }).type).toBe('error')
    expect(write.done).toBe(false)
  })

  it('retries 429/503, and reports other statuses, a Folder answer and receive() out of turn', () => {
    const write = createWriteSession({ siteUrl: SITE, libraryId: LIBRARY, body: '<Items/>', defaultRetryAfterMs: 9 })
    expect(write.receive({ status: 200, headers: {}, body: responseXml }).type).toBe('error')
    write.next()
    expect(write.receive({ status: 503, headers: {}, body: '' })).toEqual({ type: 'retry', status: 503, afterMs: 9 })
    write.next()
    expect(write.receive({ status: 409, headers: {}, body: '' })).toMatchObject({ type: 'error', status: 409 })
    write.next()
    const folder = write.receive({ status: 200, headers: {}, body: '<Folder/>' })
    expect(folder.type === 'error' && folder.issues[0]?.path).toBe('/Folder')
    write.next()
    const broken = write.receive({ status: 200, headers: {}, body: '<Items><Document><DateModified>x' })
    expect(broken.type).toBe('error')
    expect(write.done).toBe(false)
  })
})

describe('sessions given a lone surrogate in libraryId or siteHost', () => {
  // Nothing is checked before the server: like an id that is not a GUID, it goes into the URL (as the three bytes of
  // its code point, never as U+FFFD), and the server's refusal comes back as an `error` step that repeats the request.
  const bad = 'x\uD800'
  const refused = { status: 400, headers: {}, body: '' }

  it('createChangesSession and createFirstRunSession ask, and report the refusal', () => {
    const changes = createChangesSession({ siteUrl: SITE, libraryId: LIBRARY, siteHost: bad })
    const request = changes.next()!
    expect(request.url).toBe(changesUrl(SITE, LIBRARY, { siteHost: bad }))
    expect(request.url).toContain('siteHost=x%ED%A0%80&')
    expect(changes.receive(refused)).toMatchObject({ type: 'error', status: 400 })
    expect(changes.next()).toEqual(request)
    const run = createFirstRunSession({ siteUrl: SITE, libraryId: bad })
    const policy = run.next()!
    expect(policy.url).toBe(`${SITE}/_api/SPFileSync/sync/x%ED%A0%80/policy/`)
    expect(run.receive(refused)).toMatchObject({ type: 'error', status: 400 })
    expect(run.next()).toEqual(policy)
    expect(createChangesSession({ siteUrl: SITE, libraryId: bad }).next()!.url).toContain('/sync/x%ED%A0%80/')
  })

  it('createWriteSession asks, and reports the refusal', () => {
    const write = createWriteSession({ siteUrl: SITE, libraryId: bad, siteHost: '\uDC00', body: '<Items/>' })
    const request = write.next()!
    expect(request.url).toBe(`${SITE}/_api/SPFileSync/sync/x%ED%A0%80/RootFolder?siteHost=%ED%B0%80&View=SkyDriveSync`)
    expect(write.receive(refused)).toMatchObject({ type: 'error', status: 400 })
    expect(write.next()).toEqual(request)
  })
})
