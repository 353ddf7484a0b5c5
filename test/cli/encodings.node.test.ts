// The CLI reads files as bytes with the library's encoding detection (UTF-16 with a BOM, a declared ISO-8859-1),
// reports the document's own problem for bytes that decode, and takes --max-size.
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, oneLine, syncwire } from './helpers'

let dir: string
const DIGEST = 'examples/sdata/target-digest.xml'
const utf8 = readFileSync(DIGEST, 'utf8')

function file(name: string, content: Uint8Array | string): string {
  writeFileSync(join(dir, name), content)
  return join(dir, name)
}

function utf16be(text: string): Buffer {
  return Buffer.from(Buffer.from(text, 'utf16le').swap16())
}

beforeAll(() => {
  ensureBuilt()
  dir = mkdtempSync(join(tmpdir(), 'syncwire-enc-'))
})

afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
})

describe('syncwire reads documents in their encoding', () => {
  const expected = () => syncwire(['convert', DIGEST, '--to', 'json'])

  it('a UTF-16LE and a UTF-16BE capture with a BOM convert exactly as the UTF-8 one', () => {
    const body = utf8.replace('encoding="utf-8"', 'encoding="UTF-16"')
    const le = file('le.xml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]))
    const be = file('be.xml', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(body)]))
    const want = expected()
    expect(want.code).toBe(0)
    for (const path of [le, be]) expect(syncwire(['convert', path, '--to', 'json'])).toMatchObject(want)
    expect(syncwire(['validate', le]).code).toBe(0)
  })

  it('an ISO-8859-1 document with its declaration reads "Résumés"', () => {
    const text = utf8
      .replace('encoding="utf-8"', 'encoding="ISO-8859-1"')
      .replace('<origin>http://www.example.com/', '<origin>http://www.example.com/R\u00e9sum\u00e9s/')
    const r = syncwire(['convert', file('latin1.xml', Buffer.from(text, 'latin1')), '--to', 'json'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('http://www.example.com/Résumés/')
  })

  it('a NUL byte in UTF-8 is the document problem it is (a control character at its line:column), exit 1', () => {
    const r = syncwire(['validate', file('nul.xml', Buffer.from('<a>\u0000</a>'))])
    expect(r.code).toBe(1)
    expect(r.stdout + r.stderr).toMatch(/1:4.*control character U\+0000/)
  })

  it('a UTF-8 BOM with encoding="iso-8859-1" is invalid XML at the declaration, exit 1, in validate and convert', () => {
    const path = file('bom.xml', `\uFEFF${utf8.replace('encoding="utf-8"', 'encoding="iso-8859-1"')}`)
    const message = 'the byte-order mark says UTF-8 but the XML declaration says encoding="iso-8859-1"'
    const r = syncwire(['validate', path])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe(`${path}:1:31 - error not well-formed XML: ${message}\n`)
    const c = syncwire(['convert', path, '--to', 'json'])
    expect(c.code).toBe(1)
    expect(c.stdout).toBe('')
    expect(oneLine(c.stderr)).toBe(`syncwire convert: ${path}: 1:31 ${message}`)
  })
})

describe('--max-size', () => {
  it('refuses a file over the given size before reading it, in each command', () => {
    const size = Buffer.byteLength(utf8)
    for (const args of [
      ['validate', '--max-size', '100', DIGEST],
      ['convert', DIGEST, '--to', 'json', '--max-size', '100'],
      ['conflicts', '--max-size', '100', '--target-digest', DIGEST, 'examples/sdata/catch-up-page-1.xml'],
    ]) {
      const r = syncwire(args)
      expect(r.code).toBe(2)
      expect(oneLine(r.stderr)).toMatch(new RegExp(`: file is ${size} bytes, over the 100-byte limit$`))
    }
  })

  it('accepts sizes with units, and raises the parser limit with it (a 33 MiB file is read and parsed)', () => {
    expect(syncwire(['validate', '--max-size', '1MB', DIGEST]).code).toBe(0)
    expect(syncwire(['validate', '--max-size', '4kib', DIGEST]).code).toBe(0)
    const big = file('big.xml', '')
    truncateSync(big, 33 * 1024 * 1024) // NUL bytes: read, decoded as UTF-8, refused by the parser at 1:1
    const r = syncwire(['validate', '--max-size', '40MB', big])
    expect(r.code).toBe(1)
    expect(r.stdout + r.stderr).toMatch(/big\.xml:1:1 - error not well-formed XML: text before the root element/)
    expect(syncwire(['validate', big]).stderr).toMatch(/over the 33554432-byte limit/)
  })

  it('a size that is not one is a usage error', () => {
    for (const bad of ['lots', '-5', '0', '1TB']) {
      const r = syncwire(['validate', `--max-size=${bad}`, DIGEST])
      expect(r.code).toBe(2)
      expect(oneLine(r.stderr)).toMatch(/--max-size '.*' is not a size/)
    }
  })
})
