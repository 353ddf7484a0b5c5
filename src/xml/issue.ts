// The one shape every syncwire problem report takes, defined in the lowest layer so the parser can speak it too.
// Formatters, the code list and the validators' collector are in common/issues.ts; this module holds the types.

/**
 * How serious a problem is: `error` breaks a MUST (or the grammar, or the type), `warning` is a broken SHOULD, a
 * lenient form or something suspicious.
 *
 * @example
 * ```ts
 * const failing = issues.filter((i) => i.severity === ('error' satisfies IssueSeverity))
 * ```
 */
export type IssueSeverity = 'error' | 'warning'

/**
 * What kind of problem an issue reports, stable across releases (messages may change, codes do not):
 * - `not-well-formed`: the text breaks XML 1.0 or Namespaces in XML (the parser's errors);
 * - `undecodable`: bytes that are not valid in their encoding (`offset` says where);
 * - `limit`: the input is over a configured limit (`maxLength`, `maxDepth`, `maxAttributes`, `maxNameLength`);
 * - `missing`: a required element, attribute, member or header is absent;
 * - `unexpected`: something else stands where a value was expected (another element, an element instead of
 *   text, a JSON value of the wrong type);
 * - `bad-value`: a value is present but does not read as its type (`"abc"` for a tick);
 * - `rule`: a decoded value breaks a rule of the protocol (what the `validate…` functions report);
 * - `bad-status`: an HTTP status the exchange does not expect;
 * - `bad-framing`: a multipart body whose framing is broken;
 * - `call-order`: a session used out of order;
 * - `incomplete`: the input ended early, or its source failed while being read;
 * - `internal`: a codec or a reader threw instead of reporting (a bug, reported rather than thrown or hidden).
 *
 * @example
 * ```ts
 * const code: IssueCode = 'missing'
 * ```
 */
export type IssueCode =
  | 'not-well-formed'
  | 'undecodable'
  | 'limit'
  | 'missing'
  | 'unexpected'
  | 'bad-value'
  | 'rule'
  | 'bad-status'
  | 'bad-framing'
  | 'call-order'
  | 'incomplete'
  | 'internal'

/**
 * One step of an issue's location, from the document's root down:
 * - `element`: an element, by its name as paths show it (`sync:syncState`) and, for elements that repeat, its
 *   1-based position among same-named siblings;
 * - `attribute`: an attribute of the element before it (`sdata:uuid`);
 * - `member` / `index`: a JSON object member, a 0-based JSON array index;
 * - `header`: an HTTP header, by its canonical name.
 *
 * @example
 * ```ts
 * const steps: PathStep[] = [
 *   { kind: 'element', name: 'feed' },
 *   { kind: 'element', name: 'entry', position: 3 },
 *   { kind: 'element', name: 'sync:syncState' },
 * ]
 * ```
 */
export type PathStep =
  | { kind: 'element'; name: string; position?: number }
  | { kind: 'attribute'; name: string }
  | { kind: 'member'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'header'; name: string }

/**
 * One problem, whoever reports it: the parser, a decoder (`reportErrors`), a validator, the HTTP readers, a session
 * or a streaming reader.
 * - `path` is the location as text, for people and for tests: an XML path (`/feed/entry[3]/sync:syncState/tick`),
 *   a JSON pointer for JSON bodies, a header's name, `line:column` for text that is not well-formed, or `''` when
 *   the whole input is at fault;
 * - `steps` is the same location as data (empty for a position in the text or the whole input); format it again
 *   with `formatXmlPath`, `formatJsonPointer`, or place it with `formatLocation`;
 * - `line`/`column` (1-based, UTF-16 code units) are present where the position in the text is known: always for
 *   text that is not well-formed, for decode issues when the document was parsed (or streamed) with
 *   `positions: true`, and for the findings of a streamed check placed with the events' elements;
 * - `offset` is a byte offset, for bytes that cannot be decoded and for multipart framing.
 *
 * @example
 * ```ts
 * const issue: Issue = {
 *   severity: 'error',
 *   code: 'bad-value',
 *   path: '/feed/entry[3]/sync:syncState/tick',
 *   steps: [
 *     { kind: 'element', name: 'feed' },
 *     { kind: 'element', name: 'entry', position: 3 },
 *     { kind: 'element', name: 'sync:syncState' },
 *     { kind: 'element', name: 'tick' },
 *   ],
 *   message: 'expected a non-negative safe integer, found "abc"',
 *   line: 12,
 *   column: 7,
 * }
 * ```
 */
export interface Issue {
  /** `error` or `warning`. */
  severity: IssueSeverity
  /** What kind of problem (a stable code). */
  code: IssueCode
  /** Where, as text (see above). */
  path: string
  /** Where, as steps from the root. */
  steps: PathStep[]
  /** What was expected and what was found, in one sentence. */
  message: string
  /** 1-based line in the text, when known. */
  line?: number
  /** 1-based column in the text (UTF-16 code units), when known. */
  column?: number
  /** 0-based byte offset, for undecodable bytes and multipart framing. */
  offset?: number
}

/**
 * `line:column`, `line`, or `''`: the `path` of an issue located only in the text.
 *
 * @example
 * ```ts
 * showTextPosition(3, 14) // '3:14'
 * ```
 */
export function showTextPosition(line: number | undefined, column: number | undefined): string {
  if (line === undefined) return ''
  return column === undefined ? `${line}` : `${line}:${column}`
}

const LIMIT = /\bmax(?:Length|Depth|Attributes|NameLength)\b/

/**
 * An issue of the XML layer: a fault of the text (`not-well-formed`), of its bytes (`undecodable`, when an offset
 * is given) or a limit (`limit`, told by the limit's option name in the message), unless `code` says otherwise.
 * Its path is `line:column`.
 *
 * @example
 * ```ts
 * xmlIssue('mismatched end tag', { line: 2, column: 5 }).path // '2:5'
 * ```
 */
export function xmlIssue(
  message: string,
  at?: { line?: number; column?: number; offset?: number },
  code: IssueCode = at?.offset !== undefined ? 'undecodable' : LIMIT.test(message) ? 'limit' : 'not-well-formed',
): Issue {
  const line = at?.line
  const column = at?.column
  const offset = at?.offset
  const issue: Issue = { severity: 'error', code, path: showTextPosition(line, column), steps: [], message }
  if (line !== undefined) issue.line = line
  if (column !== undefined) issue.column = column
  if (offset !== undefined) issue.offset = offset
  return issue
}

/**
 * The message of every `internal` issue (a read that threw: a document codec, an element or JSON codec, a stream's
 * reader): `could not decode the document: ` and what was thrown. The one place this phrase is written.
 *
 * @example
 * ```ts
 * internalMessage(new TypeError('x is undefined')) // 'could not decode the document: x is undefined'
 * ```
 */
export function internalMessage(thrown: unknown): string {
  return `could not decode the document: ${thrownMessage(thrown)}`
}

/**
 * The issue of a read that threw where it should have reported (a bug: in a protocol's reader, a user's codec or
 * the parser): code `internal`, about the whole input, saying what was thrown. Reported, never thrown on, never
 * swallowed (a reader that gave up on the throw and read again another way would hide the bug).
 *
 * @example
 * ```ts
 * internalIssue(new Error('codec bug')).message // 'could not decode the document: codec bug'
 * ```
 */
export function internalIssue(thrown: unknown): Issue {
  return xmlIssue(internalMessage(thrown), undefined, 'internal')
}

/**
 * What a caught value says, for a message: an `Error`'s message, anything else as text. It never throws itself, even
 * for a value whose conversion to text throws (an object without a prototype, a throwing `toString`).
 *
 * @example
 * ```ts
 * thrownMessage(new RangeError('too deep')) // 'too deep'
 * thrownMessage(Object.create(null)) // 'a value that cannot be shown'
 * ```
 */
export function thrownMessage(thrown: unknown): string {
  try {
    return thrown instanceof Error ? String(thrown.message) : String(thrown)
  } catch {
    return 'a value that cannot be shown'
  }
}
