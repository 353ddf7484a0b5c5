import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// The source folders are layers. Each folder may import only the folders listed for it below, and the folder graph
// has no cycle. Lowest first:
//   xml      the parser and serializer: imports nothing of ours (and no io-ts)
//   common   values several layers share (Stamp, date-times, digests, sync states): the XML tree types only
//   codec    the io-ts kit over the tree: xml, common
//   conflict the SData conflict logic on plain values: common only (never xml, codec, sdata)
//   filesync, sdata   the two protocols: xml, codec, common (not each other)
//   session  sans-I/O exchanges: the protocols and the conflict logic
//   testing  matchers and arbitraries: anything but cli
//   cli      anything
// The root index.ts may re-export any folder but cli and testing (those have entry points of their own).

const SRC = fileURLToPath(new URL('../../src', import.meta.url))
const BELOW_PROTOCOLS = ['xml', 'codec', 'common']
const ALLOWED: Record<string, readonly string[]> = {
  xml: [],
  common: ['xml'],
  codec: ['xml', 'common'],
  conflict: ['common'],
  filesync: BELOW_PROTOCOLS,
  sdata: BELOW_PROTOCOLS,
  session: [...BELOW_PROTOCOLS, 'conflict', 'filesync', 'sdata'],
  testing: [...BELOW_PROTOCOLS, 'conflict', 'filesync', 'sdata', 'session'],
  cli: [...BELOW_PROTOCOLS, 'conflict', 'filesync', 'sdata', 'session', 'testing'],
  '.': [...BELOW_PROTOCOLS, 'conflict', 'filesync', 'sdata', 'session'],
}
/** Folders whose imports of the folders named here must be `import type` (erased from every bundle). */
const TYPE_ONLY: Record<string, readonly string[]> = { common: ['xml'] }

interface Import {
  file: string
  from: string
  to: string
  typeOnly: boolean
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  )
}

/** The top folder under src/ of a path (`.` for src/index.ts). */
function folderOf(path: string): string {
  const parts = relative(SRC, path).split(sep)
  return parts.length === 1 ? '.' : (parts[0] ?? '.')
}

/** Every relative import and re-export of src/, with the folders it joins and whether it is type-only. */
function imports(): Import[] {
  const found: Import[] = []
  for (const file of sourceFiles(SRC)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false)
    for (const statement of source.statements) {
      let specifier: ts.Expression | undefined
      let typeOnly = false
      if (ts.isImportDeclaration(statement)) {
        specifier = statement.moduleSpecifier
        const clause = statement.importClause
        const named = clause?.namedBindings
        typeOnly =
          clause?.isTypeOnly === true ||
          (clause?.name === undefined &&
            named !== undefined &&
            ts.isNamedImports(named) &&
            named.elements.length > 0 &&
            named.elements.every((e) => e.isTypeOnly))
      } else if (ts.isExportDeclaration(statement)) {
        specifier = statement.moduleSpecifier
        const named = statement.exportClause
        typeOnly =
          statement.isTypeOnly ||
          (named !== undefined && ts.isNamedExports(named) && named.elements.every((e) => e.isTypeOnly))
      }
      if (specifier === undefined || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue
      const target = resolve(dirname(file), specifier.text)
      found.push({ file: relative(SRC, file), from: folderOf(file), to: folderOf(`${target}.ts`), typeOnly })
    }
  }
  return found
}

/** A cycle of the directed graph as a path `[a, b, …, a]`, or undefined when there is none. */
function findCycle(edges: ReadonlyMap<string, ReadonlySet<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node]
    state.set(node, 'open')
    stack.push(node)
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next)
      if (cycle !== undefined) return cycle
    }
    stack.pop()
    state.set(node, 'done')
    return undefined
  }
  for (const node of edges.keys()) {
    const cycle = visit(node)
    if (cycle !== undefined) return cycle
  }
  return undefined
}

function folderGraph(list: readonly Import[]): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>()
  for (const i of list) {
    if (i.from === i.to) continue
    const set = edges.get(i.from) ?? new Set<string>()
    set.add(i.to)
    edges.set(i.from, set)
  }
  return edges
}

describe('the layering of src/', () => {
  const all = imports()

  it('reads the imports (the checks below see real edges)', () => {
    expect(all.length).toBeGreaterThan(50)
    expect(all.some((i) => i.from === 'sdata' && i.to === 'codec')).toBe(true)
    expect(all.some((i) => i.from === '.' && i.to === 'xml')).toBe(true)
  })

  it('knows every folder under src/', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
    expect(folders.filter((f) => ALLOWED[f] === undefined)).toEqual([])
  })

  it('imports across folders only downwards', () => {
    const wrong = all
      .filter((i) => i.from !== i.to && !(ALLOWED[i.from] ?? []).includes(i.to))
      .map((i) => `${i.file} imports ${i.to}/`)
    expect(wrong).toEqual([])
  })

  it('imports from the folders marked type-only with `import type` only', () => {
    const wrong = all
      .filter((i) => (TYPE_ONLY[i.from] ?? []).includes(i.to) && !i.typeOnly)
      .map((i) => `${i.file} imports values from ${i.to}/`)
    expect(wrong).toEqual([])
  })

  it('has no cycle between folders', () => {
    expect(findCycle(folderGraph(all))).toBeUndefined()
  })

  it('the cycle finder finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ])
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a'])
    expect(findCycle(new Map([['a', new Set(['b'])]]))).toBeUndefined()
  })

  it('keeps the allowed table itself acyclic', () => {
    const table = new Map(Object.entries(ALLOWED).map(([k, v]) => [k, new Set(v)]))
    expect(findCycle(table)).toBeUndefined()
  })
})
