// Sizes (`DataSize`) and Ints (`StreamProtocolSupport`) are read by one hand-written reader of digits, in event mode
// (FileSyncXml on text) and in the tree decode (ItemsElement on a parsed element) alike. Both must agree with the
// definition: digits only, no leading zero but `0` itself, no sign or white space, a safe integer (an Int at most
// 2147483647); empty is Null.
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { FileSyncXml, ItemsElement } from '../../src/filesync/index'
import { parseXml } from '../../src/xml/index'

/** The value the definition gives for a count's text, or `'refused'`. */
function expected(text: string, max: number): number | null | 'refused' {
  if (text === '') return null
  if (!/^(0|[1-9][0-9]*)$/.test(text)) return 'refused'
  const n = Number(text)
  return Number.isSafeInteger(n) && n <= max ? n : 'refused'
}

function documentWith(size: string, support: string): string {
  return `<Items><Document><DocumentStreams><DocumentStream><DataSize>${size}</DataSize><StreamProtocolSupport>${support}</StreamProtocolSupport></DocumentStream></DocumentStreams></Document></Items>`
}

/** What both decodes give: the two values, or `'refused'` when the document does not decode. */
function bothWays(text: string): unknown[] {
  const events = FileSyncXml.decode(text)
  const parsed = parseXml(text)
  if (E.isLeft(parsed)) throw new Error('the test document is not well-formed')
  const tree = ItemsElement.decode(parsed.right.root)
  const stream = (items: unknown) => (items as { documentStreams: Record<string, unknown>[] }[])[0]!.documentStreams[0]!
  const fromEvents = E.isRight(events) && events.right.root === 'Items' ? stream(events.right.items) : 'refused'
  const fromTree = E.isRight(tree) ? stream(tree.right) : 'refused'
  return [fromEvents, fromTree]
}

// Digit strings of every length around 2^31 and 2^53, and near-digits: signs, spaces, a dot, an exponent, a letter.
const arbCountText = fc.oneof(
  fc.stringMatching(/^[0-9]{0,17}$/),
  fc.constantFrom('0', '00', '007', '2147483647', '2147483648', '9007199254740991', '9007199254740992', '1e3'),
  fc.stringMatching(/^[ +\-.e0-9a]{0,6}$/),
)

describe('counts: DataSize and StreamProtocolSupport', () => {
  it('read as the definition says, in event mode and in the tree decode', () => {
    fc.assert(
      fc.property(arbCountText, arbCountText, (size, support) => {
        const s = expected(size, Number.MAX_SAFE_INTEGER)
        const p = expected(support, 2147483647)
        const want = s === 'refused' || p === 'refused' ? 'refused' : { dataSize: s, streamProtocolSupport: p }
        for (const got of bothWays(documentWith(size, support))) expect(got).toEqual(want)
      }),
      { numRuns: 2000 },
    )
  })

  it('keeps the largest values exact', () => {
    const [events, tree] = bothWays(documentWith('9007199254740991', '2147483647'))
    const want = { dataSize: 9007199254740991, streamProtocolSupport: 2147483647 }
    expect(events).toEqual(want)
    expect(tree).toEqual(want)
  })
})
