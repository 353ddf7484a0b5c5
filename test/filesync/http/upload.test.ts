// buildUploadBody and splitUploadBody: the captured framing split and rebuilt, the boundary drawn or refused; the XML
// part read as the XML codecs read bytes (encoding declaration, BOM, a malformed byte an error at its line:column and
// offset, never U+FFFD), its Content-Type charset checked against them; and an XML the builder would not write
// faithfully refused.
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import {
  buildMultipart,
  buildUploadBody,
  FileSyncXml,
  type MultipartHeader,
  reportErrors,
  splitMultipart,
  splitUploadBody,
} from '../../../src/filesync/index'
import { utf8Decode, utf8Encode } from '../../support/bytes'
import { rightOf } from '../../support/decode'
import { fixture } from '../../support/fixtures'
import { wholeFault, xmlFault } from '../../support/issues'
import { numRuns } from '../../support/runtime'

const framing = utf8Encode(fixture('filesync/spo-2025-13-upload-multipart-framing.txt'))
const contentType = 'multipart/related; boundary="uuid:29daebb0-acd7-429f-bc2a-e30d8c400fef"'
const fsid = 'b9f41f61-eda6-4e7b-9562-74dd3b298623'
const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0))
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

/** An upload body as the client frames it, with the XML part's bytes (and Content-Type) as given. */
function upload(xml: Uint8Array, contentType = 'application/web3s+xml'): Uint8Array {
  const headers: MultipartHeader[] = [
    { name: 'Content-ID', value: '<LiveFolders>' },
    { name: 'Content-Type', value: contentType },
  ]
  return buildMultipart({
    boundary: 'b',
    parts: [
      { headers, body: Uint8Array.from([...xml, 13, 10]) },
      { headers: [{ name: 'Content-ID', value: `<"${fsid}":Default>` }], body: Uint8Array.of(1, 2) },
    ],
    epilogue: Uint8Array.of(13, 10),
  })
}

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

describe('splitUploadBody', () => {
  it('reads part text as UTF-8 with a leading U+FEFF kept as content', () => {
    const xml = '\uFEFF<Items>\u00e9\u{1f600}</Items>'
    const r = buildUploadBody({ boundary: 'b', xml, content: Uint8Array.of(1), fragmentSessionId: fsid })
    const body = rightOf(r).body
    expect(hex(body.subarray(body.indexOf(0xef), body.indexOf(0xef) + 3))).toBe('efbbbf')
    expect(rightOf(splitUploadBody(body, 'b')).xml).toBe(xml)
  })

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        splitUploadBody(bytes, 'multipart/related; boundary=b')
      }),
      { numRuns: numRuns(200) },
    )
  })
})

describe('splitUploadBody reads the XML part as the XML codecs read bytes', () => {
  // `a`, then E9 (é in ISO-8859-1, no UTF-8 character), then `b`, in a document that says UTF-8.
  const bad = Uint8Array.from([
    ...ascii(`${DECLARATION}<Items><Document><RelationshipName>a`),
    0xe9,
    ...ascii('b</RelationshipName></Document></Items>'),
  ])

  it('refuses a malformed byte at its line:column and offset in the part, never as U+FFFD', () => {
    const issue = xmlFault('undecodable', 'malformed UTF-8 at byte offset 74 (bytes E9 62 3C 2F)', 1, 75)
    expect(splitUploadBody(upload(bad), 'b')).toEqual(E.left({ ...issue, offset: 74 }))
  })

  it('gives the issue FileSyncXml gives for the part’s bytes', () => {
    const split = splitUploadBody(upload(bad), 'b')
    const codec = FileSyncXml.decode(bad)
    expect(E.isLeft(split) && E.isLeft(codec) && [split.left]).toEqual(E.isLeft(codec) && reportErrors(codec.left))
  })

  it('places a malformed byte on a later line', () => {
    const bytes = Uint8Array.from([...ascii('<Items>\r\n<Document>\n'), 0xc3, 0x28, ...ascii('</Document></Items>')])
    expect(splitUploadBody(upload(bytes), 'b')).toEqual(
      E.left({ ...xmlFault('undecodable', 'malformed UTF-8 at byte offset 20 (bytes C3 28 3C 2F)', 3, 1), offset: 20 }),
    )
  })

  it('reads the encoding the declaration names', () => {
    const latin1 = Uint8Array.from([
      ...ascii('<?xml version="1.0" encoding="ISO-8859-1"?><Items>'),
      0xe9,
      ...ascii('</Items>'),
    ])
    expect(rightOf(splitUploadBody(upload(latin1), 'b')).xml).toBe(
      '<?xml version="1.0" encoding="ISO-8859-1"?><Items>\u00e9</Items>',
    )
  })

  it('reads UTF-16 after its byte-order mark, the mark kept as U+FEFF', () => {
    const text = '<Items>\u00e9\u{1f600}</Items>'
    const units = text.split('').flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])
    const utf16le = Uint8Array.from([0xff, 0xfe, ...units])
    expect(rightOf(splitUploadBody(upload(utf16le), 'b')).xml).toBe(`\uFEFF${text}`)
    // A line break in UTF-16 before the client's CRLF is the XML's own, kept.
    const crlf16 = Uint8Array.from([...utf16le, 13, 0, 10, 0])
    expect(rightOf(splitUploadBody(upload(crlf16), 'b')).xml).toBe(`\uFEFF${text}\r\n`)
  })

  it('refuses what the XML codecs refuse before decoding: a declaration the byte-order mark contradicts', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...ascii('<?xml version="1.0" encoding="ISO-8859-1"?><Items/>')])
    expect(splitUploadBody(upload(bytes), 'b')).toEqual(
      E.left(
        xmlFault(
          'not-well-formed',
          'the byte-order mark says UTF-8 but the XML declaration says encoding="ISO-8859-1"',
          1,
          31,
        ),
      ),
    )
  })
})

describe('the XML part’s Content-Type charset', () => {
  const xml = utf8Encode(`${DECLARATION}<Items>\u00e9</Items>`)

  it('is taken when it names the encoding the bytes are read in (quoted or not, in any case)', () => {
    for (const type of ['application/web3s+xml; charset=utf-8', 'application/web3s+xml;CHARSET="UTF-8"']) {
      expect(rightOf(splitUploadBody(upload(xml, type), 'b')).xml).toBe(`${DECLARATION}<Items>\u00e9</Items>`)
    }
    const utf16be = Uint8Array.of(0xfe, 0xff, 0, 0x3c, 0, 0x61, 0, 0x2f, 0, 0x3e)
    expect(rightOf(splitUploadBody(upload(utf16be, 'text/xml; charset=utf-16'), 'b')).xml).toBe('\uFEFF<a/>')
  })

  it('is refused when it names another encoding than the declaration, the mark or the UTF-8 default', () => {
    const type = 'application/web3s+xml; charset=iso-8859-1'
    expect(splitUploadBody(upload(xml, type), 'b')).toEqual(
      E.left(
        wholeFault(
          'bad-value',
          `the XML part's Content-Type says charset="iso-8859-1" but its XML declaration says UTF-8`,
        ),
      ),
    )
    expect(splitUploadBody(upload(utf8Encode('<Items/>'), type), 'b')).toEqual(
      E.left(
        wholeFault(
          'bad-value',
          `the XML part's Content-Type says charset="iso-8859-1" but XML without either says UTF-8`,
        ),
      ),
    )
    const utf16le = Uint8Array.of(0xff, 0xfe, 0x3c, 0, 0x61, 0, 0x2f, 0, 0x3e, 0)
    expect(splitUploadBody(upload(utf16le, 'text/xml; charset=utf-16be'), 'b')).toEqual(
      E.left(
        wholeFault(
          'bad-value',
          `the XML part's Content-Type says charset="utf-16be" but its byte-order mark says UTF-16LE`,
        ),
      ),
    )
  })

  it('is refused when nobody here knows it', () => {
    expect(splitUploadBody(upload(xml, 'application/web3s+xml; charset=x-unknown'), 'b')).toEqual(
      E.left(
        wholeFault(
          'bad-value',
          `the XML part's Content-Type says charset="x-unknown" but its XML declaration says UTF-8`,
        ),
      ),
    )
  })
})

describe('a malformed byte in a part’s header lines', () => {
  it('is a framing error at its offset, not U+FFFD in the header', () => {
    const bytes = Uint8Array.from([...ascii('--b\r\nX-A: '), 0xff, ...ascii('\r\n\r\nA\r\n--b--')])
    expect(splitMultipart(bytes, 'b')).toEqual(
      E.left(wholeFault('bad-framing', 'expected header lines in UTF-8, found a malformed byte', 10)),
    )
  })
})

describe('buildUploadBody writes only XML that reads back', () => {
  const build = (xml: string) =>
    buildUploadBody({ boundary: 'b', xml, content: Uint8Array.of(1), fragmentSessionId: fsid })
  const refused = (why: string) =>
    E.left(wholeFault('bad-value', `expected XML that reads back from the UTF-8 an upload carries: ${why}`))

  it('refuses a lone surrogate, which UTF-8 cannot carry', () => {
    expect(build('<Items>\ud800</Items>')).toEqual(refused('it holds a lone surrogate or declares another encoding'))
  })

  it('refuses a declaration of another encoding that would read the UTF-8 as other text', () => {
    expect(build('<?xml version="1.0" encoding="ISO-8859-1"?><Items>\u00e9</Items>')).toEqual(
      refused('it holds a lone surrogate or declares another encoding'),
    )
    expect(build('<?xml version="1.0" encoding="UTF-16"?><Items/>')).toEqual(
      refused('the XML declaration says encoding="UTF-16" but UTF-16 needs a byte-order mark, and there is none'),
    )
  })

  it('writes a declaration of another encoding whose text reads the same (ASCII)', () => {
    const xml = '<?xml version="1.0" encoding="ISO-8859-1"?><Items/>'
    expect(rightOf(splitUploadBody(rightOf(build(xml)).body, 'b')).xml).toBe(xml)
  })
})

describe('mutated upload bodies', () => {
  const xml = `${DECLARATION}<Items><Document><RelationshipName>\u00e9t\u00e9 \u{1f600}.txt</RelationshipName></Document></Items>`
  const built = rightOf(
    buildUploadBody({ boundary: 'b', xml, content: Uint8Array.of(0, 255, 13, 10), fragmentSessionId: fsid }),
  )
  const partStart = String.fromCharCode(...built.body).indexOf('<?xml')
  const xmlStart = partStart + DECLARATION.length
  const xmlEnd = partStart + utf8Encode(xml).length
  const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

  it('never throw: always a value or an issue', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: built.body.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
        (edits) => {
          const bytes = built.body.slice()
          for (const [at, b] of edits) bytes[at] = b
          const r = splitUploadBody(bytes, built.contentType)
          expect(r._tag === 'Left' ? typeof r.left.message : typeof r.right.xml).toBe('string')
        },
      ),
      { numRuns: numRuns(300) },
    )
  })

  it('lose nothing: a byte changed in the XML is read exactly, or is an undecodable issue at its place', () => {
    fc.assert(
      fc.property(fc.integer({ min: xmlStart, max: xmlEnd - 1 }), fc.integer({ min: 0, max: 255 }), (at, b) => {
        const bytes = built.body.slice()
        bytes[at] = b
        const r = splitUploadBody(bytes, built.contentType)
        const part = bytes.subarray(partStart, xmlEnd)
        if (r._tag === 'Right') expect(hex(utf8Encode(r.right.xml))).toBe(hex(part))
        else {
          expect(r.left.code).toBe('undecodable')
          // Line 1 unless the changed byte is a line break before the fault (the only one the part can hold).
          const before = part.subarray(0, r.left.offset)
          expect(r.left.line).toBe(before.includes(10) || before.includes(13) ? 2 : 1)
          // The character the changed byte broke: it starts up to 3 bytes before it (a continuation byte changed),
          // or up to 3 after it, a continuation byte left alone (a lead byte changed into a shorter one's).
          expect(r.left.offset).toBeGreaterThanOrEqual(at - partStart - 3)
          expect(r.left.offset).toBeLessThanOrEqual(at - partStart + 3)
        }
      }),
      { numRuns: numRuns(300) },
    )
  })
})
