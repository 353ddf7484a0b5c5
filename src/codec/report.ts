// The error reporter: io-ts validation errors and XML parse errors as the one issue shape, located by steps.
// Implements docs/decisions.md#p2 (XML paths such as `/feed/entry[3]/sync:syncState/tick`).
import type * as t from 'io-ts'
import { formatXmlPath, type Issue, type IssueCode, type PathStep } from '../common/issues'
import { xmlIssue } from '../xml/issue'
import { elementPosition, type TextPoint } from '../xml/positions'
import { qualifiedName } from '../xml/tree'
import type { XmlAttribute, XmlElement, XmlNode } from '../xml/types'
import { isInternalError, isTextPosition, isXmlStep, type TextPosition, type XmlStep } from './context'

/**
 * One decode problem: the one {@link Issue} shape.
 *
 * @deprecated Use {@link Issue}: `reportErrors` returns issues with `severity`, `code` and `steps` beside the `path`
 * and `message` this name described.
 * @example
 * ```ts
 * const issue: DecodeIssue = reportErrors(errors)[0]!
 * ```
 */
export type DecodeIssue = Issue

interface Step {
  step: XmlStep
  actual: unknown
}

function isElement(u: unknown): u is XmlElement {
  return typeof u === 'object' && u !== null && (u as { type?: unknown }).type === 'element'
}

function isAttribute(u: unknown): u is XmlAttribute {
  return typeof u === 'object' && u !== null && typeof (u as { localName?: unknown }).localName === 'string'
}

/** The namespace of a step: the node's own, else (a missing node) the codec's first name's. */
function namespaceOf(s: Step): string | null {
  if (isElement(s.actual) || isAttribute(s.actual)) return s.actual.namespace
  return s.step.names[0]?.namespace ?? null
}

/** The prefix a path shows for a namespace: the codec's conventional one, else the document's own. */
function prefixFor(s: Step, namespace: string | null): string | null {
  for (const n of s.step.names) if (n.namespace === namespace) return n.prefix
  if (isElement(s.actual) || isAttribute(s.actual)) return s.actual.prefix
  return null
}

function localNameOf(s: Step): string {
  if (isElement(s.actual) || isAttribute(s.actual)) return s.actual.localName
  return s.step.names[0]?.localName ?? '*'
}

/** Positions of elements among same-named siblings, per parent, computed once per parent for a whole report. */
type PositionCache = WeakMap<XmlElement, Map<XmlNode, number>>

function positionAmongSiblings(parent: unknown, el: XmlElement, cache: PositionCache): number | undefined {
  if (!isElement(parent)) return undefined
  // One pass over the parent's children for all its erroneous children: counting per error made a report on n
  // failing siblings take n² steps (32,000 bad entries took 15 s).
  let positions = cache.get(parent)
  if (positions === undefined) {
    positions = new Map()
    const counts = new Map<string | null, Map<string, number>>()
    for (const node of parent.children) {
      if (node.type !== 'element') continue
      let byName = counts.get(node.namespace)
      if (byName === undefined) {
        byName = new Map()
        counts.set(node.namespace, byName)
      }
      const n = (byName.get(node.localName) ?? 0) + 1
      byName.set(node.localName, n)
      positions.set(node, n)
    }
    cache.set(parent, positions)
  }
  return positions.get(el)
}

function collectSteps(context: t.Context): Step[] {
  const steps: Step[] = []
  for (const entry of context) {
    if (!isXmlStep(entry.type)) continue
    const last = steps[steps.length - 1]
    // A field and the `element()` codec inside it both record the same element: keep one step, repeated if either is.
    if (last !== undefined && last.actual !== undefined && last.actual === entry.actual) {
      if (entry.type.repeated && !last.step.repeated) last.step = entry.type
      continue
    }
    steps.push({ step: entry.type, actual: entry.actual })
  }
  return steps
}

/**
 * The XML path of an io-ts context built by the element codecs.
 *
 * Rules: one step per element from the root; a step shows a prefix only where its namespace differs from its
 * parent's (the root always shows its namespace's prefix), as a default-namespace reader would; the prefix shown
 * is the codec's conventional one (`sync:`), or the document's own for names the codec does not know; elements of
 * repeated fields ({@link children}, {@link otherChildren}) always carry their 1-based position among siblings of
 * the same name (`entry[3]`), single fields never do (they read the first occurrence); attributes are `@name`.
 * A missing element or attribute is named as the codec writes it.
 *
 * @example
 * ```ts
 * pathOf(errors[0]!.context) // '/feed/entry[3]/sync:syncState/tick'
 * ```
 */
export function pathOf(context: t.Context): string {
  const position = context.find((e) => isTextPosition(e.type))
  if (position !== undefined && isTextPosition(position.type)) return showPosition(position.type)
  return formatXmlPath(locate(context, new WeakMap()).steps)
}

/** The steps of a context (built directly, one per element from the root) and the deepest recorded position. */
function locate(context: t.Context, cache: PositionCache): { steps: PathStep[]; at: TextPoint | undefined } {
  const steps = collectSteps(context)
  const out: PathStep[] = []
  let at: TextPoint | undefined
  let parentNamespace: string | null | undefined
  let parent: unknown
  for (const s of steps) {
    const ns = namespaceOf(s)
    if (s.step.kind === 'attribute') {
      const prefix = ns === null ? null : prefixFor(s, ns)
      out.push({ kind: 'attribute', name: qualifiedName({ prefix, localName: localNameOf(s) }) })
      continue
    }
    const prefix = ns === parentNamespace ? null : prefixFor(s, ns)
    const name = qualifiedName({ prefix, localName: localNameOf(s) })
    const n = s.step.repeated && isElement(s.actual) ? positionAmongSiblings(parent, s.actual, cache) : undefined
    out.push(n === undefined ? { kind: 'element', name } : { kind: 'element', name, position: n })
    if (isElement(s.actual)) at = elementPosition(s.actual) ?? at
    parentNamespace = ns
    parent = s.actual
  }
  return { steps: out, at }
}

function showPosition(p: { line: number | undefined; column: number | undefined }): string {
  if (p.line === undefined) return ''
  return p.column === undefined ? `${p.line}` : `${p.line}:${p.column}`
}

/**
 * A short description of a found value for messages: strings quoted (long ones cut), elements as `element <x>`.
 *
 * @example
 * ```ts
 * describeValue('abc') // '"abc"'
 * describeValue(undefined) // 'none'
 * ```
 */
export function describeValue(u: unknown): string {
  if (u === undefined) return 'none'
  if (typeof u === 'string') return JSON.stringify(u.length > 80 ? `${u.slice(0, 77)}...` : u)
  if (isElement(u)) return `element <${qualifiedName(u)}>`
  if (u === null || typeof u === 'number' || typeof u === 'boolean' || typeof u === 'bigint') return String(u)
  if (Array.isArray(u)) return `an array of ${u.length}`
  return `a ${typeof u}`
}

function messageOf(e: t.ValidationError): string {
  if (e.message !== undefined) return e.message
  for (let i = e.context.length - 1; i >= 0; i--) {
    const type = e.context[i]!.type
    if (!isXmlStep(type) && !isTextPosition(type)) return `expected ${type.name}, found ${describeValue(e.value)}`
  }
  return `unexpected ${describeValue(e.value)}`
}

/**
 * The code of a decode error: `missing` when its element or attribute is absent (its last step found nothing, or
 * no value was found at all), `bad-value` when text was found that does not read as its type, `unexpected` when
 * something else stands there (an element with children, a value of another type).
 */
function codeOf(e: t.ValidationError): IssueCode {
  if (isInternalError(e)) return 'internal'
  if (e.value === undefined) return 'missing'
  for (let i = e.context.length - 1; i >= 0; i--) {
    const entry = e.context[i]!
    if (isXmlStep(entry.type)) {
      if (entry.actual === undefined) return 'missing'
      break
    }
  }
  // Text that does not read as its type is a bad value; text where an element belongs is something else.
  return typeof e.value === 'string' && !/^expected (an XML )?element/.test(e.message ?? '')
    ? 'bad-value'
    : 'unexpected'
}

function textIssue(marker: TextPosition, message: string): Issue {
  return xmlIssue(message, { line: marker.line, column: marker.column, offset: marker.offset }, marker.code)
}

/**
 * Turns io-ts errors from any syncwire codec into {@link Issue}s (severity `error`), in order, duplicates removed.
 * Steps have one element per element from the root (`/feed/entry[3]/sync:syncState/tick` as `path`): a prefix only
 * where the namespace changes, a 1-based position on elements of repeated fields, attributes as attribute steps.
 * Codes: `missing`, `bad-value` (text that does not read as its type), `unexpected` (anything else found where a
 * value was expected); parse errors (from the document codecs) keep the parser's issue, `line:column` as their path.
 * When the document was parsed with `positions: true`, an issue also has the `line` and `column` of the deepest
 * element of its path found in the text.
 *
 * @example
 * ```ts
 * const r = SyncFeedXml.decode(text)
 * if (isLeft(r)) reportErrors(r.left)
 * // [{ severity: 'error', code: 'bad-value', path: '/feed/entry[3]/sync:syncState/tick', steps: [...], message: 'expected a non-negative safe integer, found "abc"' }]
 * ```
 */
export function reportErrors(errors: t.Errors): Issue[] {
  const out: Issue[] = []
  const seen = new Set<string>()
  const cache: PositionCache = new WeakMap()
  for (const e of errors) {
    const issue = issueOf(e, cache)
    const key = `${issue.path}\u0000${issue.message}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(issue)
  }
  return out
}

function issueOf(e: t.ValidationError, cache: PositionCache): Issue {
  const message = messageOf(e)
  const marker = e.context.find((c) => isTextPosition(c.type))
  if (marker !== undefined && isTextPosition(marker.type)) return textIssue(marker.type, message)
  const { steps, at } = locate(e.context, cache)
  const issue: Issue = { severity: 'error', code: codeOf(e), path: formatXmlPath(steps), steps, message }
  if (at !== undefined) {
    issue.line = at.line
    issue.column = at.column
  }
  return issue
}
