// Helpers for the hostile-input suite: decode through one kind and demand a rejection or a value, never a throw.
// Issue 7 "Hostile input": each case asserts the exact outcome for every document kind in test/totality/kinds.ts.

import { either as E } from 'fp-ts'
import { expect } from 'vitest'
import type { Issue, IssueCode } from '../../src/xml/index'
import { xmlFault } from '../support/issues'
import type { Kind } from '../totality/kinds'

/** The issues a kind reports for a text it must reject (a throw fails the calling test, as it should). */
export function rejection(kind: Kind, text: string): Issue[] {
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

/**
 * Asserts the text is rejected by one issue of the text at `line:column` with that message, in the one issue shape
 * (severity `error`, no steps, `line` and `column` beside the `line:column` path), of code `not-well-formed` unless
 * another is given.
 */
export function expectSyntaxError(
  kind: Kind,
  text: string,
  line: number,
  column: number,
  message: string,
  code: IssueCode = 'not-well-formed',
): void {
  expect(rejection(kind, text)).toStrictEqual([xmlFault(code, message, line, column)])
}

/** Asserts decode(encode(value)) equals value, the round trip every accepted hostile text must survive. */
export function expectRoundTrip(kind: Kind, value: unknown): void {
  expect(accepted(kind, kind.encode(value as never))).toEqual(value)
}
