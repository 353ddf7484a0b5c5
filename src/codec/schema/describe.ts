// Declarative, namespace-aware element descriptions: an element's name, its leaf and repeated children in written
// order with their cardinality and value types, and what becomes of unknown content. Readers, writers, the JSON
// mapping, guards and arbitraries are all derived from one description (docs/schema.md).
import type { ValueType } from '../values'
import type { AttributeChild, CodecChild, TextChild, UnknownContent } from './kit'

/**
 * How often a leaf child occurs: `required` (missing is an error), `optional` (missing leaves the member absent) or
 * `{ default }` (missing reads as the default; the member is always present in a value and always written).
 *
 * @example
 * ```ts
 * const tick: Occurs = { default: 0 }
 * ```
 */
export type Occurs = 'required' | 'optional' | { readonly default: unknown }

/**
 * A child element holding one value as text.
 *
 * @example
 * ```ts
 * const tick: LeafChild = leafChild('tick', NonNegativeIntegerValue, { default: 0 })
 * ```
 */
export interface LeafChild {
  readonly kind: 'leaf'
  /** The value's member name (also the XML local name, in the element's namespace, unless `name` says otherwise). */
  readonly key: string
  /** The XML local name, when it is not the member name (`ResourceID` for `resourceId`). */
  readonly name?: string
  /** The JSON member name. */
  readonly json: string
  /** The value type its text is read and written by. */
  readonly type: ValueType<any>
  /** Cardinality. */
  readonly occurs: Occurs
  /** Whether `xsi:nil="true"` (XML) or `null` (JSON) reads as the value `null`. */
  readonly nillable: boolean
}

/**
 * A repeated child element described by its own element description; its values form an array member.
 *
 * @example
 * ```ts
 * const entries: ManyChild = manyChild('entries', DIGEST_ENTRY, 'digestEntry')
 * ```
 */
export interface ManyChild {
  readonly kind: 'many'
  /** The value's member name (an array). */
  readonly key: string
  /** The JSON member name (an array). */
  readonly json: string
  /** The description of each item; its name is the child's XML name. */
  readonly element: ElementDescription<any>
}

/**
 * An optional child element described by its own element description, held once; its value is an object member.
 *
 * @example
 * ```ts
 * const identity: OneChild = oneChild('modifierIdentity', MODIFIER_IDENTITY)
 * ```
 */
export interface OneChild {
  readonly kind: 'one'
  /** The value's member name. */
  readonly key: string
  /** The JSON member name. */
  readonly json: string
  /** The child's description; its name is the child's XML name. */
  readonly element: ElementDescription<any>
}

/**
 * A wrapper child element holding a list of elements (`<Items>` holding folders and documents): the list is an array
 * member. Each item is read by the description its name matches; when there are several, the value records which
 * in a `kind` member (the description's name). Other elements are kept (`others: 'keep'`, as `{ kind: 'Unknown',
 * element }`) or are an error (`refuse`).
 *
 * @example
 * ```ts
 * const streams: ListChild = listChild('documentStreams', 'DocumentStreams', () => [DOCUMENT_STREAM], 'refuse')
 * ```
 */
export interface ListChild {
  readonly kind: 'list'
  /** The value's member name (an array). */
  readonly key: string
  /** The JSON member name (an array). */
  readonly json: string
  /** The wrapper element's local name. */
  readonly name: string
  /** The descriptions of the items, matched by name. */
  readonly items: readonly ElementDescription<any>[]
  /** What becomes of an item no description names. */
  readonly others: 'keep' | 'refuse'
}

/**
 * One child of a description.
 *
 * @example
 * ```ts
 * const children: readonly Child[] = [leafChild('origin', TextValue, 'optional')]
 * ```
 */
export type Child = LeafChild | ManyChild | OneChild | ListChild | CodecChild

/**
 * How a JSON object is read and written: what it is called in errors, and whether members may also be written
 * without their `$` (the .NET client writes diagnoses so).
 *
 * @example
 * ```ts
 * const json: JsonForm = { what: 'a digest', plainAliases: false }
 * ```
 */
export interface JsonForm {
  /** The object's name in an error (`a digest must be a JSON object`). */
  readonly what: string
  /** Whether a member named `$x` may also be read as `x` (the `$` form wins). */
  readonly plainAliases: boolean
  /**
   * Whether members the description does not know, and `null`s, are kept in `jsonMembers` (SData 2.0 lets any member
   * be `null`). When false, a `null` is an error and unknown members are not read.
   */
  readonly keepUnknown: boolean
  /** The member the object is wrapped in (`$tracking`); the bare object is read too. */
  readonly wrapper?: string
}

/**
 * The one description of an element.
 *
 * @example
 * ```ts
 * const SYNC_STATE = describeElement({ namespace: SYNC_NS, name: 'syncState', children: [...], ... })
 * ```
 */
export interface ElementDescription<A> {
  /** The element's namespace (its children are in the same one); `null` for none (FILESYNC's elements). */
  readonly namespace: string | null
  /** The element's local name. */
  readonly name: string
  /**
   * More namespaces the element and its children may be in (a real-world variant). The value then records the
   * element's own in a `namespace` member, and is written in it as the default namespace, with its children; in JSON
   * it is a `$namespace` member, written only when it is not {@link namespace}.
   */
  readonly namespaces?: readonly string[]
  /** The children the model knows, in the order they are written. */
  readonly children: readonly Child[]
  /**
   * The local names of the children a write request writes first (FILESYNC's request bodies), the others following
   * in {@link children} order; absent when requests and responses are written alike.
   */
  readonly requestFirst?: readonly string[]
  /**
   * `strict`: a known leaf holding elements, a second occurrence or an unreadable value is an error. `lenient`: the
   * child is kept in `extensions` instead, whatever it holds (a leaf carrying attributes too), and reading never fails.
   */
  readonly leaves: 'strict' | 'lenient'
  /**
   * Unknown child elements are always kept, made self-contained, in `extensions`: `optional` sets the member only when
   * there are some, `always` sets it (an array) on every value.
   */
  readonly extensions: 'optional' | 'always'
  /** Whether the element's own attributes (other than namespace declarations) are kept in `attributes`. */
  readonly attributes: boolean
  /** The JSON form. */
  readonly json: JsonForm
  /** The members the type guard (`is`) checks: a shallow check, cheap enough to run on every value. */
  readonly guard: readonly string[]
  /** Attributes read as members (the codec kit's `attribute()`). */
  readonly attributeChildren?: readonly AttributeChild[]
  /** The element's text read as a member (the codec kit's `textContent()`). */
  readonly text?: TextChild
  /** Unknown content kept as the codec kit keeps it; when set, it replaces {@link extensions} and {@link attributes}. */
  readonly unknown?: UnknownContent
  /** The value type, for type inference only. */
  readonly _A?: A
}

/**
 * A leaf child; the JSON member is named like the member unless `json` says otherwise.
 *
 * @example
 * ```ts
 * leafChild('severity', TextValue, 'optional', { json: '$severity' })
 * ```
 */
export function leafChild(
  key: string,
  type: ValueType<any>,
  occurs: Occurs,
  options: { json?: string; nillable?: boolean; name?: string } = {},
): LeafChild {
  const child: LeafChild = {
    kind: 'leaf',
    key,
    json: options.json ?? key,
    type,
    occurs,
    nillable: options.nillable ?? false,
  }
  return options.name === undefined ? child : { ...child, name: options.name }
}

/**
 * The XML local name of a child: a leaf's `name` or member name, a nested element's name, a list's wrapper name.
 *
 * @example
 * ```ts
 * childName(leafChild('resourceId', TextValue, 'optional', { name: 'ResourceID' })) // 'ResourceID'
 * ```
 */
export function childName(c: Child): string {
  if (c.kind === 'leaf') return c.name ?? c.key
  if (c.kind === 'codec') return c.names[0]!.localName
  return c.kind === 'list' ? c.name : c.element.name
}

/**
 * The children of a description the engine's XML reader and writer compile when not given the kit's hooks, and its
 * JSON compiler when not given the kit's members: all but codec children, which only kit content (`record()`) holds. Kit content is read and written by the
 * same compilers, in XML with the hooks `kit-xml.ts` gives (`describedElement` and `record()` pass them in) and in JSON
 * with the members `kit-json.ts` gives (`describedJson` passes them in). A description mixing the two is a programming
 * error, refused.
 *
 * @example
 * ```ts
 * engineChildren(SYNC_STATE) // SYNC_STATE.children
 * ```
 */
export function engineChildren(d: ElementDescription<unknown>): readonly Exclude<Child, CodecChild>[] {
  for (const c of d.children) {
    if (c.kind === 'codec' || d.unknown !== undefined) {
      throw new Error(`<${d.name}>: kit content (record()) is compiled by describedElement and describedJson`)
    }
  }
  return d.children as readonly Exclude<Child, CodecChild>[]
}

/**
 * A repeated child.
 *
 * @example
 * ```ts
 * manyChild('entries', DIGEST_ENTRY, 'digestEntry')
 * ```
 */
export function manyChild(key: string, element: ElementDescription<any>, json: string = key): ManyChild {
  return { kind: 'many', key, json, element }
}

/**
 * A nested child held once.
 *
 * @example
 * ```ts
 * oneChild('customIdentity', CUSTOM_IDENTITY)
 * ```
 */
export function oneChild(key: string, element: ElementDescription<any>, json: string = key): OneChild {
  return { kind: 'one', key, json, element }
}

/**
 * A wrapper child holding a list of described elements.
 *
 * @example
 * ```ts
 * listChild('items', 'Items', () => [FOLDER, DOCUMENT], 'keep')
 * ```
 */
export function listChild(
  key: string,
  name: string,
  items: () => readonly ElementDescription<any>[],
  others: 'keep' | 'refuse',
  json: string = key,
): ListChild {
  // A thunk, so an element's list may hold the element itself (a folder's items hold folders).
  let known: readonly ElementDescription<any>[] | undefined
  return {
    kind: 'list',
    key,
    json,
    name,
    others,
    get items() {
      known ??= items()
      return known
    },
  }
}

/**
 * The members of a value that are arrays in every value (repeated children, and `extensions` when `always`).
 *
 * @example
 * ```ts
 * arrayMembers(DIGEST) // ['entries']
 * ```
 */
export function arrayMembers(d: ElementDescription<unknown>): string[] {
  const out = d.children
    .filter((c) => c.kind === 'many' || c.kind === 'list' || (c.kind === 'codec' && c.occurs === 'repeated'))
    .map((c) => c.key)
  if (d.extensions === 'always') out.push('extensions')
  return out
}

/**
 * The type guard derived from a description: an object whose members named in `guard` have the JavaScript type
 * their child says (arrays for repeated children and `extensions`, `string` for `namespace`).
 *
 * @example
 * ```ts
 * guardOf(SYNC_STATE)({ endpoint: 'http://e/a', tick: 0 }) // true
 * ```
 */
export function guardOf<A>(d: ElementDescription<A>): (u: unknown) => u is A {
  const checks: Array<(v: unknown) => boolean> = []
  const keys: string[] = []
  for (const key of d.guard) {
    const child = d.children.find((c) => c.key === key)
    keys.push(key)
    if (child === undefined || child.kind === 'many' || child.kind === 'list') {
      checks.push(key === 'namespace' ? (v) => typeof v === 'string' : Array.isArray)
    } else if (child.kind === 'codec') {
      checks.push(child.occurs === 'repeated' ? Array.isArray : child.codec.is)
    } else if (child.kind === 'one') {
      checks.push((v) => typeof v === 'object' && v !== null)
    } else {
      const jsType = child.type.jsType
      checks.push((v) => typeof v === jsType)
    }
  }
  return (u: unknown): u is A => {
    if (typeof u !== 'object' || u === null) return false
    for (let i = 0; i < keys.length; i++) if (!checks[i]!((u as Record<string, unknown>)[keys[i]!])) return false
    return true
  }
}
