// Line ends in FILESYNC leaves read in the parser's event mode: CR LF and a CR alone become LF (XML 1.0 §2.11) as
// the tree reads them, in the one run (the item is not read again as a tree). The tree path is forced by a comment
// in the item, which event mode never takes.
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { DateTimeCodec, reportErrors } from '../../src/codec/index'
import { FileSyncXml } from '../../src/filesync/index'

/** An `Items` document with one `Document` whose stream has `name` and `size` as leaf text (written as given). */
function doc(name: string, size: string): string {
  return (
    '<Items><Document><DateModifiedOnClient>2025-11-07T22:06:33.0000000Z</DateModifiedOnClient><DocumentStreams>' +
    `<DocumentStream><DocumentStreamName>${name}</DocumentStreamName><DataSize>${size}</DataSize>` +
    '</DocumentStream></DocumentStreams></Document></Items>'
  )
}

/** FileSyncXml's result for `text` (value, or the reported issues), and how many dates it validated. */
function decodeCounting(text: string): [unknown, number] {
  const spy = vi.spyOn(DateTimeCodec, 'validate')
  try {
    const r = FileSyncXml.decode(text)
    return [r._tag === 'Right' ? r.right : reportErrors(r.left), spy.mock.calls.length]
  } finally {
    spy.mockRestore()
  }
}

/** The same, read the tree way: a comment in the item makes event mode hand it to the tree. */
function viaTree(text: string): unknown {
  return decodeCounting(text.replace('</DocumentStreams>', '</DocumentStreams><!-- tree -->'))[0]
}

const LINE_ENDS = ['\r', '\n', '\r\n', '\r\r\n', '\n\r', '&#13;', '&#xD;&#xA;']
const textLeaf = fc
  .array(fc.constantFrom('a', ' ', '\t', '&amp;', '\u00e9', '\u{1F600}', ...LINE_ENDS), { maxLength: 8 })
  .map((parts) => parts.join(''))
const sizeLeaf = fc.array(fc.constantFrom('1', '7', ...LINE_ENDS), { maxLength: 4 }).map((parts) => parts.join(''))

describe('FileSyncXml: line ends in a leaf, read in event mode', () => {
  it('CR LF and a lone CR become LF, in the one run', () => {
    for (const [written, read] of [
      ['a\r\nb', 'a\nb'],
      ['a\rb', 'a\nb'],
      ['\r\r\n', '\n\n'],
      ['a\r', 'a\n'],
      ['&#13;\r\n', '\r\n'],
    ]) {
      const [value, dates] = decodeCounting(doc(written!, '12'))
      expect(dates).toBe(1)
      expect(value).toEqual(viaTree(doc(written!, '12')))
      expect(value).toMatchObject({ items: [{ documentStreams: [{ documentStreamName: read }] }] })
    }
  })

  it('gives the tree path’s value or issues, and takes in one run every item the tree decodes', () => {
    fc.assert(
      fc.property(textLeaf, sizeLeaf, (name, size) => {
        const text = doc(name, size)
        const [value, dates] = decodeCounting(text)
        expect(value).toEqual(viaTree(text))
        // A size is digits only: one with a line end in it is refused, and the tree path gives its issue.
        if (/^[17]+$/.test(size)) expect(dates).toBe(1)
      }),
    )
  })

  it('the tree path reads the date again, and a refused size is an issue (the checks above can fail)', () => {
    expect(decodeCounting(doc('a', '1'))[1]).toBe(1)
    expect(
      decodeCounting(doc('a', '1').replace('</DocumentStreams>', '</DocumentStreams><!-- x -->'))[1],
    ).toBeGreaterThan(1)
    expect(viaTree(doc('a', '1\r'))).toEqual([expect.objectContaining({ path: expect.stringMatching(/DataSize$/) })])
  })
})
