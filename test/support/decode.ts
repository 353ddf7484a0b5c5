// Test helper, not a test file: "decode or throw" and "expect a decode error", written once for every test. A throw
// fails the test with the decoder's own report, so a test reads the value (or the issues) directly.
import { either as E } from 'fp-ts'
import type * as t from 'io-ts'
import { Binary, type DecodeIssue, reportErrors } from '../../src/codec/index'
import { type ParseOptions, parseXml, type XmlElement } from '../../src/xml/index'

/** io-ts errors (an array of `{ value, context }`) as readable issues; anything else as JSON. */
function show(left: unknown): string {
  const isErrors =
    Array.isArray(left) && left.every((e) => typeof e === 'object' && e !== null && 'context' in e && 'value' in e)
  return isErrors ? JSON.stringify(reportErrors(left as t.Errors)) : JSON.stringify(left)
}

/** The Right of `r`; throws with the Left's report when `r` is a Left. */
export function rightOf<A>(r: E.Either<unknown, A>): A {
  if (E.isLeft(r)) throw new Error(`expected Right, got ${show(r.left)}`)
  return r.right
}

/** The value `codec` decodes from `input`; throws with the reported issues when it does not decode. */
export function decoded<I, A>(codec: t.Decoder<I, A>, input: I): A {
  return rightOf(codec.decode(input))
}

/** The reported issues of a Left; throws when `r` is a Right. */
export function issuesOf(r: E.Either<t.Errors, unknown>): DecodeIssue[] {
  if (E.isRight(r)) throw new Error(`expected a decode error, got ${JSON.stringify(r.right)}`)
  return reportErrors(r.left)
}

/** The issues `codec` reports for `input`; throws when `input` decodes. */
export function decodeIssues<I>(codec: t.Decoder<I, unknown>, input: I): DecodeIssue[] {
  return issuesOf(codec.decode(input))
}

/** The root element of well-formed XML text; throws with the parser's errors otherwise. */
export function rootOf(xml: string, options?: ParseOptions): XmlElement {
  return rightOf(parseXml(xml, options)).root
}

/**
 * How reported issues describe a found value: `reportErrors` says "unexpected <value>" for an error with no message
 * and no codec in its context, so this reads the description users see in every "found …" message.
 */
export function describedAs(value: unknown): string {
  const [issue] = reportErrors([{ value, context: [] }])
  const m = /^unexpected (.*)$/s.exec(issue?.message ?? '')
  if (!m) throw new Error(`unexpected message shape: ${issue?.message}`)
  return m[1]!
}

/** Why `Binary` refuses `s` (the reason in parentheses at the end of its message), or undefined when it decodes. */
export function base64Reason(s: string): string | undefined {
  const r = Binary.decode(s)
  if (E.isRight(r)) return undefined
  const message = reportErrors(r.left)[0]?.message ?? ''
  const m = /^expected base64 binary, found "(?:[^"\\]|\\.)*" \((.*)\)$/s.exec(message)
  if (!m) throw new Error(`no reason in: ${message}`)
  return m[1]!
}
