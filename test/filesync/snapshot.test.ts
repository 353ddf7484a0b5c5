import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DocumentItem, FolderItem, Item } from '../../src/filesync/index'
import {
  diffSnapshots,
  type ReconcileDecision,
  reconcileSnapshots,
  type SnapshotDiff,
  snapshotEntries,
} from '../../src/filesync/index'
import { numRuns } from '../support/runtime'
import { applyChanges, buildTree, changeSeed, ROOT, render, treeSeed } from './snapshot-model'

const LIB = '5d2445a6f48d4f6cb190640d11e29a93'
const A = 'c86e008a0f9e4a81809fe963949f3c46'
const B = '2b80541d1fb547bfacbd38f99cb5e74d'
const F = 'a7b4e912f5694580aca3e399f60a3ba4'
const G = '0c2ba0e4b5b14a4a9d1b0d2a1f3e5c77'

const doc = (
  id: string,
  parent: string,
  name: string,
  eTag: string,
  extra: Partial<DocumentItem> = {},
): DocumentItem => ({
  kind: 'Document',
  resourceId: id,
  parentResourceId: parent,
  relationshipName: name,
  eTag,
  ...extra,
})
const folder = (id: string, parent: string, name: string, items?: Item[]): FolderItem => ({
  kind: 'Folder',
  resourceId: id,
  parentResourceId: parent,
  relationshipName: name,
  eTag: `"{${id}},1"`,
  ...(items ? { items } : {}),
})
const listing = (items: Item[]) => ({ root: 'Folder' as const, folder: { ...folder(ROOT, LIB, 'RootFolder'), items } })
const keys = (d: SnapshotDiff) => ({
  added: d.added.map((e) => e.key),
  removed: d.removed.map((e) => e.key),
  modified: d.modified.map((e) => e.key),
  renamed: d.renamed.map((e) => e.key),
  moved: d.moved.map((e) => [e.key, e.renamed]),
})
const byKey = (ds: ReconcileDecision[]) =>
  Object.fromEntries(ds.map((d) => [d.key, [d.action, d.conflict, d.prefer].filter((x) => x !== undefined)]))

describe('diffSnapshots', () => {
  it('classifies each kind of change between two nested listings', () => {
    const before = listing([folder(A, ROOT, 'docs', [doc(B, A, 'a.txt', '"{B},1"'), doc(F, A, 'b.txt', '"{F},1"')])])
    const after = listing([
      folder(A, ROOT, 'papers', [doc(B, A, 'a.txt', '"{B},2"')]),
      doc(F, ROOT, 'c.txt', '"{F},1"'),
      doc(G, ROOT, 'new.txt', '"{G},1"'),
    ])
    expect(keys(diffSnapshots(before, after))).toEqual({
      added: [G],
      removed: [],
      modified: [B],
      renamed: [A],
      moved: [[F, true]],
    })
  })

  it('reads a flat listing and a nested one as the same snapshot', () => {
    const nested = listing([folder(A, ROOT, 'docs', [doc(B, A, 'a.txt', '"1"')])])
    const flat = listing([folder(A, ROOT, 'docs'), doc(B, A, 'a.txt', '"1"')])
    expect(keys(diffSnapshots(nested, flat))).toEqual({ added: [], removed: [], modified: [], renamed: [], moved: [] })
  })

  it('matches ResourceIDs case-insensitively and keeps their case', () => {
    const d = diffSnapshots([doc(B, A, 'a', '"1"')], [doc(B.toUpperCase(), A.toUpperCase(), 'a', '"2"')])
    expect(keys(d).modified).toEqual([B])
    expect(d.modified[0]!.after.resourceId).toBe(B.toUpperCase())
    expect(d.moved).toEqual([])
  })

  it('lists a removed folder and all its descendants', () => {
    const before = listing([folder(A, ROOT, 'docs', [folder(F, A, 'sub', [doc(B, F, 'x', '"1"')])])])
    expect(keys(diffSnapshots(before, listing([]))).removed.sort()).toEqual([A, B, F].sort())
  })

  it('takes the parent from the enclosing folder when ParentResourceID is absent', () => {
    const entries = snapshotEntries({ kind: 'Folder', resourceId: A, items: [{ kind: 'Document', resourceId: B }] })
    expect(entries.get(B)?.parentKey).toBe(A)
    expect(entries.get(A)?.parentKey).toBeUndefined()
  })

  it('takes the name from Path when RelationshipName is absent', () => {
    const entries = snapshotEntries([{ kind: 'Document', resourceId: B, path: '/RootFolder/docs/a.txt' }])
    expect(entries.get(B)?.name).toBe('a.txt')
  })

  it('does not count a missing ETag, name or parent as a change', () => {
    const d = diffSnapshots([doc(B, A, 'a', '"1"')], [{ kind: 'Document', resourceId: B }])
    expect(keys(d)).toEqual({ added: [], removed: [], modified: [], renamed: [], moved: [] })
  })

  it('leaves out items without a ResourceID and Unknown items, and reports duplicates', () => {
    const unknown: Item = {
      kind: 'Unknown',
      element: { type: 'element', namespace: null, localName: 'Notebook', prefix: null, attributes: [], children: [] },
    }
    const create: Item = { kind: 'Document', referenceId: '#f8c0fd5-114a-4733-b06c-fb31b366541f' }
    const d = diffSnapshots({ root: 'Items', items: [unknown, create] }, [doc(B, A, 'a', '"1"'), doc(B, A, 'a', '"2"')])
    expect(keys(d).added).toEqual([B])
    expect(d.added[0]!.eTag).toBe('"2"')
    expect(d.duplicates).toEqual([B])
  })

  it('walks a chain 50,000 folders deep without recursion', () => {
    const root: FolderItem = { kind: 'Folder', resourceId: 'x0', items: [] }
    let at = root
    for (let i = 1; i <= 50_000; i++) {
      const next: FolderItem = { kind: 'Folder', resourceId: `x${i}`, items: [] }
      at.items!.push(next)
      at = next
    }
    at.items!.push({ kind: 'Document', resourceId: 'leaf', eTag: '"1"' })
    const moved = [{ kind: 'Document' as const, resourceId: 'leaf', eTag: '"1"', parentResourceId: 'x0' }]
    const d = diffSnapshots(root, moved)
    expect(d.removed).toHaveLength(50_001)
    expect(keys(d).moved).toEqual([['leaf', false]])
  })
})

describe('diffSnapshots recovers random changes', () => {
  const setOf = (xs: Array<{ key: string }>) => new Set(xs.map((x) => x.key))

  it('diffSnapshots(a, apply(a, changes)) = changes, across nested and flat listings', () => {
    fc.assert(
      fc.property(
        treeSeed,
        changeSeed,
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 2, max: 5 }),
        (ts, cs, flatA, flatB, omitParents, upperEvery) => {
          const a = buildTree(ts)
          const { tree: b, expected } = applyChanges(a, cs, 0)
          const d = diffSnapshots(
            render(a, { flat: flatA, omitParents }),
            render(b, { flat: flatB, upperEvery, omitParents }),
          )
          expect(setOf(d.added)).toEqual(expected.added)
          expect(setOf(d.removed)).toEqual(expected.removed)
          expect(setOf(d.modified)).toEqual(expected.modified)
          expect(setOf(d.renamed)).toEqual(expected.renamed)
          expect(setOf(d.moved)).toEqual(expected.moved)
          expect(setOf(d.moved.filter((m) => m.renamed))).toEqual(expected.movedRenamed)
          expect(d.duplicates).toEqual([])
        },
      ),
      { numRuns: numRuns(300) },
    )
  })

  it('diffSnapshots(b, a) is the inverse of diffSnapshots(a, b): added ↔ removed, the rest the same', () => {
    fc.assert(
      fc.property(treeSeed, changeSeed, fc.boolean(), (ts, cs, flat) => {
        const a = buildTree(ts)
        const b = applyChanges(a, cs, 0).tree
        const there = diffSnapshots(render(a, { flat }), render(b, { flat: !flat }))
        const back = diffSnapshots(render(b, { flat: !flat }), render(a, { flat }))
        expect(setOf(back.added)).toEqual(setOf(there.removed))
        expect(setOf(back.removed)).toEqual(setOf(there.added))
        expect(setOf(back.modified)).toEqual(setOf(there.modified))
        expect(setOf(back.renamed)).toEqual(setOf(there.renamed))
        expect(setOf(back.moved)).toEqual(setOf(there.moved))
      }),
      { numRuns: numRuns(200) },
    )
  })

  it('diffSnapshots(a, a) is empty', () => {
    fc.assert(
      fc.property(treeSeed, fc.boolean(), (ts, flat) => {
        const a = render(buildTree(ts), { flat })
        expect(keys(diffSnapshots(a, a))).toEqual({ added: [], removed: [], modified: [], renamed: [], moved: [] })
      }),
      { numRuns: numRuns(100) },
    )
  })
})

describe('reconcileSnapshots', () => {
  const base = listing([
    folder(A, ROOT, 'docs', [doc(B, A, 'a.txt', '"{B},1"', { dateModified: '2025-11-07T22:06:33.0000000Z' })]),
    folder(F, ROOT, 'old'),
  ])

  it('takes the side that changed and leaves the rest', () => {
    const local = listing([folder(A, ROOT, 'docs', [doc(B, A, 'a.txt', '"{B},2"')]), folder(F, ROOT, 'old')])
    const remote = listing([folder(A, ROOT, 'docs', [doc(B, A, 'a.txt', '"{B},1"')])])
    expect(byKey(reconcileSnapshots(base, local, remote))).toEqual({
      [ROOT]: ['unchanged'],
      [A]: ['unchanged'],
      [B]: ['take-local'],
      [F]: ['take-remote'],
    })
  })

  it('does not count a field missing on one side as a change (a listing without ETags)', () => {
    const bare = [{ kind: 'Document' as const, resourceId: B, parentResourceId: A, relationshipName: 'a.txt' }]
    const withETag = [doc(B, A, 'a.txt', '"{B},1"')]
    expect(byKey(reconcileSnapshots(bare, withETag, bare))).toEqual({ [B]: ['unchanged'] })
  })

  it('finds both sides making the same change unchanged', () => {
    const both = listing([folder(A, ROOT, 'docs', [doc(B, A, 'b.txt', '"{B},2"')])])
    expect(byKey(reconcileSnapshots(base, both, both))[B]).toEqual(['unchanged'])
    expect(byKey(reconcileSnapshots(base, both, both))[F]).toEqual(['unchanged'])
  })

  it('reports both-modified and prefers the later DateModified', () => {
    const at = (eTag: string, dateModified: string) =>
      listing([folder(A, ROOT, 'docs', [doc(B, A, 'a.txt', eTag, { dateModified })]), folder(F, ROOT, 'old')])
    const early = at('"{B},2"', '2025-11-07T22:06:34Z')
    const late = at('"{B},3"', '2025-11-07T22:06:34.0000001Z')
    expect(byKey(reconcileSnapshots(base, late, early))[B]).toEqual(['conflict', 'both-modified', 'local'])
    expect(byKey(reconcileSnapshots(base, early, late))[B]).toEqual(['conflict', 'both-modified', 'remote'])
  })

  it('breaks a both-modified tie (same or missing dates) in favour of remote', () => {
    const mk = (eTag: string) => listing([folder(A, ROOT, 'docs', [doc(B, A, 'a.txt', eTag)]), folder(F, ROOT, 'old')])
    expect(byKey(reconcileSnapshots(base, mk('"2"'), mk('"3"')))[B]).toEqual(['conflict', 'both-modified', 'remote'])
    expect(byKey(reconcileSnapshots(base, mk('"3"'), mk('"2"')))[B]).toEqual(['conflict', 'both-modified', 'remote'])
  })

  it('reports modified-vs-deleted, prefers the kept item and holds back the folder delete above it', () => {
    const local = listing([folder(A, ROOT, 'docs', [doc(B, A, 'a.txt', '"{B},2"')]), folder(F, ROOT, 'old')])
    const remote = listing([folder(F, ROOT, 'old')])
    expect(byKey(reconcileSnapshots(base, local, remote))).toMatchObject({
      [A]: ['conflict', 'modified-vs-deleted', 'local'],
      [B]: ['conflict', 'modified-vs-deleted', 'local'],
    })
    expect(byKey(reconcileSnapshots(base, remote, local))).toMatchObject({
      [A]: ['conflict', 'modified-vs-deleted', 'remote'],
      [B]: ['conflict', 'modified-vs-deleted', 'remote'],
    })
  })

  it('reports moved-into-deleted-folder on the item and on the deleted folder', () => {
    const local = listing([folder(A, ROOT, 'docs'), folder(F, ROOT, 'old', [doc(B, F, 'a.txt', '"{B},1"')])])
    const remote = listing([folder(A, ROOT, 'docs', [doc(B, A, 'a.txt', '"{B},1"')])])
    expect(byKey(reconcileSnapshots(base, local, remote))).toMatchObject({
      [B]: ['conflict', 'moved-into-deleted-folder', 'local'],
      [F]: ['conflict', 'modified-vs-deleted', 'local'],
      [A]: ['unchanged'],
    })
  })

  it('reports both-created-same-path (names compared case-insensitively) and keeps the remote name', () => {
    const local = listing([folder(A, ROOT, 'docs', [doc(B, A, 'a.txt', '"{B},1"'), doc(G, A, 'New.txt', '"1"')])])
    const remote = listing([
      folder(A, ROOT, 'docs', [doc(B, A, 'a.txt', '"{B},1"'), doc(F.replace('a', 'e'), A, 'new.txt', '"1"')]),
    ])
    const ds = reconcileSnapshots(listing([folder(A, ROOT, 'docs', [doc(B, A, 'a.txt', '"{B},1"')])]), local, remote)
    const g = ds.find((d) => d.key === G)!
    expect([g.action, g.conflict, g.prefer, g.counterpart]).toEqual([
      'conflict',
      'both-created-same-path',
      'remote',
      F.replace('a', 'e'),
    ])
    expect(byKey(ds)[F.replace('a', 'e')]).toEqual(['conflict', 'both-created-same-path', 'remote'])
  })
})

describe('reconcileSnapshots laws', () => {
  const mirror = (a: string) => (a === 'take-local' ? 'take-remote' : a === 'take-remote' ? 'take-local' : a)
  const other = (p: string | undefined) => (p === 'local' ? 'remote' : p === 'remote' ? 'local' : p)

  it('is symmetric in local and remote, except the tie rule (prefer remote)', () => {
    fc.assert(
      fc.property(treeSeed, changeSeed, changeSeed, fc.boolean(), (ts, lc, rc, flat) => {
        const base = buildTree(ts)
        const local = applyChanges(base, lc, 0).tree
        const remote = applyChanges(base, rc, 1).tree
        const [b, l, r] = [base, local, remote].map((t) => render(t, { flat }))
        const forward = reconcileSnapshots(b!, l!, r!)
        const backward = new Map(reconcileSnapshots(b!, r!, l!).map((d) => [d.key, d]))
        expect(backward.size).toBe(forward.length)
        for (const d of forward) {
          const e = backward.get(d.key)!
          expect(e.action).toBe(mirror(d.action))
          expect(e.conflict).toBe(d.conflict)
          const tie =
            d.conflict === 'both-created-same-path' ||
            (d.conflict === 'both-modified' &&
              (d.local?.item.dateModified === undefined ||
                d.local.item.dateModified === d.remote?.item.dateModified ||
                d.remote?.item.dateModified === undefined))
          if (tie) expect([d.prefer, e.prefer]).toEqual(['remote', 'remote'])
          else expect(e.prefer).toBe(other(d.prefer))
        }
      }),
      { numRuns: numRuns(300) },
    )
  })

  it('is deterministic, and finds nothing to do when both sides made the same changes', () => {
    fc.assert(
      fc.property(treeSeed, changeSeed, (ts, cs) => {
        const base = render(buildTree(ts), { flat: true })
        const same = render(applyChanges(buildTree(ts), cs, 0).tree, { flat: false })
        const once = reconcileSnapshots(base, same, same)
        expect(reconcileSnapshots(base, same, same)).toEqual(once)
        for (const d of once) expect(d.action).toBe('unchanged')
      }),
      { numRuns: numRuns(100) },
    )
  })

  it('takes every remote change and raises no conflict when local is the base', () => {
    fc.assert(
      fc.property(treeSeed, changeSeed, (ts, rc) => {
        const base = buildTree(ts)
        const { tree: remote, expected } = applyChanges(base, rc, 1)
        const ds = reconcileSnapshots(
          render(base, { flat: true }),
          render(base, { flat: false }),
          render(remote, { flat: true }),
        )
        const changed = new Set([
          ...expected.added,
          ...expected.removed,
          ...expected.modified,
          ...expected.renamed,
          ...expected.moved,
        ])
        for (const d of ds) expect(d.action).toBe(changed.has(d.key) ? 'take-remote' : 'unchanged')
      }),
      { numRuns: numRuns(200) },
    )
  })
})
