// The syncwire/testing matchers: passing and failing inputs, and the messages a failure shows (paths, severities,
// a diff of expected vs decoded). Works through expect.extend as users register them, and as plain functions.
import { describe, expect, it } from 'vitest'
import { FileSyncXml } from '../../src/filesync/index'
import { type Digest, DigestXml, SyncFeedXml } from '../../src/sdata/index'
import { diffValues, installMatchers, matchers, type Unbranded } from '../../src/testing/index'
import { fixture } from '../support/fixtures'

installMatchers(expect)

const folder = fixture('filesync/spo-2025-02-write-folder-create.response.xml')
const feed = fixture('sdata/spec-4.4_sync-feed_catchUp.xml')
const digest = fixture('sdata/spec-4.2_digest.xml')
const badId = '<Items><Document><ResourceID>42</ResourceID><WriteMode>Update</WriteMode></Document></Items>'

/** The message a failing assertion throws. */
function failure(assertion: () => void): string {
  try {
    assertion()
  } catch (error) {
    return String((error as Error).message)
  }
  throw new Error('the assertion passed')
}

describe('toBeValidFileSync', () => {
  it('passes on a captured SharePoint document, as text or as a decoded value', () => {
    expect(folder).toBeValidFileSync()
    const decoded = FileSyncXml.decode(folder)
    if (decoded._tag === 'Right') expect(decoded.right).toBeValidFileSync()
    else throw new Error('the fixture does not decode')
  })

  it('fails with each problem as path, severity and message', () => {
    const message = failure(() => expect(badId).toBeValidFileSync())
    expect(message).toContain('expected a valid FILESYNC document, found')
    expect(message).toMatch(/\/Items\/Document\[1\]\/ResourceID error: ResourceID is not a GUID/)
  })

  it('fails on text that does not decode, naming where', () => {
    const message = failure(() => expect('<Items><Folder>').toBeValidFileSync())
    expect(message).toContain('does not decode')
    expect(message).toMatch(/\d+:\d+/)
  })

  it('.not passes on an invalid document and fails on a valid one', () => {
    expect(badId).not.toBeValidFileSync()
    expect(failure(() => expect(folder).not.toBeValidFileSync())).toContain('not to be valid')
  })
})

describe('toBeValidSyncFeed', () => {
  it('passes on the spec catch-up feed as a source; strict fails it on its warnings', () => {
    expect(feed).toBeValidSyncFeed({ role: 'source' })
    const message = failure(() => expect(feed).toBeValidSyncFeed({ strict: true }))
    expect(message).toContain('(strict: warnings fail too)')
    expect(message).toMatch(/\/feed\/entry\[1\]\/sdata:payload\/account\/@sdata:uuid warning: /)
  })

  it('fails on a feed without a digest, with the path of the missing element', () => {
    const bare = '<feed xmlns="http://www.w3.org/2005/Atom"/>'
    expect(failure(() => expect(bare).toBeValidSyncFeed())).toMatch(/\/feed\/sync:digest error: /)
  })
})

describe('toDecodeAs', () => {
  // The value fixtures/sdata/spec-4.2_digest.expected.json records for this document.
  const expected = (JSON.parse(fixture('sdata/spec-4.2_digest.expected.json')) as { value: Unbranded<Digest> }).value

  it('passes when the decoded value equals the expected one', () => {
    expect(digest).toDecodeAs(DigestXml, expected)
  })

  it('fails with a diff of expected vs decoded, one JSON path per difference', () => {
    const wrong = { ...expected, entries: [{ ...expected.entries[0]!, tick: 7 }, ...expected.entries.slice(1)] }
    const message = failure(() => expect(digest).toDecodeAs(DigestXml, wrong))
    expect(message).toContain('differences:')
    expect(message).toContain('$.entries[0].tick\n  - expected 7\n  + decoded  5')
  })

  it('fails on input the codec rejects, with the decode errors', () => {
    const message = failure(() =>
      expect(
        '<digest xmlns="http://schemas.sage.com/sdata/sync/2008/1"><digestEntry><tick>x</tick></digestEntry></digest>',
      ).toDecodeAs(DigestXml, expected),
    )
    expect(message).toMatch(/\/sync:digest\/digestEntry\[1\]\/\S+ ?: /)
  })
})

describe('toRoundTrip', () => {
  it('passes on captured documents of both protocols', () => {
    expect(folder).toRoundTrip(FileSyncXml)
    expect(feed).toRoundTrip(SyncFeedXml)
  })

  it('fails, with the diff, for a codec that loses information', () => {
    const lossy = {
      ...DigestXml,
      name: 'LossyDigest',
      encode: (d: { entries: unknown[] }) => DigestXml.encode({ ...d, entries: [] } as never),
    }
    const message = failure(() => expect(digest).toRoundTrip(lossy as never))
    expect(message).toContain('decode ∘ encode ∘ decode = decode with LossyDigest')
    expect(message).toContain('$.entries\n  - expected 3 items\n  + decoded  0 items')
  })
})

describe('as plain functions, for other runners', () => {
  it('return pass and a message', () => {
    expect(matchers.toBeValidFileSync.call(undefined, folder).pass).toBe(true)
    const r = matchers.toBeValidFileSync.call(undefined, badId)
    expect(r.pass).toBe(false)
    expect(r.message()).toContain('ResourceID')
    expect(matchers.toBeValidFileSync.call(undefined, 42).message()).toContain('expected XML text or a decoded')
  })

  it('diffValues: empty for equal values (Uint8Array by content, undefined keys as absent), paths otherwise', () => {
    expect(diffValues({ a: new Uint8Array([1, 2]), b: undefined }, { a: new Uint8Array([1, 2]) })).toEqual([])
    expect(diffValues({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toEqual([
      '$.a[1].b',
      '  - expected "x"',
      '  + decoded  "y"',
    ])
    expect(
      diffValues(
        Array.from({ length: 30 }, (_, i) => i),
        Array.from({ length: 30 }, (_, i) => -i - 1),
        3,
      ),
    ).toHaveLength(10)
  })
})
