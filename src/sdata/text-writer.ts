// The low-level text writer of SData documents: elements whose names and bindings are known written straight as
// text, kept trees through the XML serializer's scopes, into one buffer (XML 1.0 §2.4/§3.3.3 escaping). Internal.
import { escapeXml } from '../xml/escape'
import { startWriter, type Writer } from '../xml/serialize'
import type { XmlElement } from '../xml/types'
import { ATOM_NS, CONVENTIONAL_PREFIXES } from './namespaces'

/**
 * The qualified name an SData element or attribute in `ns` is written with: its conventional prefix (none for
 * Atom). Valid wherever the document root declares that prefix and nothing below rebinds it.
 */
export function qname(ns: string, localName: string): string {
  const prefix = CONVENTIONAL_PREFIXES.get(ns) ?? null
  return prefix === null ? localName : `${prefix}:${localName}`
}

/**
 * Writes SData markup as text into the XML serializer's buffer, so that kept trees written in between (payload
 * resources, extensions, the small elements' trees) see the namespace scope of the document and come out exactly
 * as `serializeXml` writes them. Tags written directly must use prefixes bound in scope (the conventional ones the
 * root declares) and declare nothing; the text equals what the serializer writes for the same element tree.
 */
export class TextWriter {
  readonly w: Writer = startWriter(undefined)

  /** `<name>text</name>`, or `<name/>` for the empty string (the tree of a leaf holds no text node then). */
  leaf(name: string, value: string): void {
    if (value === '') this.w.out += `<${name}/>`
    else this.w.out += `<${name}>${escapeXml(value, false)}</${name}>`
  }

  /** ` name="value"`, escaped for a double-quoted attribute. */
  attribute(name: string, value: string): string {
    return ` ${name}="${escapeXml(value, true)}"`
  }

  /** A start tag with its attributes (from {@link attribute}); `empty` self-closes it. */
  start(name: string, attributes = '', empty = false): void {
    this.w.out += empty ? `<${name}${attributes}/>` : `<${name}${attributes}>`
  }

  /** An end tag; the buffer is settled, as the serializer does between elements. */
  end(name: string): void {
    this.w.out += `</${name}>`
    this.w.settle()
  }

  /** A whole element tree as a child of `parent` (open, written with `parentPrefix`), in the document's scope. */
  tree(parent: XmlElement, parentPrefix: string, el: XmlElement): void {
    this.w.content(parent, parentPrefix, [el])
  }

  /** The text written. */
  finish(): string {
    return this.w.finish()
  }
}

/** An element named like an open SData element, for {@link TextWriter.tree}'s `parent` (only its name is read). */
export function openElement(ns: string, localName: string): XmlElement {
  return {
    type: 'element',
    namespace: ns,
    localName,
    prefix: CONVENTIONAL_PREFIXES.get(ns) ?? null,
    attributes: [],
    children: [],
  }
}

/** The open `atom:entry` (or `atom:feed`, named alike for the serializer's purpose: Atom, no prefix). */
export const ATOM_PARENT: XmlElement = openElement(ATOM_NS, 'entry')
