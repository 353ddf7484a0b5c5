// Event mode (the single-pass readers of FILESYNC documents and SData entries) takes white space before > and /> in
// a tag without attributes, and before > in end tags, as the tree does: the values are the same.
import { describe, expect, it, vi } from 'vitest'
import { DateTimeCodec } from '../../src/codec/index'
import { FileSyncXml } from '../../src/filesync/index'
import { SyncFeedXml } from '../../src/sdata/index'
import { decoded } from '../support/decode'
import { fixture } from '../support/fixtures'

const FEED = fixture('sdata/spec-4.4_sync-feed_catchUp.xml')
const UPLOAD = fixture('filesync/spo-2025-04-write-document-create.request-part.xml')

describe('event mode: white space at the end of a tag', () => {
  it('an SData feed decodes the same with white space in its empty tags and end tags', () => {
    const spaced = FEED.replaceAll('<id/>', '<id \n/>')
      .replaceAll('<title/>', '<title\t/>')
      .replaceAll('</updated>', '</updated >')
      .replaceAll('</tick>', '</tick\n>')
      .replaceAll('</entry>', '</entry >')
    expect(spaced).not.toBe(FEED)
    expect(decoded(SyncFeedXml, spaced)).toEqual(decoded(SyncFeedXml, FEED))
  })

  it('a FILESYNC document decodes the same, in one run, with white space before > in start tags', () => {
    const spaced = UPLOAD.replace('<Items>', '<Items >')
      .replace('<Document>', '<Document\n>')
      .replace('<DataSize>', '<DataSize\t>')
    const plain = decoded(FileSyncXml, UPLOAD)
    // Read in one run, in event mode: the one date is validated once.
    const spy = vi.spyOn(DateTimeCodec, 'validate')
    try {
      expect(decoded(FileSyncXml, spaced)).toEqual(plain)
      expect(spy.mock.calls.length).toBe(1)
    } finally {
      spy.mockRestore()
    }
  })
})
