// Every command refuses bad input with one line on stderr, the right exit code and no stack trace: a missing
// file, a directory, an empty file, undecodable bytes (UTF-16 without a BOM, invalid UTF-8), a 1 GB file (refused
// by its size, unread) and unknown flags; plus the top-level --help and --version. An unknown declared encoding is
// invalid XML at the declaration (exit 1), as the streamed path reports it.
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, oneLine, ROOT, syncwire } from './helpers'

let dir: string
const bad: Record<string, { path: string; message: RegExp }> = {}
let unknown: string

beforeAll(() => {
  ensureBuilt()
  dir = mkdtempSync(join(tmpdir(), 'syncwire-cli-'))
  const file = (name: string, content: string | Buffer) => {
    writeFileSync(join(dir, name), content)
    return join(dir, name)
  }
  // Not refused as unreadable: invalid XML at its declaration (its own test below).
  unknown = file('unknown.xml', '<?xml version="1.0" encoding="x-no-such"?><a/>')
  const huge = file('huge.xml', '')
  truncateSync(huge, 1024 ** 3) // sparse: no disk used, and the CLI must not read it
  Object.assign(bad, {
    missing: { path: join(dir, 'missing.xml'), message: /: no such file$/ },
    directory: { path: dir, message: /: is a directory, not a file$/ },
    empty: { path: file('empty.xml', ''), message: /: empty file$/ },
    blank: { path: file('blank.xml', ' \n\t\n'), message: /: empty file \(only whitespace\)$/ },
    utf16: {
      path: file('utf16.xml', Buffer.from('<a/>', 'utf16le')),
      message: /: the bytes look like UTF-16 without a byte-order mark \(a NUL byte at offset 1\)/,
    },
    latin1: {
      path: file('latin1.xml', Buffer.from([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e])),
      message: /: 1:4: malformed UTF-8 at byte offset 3 \(bytes E9 3C 2F 61\)$/,
    },
    huge: { path: huge, message: /: file is 1073741824 bytes, over the 33554432-byte limit$/ },
  })
})

afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
})

const digest = 'examples/sdata/target-digest.xml'
const commands: Array<[string, (path: string) => string[]]> = [
  ['validate', (p) => ['validate', p]],
  ['convert', (p) => ['convert', p, '--to', 'json']],
  ['conflicts (feed)', (p) => ['conflicts', '--target-digest', digest, p]],
  ['conflicts (digest)', (p) => ['conflicts', '--target-digest', p, 'examples/sdata/catch-up-page-1.xml']],
  [
    'conflicts (states)',
    (p) => ['conflicts', '--target-digest', digest, '--target-states', p, 'examples/sdata/catch-up-page-1.xml'],
  ],
]

describe.each(commands)('%s', (_name, args) => {
  for (const kind of ['missing', 'directory', 'empty', 'blank', 'utf16', 'latin1', 'huge']) {
    it(`refuses a ${kind} input with exit code 2 and one line`, () => {
      const r = syncwire(args(bad[kind]!.path))
      expect(r.code).toBe(2)
      expect(oneLine(r.stderr)).toMatch(bad[kind]!.message)
      expect(oneLine(r.stderr)).toMatch(/^syncwire \w+: /)
      expect(r.stdout).toBe('')
    })
  }

  it('reports an unknown declared encoding as invalid XML at the declaration, exit code 1', () => {
    const r = syncwire(args(unknown))
    expect(r.code).toBe(1)
    expect(r.stdout + oneLine(r.stderr)).toMatch(
      /unknown\.xml:? ?1:31 (- error not well-formed XML: )?unsupported encoding "x-no-such"/,
    )
  })
})

describe('a not well-formed input is placed at its line:column, in every command and every input', () => {
  const escaped = (path: string) => path.replace(/\W/g, '\\$&')

  it.each(commands)('%s: XML', (_name, args) => {
    const path = join(dir, 'unclosed.xml')
    writeFileSync(path, '<feed xmlns="http://www.w3.org/2005/Atom">\n<entry>\n</feed>\n')
    const r = syncwire(args(path))
    expect(r.code).toBe(1)
    // validate prints `file:line:col - error …`, the others `syncwire <command>: file: line:col …` (as in --help).
    expect(r.stdout + r.stderr).toMatch(
      new RegExp(`${escaped(path)}(?::|: )3:1 (?:- error not well-formed XML: )?end tag </feed> does not match`),
    )
  })

  const jsonInputs: Array<[string, (path: string) => string[]]> = [
    ['convert --to xml', (p) => ['convert', p, '--to', 'xml']],
    ['conflicts (digest)', (p) => ['conflicts', '--target-digest', p, 'examples/sdata/catch-up-page-1.xml']],
    [
      'conflicts (states)',
      (p) => ['conflicts', '--target-digest', digest, '--target-states', p, 'examples/sdata/catch-up-page-1.xml'],
    ],
  ]
  it.each(jsonInputs)('%s: JSON, with its JSON Pointer', (_name, args) => {
    const path = join(dir, 'comma.json')
    writeFileSync(path, '{\n  "states": {,}\n}\n')
    const r = syncwire(args(path))
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(oneLine(r.stderr)).toMatch(
      new RegExp(`^syncwire \\w+: ${escaped(path)}: /states not JSON at 2:14: expected a member name in quotes`),
    )
  })

  it.each(jsonInputs)('%s: a second U+FEFF after the byte-order mark is placed at 1:1', (_name, args) => {
    const path = join(dir, 'two-marks.json')
    writeFileSync(path, '\uFEFF\uFEFF{"states": {}}\n')
    const r = syncwire(args(path))
    expect(r.code).toBe(1)
    expect(oneLine(r.stderr)).toMatch(new RegExp(`^syncwire \\w+: ${escaped(path)}: .*not JSON at 1:1: `))
  })

  it('convert --to xml: a JSON envelope with a byte-order mark converts, and its error is one line', () => {
    const json = syncwire(['convert', digest, '--to', 'json']).stdout
    const plain = join(dir, 'plain.json')
    const marked = join(dir, 'marked.json')
    writeFileSync(plain, json)
    writeFileSync(marked, `\uFEFF${json}`)
    const back = syncwire(['convert', marked, '--to', 'xml'])
    expect(back.code).toBe(0)
    expect(back.stdout).toBe(syncwire(['convert', plain, '--to', 'xml']).stdout)
    writeFileSync(marked, `\uFEFF${json.replace('"kind"', '"kind",')}`)
    const r = syncwire(['convert', marked, '--to', 'xml'])
    expect(r.code).toBe(1)
    expect(oneLine(r.stderr)).toMatch(/marked\.json: \/kind not JSON at 3:9: expected ':' after a member name/)
  })
})

describe('usage errors', () => {
  const cases: Array<[string[], RegExp]> = [
    [
      ['validate', '--bogus', 'x.xml'],
      /^syncwire validate: unknown option '--bogus' \(see syncwire validate --help\)$/,
    ],
    [['convert', 'x.xml', '--to', 'json', '-q'], /^syncwire convert: unknown option '-q'/],
    [['conflicts', '--target-digest', 'd.xml', '--nope', 'f.xml'], /^syncwire conflicts: unknown option '--nope'/],
    [['conflicts', 'f.xml'], /^syncwire conflicts: missing --target-digest <file>/],
    [['convert', 'x.xml'], /^syncwire convert: missing --to json\|xml/],
    [['convert', 'x.xml', '--to', 'yaml'], /^syncwire convert: unknown --to 'yaml'/],
    [['validate'], /^syncwire validate: no file given/],
    [['validate', '-', '-'], /^syncwire validate: stdin \(-\) can be read only once/],
    [['frobnicate'], /^syncwire: unknown command 'frobnicate'/],
    [['--frobnicate'], /^syncwire: unknown option '--frobnicate'/],
  ]
  it.each(cases)('%j exits 2 with one line', (args, message) => {
    const r = syncwire(args)
    expect(r.code).toBe(2)
    expect(oneLine(r.stderr)).toMatch(message)
  })

  it('stdin that is empty is refused like an empty file', () => {
    const r = syncwire(['validate', '-'], { input: '' })
    expect(r.code).toBe(2)
    expect(oneLine(r.stderr)).toBe('syncwire validate: <stdin>: empty input on stdin')
  })
})

describe('top level', () => {
  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(syncwire(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` })
  })

  it('--help lists the commands with examples; no command at all is a usage error that shows it', () => {
    const help = syncwire(['--help'])
    expect(help.code).toBe(0)
    for (const command of ['validate', 'conflicts', 'convert']) expect(help.stdout).toContain(`  ${command} `)
    expect(help.stdout).toContain('Examples:')
    expect(syncwire([])).toMatchObject({ code: 2, stdout: help.stdout })
  })

  it.each(['validate', 'conflicts', 'convert'])('%s --help shows usage and an example', (command) => {
    const r = syncwire([command, '--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(new RegExp(`^Usage: syncwire ${command} `))
    expect(r.stdout).toMatch(/Examples?:\n {2}syncwire /)
    // The installed package has no examples/ folder: the examples name placeholder files and say so.
    expect(r.stdout).not.toContain('examples/')
    expect(r.stdout).toMatch(/stands? for your own/)
  })
})
