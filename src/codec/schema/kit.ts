// The parts of an element description the codec kit adds (docs/schema.md): children read by any io-ts element codec
// and matched by expanded names, attributes and text read as members, and unknown content kept in members of the
// kit's naming with its place remembered; and what the kit hands the one XML compiler (xml.ts) to read and write them,
// which kit-xml.ts implements. In JSON the one JSON compiler (json.ts) reads and writes them, with the members
// kit-json.ts gives it.
import type * as t from 'io-ts'
import type { XmlElement, XmlNode } from '../../xml/types'
import type { XmlStep } from '../context'
import type { XName } from '../names'
import type { ValueType } from '../values'
import type { ElementDescription, Occurs } from './describe'
import type { Dialect } from './dialect'
import type { Path, Problems } from './path'
import type { Slot, WritePart } from './xml'

/**
 * A child element matched by any of its expanded `names` (in any namespace) and read by an io-ts element codec: the
 * codec kit's `child()`, `optionalChild()`, `childOr()` and `children()`. The first occurrence is read (every one,
 * when `repeated`); a second occurrence of a single child counts as unknown content.
 *
 * @example
 * ```ts
 * const c = recordDescription({ tick: childOr(qname(SYNC_NS, 'tick', 'sync'), text(NonNegativeInteger), 0) }).children[0] as CodecChild
 * ```
 */
export interface CodecChild {
  readonly kind: 'codec'
  /** The value's member name. */
  readonly key: string
  /** The JSON member name. */
  readonly json: string
  /** The names it is read under; the first is written. */
  readonly names: readonly XName[]
  /** The element codec of its content (its errors get this child's path step). */
  readonly codec: t.Type<any, XmlElement, XmlElement>
  /** Cardinality; `repeated` children form an array member. */
  readonly occurs: Occurs | 'repeated'
  /** The path step of its elements (named by all its names), built once. */
  readonly step: XmlStep
}

/**
 * The anchor of each codec child: what an unknown child kept after it records as the sibling it followed (the
 * `after` of `anchoredUnknownChildren`), and where the writer puts it back. The local name of the child's first name,
 * or `{namespace}localName` when another codec child's first name has the same local name (in another namespace),
 * so that an anchor names one child.
 *
 * @example
 * ```ts
 * const d = recordDescription({ a: child(qname('urn:a', 'x', 'a'), X), b: child(qname('urn:b', 'x', 'b'), X) })
 * anchorNames(d.children as CodecChild[]) // ['{urn:a}x', '{urn:b}x']
 * ```
 */
export function anchorNames(kids: readonly CodecChild[]): string[] {
  const locals = kids.map((k) => k.names[0]!.localName)
  return kids.map((k, i) =>
    locals.indexOf(locals[i]!) === locals.lastIndexOf(locals[i]!)
      ? locals[i]!
      : `{${k.names[0]!.namespace ?? ''}}${locals[i]}`,
  )
}

/**
 * An attribute read as a member, matched by any of its expanded names (the first one present wins; the others stay
 * unknown attributes). Its value type is usually an io-ts string codec adapted by `codecValue`, whose own errors are
 * then reported. `{ default }` attributes are written unless the value is the default.
 *
 * @example
 * ```ts
 * const rel = recordDescription({ rel: attribute(qname(null, 'rel'), t.string) }).attributeChildren![0] as AttributeChild
 * ```
 */
export interface AttributeChild {
  readonly kind: 'attribute'
  /** The value's member name. */
  readonly key: string
  /** The JSON member name. */
  readonly json: string
  /** The names it is read under; the first is written. */
  readonly names: readonly XName[]
  /** The value type of its text. */
  readonly type: ValueType<any>
  /** Cardinality. */
  readonly occurs: Occurs
  /** The path step of the attribute, built once. */
  readonly step: XmlStep
}

/**
 * The element's own text (its text children joined, `""` when none) read as a member; written before any child.
 *
 * @example
 * ```ts
 * const label: TextChild = { kind: 'text', key: 'label', json: 'label', type: TextValue }
 * ```
 */
export interface TextChild {
  readonly kind: 'text'
  /** The value's member name. */
  readonly key: string
  /** The JSON member name. */
  readonly json: string
  /** The value type of the text. */
  readonly type: ValueType<any>
}

/**
 * Unknown content kept as the codec kit keeps it, in members of its own naming, exactly as read (not made
 * self-contained). Children: `drop` (no member keeps them), `weak` (an array of elements, each one's place remembered
 * out of band, by element identity), `anchored` (`{ after, element }`: the anchor of the known sibling each
 * followed, see `anchorNames`), `decoded` (each read by `codec`, written where the member stands among the
 * codec children, `at`).
 * Attributes: every attribute no attribute child claims, namespace declarations included, written back first.
 *
 * @example
 * ```ts
 * const unknown: UnknownContent = { children: { key: 'extensions', keep: 'anchored' }, attributes: 'drop' }
 * ```
 */
export interface UnknownContent {
  readonly children:
    | 'drop'
    | {
        readonly key: string
        readonly keep: 'weak' | 'anchored' | 'decoded'
        readonly codec?: t.Type<any, XmlElement, XmlElement>
        /** How many codec children are written before them (`decoded` only). */
        readonly at?: number
        /** The path step of decoded elements. */
        readonly step?: XmlStep
      }
  readonly attributes: 'drop' | { readonly key: string }
  /** The value's members in the order they are read (and their errors reported): the kit's field order. */
  readonly order?: readonly string[]
}

/**
 * What a description's kit content adds to the reader ({@link KitXml}): its codec children matched by expanded name
 * in any namespace (`lookup` gives their slots, `size` how many there are), whether its text is read, whether
 * unknown children are kept, and `finish`, which reads the members in field order once the pass has collected each
 * codec child's element (or elements), the unknown children with the index of the known sibling each followed (`-1`
 * for none) and the text.
 *
 * @example
 * ```ts
 * const reading: KitReading = KIT_XML.read(recordDescription(fields))
 * ```
 */
export interface KitReading {
  readonly lookup: (namespace: string | null, localName: string) => Slot | undefined
  readonly size: number
  readonly text: boolean
  readonly keeps: boolean
  readonly finish: (
    el: XmlElement,
    found: readonly unknown[],
    others: XmlElement[] | undefined,
    after: readonly number[] | undefined,
    text: string | undefined,
    path: Path | undefined,
    problems: Problems,
  ) => unknown
}

/**
 * What a description's kit content adds to the writer: `begin` writes what comes before the children (the text, the
 * unknown children that came first) and returns the state the `parts` (the codec children in order, each followed by
 * the unknown children kept after it) and `end` (the remaining ones, the attributes, the element) share.
 *
 * @example
 * ```ts
 * const writing: KitWriting = KIT_XML.write(recordDescription(fields), dialect)
 * ```
 */
export interface KitWriting {
  readonly begin: (value: Record<string, unknown>, out: XmlNode[]) => unknown
  readonly parts: readonly WritePart[]
  readonly end: (value: Record<string, unknown>, out: XmlNode[], state: unknown) => XmlElement
}

/**
 * The kit content hooks (kit-xml.ts's `KIT_XML`): the codec kit passes them in (`describedElement`, `record()`), so
 * the protocols' bundles, which never meet kit content, carry none of it, and their compiled readers and writers
 * refuse it.
 *
 * @example
 * ```ts
 * compileReader(recordDescription(fields), dialect, KIT_XML)
 * ```
 */
export interface KitXml {
  readonly read: (d: ElementDescription<unknown>) => KitReading
  readonly write: (d: ElementDescription<unknown>, dialect: Dialect) => KitWriting
}

const DESCRIPTION = Symbol.for('syncwire.codec.description')

/** Marks a kit codec with the description it was built from (for its JSON form and arbitraries); returns it. */
export function withDescription<C extends object>(codec: C, d: unknown): C {
  Object.defineProperty(codec, DESCRIPTION, { value: d })
  return codec
}

/**
 * The element description a kit codec was built from (`record()`), or `undefined` for other codecs.
 *
 * @example
 * ```ts
 * describedOf(record({ name: attribute(qname(null, 'name'), t.string) }))?.attributeChildren?.length // 1
 * ```
 */
export function describedOf<D>(codec: object): D | undefined {
  return (codec as { [DESCRIPTION]?: D })[DESCRIPTION]
}

const TEXT_CODEC = Symbol.for('syncwire.codec.textCodec')
const WRITTEN_NAME = Symbol.for('syncwire.codec.writtenName')

/** Marks a kit text codec (`text(codec)`) with the string codec of its text (for arbitraries); returns it. */
export function withTextCodec<C extends object>(codec: C, inner: t.Type<any, string, any>): C {
  Object.defineProperty(codec, TEXT_CODEC, { value: inner })
  return codec
}

/**
 * The string codec a kit text codec reads its text with (`text(NonNegativeInteger)` → `NonNegativeInteger`), or
 * `undefined` for other codecs.
 *
 * @example
 * ```ts
 * textCodecOf(text(XsBoolean)) === XsBoolean // true
 * ```
 */
export function textCodecOf(codec: object): t.Type<any, string, any> | undefined {
  return (codec as { [TEXT_CODEC]?: t.Type<any, string, any> })[TEXT_CODEC]
}

/** Records on a named description (`element()`'s) the name it is written with, prefix included; returns it. */
export function withWrittenName<D extends object>(d: D, name: XName): D {
  Object.defineProperty(d, WRITTEN_NAME, { value: name })
  return d
}

/** The name `element()` writes a described element with (its prefix included), or `undefined`. */
export function writtenNameOf(d: object): XName | undefined {
  return (d as { [WRITTEN_NAME]?: XName })[WRITTEN_NAME]
}
