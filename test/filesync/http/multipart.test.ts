import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { boundaryOf, buildMultipart, type MultipartBody, splitMultipart } from '../../../src/filesync/index'
import { utf8Decode, utf8Encode } from '../../support/bytes'
import { rightOf } from '../../support/decode'
import { fixture } from '../../support/fixtures'
import { numRuns } from '../../support/runtime'

const framing = utf8Encode(fixture('filesync/spo-2025-13-upload-multipart-framing.txt'))
const contentType = 'multipart/related; boundary="uuid:29daebb0-acd7-429f-bc2a-e30d8c400fef"'

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

describe('the captured upload framing (spo-2025-13-upload-multipart-framing.txt)', () => {
  it('re-builds byte for byte from its framing', () => {
    expect(buildMultipart(rightOf(splitMultipart(framing, contentType)))).toEqual(framing)
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

  it('reads part header lines as UTF-8', () => {
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
      }),
      { numRuns: numRuns(200) },
    )
  })
})
