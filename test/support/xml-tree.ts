// Test helper, not a test file: a document's information as an independent parser (saxes, namespaces on) reads it,
// so a round trip can be checked against the original text rather than against the library's own reader.

import { SaxesParser } from 'saxes'

/** An element as saxes reads it: expanded names, attributes sorted by expanded name, children in document order. */
export interface SaxElement {
  name: string
  attributes: Array<[string, string]>
  children: SaxNode[]
}
/** A child: an element or text (CDATA merged into it). */
export type SaxNode = SaxElement | { text: string }

const XMLNS = 'http://www.w3.org/2000/xmlns/'

/** `{uri}local`, or `local` for a name in no namespace. */
const expanded = (uri: string, local: string): string => (uri === '' ? local : `{${uri}}${local}`)

/**
 * The root element of `xml` as saxes reads it, or the saxes errors. Namespace declarations are left out (prefixes
 * are spelling; the expanded names carry the meaning), and so is white-space-only text beside elements (it is
 * indentation there), and so are comments and processing instructions (the library's data model does not carry
 * them). Text is kept, in order, with adjacent text and CDATA joined.
 */
export function saxTree(xml: string): { root: SaxElement } | { errors: string[] } {
  const errors: string[] = []
  const parser = new SaxesParser({ xmlns: true })
  const stack: SaxElement[] = [{ name: '#document', attributes: [], children: [] }]
  const top = (): SaxElement => stack[stack.length - 1]!
  const addText = (text: string): void => {
    const children = top().children
    const last = children[children.length - 1]
    if (last && 'text' in last) last.text += text
    else children.push({ text })
  }
  parser.on('error', (e) => errors.push(e.message))
  parser.on('text', addText)
  parser.on('cdata', addText)
  parser.on('opentag', (tag) => {
    const attributes: Array<[string, string]> = []
    for (const a of Object.values(tag.attributes)) {
      if (a.uri === XMLNS || a.name === 'xmlns') continue
      attributes.push([expanded(a.uri, a.local), a.value])
    }
    attributes.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    const element: SaxElement = { name: expanded(tag.uri ?? '', tag.local ?? tag.name), attributes, children: [] }
    top().children.push(element)
    stack.push(element)
  })
  parser.on('closetag', () => {
    const element = stack.pop()!
    if (element.children.some((c) => 'name' in c))
      element.children = element.children.filter((c) => !('text' in c) || !/^[ \t\n\r]*$/.test(c.text))
  })
  try {
    parser.write(xml).close()
  } catch (e) {
    errors.push(String(e))
  }
  if (errors.length > 0) return { errors }
  const root = stack[0]!.children.find((c): c is SaxElement => 'name' in c)
  return root ? { root } : { errors: ['no root element'] }
}

/**
 * The same tree with each element's children in a canonical order, for codecs that write known children in the
 * schema's order: element children are sorted by expanded name, stably, so siblings of one name keep their order
 * (entries, digest entries, repeated fields). An element with text beside its elements (mixed content) keeps its order.
 */
export function schemaOrdered(element: SaxElement): SaxElement {
  const children = element.children.map((c) => ('name' in c ? schemaOrdered(c) : c))
  const mixed = children.some((c) => 'text' in c)
  if (!mixed)
    children.sort((a, b) =>
      (a as SaxElement).name < (b as SaxElement).name ? -1 : (a as SaxElement).name > (b as SaxElement).name ? 1 : 0,
    )
  return { ...element, children }
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace'

/** How {@link writeTree} spells a tree: none of these choices changes the information in it. */
export interface Spelling {
  /** Prefix stems, used in turn for the tree's namespaces (a number is added so they are distinct). */
  stems: readonly string[]
  /** Write the root element's namespace as the default namespace (when every element has a namespace). */
  useDefault: boolean
  /** Indent element-only content with line breaks and spaces. */
  indent: boolean
  /** Write letters `a` and `e` in text and attribute values as character references. */
  references: boolean
  /** Write text-only content as a CDATA section where it can be. */
  cdata: boolean
  /** Reverse every element's attributes. */
  reverseAttributes: boolean
  /** Quote attribute values with `'` instead of `"`. */
  singleQuotes: boolean
}

const splitName = (name: string): [string, string] => {
  const m = /^\{(.*)\}(.*)$/.exec(name)
  return m ? [m[1]!, m[2]!] : ['', name]
}

function escapeText(s: string, references: boolean): string {
  let out = ''
  for (const ch of s) {
    if (ch === '&') out += '&amp;'
    else if (ch === '<') out += '&lt;'
    else if (ch === '>') out += '&gt;'
    else if (ch === '\r') out += '&#13;'
    else if (references && ch === 'a') out += '&#97;'
    else if (references && ch === 'e') out += '&#x65;'
    else out += ch
  }
  return out
}

function escapeAttribute(s: string, spelling: Spelling): string {
  const quoted = escapeText(s, spelling.references)
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(spelling.singleQuotes ? /'/g : /"/g, spelling.singleQuotes ? '&apos;' : '&quot;')
  return spelling.singleQuotes ? `'${quoted}'` : `"${quoted}"`
}

/**
 * Writes a {@link SaxElement} tree as XML text, spelled as `spelling` says, with a serializer that shares nothing with
 * the library: the text says exactly what the tree says, so `saxTree(writeTree(t, s))` equals `t`.
 */
export function writeTree(root: SaxElement, spelling: Spelling): string {
  const namespaces = new Set<string>()
  let unqualified = false
  const visit = (e: SaxElement): void => {
    const [uri] = splitName(e.name)
    if (uri === '') unqualified = true
    else namespaces.add(uri)
    for (const [name] of e.attributes) {
      const [a] = splitName(name)
      if (a !== '' && a !== XML_NS) namespaces.add(a)
    }
    for (const c of e.children) if ('name' in c) visit(c)
  }
  visit(root)
  const prefixes = new Map<string, string>([[XML_NS, 'xml']])
  let n = 0
  for (const uri of namespaces) prefixes.set(uri, `${spelling.stems[n % spelling.stems.length] ?? 'p'}${n++}`)
  const defaultNs = spelling.useDefault && !unqualified ? splitName(root.name)[0] : undefined
  const qname = (name: string, attribute: boolean): string => {
    const [uri, local] = splitName(name)
    if (uri === '') return local
    if (!attribute && uri === defaultNs) return local
    return `${prefixes.get(uri)}:${local}`
  }
  const write = (e: SaxElement, depth: number, isRoot: boolean): string => {
    const name = qname(e.name, false)
    let head = `<${name}`
    if (isRoot) {
      if (defaultNs !== undefined) head += ` xmlns=${escapeAttribute(defaultNs, spelling)}`
      for (const uri of namespaces) head += ` xmlns:${prefixes.get(uri)}=${escapeAttribute(uri, spelling)}`
    }
    const attributes = spelling.reverseAttributes ? [...e.attributes].reverse() : e.attributes
    for (const [a, v] of attributes) head += ` ${qname(a, true)}=${escapeAttribute(v, spelling)}`
    if (e.children.length === 0) return `${head}/>`
    const elementOnly = e.children.every((c) => 'name' in c)
    const textOnly = e.children.length === 1 && 'text' in e.children[0]!
    let body = ''
    for (const c of e.children) {
      if ('name' in c) {
        if (elementOnly && spelling.indent) body += `\n${'  '.repeat(depth + 1)}`
        body += write(c, depth + 1, false)
      } else if (textOnly && spelling.cdata && !c.text.includes(']]>') && !c.text.includes('\r')) {
        body += `<![CDATA[${c.text}]]>`
      } else body += escapeText(c.text, spelling.references)
    }
    if (elementOnly && spelling.indent) body += `\n${'  '.repeat(depth)}`
    return `${head}>${body}</${name}>`
  }
  return write(root, 0, true)
}
