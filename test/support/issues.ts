// Expected issues written out in full: the one issue shape has severity, code, path and steps beside the message.
import type { Issue, IssueCode } from '../../src/xml/index'

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
