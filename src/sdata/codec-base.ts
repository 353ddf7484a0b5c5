import * as t from 'io-ts'
import { guarded, parseFailures } from '../codec/context'
import { type DocumentOptions, readWholeFast, totalDecode } from '../codec/document'
import { type ElementDescription, guardOf } from '../codec/schema/describe'
import { isElement } from '../codec/schema/tree'
import { compileReader, compileWriter } from '../codec/schema/xml'

export { isElement }

import { isXmlInput, type XmlInput } from '../xml/encoding'
import type { Issue } from '../xml/issue'
import type { Limits } from '../xml/options'
import { parseXml } from '../xml/parse'
import { serializeXml } from '../xml/serialize'
import { XMLNS_NAMESPACE, type XmlElement } from '../xml/types'
import { at, type Path, Problems } from './read'
import { rootDeclarations, SDATA, withUsedDeclarations } from './tree'

export type Reader<A> = (el: XmlElement, path: Path, problems: Problems) => A | undefined

export function describeName(ns: string | null, localName: string): string {
  return ns === null ? `${localName} in no namespace` : `${localName} in namespace ${ns}`
}

/**
 * What an SData root codec is built from: the guard of its value, the expanded names its root may have, and its
 * reader and writer. The element codec and the document codec of a root are both built from one spec.
 */
export interface RootSpec<A> {
  readonly is: (u: unknown) => u is A
  readonly namespaces: readonly string[]
  readonly localNames: readonly string[]
  readonly read: Reader<A>
  readonly write: (a: A) => XmlElement
}

/** Decodes a root element after checking its expanded name; every error lands in `problems`. */
export function decodeRoot<A>(el: XmlElement, spec: RootSpec<A>, problems: Problems): A | undefined {
  const path = at(undefined, el)
  const { namespaces, localNames } = spec
  if (el.namespace === null || !namespaces.includes(el.namespace) || !localNames.includes(el.localName)) {
    const wanted = describeName(namespaces[0]!, localNames.join(' or '))
    problems.add(path, el, `expected element ${wanted}, found ${describeName(el.namespace, el.localName)}`)
    return undefined
  }
  return spec.read(el, path, problems)
}

function validation<A>(problems: Problems, value: A | undefined): t.Validation<A> {
  return problems.errors.length > 0 || value === undefined ? t.failures(problems.errors) : t.success(value)
}

export function elementCodec<A>(name: string, spec: RootSpec<A>): t.Type<A, XmlElement, XmlElement> {
  return new t.Type<A, XmlElement, XmlElement>(
    name,
    spec.is,
    (el, c) =>
      guarded(el, c, () => {
        const problems = new Problems(c)
        if (!isElement(el)) return t.failure(el, c, `expected an XML element, found ${typeof el}`)
        return validation(problems, decodeRoot(el, spec, problems))
      }),
    // Kept subtrees rely on the conventional bindings, so the element declares them wherever it is written.
    (a) => {
      const el = spec.write(a)
      return el.attributes.some((x) => x.namespace === XMLNS_NAMESPACE) ? el : withRoot(el)
    },
  )
}

/**
 * A document's value read from its whole text without the document's tree; the text's well-formedness error as
 * `parseXml` reports it, when that way found it (an array: a document's value is never one); or `undefined` when
 * that way cannot tell (the document is then read the tree way, which gives every issue).
 */
export type WholeReader<A> = (text: string, limits: Limits) => A | Issue[] | undefined

/**
 * The document codec of a root: `text` writes a value as a document (by default the serialized element); `whole`,
 * when given, reads a document first without building its tree.
 */
export function documentCodec<A>(
  name: string,
  spec: RootSpec<A>,
  options: DocumentOptions | undefined,
  text: (a: A) => string = (a) => serializeXml({ root: spec.write(a) }),
  whole?: WholeReader<A>,
): t.Type<A, string, XmlInput> {
  return new t.Type<A, string, XmlInput>(
    name,
    spec.is,
    (input, c) => totalDecode(input, c, () => decodeText(input, c, spec, options, whole)),
    text,
  )
}

export function decodeText<A>(
  text: XmlInput,
  c: t.Context,
  spec: RootSpec<A>,
  options: DocumentOptions | undefined,
  whole?: WholeReader<A>,
): t.Validation<A> {
  if (!isXmlInput(text)) return t.failure(text, c, `expected XML text, found ${typeof text}`)
  if (whole !== undefined) {
    // The fast way, when the text is within the limits the tree way applies to a whole document: a value, or the
    // parse error the tree way would give; whatever else it cannot decode is read again the tree way, which gives
    // every issue with the same paths and positions.
    const value = readWholeFast(text, options, whole)
    if (Array.isArray(value)) return t.failures(parseFailures(value, c, text))
    if (value !== undefined) return t.success(value as A)
  }
  const parsed = parseXml(text, options?.parse)
  if (parsed._tag === 'Left') {
    return t.failures(parseFailures(parsed.left, c, text))
  }
  const problems = new Problems(c)
  return validation(problems, decodeRoot(parsed.right.root, spec, problems))
}

export const withRoot = (el: XmlElement): XmlElement =>
  withUsedDeclarations({ ...el, attributes: [...rootDeclarations(), ...el.attributes] })

/** An element that declares namespaces itself keeps only those it uses; any other gets the root declarations. */
const asRoot = (el: XmlElement): XmlElement =>
  el.attributes.some((x) => x.namespace === XMLNS_NAMESPACE) ? withUsedDeclarations(el) : withRoot(el)

/**
 * The element codec derived from an element description: its guard, reader and writer.
 *
 * @example
 * ```ts
 * const DigestElement = describedElement('DigestElement', DIGEST)
 * ```
 */
export function describedElement<A>(name: string, d: ElementDescription<A>): t.Type<A, XmlElement, XmlElement> {
  return elementCodec(name, describedRoot(d))
}

/**
 * The document codec derived from an element description, with the caller's parser limits.
 *
 * @example
 * ```ts
 * const DigestXml = describedDocument('DigestXml', DIGEST, { parse: { maxDepth: 16 } })
 * ```
 */
export function describedDocument<A>(
  name: string,
  d: ElementDescription<A>,
  options: DocumentOptions | undefined,
): t.Type<A, string, XmlInput> {
  return documentCodec(name, describedRoot(d), options)
}

/** The root spec derived from an element description: its guard, names, compiled reader and writer. */
function describedRoot<A>(d: ElementDescription<A>): RootSpec<A> {
  const write = compileWriter(d, SDATA)
  return {
    is: guardOf(d),
    namespaces: [d.namespace, ...(d.namespaces ?? [])].filter((n): n is string => n !== null),
    localNames: [d.name],
    read: compileReader(d, SDATA),
    write: (a) => asRoot(write(a)),
  }
}
