// Expected issues written out in full: the one issue shape has severity, code, path and steps beside the message.
import type { Issue, IssueCode, IssueSeverity, PathStep } from '../../src/xml/index'

/**
 * The issue the XML layer gives for a fault of the text: severity `error`, no steps, `line:column` as its path
 * (`''` when the whole input is at fault), and `line`/`column` when known.
 */
export function xmlFault(code: IssueCode, message: unknown, line?: number, column?: number): Issue {
  const path = line === undefined ? '' : column === undefined ? `${line}` : `${line}:${column}`
  return {
    severity: 'error',
    code,
    path,
    steps: [],
    message: message as string,
    ...(line === undefined ? {} : { line }),
    ...(column === undefined ? {} : { column }),
  }
}

/** The steps of an XML path written by hand (`/feed/entry[3]/@sdata:uuid`), split here independently of the library. */
export function stepsOf(path: string): PathStep[] {
  return path
    .split('/')
    .filter((part) => part !== '')
    .map((part): PathStep => {
      if (part.startsWith('@')) return { kind: 'attribute', name: part.slice(1) }
      const open = part.lastIndexOf('[')
      return open > 0 && part.endsWith(']')
        ? { kind: 'element', name: part.slice(0, open), position: Number(part.slice(open + 1, -1)) }
        : { kind: 'element', name: part }
    })
}

/** A validator's finding as the one issue shape: code `rule`, the steps of its XML path. */
export function rule(severity: IssueSeverity, path: string, message: unknown): Issue {
  return { severity, code: 'rule', path, steps: stepsOf(path), message: message as string }
}

/** A decoder's error (`reportErrors`) as the one issue shape: severity `error`, its code, the steps of its XML path. */
export function decodeIssue(code: IssueCode, path: string, message: unknown): Issue {
  return { severity: 'error', code, path, steps: stepsOf(path), message: message as string }
}

/**
 * The steps of a JSON Pointer written by hand (`/$resources/0/a~1b`), split here independently of the library: tokens
 * of digits are array indexes (the pointers in these tests never name an object member by digits).
 */
export function pointerSteps(pointer: string): PathStep[] {
  return pointer
    .split('/')
    .slice(1)
    .map((token): PathStep => {
      if (/^(?:0|[1-9][0-9]*)$/.test(token)) return { kind: 'index', index: Number(token) }
      return { kind: 'member', name: token.replaceAll('~1', '/').replaceAll('~0', '~') }
    })
}

/** A JSON decoder's error (`reportJsonErrors`) as the one issue shape: its code, the steps of its JSON Pointer. */
export function jsonIssue(code: IssueCode, pointer: string, message: unknown): Issue {
  return { severity: 'error', code, path: pointer, steps: pointerSteps(pointer), message: message as string }
}

/** An issue about an HTTP header as the one issue shape: one `header` step, the header's name as its path. */
export function headerFault(severity: IssueSeverity, code: IssueCode, header: string, message: unknown): Issue {
  return { severity, code, path: header, steps: [{ kind: 'header', name: header }], message: message as string }
}

/**
 * An issue about a whole input or exchange (a status, a body, a call out of order, a multipart body): no steps, path
 * `''`, and the byte offset when one is given.
 */
export function wholeFault(code: IssueCode, message: unknown, offset?: number): Issue {
  const issue: Issue = { severity: 'error', code, path: '', steps: [], message: message as string }
  return offset === undefined ? issue : { ...issue, offset }
}

/** A fault of JSON text as the incremental reader gives it: its code, the steps of its JSON Pointer, line and column. */
export function jsonFault(code: IssueCode, pointer: string, message: unknown, line: number, column: number): Issue {
  return { ...jsonIssue(code, pointer, message), line, column }
}
