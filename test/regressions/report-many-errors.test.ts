import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { reportErrors } from '../../src/codec/report'
import { DigestXml } from '../../src/sdata'
import type { XmlElement } from '../../src/xml'

// Found by the hostile suite's growth checks: reportErrors counted each failing element's position among its siblings
// from scratch, so n failing siblings cost n² steps (32,000 bad digest entries: 15 s). Fixed in src/codec/report.ts
// (positions computed once per parent per report). Asserted by counting reads of the parent's children, not by time.
describe('regression: reporting n failing siblings reads their parent once', () => {
  it('reads the children of a digest with 2,000 bad ticks a linear number of times', () => {
    const n = 2000
    const entry = '<digestEntry><endpoint>e</endpoint><tick>x</tick><stamp>2008-10-30T14:52:03Z</stamp></digestEntry>'
    const result = DigestXml.decode(
      `<digest xmlns="http://schemas.sage.com/sdata/sync/2008/1">${entry.repeat(n)}</digest>`,
    )
    if (E.isRight(result)) throw new Error('expected errors')
    const root = result.left[0]!.context.find((c) => (c.actual as XmlElement | undefined)?.localName === 'digest')!
      .actual as XmlElement
    let reads = 0
    const counted = new Proxy(root.children, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++
        return Reflect.get(target, key, receiver)
      },
    })
    ;(root as { children: unknown }).children = counted
    const issues = reportErrors(result.left)
    expect(issues).toHaveLength(n)
    expect(issues[n - 1]).toEqual({
      path: `/sync:digest/digestEntry[${n}]/tick`,
      message: 'expected a non-negative integer, found "x"',
    })
    expect(reads).toBeLessThanOrEqual(2 * n)
  })
})
