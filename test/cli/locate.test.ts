// The CLI's position finder: XML paths from the codecs and validators mapped back to line:column in the text.
// Pure code (no Node API), so it runs in every runtime of the suite.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { locate, type ScannedElement, scanElements } from '../../src/cli/locate'
import { fixture, fixtures } from '../support/fixtures'
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

  // Every element of a scanned document, with the path that names it (`/feed[1]/entry[2]/…`, each step the n-th
  // sibling of that name): the way back from a path to a position must land on that very element.
  function* named(e: ScannedElement, path: string): Generator<[string, ScannedElement]> {
    yield [path, e]
    const counts = new Map<string, number>()
    for (const c of e.children) {
      const n = (counts.get(c.localName) ?? 0) + 1
      counts.set(c.localName, n)
      yield* named(c, `${path}/${c.localName}[${n}]`)
    }
  }

  it('on every fixture, the path of each element leads back to that element (bare names to the first)', () => {
    let checked = 0
    for (const [name, text] of fixtures) {
      if (!name.endsWith('.xml')) continue
      const scanned = scanElements(text)
      if (scanned === undefined) continue
      for (const [path, e] of named(scanned, `/${scanned.localName}`)) {
        expect(locate(text, path, scanned), `${name} ${path}`).toEqual({ line: e.line, column: e.column })
        checked++
      }
      const first = scanned.children[0]
      if (first !== undefined) {
        expect(locate(text, `/x:${scanned.localName}/p:${first.localName}`, scanned)).toEqual({
          line: first.line,
          column: first.column,
        })
      }
    }
    expect(checked).toBeGreaterThan(500)
  })

  // One scan, then each lookup costs the depth of its path: the children of an element are grouped by name the
  // first time a path steps into it (a file with k problems among n elements costs O(n + k × depth)). This many
  // lookups among this many siblings would be 4·10^8 comparisons if each lookup filtered the siblings again.
  it('answers many lookups among many siblings, each at its own element, the last sibling included', () => {
    const n = 20_000
    const text = `<feed>\n${'<entry><tick>1</tick></entry>\n'.repeat(n)}</feed>`
    const scanned = scanElements(text)
    for (let k = 1; k <= n; k++) {
      expect(locate(text, `/feed/entry[${k}]/tick`, scanned)?.line).toBe(k + 1)
    }
    expect(locate(text, `/feed/entry[${n + 1}]/tick`, scanned)).toEqual({ line: 1, column: 1 })
  })
})
