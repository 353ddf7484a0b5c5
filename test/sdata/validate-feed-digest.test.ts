// validateSyncFeed on a hand-built feed whose digest is not a digest: the digest is reported as such, the entries'
// states are still checked (tick order), and nothing else fails on the way.
import { describe, expect, it } from 'vitest'
import { type Stamp, type SyncEntry, type SyncFeed, validateSyncFeed } from '../../src/sdata/index'

const E = 'http://example.com/sdata/app/-/accounts'

function entry(tick: number): SyncEntry {
  return {
    links: [],
    diagnoses: [],
    extensions: [],
    syncState: { endpoint: E, tick, stamp: '2026-01-01T00:00:00Z' as Stamp },
  }
}

describe('validateSyncFeed with a digest that is not an object', () => {
  it.each([null, 'digest', 7])('digest %s: the digest is reported, the entries still checked', (digest) => {
    const feed = {
      links: [],
      diagnoses: [],
      extensions: [],
      syncMode: 'catchUp',
      digest,
      entries: [entry(3), entry(2)],
    } as unknown as SyncFeed
    const issues = validateSyncFeed(feed)
    const messages = issues.map((i) => `${i.severity} ${i.path} ${i.message}`)
    expect(messages).toContain('error /feed/sync:digest the digest is not an object')
    expect(messages.filter((m) => m.includes('could not be inspected'))).toStrictEqual([])
    expect(issues.filter((i) => i.message.startsWith('tick 2 of'))).toHaveLength(1)
  })
})
