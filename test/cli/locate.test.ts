// The CLI's position finder: XML paths from the codecs and validators mapped back to line:column in the text.
// Pure code (no Node API), so it runs in every runtime of the suite.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { locate, scanElements } from '../../src/cli/locate'
import { fixture } from '../support/fixtures'
import { numRuns } from '../support/runtime'

describe('locate', () => {
  const text = [
    '<?xml version="1.0"?>',
    '<!-- <entry> in a comment is not an element -->',
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:sync="urn:sync">',
    '  <entry a="x > y" b=\'/>\'><![CDATA[<entry>]]></entry>',
    '  <entry>',
    '    <sync:syncState><tick>x</tick></sync:syncState>',
    '  </entry>',
    '  <entry/>',
    '</feed>',
  ].join('\n')

  it('finds the n-th same-named sibling, matching by local name whatever the prefix', () => {
    expect(locate(text, '/feed')).toEqual({ line: 3, column: 1 })
    expect(locate(text, '/feed/entry[1]')).toEqual({ line: 4, column: 3 })
    expect(locate(text, '/feed/entry[2]/sync:syncState/tick')).toEqual({ line: 6, column: 21 })
    expect(locate(text, '/feed/entry[3]')).toEqual({ line: 8, column: 3 })
  })

  it('points a missing element or an attribute at the deepest element found', () => {
    expect(locate(text, '/feed/entry[2]/sync:syncState/stamp')).toEqual({ line: 6, column: 5 })
    expect(locate(text, '/feed/entry[1]/@a')).toEqual({ line: 4, column: 3 })
    expect(locate(text, '/feed/entry[9]')).toEqual({ line: 3, column: 1 })
    expect(locate(text, '/other')).toBeUndefined()
    expect(locate(text, '3:4')).toBeUndefined()
  })

  it('counts CRLF and lone CR as one line break each', () => {
    expect(locate('<a>\r\n<b/>\r<c/></a>', '/a/c')).toEqual({ line: 3, column: 1 })
  })

  it('on a real feed, every entry is found on the line of its <entry> tag', () => {
    const feed = fixture('sdata/spec-4.4_sync-feed_catchUp.xml')
    const lines = feed.split('\n')
    const scanned = scanElements(feed)
    for (let n = 1; n <= 2; n++) {
      const at = locate(feed, `/feed/entry[${n}]`, scanned)!
      expect(lines[at.line - 1]!.slice(at.column - 1)).toMatch(/^<entry>/)
    }
  })

  it('never throws and stays linear on arbitrary text (malformed, unbalanced, deep)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('<', '>', '/', 'a', ':', '"', "'", '\n', '!', '-', '?', '[') }),
        fc.string(),
        (t, p) => {
          locate(t, `/${p}`)
        },
      ),
      { numRuns: numRuns(200) },
    )
    const deep = `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`
    expect(locate(deep, `/a${'/a'.repeat(9)}`)).toEqual({ line: 1, column: 28 })
  })
})
