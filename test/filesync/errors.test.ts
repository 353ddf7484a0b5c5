import { either as E } from 'fp-ts'
import { describe, expect, it, vi } from 'vitest'
import { DateTimeCodec } from '../../src/codec/index'
import { FileSyncXml, reportErrors } from '../../src/filesync/index'
import { parseXml } from '../../src/xml/index'
import { decodeIssues } from '../support/decode'
import { fixture } from '../support/fixtures'
import { decodeIssue } from '../support/issues'
import { cutStride } from '../support/runtime'

const CHANGES = fixture('filesync/spo-2025-06-changes-document-created.response.xml')
const UPLOAD = fixture('filesync/spo-2025-04-write-document-create.request-part.xml')

/** The capture with one substring replaced (which must occur exactly once). */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2)
  return text.replace(from, to)
}

describe('FileSyncXml decode errors', () => {
  it('wrong root: names the root found', () => {
    expect(
      decodeIssues(FileSyncXml, '<?xml version="1.0" encoding="utf-8"?><PolicyDocument><Rule/></PolicyDocument>'),
    ).toEqual([
      decodeIssue(
        'unexpected',
        '/PolicyDocument',
        'expected root element <Folder> or <Items> (no namespace), found <PolicyDocument>',
      ),
    ])
  })

  it('a Folder root in a namespace is not a Web3S root', () => {
    expect(decodeIssues(FileSyncXml, '<w:Folder xmlns:w="urn:x"/>')).toEqual([
      decodeIssue(
        'unexpected',
        '/w:Folder',
        'expected root element <Folder> or <Items> (no namespace), found <w:Folder> in namespace urn:x',
      ),
    ])
  })

  it('non-numeric SpaceUsed', () => {
    expect(
      decodeIssues(FileSyncXml, edit(CHANGES, '<SpaceUsed>1841923022</SpaceUsed>', '<SpaceUsed>1.8 GB</SpaceUsed>')),
    ).toEqual([decodeIssue('bad-value', '/Folder/SpaceUsed', 'expected a non-negative safe integer, found "1.8 GB"')])
  })

  it('SpaceGranted past 2^53-1 is an error, never a rounded number', () => {
    const text = edit(
      CHANGES,
      '<SpaceGranted>27487790694400</SpaceGranted>',
      '<SpaceGranted>9007199254740993</SpaceGranted>',
    )
    expect(decodeIssues(FileSyncXml, text)).toEqual([
      decodeIssue(
        'bad-value',
        '/Folder/SpaceGranted',
        'expected a non-negative safe integer, found "9007199254740993" (past 2^53-1)',
      ),
    ])
  })

  it('a negative DataSize, with the position of the repeated Document and DocumentStream', () => {
    expect(decodeIssues(FileSyncXml, edit(CHANGES, '<DataSize>4532</DataSize>', '<DataSize>-4532</DataSize>'))).toEqual(
      [
        decodeIssue(
          'bad-value',
          '/Folder/Items/Document[1]/DocumentStreams/DocumentStream[1]/DataSize',
          'expected a non-negative safe integer, found "-4532"',
        ),
      ],
    )
  })

  it('a DataSize with leading zeros (it would not re-encode to the same text)', () => {
    expect(decodeIssues(FileSyncXml, edit(UPLOAD, '<DataSize>4532</DataSize>', '<DataSize>004532</DataSize>'))).toEqual(
      [
        decodeIssue(
          'bad-value',
          '/Items/Document[1]/DocumentStreams/DocumentStream[1]/DataSize',
          'expected a non-negative safe integer, found "004532" (leading zeros would not survive re-encoding)',
        ),
      ],
    )
  })

  it('bad base64 in XORHash', () => {
    const text = edit(
      UPLOAD,
      '<XORHash>/OZdjS353Y0rw461Bmv7HobCfeg=</XORHash>',
      '<XORHash>/OZdjS353Y0rw461Bmv7Hob$feg=</XORHash>',
    )
    expect(decodeIssues(FileSyncXml, text)).toEqual([
      decodeIssue(
        'bad-value',
        '/Items/Document[1]/DocumentStreams/DocumentStream[1]/XORHash',
        'expected base64 binary, found "/OZdjS353Y0rw461Bmv7Hob$feg=" (character "$" at offset 23 is not in the base64 alphabet)',
      ),
    ])
  })

  it('a date that is not an xs:dateTime', () => {
    const text = edit(
      CHANGES,
      '<DateModified>2025-11-07T22:06:33.0000000Z</DateModified>',
      '<DateModified>2025-13-07T22:06:33Z</DateModified>',
    )
    expect(decodeIssues(FileSyncXml, text)).toEqual([
      decodeIssue(
        'bad-value',
        '/Folder/Items/Document[1]/DateModified',
        'expected an xs:dateTime, found "2025-13-07T22:06:33Z" (month 13 is out of range)',
      ),
    ])
  })

  it('a date with more than 7 fraction digits (finer than SharePoint ticks)', () => {
    const text = edit(UPLOAD, '2025-11-07T22:06:33.0000000Z', '2025-11-07T22:06:33.00000001Z')
    expect(decodeIssues(FileSyncXml, text)).toEqual([
      decodeIssue(
        'bad-value',
        '/Items/Document[1]/DateModifiedOnClient',
        'expected an xs:dateTime, found "2025-11-07T22:06:33.00000001Z" (more than 7 fraction digits)',
      ),
    ])
  })

  it('an Int past 2147483647', () => {
    const text = edit(CHANGES, '<LabelHashScope>1</LabelHashScope>', '<LabelHashScope>2147483648</LabelHashScope>')
    expect(decodeIssues(FileSyncXml, text)).toEqual([
      decodeIssue(
        'bad-value',
        '/Folder/Items/Document[1]/LabelHashScope',
        'expected an Int (0..2147483647), found "2147483648" (too large)',
      ),
    ])
  })

  it('a boolean that is not one of the six forms', () => {
    const text = edit(CHANGES, '<IsLabelProtected>False</IsLabelProtected>', '<IsLabelProtected>No</IsLabelProtected>')
    expect(decodeIssues(FileSyncXml, text)).toEqual([
      decodeIssue(
        'bad-value',
        '/Folder/Items/Document[1]/IsLabelProtected',
        'expected a boolean (true, false, 1 or 0, in any letter case), found "No"',
      ),
    ])
  })

  it('structure inside a text field, and an attribute on a Web3S element', () => {
    const text = edit(UPLOAD, '<WriteMode>Create</WriteMode>', '<WriteMode><Create/></WriteMode>').replace(
      '<RelationshipName>',
      '<RelationshipName lang="en">',
    )
    expect(decodeIssues(FileSyncXml, text)).toEqual([
      decodeIssue('unexpected', '/Items/Document[1]/WriteMode', 'expected text only, found element <Create>'),
      decodeIssue(
        'unexpected',
        '/Items/Document[1]/RelationshipName',
        'expected no attributes on <RelationshipName> (Web3S has none), found lang="en"',
      ),
    ])
  })

  it('text among the items, and something other than a DocumentStream in DocumentStreams', () => {
    const text = edit(UPLOAD, '<Items><Document>', '<Items>stray<Document>').replace(
      '<DocumentStreams>',
      '<DocumentStreams><Stream/>',
    )
    expect(decodeIssues(FileSyncXml, text)).toEqual([
      decodeIssue('unexpected', '/Items', 'expected elements only in <Items>, found text "stray"'),
      decodeIssue(
        'unexpected',
        '/Items/Document[1]/DocumentStreams/Stream[1]',
        'expected element <DocumentStream>, found <Stream>',
      ),
    ])
  })

  it('reports every error of a document, in document order', () => {
    const text = edit(
      edit(CHANGES, '<SpaceUsed>1841923022</SpaceUsed>', '<SpaceUsed>x</SpaceUsed>'),
      '<StreamProtocolSupport>4</StreamProtocolSupport>',
      '<StreamProtocolSupport>four</StreamProtocolSupport>',
    )
    expect(decodeIssues(FileSyncXml, text).map((i) => i.path)).toEqual([
      '/Folder/Items/Document[1]/DocumentStreams/DocumentStream[1]/StreamProtocolSupport',
      '/Folder/SpaceUsed',
    ])
  })

  it('text that is not well-formed: line:column from the XML layer', () => {
    const found = decodeIssues(FileSyncXml, '<?xml version="1.0"?>\n<Folder><Items></Folder>')
    expect(found).toHaveLength(1)
    expect(found[0]!.path).toBe('2:16')
    expect(found[0]!.message).toMatch(/Items/)
  })

  it("gives a document cut anywhere, or with markup inserted, exactly parseXml's error (message, line and column)", () => {
    const faults: string[] = []
    let cases = 0
    // Breaks where event mode stops: the end of the text, a bad end tag, text or a control character in a record or
    // a leaf, a bad name or reference, an unclosed extension; and well-formed markup it leaves to the tree.
    const inserts = ['<', '</x>', 'x', '\u0001', '&bad;', '&#0;', '<1/>', '<a:b/>', '<Folder>', '<!-- c -->', ' a="1"']
    for (const text of [CHANGES, UPLOAD]) {
      const end = text.lastIndexOf('>')
      const check = (broken: string, what: string): void => {
        cases++
        const parsed = parseXml(broken)
        if (parsed._tag === 'Right') return
        const r = FileSyncXml.decode(broken)
        // Collected rather than asserted one by one: thousands of expect() calls would dominate the run time.
        if (r._tag === 'Right') faults.push(`${what}: decoded`)
        else if (JSON.stringify(reportErrors(r.left)) !== JSON.stringify(parsed.left))
          faults.push(`${what}: ${JSON.stringify(reportErrors(r.left))}`)
      }
      for (let cut = 0; cut <= end; cut += cutStride) check(text.slice(0, cut), `cut at ${cut}`)
      for (let at = 0; at <= end; at += 7 * cutStride)
        for (const insert of inserts) check(text.slice(0, at) + insert + text.slice(at), `${insert} at ${at}`)
    }
    expect(faults).toEqual([])
    expect(cases).toBeGreaterThan(5000 / cutStride)
  })

  it('reads a document that is not well-formed once: each date before the fault is read once', () => {
    const spy = vi.spyOn(DateTimeCodec, 'validate')
    try {
      expect(E.isRight(FileSyncXml.decode(CHANGES))).toBe(true)
      const whole = spy.mock.calls.length
      expect(whole).toBeGreaterThan(1)
      spy.mockClear()
      // Cut in the root's end tag: every date comes before the fault.
      const cut = CHANGES.slice(0, CHANGES.lastIndexOf('>'))
      expect(decodeIssues(FileSyncXml, cut).map((i) => i.message)).toEqual(['expected > to close </Folder'])
      expect(spy.mock.calls.length).toBe(whole)
    } finally {
      spy.mockRestore()
    }
  })

  it('input that is not a string', () => {
    const r = FileSyncXml.decode(42 as unknown as string)
    expect(E.isLeft(r) && reportErrors(r.left)).toEqual([decodeIssue('unexpected', '', 'expected XML text')])
  })
})
