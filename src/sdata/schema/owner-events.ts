// The reader of an owner (an Atom entry) in the parser's event mode, derived from its description (./owner.ts): the
// leaves of its leaf groups taken straight from the text, every other child read whole as a small tree by the
// description's child reader. Anything the tree reader would report or read another way gives up, and the parser
// then reads the owner as a tree again, so values, issues and paths stay those of the tree reader.
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
): (codec: MemberCodec, names: Map<string, string>, tight?: boolean) => ElementEvents<State<O>> {
  const parts = d.members.flatMap((m) =>
    m.namespace === undefined || m.read === undefined ? [] : [{ namespace: m.namespace, read: m.read }],
  )
  const readChild = compileChild<O, MemberCodec>(parts)
  const slots = slotsOf(d)
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
        const slot = namespace == null ? undefined : slots.get(namespace)?.get(localName!)
        if (slot === undefined) return TREE
        const o = state.owner as unknown as Record<string, Record<string, unknown> | undefined>
        const holder = slot.into === undefined ? o : o[slot.into]
        // Held already: the tree reader leaves it to the members after the group, or keeps it.
        if (holder?.[slot.key] !== undefined) return TREE
        state.slot = slot
        return LEAF
      },
      leaf(state, text) {
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
        if (!readChild(element, PATH, problems, state.owner, codec)) state.ok = false
      },
      end: (state) => state.ok && problems.errors.length === 0,
      value: (state) => state.owner,
    }
  }
}
