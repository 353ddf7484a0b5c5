import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { reportErrors } from '../../../src/codec/index'
import { type Policy, PolicyXml, policyRule, policyRules } from '../../../src/filesync/index'
import { decoded } from '../../support/decode'
import { fixture } from '../../support/fixtures'
import { numRuns } from '../../support/runtime'

describe('PolicyXml', () => {
  const sample = fixture('filesync/rest/policy.xml.txt')

  it('decodes the hand-made policy into rules in document order', () => {
    expect(decoded(PolicyXml, sample)).toEqual({
      rules: [
        { name: 'DownloadUrlTemplate', value: '{0}/_layouts/15/download.aspx?UniqueId={1}&Translate=false' },
        { name: 'ItemCount', value: '500' },
        { name: '__proto__', value: 'plain data' },
        { name: 'constructor', value: 'also plain' },
      ],
    })
  })

  it('looks rules up as plain data, __proto__ included', () => {
    const policy = decoded(PolicyXml, sample)
    const rules = policyRules(policy)
    expect(rules.get('ItemCount')).toBe('500')
    expect(rules.get('__proto__')).toBe('plain data')
    expect(policyRule(policy, 'constructor')).toBe('also plain')
    expect(policyRule(policy, 'toString')).toBeUndefined()
    expect(Object.getPrototypeOf({})).toBe(Object.prototype)
  })

  it('encodes back to the same document', () => {
    const again = PolicyXml.encode(decoded(PolicyXml, sample))
    expect(again).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><PolicyDocument><Rule name="DownloadUrlTemplate" value="{0}/_layouts/15/download.aspx?UniqueId={1}&amp;Translate=false"/><Rule name="ItemCount" value="500"/><Rule name="__proto__" value="plain data"/><Rule name="constructor" value="also plain"/></PolicyDocument>',
    )
    expect(decoded(PolicyXml, again)).toEqual(decoded(PolicyXml, sample))
  })

  it('keeps unknown attributes and elements, and rules without a value', () => {
    const text =
      '<PolicyDocument version="2"><Rule name="A" scope="tenant"/><Note>x</Note><Rule name="B" value=""/></PolicyDocument>'
    const policy = decoded(PolicyXml, text)
    expect(policy.rules.map((r) => [r.name, r.value, r.attributes?.map((a) => a.localName)])).toEqual([
      ['A', undefined, ['scope']],
      ['B', '', undefined],
    ])
    expect(policy.extensions?.map((e) => e.localName)).toEqual(['Note'])
    expect(policyRules(policy)).toEqual(new Map([['B', '']]))
    expect(decoded(PolicyXml, PolicyXml.encode(policy))).toEqual(policy)
  })

  it('first rule of a name wins in lookups', () => {
    const policy = decoded(
      PolicyXml,
      '<PolicyDocument><Rule name="A" value="1"/><Rule name="A" value="2"/></PolicyDocument>',
    )
    expect(policy.rules).toHaveLength(2)
    expect(policyRules(policy).get('A')).toBe('1')
  })

  it.each([
    ['<Policy/>', '/Policy', 'expected element <PolicyDocument>'],
    ['<PolicyDocument><Rule value="1"/><Rule/></PolicyDocument>', '/PolicyDocument/Rule[1]/@name', 'name'],
    ['<PolicyDocument><Rule', '1:', ''],
  ])('reports %s at its path', (text, path, message) => {
    const r = PolicyXml.decode(text)
    expect(E.isLeft(r)).toBe(true)
    if (E.isLeft(r)) {
      const [first] = reportErrors(r.left)
      expect(first!.path.startsWith(path)).toBe(true)
      expect(first!.message).toContain(message)
    }
  })

  it('decode ∘ encode = id for generated policies', () => {
    const text = fc
      .string({ unit: 'grapheme', maxLength: 12 })
      .filter((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(s))
    const policy: fc.Arbitrary<Policy> = fc.record({
      rules: fc.array(
        fc
          .record({ name: text, value: fc.option(text, { nil: undefined }) })
          .map((r) => (r.value === undefined ? { name: r.name } : { name: r.name, value: r.value })),
        { maxLength: 6 },
      ),
    })
    fc.assert(
      fc.property(policy, (p) => {
        expect(decoded(PolicyXml, PolicyXml.encode(p))).toEqual(p)
      }),
      { numRuns: numRuns(200) },
    )
  })
})
