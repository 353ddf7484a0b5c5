// Leaf groups: text children of a feed or an entry in one namespace, described once (docs/schema.md) and read,
// written (as a tree and as text), mapped to JSON and generated from that description. The Atom `id`, `title` and
// `updated`, the OpenSearch figures and the `http:*` result elements are leaf groups. The JSON side is compiled apart
// (compileGroupJson), so code that only reads and writes XML leaves it out.
import * as t from 'io-ts'
import { type Ctx, type Errs, fail, type JsonRecord, at as jsonAt, member } from '../../codec/json/read'
import { isValueProblem, type ValueType } from '../../codec/values'
import type { XmlElement, XmlNode } from '../../xml/types'
import { at, type Path, type Problems, readValue } from '../read'
import { qname, type TextWriter } from '../text-writer'
import { hasElementChildren, isDeclaration, leaf } from '../tree'

/**
 * One leaf of a group: the member `key` of the value, read from the element `name` and written as the JSON member
 * `json`, its text read and written by `type`.
 *
 * @example
 * ```ts
 * const status: GroupLeaf = { key: 'status', name: 'httpStatus', json: '$httpStatus', type: IntegerValue }
 * ```
 */
export interface GroupLeaf {
  /** The member name in the value. */
  readonly key: string
  /** The element's local name, in the group's namespace. */
  readonly name: string
  /** The JSON member name, on the owner. */
  readonly json: string
  /** The value type of its text. */
  readonly type: ValueType<any>
}

/**
 * A group of leaf children of a feed or an entry, all in one namespace, each held at most once. A leaf is read when
 * it is plain text (no attributes but namespace declarations, no child elements) and the first of its name; any
 * other such child is left to the owner, which keeps it as an extension. A plain leaf whose text its value type
 * cannot read is an error. The members sit on the owner, or in a sub-object of it named `into` (set only when one
 * of them is there); in JSON they are members of the owner either way.
 *
 * @example
 * ```ts
 * const HTTP: LeafGroup = { namespace: HTTP_NS, into: 'http', leaves: [groupLeaf('status', IntegerValue, 'httpStatus')] }
 * ```
 */
export interface LeafGroup {
  /** The namespace of every leaf. */
  readonly namespace: string
  /** The owner's member holding the group's values, or none: they are the owner's own members. */
  readonly into?: string
  /** The leaves, in the order they are written. */
  readonly leaves: readonly GroupLeaf[]
}

/**
 * A leaf of a group; the element is named like the member and the JSON member is `$` and the element's name unless
 * said otherwise.
 *
 * @example
 * ```ts
 * groupLeaf('status', IntegerValue, 'httpStatus') // <http:httpStatus>, $httpStatus
 * ```
 */
export function groupLeaf(key: string, type: ValueType<any>, name: string = key, json = `$${name}`): GroupLeaf {
  return { key, name, json, type }
}

/** What reading a child into a group did: took it, found it broken (an error recorded), or left it to the owner. */
export type GroupRead = 'taken' | 'failed' | undefined

/** The derived functions of a group, built once per group. */
export interface CompiledGroup {
  /** The namespace of its leaves. */
  readonly namespace: string
  /** Reads a child of the owner into it when it is one of the group's leaves (see {@link LeafGroup}). */
  readonly read: (c: XmlElement, path: Path, problems: Problems, owner: object) => GroupRead
  /** Pushes the group's leaves the owner holds, in order, as element trees. */
  readonly write: (owner: object, out: XmlNode[]) => void
  /** Writes the group's leaves the owner holds as text, names resolved ahead. */
  readonly text: (t: TextWriter, owner: object) => void
  /** Whether the owner holds any of the group's leaves. */
  readonly any: (owner: object) => boolean
}

/** The JSON side of a group, built once per group: its leaves are members of the owner. */
export interface GroupJson {
  /** Reads the group's JSON members of `o` into the owner; errors recorded with their JSON path. */
  readonly readJson: (errs: Errs, o: JsonRecord, c: Ctx, owner: object) => void
  /** Sets the JSON members of the leaves the owner holds on `out`, in order. */
  readonly writeJson: (owner: object, out: Record<string, unknown>) => void
  /** The JSON member names of the group. */
  readonly jsonKeys: readonly string[]
}

const compiled = new WeakMap<LeafGroup, CompiledGroup>()
const compiledJson = new WeakMap<LeafGroup, GroupJson>()

/** The record holding a group's values: the owner, or its `into` sub-object (when there is one). */
function holderOf(g: LeafGroup, owner: object): Record<string, unknown> | undefined {
  return (g.into === undefined ? owner : (owner as Record<string, unknown>)[g.into]) as
    | Record<string, unknown>
    | undefined
}

/** Whether an element has no attributes but namespace declarations and no child elements: plain text. */
export function isPlainText(el: XmlElement): boolean {
  for (const a of el.attributes) if (!isDeclaration(a)) return false
  return !hasElementChildren(el)
}

/**
 * The functions derived from a group, compiled on first use and cached.
 *
 * @example
 * ```ts
 * compileGroup(HTTP_RESULT).read(c, path, problems, entry) // 'taken' | 'failed' | undefined
 * ```
 */
export function compileGroup(g: LeafGroup): CompiledGroup {
  const cached = compiled.get(g)
  if (cached !== undefined) return cached
  const byName = new Map(g.leaves.map((l) => [l.name, l]))
  const into = g.into
  const ns = g.namespace
  const names = g.leaves.map((l) => qname(ns, l.name))
  const group: CompiledGroup = {
    namespace: ns,
    read(c, path, problems, owner) {
      const l = c.namespace === ns ? byName.get(c.localName) : undefined
      if (l === undefined || !isPlainText(c) || holderOf(g, owner)?.[l.key] !== undefined) return undefined
      const v = readValue(c, at(path, c), problems, l.type)
      if (v === undefined) return 'failed'
      const o = owner as Record<string, unknown>
      if (into === undefined) o[l.key] = v
      else {
        o[into] ??= {}
        ;(o[into] as Record<string, unknown>)[l.key] = v
      }
      return 'taken'
    },
    write(owner, out) {
      const h = holderOf(g, owner)
      if (h === undefined) return
      for (const l of g.leaves) {
        const v = h[l.key]
        if (v !== undefined) out.push(leaf(ns, l.name, l.type.write(v)))
      }
    },
    text(t, owner) {
      const h = holderOf(g, owner)
      if (h === undefined) return
      for (let i = 0; i < names.length; i++) {
        const l = g.leaves[i]!
        const v = h[l.key]
        if (v !== undefined) t.leaf(names[i]!, l.type.write(v))
      }
    },
    any(owner) {
      const h = holderOf(g, owner)
      return h !== undefined && g.leaves.some((l) => h[l.key] !== undefined)
    },
  }
  compiled.set(g, group)
  return group
}

/**
 * The JSON side of a group, compiled on first use and cached: each leaf is the member `json` of the owner, its value
 * read and written by the leaf's value type.
 *
 * @example
 * ```ts
 * compileGroupJson(HTTP_RESULT).writeJson({ http: { status: 200 } }, out) // out.$httpStatus = 200
 * ```
 */
export function compileGroupJson(g: LeafGroup): GroupJson {
  const cached = compiledJson.get(g)
  if (cached !== undefined) return cached
  const into = g.into
  const json: GroupJson = {
    readJson(errs, o, c, owner) {
      let out: Record<string, unknown> | undefined
      for (const l of g.leaves) {
        const v = member(o, l.json)
        if (v === undefined) continue
        const r = l.type.readJson(v)
        if (isValueProblem(r)) {
          const type = l.type.jsType === 'number' ? t.number : t.string
          fail(errs, v, jsonAt(c, l.json, type, v), `${l.json} ${r.problem}`)
          continue
        }
        out ??= into === undefined ? (owner as Record<string, unknown>) : {}
        out[l.key] = r
      }
      if (into !== undefined && out !== undefined) (owner as Record<string, unknown>)[into] = out
    },
    writeJson(owner, out) {
      const h = holderOf(g, owner)
      if (h === undefined) return
      for (const l of g.leaves) {
        const v = h[l.key]
        if (v !== undefined) out[l.json] = l.type.writeJson(v)
      }
    },
    jsonKeys: g.leaves.map((l) => l.json),
  }
  compiledJson.set(g, json)
  return json
}
