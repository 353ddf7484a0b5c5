// Helpers for the hostile-input suite: decode through one kind and demand a rejection or a value, never a throw.
// Issue 7 "Hostile input": each case asserts the exact outcome for every document kind in test/totality/kinds.ts.

import { either as E } from 'fp-ts'
import { expect } from 'vitest'
import type { DecodeIssue } from '../../src/codec/index'
import type { Kind } from '../totality/kinds'

/** The issues a kind reports for a text it must reject (a throw fails the calling test, as it should). */
export function rejection(kind: Kind, text: string): DecodeIssue[] {
  const result = kind.decode(text)
  if (E.isRight(result)) throw new Error(`${kind.name} accepted a text it must reject`)
  return result.left
}

/** The value a kind decodes from a text it must accept. */
export function accepted<A = unknown>(kind: Kind, text: string): A {
  const result = kind.decode(text)
  if (E.isLeft(result)) throw new Error(`${kind.name} rejected a text it must accept: ${JSON.stringify(result.left)}`)
  return result.right as A
}

/** Asserts the text is rejected by one issue at `line:column` with that message. */
export function expectSyntaxError(kind: Kind, text: string, line: number, column: number, message: string): void {
  expect(rejection(kind, text)).toEqual([{ path: `${line}:${column}`, message }])
}

/** Asserts decode(encode(value)) equals value, the round trip every accepted hostile text must survive. */
export function expectRoundTrip(kind: Kind, value: unknown): void {
  expect(accepted(kind, kind.encode(value as never))).toEqual(value)
}
