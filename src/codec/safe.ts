// Plain companions of any io-ts codec for code that does not use fp-ts: a result object, or a value or a throw.
// The issues are `reportErrors` output (the one issue shape), the same as every other error syncwire reports.
import type * as t from 'io-ts'
import { type Issue, wholeInputIssue } from '../common/issues'
import { thrownMessage } from '../xml/issue'
import { reportErrors } from './report'

/**
 * What {@link safeDecode} returns: the decoded value, or every problem with its path.
 *
 * @example
 * ```ts
 * const result: DecodeResult<Digest> = safeDecode(DigestXml, text)
 * if (result.ok) console.log(result.value.entries.length)
 * else for (const { path, message } of result.issues) console.error(path, message)
 * ```
 */
export type DecodeResult<A> = { ok: true; value: A } | { ok: false; issues: Issue[] }

/** The issue reported when a codec throws instead of failing (a bug in a user's codec): the root, and why. */
function thrown(error: unknown): Issue[] {
  const why = thrownMessage(error)
  return [wholeInputIssue(`the codec threw instead of reporting an error: ${why}`, 'internal')]
}

/**
 * Decodes `input` with any io-ts codec and returns `{ ok: true, value }` or `{ ok: false, issues }`, in the
 * style of zod's `safeParse` and valibot's `safeParse(schema, input)`. Never throws: a codec that throws anyway
 * is reported as one issue at the root. The issues are those of `reportErrors`: an XML path (or `line:column`
 * where the text is not well-formed) and a message.
 *
 * @example
 * ```ts
 * import { DigestXml, safeDecode } from 'syncwire/sdata'
 *
 * const result = safeDecode(DigestXml, text)
 * if (result.ok) console.log(result.value.entries.length)
 * else console.error(result.issues) // [{ path: '/sync:digest/digestEntry[1]/endpoint', message: 'missing required element sync:endpoint' }, …]
 * ```
 */
export function safeDecode<A, I>(codec: t.Decoder<I, A>, input: I): DecodeResult<A> {
  try {
    const decoded = codec.decode(input)
    return decoded._tag === 'Right'
      ? { ok: true, value: decoded.right }
      : { ok: false, issues: reportErrors(decoded.left) }
  } catch (error) {
    return { ok: false, issues: thrown(error) }
  }
}

/**
 * Thrown by {@link decodeOrThrow}: the message lists the first problems, `issues` holds all of them.
 *
 * @example
 * ```ts
 * try {
 *   decodeOrThrow(SyncFeedXml, text)
 * } catch (error) {
 *   if (error instanceof DecodeError) for (const issue of error.issues) console.error(issue.path, issue.message)
 * }
 * ```
 */
export class DecodeError extends Error {
  /** Every problem found, as `reportErrors` reports them. */
  readonly issues: Issue[]

  /**
   * @param issues - the problems (at least one)
   * @param codecName - the name of the codec that failed, for the message
   */
  constructor(issues: Issue[], codecName = 'input') {
    const shown = issues.slice(0, 3).map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`))
    const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : ''
    super(`could not decode ${codecName}: ${shown.join('; ')}${more}`)
    this.name = 'DecodeError'
    this.issues = issues
  }
}

/**
 * Decodes `input` with any io-ts codec and returns the value, or throws a {@link DecodeError} carrying every issue
 * (`{ path, message }`, as `reportErrors` gives them). For code that prefers exceptions to `Either`.
 *
 * @example
 * ```ts
 * import { decodeOrThrow, FileSyncXml } from 'syncwire/filesync'
 *
 * const document = decodeOrThrow(FileSyncXml, '<Items/>')
 * decodeOrThrow(FileSyncXml, '<Items') // throws DecodeError: could not decode FileSyncXml: 1:1: start tag <Items> is not finished
 * ```
 */
export function decodeOrThrow<A, I>(codec: t.Decoder<I, A>, input: I): A {
  const result = safeDecode(codec, input)
  if (result.ok) return result.value
  throw new DecodeError(result.issues, codec.name)
}
