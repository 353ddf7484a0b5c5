// The reader of an owner (an Atom entry) in the parser's event mode, derived from its description (./owner.ts): the
// leaves of its leaf groups and the described elements made of leaves only (the sync state) taken straight from the
// text, every other child read whole as a small tree by the description's child reader. Anything the tree reader would report or read another way gives up, and the parser
// then reads the owner as a tree again, so values, issues and paths stay those of the tree reader.
import { childName, type ElementDescription, engineChildren, type LeafChild } from '../../codec/schema/describe'
import { isValueProblem, type ValueType } from '../../codec/values'
import { type ElementEvents, LEAF, TREE } from '../../xml/events'
import { compactTree } from '../../xml/tree'
import type { XmlElement } from '../../xml/types'
import { at, Problems } from '../read'
import { compileChild, type Owner } from './children'
import type { MemberCodec, OwnerDescription, OwnerMember } from './owner'
import { emptyOwner } from './owner'

/** A leaf of a leaf group the event reader takes: its member, in the owner or in its `into` sub-object. */
interface Slot {
  readonly key: string
  readonly into: string | undefined
  readonly type: ValueType<unknown>
}

/** An owner being filled: its value, the leaf being read, and whether everything read so far was read cleanly. */
interface State<O> {
  owner: O
  slot: Slot | undefined
  ok: boolean
  /** Set in the state of a described element being read (see {@link Element}). */
  element?: undefined
}

/** A described element of leaves held once as the owner's member `key`: its leaves by local name, in order. */
interface Element {
  readonly key: string
  readonly d: ElementDescription<unknown>
  readonly leaves: readonly LeafChild[]
  readonly byName: ReadonlyMap<string, number>
}

/** A described element being filled: its leaves' values by index, and the leaf being read. */
interface Held<O> {
  readonly element: Element
  readonly parent: State<O>
  readonly values: unknown[]
  leaf: number
}

/** Whether a member may take a child of its namespace named `localName` (what it is tells; unknown kinds may). */
function mayTake(m: OwnerMember<unknown>, localName: string): boolean {
  const is = m.is
  if (is.kind === 'group') return is.group.leaves.some((l) => l.name === localName)
  if (is.kind === 'links' || is.kind === 'element') return is.element.name === localName
  if (is.kind === 'entries') return is.entry.name === localName
  return true
}

/**
 * The leaves the event reader takes, by namespace and local name: a group's leaf when the group is the first member
 * of its namespace that may take a child of that name (the tree reader asks them in order).
 */
function slotsOf<O>(d: OwnerDescription<O>): Map<string, Map<string, Slot>> {
  const slots = new Map<string, Map<string, Slot>>()
  const members = d.members as readonly OwnerMember<unknown>[]
  members.forEach((m, i) => {
    if (m.is.kind !== 'group' || m.namespace === undefined) return
    const { group } = m.is
    for (const l of group.leaves) {
      if (members.slice(0, i).some((e) => e.namespace === m.namespace && mayTake(e, l.name))) continue
      const byName = slots.get(group.namespace) ?? new Map<string, Slot>()
      slots.set(group.namespace, byName)
      byName.set(l.name, { key: l.key, into: group.into, type: l.type })
    }
  })
  return slots
}

/**
 * The described elements the event reader takes, by namespace and local name: an element member whose element has
 * leaves only, in no other namespace, kept whole by no kit content, when no member before it of its namespace may
 * take a child of that name. Its `skip` (`xsi:nil`) judges attributes, and the event mode reads no element with any.
 */
function elementsOf<O>(d: OwnerDescription<O>): Map<string, Map<string, Element>> {
  const out = new Map<string, Map<string, Element>>()
  const members = d.members as readonly OwnerMember<unknown>[]
  members.forEach((m, i) => {
    if (m.is.kind !== 'element' || m.namespace === undefined) return
    const e = m.is.element as ElementDescription<unknown>
    if (e.unknown !== undefined || e.namespaces !== undefined || e.namespace !== m.namespace) return
    const leaves = engineChildren(e)
    if (!leaves.every((c) => c.kind === 'leaf')) return
    if (members.slice(0, i).some((p) => p.namespace === m.namespace && mayTake(p, e.name))) return
    const byName = out.get(m.namespace) ?? new Map<string, Element>()
    out.set(m.namespace, byName)
    const names = new Map(leaves.map((c, k) => [childName(c), k]))
    byName.set(e.name, { key: m.is.key, d: e, leaves: leaves as readonly LeafChild[], byName: names })
  })
  return out
}

/**
 * The value of a described element whose leaves were read cleanly, as the tree reader gives it (members in the
 * description's order, defaults filled in); `undefined` (give up) when a required leaf is missing.
 */
function heldValue(e: Element, values: readonly unknown[]): Record<string, unknown> | undefined {
  const value: Record<string, unknown> = {}
  for (let i = 0; i < e.leaves.length; i++) {
    const c = e.leaves[i]!
    const v = values[i]
    if (v !== undefined) value[c.key] = v
    else if (c.occurs === 'required') return undefined
    else if (c.occurs !== 'optional') value[c.key] = c.occurs.default
  }
  if (e.d.extensions === 'always') value.extensions = []
  return value
}

// The reader's path and errors are never shown: any error gives up, and the tree reader reports it.
const STAND_IN: XmlElement = {
  type: 'element',
  namespace: null,
  localName: '',
  prefix: null,
  attributes: [],
  children: [],
}
const PATH = at(undefined, STAND_IN)

/**
 * The event reader of an owner element, built once per description: `events(codec, names, tight)` reads owners
 * (their kept trees compacted with one string per name in `names`, see `compactTree`; with `tight`, the parser
 * builds their arrays compact) with the payload codec `codec`.
 *
 * @example
 * ```ts
 * const events = compileOwnerEvents(ENTRY)(undefined, new Map()) // for parsePiece(…, events)
 * ```
 */
export function compileOwnerEvents<O extends Owner>(
  d: OwnerDescription<O>,
): (codec: MemberCodec, names: Map<string, string>, tight?: boolean) => ElementEvents<State<O> | Held<O>> {
  const parts = d.members.flatMap((m) =>
    m.namespace === undefined || m.read === undefined ? [] : [{ namespace: m.namespace, read: m.read }],
  )
  const readChild = compileChild<O, MemberCodec>(parts)
  const slots = slotsOf(d)
  const elements = elementsOf(d)
  const empty = emptyOwner(d)
  return (codec, names, tight = false) => {
    const problems = new Problems([])
    return {
      namespaces: true,
      start(localName, namespace) {
        if (localName !== d.name || namespace !== d.namespace) return undefined
        problems.errors.length = 0
        return { owner: empty(), slot: undefined, ok: true }
      },
      child(state, localName, namespace) {
        if (state.element !== undefined) {
          // A leaf of a described element: known, in its namespace, and not read yet; anything else gives up.
          const e = state.element
          const k = namespace === e.d.namespace ? e.byName.get(localName!) : undefined
          if (k === undefined || state.values[k] !== undefined) return undefined
          state.leaf = k
          return LEAF
        }
        const slot = namespace == null ? undefined : slots.get(namespace)?.get(localName!)
        if (slot === undefined) {
          const e = namespace == null ? undefined : elements.get(namespace)?.get(localName!)
          if (e === undefined || (state.owner as Record<string, unknown>)[e.key] !== undefined) return TREE
          return { element: e, parent: state, values: new Array(e.leaves.length), leaf: -1 }
        }
        const o = state.owner as unknown as Record<string, Record<string, unknown> | undefined>
        const holder = slot.into === undefined ? o : o[slot.into]
        // Held already: the tree reader leaves it to the members after the group, or keeps it.
        if (holder?.[slot.key] !== undefined) return TREE
        state.slot = slot
        return LEAF
      },
      leaf(state, text) {
        if (state.element !== undefined) {
          const v = state.element.leaves[state.leaf]!.type.read(text)
          state.values[state.leaf] = v
          return !isValueProblem(v)
        }
        const slot = state.slot!
        const v = slot.type.read(text)
        if (isValueProblem(v)) return false
        const o = state.owner as unknown as Record<string, unknown>
        if (slot.into === undefined) o[slot.key] = v
        else {
          o[slot.into] ??= {}
          ;(o[slot.into] as Record<string, unknown>)[slot.key] = v
        }
        return true
      },
      tree(state, element) {
        compactTree(element, names, tight)
        const s = state as State<O>
        if (!readChild(element, PATH, problems, s.owner, codec)) s.ok = false
      },
      end(state) {
        if (state.element === undefined) return state.ok && problems.errors.length === 0
        const v = heldValue(state.element, state.values)
        if (v !== undefined) (state.parent.owner as Record<string, unknown>)[state.element.key] = v
        return v !== undefined
      },
      value: (state) => (state as State<O>).owner,
    }
  }
}
