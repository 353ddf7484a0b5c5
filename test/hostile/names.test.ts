import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { policyRule, policyRules } from '../../src/filesync/index'
import { isPlainData, KINDS, kind, prototypeChanges, prototypeSnapshot } from '../totality/kinds'
import { accepted, expectRoundTrip } from './support'

const NAMES = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'] as const

/** Content using every special name as an element name, attribute name and namespace prefix, with a payload. */
function hostileContent(): string {
  const declarations = NAMES.map((n) => ` xmlns:${n}="urn:${n}"`).join('')
  const attributes = NAMES.map((n) => ` ${n}="polluted" ${n}:${n}="polluted"`).join('')
  const children = NAMES.map(
    (n) => `<${n}${attributes}><${n}:${n}>{"polluted":true}</${n}:${n}><polluted/></${n}>`,
  ).join('')
  return `<x${declarations}>${children}</x>`
}

describe('hostile names: __proto__, constructor, prototype, hasOwnProperty, toString', () => {
  for (const k of KINDS) {
    it(`${k.name} keeps them as plain data, writes them back, and leaves every prototype unchanged`, () => {
      const before = prototypeSnapshot()
      const value = accepted(k, `${k.open}${hostileContent()}${k.close}`)
      expect(prototypeChanges(before)).toEqual([])
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      expect(isPlainData(value)).toBe(true)
      const json = JSON.stringify(value)
      for (const n of NAMES) {
        expect(json).toContain(`"localName":"${n}","prefix":null`)
        expect(json).toContain(`"namespace":"urn:${n}","localName":"${n}","prefix":"${n}"`)
      }
      expectRoundTrip(k, value)
      expect(prototypeChanges(before)).toEqual([])
    })

    it(`${k.name} reads them as root names only as a named mismatch (or, for parseXml, a document)`, () => {
      const before = prototypeSnapshot()
      for (const n of NAMES) {
        const result = k.decode(`<${n}:${n} xmlns:${n}="urn:${n}" ${n}="1"/>`)
        if (k.name === 'parseXml')
          expect(result).toMatchObject({ _tag: 'Right', right: { root: { localName: n, prefix: n } } })
        else
          expect(E.isLeft(result) && result.left).toEqual([
            {
              severity: 'error',
              code: 'unexpected',
              path: `/${n}:${n}`,
              steps: [{ kind: 'element', name: `${n}:${n}` }],
              message: expect.stringContaining(n),
            },
          ])
      }
      expect(prototypeChanges(before)).toEqual([])
    })
  }

  it('PolicyXml: Rule@name values are plain keys of the rule Map and of policyRule, never inherited members', () => {
    const before = prototypeSnapshot()
    const text = `<PolicyDocument>${NAMES.map((n) => `<Rule name="${n}" value="v-${n}" ${n}="a"/>`).join('')}</PolicyDocument>`
    const policy = accepted<{ rules: Array<{ name: string; value?: string }> }>(kind('PolicyXml'), text)
    expect(policy.rules.map((r) => [r.name, r.value])).toEqual(NAMES.map((n) => [n, `v-${n}`]))
    expect([...policyRules(policy as never)]).toEqual(NAMES.map((n) => [n, `v-${n}`]))
    for (const n of NAMES) expect(policyRule(policy as never, n)).toBe(`v-${n}`)
    expect(policyRule(policy as never, 'valueOf')).toBeUndefined()
    expect(policyRule({ rules: [] }, '__proto__')).toBeUndefined()
    expect(policyRule({ rules: [] }, 'toString')).toBeUndefined()
    expectRoundTrip(kind('PolicyXml'), policy)
    expect(prototypeChanges(before)).toEqual([])
  })
})
