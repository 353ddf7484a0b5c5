// The reader of an owner (an Atom entry) in the parser's event mode, derived from its description (./owner.ts): the
// leaves of its leaf groups and its described elements of leaves only (the sync state) taken straight from the text,
// every other child read whole as a small tree by the description's child reader. Anything the tree reader would
// report or read another way gives up, and the parser then reads the owner as a tree again, so values, issues and
// paths stay those of the tree reader.
import { childName, type ElementDescription, engineChildren, type LeafChild } from '../../codec/schema/describe'
import { isValueProblem, type ValueType } from '../../codec/values'
import { type ElementEvents, LEAF, SCAN, TREE } from '../../xml/events'
import { forgetLazy, lazyElement } from '../../xml/lazy'
import { compactTree, ownTree } from '../../xml/tree'
import type { XmlElement } from '../../xml/types'
import { SDATA_NS } from '../namespaces'
import { at, Problems } from '../read'
import { compileChild, type Owner } from './children'
import type { MemberCodec, OwnerDescription, OwnerMember } from './owner'
import { emptyOwner } from './owner'

/**
 * A child the event reader takes: a leaf of a leaf group (its member, in the owner or in its `into` sub-object), or
 * a described element of leaves only held once as the member `key` (`leaves` and their local names, in order).
 */
interface Slot {
  readonly key: string
  readonly into?: string | undefined
  readonly type?: ValueType<unknown>
  readonly element?: ElementDescription<unknown>
  readonly leaves?: readonly LeafChild[]
  readonly names?: readonly string[]
}

/**
 * An owner being filled (its value, the leaf being read, whether everything so far was read cleanly), or a
 * described element of it (`held`: the owner's state, and its leaves' values by index).
 */
interface State<O> {
  owner: O
  /**
   * Whether the child read whole next was scanned (SCAN): its resource is lazy, so the tree is not walked. Set in
   * every state made, so that all have one shape (a field added later costs each state a property store of its own).
   */
  scan: boolean
  slot: Slot | undefined
  ok: boolean
  held: State<O> | undefined
  values: unknown[] | undefined
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
 * The children the event reader takes, by namespace and local name, where the member that takes them is the first
 * of its namespace that may (the tree reader asks them in order): a group's leaf, or an element member's element
 * when it has leaves only, in its own namespace (no variants, no kit content). That member's `skip` (`xsi:nil`)
 * judges attributes, and the event mode reads no element with any.
 */
function slotsOf<O>(d: OwnerDescription<O>): Map<string, Map<string, Slot>> {
  const slots = new Map<string, Map<string, Slot>>()
  const members = d.members as readonly OwnerMember<unknown>[]
  members.forEach((m, i) => {
    const ns = m.namespace
    const add = (name: string, slot: Slot): void => {
      if (members.slice(0, i).some((e) => e.namespace === ns && mayTake(e, name))) return
      const byName = slots.get(ns!) ?? new Map<string, Slot>()
      slots.set(ns!, byName)
      byName.set(name, slot)
    }
    const is = m.is
    if (is.kind === 'group')
      for (const l of is.group.leaves) add(l.name, { key: l.key, into: is.group.into, type: l.type })
    const e = is.kind === 'element' ? (is.element as ElementDescription<unknown>) : undefined
    if (e === undefined || e.unknown !== undefined || e.namespaces !== undefined || e.namespace !== ns) return
    const leaves = engineChildren(e)
    if (leaves.every((c) => c.kind === 'leaf'))
      add(e.name, { key: m.keys[0]!, element: e, leaves, names: leaves.map(childName) })
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
): (codec: MemberCodec, names: Map<string, string>, tight?: boolean, lazy?: boolean) => ElementEvents<State<O>> {
  const parts = d.members.flatMap((m) =>
    m.namespace === undefined || m.read === undefined ? [] : [{ namespace: m.namespace, read: m.read }],
  )
  const readChild = compileChild<O, MemberCodec>(parts)
  const slots = slotsOf(d)
  const empty = emptyOwner(d)
  return (codec, names, tight = false, lazy = false) => {
    const problems = new Problems([])
    return {
      namespaces: true,
      start(localName, namespace) {
        if (localName !== d.name || namespace !== d.namespace) return undefined
        problems.errors.length = 0
        return { owner: empty(), scan: false, slot: undefined, ok: true, held: undefined, values: undefined, leaf: 0 }
      },
      child(state, localName, namespace) {
        const held = state.slot?.leaves
        if (held !== undefined) {
          // A leaf of a described element: known, in its namespace, and not read yet; anything else gives up.
          const k = namespace === state.slot!.element!.namespace ? state.slot!.names!.indexOf(localName!) : -1
          if (k < 0 || state.values![k] !== undefined) return undefined
          state.leaf = k
          return LEAF
        }
        const slot = namespace == null ? undefined : slots.get(namespace)?.get(localName!)
        if (slot === undefined) {
          // sdata:payload, its resource built on first access when asked (`lazy`: the text is whole) and no codec needs
          // the tree.
          state.scan = lazy && codec === undefined && localName === 'payload' && namespace === SDATA_NS
          return state.scan ? SCAN : TREE
        }
        const o = state.owner as unknown as Record<string, Record<string, unknown> | undefined>
        const holder = slot.into === undefined ? o : o[slot.into]
        // Held already: the tree reader leaves it to the members after the group, or keeps it.
        if (holder?.[slot.key] !== undefined) return TREE
        if (slot.leaves !== undefined) {
          const values = new Array(slot.leaves.length)
          return { owner: state.owner, scan: false, slot, ok: true, held: state, values, leaf: 0 }
        }
        state.slot = slot
        return LEAF
      },
      leaf(state, text) {
        const slot = state.slot!
        if (slot.leaves !== undefined) {
          const v = slot.leaves[state.leaf]!.type.read(text)
          state.values![state.leaf] = v
          return !isValueProblem(v)
        }
        const v = slot.type!.read(text)
        if (isValueProblem(v)) return false
        const o = state.owner as unknown as Record<string, unknown>
        if (slot.into === undefined) o[slot.key] = v
        else {
          o[slot.into] ??= {}
          ;(o[slot.into] as Record<string, unknown>)[slot.key] = v
        }
        return true
      },
      tree(state, element, named, around) {
        // A tight tree that read no name into a new string holds only names earlier trees hold: compaction would
        // spare no string.
        if (!state.scan && !(tight && named)) compactTree(element, names, tight)
        // The tree is the parser's, built for this decode: the reader may keep it changed in place, and knows the
        // bindings its names were resolved through (a kept subtree is then self-contained without a walk).
        ownTree(element, around)
        try {
          if (!readChild(element, PATH, problems, state.owner, codec)) state.ok = false
        } finally {
          ownTree(undefined)
        }
        forgetLazy()
      },
      end(state) {
        if (state.held === undefined) return state.ok && problems.errors.length === 0
        // The described element's value as the tree reader gives it: members in the description's order, defaults
        // filled in; a required leaf missing gives up.
        const value: Record<string, unknown> = {}
        const leaves = state.slot!.leaves!
        for (let i = 0; i < leaves.length; i++) {
          const c = leaves[i]!
          const v =
            state.values![i] ?? (c.occurs === 'required' || c.occurs === 'optional' ? undefined : c.occurs.default)
          if (v !== undefined) value[c.key] = v
          else if (c.occurs === 'required') state.ok = false
        }
        if (state.slot!.element!.extensions === 'always') value.extensions = []
        ;(state.owner as Record<string, unknown>)[state.slot!.key] = value
        return state.ok
      },
      scanned: lazyElement,
      value: (state) => state.owner,
    }
  }
}
