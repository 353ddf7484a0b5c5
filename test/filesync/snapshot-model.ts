// A plain model of a library tree for the snapshot tests: random trees, random change sets, rendering as
// nested or flat FILESYNC listings, and the diff the change set must produce.

import fc from 'fast-check'
import type { FolderItem, Item } from '../../src/filesync/index'

export interface Node {
  id: string
  kind: 'Folder' | 'Document'
  parent: string | undefined
  name: string
  eTag: string
  dateModified?: string
}

export type Tree = Map<string, Node>

export const ROOT = 'f0ce10dfa5334200b28631f7d2066eab'

export function hexId(n: number, salt = 0): string {
  return ((n * 2654435761 + salt * 97) >>> 0).toString(16).padStart(8, '0').repeat(4)
}

export interface TreeSeed {
  parents: number[]
  folders: boolean[]
}

export const treeSeed: fc.Arbitrary<TreeSeed> = fc.record({
  parents: fc.array(fc.nat(), { maxLength: 40 }),
  folders: fc.array(fc.boolean(), { maxLength: 40 }),
})

export function buildTree(seed: TreeSeed): Tree {
  const tree: Tree = new Map()
  tree.set(ROOT, { id: ROOT, kind: 'Folder', parent: undefined, name: 'RootFolder', eTag: ROOT })
  const folders = [ROOT]
  seed.parents.forEach((p, i) => {
    const id = hexId(i + 1)
    const kind = (seed.folders[i] ?? false) ? 'Folder' : 'Document'
    tree.set(id, { id, kind, parent: folders[p % folders.length], name: `n${i}`, eTag: `"{${id}},1"` })
    if (kind === 'Folder') folders.push(id)
  })
  return tree
}

export interface ChangeSeed {
  ops: Array<{ remove: boolean; modify: boolean; rename: boolean; move: number | null; date: number | null }>
  adds: Array<{ parent: number; folder: boolean; name: number }>
}

export const changeSeed: fc.Arbitrary<ChangeSeed> = fc.record({
  ops: fc.array(
    fc.record({
      remove: fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
      modify: fc.boolean(),
      rename: fc.boolean(),
      move: fc.option(fc.nat(), { freq: 3 }),
      date: fc.option(fc.integer({ min: 0, max: 2 })),
    }),
    { maxLength: 40 },
  ),
  adds: fc.array(fc.record({ parent: fc.nat(), folder: fc.boolean(), name: fc.integer({ min: 0, max: 2 }) }), {
    maxLength: 6,
  }),
})

export interface Expected {
  added: Set<string>
  removed: Set<string>
  modified: Set<string>
  renamed: Set<string>
  moved: Set<string>
  /** Moved items that were renamed as well. */
  movedRenamed: Set<string>
}

function isUnder(tree: Tree, id: string, ancestor: string): boolean {
  const seen = new Set<string>()
  for (let at: string | undefined = id; at !== undefined && !seen.has(at); at = tree.get(at)?.parent) {
    if (at === ancestor) return true
    seen.add(at)
  }
  return false
}

/** Applies a change set (edits, then removals of whole subtrees, then creations) and says what changed. */
export function applyChanges(tree: Tree, seed: ChangeSeed, side: number): { tree: Tree; expected: Expected } {
  const next: Tree = new Map([...tree].map(([k, v]) => [k, { ...v }]))
  const expected: Expected = {
    added: new Set(),
    removed: new Set(),
    modified: new Set(),
    renamed: new Set(),
    moved: new Set(),
    movedRenamed: new Set(),
  }
  const ids = [...tree.keys()].filter((k) => k !== ROOT)
  const removals: string[] = []
  ids.forEach((id, i) => {
    const op = seed.ops[i]
    if (op === undefined) return
    const node = next.get(id)!
    if (op.modify) {
      node.eTag = `"{${id}},${2 + side}"`
      expected.modified.add(id)
    }
    if (op.date !== null) node.dateModified = `2025-11-07T22:06:3${op.date}.0000000Z`
    if (op.rename) {
      node.name = `${node.name}-s${side}`
      expected.renamed.add(id)
    }
    if (op.move !== null) {
      const targets = [...next.values()].filter(
        (n) => n.kind === 'Folder' && n.id !== node.parent && !isUnder(next, n.id, id),
      )
      const target = targets[op.move % Math.max(1, targets.length)]
      if (target !== undefined) {
        node.parent = target.id
        expected.moved.add(id)
      }
    }
    if (op.remove) removals.push(id)
  })
  for (const id of removals) {
    for (const n of [...next.values()]) {
      if (isUnder(next, n.id, id)) expected.removed.add(n.id)
    }
  }
  for (const id of expected.removed) next.delete(id)
  const folders = [...next.values()].filter((n) => n.kind === 'Folder').map((n) => n.id)
  seed.adds.forEach((add, i) => {
    const id = hexId(1000 + i, side + 1)
    next.set(id, {
      id,
      kind: add.folder ? 'Folder' : 'Document',
      parent: folders[add.parent % folders.length],
      name: `new${add.name}`,
      eTag: `"{${id}},1"`,
    })
    expected.added.add(id)
  })
  for (const set of [expected.modified, expected.renamed, expected.moved]) {
    for (const id of expected.removed) set.delete(id)
  }
  for (const id of expected.moved) {
    if (expected.renamed.delete(id)) expected.movedRenamed.add(id)
  }
  return { tree: next, expected }
}

export interface RenderOptions {
  /** Flat: every item directly under the root's Items with its ParentResourceID. Nested: Folder/Items/… */
  flat: boolean
  /** Upper-case every n-th ResourceID (ResourceIDs compare case-insensitively). */
  upperEvery?: number
  /** In nested listings, leave ParentResourceID out (the enclosing folder says it). */
  omitParents?: boolean
}

function toItem(node: Node, options: RenderOptions, n: number): FolderItem | Item {
  const upper = options.upperEvery !== undefined && n % options.upperEvery === 0
  const item: FolderItem | Item = {
    kind: node.kind,
    resourceId: upper ? node.id.toUpperCase() : node.id,
    eTag: node.eTag,
    relationshipName: node.name,
    ...(node.dateModified === undefined ? {} : { dateModified: node.dateModified }),
  } as Item
  if (node.parent !== undefined && (options.flat || !options.omitParents)) {
    ;(item as FolderItem).parentResourceId = upper ? node.parent.toUpperCase() : node.parent
  }
  return item
}

/** Renders a tree as a `Folder` document, without recursion. */
export function render(tree: Tree, options: RenderOptions): { root: 'Folder'; folder: FolderItem } {
  const root = toItem(tree.get(ROOT)!, options, 1) as FolderItem
  root.items = []
  const made = new Map<string, FolderItem>([[ROOT, root]])
  let n = 1
  const order = [...tree.values()].filter((x) => x.id !== ROOT)
  if (options.flat) {
    for (const node of order) root.items.push(toItem(node, options, ++n) as Item)
    return { root: 'Folder', folder: root }
  }
  // Nested: attach each node under its parent; parents may come later in `order`, so link in a second pass.
  const items = new Map<string, Item>()
  for (const node of order) {
    const item = toItem(node, options, ++n) as Item
    if (item.kind === 'Folder') {
      item.items = []
      made.set(node.id, item)
    }
    items.set(node.id, item)
  }
  for (const node of order) made.get(node.parent!)!.items!.push(items.get(node.id)!)
  return { root: 'Folder', folder: root }
}
