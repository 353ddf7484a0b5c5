// The public face of the element descriptions (syncwire/codec): a builder with the defaults syncwire's own elements
// use, and the io-ts codecs derived from a description, so a user's element reads, writes and maps to JSON exactly as
// syncwire's do (docs/schema.md).
import * as t from 'io-ts'
import type { XmlElement } from '../../xml/types'
import { guarded } from '../context'
import { type Errs, run } from '../json/read'
import { type Child, type ElementDescription, guardOf, type JsonForm } from './describe'
import { type Dialect, dialect } from './dialect'
import { compileJsonReader, compileJsonWriter, type JsonReader } from './json'
import { kitJsonChildren } from './kit-json'
import { KIT_XML } from './kit-xml'
import { at, Problems } from './path'
import { isElement } from './tree'
import { compileReader, compileWriter } from './xml'

/**
 * What {@link describeElement} needs: the name and children, and whatever departs from the defaults.
 *
 * @example
 * ```ts
 * const options: DescribeOptions = { namespace: CRM, name: 'contact', children: [leafChild('name', TextValue, 'required')] }
 * ```
 */
export interface DescribeOptions {
  /** The element's namespace (its children are in the same one); `null` for none. */
  readonly namespace: string | null
  /** The element's local name. */
  readonly name: string
  /** The children the model knows, in the order they are written. */
  readonly children: readonly Child[]
  /** Variant namespaces the element may also be in (the value then records its own in `namespace`). */
  readonly namespaces?: readonly string[]
  /** How leaves are read (default `strict`: a second occurrence or an unreadable value is an error). */
  readonly leaves?: 'strict' | 'lenient'
  /** Whether `extensions` is on every value or only when there are some (default `optional`). */
  readonly extensions?: 'optional' | 'always'
  /** Whether the element's own attributes are kept in `attributes` (default `true`). */
  readonly attributes?: boolean
  /** The JSON form (default: members named like the value's, unknown members and `null`s kept). */
  readonly json?: Partial<JsonForm>
  /** The members the type guard checks (default: the required leaves and the repeated children). */
  readonly guard?: readonly string[]
}

/**
 * One description of an element, with the defaults syncwire's own elements use: leaves read strictly, unknown
 * children kept in `extensions` and attributes in `attributes`, unknown JSON members and `null`s kept. Everything
 * else is derived from it: {@link describedElement}, {@link describedJson}, `guardOf`, and `arbitraryOf` in
 * `syncwire/testing/arbitraries`.
 *
 * @example
 * ```ts
 * interface Contact { name: string; age?: number }
 * const CONTACT = describeElement<Contact>({
 *   namespace: 'urn:crm',
 *   name: 'contact',
 *   children: [leafChild('name', TextValue, 'required'), leafChild('age', NonNegativeIntegerValue, 'optional')],
 * })
 * ```
 */
export function describeElement<A>(options: DescribeOptions): ElementDescription<A> {
  const guard =
    options.guard ??
    options.children
      .filter((c) => c.kind === 'many' || c.kind === 'list' || (c.kind === 'leaf' && c.occurs === 'required'))
      .map((c) => c.key)
  const d: ElementDescription<A> = {
    namespace: options.namespace,
    name: options.name,
    children: options.children,
    leaves: options.leaves ?? 'strict',
    extensions: options.extensions ?? 'optional',
    attributes: options.attributes ?? true,
    json: { what: `a ${options.name}`, plainAliases: false, keepUnknown: true, ...options.json },
    guard,
  }
  return options.namespaces === undefined ? d : { ...d, namespaces: options.namespaces }
}

/**
 * The dialect of a description that names none: namespaces written with the prefixes given (none: as the default
 * namespace of each element that needs one).
 *
 * @example
 * ```ts
 * const CRM_DIALECT = plainDialect(new Map([['urn:crm', 'crm']]))
 * ```
 */
export function plainDialect(prefixes: ReadonlyMap<string, string | null> = new Map()): Dialect {
  return dialect(prefixes, [])
}

const PLAIN = /*#__PURE__*/ plainDialect()

/**
 * The element codec derived from a description (`t.Type<A, XmlElement, XmlElement>`): the name checked, then the
 * compiled reader (errors with XML paths, as `reportErrors` prints them) and writer. Decoding never throws.
 *
 * @example
 * ```ts
 * const Contact = describedElement('Contact', CONTACT)
 * Contact.decode(parseXmlElement('<contact xmlns="urn:crm"><name>Ann</name></contact>')) // right({ name: 'Ann' })
 * ```
 */
export function describedElement<A>(
  name: string,
  d: ElementDescription<A>,
  written: Dialect = PLAIN,
): t.Type<A, XmlElement, XmlElement> {
  const read = compileReader(d, written, KIT_XML)
  const write = compileWriter(d, written, KIT_XML)
  const spaces = [d.namespace, ...(d.namespaces ?? [])]
  const wanted = `<${d.name}>${d.namespace === null ? ' in no namespace' : ` in namespace ${d.namespace}`}`
  return new t.Type<A, XmlElement, XmlElement>(
    name,
    guardOf(d),
    (el, c) => {
      if (!isElement(el)) return t.failure(el, c, `expected an XML element, found ${typeof el}`)
      if (el.localName !== d.name || !spaces.includes(el.namespace)) {
        const found = `<${el.localName}>${el.namespace === null ? ' in no namespace' : ` in namespace ${el.namespace}`}`
        return t.failure(el, c, `expected element ${wanted}, found ${found}`)
      }
      return guarded(el, c, () => {
        const problems = new Problems(c, written.prefixes)
        const value = read(el, at(undefined, el), problems)
        return problems.errors.length > 0 || value === undefined ? t.failures(problems.errors) : t.success(value)
      })
    },
    write,
  )
}

/**
 * The JSON codec derived from a description: each child a member, kept XML content as `$extensions` and
 * `$attributes`, unknown members and `null`s kept and written back. Decoding never throws; errors carry JSON paths.
 *
 * @example
 * ```ts
 * const ContactJson = describedJson('ContactJson', CONTACT)
 * ContactJson.decode({ name: 'Ann', age: 41 }) // right({ name: 'Ann', age: 41 })
 * ```
 */
export function describedJson<A>(name: string, d: ElementDescription<A>): t.Type<A, Record<string, unknown>, unknown> {
  const read: JsonReader<A> = compileJsonReader(d, kitJsonChildren)
  const write = compileJsonWriter<A>(d, kitJsonChildren)
  return new t.Type<A, Record<string, unknown>, unknown>(
    name,
    guardOf(d),
    (u, c) => run(u, c, (errs: Errs, ctx) => read(errs, u, ctx)),
    write,
  )
}
