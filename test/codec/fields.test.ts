// The fields of a record, as the kit hands them out: whether the decoded member may be absent (`optional`, what
// RecordOf's optional keys follow) and what each reads, for every field constructor of syncwire/codec.
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  anchoredUnknownChildren,
  anyElement,
  attribute,
  attributeOr,
  child,
  childOr,
  children,
  optionalAttribute,
  optionalChild,
  otherChildren,
  qname,
  text,
  textContent,
  unknownAttributes,
  unknownChildren,
} from '../../src/codec/index'

const n = qname(null, 'x')
const leaf = text(t.string)

describe('the field constructors', () => {
  it('say which decoded members may be absent: only the optional child and the optional attribute', () => {
    const fields = {
      child: child(n, leaf),
      optionalChild: optionalChild(n, leaf),
      childOr: childOr(n, leaf, ''),
      children: children(n, leaf),
      attribute: attribute(n, t.string),
      optionalAttribute: optionalAttribute(n, t.string),
      attributeOr: attributeOr(n, t.string, ''),
      textContent: textContent(t.string),
      unknownChildren: unknownChildren(),
      anchoredUnknownChildren: anchoredUnknownChildren(),
      otherChildren: otherChildren(anyElement),
      unknownAttributes: unknownAttributes(),
    }
    const optional = Object.entries(fields)
      .filter(([, f]) => f.optional)
      .map(([key]) => key)
    expect(optional).toEqual(['optionalChild', 'optionalAttribute'])
    for (const f of Object.values(fields)) expect(typeof f.optional).toBe('boolean')
  })

  it('say how often a child or an attribute occurs, and its fallback', () => {
    const occurs = (f: { spec: unknown }) => (f.spec as { occurs?: unknown }).occurs
    expect(occurs(child(n, leaf))).toBe('required')
    expect(occurs(optionalChild(n, leaf))).toBe('optional')
    expect(occurs(childOr(n, leaf, 'z'))).toEqual({ default: 'z' })
    expect(occurs(children(n, leaf))).toBe('repeated')
    expect(occurs(attribute(n, t.string))).toBe('required')
    expect(occurs(optionalAttribute(n, t.string))).toBe('optional')
    expect(occurs(attributeOr(n, t.string, 'z'))).toEqual({ default: 'z' })
  })
})
