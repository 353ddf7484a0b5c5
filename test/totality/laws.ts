// The totality law every document kind obeys on any input, shared by the totality properties and the fuzz run.
// Issue 7: decode returns Right or Left (never throws); on Right, decode ∘ encode = id; no prototype changes.

import { either as E } from 'fp-ts'
import { expect } from 'vitest'
import { isPlainData, type Kind, prototypeChanges, prototypeSnapshot } from './kinds'

/**
 * Checks the totality law on one input and throws (failing the property) when it does not hold: decoding returns
 * Left with path-carrying issues or Right with plain data; a Right value survives encode then decode unchanged;
 * no built-in prototype changed. Returns which way the input went, for coverage statistics.
 */
export function totalityLaw(kind: Kind, text: string): 'left' | 'right' {
  const before = prototypeSnapshot()
  let result: E.Either<Array<{ path: string; message: string }>, unknown>
  try {
    result = kind.decode(text)
  } catch (error) {
    throw new Error(`${kind.name}.decode threw ${String(error)}`)
  }
  if (E.isLeft(result)) {
    expect(result.left.length).toBeGreaterThan(0)
    for (const issue of result.left) {
      expect(typeof issue.path).toBe('string')
      expect(issue.message).toMatch(/\S/)
    }
  } else {
    expect(isPlainData(result.right)).toBe(true)
    let encoded: string
    try {
      encoded = kind.encode(result.right as never)
    } catch (error) {
      throw new Error(`${kind.name}.encode threw ${String(error)} on a decoded value`)
    }
    const again = kind.decode(encoded)
    if (E.isLeft(again)) throw new Error(`${kind.name} rejected its own encoding: ${JSON.stringify(again.left)}`)
    expect(again.right).toEqual(result.right)
  }
  expect(prototypeChanges(before)).toEqual([])
  return E.isLeft(result) ? 'left' : 'right'
}
