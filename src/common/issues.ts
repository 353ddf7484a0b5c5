// The one issue type's formatters, its code list, and the constructors of issues located by steps.
// Severity follows the specs' own words: `error` where a MUST (or the grammar) is broken, `warning` for a SHOULD.
import type { Issue, IssueCode, IssueSeverity, PathStep } from '../xml/issue'
import type { JsonStep } from './json-grammar'

export type { Issue, IssueCode, IssueSeverity, PathStep } from '../xml/issue'

/**
 * Every {@link IssueCode}, in the order the docs list them.
 *
 * @example
 * ```ts
 * ISSUE_CODES.includes('missing') // true
 * ```
 */
export const ISSUE_CODES: readonly IssueCode[] = Object.freeze([
  'not-well-formed',
  'undecodable',
  'limit',
  'missing',
  'unexpected',
  'bad-value',
  'rule',
  'bad-status',
  'bad-framing',
  'call-order',
  'incomplete',
  'internal',
] as const)

/**
 * Steps as an XML path: `/feed/entry[3]/sync:syncState/tick`, `/@name` for an attribute; JSON members and indexes
 * as `/name` and `/0`; a header as its name alone. No steps give `''`.
 *
 * @example
 * ```ts
 * formatXmlPath([{ kind: 'element', name: 'feed' }, { kind: 'element', name: 'entry', position: 3 }]) // '/feed/entry[3]'
 * ```
 */
export function formatXmlPath(steps: readonly PathStep[]): string {
  let out = ''
  for (const step of steps) out += xmlStepText(step)
  return out
}

/**
 * One step as {@link formatXmlPath} prints it: `/entry[3]`, `/@name`, `/0`, a header's name alone.
 *
 * @example
 * ```ts
 * xmlStepText({ kind: 'element', name: 'entry', position: 3 }) // '/entry[3]'
 * ```
 */
export function xmlStepText(step: PathStep): string {
  if (step.kind === 'element') return `/${step.name}${step.position === undefined ? '' : `[${step.position}]`}`
  if (step.kind === 'attribute') return `/@${step.name}`
  if (step.kind === 'index') return `/${step.index}`
  if (step.kind === 'header') return step.name
  return `/${step.name}`
}

function pointerToken(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1')
}

/**
 * Steps as a JSON pointer (RFC 6901: `~` and `/` in names escaped as `~0` and `~1`): members by name, indexes as
 * numbers; an element's position among same-named siblings becomes a 0-based index after its name, an attribute
 * is `@name`, so `/feed/entry[3]/@sdata:uuid` reads `/feed/entry/2/@sdata:uuid`.
 *
 * @example
 * ```ts
 * formatJsonPointer([{ kind: 'member', name: '$resources' }, { kind: 'index', index: 0 }, { kind: 'member', name: 'a/b' }]) // '/$resources/0/a~1b'
 * ```
 */
export function formatJsonPointer(steps: readonly PathStep[]): string {
  let out = ''
  for (const step of steps) {
    if (step.kind === 'index') out += `/${step.index}`
    else if (step.kind === 'attribute') out += `/@${pointerToken(step.name)}`
    else {
      out += `/${pointerToken(step.name)}`
      if (step.kind === 'element' && step.position !== undefined) out += `/${step.position - 1}`
    }
  }
  return out
}

/**
 * Where an issue is in a file, as editors and compilers print it: `file:line:column`, `file:line` when only the line
 * is known, the file alone when neither is.
 *
 * @example
 * ```ts
 * formatLocation('feed.xml', { line: 12, column: 7 }) // 'feed.xml:12:7'
 * ```
 */
export function formatLocation(file: string, issue: { line?: number; column?: number }): string {
  if (issue.line === undefined) return file
  return issue.column === undefined ? `${file}:${issue.line}` : `${file}:${issue.line}:${issue.column}`
}

/**
 * How an issue's steps are printed as its `path`: `xml` ({@link formatXmlPath}) for XML documents and headers,
 * `json` ({@link formatJsonPointer}) for JSON bodies.
 */
export type PathFormat = 'xml' | 'json'

/**
 * Builds an issue located by steps; its `path` is the steps printed as an XML path or (`json`) a JSON pointer.
 *
 * @example
 * ```ts
 * issueWithSteps('error', 'missing', [{ kind: 'header', name: 'X-SyncToken' }], 'missing').path // 'X-SyncToken'
 * ```
 */
export function issueWithSteps(
  severity: IssueSeverity,
  code: IssueCode,
  steps: PathStep[],
  message: string,
  format: PathFormat = 'xml',
): Issue {
  return { severity, code, path: format === 'json' ? formatJsonPointer(steps) : formatXmlPath(steps), steps, message }
}

/**
 * An error about the whole input (an empty body, a source that failed, a stream that ended early): no steps, path `''`.
 *
 * @example
 * ```ts
 * wholeInputIssue('the feed ended early', 'incomplete').path // ''
 * ```
 */
export function wholeInputIssue(message: string, code: IssueCode): Issue {
  return { severity: 'error', code, path: '', steps: [], message }
}

/**
 * The same issue located inside `prefix` (an issue of one part, placed in the whole): the steps joined, the path
 * printed again; a position in the text is kept as it is.
 *
 * @example
 * ```ts
 * underSteps(issue, [{ kind: 'member', name: 'value' }], 'json').path // '/value/…'
 * ```
 */
export function underSteps(issue: Issue, prefix: readonly PathStep[], format: PathFormat = 'xml'): Issue {
  if (issue.steps.length === 0 && issue.path !== '') return issue
  return { ...issue, ...issueWithSteps(issue.severity, issue.code, [...prefix, ...issue.steps], issue.message, format) }
}

/**
 * An issue about an HTTP header: one `header` step, the header's canonical name as its path.
 *
 * @example
 * ```ts
 * headerIssue('warning', 'bad-value', 'X-SyncStatus', "expected one of …, found 'Paused'").path // 'X-SyncStatus'
 * ```
 */
export function headerIssue(severity: IssueSeverity, code: IssueCode, header: string, message: string): Issue {
  return issueWithSteps(severity, code, [{ kind: 'header', name: header }], message)
}

/**
 * The steps of a path into a JSON value: names as members, numbers as indexes.
 *
 * @example
 * ```ts
 * jsonSteps(['$resources', 0]) // [{ kind: 'member', name: '$resources' }, { kind: 'index', index: 0 }]
 * ```
 */
export function jsonSteps(path: readonly JsonStep[]): PathStep[] {
  return path.map((s) => (typeof s === 'number' ? { kind: 'index', index: s } : { kind: 'member', name: s }))
}

const POSITIONED = /^(.*)\[(\d+)\]$/

/**
 * The steps of an XML path as {@link formatXmlPath} writes it for elements and attributes (its inverse on those):
 * `/feed/entry[3]/@sdata:uuid`. A path that does not start with `/` (a header name, `line:column`, `''`) has none.
 * Only for paths a caller gives as text (`validateDigest`'s `path`, `validateFileSyncItem`); the validators build
 * their locations as steps.
 *
 * @example
 * ```ts
 * xmlPathSteps('/feed/entry[3]/@sdata:uuid')
 * // [{ kind: 'element', name: 'feed' }, { kind: 'element', name: 'entry', position: 3 }, { kind: 'attribute', name: 'sdata:uuid' }]
 * ```
 */
export function xmlPathSteps(path: string): PathStep[] {
  if (!path.startsWith('/')) return []
  const steps: PathStep[] = []
  for (const part of path.slice(1).split('/')) {
    if (part === '') continue
    if (part.startsWith('@')) {
      steps.push({ kind: 'attribute', name: part.slice(1) })
      continue
    }
    const m = POSITIONED.exec(part)
    steps.push(m === null ? { kind: 'element', name: part } : { kind: 'element', name: m[1]!, position: Number(m[2]) })
  }
  return steps
}
