// diffSnapshots / reconcileSnapshots / snapshotEntries edge cases: empty ResourceIDs, one-sided names, duplicates
// in `after` (the general path), the DateModified tie rule and which decision fields are set.
// Raised from mutation testing (issue 7).
import { describe, expect, it } from 'vitest'
import type { DocumentItem, FolderItem } from '../../src/filesync/index'
import { diffSnapshots, reconcileSnapshots, snapshotEntries } from '../../src/filesync/index'

const P = 'c86e008a0f9e4a81809fe963949f3c46'
const Q = '5d2445a6f48d4f6cb190640d11e29a93'
const A = '2b80541d1fb547bfacbd38f99cb5e74d'
const B = 'a7b4e912f5694580aca3e399f60a3ba4'
const C = '0c2ba0e4b5b14a4a9d1b0d2a1f3e5c77'

const doc = (resourceId: string, extra: Partial<DocumentItem> = {}): DocumentItem => ({
  kind: 'Document',
  resourceId,
  ...extra,
})

describe('snapshotEntries', () => {
  it('leaves out an empty ResourceID but still walks into that folder', () => {
    const folder: FolderItem = { kind: 'Folder', resourceId: '', items: [doc(A, { relationshipName: 'a' })] }
    const entries = snapshotEntries([folder, doc('')])
    expect([...entries.keys()]).toEqual([A])
    // The enclosing folder has no key, so the child has no parent.
    expect(entries.get(A)).toEqual({
      key: A,
      resourceId: A,
      kind: 'Document',
      parentKey: undefined,
      name: 'a',
      eTag: undefined,
      item: folder.items![0],
    })
  })

  it('takes the name from the last Path segment, a trailing slash or no slash at all', () => {
    const entries = snapshotEntries([
      doc(A, { path: '/personal/a/Documents/x.txt' }),
      doc(B, { path: 'Documents/sub/' }),
      doc(C, { path: 'plain' }),
    ])
    expect([...entries.values()].map((e) => e.name)).toEqual(['x.txt', 'sub', 'plain'])
  })
})

describe('diffSnapshots', () => {
  it('does not count a name present on one side only as a rename', () => {
    const d = diffSnapshots(
      [doc(A, { eTag: '1', parentResourceId: P }), doc(B, { eTag: '1', relationshipName: 'b', parentResourceId: P })],
      [doc(A, { eTag: '2', relationshipName: 'a', parentResourceId: P }), doc(B, { eTag: '2', parentResourceId: P })],
    )
    expect(d.modified.map((m) => m.key)).toEqual([A, B])
    expect(d.renamed).toEqual([])
    expect(d.moved).toEqual([])
  })

  it('does not count a parent present on one side only as a move', () => {
    const d = diffSnapshots([doc(A, { eTag: '1' })], [doc(A, { eTag: '2', parentResourceId: P })])
    expect(d.modified.map((m) => m.key)).toEqual([A])
    expect(d.moved).toEqual([])
  })

  it('with a duplicate in `after`, still sees every item after it and lists the duplicate once', () => {
    const before = [doc(A, { eTag: '1' }), doc(B, { eTag: '1' }), doc(C, { eTag: '1' })]
    const after = [
      doc(A, { eTag: '1' }),
      doc(A, { eTag: '1' }),
      doc(B, { eTag: '2' }),
      doc(A.toUpperCase(), { eTag: '3' }),
    ]
    const d = diffSnapshots(before, after)
    expect(d.duplicates).toEqual([A])
    expect(d.added).toEqual([])
    expect(d.removed.map((e) => e.key)).toEqual([C])
    // The last listing of A wins (ETag 3), and takes the last place in the order.
    expect(d.modified.map((m) => [m.key, m.after.eTag])).toEqual([
      [B, '2'],
      [A, '3'],
    ])
    expect(d.modified[1]!.after.resourceId).toBe(A.toUpperCase())
  })

  it('merges duplicates of both sides into one list without repeats (general path)', () => {
    const before = [doc(A), doc(A), doc(B), doc(B)]
    const after = [doc(B), doc(B), doc(C), doc(A)]
    const d = diffSnapshots(before, after)
    expect(d.duplicates).toEqual([A, B])
    expect(d.added.map((e) => e.key)).toEqual([C])
    expect(d.removed).toEqual([])
  })

  it('reports no duplicates when `after` has none (fast path)', () => {
    const d = diffSnapshots([doc(A), doc(A)], [doc(A), doc(B)])
    expect(d).toEqual({
      added: [
        {
          key: B,
          resourceId: B,
          kind: 'Document',
          parentKey: undefined,
          name: undefined,
          eTag: undefined,
          item: doc(B),
        },
      ],
      removed: [],
      modified: [],
      renamed: [],
      moved: [],
      duplicates: [A],
    })
  })

  it('pairs before and after entries in a move with rename', () => {
    const d = diffSnapshots(
      [doc(A, { parentResourceId: P, relationshipName: 'a' })],
      [doc(A, { parentResourceId: Q, relationshipName: 'b' })],
    )
    expect(d.moved.map((m) => [m.key, m.before.parentKey, m.after.parentKey, m.renamed])).toEqual([[A, P, Q, true]])
    expect(d.renamed).toEqual([])
  })
})

describe('reconcileSnapshots', () => {
  const at = (id: string, eTag: string, dateModified?: string) =>
    doc(id, { eTag, parentResourceId: P, relationshipName: 'x', ...(dateModified ? { dateModified } : {}) })

  it('breaks a both-modified tie on equal DateModified in favour of remote', () => {
    const t = '2025-11-07T22:06:33Z'
    const [d] = reconcileSnapshots([at(A, '1', t)], [at(A, '2', t)], [at(A, '3', t)])
    expect([d!.action, d!.conflict, d!.prefer]).toEqual(['conflict', 'both-modified', 'remote'])
    // The same instant written differently is still a tie.
    const [e] = reconcileSnapshots(
      [at(A, '1')],
      [at(A, '2', '2025-11-07T22:06:33.0000000Z')],
      [at(A, '3', '2025-11-07T23:06:33+01:00')],
    )
    expect(e!.prefer).toBe('remote')
  })

  it('prefers the later DateModified, local or remote', () => {
    const early = '2025-11-07T22:06:33Z'
    const late = '2025-11-07T22:06:33.0000001Z'
    expect(reconcileSnapshots([at(A, '1')], [at(A, '2', late)], [at(A, '3', early)])[0]!.prefer).toBe('local')
    expect(reconcileSnapshots([at(A, '1')], [at(A, '2', early)], [at(A, '3', late)])[0]!.prefer).toBe('remote')
  })

  it('prefers remote when a DateModified is not an xs:dateTime or is missing', () => {
    const late = '2025-11-07T22:06:33Z'
    expect(reconcileSnapshots([at(A, '1')], [at(A, '2', late)], [at(A, '3', 'yesterday')])[0]!.prefer).toBe('remote')
    expect(reconcileSnapshots([at(A, '1')], [at(A, '2', 'tomorrow')], [at(A, '3', late)])[0]!.prefer).toBe('remote')
    expect(reconcileSnapshots([at(A, '1')], [at(A, '2', late)], [at(A, '3')])[0]!.prefer).toBe('remote')
  })

  it('sets base, local and remote only for the sides that have the item', () => {
    const base = [at(A, '1')]
    const [d] = reconcileSnapshots(base, [], [at(A, '1')])
    expect(Object.keys(d!).sort()).toEqual(['action', 'base', 'key', 'remote'])
    expect(d).toEqual({
      key: A,
      action: 'take-local',
      base: snapshotEntries(base).get(A),
      remote: snapshotEntries([at(A, '1')]).get(A),
    })
    const [n] = reconcileSnapshots([], [at(B, '1')], [])
    expect(Object.keys(n!).sort()).toEqual(['action', 'key', 'local'])
    expect(n!.action).toBe('take-local')
    const [r] = reconcileSnapshots([], [], [at(C, '1')])
    expect(Object.keys(r!).sort()).toEqual(['action', 'key', 'remote'])
    expect(r!.action).toBe('take-remote')
    const [u] = reconcileSnapshots([at(A, '1')], [at(A, '1')], [at(A, '1')])
    expect(Object.keys(u!).sort()).toEqual(['action', 'base', 'key', 'local', 'remote'])
    expect(u!.action).toBe('unchanged')
  })

  it('counts a name present on one side only as no change', () => {
    const base = [doc(A, { eTag: '1', parentResourceId: P })]
    const local = [doc(A, { eTag: '1', parentResourceId: P, relationshipName: 'a' })]
    expect(reconcileSnapshots(base, local, base).map((d) => d.action)).toEqual(['unchanged'])
  })

  it('counts a kind change as a change', () => {
    const base = [doc(A, { eTag: '1' })]
    const local: FolderItem[] = [{ kind: 'Folder', resourceId: A, eTag: '1' }]
    expect(reconcileSnapshots(base, local, base).map((d) => d.action)).toEqual(['take-local'])
  })
})
