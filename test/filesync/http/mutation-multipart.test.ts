// Multipart framing of FILESYNC uploads: exact bytes and errors of splitMultipart/buildUploadBody at the edges
// (leading CRLF, "--" after a delimiter, folded and odd header lines, boundaries in the XML, GUID fallback).
// Raised from mutation testing (issue 7).
import { either as E } from 'fp-ts'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildMultipart, buildUploadBody, splitMultipart } from '../../../src/filesync/index'
import { utf8Decode, utf8Encode } from '../../support/bytes'
import { wholeFault } from '../../support/issues'

const fsid = 'b9f41f61-eda6-4e7b-9562-74dd3b298623'
const text = (b: Uint8Array) => utf8Decode(b)

describe('splitMultipart', () => {
  it('refuses a Content-Type without a usable boundary, quoting it', () => {
    expect(splitMultipart(utf8Encode('--b--'), 'multipart/related')).toEqual(
      E.left(wholeFault('bad-framing', "expected a multipart boundary, found 'multipart/related'")),
    )
    expect(splitMultipart(utf8Encode('--b--'), 'a b ')).toEqual(
      E.left(wholeFault('bad-framing', "expected a multipart boundary, found 'a b '")),
    )
  })

  it('reports where each framing error is, by byte offset', () => {
    expect(splitMultipart(utf8Encode('nothing here'), 'b')).toEqual(
      E.left(wholeFault('bad-framing', 'expected the delimiter --b, found none', 0)),
    )
    expect(splitMultipart(utf8Encode('--bx\r\n--b--'), 'b')).toEqual(
      E.left(wholeFault('bad-framing', 'expected CRLF after the delimiter', 3)),
    )
    expect(splitMultipart(utf8Encode('--b\r\n\r\nbody'), 'b')).toEqual(
      E.left(wholeFault('bad-framing', 'expected the close delimiter --b--, found none', 5)),
    )
    expect(splitMultipart(utf8Encode('--b\r\nX-A: 1\r\n--b--'), 'b')).toEqual(
      E.left(wholeFault('bad-framing', 'expected an empty line after the part headers', 5)),
    )
  })

  it('needs both dashes of a close delimiter', () => {
    // One dash then CRLF: neither a close delimiter nor a delimiter followed by CRLF.
    expect(splitMultipart(utf8Encode('--b-\r\n\r\nx\r\n--b--'), 'b')).toEqual(
      E.left(wholeFault('bad-framing', 'expected CRLF after the delimiter', 3)),
    )
    // CR then a dash: not a close delimiter either.
    expect(splitMultipart(utf8Encode('--b\r-\r\n--b--'), 'b')).toEqual(
      E.left(wholeFault('bad-framing', 'expected CRLF after the delimiter', 3)),
    )
  })

  it('reads a body that starts with CRLF and the delimiter as an empty preamble, and writes it back', () => {
    const bytes = utf8Encode('\r\n--b\r\n\r\nA\r\n--b--')
    const r = splitMultipart(bytes, 'b')
    expect(r).toEqual(
      E.right({
        boundary: 'b',
        preamble: new Uint8Array(0),
        parts: [{ headers: [], body: utf8Encode('A') }],
        epilogue: new Uint8Array(0),
      }),
    )
    if (E.isRight(r)) expect(buildMultipart(r.right)).toEqual(bytes)
  })

  it('reads an empty multipart (close delimiter only) with its epilogue', () => {
    expect(splitMultipart(utf8Encode('--b--\r\nbye'), 'b')).toEqual(
      E.right({ boundary: 'b', parts: [], epilogue: utf8Encode('\r\nbye') }),
    )
  })

  it('skips transport padding after a delimiter', () => {
    expect(splitMultipart(utf8Encode('--b \t \r\n\r\nA\r\n--b--'), 'b')).toEqual(
      E.right({ boundary: 'b', parts: [{ headers: [], body: utf8Encode('A') }], epilogue: new Uint8Array(0) }),
    )
  })

  it('folds continuation lines starting with a space or a tab, and only those', () => {
    const body = '--b\r\nX-A: 1\r\n\tmore\r\nX-B: 2\t\r\nX-C:3 \r\n\r\nA\r\n--b--'
    const r = splitMultipart(utf8Encode(body), 'b')
    expect(E.isRight(r) && r.right.parts[0]!.headers).toEqual([
      { name: 'X-A', value: '1 more', raw: 'X-A: 1\r\n\tmore' },
      { name: 'X-B', value: '2', raw: 'X-B: 2\t' },
      { name: 'X-C', value: '3', raw: 'X-C:3 ' },
    ])
    if (E.isRight(r)) expect(text(buildMultipart(r.right))).toBe(body)
  })

  it('reads a header line without a colon as a name, and one starting with a colon as an empty name', () => {
    const r = splitMultipart(utf8Encode('--b\r\nodd\r\n: v\r\n\r\nA\r\n--b--'), 'b')
    expect(E.isRight(r) && r.right.parts[0]!.headers).toEqual([
      { name: 'odd', value: '', raw: 'odd' },
      { name: '', value: 'v', raw: ': v' },
    ])
  })
})

describe('buildMultipart', () => {
  it('writes headers as "name: value" unless raw still says the same', () => {
    const built = buildMultipart({
      boundary: 'b',
      parts: [
        {
          headers: [
            { name: 'A', value: '1' },
            { name: 'B', value: '2', raw: 'B:2' },
            { name: 'C', value: 'new', raw: 'C: old' },
          ],
          body: utf8Encode('x'),
        },
      ],
      epilogue: utf8Encode('\r\n'),
    })
    expect(text(built)).toBe('--b\r\nA: 1\r\nB:2\r\nC: new\r\n\r\nx\r\n--b--\r\n')
  })
})

describe('buildUploadBody', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('writes the exact SkyDriveSync framing with a given boundary, stream name and XML Content-ID', () => {
    const r = buildUploadBody({
      boundary: 'b',
      xml: '<Items/>',
      content: utf8Encode('hi'),
      fragmentSessionId: fsid,
      streamName: 'S',
      xmlContentId: 'X',
    })
    expect(E.isRight(r) && { ...r.right, body: text(r.right.body) }).toEqual({
      boundary: 'b',
      contentType: 'multipart/related; boundary="b"',
      body:
        '--b\r\nContent-ID: <X>\r\nContent-Type: application/web3s+xml\r\n\r\n<Items/>\r\n\r\n' +
        `--b\r\nContent-Transfer-Encoding: binary\r\nContent-Type: application/octet-stream\r\nContent-ID:<"${fsid}":S>\r\n\r\nhi\r\n` +
        '--b--\r\n',
    })
  })

  it('refuses a given boundary that occurs in the XML, and an invalid one with its message', () => {
    expect(
      buildUploadBody({ boundary: 'b', xml: 'x\r\n--b', content: new Uint8Array(), fragmentSessionId: fsid }),
    ).toEqual(E.left(wholeFault('bad-value', "the boundary 'b' occurs in the content")))
    // The CRLF added after the XML counts too: the XML ends right before it.
    expect(
      buildUploadBody({ boundary: 'b', xml: 'x', content: utf8Encode('\r\n--bb'), fragmentSessionId: fsid }),
    ).toEqual(E.left(wholeFault('bad-value', "the boundary 'b' occurs in the content")))
    expect(buildUploadBody({ boundary: 'a"b', xml: '', content: new Uint8Array(), fragmentSessionId: fsid })).toEqual(
      E.left(wholeFault('bad-value', `expected a boundary of 1 to 70 RFC 2046 characters, found 'a"b'`)),
    )
  })

  it('draws the boundary GUID from crypto.getRandomValues when there is one', () => {
    vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => a.fill(0xff) })
    vi.spyOn(Math, 'random').mockReturnValue(0)
    const r = buildUploadBody({ xml: '', content: new Uint8Array(), fragmentSessionId: fsid })
    expect(E.isRight(r) && r.right.boundary).toBe('uuid:ffffffff-ffff-4fff-bfff-ffffffffffff')
  })

  it('falls back to Math.random for all 16 bytes without crypto', () => {
    vi.stubGlobal('crypto', undefined)
    vi.spyOn(Math, 'random').mockReturnValue(0.999)
    const r = buildUploadBody({ xml: '', content: new Uint8Array(), fragmentSessionId: fsid })
    expect(E.isRight(r) && r.right.boundary).toBe('uuid:ffffffff-ffff-4fff-bfff-ffffffffffff')
    vi.spyOn(Math, 'random').mockReturnValue(0)
    const z = buildUploadBody({ xml: '', content: new Uint8Array(), fragmentSessionId: fsid })
    expect(E.isRight(z) && z.right.boundary).toBe('uuid:00000000-0000-4000-8000-000000000000')
  })
})
