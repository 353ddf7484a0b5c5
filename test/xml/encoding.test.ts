import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { FileSyncXml, fileSyncXml } from '../../src/filesync/index'
import { DigestXml, digestXml, SyncFeedXml, syncFeedXml } from '../../src/sdata/index'
import {
  decodeBytes,
  isXmlInput,
  malformedOffset,
  parseXml,
  SNIFF_BYTES,
  serializeXml,
  sniffEncoding,
  type XmlError,
} from '../../src/xml/index'
import { fixture } from '../support/fixtures'
import { numRuns } from '../support/runtime'
import { xmlDocument } from '../support/xml-arbitrary'

// Encoders written out here, so the tests need nothing but TextEncoder (UTF-8) in every runtime.
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
function utf16(text: string, littleEndian: boolean, bom = true): Uint8Array {
  const units = `${bom ? '\uFEFF' : ''}${text}`
  const out = new Uint8Array(units.length * 2)
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i)
    out[2 * i + (littleEndian ? 0 : 1)] = u & 0xff
    out[2 * i + (littleEndian ? 1 : 0)] = u >> 8
  }
  return out
}
const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0))
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
const BOM8 = Uint8Array.of(0xef, 0xbb, 0xbf)
const declaration = (encoding: string) => `<?xml version="1.0" encoding="${encoding}"?>`
const messages = (r: E.Either<XmlError[], unknown>) => (E.isLeft(r) ? r.left.map((e) => e.message) : [])

describe('parseXml on bytes: every encoding gives the value the text gives', () => {
  it('UTF-8 (with or without BOM and declaration), UTF-16LE/BE with a BOM, ISO-8859-1 declared, ArrayBuffer', () => {
    fc.assert(
      fc.property(xmlDocument(), fc.boolean(), (doc, declared) => {
        const text = serializeXml(doc, { declaration: false })
        const expected = E.right(doc)
        const decl = (name: string) => (declared ? declaration(name) : '')
        expect(parseXml(utf8(decl('UTF-8') + text))).toEqual(expected)
        expect(parseXml(concat(BOM8, utf8(decl('utf-8') + text)))).toEqual(expected)
        expect(parseXml(utf16(decl('UTF-16') + text, true))).toEqual(expected)
        expect(parseXml(utf16(decl('UTF-16') + text, false))).toEqual(expected)
        expect(parseXml(utf8(text).buffer as ArrayBuffer)).toEqual(expected)
        // eslint-disable-next-line no-control-regex
        if (/^[\u0000-\u00ff]*$/.test(text))
          expect(parseXml(latin1(declaration('ISO-8859-1') + text))).toEqual(expected)
      }),
      { numRuns: numRuns(200) },
    )
  })

  it('a byte that is never UTF-8 (0xFF) at any place gives a Left naming that byte offset and its line:column', () => {
    fc.assert(
      fc.property(xmlDocument(), fc.nat(), (doc, at) => {
        const bytes = utf8(serializeXml(doc, { declaration: false }))
        const k = at % (bytes.length + 1)
        // A cut inside a multi-byte sequence moves the fault back to that sequence's first byte.
        let start = k
        while (start > 0 && start < bytes.length && (bytes[start]! & 0xc0) === 0x80) start--
        const r = parseXml(concat(bytes.subarray(0, k), Uint8Array.of(0xff), bytes.subarray(k)))
        expect(E.isLeft(r)).toBe(true)
        const error = E.isLeft(r) ? r.left[0]! : undefined
        expect(error?.offset).toBe(start)
        expect(error?.message).toContain(`at byte offset ${start}`)
        const before = new TextDecoder().decode(bytes.subarray(0, start)).split(/\r\n|\r|\n/)
        expect([error?.line, error?.column]).toEqual([before.length, before[before.length - 1]!.length + 1])
      }),
      { numRuns: numRuns(200) },
    )
  })

  it('never throws on arbitrary bytes, and every Left has a message', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 64 }),
          fc
            .tuple(fc.constantFrom(BOM8, Uint8Array.of(0xff, 0xfe), Uint8Array.of(0xfe, 0xff)), fc.uint8Array())
            .map(([bom, rest]) => concat(bom, rest)),
        ),
        (bytes) => {
          const r = parseXml(bytes)
          if (E.isLeft(r)) for (const e of r.left) expect(e.message.length).toBeGreaterThan(0)
        },
      ),
      { numRuns: numRuns(500) },
    )
  })
})

describe('decodeBytes and malformedOffset: faults by byte offset', () => {
  it.each([
    ['UTF-8 cut inside a character', utf8('<a>é</a>').subarray(0, 4), 3, 'the input ends inside a UTF-8 character'],
    ['UTF-8 overlong', Uint8Array.of(0x3c, 0x61, 0x3e, 0xc0, 0xaf), 3, 'malformed UTF-8 at byte offset 3'],
    ['UTF-8 surrogate', Uint8Array.of(0x3c, 0x61, 0x3e, 0xed, 0xa0, 0x80), 3, 'malformed UTF-8 at byte offset 3'],
    ['UTF-16LE odd length', utf16('<a/>', true).subarray(0, 9), 8, 'the input ends inside a UTF-16LE character'],
    ['UTF-16BE lone low surrogate', concat(utf16('<a>', false), Uint8Array.of(0xdc, 0x00)), 8, 'UTF-16BE'],
    [
      'US-ASCII byte 0xE9',
      latin1(`${declaration('US-ASCII')}<a>\u00e9</a>`),
      44,
      'malformed US-ASCII at byte offset 44',
    ],
  ])('%s', (_, bytes, offset, message) => {
    const r = decodeBytes(bytes)
    expect(E.isLeft(r) && r.left[0]!.offset).toBe(offset)
    expect(messages(r)[0]).toContain(message)
  })

  it('malformedOffset is undefined for bytes that decode', () => {
    expect(malformedOffset(utf8('<a>é</a>'), 'utf-8')).toBeUndefined()
    expect(malformedOffset(Uint8Array.of(0x80, 0xff), 'iso-8859-1')).toBeUndefined()
    expect(malformedOffset(Uint8Array.of(0x41, 0x80), 'us-ascii')).toBe(1)
  })
})

describe('decodeBytes and malformedOffset: an encoding read by TextDecoder alone (Shift_JIS)', () => {
  // The declaration is 45 bytes with `<a>`; 93 FA is 日 (one UTF-16 unit), 93 alone is a lead byte cut off.
  const head = latin1(`${declaration('Shift_JIS')}<a>`)
  const tail = latin1('</a>')
  const at = head.length
  const offsetAndMessage = (bytes: Uint8Array) => {
    const r = decodeBytes(bytes)
    return E.isLeft(r) ? [r.left[0]!.offset, r.left[0]!.path, r.left[0]!.message] : r.right
  }

  it('decodes good bytes (the neighbour)', () => {
    expect(decodeBytes(concat(head, Uint8Array.of(0x93, 0xfa), tail))).toEqual(
      E.right(`${declaration('Shift_JIS')}<a>\u65e5</a>`),
    )
    expect(malformedOffset(concat(head, Uint8Array.of(0x93, 0xfa), tail), 'shift_jis')).toBeUndefined()
  })

  it('names the first byte of the character that cannot be decoded: FF, or the lead of a bad trail byte', () => {
    const bad = concat(head, Uint8Array.of(0x93, 0xfa, 0xff), tail)
    expect(offsetAndMessage(bad)).toEqual([
      at + 2,
      `1:${at + 2}`,
      `malformed SHIFT_JIS at byte offset ${at + 2} (bytes FF 3C 2F 61)`,
    ])
    expect(malformedOffset(bad, 'shift_jis')).toBe(at + 2)
    // 81 then a space: the decoder fails at the space, but the character it could not read starts at 81 (as UTF-8's
    // C3 28 is named at C3).
    const trail = concat(head, Uint8Array.of(0x81, 0x20), tail)
    expect(offsetAndMessage(trail)).toEqual([
      at,
      `1:${at + 1}`,
      `malformed SHIFT_JIS at byte offset ${at} (bytes 81 20 3C 2F)`,
    ])
    expect(malformedOffset(trail, 'shift_jis')).toBe(at)
  })

  it('an input ending in a lead byte ends inside a character, named at that lead byte', () => {
    const cut = concat(head, Uint8Array.of(0x93))
    expect(offsetAndMessage(cut)).toEqual([
      at,
      `1:${at + 1}`,
      `the input ends inside a SHIFT_JIS character (byte offset ${at})`,
    ])
    expect(malformedOffset(cut, 'shift_jis')).toBe(at)
  })
})

describe('sniffEncoding: XML 1.0 Appendix F', () => {
  it.each([
    ['UTF-8 BOM', concat(BOM8, utf8('<a/>')), { encoding: 'utf-8', bomLength: 3 }],
    ['UTF-16LE BOM', utf16('<a/>', true), { encoding: 'utf-16le', bomLength: 2 }],
    [
      'UTF-16BE BOM',
      utf16(`${declaration('UTF-16')}<a/>`, false),
      { encoding: 'utf-16be', bomLength: 2, declared: 'UTF-16' },
    ],
    ['nothing', utf8('<a/>'), { encoding: 'utf-8', bomLength: 0 }],
    ['a declaration without encoding', utf8('<?xml version="1.0"?><a/>'), { encoding: 'utf-8', bomLength: 0 }],
    [
      'ISO-8859-1 declared',
      utf8(declaration('ISO-8859-1')),
      { encoding: 'iso-8859-1', bomLength: 0, declared: 'ISO-8859-1' },
    ],
    ['latin1 declared', utf8(declaration('latin1')), { encoding: 'iso-8859-1', bomLength: 0, declared: 'latin1' }],
    ['US-ASCII declared', utf8(declaration('us-ascii')), { encoding: 'us-ascii', bomLength: 0, declared: 'us-ascii' }],
    [
      'windows-1252 declared',
      utf8(declaration('windows-1252')),
      { encoding: 'windows-1252', bomLength: 0, declared: 'windows-1252' },
    ],
  ])('%s', (_, head, expected) => {
    expect(sniffEncoding(head)).toEqual(E.right(expected))
  })

  it.each([
    [
      'UTF-16LE without BOM',
      utf16('<?xml version="1.0"?><a/>', true, false),
      'UTF-16 without a byte-order mark (a NUL byte at offset 1)',
    ],
    ['UTF-16BE without BOM', utf16('<a/>', false, false), 'UTF-16 without a byte-order mark (a NUL byte at offset 0)'],
    ['UTF-16 declared without BOM', utf8(`${declaration('UTF-16')}<a/>`), 'UTF-16 needs a byte-order mark'],
    ['UCS-4', Uint8Array.of(0, 0, 0, 0x3c), 'unsupported encoding: the bytes look like UTF-32'],
    [
      'UTF-32LE BOM',
      Uint8Array.of(0xff, 0xfe, 0, 0, 0x3c, 0, 0, 0),
      'unsupported encoding: the bytes look like UTF-32',
    ],
    ['EBCDIC', Uint8Array.of(0x4c, 0x6f, 0xa7, 0x94), 'unsupported encoding: the bytes look like EBCDIC'],
    ['unknown name', utf8(declaration('x-klingon')), 'unsupported encoding "x-klingon"'],
    ['malformed name', utf8(declaration('utf 8')), 'malformed encoding name "utf 8"'],
    [
      'UTF-8 BOM + iso-8859-1',
      concat(BOM8, utf8(declaration('iso-8859-1'))),
      'the byte-order mark says UTF-8 but the XML declaration says encoding="iso-8859-1"',
    ],
    [
      'UTF-16 BOM + utf-8',
      utf16(declaration('utf-8'), true),
      'the byte-order mark says UTF-16LE but the XML declaration says encoding="utf-8"',
    ],
    ['UTF-16LE BOM + UTF-16BE', utf16(declaration('UTF-16BE'), true), 'the byte-order mark says UTF-16LE'],
  ])('%s is a Left', (_, head, message) => {
    expect(messages(sniffEncoding(head))[0]).toContain(message)
  })

  it('looks at SNIFF_BYTES bytes at most', () => {
    const late = utf8(`${declaration('UTF-8').replace('?>', ' '.repeat(SNIFF_BYTES))}?><a/>`)
    expect(sniffEncoding(late)).toEqual(E.right({ encoding: 'utf-8', bomLength: 0, declared: 'UTF-8' }))
  })
})

describe('single-byte encodings are decoded as named', () => {
  it('ISO-8859-1 maps every byte to U+00XX, 0x80–0x9F included; windows-1252 maps 0x80 to €', () => {
    const bytes = (name: string) => concat(latin1(`${declaration(name)}<a>`), Uint8Array.of(0x80, 0xe9), latin1('</a>'))
    const text = (name: string) => {
      const r = parseXml(bytes(name))
      return E.isRight(r) ? r.right.root.children : r.left
    }
    expect(text('ISO-8859-1')).toEqual([{ type: 'text', value: '\u0080é' }])
    expect(text('windows-1252')).toEqual([{ type: 'text', value: '€é' }])
  })
})

describe('strings that contradict their declaration', () => {
  it('U+FEFF with a single-byte encoding declared is a Left; with UTF-8 or UTF-16 it is fine', () => {
    expect(messages(parseXml(`\uFEFF${declaration('ISO-8859-1')}<a/>`))[0]).toMatch(
      /starts with a byte-order mark \(U\+FEFF\).*encoding="ISO-8859-1"/,
    )
    expect(E.isRight(parseXml(`\uFEFF${declaration('UTF-8')}<a/>`))).toBe(true)
    expect(E.isRight(parseXml(`\uFEFF${declaration('UTF-16')}<a/>`))).toBe(true)
    expect(E.isRight(parseXml(`${declaration('ISO-8859-1')}<a/>`))).toBe(true)
  })
})

describe('limits on bytes', () => {
  it('maxLength applies to the byte length before decoding', () => {
    const bytes = utf16('<a/>', true)
    expect(messages(parseXml(bytes, { maxLength: 9 }))).toEqual(['the input is 10 bytes long, more than maxLength (9)'])
    expect(E.isRight(parseXml(bytes, { maxLength: 10 }))).toBe(true)
    expect(messages(decodeBytes(bytes, { maxLength: 2 }))[0]).toContain('more than maxLength (2)')
  })

  it('isXmlInput accepts text, byte arrays and ArrayBuffers only', () => {
    expect([isXmlInput(''), isXmlInput(new Uint8Array(0)), isXmlInput(new ArrayBuffer(0))]).toEqual([true, true, true])
    expect([isXmlInput(42), isXmlInput(null), isXmlInput([60])]).toEqual([false, false, false])
  })
})

describe('regressions: document codecs take bytes and parse options', () => {
  const capture = fixture('filesync/spo-2025-06-changes-document-created.response.xml')

  it('FileSyncXml decodes a Uint8Array and a UTF-16 capture exactly as the text', () => {
    const expected = FileSyncXml.decode(capture)
    expect(E.isRight(expected)).toBe(true)
    expect(FileSyncXml.decode(utf8(capture))).toEqual(expected)
    // The capture starts with U+FEFF; as UTF-16 that is the BOM itself.
    const body = capture.replace(/^\uFEFF/, '').replace('encoding="utf-8"', 'encoding="utf-16"')
    expect(FileSyncXml.decode(utf16(body, true))).toEqual(expected)
    expect(FileSyncXml.decode(utf16(body, false))).toEqual(expected)
  })

  it('an ISO-8859-1 capture with its declaration decodes "Résumés"', () => {
    const xml = `${declaration('ISO-8859-1')}<Items><Folder><RelationshipName>Résumés</RelationshipName><WriteMode>Create</WriteMode></Folder></Items>`
    const r = FileSyncXml.decode(latin1(xml))
    expect(E.isRight(r) && r.right.root === 'Items' && r.right.items[0]).toMatchObject({ relationshipName: 'Résumés' })
    expect(FileSyncXml.decode(latin1(xml))).toEqual(FileSyncXml.decode(xml))
  })

  it('both W3C encoding mismatches are refused by the codecs too', () => {
    const feed = '<feed xmlns="http://www.w3.org/2005/Atom"/>'
    expect(E.isLeft(SyncFeedXml.decode(concat(BOM8, utf8(declaration('iso-8859-1') + feed))))).toBe(true)
    expect(E.isLeft(SyncFeedXml.decode(utf16(declaration('utf-8') + feed, true)))).toBe(true)
  })

  it('every document codec builder takes { parse } limits', () => {
    const digest = '<digest xmlns="http://schemas.sage.com/sdata/sync/2008/1"><origin>x</origin></digest>'
    expect(E.isRight(DigestXml.decode(utf8(digest).buffer as ArrayBuffer))).toBe(true)
    expect(E.isLeft(digestXml({ parse: { maxDepth: 1 } }).decode(digest))).toBe(true)
    expect(
      E.isLeft(
        syncFeedXml(undefined, { parse: { maxLength: 10 } }).decode(
          utf8('<feed xmlns="http://www.w3.org/2005/Atom"/>'),
        ),
      ),
    ).toBe(true)
    expect(E.isLeft(fileSyncXml({ parse: { maxLength: 10 } }).decode(capture))).toBe(true)
  })
})
