// XML serializer: XmlDocument -> well-formed, namespace-well-formed XML 1.0 text, with prefix management.
// Implements XML 1.0 §2.4/§3.3.3 escaping (so text and attribute values survive a re-parse) and Namespaces in XML 1.0 §3–6.

import { ChunkedText } from './chunks'
import { escapeXml } from './escape'
import { NamespaceScopes } from './scopes'
import {
  XML_NAMESPACE,
  XMLNS_NAMESPACE,
  type XmlAttribute,
  type XmlDocument,
  type XmlElement,
  type XmlNode,
} from './types'

export { escapeAttribute, escapeText } from './escape'

/**
 * Options of {@link serializeXml}.
 *
 * @example
 * ```ts
 * const options: SerializeOptions = { declaration: false }
 * ```
 */
export interface SerializeOptions {
  /** Write `<?xml version="1.0" encoding="UTF-8"?>` first (default `true`). */
  declaration?: boolean
  /** Write a U+FEFF byte-order mark first (default `false`). */
  bom?: boolean
}

/**
 * Writes a document as XML text. Never throws.
 *
 * - Prefixes are kept as read while they are bound to the right namespace; a namespace that is not in scope for an
 *   element or attribute gets a declaration, on that element, reusing its prefix or else `ns1`, `ns2`…; an element
 *   in no namespace under a default namespace gets `xmlns=""`. No unbound prefix is ever written.
 * - Declaration attributes are written as given, except ones XML forbids (`xmlns:xmlns`, `xmlns:p=""`, binding
 *   the reserved namespaces), a second declaration of the same prefix, and a default-namespace declaration on an
 *   element in no namespace (written as `xmlns=""` instead): those are dropped or corrected because they could
 *   not be read back. Of two attributes with the same expanded name only the first is written. An element in the
 *   `xmlns` namespace, which XML cannot express, is written in no namespace. Names are written as given, so local
 *   names and prefixes must be NCNames.
 * - Text and attribute values are escaped by {@link escapeText} and {@link escapeAttribute}; characters XML cannot
 *   carry become U+FFFD.
 * - Iterative: no recursion, so any depth is fine.
 *
 * @example
 * ```ts
 * const doc: XmlDocument = { root: { type: 'element', namespace: 'urn:a', localName: 'x', prefix: 'a', attributes: [], children: [{ type: 'text', value: '1 < 2' }] } }
 * serializeXml(doc, { declaration: false }) // '<a:x xmlns:a="urn:a">1 &lt; 2</a:x>'
 * ```
 */
export function serializeXml(document: XmlDocument, options?: SerializeOptions): string {
  const writer = startWriter(options)
  writer.write(document.root)
  return writer.finish()
}

/** A writer with the BOM and declaration the options ask for already written. */
export function startWriter(options: SerializeOptions | undefined): Writer {
  const writer = new Writer()
  if (options?.bom === true) writer.out = '\uFEFF'
  if (options?.declaration !== false) writer.out += '<?xml version="1.0" encoding="UTF-8"?>'
  return writer
}

/** An element {@link Writer.begin} left open: what its end tag and scope unwinding need. */
export interface OpenRoot {
  readonly element: XmlElement
  readonly prefix: string
  readonly mark: number
}

/**
 * The serializer's state: namespace scopes, generated prefixes and the output. Output grows by `+=` into a
 * ChunkedText (see there why). `write` writes a whole element; `begin`, `content` and `end` write a root whose
 * children come one at a time, by the same code.
 */
export class Writer extends ChunkedText {
  // The namespace bindings in scope where the writer stands.
  private readonly ns = new NamespaceScopes()
  /**
   * Whether a name was ever written with another prefix than its own, found among the bindings in scope: the one
   * choice that depends on bindings the written names do not use (callers that bind more than they use check it).
   */
  searched = false
  // The parallel stacks of `content`: the open elements, their children, the next child, bindings mark, prefix.
  private readonly stacks = {
    elements: [] as XmlElement[],
    lists: [] as Array<readonly XmlNode[]>,
    next: [] as number[],
    marks: [] as number[],
    prefixes: [] as string[],
  }
  // namespace URI -> prefixes bound to it, in binding order, so finding a usable prefix never scans every binding.
  private readonly prefixesOf = new Map<string, string[]>()
  private generated = 0
  // Prefixes whose binding the current start tag declares or relies on: none of them may be rebound on it.
  private readonly locked = new Set<string>()
  // Declarations the current start tag needs beyond its own, written right after its name.
  private added = ''

  private bind(prefix: string, uri: string | null): void {
    this.ns.bind(prefix, uri)
    if (uri !== null) {
      const prefixes = this.prefixesOf.get(uri)
      if (prefixes === undefined) this.prefixesOf.set(uri, [prefix])
      else prefixes.push(prefix)
    }
  }

  /** A prefix in scope bound to `uri` (the default namespace only if `allowDefault`), or undefined. */
  private findPrefix(uri: string, allowDefault: boolean): string | undefined {
    this.searched = true
    const prefixes = this.prefixesOf.get(uri)
    if (prefixes === undefined) return undefined
    for (let k = prefixes.length - 1; k >= 0; k--) {
      const prefix = prefixes[k]!
      if (prefix === '' && !allowDefault) continue
      // A later declaration may have rebound the prefix to another namespace.
      if (this.ns.lookup(prefix) === uri) return prefix
    }
    return undefined
  }

  private freshPrefix(): string {
    for (;;) {
      const prefix = `ns${++this.generated}`
      if (this.ns.lookup(prefix) === undefined) return prefix
    }
  }

  write(root: XmlElement): void {
    const mark = this.ns.declared.length
    const prefix = this.open(root)
    if (root.children.length === 0) {
      this.unwind(mark)
      return
    }
    this.content(root, prefix, root.children)
    this.close(root, prefix, mark)
  }

  /**
   * Writes `root` exactly as {@link serializeXml} writes it alone (without declaration), into this buffer: for
   * writers that bind no namespace of their own around it (so nothing is in scope here), such as FILESYNC's.
   */
  writeAlone(root: XmlElement): void {
    // Generated prefixes are numbered from `ns1` in every document serializeXml writes.
    this.generated = 0
    this.write(root)
  }

  /** Writes the start tag of `root` (never self-closed) and its given children, leaving it open. */
  begin(root: XmlElement): OpenRoot {
    const mark = this.ns.declared.length
    const prefix = this.open(root, false)
    this.content(root, prefix, root.children)
    return { element: root, prefix, mark }
  }

  /** Writes the end tag of an element {@link begin} opened. */
  end(root: OpenRoot): void {
    this.close(root.element, root.prefix, root.mark)
  }

  close(element: XmlElement, prefix: string, mark: number): void {
    if (prefix === '') this.out += `</${element.localName}>`
    else this.out += `</${prefix}:${element.localName}>`
    this.unwind(mark)
  }

  /**
   * Writes `nodes` as content of the open element `parent` (whose name was written with `prefix`), in its scope:
   * the whole document and the streamed one write each child by this same code, so their bytes agree.
   */
  content(parent: XmlElement, parentPrefix: string, nodes: readonly XmlNode[]): void {
    // Parallel stacks of the open elements below `parent`: the element, its children, the next child, the bindings
    // mark, the prefix written. Slot 0 is `parent` itself, which stays open.
    // The stacks are the writer's, reused from call to call (content never runs inside itself).
    const { elements, lists, next, marks, prefixes } = this.stacks
    elements[0] = parent
    lists[0] = nodes
    next[0] = 0
    marks[0] = 0
    prefixes[0] = parentPrefix
    let top = 0
    while (top >= 0) {
      this.settle()
      const element = elements[top]!
      const index = next[top]!
      const children = lists[top]!
      if (index >= children.length) {
        if (top === 0) return
        this.close(element, prefixes[top]!, marks[top]!)
        top--
        continue
      }
      next[top] = index + 1
      const child = children[index]!
      if (child.type === 'text') {
        this.out += escapeXml(child.value, false)
        continue
      }
      const mark = this.ns.declared.length
      let prefix = prefixes[top]!
      const grandchildren = child.children
      // A leaf holding one text (most elements of a payload) is written whole, without a frame of its own.
      const only = grandchildren.length === 1 ? grandchildren[0]! : undefined
      if (
        child.attributes.length === 0 &&
        child.namespace === element.namespace &&
        child.prefix === element.prefix &&
        prefix === (child.prefix ?? '')
      ) {
        // The parent's name as read, bound as read, and nothing declared here: open() would choose the same.
        const name = prefix === '' ? child.localName : `${prefix}:${child.localName}`
        if (only !== undefined && only.type === 'text') {
          this.out += `<${name}>${escapeXml(only.value, false)}</${name}>`
          continue
        }
        this.out += grandchildren.length === 0 ? `<${name}/>` : `<${name}>`
        if (grandchildren.length === 0) continue
      } else {
        prefix = this.open(child)
        if (grandchildren.length === 0) {
          this.unwind(mark)
          continue
        }
        if (only !== undefined && only.type === 'text') {
          this.out += escapeXml(only.value, false)
          this.close(child, prefix, mark)
          continue
        }
      }
      top++
      elements[top] = child
      lists[top] = child.children
      next[top] = 0
      marks[top] = mark
      prefixes[top] = prefix
    }
  }

  private unwind(mark: number): void {
    const declared = this.ns.declared
    while (declared.length > mark) {
      const uri = this.ns.unbind()
      // Bindings unwind in reverse order, so this binding is the last one recorded for its URI.
      if (uri !== null && uri !== undefined) this.prefixesOf.get(uri)!.pop()
    }
  }

  /**
   * Binds the element's namespaces and writes its start tag (self-closed when it has no children); returns the
   * prefix of its name ('' for none) for the end tag.
   */
  private open(element: XmlElement, empty = element.children.length === 0): string {
    const attributes = element.attributes
    // No element can be in the xmlns namespace (Namespaces §3), so such an element is written in no namespace.
    const namespace = element.namespace === '' || element.namespace === XMLNS_NAMESPACE ? null : element.namespace
    const locked = this.locked
    if (locked.size > 0) locked.clear()
    this.added = ''
    // Pass 1: the element's own declarations, kept when XML allows them (written in place by pass 3).
    let declarations: string[] | undefined
    for (let k = 0; k < attributes.length; k++) {
      const attribute = attributes[k]!
      if (attribute.namespace !== XMLNS_NAMESPACE) continue
      declarations ??= []
      const prefix = attribute.prefix === null && attribute.localName === 'xmlns' ? '' : attribute.localName
      let uri: string | null = attribute.value
      if (prefix === 'xmlns' || locked.has(prefix)) continue
      if (prefix === 'xml') {
        if (uri !== XML_NAMESPACE) continue
      } else if (uri === XML_NAMESPACE || uri === XMLNS_NAMESPACE) continue
      else if (uri === '') {
        if (prefix !== '') continue
        uri = null
      }
      if (prefix === '' && namespace === null) uri = null
      locked.add(prefix)
      if (prefix !== 'xml') this.bind(prefix, uri)
      declarations![k] = declaration(prefix, uri)
    }
    // Pass 2: the element's name.
    let prefix: string
    if (namespace === null) {
      if ((this.ns.lookup('') ?? null) !== null) this.declare('', null)
      else locked.add('')
      prefix = ''
    } else if (namespace === XML_NAMESPACE) {
      prefix = 'xml'
    } else {
      prefix = this.choosePrefix(element.prefix ?? '', namespace, true)
    }
    let rest = ''
    // Pass 3: the other attributes.
    // Many attributes: remember expanded names in a set (local names hold no space, so the key is unambiguous).
    const seen = attributes.length > 16 ? new Set<string>() : undefined
    for (let k = 0; k < attributes.length; k++) {
      const attribute = attributes[k]!
      if (attribute.namespace === XMLNS_NAMESPACE) {
        const written = declarations?.[k]
        if (written !== undefined) rest += written
        continue
      }
      const uri = attribute.namespace === '' ? null : attribute.namespace
      if (uri === null && attribute.localName === 'xmlns') continue
      if (seen !== undefined) {
        const key = `${uri ?? ''} ${attribute.localName}`
        if (seen.has(key)) continue
        seen.add(key)
      } else if (k > 0 && repeats(attributes, k, uri)) continue
      if (uri === null) rest += ` ${attribute.localName}="`
      else if (uri === XML_NAMESPACE) rest += ` xml:${attribute.localName}="`
      else rest += ` ${this.choosePrefix(attribute.prefix ?? '', uri, false)}:${attribute.localName}="`
      rest += `${escapeXml(attribute.value, true)}"`
    }
    const close = empty ? '/>' : '>'
    if (prefix === '') this.out += `<${element.localName}${this.added}${rest}${close}`
    else this.out += `<${prefix}:${element.localName}${this.added}${rest}${close}`
    return prefix
  }

  private declare(prefix: string, uri: string | null): void {
    this.locked.add(prefix)
    this.bind(prefix, uri)
    this.added += declaration(prefix, uri)
  }

  /**
   * The prefix to write for `uri` (`''` for none; attributes never get `''`): the one as read when it is bound to
   * `uri` or can be declared on this tag, else any prefix in scope bound to `uri`, else a new `nsN` declared here.
   */
  private choosePrefix(wanted: string, uri: string, isElement: boolean): string {
    const locked = this.locked
    const usable = wanted !== 'xmlns' && wanted !== 'xml' && (isElement || wanted !== '')
    if (usable) {
      if ((this.ns.lookup(wanted) ?? null) === uri) {
        locked.add(wanted)
        return wanted
      }
      if (!locked.has(wanted)) {
        this.declare(wanted, uri)
        return wanted
      }
    }
    const found = this.findPrefix(uri, isElement)
    if (found !== undefined) {
      locked.add(found)
      return found
    }
    const fresh = this.freshPrefix()
    this.declare(fresh, uri)
    return fresh
  }
}

/** Whether an attribute before `k` (declarations aside) has the expanded name of attribute `k`. */
function repeats(attributes: XmlAttribute[], k: number, uri: string | null): boolean {
  const localName = attributes[k]!.localName
  for (let j = 0; j < k; j++) {
    const other = attributes[j]!
    if (other.localName === localName && other.namespace !== XMLNS_NAMESPACE && (other.namespace || null) === uri) {
      return true
    }
  }
  return false
}

function declaration(prefix: string, uri: string | null): string {
  return prefix === '' ? ` xmlns="${escapeXml(uri ?? '', true)}"` : ` xmlns:${prefix}="${escapeXml(uri ?? '', true)}"`
}
