import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ts from 'typescript'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import type { FileSyncRequest, Item } from '../../src/filesync/index'
import { ChangesServer, type Fault, ids, LIBRARY, SITE, tokenAt } from './session-server'

// The changes-session code of docs/filesync.md and the README's quick start, compiled against the sources (as
// `syncwire/*`) and run with `fetch` answered by the simulated server. The packed-package check of every guide block
// is in test/ecosystem/pack.node.test.ts; this one needs no build and also runs the code.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const tsBlocks = (markdown: string) => [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '')
const guide = tsBlocks(readFileSync(join(ROOT, 'docs/filesync.md'), 'utf8'))
const passBlock = guide.find((b) => b.includes('export async function pullChanges'))
const sessionBlocks = guide.filter((b) => /create(Changes|FirstRun|Write)Session/.test(b))
const readmeBlock = tsBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8')).find((b) =>
  b.includes('createChangesSession'),
)

const dir = mkdtempSync(join(tmpdir(), 'syncwire-guide-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
afterEach(() => vi.unstubAllGlobals())

/** Writes a block as a module whose `syncwire/…` imports point at the sources. */
function place(name: string, code: string): string {
  const file = join(dir, `${name}.ts`)
  const local = code.replace(/from 'syncwire(\/\w+)?'/g, (_, sub: string | undefined) => {
    const target = join(ROOT, 'src', sub ? sub.slice(1) : '', 'index.ts')
    return `from ${JSON.stringify(target)}`
  })
  writeFileSync(file, `${local}\nexport {}\n`)
  return file
}

/** Type-checks the placed blocks in one program (as a browser project would: DOM types, no Node types). */
function typeErrors(files: string[]): Map<string, string[]> {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    allowImportingTsExtensions: true,
  }
  const program = ts.createProgram({ rootNames: files, options })
  const errors = new Map(files.map((f) => [f, [] as string[]]))
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const list = errors.get(d.file?.fileName ?? files[0]!)
    list?.push(ts.flattenDiagnosticMessageText(d.messageText, '\n'))
  }
  return errors
}

/** `fetch` answered by the server; `faults` spoil the next answers in turn. */
function serve(server: ChangesServer, faults: Fault[] = []) {
  const seen: Array<{ url: string; headers: Record<string, string> }> = []
  vi.stubGlobal('fetch', async (url: string, init: { method: 'GET'; headers: Record<string, string> }) => {
    seen.push({ url, headers: init.headers })
    const request: FileSyncRequest = { method: init.method, url, headers: init.headers }
    const fault = faults.shift() ?? 'none'
    const answer = server.answer(request, fault === 'throttle-seconds' ? 'none' : fault)
    if (fault === 'throttle-seconds') return new Response('', { status: 429, headers: { 'Retry-After': '0' } })
    return new Response(answer.body as BodyInit, {
      status: answer.status,
      headers: answer.headers as Record<string, string>,
    })
  })
  return seen
}

describe('the changes session in docs/filesync.md', () => {
  it('has the guide blocks', () => {
    expect(passBlock).toBeDefined()
    expect(sessionBlocks.length).toBeGreaterThanOrEqual(2)
  })

  it('type-checks its session blocks and the README quick start against the sources', () => {
    const files = [...sessionBlocks.map((code, i) => place(`block-${i + 1}`, code)), place('readme', readmeBlock ?? '')]
    // A block with a wrong use of the session, in the same program, shows the check can fail.
    const wrong = place(
      'wrong',
      "import { createChangesSession } from 'syncwire/filesync'\ncreateChangesSession({ siteUrl: 1 })",
    )
    const errors = typeErrors([...files, wrong])
    for (const file of files) expect(errors.get(file), file).toEqual([])
    expect(errors.get(wrong)?.length).toBeGreaterThan(0)
  }, 180_000)

  it('pulls every change across passes, through throttling and a broken page, never skipping one', async () => {
    type Store = { syncToken?: string; save(items: Item[], syncToken: string | undefined): Promise<void> }
    type Pass = { pullChanges(siteUrl: string, libraryId: string, store: Store, cookie: string): Promise<unknown> }
    const { pullChanges } = (await import(pathToFileURL(place('pass', passBlock ?? '')).href)) as Pass
    const server = new ChangesServer()
    server.append(5)
    const stored: Item[] = []
    const store = {
      syncToken: undefined as string | undefined,
      async save(items: Item[], syncToken: string | undefined) {
        stored.push(...items)
        this.syncToken = syncToken
      },
    }
    const seen = serve(server, ['none', 'throttle-seconds', 'bad-body', 'none'])
    // The first pass starts without a token: FullData, pages of 500 (one here), but a throttle and a bad page first.
    expect(await pullChanges(SITE, LIBRARY, store, 'FedAuth=1')).toEqual({ ended: 'caught-up', syncToken: tokenAt(5) })
    expect(seen[0]?.headers).toMatchObject({ Cookie: 'FedAuth=1', 'X-ResponseStructure': 'Flat' })
    expect(ids(stored)).toEqual(ids(server.history))
    // The history grows; the next pass starts from the stored token and gets only the new changes.
    server.append(3)
    serve(server, ['bad-utf8', 'missing-token'])
    expect(await pullChanges(SITE, LIBRARY, store, 'FedAuth=1')).toEqual({ ended: 'caught-up', syncToken: tokenAt(8) })
    expect(ids(stored)).toEqual(ids(server.history))
    // A server that keeps failing: the pass gives up, the token stays, the next pass repeats the page.
    server.append(1)
    serve(server, ['server-error', 'server-error', 'server-error'])
    const failed = await pullChanges(SITE, LIBRARY, store, 'FedAuth=1')
    expect(failed).toMatchObject({ ended: 'failed', issues: [{ source: 'status', path: '500' }] })
    expect(store.syncToken).toBe(tokenAt(8))
    serve(server)
    expect(await pullChanges(SITE, LIBRARY, store, 'FedAuth=1')).toEqual({ ended: 'caught-up', syncToken: tokenAt(9) })
    expect(ids(stored)).toEqual(ids(server.history))
  })

  it('runs the README quick start against the same server', async () => {
    expect(readmeBlock).toBeDefined()
    const server = new ChangesServer()
    server.append(2)
    serve(server, ['throttle-seconds'])
    place('readme', readmeBlock ?? '')
    const saved: Item[] = []
    vi.stubGlobal('save', async (items: Item[]) => {
      saved.push(...items)
    })
    await import(pathToFileURL(join(dir, 'readme.ts')).href)
    expect(ids(saved)).toEqual(ids(server.history))
  })
})
