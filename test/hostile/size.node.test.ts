// Node-only: measures retained heap with a forced garbage collection (node:v8, node:vm), which no other runtime offers.
import v8 from 'node:v8'
import vm from 'node:vm'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS } from '../../src/xml/index'
import { fixture } from '../support/fixtures'
import { xmlFault } from '../support/issues'
import { KINDS, kind } from '../totality/kinds'
import { expectSyntaxError, rejection } from './support'

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void

/** Heap bytes still held after decoding, per character of input, with the decoded value alive. */
function retainedPerChar(build: () => string, decode: (text: string) => unknown): { ratio: number; value: unknown } {
  // A flat copy, so the measurement does not count flattening a rope built by concatenation.
  const text = JSON.parse(JSON.stringify(build())) as string
  gc()
  const before = process.memoryUsage().heapUsed
  const value = decode(text)
  gc()
  const ratio = (process.memoryUsage().heapUsed - before) / text.length
  return { ratio, value }
}

describe('hostile sizes: each rejected by a limit, or processed without a stack overflow', () => {
  for (const k of KINDS) {
    it(`${k.name}: nesting 10^5 deep stops at the first element past maxDepth`, () => {
      const text = `${k.open}${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}${k.close}`
      const column = k.open.length + 3 * (DEFAULT_LIMITS.maxDepth - 1) + 1
      expectSyntaxError(
        k,
        text,
        1,
        column,
        `elements nested deeper than maxDepth (${DEFAULT_LIMITS.maxDepth})`,
        'limit',
      )
    })

    it(`${k.name}: a 100 MB text node is refused by maxLength before parsing`, () => {
      const text = `${k.open}${'x'.repeat(100 * 1024 * 1024)}${k.close}`
      expect(rejection(k, text)).toStrictEqual([
        xmlFault(
          'limit',
          `the input is ${text.length} characters long, more than maxLength (${DEFAULT_LIMITS.maxLength})`,
        ),
      ])
    })

    it(`${k.name}: 10^5 attributes stop at the first past maxAttributes; a 1 MB element name at maxNameLength`, () => {
      const attributes = Array.from({ length: 100_000 }, (_, i) => ` a${i}="${i}"`).join('')
      const text = `${k.open}<x${attributes}/>${k.close}`
      const column = k.open.length + 4 + attributes.indexOf(` a${DEFAULT_LIMITS.maxAttributes}=`)
      expectSyntaxError(
        k,
        text,
        1,
        column,
        `more than maxAttributes (${DEFAULT_LIMITS.maxAttributes}) attributes on <x>`,
        'limit',
      )
      const name = 'n'.repeat(1024 * 1024)
      expectSyntaxError(
        k,
        `${k.open}<${name}/>${k.close}`,
        1,
        k.open.length + 2,
        `name longer than maxNameLength (${DEFAULT_LIMITS.maxNameLength})`,
        'limit',
      )
    })

    it(`${k.name}: 10^6 empty siblings are read in one linear pass (kept as unknown elements)`, () => {
      const result = k.decode(`${k.open}${'<x/>'.repeat(1_000_000)}${k.close}`)
      expect(E.isRight(result)).toBe(true)
    })
  }

  it('parseXml keeps all 10^6 siblings, in order', () => {
    const result = kind('parseXml').decode(`<r>${'<x/>'.repeat(999_999)}<y/></r>`)
    const children = E.isRight(result)
      ? (result.right as { root: { children: Array<{ localName: string }> } }).root.children
      : []
    expect(children).toHaveLength(1_000_000)
    expect(children[999_999]!.localName).toBe('y')
  })
})

describe('hostile sizes: memory held by a decoded document (figures in SECURITY.md)', () => {
  const repeatInside = (path: string, open: string, close: string, times: number) => {
    const text = fixture(path)
    const start = text.indexOf(open)
    const end = text.lastIndexOf(close) + close.length
    return () => text.slice(0, start) + text.slice(start, end).repeat(times) + text.slice(end)
  }

  it('a 3 MB SData feed and a 5 MB MS-FILESYNC listing hold at most 4 bytes of heap per input character', () => {
    const feed = retainedPerChar(
      repeatInside('sdata/spec-4.4_sync-feed_catchUp.xml', '<entry>', '</entry>', 2000),
      kind('SyncFeedXml').decode,
    )
    const listing = retainedPerChar(
      repeatInside('filesync/spo-2025-06-changes-document-created.response.xml', '<Document>', '</Document>', 3000),
      kind('FileSyncXml').decode,
    )
    expect(
      E.isRight(feed.value as E.Either<unknown, unknown>) && E.isRight(listing.value as E.Either<unknown, unknown>),
    ).toBe(true)
    expect(feed.ratio).toBeLessThanOrEqual(4)
    expect(listing.ratio).toBeLessThanOrEqual(4)
  })

  it('a 30 MB text node costs no copy; 10^6 empty elements cost at most 64 bytes per input character', () => {
    const text = retainedPerChar(() => `<r>${'x'.repeat(30_000_000)}</r>`, kind('parseXml').decode)
    expect(text.ratio).toBeLessThanOrEqual(0.5)
    const siblings = retainedPerChar(() => `<r>${'<x/>'.repeat(1_000_000)}</r>`, kind('parseXml').decode)
    expect(siblings.ratio).toBeLessThanOrEqual(64)
  })
})
