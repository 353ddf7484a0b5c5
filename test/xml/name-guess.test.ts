// The tree way guesses each start tag's name from the names read after the same name before (the first child of an
// element of that name, the sibling after a child of that name) and each attribute name from the attributes last
// read on an element of that name, compared in place. A guess is only a shortcut: whatever was read before, a
// document reads to the same tree or the same first fault. Names here share prefixes (a, ab, x:a, x:ab, x:a:b),
// carry non-ASCII characters or lone surrogates, and end where the text ends.
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { parseXml } from '../../src/xml/index'
import { numRuns } from '../support/runtime'

const OPEN = '<r xmlns:x="u">'

// Names that are prefixes of one another, or differ only after a shared start.
const GOOD = ['a', 'ab', 'a-b', 'a.b', 'b', 'x:a', 'x:ab', 'a\u00e9', 'a\u{10000}']
// Names the tree refuses (two colons, an unbound prefix), and a name cut by a lone surrogate.
const BAD = ['x:a:b', 'y:a', 'a\ud800', 'xmlns:a', 'x:']
const name = fc.constantFrom(...GOOD)
const anyName = fc.oneof({ arbitrary: name, weight: 4 }, { arbitrary: fc.constantFrom(...BAD), weight: 1 })

/** Well-formed elements over {@link GOOD} (attributes unique by name and none in a namespace, so never twice). */
const element: fc.Arbitrary<string> = fc.letrec<{ el: string }>((tie) => ({
  el: fc
    .tuple(
      name,
      fc.uniqueArray(fc.constantFrom('a', 'ab', 'a-b', 'b', 'x:a', 'x:ab'), { maxLength: 3 }),
      fc.oneof(
        { arbitrary: fc.constant(null), weight: 2 },
        { arbitrary: fc.constantFrom('', 't'), weight: 1 },
        { arbitrary: fc.array(tie('el'), { maxLength: 3 }), weight: 2 },
      ),
    )
    .map(([n, attrs, content]) => {
      // One prefixed attribute per local name at most, or two would have the same expanded name (x:a and a do not).
      const tag = n + attrs.map((a, k) => ` ${a}="${k}"`).join('')
      if (content === null) return `<${tag}/>`
      return `<${tag}>${typeof content === 'string' ? content : content.join('')}</${n}>`
    }),
})).el

/** Tag soup over all the names: mostly well-formed, sometimes cut short or mismatched. */
const token = fc.oneof(
  { arbitrary: element, weight: 4 },
  { arbitrary: anyName.map((n) => `<${n}>`), weight: 3 },
  { arbitrary: anyName.map((n) => `</${n}>`), weight: 3 },
  {
    arbitrary: fc
      .tuple(anyName, fc.array(anyName, { maxLength: 3 }))
      .map(([n, as]) => `<${n}${as.map((a) => ` ${a}="1"`).join('')}/>`),
    weight: 2,
  },
  { arbitrary: anyName.map((n) => `<${n}`), weight: 1 },
  { arbitrary: fc.constantFrom('t', ' ', '<', '/>', '>', '="1"', ' b="2"'), weight: 1 },
)
const soup = fc.tuple(
  fc.oneof(
    element,
    anyName.map((n) => `<${n}>`),
  ),
  fc.array(token, { maxLength: 8 }),
)

/**
 * Expects `text` to read after the well-formed elements `trained` as it reads with nothing before it: the same first
 * fault (at the same line and column: the text starts a line in both), or the same children after the trained ones.
 */
function readsAsAlone(trained: string, text: string): void {
  const alone = parseXml(`${OPEN}\n${text}`)
  const after = parseXml(`${OPEN}${trained}\n${text}`)
  if (E.isLeft(alone)) {
    expect(after).toEqual(alone)
    return
  }
  const first = parseXml(`${OPEN}${trained}</r>`)
  if (E.isLeft(first)) throw new Error(`not well-formed: ${trained}`)
  expect(E.isRight(after) && after.right.root.children).toEqual([
    ...first.right.root.children,
    ...alone.right.root.children,
  ])
}

describe('parseXml: names guessed from what was read before', () => {
  it('reads the same tree or the same first fault after any well-formed elements', () => {
    fc.assert(
      fc.property(fc.array(element, { maxLength: 4 }), soup, fc.boolean(), (before, [head, rest], closed) => {
        readsAsAlone(before.join(''), `${head}${rest.join('')}${closed ? '</r>' : ''}`)
      }),
      { numRuns: numRuns(1000) },
    )
  })

  // What was read first | what is read after it.
  const cases: Array<[string, string]> = [
    ['a child whose name continues the guess', '<a><ab/><a/></a>|<a><ab/><abc/></a></r>'],
    ['a child named by a prefix of the guess', '<a><abc/></a>|<a><ab/></a></r>'],
    ['a prefixed name that continues the guess', '<x:a><x:a/></x:a>|<x:a><x:ab/></x:a></r>'],
    ['the guess followed by a second colon', '<a><x:a/></a>|<a><x:a:b/></a></r>'],
    ['the guess followed by a non-ASCII name character', '<a><b/></a>|<a><b\u00e9/></a></r>'],
    ['the guess followed by a lone surrogate', '<a><b/></a>|<a><b\ud800/></a></r>'],
    ['the guess at the end of the text', '<a><b/></a>|<a><b'],
    ['a sibling whose name continues the guess', '<a><b/><c/></a>|<a><b/><cd>t</cd></a></r>'],
    ['an attribute whose name continues the guess', '<a b="1"/>|<a bc="1"/></r>'],
    ['an attribute whose name adds a local part to the guess', '<a x="1"/>|<a x:c="1"/></r>'],
    ['an attribute guessed twice', '<a b="1" c="2"/>|<a b="1" b="2"/></r>'],
    ['the attribute guess at the end of the text', '<a b="1"/>|<a b'],
  ]
  it.each(cases)('%s: as a fresh parse reads it', (_, body) => {
    const [trained, text] = body.split('|') as [string, string]
    readsAsAlone(trained, text)
  })
})
