// The shared pieces of SData sync validation: issue types, the issue collector and checks of stamps, links, kept XML.
// Implements the compliance rules of sync §4.2–§4.4 and core §13.4 that every sync value shares (XML 1.0 §2.2 text).
import { dateTimeProblem } from '../common/datetime'
import { IssueList, StepPath } from '../common/issue-list'
import type { Issue, IssueSeverity } from '../common/issues'
import { nonXmlCharAt } from '../xml/chars'
import { qualifiedName } from '../xml/tree'
import type { XmlAttribute, XmlElement } from '../xml/types'
import type { Link, SyncState } from './model'
import { CONVENTIONAL_PREFIXES } from './namespaces'

/**
 * How serious a departure from the spec is: `error` breaks a MUST, `warning` is a lenient form or a SHOULD.
 *
 * @deprecated Use `IssueSeverity`; this is the same type under its old name.
 *
 * @example
 * ```ts
 * const failing = validateSyncFeed(feed).filter((i) => i.severity === ('error' satisfies SDataIssueSeverity))
 * ```
 */
export type SDataIssueSeverity = IssueSeverity

/**
 * One departure from the spec, located by an XML path such as `/feed/entry[3]/sync:syncState/tick` (and by the
 * same path as `steps`); its code is `rule`.
 *
 * @deprecated Use `Issue`, the one problem type; `SDataIssue` is the same type under its old name.
 *
 * @example
 * ```ts
 * const issue: SDataIssue = {
 *   severity: 'error',
 *   code: 'rule',
 *   path: '/feed/sync:digest',
 *   steps: [{ kind: 'element', name: 'feed' }, { kind: 'element', name: 'sync:digest' }],
 *   message: 'the feed has no digest',
 * }
 * ```
 */
export type SDataIssue = Issue

/**
 * The namespace of each prefix the validators' paths show (`sync:` is the SData sync namespace): what
 * `elementAtSteps` and the streamed checks place an issue's steps by, whatever prefixes the document itself uses.
 */
export const PATH_NAMESPACES: ReadonlyMap<string, string> = /*#__PURE__*/ new Map(
  [...CONVENTIONAL_PREFIXES].flatMap(([namespace, prefix]) => (prefix === null ? [] : [[prefix, namespace] as const])),
)

export const SEVERITIES = ['info', 'warning', 'transient', 'error', 'fatal']
export const TRACKING_NAMESPACE = 'http://schemas.sage.com/sdata/2008/1'
export const TRACKING_NAMESPACE_OLD = 'http://schemas.sage.com/sdata/2008'
// Element trees from the XML layer are depth-limited; a hand-built (even cyclic) tree must not hang validation.
export const MAX_DEPTH = 1000

/**
 * The root of a location: one element step (`/feed`, `/entry`, `/tracking`, `/digest`).
 *
 * @example
 * ```ts
 * rootAt('feed').element('sync:digest').path // '/feed/sync:digest'
 * ```
 */
export function rootAt(name: string): StepPath {
  return StepPath.of([{ kind: 'element', name }])
}

/** Collects issues; every check goes through it so locations are built in one way. */
export class Issues extends IssueList {
  text(at: StepPath, value: unknown, what: string): void {
    if (typeof value !== 'string') {
      if (value !== undefined) this.error(at, `${what} is not a string`)
      return
    }
    if (nonXmlCharAt(value) >= 0) {
      this.error(at, `${what} holds a character XML 1.0 cannot carry (serializeXml writes U+FFFD instead)`)
    }
  }
}

export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  return String(value)
}

export function checkStamp(issues: Issues, path: StepPath, stamp: unknown): void {
  if (typeof stamp !== 'string') {
    issues.error(path, `stamp ${describe(stamp)} is not a string`)
    return
  }
  const problem = dateTimeProblem(stamp)
  if (problem !== undefined) {
    issues.error(path, `stamp ${JSON.stringify(stamp)} is not an xs:dateTime: ${problem}`)
    return
  }
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(stamp)) {
    issues.warning(path, `stamp ${JSON.stringify(stamp)} has no time zone; it is read as UTC unless an offset is given`)
  }
}

export function checkTick(issues: Issues, path: StepPath, tick: unknown): void {
  if (typeof tick !== 'number' || !Number.isSafeInteger(tick) || tick < 0) {
    issues.error(path, `tick ${describe(tick)} is not a non-negative safe integer`)
  } else if (tick === 0) {
    issues.warning(path, 'tick is 0 (absent or zero); SIF drops zero ticks, so writers should start at 1')
  }
}

export function checkEndpoint(issues: Issues, path: StepPath, endpoint: unknown, what = 'endpoint'): void {
  if (typeof endpoint !== 'string' || endpoint.trim() === '') {
    issues.error(path, `${what} ${describe(endpoint)} is empty or not a string`)
    return
  }
  issues.text(path, endpoint, what)
}

/**
 * Checks what a digest entry and a sync state share (sync §4.2, §4.3): endpoint, tick and stamp. False, with an
 * error naming `what`, when the value is not an object at all.
 */
export function checkStateFields(
  issues: Issues,
  path: StepPath,
  state: Pick<SyncState, 'endpoint' | 'tick' | 'stamp'>,
  what: string,
): boolean {
  if (state === null || typeof state !== 'object') {
    issues.error(path, `the ${what} is not an object`)
    return false
  }
  checkEndpoint(issues, path.element('endpoint'), state.endpoint)
  checkTick(issues, path.element('tick'), state.tick)
  checkStamp(issues, path.element('stamp'), state.stamp)
  return true
}

export function checkElement(issues: Issues, path: StepPath, element: XmlElement, depth: number): void {
  if (element === null || typeof element !== 'object') {
    issues.error(path, 'not an XML element')
    return
  }
  if (depth > MAX_DEPTH) {
    issues.error(path, `element tree deeper than ${MAX_DEPTH}`)
    return
  }
  issues.text(path, element.localName, 'element name')
  const attributes = Array.isArray(element.attributes) ? element.attributes : []
  for (const attribute of attributes) {
    const name = qualifiedName(attribute)
    issues.text(path.attribute(name), attribute.value, 'attribute value')
  }
  const children = Array.isArray(element.children) ? element.children : []
  const counts = new Map<string, number>()
  for (const child of children) {
    if (child.type === 'text') {
      issues.text(path.element('text()'), child.value, 'text')
    } else {
      const name = qualifiedName(child)
      const n = (counts.get(name) ?? 0) + 1
      counts.set(name, n)
      checkElement(issues, path.element(name, n), child, depth + 1)
    }
  }
}

export function checkLinks(issues: Issues, base: StepPath, links: Link[]): void {
  if (!Array.isArray(links)) {
    issues.error(base, 'links are not an array')
    return
  }
  let nexts = 0
  links.forEach((link, index) => {
    const path = base.element('link', index + 1)
    const href = path.attribute('href')
    if (typeof link.href !== 'string' || link.href === '') issues.error(href, 'the link has no href')
    issues.text(href, link.href, 'href')
    issues.text(path.attribute('rel'), link.rel, 'rel')
    issues.text(path.attribute('type'), link.type, 'type')
    issues.text(path.attribute('title'), link.title, 'title')
    if (link.rel === 'next') nexts++
  })
  if (nexts > 1) issues.warning(base, `${nexts} links have rel="next"; nextPage follows the first`)
}

// Digests, digest entries and states may keep unmodelled children; they, entries and feeds unmodelled attributes.
// Both members are optional in the model, so they are read structurally.
export function checkKeptExtensions(issues: Issues, base: StepPath, value: object): void {
  const { extensions } = value as { extensions?: XmlElement[] }
  if (extensions !== undefined) checkExtensions(issues, base, extensions)
}

export function checkKeptAttributes(issues: Issues, base: StepPath, value: object): void {
  const { attributes } = value as { attributes?: XmlAttribute[] }
  if (!Array.isArray(attributes)) return
  for (const attribute of attributes) {
    if (attribute === null || typeof attribute !== 'object') continue
    const name = qualifiedName(attribute)
    issues.text(base.attribute(name), attribute.value, 'attribute value')
  }
}

export function checkExtensions(issues: Issues, base: StepPath, extensions: XmlElement[]): void {
  if (extensions === undefined) return
  if (!Array.isArray(extensions)) {
    issues.error(base, 'extensions are not an array')
    return
  }
  const counts = new Map<string, number>()
  for (const element of extensions) {
    const name = element !== null && typeof element === 'object' ? qualifiedName(element) : '*'
    const n = (counts.get(name) ?? 0) + 1
    counts.set(name, n)
    checkElement(issues, base.element(name, n), element, 0)
  }
}
