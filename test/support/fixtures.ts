// Fixture access that works in every runtime the suite runs in (Node, edge, browser):
// the files are bundled into the test module as raw strings by Vite, never read from disk.

const files = import.meta.glob(
  ['../../fixtures/**/*.xml', '../../fixtures/**/*.json', '../../fixtures/**/*.txt', '../../fixtures/**/*.xsd'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
) as Record<string, string>

/** Every fixture, keyed by its path below `fixtures/` (e.g. `filesync/spo-2025-01-write-folder-create.request.xml`). */
export const fixtures: ReadonlyMap<string, string> = new Map(
  Object.entries(files).map(([path, text]) => [path.replace(/^(\.\.\/)+fixtures\//, ''), text]),
)

/** The text of one fixture; throws when it does not exist, so a renamed file fails loudly. */
export function fixture(path: string): string {
  const text = fixtures.get(path)
  if (text === undefined) throw new Error(`no fixture ${path}`)
  return text
}

/** The fixture paths below a folder of `fixtures/`, sorted. */
export function fixturesIn(folder: string, suffix = ''): string[] {
  return [...fixtures.keys()].filter((p) => p.startsWith(`${folder}/`) && p.endsWith(suffix)).sort()
}
