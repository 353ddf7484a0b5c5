import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import {
  boundaryOf,
  buildMultipart,
  buildUploadBody,
  type MultipartBody,
  splitMultipart,
  splitUploadBody,
} from '../../../src/filesync/index'
import { utf8Decode, utf8Encode } from '../../support/bytes'
import { rightOf } from '../../support/decode'
import { fixture } from '../../support/fixtures'
import { wholeFault } from '../../support/issues'
import { numRuns } from '../../support/runtime'

const framing = utf8Encode(fixture('filesync/spo-2025-13-upload-multipart-framing.txt'))
const contentType = 'multipart/related; boundary="uuid:29daebb0-acd7-429f-bc2a-e30d8c400fef"'
const fsid = 'b9f41f61-eda6-4e7b-9562-74dd3b298623'

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

describe('the captured upload framing (spo-2025-13-upload-multipart-framing.txt)', () => {
  it('splits into the XML part and the content part', () => {
    const parts = rightOf(splitUploadBody(framing, contentType))
    expect(parts.boundary).toBe('uuid:29daebb0-acd7-429f-bc2a-e30d8c400fef')
    expect(parts.preamble).toBeUndefined()
    expect(parts.parts.map((p) => p.headers.map((h) => [h.name, h.value]))).toEqual([
      [
        ['Content-ID', '<LiveFolders>'],
        ['Content-Type', 'application/web3s+xml'],
      ],
      [
        ['Content-Transfer-Encoding', 'binary'],
        ['Content-Type', 'application/octet-stream'],
        ['Content-ID', `<"${fsid}":Default>`],
      ],
    ])
    expect(parts.xml.startsWith('<?xml version="1.0" encoding="utf-8"?><Items><Document>')).toBe(true)
    expect(parts.xml.endsWith('</Items>')).toBe(true)
    expect(utf8Decode(parts.parts[0]!.body).endsWith('</Items>\r\n')).toBe(true)
    expect(utf8Decode(parts.content)).toBe('[[binary payload of 4532 bytes elided by researcher]]')
    expect(parts.fragmentSessionId).toBe(fsid)
    expect(parts.streamName).toBe('Default')
    expect(utf8Decode(parts.epilogue)).toBe('\r\n')
  })

  it('re-builds byte for byte from its framing', () => {
    expect(buildMultipart(rightOf(splitMultipart(framing, contentType)))).toEqual(framing)
  })

  it('re-builds byte for byte from XML, content and FragmentSessionId alone', () => {
    const parts = rightOf(splitUploadBody(framing, contentType))
    const built = rightOf(
      buildUploadBody({
        boundary: parts.boundary,
        xml: parts.xml,
        content: parts.content,
        fragmentSessionId: parts.fragmentSessionId!,
      }),
    )
    expect(built.contentType).toBe(contentType)
    expect(built.body).toEqual(framing)
  })

  it('accepts the bare boundary instead of the Content-Type', () => {
    expect(rightOf(splitUploadBody(framing, 'uuid:29daebb0-acd7-429f-bc2a-e30d8c400fef')).parts).toHaveLength(2)
  })
})

describe('buildUploadBody', () => {
  const xml =
    '<?xml version="1.0" encoding="utf-8"?><Items><Document><RelationshipName>é.txt</RelationshipName></Document></Items>'

  it('draws a uuid: boundary and announces it in the Content-Type', () => {
    const built = rightOf(buildUploadBody({ xml, content: Uint8Array.of(0, 255, 13, 10), fragmentSessionId: fsid }))
    expect(built.boundary).toMatch(/^uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(built.contentType).toBe(`multipart/related; boundary="${built.boundary}"`)
    const back = rightOf(splitUploadBody(built.body, built.contentType))
    expect(back.xml).toBe(xml)
    expect(back.content).toEqual(Uint8Array.of(0, 255, 13, 10))
  })

  it('refuses a given boundary that occurs in the content', () => {
    const content = utf8Encode('x\r\n--b\r\ny')
    expect(buildUploadBody({ boundary: 'b', xml, content, fragmentSessionId: fsid })).toEqual(
      E.left(wholeFault('bad-value', "the boundary 'b' occurs in the content")),
    )
  })

  it('refuses a boundary RFC 2046 does not allow', () => {
    expect(
      E.isLeft(buildUploadBody({ boundary: 'a"b', xml, content: new Uint8Array(), fragmentSessionId: fsid })),
    ).toBe(true)
  })
})

describe('splitMultipart', () => {
  it('reads quoted and unquoted boundary parameters', () => {
    expect(boundaryOf('multipart/related; type="application/web3s+xml"; boundary=abc')).toBe('abc')
    expect(boundaryOf('Multipart/Related;BOUNDARY="a b"')).toBe('a b')
    expect(boundaryOf('multipart/related')).toBeUndefined()
  })

  it('keeps a preamble and joins folded header lines', () => {
    const text = 'hello\r\n--b\r\nX-A: one\r\n  two\r\n\r\nbody\r\n--b--'
    const m = rightOf(splitMultipart(utf8Encode(text), 'b'))
    expect(utf8Decode(m.preamble!)).toBe('hello')
    expect(m.parts[0]!.headers).toEqual([{ name: 'X-A', value: 'one two', raw: 'X-A: one\r\n  two' }])
    expect(utf8Decode(buildMultipart(m))).toBe(text)
  })

  it('reads part text as UTF-8 with a leading U+FEFF kept as content', () => {
    const xml = '\uFEFF<Items>\u00e9\u{1f600}</Items>'
    const r = buildUploadBody({ boundary: 'b', xml, content: Uint8Array.of(1), fragmentSessionId: fsid })
    const body = rightOf(r).body
    expect(hex(body.subarray(body.indexOf(0xef), body.indexOf(0xef) + 3))).toBe('efbbbf')
    expect(rightOf(splitUploadBody(body, 'b')).xml).toBe(xml)
    const m = rightOf(splitMultipart(utf8Encode('--b\r\nX-N\u00e4me: \u00fc\r\n\r\nA\r\n--b--'), 'b'))
    expect(m.parts[0]!.headers).toEqual([{ name: 'X-N\u00e4me', value: '\u00fc', raw: 'X-N\u00e4me: \u00fc' }])
  })

  it.each([
    ['no delimiter', 'nothing here', 'expected the delimiter --b, found none'],
    ['no close delimiter', '--b\r\n\r\nbody', 'expected the close delimiter --b--, found none'],
    ['no CRLF after a delimiter', '--bx\r\n--b--', 'expected CRLF after the delimiter'],
    ['headers without an empty line', '--b\r\nX-A: 1\r\n--b--', 'expected an empty line after the part headers'],
  ])('is a Left on %s', (_, text, message) => {
    const r = splitMultipart(utf8Encode(text), 'b')
    expect(E.isLeft(r) && r.left.message).toBe(message)
  })

  const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/)
  const headerValue = fc.stringMatching(/^[!-~]([ -~]{0,30}[!-~])?$/)
  const multipart: fc.Arbitrary<MultipartBody> = fc.record({
    boundary: fc.stringMatching(/^[0-9A-Za-z'()+_,\-./:=?]{1,70}$/),
    parts: fc.array(
      fc.record({
        headers: fc.array(fc.record({ name: token, value: headerValue }), { minLength: 1, maxLength: 4 }),
        body: fc.uint8Array({ maxLength: 64 }),
      }),
      { maxLength: 4 },
    ),
    epilogue: fc.constantFrom(new Uint8Array(), Uint8Array.of(13, 10)),
  })

  it('split ∘ build = id (for bodies whose parts do not contain the delimiter)', () => {
    fc.assert(
      fc.property(multipart, (m) => {
        const bytes = buildMultipart(m)
        const delimiter = `\r\n--${m.boundary}`
        fc.pre(m.parts.every((p) => !utf8Decode(p.body).includes(delimiter.slice(2))))
        const back = rightOf(splitMultipart(bytes, `multipart/related; boundary="${m.boundary}"`))
        expect(
          back.parts.map((p) => ({ headers: p.headers.map(({ name, value }) => ({ name, value })), body: p.body })),
        ).toEqual(m.parts)
        expect(hex(buildMultipart(back))).toBe(hex(bytes))
      }),
      { numRuns: numRuns(200) },
    )
  })

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.string({ maxLength: 20 }), (bytes, boundary) => {
        splitMultipart(bytes, boundary)
        splitUploadBody(bytes, 'multipart/related; boundary=b')
      }),
      { numRuns: numRuns(200) },
    )
  })
})
