// The parts of an element description the codec kit adds (docs/schema.md): children read by any io-ts element codec
// and matched by expanded names, attributes and text read as members, and unknown content kept in members of the
// kit's naming with its place remembered. kit-xml.ts reads and writes them in XML; in JSON the one JSON compiler
// (json.ts) does, with the members kit-json.ts gives it.
import type * as t from 'io-ts'
import type { XmlElement } from '../../xml/types'
import type { XmlStep } from '../context'
import type { XName } from '../names'
import type { ValueType } from '../values'
import type { Occurs } from './describe'

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
 * out of band, by element identity), `anchored` (`{ after, element }`: the local name of the known sibling each
 * followed), `decoded` (each read by `codec`, written where the member stands among the codec children, `at`).
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
