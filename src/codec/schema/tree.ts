// Helpers over the namespace-resolved tree for the descriptions' readers and writers: leaf text, kept attributes,
// declarations an encoded root needs, and kept subtrees made self-contained (docs/decisions.md#s3: kept content is
// lossless). Generic: the bindings an encoded document has in scope are the caller's (a protocol's dialect).
import type { InScope } from '../../xml/events'
import { boundAround } from '../../xml/tree'
import type { XmlAttribute, XmlElement } from '../../xml/types'
import { XML_NAMESPACE, XMLNS_NAMESPACE } from '../../xml/types'

/**
 * The namespace bindings in scope, keyed by prefix ('' = the default namespace).
 *
 * @example
 * ```ts
 * const scope: Scope = new Map([['', ATOM_NS], ['sync', SYNC_NS]])
 * ```
 */
export type Scope = ReadonlyMap<string, string>

/**
 * Drops the root's namespace declarations that nothing in the document uses: an encoded document declares only the
 * namespaces its elements and attributes are in (a digest alone needs `sync`, not Atom, `http` or `opensearch`).
 * Prefixes used anywhere below count, kept subtrees included, so the serializer never has to add a declaration deeper.
 */
export function withUsedDeclarations(root: XmlElement): XmlElement {
  const attributes = usedDeclarations(root.attributes, addUsedPrefixes(root, new Set()))
  return attributes.length === root.attributes.length ? root : { ...root, attributes }
}

/** Adds to `used` the prefix of every element and attribute in `root`'s tree (declarations aside; '' = none). */
export function addUsedPrefixes(root: XmlElement, used: Set<string>): Set<string> {
  used.add(root.prefix ?? '')
  const stack: XmlElement[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    for (const a of node.attributes) if (a.prefix !== null && a.namespace !== XMLNS_NAMESPACE) used.add(a.prefix)
    for (const c of node.children) {
      if (c.type !== 'element') continue
      // Each element's prefix is added where its parent is read; most share their parent's, already added.
      if (c.prefix !== node.prefix) used.add(c.prefix ?? '')
      // A leaf without attributes holding at most one text (most elements of a payload) adds nothing more.
      const grandchildren = c.children
      if (
        c.attributes.length === 0 &&
        (grandchildren.length === 0 || (grandchildren.length === 1 && grandchildren[0]!.type === 'text'))
      )
        continue
      stack.push(c)
    }
  }
  return used
}

/** `attributes` without the namespace declarations of prefixes not in `used`. */
export function usedDeclarations(attributes: XmlAttribute[], used: ReadonlySet<string>): XmlAttribute[] {
  return attributes.filter((a) => a.namespace !== XMLNS_NAMESPACE || used.has(a.prefix === null ? '' : a.localName))
}

/** The concatenated text of an element's text children ('' when it has none): the tree's own reader. */
export { elementText as textOf } from '../../xml/tree'

/**
 * Whether a value is an element of the tree, with its children and attributes (a hand-built value may not be).
 *
 * @example
 * ```ts
 * isElement({ type: 'element', children: [], attributes: [] }) // true
 * ```
 */
export function isElement(u: unknown): u is XmlElement {
  return (
    typeof u === 'object' &&
    u !== null &&
    (u as XmlElement).type === 'element' &&
    Array.isArray((u as XmlElement).children) &&
    Array.isArray((u as XmlElement).attributes)
  )
}

/** Whether an element has element children (then its text is not a value). */
export function hasElementChildren(el: XmlElement): boolean {
  const children = el.children
  for (let i = 0; i < children.length; i++) if (children[i]!.type === 'element') return true
  return false
}

/** Whether an attribute is a namespace declaration. */
export function isDeclaration(a: XmlAttribute): boolean {
  return a.namespace === XMLNS_NAMESPACE
}

/**
 * The attributes of an element other than namespace declarations, or `undefined` when there are none; an attribute
 * whose prefix `scope` binds to another namespace is given a prefix of its own (see below).
 *
 * @example
 * ```ts
 * keptAttributes(el, scope) // [{ namespace: null, localName: 'lang', … }]
 * ```
 */
export function keptAttributes(el: XmlElement, scope: Scope): XmlAttribute[] | undefined {
  let kept: XmlAttribute[] | undefined
  const attributes = el.attributes
  for (let i = 0; i < attributes.length; i++) {
    const a = attributes[i]!
    if (a.namespace === XMLNS_NAMESPACE) continue
    kept ??= []
    kept.push(movedAside(a, scope))
  }
  return kept
}

// An attribute whose prefix is one of the conventional prefixes every encoded document declares on its root (`scope`), but
// bound to another namespace, cannot keep that prefix when written back (the serializer would invent one, and a
// second decode would differ). It takes a prefix derived from its namespace URI instead, the same one on every
// decode, so decode ∘ encode is the identity. Namespace, name and value are unchanged. Found by `npm run fuzz`
// (SyncEntryXml, seeds 1004699537 and 20261122).
function movedAside(a: XmlAttribute, scope: Scope): XmlAttribute {
  if (a.prefix === null) return a
  const conventional = scope.get(a.prefix)
  if (conventional === undefined || conventional === a.namespace) return a
  let hash = 0x811c9dc5
  const uri = a.namespace ?? ''
  for (let i = 0; i < uri.length; i++) hash = Math.imul(hash ^ uri.charCodeAt(i), 0x01000193)
  return { ...a, prefix: `ns${(hash >>> 0).toString(36)}` }
}

/**
 * Adds to `el` a declaration for every prefix its subtree uses but does not declare, when the binding differs from
 * what `scope` (an encoded document's root declarations) has in scope. A kept subtree (payload, extension) can then be written under any
 * root and reads back with exactly the same attributes: without this, the serializer would add the declarations
 * on nested elements and a second decode would differ from the first. Iterative, so depth costs no stack. Names in
 * the XML namespace need no declaration (the serializer writes them with `xml:`, bound in every document).
 */
export function selfContained(el: XmlElement, scope: Scope): XmlElement {
  // A tree the parser built for this read, with the bindings around it known: when they all agree with `scope`, so
  // does every name its declarations do not bind, and nothing is missing (no walk).
  const around = boundAround(el)
  if (around !== undefined && agreesWith(around, scope)) return el
  const missing = quickMissing(el, scope)
  return withDeclarations(el, missing === REDECLARES ? exactMissing(el, scope) : missing)
}

/**
 * Whether each binding in scope `around` (the default namespace's too, none counting as `''`) is `scope`'s. The `xml`
 * prefix, bound everywhere without being listed, needs no declaration (see selfContained).
 */
function agreesWith(around: InScope, scope: Scope): boolean {
  if ((around.lookup('') ?? '') !== (scope.get('') ?? '')) return false
  const declared = around.declared
  for (let i = 0; i < declared.length; i++) {
    const prefix = declared[i]!
    if ((around.lookup(prefix) ?? '') !== (scope.get(prefix) ?? '')) return false
  }
  return true
}

const REDECLARES = new Map<string, string>()

// A payload rarely declares namespaces below its root, and then every element is in the scope of the root's
// declarations: no per-element set of declared prefixes is needed, and an element without attributes named like
// its parent and holding no elements (most payload leaves) needs no visit at all. Returns REDECLARES when an
// element below the root declares a namespace, for exactMissing to settle. Visits in the same order as
// exactMissing, so the declarations come out in the same order.
function quickMissing(el: XmlElement, scope: ReadonlyMap<string, string>): Map<string, string> | undefined {
  let missing: Map<string, string> | undefined
  // The binding checked last: the elements of a payload mostly share one (the resource's default namespace).
  let prefix = ''
  let ns: string | undefined
  const nodes = WALK
  let top = 0
  nodes[top++] = el
  while (top > 0) {
    const node = nodes[--top]!
    nodes[top] = undefined
    const attributes = node.attributes
    let prefixed = false
    for (let i = 0; i < attributes.length; i++) {
      const a = attributes[i]!
      if (a.namespace === XMLNS_NAMESPACE) {
        if (node !== el) {
          while (top > 0) nodes[--top] = undefined
          return REDECLARES
        }
      } else if (a.prefix !== null) prefixed = true
    }
    const p = node.prefix ?? ''
    const n = node.namespace ?? ''
    if (p !== prefix || n !== ns) {
      missing = need(el, scope, missing, p, n)
      prefix = p
      ns = n
    }
    for (let i = 0; prefixed && i < attributes.length; i++) {
      const a = attributes[i]!
      if (a.prefix !== null && a.namespace !== XMLNS_NAMESPACE && a.namespace !== XML_NAMESPACE)
        missing = need(el, scope, missing, a.prefix, a.namespace ?? '')
    }
    const children = node.children
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i]!
      if (c.type !== 'element') continue
      if (
        c.attributes.length === 0 &&
        c.prefix === node.prefix &&
        c.namespace === node.namespace &&
        !hasElementChildren(c)
      )
        continue
      nodes[top++] = c
    }
  }
  return missing
}

/** The stack of {@link quickMissing}, reused (emptied after each walk, so that it keeps no tree alive). */
const WALK: Array<XmlElement | undefined> = []

/**
 * `missing` with `prefix` bound to `ns` added when neither `scope` nor a declaration on the root `el` binds it so
 * and it is not there yet.
 */
function need(
  el: XmlElement,
  scope: ReadonlyMap<string, string>,
  missing: Map<string, string> | undefined,
  prefix: string,
  ns: string,
): Map<string, string> | undefined {
  if (ns === XML_NAMESPACE || (scope.get(prefix) ?? '') === ns || missing?.has(prefix) === true) return missing
  for (const a of el.attributes)
    if (a.namespace === XMLNS_NAMESPACE && (a.prefix === null ? '' : a.localName) === prefix) return missing
  missing ??= new Map()
  missing.set(prefix, ns)
  return missing
}

// The general walk: tracks the prefixes declared on the path from `el` down to each element.
function exactMissing(el: XmlElement, scope: ReadonlyMap<string, string>): Map<string, string> | undefined {
  let missing: Map<string, string> | undefined
  // Parallel stacks: an element and the prefixes declared on the path from `el` down to it (shared until changed).
  const nodes: XmlElement[] = [el]
  const parents: Array<XmlElement | undefined> = [undefined]
  const scopes: Array<ReadonlySet<string> | undefined> = [undefined]
  while (nodes.length > 0) {
    const node = nodes.pop()!
    const parent = parents.pop()
    const outer = scopes.pop()
    let declared = outer
    let prefixedAttributes = false
    const attributes = node.attributes
    for (let i = 0; i < attributes.length; i++) {
      const a = attributes[i]!
      if (a.namespace !== XMLNS_NAMESPACE) {
        if (a.prefix !== null) prefixedAttributes = true
        continue
      }
      if (declared === outer) declared = new Set(outer)
      ;(declared as Set<string>).add(a.prefix === null ? '' : a.localName)
    }
    // Most payload elements share their parent's name binding; the parent's check already covered it.
    const sameAsParent =
      declared === outer && parent !== undefined && parent.prefix === node.prefix && parent.namespace === node.namespace
    const prefix = node.prefix ?? ''
    const ns = node.namespace ?? ''
    if (
      !sameAsParent &&
      ns !== XML_NAMESPACE &&
      (scope.get(prefix) ?? '') !== ns &&
      declared?.has(prefix) !== true &&
      missing?.has(prefix) !== true
    ) {
      missing ??= new Map()
      missing.set(prefix, ns)
    }
    for (let i = 0; prefixedAttributes && i < attributes.length; i++) {
      const a = attributes[i]!
      const p = a.prefix
      if (p === null || a.namespace === XMLNS_NAMESPACE || a.namespace === XML_NAMESPACE) continue
      const ans = a.namespace ?? ''
      if ((scope.get(p) ?? '') !== ans && declared?.has(p) !== true && missing?.has(p) !== true) {
        missing ??= new Map()
        missing.set(p, ans)
      }
    }
    const children = node.children
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i]!
      if (c.type === 'element') {
        nodes.push(c)
        parents.push(node)
        scopes.push(declared)
      }
    }
  }
  return missing
}

function withDeclarations(el: XmlElement, missing: Map<string, string> | undefined): XmlElement {
  if (missing === undefined) return el
  const added: XmlAttribute[] = []
  for (const [prefix, ns] of missing) {
    added.push(
      prefix === ''
        ? { namespace: XMLNS_NAMESPACE, localName: 'xmlns', prefix: null, value: ns }
        : { namespace: XMLNS_NAMESPACE, localName: prefix, prefix: 'xmlns', value: ns },
    )
  }
  return { ...el, attributes: [...el.attributes, ...added] }
}
