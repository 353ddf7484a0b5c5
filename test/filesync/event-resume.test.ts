// FileSyncXml reads a document in event mode and, where event mode stops at what may be a fault, reads on as a tree
// from there with stand-ins for the elements still open (Parser.resume). These cases pin each place event mode stops:
// the error must be parseXml's (code, message, line:column), found in that one run (each date is read once), and a
// well-formed oddity must decode as the tree reads it.
import { either as E } from 'fp-ts'
import { describe, expect, it, vi } from 'vitest'
import { DateTimeCodec } from '../../src/codec/index'
import { FileSyncXml, fileSyncXml, reportErrors } from '../../src/filesync/index'
import { parseXml } from '../../src/xml/index'
import { decoded } from '../support/decode'

// Indented, so that line:column tell the places apart; one date, in the Document before most of the breaks.
const DOC = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<Items>',
  '  <Document>',
  '    <ParentResourceID>c86e008a0f9e4a81809fe963949f3c46</ParentResourceID>',
  '    <WriteMode>Create</WriteMode>',
  '    <DateModifiedOnClient>2025-11-07T22:06:33.0000000Z</DateModifiedOnClient>',
  '    <DocumentStreams>',
  '      <DocumentStream>',
  '        <DocumentStreamName>Default</DocumentStreamName>',
  '        <MimeType>application/octet-stream</MimeType>',
  '        <DataSize>4532</DataSize>',
  '      </DocumentStream>',
  '    </DocumentStreams>',
  '  </Document>',
  '</Items>',
].join('\n')

/** `text` with one substring replaced (which must occur exactly once). */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2)
  return text.replace(from, to)
}

/**
 * Expects `text` not to be well-formed, and FileSyncXml to report exactly parseXml's error, read in one run (the
 * date validated once if it comes before the fault, else never; `dates` when the fault is found after the place it
 * names, -1 where event mode gives up and the text is read again); returns the message for the case to check it is the fault meant.
 */
function sameFault(text: string, maxDepth?: number, dates?: number): string {
  const parse = maxDepth === undefined ? undefined : { maxDepth }
  const parsed = parseXml(text, parse)
  if (E.isRight(parsed)) throw new Error('expected a document that is not well-formed')
  const spy = vi.spyOn(DateTimeCodec, 'validate')
  try {
    const r = (parse === undefined ? FileSyncXml : fileSyncXml({ parse })).decode(text)
    expect(E.isLeft(r) && reportErrors(r.left)).toEqual(parsed.left)
    // Event mode read the date when the fault comes after it (line:column tell), and nothing reads it again.
    const date = text.indexOf('</DateModifiedOnClient>')
    const dateLine = date === -1 ? Number.POSITIVE_INFINITY : text.slice(0, date).split('\n').length
    if (dates !== -1)
      expect(spy.mock.calls.length).toBe(dates ?? (Number(parsed.left[0]!.path.split(':')[0]) > dateLine ? 1 : 0))
  } finally {
    spy.mockRestore()
  }
  return `${parsed.left[0]!.path} ${parsed.left[0]!.message}`
}

describe('FileSyncXml: a fault after event mode stops is parseXml’s, found in one run', () => {
  it('a start tag broken after its name, at the root and deeper', () => {
    expect(sameFault(edit(DOC, '<Items>', '<Items /x>'))).toMatch(/^2:/)
    expect(sameFault(edit(DOC, '<DocumentStreams>', '<DocumentStreams =>'))).toMatch(/^7:/)
    expect(sameFault(edit(DOC, '<DocumentStream>', '<DocumentStream/x>'))).toMatch(/^8:/)
    // At maxDepth itself: the tree reads on at the element's own depth (no maxDepth fault).
    expect(sameFault(edit(DOC, '<DocumentStream>', '<DocumentStream/x>'), 4)).toMatch(/^8:22 /)
    expect(sameFault(edit(DOC, '<DataSize>4532', '<DataSize /4532'))).toMatch(/^11:/)
    expect(sameFault(edit(DOC, '<DataSize>4532', '<DataSize =4532'))).toMatch(/^11:/)
  })

  it('a bad end tag of a record and of a leaf', () => {
    expect(sameFault(edit(DOC, '</DocumentStream>', '</DocumentStreamX>'))).toMatch(/^12:.*DocumentStream/)
    expect(sameFault(edit(DOC, '</DocumentStreams>', '</Document>'))).toMatch(/^13:.*DocumentStreams/)
    expect(sameFault(edit(DOC, '</MimeType>', '</Mime>'))).toMatch(/^10:.*MimeType/)
    expect(sameFault(edit(DOC, '</MimeType>', '</MimeTypes>'))).toMatch(/^10:.*MimeType/)
  })

  it('text where a record holds elements, then a fault further on', () => {
    // The text itself is well-formed: the fault is the element left open at the end, named with its start.
    const text = edit(edit(DOC, '<DocumentStream>\n', '<DocumentStream>stray\n'), '\n</Items>', '')
    expect(sameFault(text, undefined, 1)).toMatch(/^2:1 .*<Items> is not closed/)
    const deeper = edit(edit(DOC, '<DocumentStream>\n', '<DocumentStream>stray\n'), '\n  </Document>\n</Items>', '')
    expect(sameFault(deeper, undefined, 1)).toMatch(/^3:3 .*<Document> is not closed/)
    // Closed with the wrong names from the stand-ins' depth.
    expect(sameFault(edit(edit(DOC, '<DataSize>', 'x<DataSize>'), '</Document>', '</Documents>'))).toMatch(/^14:/)
    // Content after the root once the stand-ins are closed.
    expect(sameFault(edit(edit(DOC, '<DataSize>', 'x<DataSize>'), '</Items>', '</Items><Items/>'))).toMatch(/^15:/)
  })

  it('a leaf that is cut, holds a control character, or a bad reference', () => {
    expect(sameFault(DOC.slice(0, DOC.indexOf('4532') + 2))).toMatch(/DataSize/)
    expect(sameFault(edit(DOC, '4532', '45\u000132'))).toMatch(/^11:/)
    expect(sameFault(edit(DOC, '4532', '45&bad;32'))).toMatch(/^11:/)
    expect(sameFault(edit(DOC, '4532', '45&#0;32'))).toMatch(/^11:/)
    // Characters no XML text holds (a lone surrogate, U+FFFF): event mode checks them as the tree does.
    expect(sameFault(edit(DOC, 'application/octet-stream', 'a\ud800b'))).toMatch(/^10:.*lone surrogate/)
    expect(sameFault(edit(DOC, 'application/octet-stream', 'a\udc00\ud800b'))).toMatch(/^10:.*lone surrogate/)
    expect(sameFault(edit(DOC, 'application/octet-stream', 'a\u{1F600}\uffffb'))).toMatch(/^10:.*U\+FFFF/)
  })

  it('the end of the text inside a record, and a tag cut after its name', () => {
    expect(sameFault(DOC.slice(0, DOC.indexOf('</DocumentStream>')))).toMatch(/DocumentStream/)
    expect(sameFault(DOC.slice(0, DOC.indexOf('</DocumentStream>') + 4))).toMatch(/DocumentStream/)
    expect(sameFault(DOC.slice(0, DOC.indexOf('<DocumentStream>') + 15))).toMatch(/DocumentStream/)
    expect(sameFault(DOC.slice(0, DOC.indexOf('<DocumentStream>') + 17))).toMatch(/DocumentStream/)
  })

  it('an extension read as a tree: a fault inside it, and its bindings gone after it', () => {
    const ext = '<Ext xmlns:e="urn:e"><e:X>1</e:X></Ext>\n    <WriteMode>'
    expect(sameFault(edit(DOC, '<WriteMode>', ext.replace('</e:X>', '</e:Y>')))).toMatch(/^5:.*e:X/)
    expect(sameFault(edit(DOC, '<WriteMode>', ext.replace('<e:X>1', '<e:X>1<f:Z/>')))).toMatch(/^5:.*prefix f/)
    // The prefix bound on the extension is out of scope in a later extension, and after event mode stopped.
    const later = edit(edit(DOC, '<WriteMode>', ext), '<DataSize>', '<e:More/><DataSize>')
    expect(sameFault(later)).toMatch(/^12:.*prefix e/)
    const resumed = edit(edit(DOC, '<WriteMode>', ext), '<DocumentStreamName>', 'x<e:More/><DocumentStreamName>')
    expect(sameFault(resumed)).toMatch(/^10:.*prefix e/)
    // The text ends inside the extension: the tree names the extension, not the item it is in.
    const cut = `${DOC.slice(0, DOC.indexOf('<WriteMode>'))}<Ext xmlns:e="urn:e"><e:X>1</e:X>`
    expect(sameFault(cut)).toMatch(/^5:5 .*<Ext> is not closed/)
  })

  it('a start tag broken after its name in a later item: the item before is not read again', () => {
    // Read again from the start, the whole first item (and its date) would be validated once more.
    const later = (item: string) => edit(DOC, '\n</Items>', `\n  <Document>\n    ${item}\n  </Document>\n</Items>`)
    // A record's and a leaf's start tag with something after white space that starts no attribute.
    expect(sameFault(later('<DocumentStreams =>'))).toMatch(/^16:22 /)
    expect(sameFault(later('<WriteMode =>Create</WriteMode>'))).toMatch(/^16:16 /)
    // A lone surrogate right after a leaf's name, with no white space: not part of the name, and no attribute either.
    expect(sameFault(later('<WriteMode\ud800>Create</WriteMode>'))).toMatch(/^16:15 /)
  })

  it('elements nested deeper than maxDepth, under a record and under a leaf', () => {
    expect(sameFault(DOC, 3)).toMatch(/^8:7 .*maxDepth \(3\)/)
    expect(sameFault(DOC, 4)).toMatch(/^9:9 .*maxDepth \(4\)/)
    expect(sameFault(DOC, 1)).toMatch(/^3:3 .*maxDepth \(1\)/)
    expect(sameFault(DOC, 0)).toMatch(/^2:1 .*maxDepth \(0\)/)
  })
})

describe('FileSyncXml: a well-formed oddity where event mode stops decodes as the tree reads it', () => {
  const plain = decoded(FileSyncXml, DOC)

  it('white space in end tags and in empty tags', () => {
    expect(decoded(FileSyncXml, edit(DOC, '</MimeType>', '</MimeType >'))).toEqual(plain)
    expect(decoded(FileSyncXml, edit(DOC, '</DocumentStream>', '</DocumentStream\n      >'))).toEqual(plain)
    expect(decoded(FileSyncXml, edit(DOC, '</Items>', '</Items >'))).toEqual(plain)
    const empty = edit(DOC, '<MimeType>application/octet-stream</MimeType>', '<MimeType/>')
    expect(decoded(FileSyncXml, edit(empty, '<MimeType/>', '<MimeType \n />'))).toEqual(decoded(FileSyncXml, empty))
  })

  it('CR, > and characters past U+D7FF in a leaf', () => {
    for (const value of ['a\r\nb', 'a>b', 'a\u{1F600}b', 'a]]b']) {
      const text = edit(DOC, '>Default<', `>${value}<`)
      const tree = parseXml(text)
      expect(E.isRight(tree)).toBe(true)
      expect(decoded(FileSyncXml, text)).toEqual(
        decoded(FileSyncXml, edit(DOC, '>Default<', `>${value.replace('\r\n', '\n')}<`)),
      )
    }
  })
})

/** The value FileSyncXml decodes from `text`, and how many dates it validated doing so. */
function decodedCounting(text: string): [unknown, number] {
  const spy = vi.spyOn(DateTimeCodec, 'validate')
  try {
    return [decoded(FileSyncXml, text), spy.mock.calls.length]
  } finally {
    spy.mockRestore()
  }
}

describe('FileSyncXml: what event mode takes is read in one run, to the value the tree path gives', () => {
  // A comment in each item makes event mode give up, in the one run and in the streaming reader's items: the items are
  // read as trees.
  const viaTree = (text: string): unknown =>
    decoded(FileSyncXml, text.replaceAll('</Document>', '<!-- tree --></Document>'))
  const second = '\n  <Document >\n    <WriteMode>Create</WriteMode>\n    <DocumentStreams/>\n  </Document>\n</Items>'
  const cases: Array<[string, string]> = [
    ['the indented document', DOC],
    ['an empty leaf', edit(DOC, '<MimeType>application/octet-stream</MimeType>', '<MimeType/>')],
    ['an empty leaf with white space', edit(DOC, '<MimeType>application/octet-stream</MimeType>', '<MimeType \n/>')],
    ['a leaf with a start and end tag and nothing between', edit(DOC, 'application/octet-stream', '')],
    ['references in a leaf', edit(DOC, 'application/octet-stream', 'a&amp;b&#65;&lt;c')],
    ['a reference ending a leaf', edit(DOC, 'application/octet-stream', 'ab&#x41;')],
    ['an empty record, and white space before > in a start tag', edit(DOC, '\n</Items>', second)],
    ['a byte order mark', `\ufeff${DOC}`],
    ['a comment and a processing instruction before the root', edit(DOC, '<Items>', '<!-- c --><?pi x?>\n<Items>')],
    ['characters past ASCII in a leaf', edit(DOC, 'application/octet-stream', 'a\u0080b\u00e9\ud7ff')],
    ['characters past U+D7FF in a leaf', edit(DOC, 'application/octet-stream', 'a\ue000\ufffd\u{1F600}\u{10FFFF}b')],
    [
      'white space before > in end tags',
      edit(
        edit(edit(DOC, '</MimeType>', '</MimeType >'), '</DocumentStream>', '</DocumentStream\n      >'),
        '</Items>',
        '</Items\t>',
      ),
    ],
  ]
  for (const [what, text] of cases) {
    it(what, () => {
      const [value, dates] = decodedCounting(text)
      expect(dates).toBe(1)
      expect(value).toEqual(viaTree(text))
    })
  }

  it('the tree path differs where the values differ (the comparison can fail)', () => {
    expect(viaTree(edit(DOC, 'application/octet-stream', ''))).not.toEqual(viaTree(DOC))
    expect(decodedCounting(DOC.replaceAll('</Document>', '<!-- tree --></Document>'))[1]).toBeGreaterThan(1)
  })
})

describe('FileSyncXml: a prolog without a root gives parseXml’s error', () => {
  it('a DOCTYPE, an end tag or text where the root should be', () => {
    for (const text of [
      '<!DOCTYPE Items>\n<Items/>',
      '</Items>',
      '<?xml version="1.0"?>\n</Items>',
      'x?<Items/>',
      '<?xml version="1.0"?>x?<Items/>',
      '<!-- c --><?pi x?>/<Items/>',
      '<?xmlx?><Items/>',
      '<?xml?><Items/>',
    ]) {
      const parsed = parseXml(text)
      const r = FileSyncXml.decode(text)
      if (E.isLeft(parsed)) expect(E.isLeft(r) && reportErrors(r.left)).toEqual(parsed.left)
      else expect(E.isRight(r)).toBe(true)
    }
  })
})
