import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  child,
  childOr,
  children,
  element,
  fromXml,
  NonNegativeInteger,
  optionalChild,
  qname,
  record,
  reportErrors,
  StampCodec,
  text,
  unknownAttributes,
  unknownChildren,
  xmlNamespace,
  xmlRoot,
} from '../../src/codec/index'
import type { XmlElement } from '../../src/xml/index'
import { parseXml } from '../../src/xml/index'
import { describedAs, issuesOf } from '../support/decode'
import { fixture } from '../support/fixtures'
import { decodeIssue, xmlFault } from '../support/issues'

const atom = xmlNamespace('http://www.w3.org/2005/Atom', null)
const sync = xmlNamespace('http://schemas.sage.com/sdata/sync/2008/1', 'sync')

const SyncState = record({
  endpoint: child(sync('endpoint'), text(t.string)),
  tick: childOr(sync('tick'), text(NonNegativeInteger), 0),
  stamp: child(sync('stamp'), text(StampCodec)),
})
const Entry = record({ syncState: optionalChild(sync('syncState'), SyncState), extensions: unknownChildren() })
const FeedXml = fromXml(
  element(
    atom('feed'),
    record({
      declarations: unknownAttributes(),
      entries: children(atom('entry'), Entry),
      extensions: unknownChildren(),
    }),
  ),
  { serialize: { declaration: false } },
  'FeedXml',
)

describe('reportErrors on a real feed (sync spec §4.4 example)', () => {
  const feed = fixture('sdata/spec-4.4_sync-feed_catchUp.xml')

  it('decodes the example', () => {
    const r = FeedXml.decode(feed)
    expect(E.isRight(r) && r.right.entries.map((e) => e.syncState?.tick)).toEqual([5, 8])
  })

  it('names the bad tick of the second entry with position and prefix', () => {
    expect(issuesOf(FeedXml.decode(feed.replace('<tick>8</tick>', '<tick>eight</tick>')))).toEqual([
      decodeIssue(
        'bad-value',
        '/feed/entry[2]/sync:syncState/tick',
        'expected a non-negative safe integer, found "eight"',
      ),
    ])
  })

  it('names a missing stamp and a bad one, in document order', () => {
    const broken = feed
      .replace('<stamp>2008-10-30T14:55:43.281Z</stamp>', '')
      .replace(/(<entry>[\s\S]*?<entry>[\s\S]*?<stamp>)[^<]*/, '$1yesterday')
    expect(issuesOf(FeedXml.decode(broken))).toEqual([
      decodeIssue('missing', '/feed/entry[1]/sync:syncState/stamp', 'expected element sync:stamp, found none'),
      decodeIssue(
        'bad-value',
        '/feed/entry[2]/sync:syncState/stamp',
        'expected a stamp (xs:dateTime), found "yesterday" (not of the form YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm])',
      ),
    ])
  })

  it('re-encodes the feed with the unknown elements in place: decode ∘ encode ∘ decode = decode', () => {
    const first = FeedXml.decode(feed)
    if (E.isLeft(first)) throw new Error('decode failed')
    const text = FeedXml.encode(first.right)
    const again = FeedXml.decode(text)
    if (E.isLeft(again)) throw new Error('re-decode failed')
    expect(again.right.entries.map((e) => e.syncState)).toEqual(first.right.entries.map((e) => e.syncState))
    // The serializer writes namespace declarations before other attributes, so compare after one round trip.
    expect(FeedXml.decode(FeedXml.encode(again.right))).toEqual(again)
    const names = (x: typeof first.right) => x.extensions.map((e) => e.localName)
    expect(names(again.right)).toEqual(names(first.right))
    expect(text.indexOf('<syncMode')).toBeLessThan(text.indexOf('<entry'))
  })
})

describe('parse errors', () => {
  it('reach the user with line:column as the path and the parser’s message', () => {
    const bad = '<feed xmlns="http://www.w3.org/2005/Atom">\n  <entry></feed>'
    const parsed = parseXml(bad)
    if (E.isRight(parsed)) throw new Error('expected a parse error')
    // The parser's issues as they are, not rebuilt: `line:column` as the path, no steps, the parser's code.
    const expected = parsed.left.map((e) => xmlFault('not-well-formed', e.message, e.line, e.column))
    expect(expected[0]!.path).toMatch(/^2:\d+$/)
    expect(issuesOf(FeedXml.decode(bad))).toStrictEqual(expected)
  })

  it('keep an error without a position (an input-length limit) with an empty path', () => {
    // Before the rewrite this called the internal xmlErrorsToIssues with hand-made errors; a parse error without a
    // position reaches users only from the length limit, and one with a line but no column not at all.
    const Short = fromXml(element(atom('feed'), record({ extensions: unknownChildren() })), { parse: { maxLength: 8 } })
    const issues = issuesOf(Short.decode('<feed xmlns="http://www.w3.org/2005/Atom"/>'))
    expect(issues).toHaveLength(1)
    expect(issues[0]!.path).toBe('')
    expect(issues[0]!.code).toBe('limit')
    expect(issues[0]!.message).toMatch(/\S/)
  })

  it('xmlRoot alone parses and serialises the root element', () => {
    const root = xmlRoot({ serialize: { declaration: false } })
    const r = root.decode('<a xmlns="urn:a">1</a>')
    expect(E.isRight(r) && root.encode(r.right)).toBe('<a xmlns="urn:a">1</a>')
  })
})

describe('messages', () => {
  it('say what io-ts codecs expected when they give no message', () => {
    const R = element(atom('feed'), record({ n: child(atom('n'), text(t.keyof({ a: null }))) }))
    const doc = { root: R.encode({ n: 'a' }) }
    doc.root.children = [{ ...doc.root.children[0]!, children: [{ type: 'text', value: 'b' }] } as never]
    expect(issuesOf(R.decode(doc.root))).toEqual([decodeIssue('bad-value', '/feed/n', 'expected "a", found "b"')])
  })

  it('are reported once when several errors say the same thing at the same place', () => {
    const errors: t.Errors = [
      { value: 'x', context: [], message: 'm' },
      { value: 'x', context: [], message: 'm' },
    ]
    expect(reportErrors(errors)).toEqual([decodeIssue('bad-value', '', 'm')])
  })

  it('describe found values briefly', () => {
    expect(describedAs(undefined)).toBe('none')
    expect(describedAs('a'.repeat(100))).toBe(JSON.stringify(`${'a'.repeat(77)}...`))
    expect(
      describedAs({ type: 'element', namespace: null, localName: 'x', prefix: 'p', attributes: [], children: [] }),
    ).toBe('element <p:x>')
    expect(describedAs(3)).toBe('3')
  })
})

describe('fromXml', () => {
  it('turns an exception thrown inside a codec into a decode error', () => {
    const Throwing = element(
      atom('feed'),
      new t.Type<never, XmlElement, XmlElement>(
        'throws',
        (u): u is never => false,
        () => {
          throw new Error('boom')
        },
        (a) => a,
      ),
    )
    expect(issuesOf(fromXml(Throwing).decode('<feed xmlns="http://www.w3.org/2005/Atom"/>'))).toEqual([
      decodeIssue('internal', '', 'could not decode the document: boom'),
    ])
  })

  it('decodes to the depth limit of the XML layer (256) through a recursive codec', () => {
    interface Node {
      items: Node[]
    }
    const NodeCodec: t.Type<Node, XmlElement, XmlElement> = t.recursion('Node', () =>
      record({ items: children(qname(null, 'x'), NodeCodec) }),
    )
    const xml = `${'<x>'.repeat(256)}${'</x>'.repeat(256)}`
    const r = fromXml(element(qname(null, 'x'), NodeCodec)).decode(xml)
    let depth = 0
    for (let n = E.isRight(r) ? r.right : undefined; n !== undefined; n = n.items[0]) depth++
    expect(depth).toBe(256)
  })
})
