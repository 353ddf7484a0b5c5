import type * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  DigestXml,
  type SDataIssue,
  SyncEntryXml,
  SyncFeedXml,
  TrackingXml,
  validateDigest,
  validateSyncEntry,
  validateSyncFeed,
  validateTracking,
} from '../../src/sdata/index'
import type { XmlInput } from '../../src/xml/index'
import { decoded as decode } from '../support/decode'
import { fixture } from '../support/fixtures'

function decoded<A>(codec: t.Type<A, string, XmlInput>, file: string): A {
  return decode(codec, fixture(`sdata/${file}`))
}

const show = (issues: SDataIssue[]) => issues.map((i) => `${i.severity} ${i.path}`)
const errorsOf = (issues: SDataIssue[]) => issues.filter((i) => i.severity === 'error')
const UUID_WARNING = (n: number) => `warning /feed/entry[${n}]/sdata:payload/account/@sdata:uuid`

describe('validateSyncFeed on the corpus', () => {
  it('spec §4.4 (catchUp) is a valid source feed and $syncTarget request; only its mixed-case uuids warn', () => {
    const feed = decoded(SyncFeedXml, 'spec-4.4_sync-feed_catchUp.xml')
    for (const role of ['source', 'target-request'] as const) {
      expect(show(validateSyncFeed(feed, { role }))).toStrictEqual([UUID_WARNING(1), UUID_WARNING(2)])
    }
  })

  it('spec §5.8 (immediate) is a valid $syncTarget request; its digest without origin warns', () => {
    const feed = decoded(SyncFeedXml, 'spec-5.8_sync-feed_immediate.xml')
    expect(show(validateSyncFeed(feed, { role: 'target-request' }))).toStrictEqual([
      'warning /feed/sync:digest/origin',
      UUID_WARNING(1),
    ])
  })

  it('the §5.3 result feed and the core §13.4 batch response are valid results, and not valid source feeds', () => {
    for (const file of ['spec-5.3_syncTarget-result-feed.xml', 'core-13.4_batch-response-feed.xml']) {
      const feed = decoded(SyncFeedXml, file)
      expect(validateSyncFeed(feed, { role: 'result' })).toStrictEqual([])
      const asSource = errorsOf(validateSyncFeed(feed)).map((i) => i.path)
      expect(asSource).toContain('/feed/sync:digest')
      expect(asSource).toContain('/feed/entry[1]/sync:syncState')
    }
  })

  it('the .NET client feed with a prefixed digest is clean in every role', () => {
    const feed = decoded(SyncFeedXml, 'DotNetSDataClient_sync-feed_prefixed-digest.xml')
    expect(validateSyncFeed(feed)).toStrictEqual([])
  })

  it('the real adapter feed (no syncState, no uuid) fails as a sync feed, naming each entry', () => {
    const feed = decoded(SyncFeedXml, 'SDataCSharpClientLib_TestFeed_real-adapter-output_opensearch.xml')
    expect(show(errorsOf(validateSyncFeed(feed)))).toStrictEqual([
      'error /feed/sync:digest',
      'error /feed/entry[1]/sync:syncState',
      'error /feed/entry[1]/sdata:payload/Employee/@sdata:uuid',
      // The real adapter writes two sdata:payload elements per entry; only the first is read.
      'error /feed/entry[1]/sdata:payload[2]',
      'error /feed/entry[2]/sync:syncState',
      'error /feed/entry[2]/sdata:payload/Employee/@sdata:uuid',
      'error /feed/entry[2]/sdata:payload[2]',
    ])
  })
})

describe('validateSyncEntry, validateDigest and validateTracking on the corpus', () => {
  it('the §5.1 $syncDigest response and the §5.2 $syncSource POST body carry a valid digest', () => {
    for (const file of ['spec-5.1_syncDigest-GET-response-entry.xml', 'spec-5.2_syncSource-POST-request-entry.xml']) {
      expect(errorsOf(validateSyncEntry(decoded(SyncEntryXml, file)))).toStrictEqual([])
    }
  })

  it('an entry without a digest is not a $syncDigest response', () => {
    const entry = decoded(SyncEntryXml, 'spec-5.1_syncDigest-GET-response-entry.xml')
    expect(show(validateSyncEntry({ ...entry, digest: undefined }))).toStrictEqual([
      'error /entry/sdata:payload/sync:digest',
    ])
  })

  it('the §4.2 digest is valid', () => {
    expect(validateDigest(decoded(DigestXml, 'spec-4.2_digest.xml'))).toStrictEqual([])
  })

  it('the §5.2 tracking body uses the namespace without /1, a warning', () => {
    expect(show(validateTracking(decoded(TrackingXml, 'spec-5.2_tracking-202-response.xml')))).toStrictEqual([
      'warning /tracking',
    ])
  })
})
