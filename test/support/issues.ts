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
