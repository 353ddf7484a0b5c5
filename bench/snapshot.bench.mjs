// diffSnapshots and reconcileSnapshots on two library snapshots of 100,000 items each (issue 5: diff < 1 s).
// Runs against the built package (dist/, `npx tsup`); prints a markdown table; exits 1 when the budget is missed.
import os from 'node:os'
import { diffSnapshots, reconcileSnapshots } from '../dist/filesync/index.js'

const N = 100_000
const BUDGET_MS = 1000

const hex = (n, salt = 0) => ((n * 2654435761 + salt) >>> 0).toString(16).padStart(8, '0').repeat(4)

// A nested listing: folders of 50 entries, one in ten a sub-folder, so the tree is a few levels deep.
function makeTree(n) {
  const root = { kind: 'Folder', resourceId: hex(0), eTag: hex(0), relationshipName: 'RootFolder', items: [] }
  const folders = [root]
  for (let i = 1; i < n; i++) {
    const parent = folders[Math.floor((i - 1) / 50)] ?? folders[folders.length - 1]
    const isFolder = i % 10 === 0
    const item = {
      kind: isFolder ? 'Folder' : 'Document',
      resourceId: hex(i),
      eTag: `"{${hex(i).toUpperCase()}},1"`,
      relationshipName: `item-${i}.txt`,
      parentResourceId: parent.resourceId,
      dateModified: '2025-11-07T22:06:33.0000000Z',
      ...(isFolder ? { items: [] } : {}),
    }
    parent.items.push(item)
    if (isFolder) folders.push(item)
  }
  return { root: 'Folder', folder: root }
}

// The same library after 1 % edits, 1 % renames, 1 % moves, 1 % removals and 1 % creations, as a flat listing.
function mutate(doc, salt) {
  const flat = []
  const stack = [doc.folder]
  while (stack.length > 0) {
    const f = stack.pop()
    for (const item of f.items ?? []) {
      flat.push(item)
      if (item.kind === 'Folder') stack.push(item)
    }
  }
  const out = []
  flat.forEach((item, i) => {
    const r = (i * 7919 + salt) % 100
    if (r === 0 && item.kind === 'Document') return
    const copy = { ...item }
    delete copy.items
    if (r === 1) copy.eTag = `"{${hex(i).toUpperCase()}},${2 + salt}"`
    if (r === 2) copy.relationshipName = `renamed-${salt}-${i}.txt`
    if (r === 3) copy.parentResourceId = hex(0)
    out.push(copy)
  })
  for (let i = 0; i < N / 100; i++) {
    out.push({
      kind: 'Document',
      resourceId: hex(N + i, salt + 1),
      eTag: '"1"',
      relationshipName: `new-${i}`,
      parentResourceId: hex(0),
    })
  }
  return { root: 'Folder', folder: { ...doc.folder, items: out } }
}

// Wall time, and the process's CPU time (user + system) over the same call: on a shared machine the scheduler
// inflates wall time, while CPU time is what the call costs on one core of its own. The budget is checked on CPU time.
function time(fn, runs) {
  fn()
  const wall = []
  const cpu = []
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.()
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    fn()
    const t1 = performance.now()
    const c1 = process.cpuUsage(c0)
    wall.push(t1 - t0)
    cpu.push((c1.user + c1.system) / 1000)
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  return { wall: median(wall), cpu: median(cpu) }
}

const base = makeTree(N)
const local = mutate(base, 0)
const remote = mutate(base, 1)
const d = diffSnapshots(base, local)
const counts = Object.entries(d)
  .map(([k, v]) => `${k} ${v.length}`)
  .join(', ')

const diff = time(() => diffSnapshots(base, local), 7)
const rec = time(() => reconcileSnapshots(base, local, remote), 5)

console.log(`Two snapshots of ${N.toLocaleString('en')} items (nested vs flat); diff found: ${counts}.\n`)
const load = os.loadavg()[0].toFixed(1)
console.log(`Load average ${load} on ${os.availableParallelism()} cores while measuring.\n`)
console.log('| operation | median wall (ms) | median CPU (ms) | budget |')
console.log('|---|---:|---:|---|')
console.log(`| diffSnapshots(before, after) | ${diff.wall.toFixed(1)} | ${diff.cpu.toFixed(1)} | < ${BUDGET_MS} ms |`)
console.log(`| reconcileSnapshots(base, local, remote) | ${rec.wall.toFixed(1)} | ${rec.cpu.toFixed(1)} | — |`)
if (!(diff.cpu < BUDGET_MS)) {
  console.error(`diffSnapshots took ${diff.cpu.toFixed(1)} ms of CPU, over the ${BUDGET_MS} ms budget`)
  process.exit(1)
}
