import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { reportErrors } from '../../src/codec/index'
import { FileSyncXml, PolicyXml } from '../../src/filesync/index'
import { DigestXml, SyncFeedXml } from '../../src/sdata/index'
import type { XmlElement } from '../../src/xml/index'
import { decodeIssue } from '../support/issues'

// Found by the hostile suite's growth checks: reportErrors counted each failing element's position among its siblings
// from scratch, so n failing siblings cost n² steps (32,000 bad digest entries: 15 s). Fixed in src/codec/report.ts
// (positions computed once per parent per report). Asserted by counting reads of the parent's children, not by time.
/** Decodes the text, counts reads of the named element's children while reporting, and returns issues and reads. */
function reportCountingReads(
  decode: (text: string) => E.Either<Parameters<typeof reportErrors>[0], unknown>,
  text: string,
  parentName: string,
): { issues: ReturnType<typeof reportErrors>; reads: number } {
  const result = decode(text)
  if (E.isRight(result)) throw new Error('expected errors')
  const parent = result.left[0]!.context.find((c) => (c.actual as XmlElement | undefined)?.localName === parentName)!
    .actual as XmlElement
  let reads = 0
  const counted = new Proxy(parent.children, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++
      return Reflect.get(target, key, receiver)
    },
  })
  ;(parent as { children: unknown }).children = counted
  return { issues: reportErrors(result.left), reads }
}

describe('regression: reporting n failing siblings reads their parent a linear number of times', () => {
  const n = 2000
  const cases = [
    {
      name: 'DigestXml',
      decode: (text: string) => DigestXml.decode(text),
      parent: 'digest',
      text: `<digest xmlns="http://schemas.sage.com/sdata/sync/2008/1">${'<digestEntry><endpoint>e</endpoint><tick>x</tick><stamp>2008-10-30T14:52:03Z</stamp></digestEntry>'.repeat(n)}</digest>`,
      last: decodeIssue(
        'bad-value',
        `/sync:digest/digestEntry[${n}]/tick`,
        'expected a non-negative integer, found "x"',
      ),
    },
    {
      name: 'SyncFeedXml',
      decode: (text: string) => SyncFeedXml.decode(text),
      parent: 'feed',
      text: `<feed xmlns="http://www.w3.org/2005/Atom">${'<entry><updated>bad</updated></entry>'.repeat(n)}</feed>`,
      last: { path: `/feed/entry[${n}]/updated` },
    },
    {
      name: 'FileSyncXml',
      decode: (text: string) => FileSyncXml.decode(text),
      parent: 'Items',
      text: `<Items>${'<Document><ResourceID>a</ResourceID><DocumentStreams><DocumentStream><DataSize>-1</DataSize></DocumentStream></DocumentStreams></Document>'.repeat(n)}</Items>`,
      last: { path: `/Items/Document[${n}]/DocumentStreams/DocumentStream[1]/DataSize` },
    },
    {
      name: 'PolicyXml',
      decode: (text: string) => PolicyXml.decode(text),
      parent: 'PolicyDocument',
      text: `<PolicyDocument>${'<Rule value="v"/>'.repeat(n)}</PolicyDocument>`,
      last: { path: `/PolicyDocument/Rule[${n}]/@name` },
    },
  ]

  for (const c of cases) {
    it(`${c.name}: ${n} failing children, each reported at its position`, () => {
      const { issues, reads } = reportCountingReads(c.decode, c.text, c.parent)
      expect(issues).toHaveLength(n)
      expect(issues[n - 1]).toMatchObject(c.last)
      expect(reads).toBeLessThanOrEqual(2 * n)
    })
  }
})
