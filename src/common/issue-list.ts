// Where the validators' findings are, and the collector they report through: a location is a chain of steps that
// shares its parent's, so the locations of a deep tree cost one small node a step, however many issues they carry.
import type { Issue, IssueCode, IssueSeverity, PathStep } from '../xml/issue'
import { formatXmlPath, xmlPathSteps, xmlStepText } from './issues'

/**
 * A location built step by step from a base (steps given whole, such as a page's `/page[2]/feed`): each step is a node
 * holding its parent, so the locations of sibling checks share everything above them and none copies its prefix.
 * Its `path` is printed by {@link formatXmlPath}'s step writer, once per node, from the parent's path (so paths
 * share their prefix's text too); its `steps()` are read off the chain when asked for.
 *
 * @example
 * ```ts
 * const entry = StepPath.of([{ kind: 'element', name: 'feed' }]).element('entry', 3)
 * entry.element('sync:syncState').path // '/feed/entry[3]/sync:syncState'
 * entry.attribute('xml:lang').steps() // [{ kind: 'element', name: 'feed' }, { kind: 'element', name: 'entry', position: 3 }, { kind: 'attribute', name: 'xml:lang' }]
 * ```
 */
export class StepPath {
  /** The steps of a base; `undefined` on a step node. */
  private readonly base: readonly PathStep[] | undefined

  private constructor(
    private readonly parent: StepPath | undefined,
    private readonly kind: 'element' | 'attribute' | undefined,
    private readonly name: string,
    private readonly position: number | undefined,
    base: readonly PathStep[] | undefined,
    private text: string | undefined,
  ) {
    this.base = base
  }

  /** A base location of whole steps (kept, not copied), its path printed by {@link formatXmlPath}. */
  static of(steps: readonly PathStep[]): StepPath {
    return new StepPath(undefined, undefined, '', undefined, steps, formatXmlPath(steps))
  }

  /**
   * A base location given as an XML path, for the public functions that still accept one (`validateDigest`'s
   * `path`, `validateFileSyncItem`): its text is kept as given, its steps are read from it once, here.
   */
  static fromText(path: string): StepPath {
    return new StepPath(undefined, undefined, '', undefined, xmlPathSteps(path), path)
  }

  /** The child element `name`, with its 1-based position among same-named siblings where they repeat. */
  element(name: string, position?: number): StepPath {
    return new StepPath(this, 'element', name, position, undefined, undefined)
  }

  /** The attribute `name` of this element. */
  attribute(name: string): StepPath {
    return new StepPath(this, 'attribute', name, undefined, undefined, undefined)
  }

  /** The location as an XML path (`/feed/entry[3]/@sdata:uuid`), printed once per node and kept. */
  get path(): string {
    if (this.text !== undefined) return this.text
    const pending: StepPath[] = []
    let node: StepPath = this
    while (node.text === undefined) {
      pending.push(node)
      node = node.parent!
    }
    let text = node.text
    for (let i = pending.length - 1; i >= 0; i--) {
      const n = pending[i]!
      text += xmlStepText(n.step())
      n.text = text
    }
    return text
  }

  /** The location as steps from the root, a fresh array. */
  steps(): PathStep[] {
    const out: PathStep[] = []
    let node: StepPath = this
    while (node.base === undefined) {
      out.push(node.step())
      node = node.parent!
    }
    out.reverse()
    return node.base.length === 0 ? out : [...node.base, ...out]
  }

  private step(): PathStep {
    if (this.kind === 'attribute') return { kind: 'attribute', name: this.name }
    return this.position === undefined
      ? { kind: 'element', name: this.name }
      : { kind: 'element', name: this.name, position: this.position }
  }
}

/**
 * Builds an issue located at `at`: its `path` is the location's text; its steps are read off the location when first
 * asked for, then kept. An issue deep in a tree (a listing of 10,000 nested folders) holds its location's node, not
 * a copy of its steps, so the issues of a deep document stay linear in memory.
 *
 * @example
 * ```ts
 * issueAt('warning', 'rule', StepPath.of([{ kind: 'element', name: 'feed' }]).element('sync:digest'), 'no origin').path // '/feed/sync:digest'
 * ```
 */
export function issueAt(severity: IssueSeverity, code: IssueCode, at: StepPath, message: string): Issue {
  const issue = { severity, code, path: at.path } as Issue
  let steps: PathStep[] | undefined
  Object.defineProperty(issue, 'steps', {
    enumerable: true,
    configurable: true,
    get: () => {
      steps ??= at.steps()
      return steps
    },
    set: (value: PathStep[]) => {
      steps = value
    },
  })
  issue.message = message
  return issue
}

/**
 * Collects validation findings in the order they are found; `list` holds them as {@link Issue}s, code `rule` unless
 * the check says otherwise.
 *
 * @example
 * ```ts
 * const issues = new IssueList()
 * issues.warning(StepPath.of([{ kind: 'element', name: 'feed' }]).element('sync:digest'), 'the digest has no origin')
 * issues.list[0]?.code // 'rule'
 * ```
 */
export class IssueList {
  readonly list: Issue[] = []

  /** Records a broken MUST at `at`. */
  error(at: StepPath, message: string, code: IssueCode = 'rule'): void {
    this.list.push(issueAt('error', code, at, message))
  }

  /** Records a broken SHOULD, a lenient form or something suspicious at `at`. */
  warning(at: StepPath, message: string, code: IssueCode = 'rule'): void {
    this.list.push(issueAt('warning', code, at, message))
  }
}
