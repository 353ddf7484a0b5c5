// Line and column of parse errors whose fault is a line break itself (XML 1.0 §2.11: CRLF, CR and LF each end one
// line): the break belongs to the line it ends, so the fault is placed at the end of that line, not on the next.
// Raised from mutation seed 203006 (src/xml/position.ts).
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { parseXml } from '../../src/xml/index'

const fault = (text: string) => {
  const r = parseXml(text)
  return E.isLeft(r) ? [r.left[0]!.path, r.left[0]!.line, r.left[0]!.column, r.left[0]!.message] : 'parsed'
}

describe('parse errors at a line break', () => {
  it.each([
    ['LF', '<\na/>'],
    ['CRLF', '<\r\na/>'],
    ['CR', '<\ra/>'],
    ['a space (the neighbour that is no break)', '< a/>'],
    ['LF after a BOM', '\uFEFF<\na/>'],
  ])('%s right after < is at line 1, column 2', (_, text) => {
    expect(fault(text)).toEqual(['1:2', 1, 2, 'expected an element name after <'])
  })

  it.each([
    ['LF', '<a>\n</\nb>'],
    ['CRLF', '<a>\r\n</\r\na>'],
    ['CR', '<a>\r</\ra>'],
  ])('%s right after </ on line 2 is at line 2, column 3', (_, text) => {
    expect(fault(text)).toEqual(['2:3', 2, 3, 'expected an element name after </'])
  })
})
