// URL builders' count fallbacks, sync token encoding of non-ASCII text and surrogates, and isSyncStatus.
// Raised from mutation testing (issue 7).
import { describe, expect, it } from 'vitest'
import { changesUrl, encodeSyncToken, folderItemsUrl, isSyncStatus } from '../../../src/filesync/index'

const SITE = 'https://h/personal/a'
const LIB = '5d2445a6f48d4f6cb190640d11e29a93'
const BASE = `${SITE}/_api/SPFileSync/sync/${LIB}`

describe('counts in URLs', () => {
  it('keeps a non-negative safe integer, zero included', () => {
    expect(changesUrl(SITE, LIB, { maxItemCount: 0 })).toBe(
      `${BASE}/RootFolder?Filter=changes&InlineBlobs=false&MaxItemCount=0&View=SkyDriveSync`,
    )
    expect(changesUrl(SITE, LIB, { maxItemCount: 9007199254740991 })).toBe(
      `${BASE}/RootFolder?Filter=changes&InlineBlobs=false&MaxItemCount=9007199254740991&View=SkyDriveSync`,
    )
  })

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 9007199254740992])(
    'falls back to the default for %s',
    (n) => {
      expect(changesUrl(SITE, LIB, { maxItemCount: n })).toBe(
        `${BASE}/RootFolder?Filter=changes&InlineBlobs=false&MaxItemCount=500&View=SkyDriveSync`,
      )
      expect(folderItemsUrl(SITE, LIB, LIB, { depth: n, offset: n, count: n })).toBe(
        `${BASE}/Items/${LIB}?View=SkyDriveSync&Depth=0&FoldersOnly=true&web3s.paging=0,100`,
      )
    },
  )

  it('writes given depth, offset and count and FoldersOnly=false', () => {
    expect(folderItemsUrl(SITE, LIB, LIB, { depth: 2, offset: 100, count: 50, foldersOnly: false })).toBe(
      `${BASE}/Items/${LIB}?View=SkyDriveSync&Depth=2&FoldersOnly=false&web3s.paging=100,50`,
    )
  })
})

describe('encodeSyncToken', () => {
  it('percent-encodes non-ASCII characters as UTF-8 and goes on with the next character', () => {
    expect(encodeSyncToken('\u00e9x')).toBe('%C3%A9x')
    expect(encodeSyncToken('\u0080\u07ff\u0800')).toBe('%C2%80%DF%BF%E0%A0%80')
    expect(encodeSyncToken('\u20acy')).toBe('%E2%82%ACy')
  })

  it('encodes a surrogate pair as one 4-byte character, then goes on', () => {
    expect(encodeSyncToken('a\u{1f600}b')).toBe('a%F0%9F%98%80b')
    expect(encodeSyncToken('\u{1f600}\u{1f600}')).toBe('%F0%9F%98%80%F0%9F%98%80')
  })

  it('writes a lone surrogate at the end, or a lone low surrogate, as U+FFFD', () => {
    expect(encodeSyncToken('a\ud800')).toBe('a%EF%BF%BD')
    expect(encodeSyncToken('\udc00z')).toBe('%EF%BF%BDz')
  })

  it('encodes controls, DEL, space, #, & and + and keeps ; and other ASCII', () => {
    expect(encodeSyncToken('\u0000\u001f\u007f #&+;=/?~')).toBe('%00%1F%7F%20%23%26%2B;=/?~')
    expect(encodeSyncToken('%zz%4')).toBe('%25zz%254')
    expect(encodeSyncToken('%4a%4A')).toBe('%4a%4A')
  })
})

describe('isSyncStatus', () => {
  it('accepts the five spec values exactly as spelled', () => {
    for (const s of ['NoChanges', 'IncrementalChanges', 'FullData', 'ResyncNeeded', 'CurrentSyncTokenOnly']) {
      expect(isSyncStatus(s)).toBe(true)
    }
  })

  it('refuses other spellings, other values and undefined', () => {
    for (const s of ['fulldata', 'FULLDATA', 'FullData ', '', 'Unknown', undefined]) expect(isSyncStatus(s)).toBe(false)
  })
})
