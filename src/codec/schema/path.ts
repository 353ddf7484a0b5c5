// Where a description's reader is, and the errors it collects: XML paths built only when an error occurs (a linked
// list of steps, so the success path allocates nothing), printed with the prefixes a protocol writes its namespaces
// with. Generic: the protocols bind their prefixes (src/sdata/read.ts).
import type * as t from 'io-ts'
import { isXmlWhitespace } from '../../xml/chars'
import { elementText, qualifiedName } from '../../xml/tree'
import type { XmlAttribute, XmlElement, XmlNode } from '../../xml/types'
import { xmlStep } from '../context'
import { qname } from '../names'
import { isValueProblem, type ValueType } from '../values'
import { hasElementChildren } from './tree'

/**
 * One step of the path to the node being decoded; a linked list so the success path allocates nothing.
 *
 * @example
 * ```ts
 * const path: Path = at(undefined, root)
 * ```
 */
export interface Path {
  readonly parent: Path | undefined
  /** `element` or `attribute`. */
  readonly kind: 'element' | 'attribute'
  /** Namespace of the node (expected, when it is missing). */
  readonly namespace: string | null
  /** Local name. */
  readonly localName: string
  /** Whether the element belongs to a repeated member (the path then shows its position, `entry[3]`). */
  readonly repeated: boolean
  /** The element or attribute the step stands for; `undefined` when it is missing. */
  readonly actual: XmlElement | XmlAttribute | undefined
}

/**
 * The step for an element that is present.
 *
 * @example
 * ```ts
 * at(parent, child, true) // entry[3]
 * ```
 */
export function at(parent: Path | undefined, el: XmlElement, repeated = false): Path {
  return { parent, kind: 'element', namespace: el.namespace, localName: el.localName, repeated, actual: el }
}

/**
 * The step for an element that is expected but missing (printed with its conventional prefix).
 *
 * @example
 * ```ts
 * missingAt(path, SYNC_NS, 'stamp')
 * ```
 */
export function missingAt(parent: Path | undefined, namespace: string | null, localName: string): Path {
  return { parent, kind: 'element', namespace, localName, repeated: false, actual: undefined }
}

/**
 * The step for an attribute that is present.
 *
 * @example
 * ```ts
 * attrAt(path, el.attributes[0]!)
 * ```
 */
export function attrAt(parent: Path, a: XmlAttribute): Path {
  return { parent, kind: 'attribute', namespace: a.namespace, localName: a.localName, repeated: false, actual: a }
}

/**
 * The prefixes paths and messages show for namespaces (`null`: the default namespace, no prefix); a namespace not
 * listed shows the document's own prefix.
 *
 * @example
 * ```ts
 * const prefixes: PrefixMap = new Map([[SYNC_NS, 'sync']])
 * ```
 */
export type PrefixMap = ReadonlyMap<string, string | null>

const NO_PREFIXES: PrefixMap = new Map()

/**
 * The prefix shown for a node in `ns`: the conventional one, else the node's own.
 *
 * @example
 * ```ts
 * shownPrefix(prefixes, el.namespace, el.prefix) // 'sync'
 * ```
 */
export function shownPrefix(prefixes: PrefixMap, ns: string | null, own: string | null | undefined): string | null {
  if (ns === null) return null
  return prefixes.has(ns) ? prefixes.get(ns)! : (own ?? null)
}

/** Turns a path into io-ts context entries with the codec kit's markers, so the shared `reportErrors` prints it. */
function contextOf(base: t.Context, path: Path | undefined, prefixes: PrefixMap): t.Context {
  const steps: Path[] = []
  for (let p = path; p !== undefined; p = p.parent) steps.push(p)
  const out: t.ContextEntry[] = [...base]
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i]!
    const prefix = shownPrefix(prefixes, s.namespace, s.actual?.prefix)
    const step = xmlStep(s.kind, [qname(s.namespace, s.localName, prefix)], s.repeated)
    out.push({ key: s.localName, type: step, actual: s.actual })
  }
  return out
}

/**
 * Collects errors while decoding one document; paths are printed with `prefixes`.
 *
 * @example
 * ```ts
 * const problems = new Problems(context, new Map([[SYNC_NS, 'sync']]))
 * ```
 */
export class Problems {
  readonly errors: t.ValidationError[] = []
  constructor(
    readonly base: t.Context,
    readonly prefixes: PrefixMap = NO_PREFIXES,
  ) {}

  /** Records an error at `path` with a message saying what was expected and what was found. */
  add(path: Path | undefined, actual: unknown, message: string): void {
    this.errors.push({ value: actual, context: contextOf(this.base, path, this.prefixes), message })
  }

  /** Records errors a nested io-ts codec returned (their contexts already start with {@link context}). */
  addAll(errors: t.Errors): void {
    for (const e of errors) this.errors.push(e)
  }

  /** The io-ts context for `path`, for handing to a caller's codec. */
  context(path: Path | undefined): t.Context {
    return contextOf(this.base, path, this.prefixes)
  }
}

/**
 * The text of a leaf element, or an error when it has element children.
 *
 * @example
 * ```ts
 * leafText(el, path, problems) // '5'
 * ```
 */
export function leafText(el: XmlElement, path: Path, problems: Problems): string | undefined {
  if (hasElementChildren(el)) {
    problems.add(path, el, 'expected text, found child elements')
    return undefined
  }
  return elementText(el)
}

/**
 * The value of a leaf element read by its value type (the one lenient reader of that kind); a problem is an error.
 *
 * @example
 * ```ts
 * readValue(el, path, problems, NonNegativeIntegerValue) // 5
 * ```
 */
export function readValue<A>(el: XmlElement, path: Path, problems: Problems, type: ValueType<A>): A | undefined {
  const text = leafText(el, path, problems)
  if (text === undefined) return undefined
  const v = type.read(text)
  if (!isValueProblem(v)) return v
  problems.add(path, text, v.problem)
  return undefined
}

/**
 * Reports a second occurrence of a child the model holds once.
 *
 * @example
 * ```ts
 * duplicate(el, path, problems) // unexpected second sync:tick
 * ```
 */
export function duplicate(el: XmlElement, path: Path, problems: Problems): void {
  const prefix = shownPrefix(problems.prefixes, el.namespace, el.prefix)
  problems.add(path, el, `unexpected second ${qualifiedName({ prefix, localName: el.localName })}`)
}

/**
 * Whether a child of an element is stray text: text that is not all XML white space, among the children of an
 * element whose model holds elements only (docs/decisions.md#p3). No member could keep it, so the readers refuse
 * it ({@link strayText}) rather than drop it; white space between elements carries nothing.
 *
 * @example
 * ```ts
 * isStrayText({ type: 'text', value: 'x' }) // true; '\n  ' is not
 * ```
 */
export function isStrayText(node: XmlNode): boolean {
  return node.type === 'text' && !isXmlWhitespace(node.value)
}

/**
 * The message for stray text in an element named `name` (as paths show it): the FILESYNC readers' and the
 * descriptions' alike. Long text is cut to 40 characters.
 *
 * @example
 * ```ts
 * elementsOnly('Folder', 'x') // 'expected elements only in <Folder>, found text "x"'
 * ```
 */
export function elementsOnly(name: string, text: string): string {
  const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text)
  return `expected elements only in <${name}>, found text ${shown}`
}

/**
 * Reports stray text (see {@link isStrayText}) among the children of `el`, at `el`'s path (and so at its place
 * in the text, for a document parsed with positions).
 *
 * @example
 * ```ts
 * strayText(el, 'x', path, problems) // expected elements only in <sync:syncState>, found text "x"
 * ```
 */
export function strayText(el: XmlElement, text: string, path: Path | undefined, problems: Problems): void {
  const prefix = shownPrefix(problems.prefixes, el.namespace, el.prefix)
  problems.add(path, text, elementsOnly(qualifiedName({ prefix, localName: el.localName }), text))
}
