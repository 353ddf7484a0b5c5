import fc from 'fast-check'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import * as codec from '../../src/codec/index'
import * as filesync from '../../src/filesync/index'
import * as root from '../../src/index'
import * as sdata from '../../src/sdata/index'
import { fixture } from '../support/fixtures'
import { decodeIssue } from '../support/issues'
import { numRuns } from '../support/runtime'

const { DecodeError, decodeOrThrow, NonNegativeInteger, reportErrors, safeDecode } = codec
const { DigestXml, SyncFeedXml } = sdata
const { FileSyncXml } = filesync

const FEED = fixture('sdata/spec-4.4_sync-feed_catchUp.xml')

// Inputs that are sometimes documents and mostly not: cuts of a real feed and random text.
const inputs = fc.oneof(
  fc.nat({ max: FEED.length }).map((n) => FEED.slice(0, n)),
  fc.string(),
  fc.constant(FEED),
  fc.constant('<Items/>'),
)

describe('safeDecode', () => {
  it('gives the value of a valid document', () => {
    const result = safeDecode(SyncFeedXml, FEED)
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.value.entries.length).toBeGreaterThan(0)
  })

  it('gives every issue of an invalid one, with XML paths', () => {
    const result = safeDecode(
      DigestXml,
      '<digest xmlns="http://schemas.sage.com/sdata/sync/2008/1"><digestEntry><tick>x</tick></digestEntry></digest>',
    )
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.issues).toEqual([
        decodeIssue('bad-value', '/sync:digest/digestEntry[1]/tick', 'expected a non-negative integer, found "x"'),
        decodeIssue('missing', '/sync:digest/digestEntry[1]/endpoint', 'missing required element sync:endpoint'),
        decodeIssue('missing', '/sync:digest/digestEntry[1]/stamp', 'missing required element sync:stamp'),
      ])
    }
  })

  it('reports text that is not well-formed at line:column', () => {
    const result = safeDecode(FileSyncXml, '<Items>\n  <Folder>')
    expect(result).toMatchObject({ ok: false, issues: [{ path: expect.stringMatching(/^\d+:\d+$/) }] })
  })

  it('agrees with the io-ts decode on any input: ok exactly when Right, issues exactly reportErrors(left)', () => {
    fc.assert(
      fc.property(inputs, fc.constantFrom(SyncFeedXml, FileSyncXml, DigestXml), (input, c) => {
        const decoded = (c as t.Decoder<string, unknown>).decode(input)
        const result = safeDecode(c as t.Decoder<string, unknown>, input)
        if (decoded._tag === 'Right') expect(result).toEqual({ ok: true, value: decoded.right })
        else expect(result).toEqual({ ok: false, issues: reportErrors(decoded.left) })
      }),
      { numRuns: numRuns(100) },
    )
  })

  it('works with any io-ts codec, not only documents', () => {
    expect(safeDecode(NonNegativeInteger, '42')).toEqual({ ok: true, value: 42 })
    expect(safeDecode(t.number, 'x' as unknown)).toMatchObject({ ok: false, issues: [{ path: '' }] })
  })

  it('never throws: a codec that throws becomes one issue at the root', () => {
    const broken = new t.Type<number, string, string>(
      'Broken',
      (u): u is number => typeof u === 'number',
      () => {
        throw new Error('boom')
      },
      String,
    )
    expect(safeDecode(broken, '1')).toEqual({
      ok: false,
      issues: [decodeIssue('internal', '', 'the codec threw instead of reporting an error: boom')],
    })
  })
})

describe('decodeOrThrow', () => {
  it('returns the value of a valid document', () => {
    expect(decodeOrThrow(FileSyncXml, '<Items/>')).toEqual({ root: 'Items', items: [] })
  })

  it('throws a DecodeError carrying every issue, the same as safeDecode gives', () => {
    const text = '<Folder><SpaceUsed>abc</SpaceUsed><QuotaState>1</QuotaState><DataSize>-1</DataSize></Folder>'
    const expected = safeDecode(FileSyncXml, text)
    expect(expected.ok).toBe(false)
    let caught: unknown
    try {
      decodeOrThrow(FileSyncXml, text)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(DecodeError)
    expect(caught).toBeInstanceOf(Error)
    const error = caught as InstanceType<typeof DecodeError>
    expect(error.name).toBe('DecodeError')
    if (!expected.ok) expect(error.issues).toEqual(expected.issues)
    expect(error.message).toContain('/Folder/SpaceUsed: expected a non-negative safe integer')
    expect(error.message.startsWith('could not decode FileSyncXml: ')).toBe(true)
  })

  it('lists at most three issues in the message and counts the rest', () => {
    const issues = [1, 2, 3, 4, 5].map((n) => decodeIssue('bad-value', `/a/b[${n}]`, `bad ${n}`))
    const error = new DecodeError(issues, 'Thing')
    expect(error.message).toBe('could not decode Thing: /a/b[1]: bad 1; /a/b[2]: bad 2; /a/b[3]: bad 3 (and 2 more)')
    expect(new DecodeError([decodeIssue('internal', '', 'whole')]).message).toBe('could not decode input: whole')
  })

  it('throws exactly when safeDecode is not ok', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const result = safeDecode(SyncFeedXml, input)
        if (result.ok) expect(decodeOrThrow(SyncFeedXml, input)).toEqual(result.value)
        else expect(() => decodeOrThrow(SyncFeedXml, input)).toThrow(DecodeError)
      }),
      { numRuns: numRuns(100) },
    )
  })
})

describe('the plain companions are public where document codecs are', () => {
  it('the same functions from syncwire, syncwire/codec, syncwire/filesync and syncwire/sdata', () => {
    for (const mod of [root, filesync, sdata]) {
      expect(mod.safeDecode).toBe(codec.safeDecode)
      expect(mod.decodeOrThrow).toBe(codec.decodeOrThrow)
      expect(mod.DecodeError).toBe(codec.DecodeError)
    }
  })
})
