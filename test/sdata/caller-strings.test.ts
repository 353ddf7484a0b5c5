// The parser hands the readers namespace URIs and names as the same strings their constants are, so most of their
// comparisons end at an identity check; a caller's own tree holds strings of its own making. Every decode here runs
// on a tree whose every string was built afresh at run time, after parsed documents filled the parser's table: it
// reads to the same value as the text.
import { describe, expect, it } from 'vitest'
import { SyncEntryElement, SyncEntryXml, SyncFeedElement, SyncFeedXml } from '../../src/sdata/index'
import type { XmlElement, XmlNode } from '../../src/xml/index'
import { rightOf, rootOf } from '../support/decode'
import { fixture, fixturesIn } from '../support/fixtures'

/** `s` as a string of its own, built a character at a time (never the parser's, nor a literal's). */
const fresh = (s: string): string => Array.from(s, (c) => c).join('')
const freshOrNull = (s: string | null): string | null => (s === null ? null : fresh(s))

/** A deep copy of `el` in which every string is built afresh. */
function freshTree(el: XmlElement): XmlElement {
  return {
    type: 'element',
    namespace: freshOrNull(el.namespace),
    localName: fresh(el.localName),
    prefix: freshOrNull(el.prefix),
    attributes: el.attributes.map((a) => ({
      namespace: freshOrNull(a.namespace),
      localName: fresh(a.localName),
      prefix: freshOrNull(a.prefix),
      value: fresh(a.value),
    })),
    children: el.children.map(
      (c): XmlNode => (c.type === 'element' ? freshTree(c) : ({ type: c.type, value: fresh(c.value) } as XmlNode)),
    ),
  }
}

describe('a caller’s tree of its own strings', () => {
  const feeds = fixturesIn('sdata').filter((p) => /feed/.test(p) && p.endsWith('.xml'))
  it.each(feeds)('%s decodes as its text does', (path) => {
    const text = fixture(path)
    const fromText = SyncFeedXml.decode(text)
    if (fromText._tag === 'Left') return
    const fromTree = rightOf(SyncFeedElement.decode(freshTree(rootOf(text))))
    expect(SyncFeedXml.encode(fromTree)).toBe(SyncFeedXml.encode(fromText.right))
    expect(fromTree).toEqual(fromText.right)
  })

  it('has feeds that decode to check', () => {
    expect(feeds.filter((p) => SyncFeedXml.decode(fixture(p))._tag === 'Right').length).toBeGreaterThan(2)
  })

  const entries = fixturesIn('sdata').filter((p) => /entry/.test(p) && p.endsWith('.xml'))
  it.each(entries)('%s decodes as its text does', (path) => {
    const text = fixture(path)
    const fromText = SyncEntryXml.decode(text)
    if (fromText._tag === 'Left') return
    expect(rightOf(SyncEntryElement.decode(freshTree(rootOf(text))))).toEqual(fromText.right)
  })
})
